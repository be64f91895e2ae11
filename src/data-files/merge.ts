/**
 * Several instance documents merged into one tree, as `yanglint -m` does:
 * containers merge recursively, list entries with the same keys merge,
 * leaf-list values are united, and a leaf given twice takes the later value.
 * The source objects are moved, not copied, so the positions recorded for them stay valid.
 */
import type { SchemaNode } from '../ir/types.js';
import { type JsonObject, type JsonValue, isObject, lookupChild } from '../restconf/schema-index.js';
import { type DataPositions, setOwn } from './positions.js';

/** The identity of a list entry: its key values (a keyless list's entries are all distinct). */
function entryKey(entry: JsonValue, keys: readonly string[], module: string): string | undefined {
  if (!keys.length || !isObject(entry)) return undefined;
  return JSON.stringify(keys.map((k) => entry[k] ?? entry[`${module}:${k}`] ?? null));
}

function append(target: JsonValue[], item: JsonValue, source: JsonValue[], index: number, positions: DataPositions): void {
  positions.moveMember(source, index, target, target.length);
  target.push(item);
}

/** Merges `source` into `target`, both objects holding instances of `children` (top level: `parentModule` undefined). */
export function mergeData(target: JsonObject, source: JsonObject, children: readonly SchemaNode[], parentModule: string | undefined, positions: DataPositions): void {
  for (const [member, value] of Object.entries(source)) {
    const existing = target[member];
    const node = lookupChild(children, parentModule, member)?.node;
    if (existing !== undefined && node) {
      if ((node.kind === 'container' || node.kind === 'notification') && isObject(existing) && isObject(value)) {
        mergeData(existing, value, node.children, node.module, positions);
        continue;
      }
      if (node.kind === 'list' && Array.isArray(existing) && Array.isArray(value)) {
        const byKey = new Map<string, JsonObject>();
        for (const entry of existing) {
          const key = entryKey(entry, node.keys, node.module);
          if (key !== undefined && isObject(entry)) byKey.set(key, entry);
        }
        value.forEach((entry, i) => {
          const key = entryKey(entry, node.keys, node.module);
          const same = key === undefined ? undefined : byKey.get(key);
          if (same && isObject(entry)) mergeData(same, entry, node.children, node.module, positions);
          else append(existing, entry, value, i, positions);
        });
        continue;
      }
      if (node.kind === 'leaf-list' && Array.isArray(existing) && Array.isArray(value)) {
        const present = new Set(existing.map((v) => JSON.stringify(v)));
        value.forEach((v, i) => {
          if (!present.has(JSON.stringify(v))) append(existing, v, value, i, positions);
        });
        continue;
      }
    }
    setOwn(target, member, value);
    positions.moveMember(source, member, target, member);
  }
}
