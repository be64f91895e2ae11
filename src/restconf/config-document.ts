/**
 * Loading configuration without a request (`yangkit serve --init`, a `--data`
 * file at start, generated servers): the document gets the same checks a PUT
 * on the datastore root gives its body.
 */
import type { SchemaSet } from '../ir/types.js';
import { withBuiltinModules } from './builtin-modules.js';
import { decodeObject } from './decode.js';
import { type JsonObject, SchemaIndex } from './schema-index.js';
import { pruneEmpty } from './tree.js';
import { requireValid } from './validation.js';

/**
 * Checks an RFC 7951 JSON configuration document (module-qualified top-level
 * members) against `schema` and returns it in canonical form, ready for
 * `Datastore.commit`, nodes whose when is false left out (RFC 7950 8.3.2).
 * Throws a RestconfError: the first request-shape problem, or every violation
 * of the data rules.
 */
export function validateConfigDocument(schema: SchemaSet, document: unknown): JsonObject {
  const index = new SchemaIndex(withBuiltinModules(schema));
  const data = decodeObject(index.topLevel, undefined, document, '', { encoding: 'json', rejectState: true });
  requireValid(index.schema, data, { type: 'config', prune: true });
  pruneEmpty(data, { children: index.topLevel, parentModule: undefined });
  return data;
}
