import type { SchemaSet } from '../ir/types.js';
import type { DataError, ValidateOptions } from './index.js';

export function runValidation(_schema: SchemaSet, _document: unknown, _options: ValidateOptions): DataError[] {
  return [];
}
