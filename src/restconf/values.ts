/** Leaf values as the RESTCONF server handles them (checking them is `src/values/check.ts`). */
import type { JsonValue } from './schema-index.js';

/** Lexical (XML, URI key, error-path) form of a canonical JSON value. */
export function lexical(value: JsonValue): string {
  if (Array.isArray(value)) return '';
  return String(value);
}

/** Canonical-value equality (values are JSON scalars or [null]). */
export function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
