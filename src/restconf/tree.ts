/**
 * Navigation and edits on the RFC 7951 instance tree held by a datastore.
 * Everything here mutates the tree it is given: callers edit a private copy and
 * only commit it once the whole result has been validated.
 */
import type { DataNode, ListNode, SchemaNode } from '../ir/types.js';
import { type RestconfError, invalidValue } from './errors.js';
import { type JsonObject, type JsonValue, childTable, isObject, lookupChild, qualifiedName } from './schema-index.js';
import type { InstanceStep } from './uri.js';
import { sameValue } from './values.js';

/** Schema context of an object in the tree: its children and the module its members are relative to. */
export interface Siblings {
  children: readonly SchemaNode[];
  parentModule: string | undefined;
}

export interface InsertSpec {
  where: 'first' | 'last' | 'before' | 'after';
  /** With before/after: the list entry keys or leaf-list value to insert next to. */
  point?: JsonValue[] | JsonValue;
  /** The instance `point` names, for the access check of the user who names it. */
  pointSteps?: readonly InstanceStep[];
}

/** The error for an insertion point that is not there (RFC 8040 section 4.8.6). */
export function missingPoint(node: DataNode, point: InsertSpec['point']): RestconfError {
  return invalidValue(node.path, `insertion point ${JSON.stringify(point)} does not exist`);
}

export function findEntry(entries: JsonValue[], list: ListNode, keys: readonly JsonValue[]): number {
  return entries.findIndex((e) => isObject(e) && list.keys.every((k, i) => sameValue(e[k], keys[i])));
}

/** The schema context holding step `i` of a path (the top level for step 0). */
export function siblingsAt(steps: readonly InstanceStep[], i: number, topLevel: readonly SchemaNode[]): Siblings {
  if (i === 0) return { children: topLevel, parentModule: undefined };
  const parent = steps[i - 1]!.node;
  return { children: parent.kind === 'container' || parent.kind === 'list' ? parent.children : [], parentModule: parent.module };
}

/**
 * Setting a node from one case implicitly deletes the siblings from every other
 * case of the same choice (RFC 7950 section 7.9).
 */
function clearOtherCases(obj: JsonObject, where: Siblings, node: DataNode): void {
  const mine = childTable(where.children).get(qualifiedName(node))?.cases ?? [];
  if (!mine.length) return;
  for (const member of Object.keys(obj)) {
    const other = lookupChild(where.children, where.parentModule, member);
    if (!other || other.node === node) continue;
    if (other.cases.some((oc) => mine.some((mc) => mc.choice === oc.choice && mc.case !== oc.case))) delete obj[member];
  }
}

function entryFromKeys(list: ListNode, keys: readonly JsonValue[]): JsonObject {
  return Object.fromEntries(list.keys.map((k, i) => [k, keys[i]!]));
}

/**
 * The object that holds the member of the path's last step. Missing ancestors
 * are created when `create` is set (RFC 8040 PUT/POST create the path down to
 * the target), else the result is undefined.
 */
export function parentInstance(tree: JsonObject, steps: readonly InstanceStep[], topLevel: readonly SchemaNode[], create: boolean): JsonObject | undefined {
  let obj = tree;
  for (let i = 0; i < steps.length - 1; i++) {
    const { node, keys } = steps[i]!;
    let value = obj[node.jsonName];
    if (node.kind === 'container') {
      if (!isObject(value)) {
        if (!create) return undefined;
        clearOtherCases(obj, siblingsAt(steps, i, topLevel), node);
        value = obj[node.jsonName] = {};
      }
      obj = value;
    } else if (node.kind === 'list' && keys) {
      const entries = Array.isArray(value) ? value : undefined;
      const idx = entries ? findEntry(entries, node, keys) : -1;
      if (idx >= 0) obj = entries![idx] as JsonObject;
      else {
        if (!create) return undefined;
        clearOtherCases(obj, siblingsAt(steps, i, topLevel), node);
        const entry = entryFromKeys(node, keys);
        if (entries) entries.push(entry);
        else obj[node.jsonName] = [entry];
        obj = entry;
      }
    } else return undefined;
  }
  return obj;
}

/** The value the last step names inside `parent`: an object, an entry, an array, or a leaf value. */
export function readInstance(parent: JsonObject, step: InstanceStep): JsonValue | undefined {
  const { node } = step;
  const value = parent[node.jsonName];
  if (value === undefined) return undefined;
  if (node.kind === 'list' && step.keys) {
    const idx = Array.isArray(value) ? findEntry(value, node, step.keys) : -1;
    return idx >= 0 ? (value as JsonValue[])[idx] : undefined;
  }
  if (node.kind === 'leaf-list' && step.value !== undefined) {
    return Array.isArray(value) && value.some((v) => sameValue(v, step.value)) ? step.value : undefined;
  }
  return value;
}

function pointIndex(entries: JsonValue[], node: DataNode, point: InsertSpec['point']): number {
  const idx =
    node.kind === 'list'
      ? findEntry(entries, node, point as JsonValue[])
      : entries.findIndex((v) => sameValue(v, point as JsonValue));
  if (idx < 0) throw missingPoint(node, point);
  return idx;
}

function insertAt(entries: JsonValue[], item: JsonValue, node: DataNode, insert: InsertSpec | undefined): void {
  switch (insert?.where ?? 'last') {
    case 'first':
      entries.unshift(item);
      return;
    case 'last':
      entries.push(item);
      return;
    case 'before':
      entries.splice(pointIndex(entries, node, insert!.point), 0, item);
      return;
    case 'after':
      entries.splice(pointIndex(entries, node, insert!.point) + 1, 0, item);
      return;
  }
}

/**
 * Creates or replaces the instance the last step names with `value` (already
 * decoded). `insert` positions a new or moved entry of an ordered-by user list.
 */
export function writeInstance(parent: JsonObject, where: Siblings, step: InstanceStep, value: JsonValue, insert?: InsertSpec): 'created' | 'replaced' {
  const { node } = step;
  clearOtherCases(parent, where, node);
  const instanceOf = (node.kind === 'list' && step.keys) || (node.kind === 'leaf-list' && step.value !== undefined);
  if (!instanceOf) {
    const existed = parent[node.jsonName] !== undefined;
    parent[node.jsonName] = value;
    return existed ? 'replaced' : 'created';
  }
  const entries = Array.isArray(parent[node.jsonName]) ? (parent[node.jsonName] as JsonValue[]) : (parent[node.jsonName] = []);
  const idx = node.kind === 'list' ? findEntry(entries, node, step.keys!) : entries.findIndex((v) => sameValue(v, step.value));
  if (idx >= 0 && !insert) {
    entries[idx] = value;
    return 'replaced';
  }
  if (idx >= 0) entries.splice(idx, 1);
  insertAt(entries, value, node, insert);
  return idx >= 0 ? 'replaced' : 'created';
}

/** Removes the instance the last step names; false when there was none. */
export function removeInstance(parent: JsonObject, step: InstanceStep): boolean {
  const { node } = step;
  const value = parent[node.jsonName];
  if (value === undefined) return false;
  if (node.kind === 'list' && step.keys) {
    const idx = Array.isArray(value) ? findEntry(value, node, step.keys) : -1;
    if (idx < 0) return false;
    (value as JsonValue[]).splice(idx, 1);
  } else if (node.kind === 'leaf-list' && step.value !== undefined) {
    const idx = Array.isArray(value) ? value.findIndex((v) => sameValue(v, step.value)) : -1;
    if (idx < 0) return false;
    (value as JsonValue[]).splice(idx, 1);
  } else delete parent[node.jsonName];
  return true;
}

function mergeEntries(target: JsonValue[], source: JsonValue[], node: DataNode): void {
  for (const item of source) {
    if (node.kind === 'list' && node.keys.length) {
      const idx = findEntry(target, node, node.keys.map((k) => (item as JsonObject)[k]!));
      if (idx >= 0) mergeObject(target[idx] as JsonObject, item as JsonObject, { children: node.children, parentModule: node.module });
      else target.push(item);
    } else if (node.kind === 'leaf-list' && node.config) {
      if (!target.some((v) => sameValue(v, item))) target.push(item);
    } else target.push(item);
  }
}

/** NETCONF "merge": containers and list entries merge recursively, leaves are replaced. */
export function mergeObject(target: JsonObject, source: JsonObject, where: Siblings): void {
  for (const [member, value] of Object.entries(source)) {
    const entry = lookupChild(where.children, where.parentModule, member);
    const node = entry?.node as DataNode;
    clearOtherCases(target, where, node);
    const current = target[member];
    if (node.kind === 'container' && isObject(current)) {
      mergeObject(current, value as JsonObject, { children: node.children, parentModule: node.module });
    } else if ((node.kind === 'list' || node.kind === 'leaf-list') && Array.isArray(current)) {
      mergeEntries(current, value as JsonValue[], node);
    } else target[member] = value;
  }
}

/** Merges a decoded value into the instance the last step names, creating it if missing. */
export function mergeInstance(parent: JsonObject, where: Siblings, step: InstanceStep, value: JsonValue): 'created' | 'merged' {
  const current = readInstance(parent, step);
  if (current === undefined) {
    writeInstance(parent, where, step, value);
    return 'created';
  }
  const { node } = step;
  if (isObject(current) && isObject(value) && (node.kind === 'container' || node.kind === 'list')) {
    mergeObject(current, value, { children: node.children, parentModule: node.module });
  } else if (Array.isArray(current) && Array.isArray(value) && step.keys === undefined && step.value === undefined) {
    mergeEntries(current, value, node);
  } else writeInstance(parent, where, step, value);
  return 'merged';
}

/** Drops empty non-presence containers and empty lists/leaf-lists, which carry no information. */
export function pruneEmpty(obj: JsonObject, where: Siblings): void {
  for (const [member, value] of Object.entries(obj)) {
    const node = lookupChild(where.children, where.parentModule, member)?.node;
    if (!node) continue;
    if (node.kind === 'container' && isObject(value)) {
      pruneEmpty(value, { children: node.children, parentModule: node.module });
      if (!node.presence && Object.keys(value).length === 0) delete obj[member];
    } else if ((node.kind === 'list' || node.kind === 'leaf-list') && Array.isArray(value)) {
      if (node.kind === 'list') for (const e of value) if (isObject(e)) pruneEmpty(e, { children: node.children, parentModule: node.module });
      if (value.length === 0) delete obj[member];
    }
  }
}
