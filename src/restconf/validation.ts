/**
 * Instance validation (RFC 7950 section 8, src/validate) of what the server
 * stores, receives and sends, with its violations as RESTCONF errors: every
 * violation is one `error` entry of a single reply (RFC 8040 section 7.1 allows
 * several), its error-tag and error-app-tag as RFC 7950 section 15 gives them.
 */
import type { SchemaSet } from '../ir/types.js';
import { type DataError, type ValidateOptions, validateData } from '../validate/index.js';
import { parseInstanceIdentifier } from '../values/instance-identifier.js';
import { type ErrorEntry, type ErrorTag, RestconfError } from './errors.js';
import { type JsonObject, type JsonValue, isObject } from './schema-index.js';
import { lexical } from './values.js';

function entry(e: DataError, tag: ErrorTag, message: string): ErrorEntry {
  return { type: 'application', tag, message, ...(e.appTag ? { appTag: e.appTag } : {}), ...(e.path ? { path: e.path } : {}) };
}

/**
 * Checks `document` and throws every violation as one RestconfError. Request
 * content at fault is a 400 whatever the tag (data-missing, operation-failed
 * included): the client sent it, and nothing was applied.
 */
export function requireValid(schema: SchemaSet, document: JsonObject, options: ValidateOptions): void {
  const errors = validateData(schema, document, options);
  if (errors.length) throw new RestconfError(400, errors.map((e) => entry(e, e.tag as ErrorTag, e.message)));
}

/** Whether the instance an error path (RFC 7951 names, key and leaf-list predicates) names exists in `tree`. */
function existsIn(tree: JsonObject, path: string): boolean {
  const parsed = parseInstanceIdentifier(path);
  if ('error' in parsed) return false;
  let at: JsonValue[] = [tree];
  for (const step of parsed.steps) {
    const member = step.prefix ? `${step.prefix}:${step.name}` : step.name;
    const values = at.flatMap((v) => (isObject(v) && v[member] !== undefined ? [v[member]!] : []));
    at = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
    at = at.filter((v) =>
      step.predicates.every((p) => (p.kind === 'key' ? isObject(v) && v[p.name] !== undefined && lexical(v[p.name]!) === p.value : p.kind === 'value' ? lexical(v) === p.value : true)),
    );
  }
  return at.length > 0;
}

/**
 * Validates the configuration an edit produced (`draft`, changed from `before`):
 * nodes whose when turned false are removed from `draft` (RFC 7950 8.2: they no
 * longer exist), but a node the edit itself created under a false when is refused
 * as unknown-element (8.3.2). Throws every violation as one RestconfError;
 * returns whether nodes were removed.
 */
export function validateEdit(schema: SchemaSet, before: JsonObject, draft: JsonObject): boolean {
  const errors = validateData(schema, draft, { type: 'config' });
  const stale = errors.filter((e) => e.rule === 'when-false');
  const created = stale.filter((e) => !existsIn(before, e.path));
  if (stale.length > 0 && created.length === 0) {
    requireValid(schema, draft, { type: 'config', prune: true });
    return true;
  }
  // Only the nodes the edit created are refused for their when; the others would have been removed.
  const refused = errors.filter((e) => e.rule !== 'when-false' || created.includes(e));
  if (refused.length) throw new RestconfError(400, refused.map((e) => entry(e, e.tag as ErrorTag, e.message)));
  return false;
}

/** Checks what the server itself produced (operation output, notifications): a violation is its own fault, 500 operation-failed. */
export function requireValidOutput(schema: SchemaSet, document: JsonObject, options: ValidateOptions, what: string): void {
  const errors = validateData(schema, document, options);
  if (errors.length) throw new RestconfError(500, errors.map((e) => entry(e, 'operation-failed', `${what}: ${e.message}`)));
}
