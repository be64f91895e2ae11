/**
 * Instance identifiers in RFC 7951 form, used as `error-path` values:
 * `/example-jukebox:jukebox/library/artist[name='Foo']/album[name='Bar']/year`.
 */
import type { ListNode } from '../ir/types.js';
import type { JsonValue } from './schema-index.js';
import { lexical } from './values.js';

function quote(s: string): string {
  return s.includes("'") ? `"${s}"` : `'${s}'`;
}

/** `[k1='v1'][k2='v2']` for a list entry, from canonical key values in key order. */
export function keyPredicate(list: ListNode, keys: readonly JsonValue[]): string {
  return list.keys.map((k, i) => `[${k}=${quote(lexical(keys[i] ?? ''))}]`).join('');
}

export function leafListPredicate(value: JsonValue): string {
  return `[.=${quote(lexical(value))}]`;
}
