/**
 * The rules of RFC 7950 section 8.1 over a settled instance tree (defaults in,
 * nodes whose when is false gone): must, leafref and instance-identifier
 * require-instance, unique, min/max-elements, mandatory nodes and choices.
 */
import type { ListNode, SchemaNode, TypeIR } from '../ir/types.js';
import { type LeafValue, checkValue } from '../values/check.js';
import { lexical } from '../restconf/values.js';
import { instanceTargets } from '../xpath/index.js';
import type { Conditions } from './conditions.js';
import { activeCases } from './defaults.js';
import type { ErrorSink } from './errors.js';
import { type Element, pathOf, positionOf } from './instance.js';
import { type LeafrefResolver, valueKey } from './leafref.js';

export interface RuleContext {
  sink: ErrorSink;
  conditions: Conditions;
  leafrefs: LeafrefResolver;
  /** Schema nodes the data may hold (config false ones are left out of configuration). */
  include: (n: SchemaNode) => boolean;
  /** The schema children of an element: its container/list children, an operation's input or output. */
  childrenOf: (el: Element) => readonly SchemaNode[] | undefined;
  root: Element;
  /** Elements whose value its type refused (already reported: no require-instance check on top). */
  invalid: ReadonlySet<Element>;
  /** Per parent element, the choices some of whose data were reported when-false. */
  reportedChoices: ReadonlyMap<Element, ReadonlySet<SchemaNode>>;
}

/** Checks `el` and its whole subtree. */
export function checkSubtree(ctx: RuleContext, el: Element): void {
  const s = el.schema;
  if (s) {
    if (s.must) {
      for (const m of s.must) if (!ctx.conditions.test(m, s.module, el, el)) ctx.sink.on('must-violation', el, m.errorMessage ?? `Must condition "${m.expr}" not satisfied.`, m.errorAppTag);
    }
    if (s.kind === 'leaf' || s.kind === 'leaf-list') checkReference(ctx, el, s.type);
  }
  const children = ctx.childrenOf(el);
  if (children) {
    checkRequired(ctx, el, children);
    checkUnique(ctx, el);
  }
  for (const c of el.children) if (c.schema) checkSubtree(ctx, c);
}

const referenceUnions = new WeakMap<TypeIR, boolean>();

/** Whether a union has a leafref or instance-identifier member (at any depth). */
function unionHasReference(type: TypeIR): boolean {
  let r = referenceUnions.get(type);
  if (r === undefined) {
    r = (type.union ?? []).some((m) => m.base === 'leafref' || m.base === 'instance-identifier' || unionHasReference(m));
    referenceUnions.set(type, r);
  }
  return r;
}

/** The member type of a union that a canonical value belongs to: the first that accepts it (RFC 7950 9.12), through nested unions. */
function matchedMember(type: TypeIR, value: LeafValue, module: string): TypeIR | undefined {
  if (type.base !== 'union') return type;
  const member = type.union?.find((m) => checkValue(m, value, 'json', module).ok);
  return member && matchedMember(member, value, module);
}

/** RFC 7950 9.9 and 9.13: require-instance, of the leaf's type or of the union member its value matched. */
function checkReference(ctx: RuleContext, el: Element, declared: TypeIR): void {
  if (el.value === undefined || ctx.invalid.has(el)) return;
  const type = declared.base === 'union' ? (unionHasReference(declared) ? matchedMember(declared, el.value, el.module) : undefined) : declared;
  if (!type || type.requireInstance === false) return;
  if (type.base === 'leafref' && type.leafref) {
    if (!ctx.leafrefs.hasTarget(el, type.leafref)) {
      ctx.sink.on('instance-required', el, `Invalid leafref value "${lexical(el.value)}" - no target instance "${type.leafref.path}" with the same value.`);
    }
  } else if (type.base === 'instance-identifier' && typeof el.value === 'string') {
    if (!instanceTargets(ctx.root, el.value).length) ctx.sink.on('instance-required', el, `Invalid instance-identifier "${el.value}" value - required instance not found.`);
  }
}

const constrained = new WeakMap<readonly SchemaNode[], boolean>();

/** Whether some of `nodes` (through choices) is mandatory or has an element count to check. */
function hasCountConstraints(nodes: readonly SchemaNode[]): boolean {
  let r = constrained.get(nodes);
  if (r === undefined) {
    r = nodes.some((n) => {
      switch (n.kind) {
        case 'choice':
          return n.mandatory || n.cases.some((c) => hasCountConstraints(c.children));
        case 'leaf':
        case 'anydata':
        case 'anyxml':
          return n.mandatory;
        case 'list':
        case 'leaf-list':
          return n.minElements > 0 || n.maxElements !== undefined;
        default:
          return false;
      }
    });
    constrained.set(nodes, r);
  }
  return r;
}

/** Mandatory nodes and choices, min/max-elements of the children of `el` (7.6.5, 7.7.5-6, 7.8.5-6, 7.9.4). */
function checkRequired(ctx: RuleContext, el: Element, nodes: readonly SchemaNode[]): void {
  if (!hasCountConstraints(nodes)) return;
  const counts = new Map<SchemaNode, number>();
  /** The first instance of each list/leaf-list beyond its max-elements: where yanglint reports the excess. */
  const excess = new Map<SchemaNode, Element>();
  for (const c of el.children) {
    const s = c.schema;
    if (!s) continue;
    const count = (counts.get(s) ?? 0) + 1;
    counts.set(s, count);
    if ((s.kind === 'list' || s.kind === 'leaf-list') && s.maxElements !== undefined && count === s.maxElements + 1) excess.set(s, c);
  }
  const active = activeCases(el);
  const walk = (list: readonly SchemaNode[]): void => {
    for (const n of list) {
      if (!ctx.include(n)) continue;
      const count = counts.get(n) ?? 0;
      switch (n.kind) {
        case 'choice': {
          // Only the case holding data is checked: nodes of other cases do not exist (7.9).
          const chosen = n.cases.find((c) => active.has(c));
          if (chosen) walk(chosen.children);
          else if (n.mandatory && ctx.conditions.groupHolds(el, n) && !ctx.reportedChoices.get(el)?.has(n)) {
            ctx.sink.add('missing-choice', pathOf(el), `Mandatory choice "${n.name}" data do not exist.`, positionOf(el));
          }
          break;
        }
        case 'leaf':
        case 'anydata':
        case 'anyxml':
          if (n.mandatory && !count && ctx.conditions.absentHolds(el, n)) ctx.sink.missing('mandatory', el, n, `Mandatory node "${n.name}" instance does not exist.`);
          break;
        case 'list':
        case 'leaf-list':
          if (n.maxElements !== undefined && count > n.maxElements) ctx.sink.on('too-many-elements', excess.get(n)!, `Too many "${n.name}" instances (${count}, at most ${n.maxElements}).`);
          if (count < n.minElements && (count > 0 || ctx.conditions.absentHolds(el, n))) {
            ctx.sink.missing('too-few-elements', el, n, `Too few "${n.name}" instances (${count}, at least ${n.minElements}).`);
          }
          break;
        default:
          break;
      }
    }
  };
  walk(nodes);
}

/** The leaf a unique argument's descendant path (7.8.3) names under a list entry, prefixes ignored. */
function descendant(entry: Element, path: string): Element | undefined {
  let n: Element | undefined = entry;
  for (const part of path.split('/')) {
    const name = part.slice(part.indexOf(':') + 1);
    n = n.children.find((c) => c.name === name);
    if (!n) return undefined;
  }
  return n;
}

/** RFC 7950 7.8.3: entries where every leaf of a unique statement exists (defaults included) have distinct value tuples. */
function checkUnique(ctx: RuleContext, el: Element): void {
  let byList: Map<ListNode, Element[]> | undefined;
  for (const c of el.children) {
    if (c.schema?.kind !== 'list' || !c.schema.unique.length) continue;
    byList ??= new Map();
    const entries = byList.get(c.schema);
    if (entries) entries.push(c);
    else byList.set(c.schema, [c]);
  }
  for (const [list, entries] of byList ?? []) {
    for (const paths of list.unique) {
      const seen = new Map<string, Element>();
      for (const entry of entries) {
        const leaves = paths.map((p) => descendant(entry, p));
        if (leaves.some((l) => l?.value === undefined)) continue;
        const tuple = leaves.map((l) => valueKey(l!.value)).join('\u0000');
        const first = seen.get(tuple);
        if (first) ctx.sink.on('data-not-unique', entry, `Unique data leaf(s) "${paths.join(' ')}" not satisfied in "${pathOf(first)}" and "${pathOf(entry)}".`);
        else seen.set(tuple, entry);
      }
    }
  }
}

