/**
 * Instance validation (RFC 7950 section 8, src/validate) of what the server
 * stores, receives and sends, with its violations as RESTCONF errors: every
 * violation is one `error` entry of a single reply (RFC 8040 section 7.1 allows
 * several), its error-tag and error-app-tag as RFC 7950 section 15 gives them.
 */
import type { SchemaSet } from '../ir/types.js';
import { type DataError, type ValidateOptions, validateData } from '../validate/index.js';
import { type ErrorEntry, type ErrorTag, RestconfError } from './errors.js';
import type { JsonObject } from './schema-index.js';

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

/** Checks what the server itself produced (operation output, notifications): a violation is its own fault, 500 operation-failed. */
export function requireValidOutput(schema: SchemaSet, document: JsonObject, options: ValidateOptions, what: string): void {
  const errors = validateData(schema, document, options);
  if (errors.length) throw new RestconfError(500, errors.map((e) => entry(e, 'operation-failed', `${what}: ${e.message}`)));
}
