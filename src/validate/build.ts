/**
 * Builds the instance tree from an RFC 7951 document, reporting what the
 * document's shape alone violates: unknown members, wrong JSON shapes, values
 * their type refuses, list keys missing or repeated, repeated leaf-list values,
 * two cases of one choice, state data in configuration.
 */
import type { CaseNode, ChoiceNode, LeafListNode, LeafNode, ListNode, SchemaNode } from '../ir/types.js';
import { type JsonObject, type JsonValue, isObject, lookupChild } from '../restconf/schema-index.js';
import { type LeafValue, checkValue } from '../values/check.js';
import type { DataKind } from './types.js';
import type { ErrorSink } from './errors.js';
import { Element, appendChild, pathOf } from './instance.js';
import { instanceSchemaProblem } from './instance-identifier.js';
import { type Annotations, checkMetadata } from './metadata.js';

export interface BuildContext {
  kind: DataKind;
  encoding: 'json' | 'lexical';
  sink: ErrorSink;
  /**
   * A complete tree (not get-reply/edit): repeated list keys, repeated leaf-list values and
   * two cases of one choice are errors. yanglint 2.1.30 `-t get`/`-t edit` accepts those in
   * partial documents (an edit may repeat an entry to merge it), and so do we.
   */
  complete: boolean;
  /** The rpc, action or notification element met (operation kinds). */
  operation?: Element;
  /** Every top-level node of every module: where instance-identifier values start. */
  top: readonly SchemaNode[];
  /** Leaves and leaf-list entries whose value was reported invalid (their references are not checked again). */
  invalid: Set<Element>;
  /** The RFC 7952 annotations the schema defines. */
  annotations: Annotations;
}

const OPERATION_KINDS: Partial<Record<DataKind, readonly string[]>> = {
  rpc: ['rpc', 'action'],
  'rpc-reply': ['rpc', 'action'],
  notification: ['notification'],
};

/** Configuration documents: a config false node is an error there (RFC 7950 7.21.1). */
const CONFIG_ONLY: ReadonlySet<DataKind> = new Set(['config', 'edit']);

function describe(v: unknown): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : JSON.stringify(v);
}

function valueKey(v: LeafValue | undefined): string {
  return JSON.stringify(v ?? null);
}

function leafValue(ctx: BuildContext, node: LeafNode | LeafListNode, raw: JsonValue, el: Element): LeafValue {
  const r = checkValue(node.type, raw, ctx.encoding, node.module);
  const problem = !r.ok ? r.message : node.type.base === 'instance-identifier' ? instanceSchemaProblem(ctx.top, r.value as string) : undefined;
  if (r.ok && problem === undefined) return r.value;
  ctx.invalid.add(el);
  ctx.sink.add('invalid-value', pathOf(el), `Invalid ${node.kind === 'leaf' ? 'value' : 'leaf-list value'} ${JSON.stringify(raw)} of "${node.name}": ${problem}.`, el.at, r.ok ? undefined : r.appTag);
  return raw as LeafValue;
}

function badShape(ctx: BuildContext, el: Element, expected: string, value: JsonValue): void {
  ctx.sink.on('bad-shape', el, `Invalid JSON for ${el.schema!.kind} "${el.name}": expected ${expected}, found ${describe(value)}.`);
}

function isScalar(v: JsonValue): boolean {
  return v === null || typeof v !== 'object' || (Array.isArray(v) && v.length === 1 && v[0] === null);
}

/** Adds to `parent` the elements of the members of `obj`, whose schema children are `children`. */
export function buildMembers(ctx: BuildContext, parent: Element, obj: JsonObject, children: readonly SchemaNode[], parentModule: string | undefined, skip?: string): void {
  parent.object = obj;
  let chosen: Map<ChoiceNode, { case: CaseNode; member: string }> | undefined;
  for (const member in obj) {
    if (member === skip) continue;
    if (member.startsWith('@')) {
      checkMetadata(ctx, obj, member, parent.kind === 'root' ? '' : pathOf(parent));
      continue;
    }
    const value = obj[member]!;
    const entry = lookupChild(children, parentModule, member);
    if (!entry) {
      const where = parent.kind === 'root' ? 'the top level' : `"${parent.name}"`;
      ctx.sink.add('unknown-element', `${parent.kind === 'root' ? '' : pathOf(parent)}/${member}`, `Node "${member}" not found as a child of ${where}.`, { holder: obj, key: member });
      continue;
    }
    const node = entry.node;
    const el = new Element(parent, node, entry.cases).setPosition(obj, member);
    const isOperation = node.kind === 'rpc' || node.kind === 'action' || node.kind === 'notification';
    if (isOperation && !OPERATION_KINDS[ctx.kind]?.includes(node.kind)) {
      ctx.sink.on('unknown-element', el, `Unexpected ${node.kind} "${node.name}" in ${ctx.kind} data.`);
      continue;
    }
    if (!isOperation && !node.config && CONFIG_ONLY.has(ctx.kind)) {
      ctx.sink.on('state-data', el, `Unexpected data state node "${node.name}" found.`);
      continue;
    }
    let conflict = false;
    for (const m of ctx.complete ? entry.cases : []) {
      chosen ??= new Map();
      const first = chosen.get(m.choice);
      if (!first) chosen.set(m.choice, { case: m.case, member });
      else if (first.case !== m.case) {
        ctx.sink.on('multiple-cases', el, `Data for both cases "${first.case.name}" and "${m.case.name}" of choice "${m.choice.name}" exist ("${first.member}", "${member}").`);
        conflict = true;
        break;
      }
    }
    if (conflict) continue;
    switch (node.kind) {
      case 'container':
        if (!isObject(value)) badShape(ctx, el, 'an object', value);
        else buildMembers(ctx, appendChild(parent, el), value, node.children, node.module);
        break;
      case 'list':
        if (!Array.isArray(value)) badShape(ctx, el, 'an array of entries', value);
        else buildEntries(ctx, parent, node, value, entry.cases);
        break;
      case 'leaf':
        if (!isScalar(value)) badShape(ctx, el, 'a value', value);
        else {
          el.value = leafValue(ctx, node, value, el);
          appendChild(parent, el);
        }
        break;
      case 'leaf-list':
        if (!Array.isArray(value) || (node.type.base === 'empty' && isScalar(value))) badShape(ctx, el, 'an array of values', value);
        else buildLeafList(ctx, parent, node, value, entry.cases);
        break;
      case 'anydata':
        // RFC 7951 5.5: an object; an XML reader gives an empty element as "" (RFC 7950 7.10: no text of its own).
        if (isObject(value) || (ctx.encoding === 'lexical' && typeof value === 'string' && !value.trim())) appendChild(parent, el);
        else badShape(ctx, el, 'an object', value);
        break;
      case 'anyxml':
        appendChild(parent, el);
        break;
      case 'rpc':
      case 'action':
      case 'notification': {
        if (ctx.operation) {
          ctx.sink.on('unknown-element', el, `Only one ${node.kind === 'notification' ? 'notification' : 'operation'} per document ("${ctx.operation.name}" and "${node.name}").`);
          break;
        }
        if (!isObject(value)) {
          badShape(ctx, el, 'an object', value);
          break;
        }
        ctx.operation = appendChild(parent, el);
        const content = node.kind === 'notification' ? node.children : ctx.kind === 'rpc' ? node.input : node.output;
        buildMembers(ctx, el, value, content ?? [], node.module);
        break;
      }
      default:
        break;
    }
  }
}

function buildEntries(ctx: BuildContext, parent: Element, list: ListNode, entries: JsonValue[], cases: Element['cases']): void {
  const seen = new Set<string>();
  entries.forEach((value, i) => {
    const el = new Element(parent, list, cases).setPosition(entries, i);
    if (!isObject(value)) {
      ctx.sink.add('bad-shape', `${pathOf(parent)}/${list.name}`, `Invalid JSON for list "${list.name}" entry ${i}: expected an object, found ${describe(value)}.`, el.at);
      return;
    }
    buildMembers(ctx, appendChild(parent, el), value, list.children, list.module);
    if (!list.keys.length) return;
    const keys: (LeafValue | undefined)[] = [];
    for (const k of list.keys) {
      const key = el.children.find((c) => c.name === k && c.schema?.kind === 'leaf');
      if (!key) ctx.sink.add('missing-key', pathOf(el), `List instance is missing its key "${k}".`, { holder: value, key: k });
      keys.push(key?.value);
    }
    if (!ctx.complete || keys.includes(undefined)) return;
    const id = keys.map(valueKey).join('\u0000');
    if (seen.has(id)) ctx.sink.on('duplicate-entry', el, `Duplicate instance of "${list.name}".`);
    seen.add(id);
  });
}

function buildLeafList(ctx: BuildContext, parent: Element, node: LeafListNode, values: JsonValue[], cases: Element['cases']): void {
  // RFC 7950 7.7: configuration leaf-list values are unique (state ones may repeat in YANG 1.1).
  const seen = node.config && ctx.complete ? new Set<string>() : undefined;
  values.forEach((raw, i) => {
    const el = new Element(parent, node, cases).setPosition(values, i);
    if (!isScalar(raw) || Array.isArray(raw)) {
      if (!(node.type.base === 'empty' && Array.isArray(raw))) {
        ctx.sink.add('bad-shape', `${pathOf(parent)}/${node.name}`, `Invalid JSON for leaf-list "${node.name}" entry ${i}: expected a value, found ${describe(raw)}.`, el.at);
        return;
      }
    }
    el.value = leafValue(ctx, node, raw, el);
    appendChild(parent, el);
    if (!seen) return;
    const id = valueKey(el.value);
    if (seen.has(id)) ctx.sink.on('duplicate-entry', el, `Duplicate instance of "${node.name}".`);
    seen.add(id);
  });
}
