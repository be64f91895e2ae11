/**
 * Loading configuration without a request (`yangkit serve --init`): the
 * document gets the same checks a PUT on the datastore root gives its body.
 */
import type { SchemaSet } from '../ir/types.js';
import { withBuiltinModules } from './builtin-modules.js';
import { validateDatastore } from './constraints.js';
import { decodeObject } from './decode.js';
import { type JsonObject, SchemaIndex } from './schema-index.js';
import { pruneEmpty } from './tree.js';

/**
 * Checks an RFC 7951 JSON configuration document (module-qualified top-level
 * members) against `schema` and returns it in canonical form, ready for
 * `Datastore.commit`. Throws a RestconfError naming the first problem's path.
 */
export function validateConfigDocument(schema: SchemaSet, document: unknown): JsonObject {
  const index = new SchemaIndex(withBuiltinModules(schema));
  const data = decodeObject(index.topLevel, undefined, document, '', { encoding: 'json', rejectState: true });
  pruneEmpty(data, { children: index.topLevel, parentModule: undefined });
  validateDatastore(data, index.topLevel);
  return data;
}
