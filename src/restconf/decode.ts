/**
 * Request content checking: turns a parsed body subtree (JSON as sent, or the
 * string-valued tree the XML reader produces) into canonical RFC 7951 data,
 * rejecting unknown members, bad values, missing or duplicate keys, members of
 * two cases of one choice (a merge would otherwise silently keep one of them)
 * and, for datastore edits, config false nodes: the shape of the request, a 400
 * before anything is tried. The rules on the resulting data (must, when,
 * mandatory, min/max-elements, unique, leafref and instance-identifier
 * require-instance) are validateData's, run on the whole result (validation.ts).
 */
import type { DataNode, ListNode, SchemaNode } from '../ir/types.js';
import { RestconfError, invalidValue } from './errors.js';
import { keyPredicate, leafListPredicate } from './instance-path.js';
import { type JsonObject, type JsonValue, isDataNode, isObject, lookupChild } from './schema-index.js';
import { type Encoding, checkValue } from '../values/check.js';

export interface DecodeOptions {
  encoding: Encoding;
  /** Datastore edits may not touch config false nodes; operation input and notifications may. */
  rejectState: boolean;
}

function expectShape(ok: boolean, path: string, what: string): void {
  if (!ok) throw invalidValue(path, `expected ${what}`);
}

/** Checks the members of one object whose schema children are `children`. */
export function decodeObject(
  children: readonly SchemaNode[],
  parentModule: string | undefined,
  raw: unknown,
  path: string,
  o: DecodeOptions,
): JsonObject {
  expectShape(isObject(raw), path || '/', 'an object');
  const out: JsonObject = {};
  const chosen = new Map<SchemaNode, SchemaNode>();
  for (const [member, value] of Object.entries(raw as JsonObject)) {
    if (member.startsWith('@')) {
      throw RestconfError.of('unknown-attribute', `metadata annotation "${member}" is not supported`, { path: `${path}/${member.slice(1)}` });
    }
    const entry = lookupChild(children, parentModule, member);
    const node = entry?.node;
    if (!node || !isDataNode(node)) {
      throw RestconfError.of('unknown-element', `unknown member "${member}"`, { path: `${path}/${member}` });
    }
    const nodePath = `${path}/${node.jsonName}`;
    if (o.rejectState && !node.config) throw invalidValue(nodePath, `${node.name} is config false and cannot be edited`);
    if (node.jsonName in out) throw RestconfError.of('malformed-message', `member ${node.jsonName} given twice`, { path: nodePath });
    for (const { choice, case: c } of entry.cases) {
      const other = chosen.get(choice);
      if (other && other !== c) {
        throw invalidValue(nodePath, `choice ${choice.name}: case ${c.name} conflicts with case ${other.name} given in the same object`);
      }
      chosen.set(choice, c);
    }
    out[node.jsonName] = decodeNode(node, value, nodePath, o);
  }
  return out;
}

function decodeListEntry(list: ListNode, raw: unknown, listPath: string, o: DecodeOptions): { entry: JsonObject; keys: JsonValue[] } {
  expectShape(isObject(raw), listPath, `an object for each ${list.name} entry`);
  const keys = list.keys.map((k) => {
    const keyLeaf = list.children.find((c) => c.name === k);
    const value = (raw as JsonObject)[k] ?? (raw as JsonObject)[`${list.module}:${k}`];
    if (value === undefined || !keyLeaf || keyLeaf.kind !== 'leaf') {
      throw invalidValue(listPath, `${list.name} entry lacks key leaf ${k}`, 'missing-key');
    }
    const r = checkValue(keyLeaf.type, value, o.encoding, keyLeaf.module);
    if (!r.ok) throw invalidValue(`${listPath}/${k}`, r.message, r.appTag);
    return r.value;
  });
  const entryPath = list.keys.length ? listPath + keyPredicate(list, keys) : listPath;
  return { entry: decodeObject(list.children, list.module, raw, entryPath, o), keys };
}

/** Checks the value of one member: an object, an array of entries or values, or a leaf value. */
export function decodeNode(node: DataNode, raw: unknown, path: string, o: DecodeOptions): JsonValue {
  switch (node.kind) {
    case 'container':
      return decodeObject(node.children, node.module, raw, path, o);
    case 'list': {
      expectShape(Array.isArray(raw), path, `an array of ${node.name} entries`);
      const seen = new Set<string>();
      return (raw as unknown[]).map((item) => {
        const { entry, keys } = decodeListEntry(node, item, path, o);
        const id = JSON.stringify(keys);
        if (node.keys.length && seen.has(id)) throw invalidValue(path + keyPredicate(node, keys), `duplicate ${node.name} entry`);
        seen.add(id);
        return entry;
      });
    }
    case 'leaf-list': {
      expectShape(Array.isArray(raw), path, `an array of ${node.name} values`);
      const seen = new Set<string>();
      return (raw as unknown[]).map((item) => {
        const r = checkValue(node.type, item, o.encoding, node.module);
        if (!r.ok) throw invalidValue(path, r.message, r.appTag);
        const id = JSON.stringify(r.value);
        if (node.config && seen.has(id)) throw invalidValue(path + leafListPredicate(r.value), `duplicate ${node.name} value`);
        seen.add(id);
        return r.value;
      });
    }
    case 'leaf': {
      const r = checkValue(node.type, raw, o.encoding, node.module);
      if (!r.ok) throw invalidValue(path, r.message, r.appTag);
      return r.value;
    }
    case 'anydata':
    case 'anyxml':
      return raw as JsonValue;
  }
}
