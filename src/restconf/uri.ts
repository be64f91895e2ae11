/**
 * RESTCONF request URI parsing (RFC 8040 section 3.5.3): an api-path such as
 * `/example-jukebox:jukebox/library/artist=Foo%2CBar/album=X` becomes schema
 * nodes plus canonical key values, resolved against the IR.
 */
import type { DataNode, ListNode, OperationNode, SchemaNode } from '../ir/types.js';
import { RestconfError, invalidValue } from './errors.js';
import { keyPredicate, leafListPredicate } from './instance-path.js';
import { type JsonValue, type SchemaIndex, childrenOf, isDataNode, lookupChild } from './schema-index.js';
import { checkValue } from '../values/check.js';

export interface InstanceStep {
  node: DataNode;
  /** Canonical key values of a list entry, in key order; absent when the whole list is meant. */
  keys?: JsonValue[];
  /** The value naming one leaf-list entry; absent when the whole leaf-list is meant. */
  value?: JsonValue;
  /** Instance identifier of this step, for error-path. */
  path: string;
}

export type Target =
  | { kind: 'datastore' }
  | { kind: 'data'; steps: InstanceStep[]; path: string }
  | { kind: 'action'; steps: InstanceStep[]; action: OperationNode; path: string };

/** A percent-decoded path segment; bad encoding is a 400 (malformed-message), not an internal error. */
export function decodeSegment(segment: string, path: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw RestconfError.of('malformed-message', `bad percent-encoding in "${segment}"`, { path });
  }
}

function unknownNode(name: string, path: string, index: SchemaIndex): RestconfError {
  const colon = name.indexOf(':');
  if (colon > 0 && !index.module(name.slice(0, colon))) {
    return RestconfError.of('unknown-namespace', `no module named "${name.slice(0, colon)}"`, { path });
  }
  return RestconfError.of('unknown-element', `no schema node "${name}" here`, { path: `${path}/${name}` });
}

function parseKeys(list: ListNode, rawKeys: string, path: string): JsonValue[] {
  const parts = rawKeys.split(',');
  if (list.keys.length === 0) throw invalidValue(path, `list ${list.name} has no keys; it cannot be addressed by key`);
  if (parts.length !== list.keys.length) {
    throw invalidValue(path, `list ${list.name} needs ${list.keys.length} key value(s) (${list.keys.join(', ')}), got ${parts.length}`);
  }
  return list.keys.map((k, i) => {
    const leaf = list.children.find((c) => c.kind === 'leaf' && c.name === k);
    if (!leaf || leaf.kind !== 'leaf') throw RestconfError.of('operation-failed', `key leaf ${k} missing from schema`);
    const r = checkValue(leaf.type, decodeSegment(parts[i]!, path), 'lexical', leaf.module);
    if (!r.ok) throw invalidValue(`${path}/${k}`, `key ${k}: ${r.message}`, r.appTag);
    return r.value;
  });
}

/**
 * Parses the part of a request path after `{root}/data` (empty for the datastore).
 * Lists and leaf-lists may omit their instance only as the last step; callers
 * that need an instance check `keys`/`value` themselves.
 */
export function parseDataPath(index: SchemaIndex, rawPath: string): Target {
  const trimmed = rawPath.replace(/\/$/, '');
  if (trimmed === '') return { kind: 'datastore' };
  if (!trimmed.startsWith('/')) throw RestconfError.of('malformed-message', 'the api-path must start with "/"');
  const segments = trimmed.slice(1).split('/');
  const steps: InstanceStep[] = [];
  let children: readonly SchemaNode[] = index.topLevel;
  let parentModule: string | undefined;
  let path = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    const eq = segment.indexOf('=');
    const name = decodeSegment(eq < 0 ? segment : segment.slice(0, eq), path);
    const entry = lookupChild(children, parentModule, name);
    if (!entry) throw unknownNode(name, path, index);
    const node = entry.node;
    if (node.kind === 'action') {
      if (!last) throw unknownNode(decodeSegment(segments[i + 1]!.split('=')[0]!, path), `${path}/${node.jsonName}`, index);
      if (eq >= 0) throw invalidValue(path, `an action takes no key values`);
      return { kind: 'action', steps, action: node, path: `${path}/${node.jsonName}` };
    }
    if (node.kind === 'rpc') throw invalidValue(path || '/', `${name} is an rpc: invoke it at {root}/operations/${name}`);
    if (!isDataNode(node)) throw unknownNode(name, path, index);
    path += `/${node.jsonName}`;
    const step: InstanceStep = { node, path };
    if (node.kind === 'list') {
      if (eq >= 0) {
        step.keys = parseKeys(node, segment.slice(eq + 1), path);
        path += keyPredicate(node, step.keys);
      } else if (!last) throw invalidValue(path, `list ${node.name} needs key values to be traversed`);
    } else if (node.kind === 'leaf-list') {
      if (eq >= 0) {
        const r = checkValue(node.type, decodeSegment(segment.slice(eq + 1), path), 'lexical', node.module);
        if (!r.ok) throw invalidValue(path, r.message, r.appTag);
        step.value = r.value;
        path += leafListPredicate(r.value);
      }
    } else if (eq >= 0) throw invalidValue(path, `${node.name} is a ${node.kind}; only lists and leaf-lists take "=" values`);
    step.path = path;
    if (!last && (node.kind === 'leaf' || node.kind === 'leaf-list' || node.kind === 'anydata' || node.kind === 'anyxml')) {
      throw unknownNode(decodeSegment(segments[i + 1]!.split('=')[0]!, path), path, index);
    }
    steps.push(step);
    children = childrenOf(node);
    parentModule = node.module;
  }
  return { kind: 'data', steps, path };
}

/** Parses `/module:rpc` after `{root}/operations`. */
export function parseOperationPath(index: SchemaIndex, rawPath: string): OperationNode {
  const name = decodeSegment(rawPath.replace(/^\//, ''), '');
  const entry = name.includes('/') ? undefined : lookupChild(index.topLevel, undefined, name);
  if (!entry || entry.node.kind !== 'rpc') throw unknownNode(name, '', index);
  return entry.node;
}
