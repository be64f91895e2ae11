/**
 * Instance identifiers in RFC 7951 form, used as `error-path` values:
 * `/example-jukebox:jukebox/library/artist[name='Foo']/album[name='Bar']/year`.
 */
import type { ListNode } from '../ir/types.js';
import { parseInstanceIdentifier } from '../values/instance-identifier.js';
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

/**
 * `path` as the XML encoding writes it: every node name, key names included,
 * carries a prefix (RFC 8040 7.1, RFC 7950 9.13.2); module names serve as the
 * prefixes, returned for the xmlns declarations. A path that does not parse
 * (an unknown member name as sent) is returned unchanged.
 */
export function prefixedPath(path: string): { text: string; modules: string[] } {
  const parsed = parseInstanceIdentifier(path);
  if ('error' in parsed) return { text: path, modules: [] };
  const modules = new Set<string>();
  let module = '';
  let text = '';
  for (const step of parsed.steps) {
    // RFC 7951 names the module only where it changes; unprefixed names inherit it.
    module = step.prefix ?? module;
    modules.add(module);
    text += `/${module}:${step.name}`;
    for (const p of step.predicates) {
      if (p.kind === 'position') text += `[${p.position}]`;
      else text += `[${p.kind === 'key' ? `${p.prefix ?? module}:${p.name}` : '.'}=${quote(p.value)}]`;
    }
  }
  return { text, modules: [...modules] };
}
