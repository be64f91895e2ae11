/**
 * Instance-data validation (RFC 7950 section 8): an RFC 7951 document checked
 * against a SchemaSet for one of the data kinds yanglint knows (`-t`).
 */
import type { SchemaSet } from '../ir/types.js';
import type { DataError, ValidateOptions } from './types.js';
import { runValidation } from './validator.js';

export type { SchemaSet };
export { notificationTree } from './notification-tree.js';
export type { DataError, DataKind, ValidateOptions } from './types.js';

/** Every violation in `document` (empty when valid). With `prune`, nodes whose when is false are removed from `document`. */
export function validateData(schema: SchemaSet, document: unknown, options: ValidateOptions): DataError[] {
  return runValidation(schema, document, options);
}
