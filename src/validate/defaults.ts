/**
 * The nodes of the accessible tree the document leaves out (RFC 7950 6.4.1):
 * default leaves and leaf-lists (7.6.1, 7.7.2) and non-presence containers
 * (7.5.1), following choices into their active case, else their default case
 * (7.9.3). Default elements have no document position and are never written back.
 */
import type { CaseNode, LeafListNode, LeafNode, SchemaNode } from '../ir/types.js';
import type { CaseMembership } from '../restconf/schema-index.js';
import { type LeafValue, checkValue } from '../values/check.js';
import { Element, appendChild } from './instance.js';

const canonicalDefaults = new WeakMap<LeafNode | LeafListNode, LeafValue[]>();

/** A default as written (identityrefs already module-qualified by the compiler) in canonical form. */
function defaultValues(node: LeafNode | LeafListNode): LeafValue[] {
  let values = canonicalDefaults.get(node);
  if (!values) {
    const written = node.kind === 'leaf' ? (node.default === undefined ? [] : [node.default]) : (node.default ?? []);
    values = written.flatMap((d) => {
      const r = checkValue(node.type, d, 'yang', node.module);
      return r.ok ? [r.value] : [];
    });
    canonicalDefaults.set(node, values);
  }
  return values;
}

/** The cases that hold data in `el` (not counting default nodes). */
export function activeCases(el: Element): Set<CaseNode> {
  const active = new Set<CaseNode>();
  for (const c of el.children) if (!c.isDefault) for (const m of c.cases) active.add(m.case);
  return active;
}

const NONE_PRESENT: ReadonlySet<SchemaNode> = new Set();
const NO_ACTIVE_CASE: ReadonlySet<CaseNode> = new Set();

/**
 * Adds the default nodes of `el` and, recursively, of its whole subtree.
 * `include` filters schema nodes (config false nodes are not in a configuration datastore).
 */
export function addDefaults(el: Element, children: readonly SchemaNode[], include: (n: SchemaNode) => boolean): void {
  const written = el.children;
  const count = written.length; // defaults get appended below: visit the document's nodes only
  let present: Set<SchemaNode> | undefined;
  for (let i = 0; i < count; i++) {
    const c = written[i]!;
    const s = c.schema;
    if (!s) continue;
    (present ??= new Set()).add(s);
    if (s.kind === 'container' || s.kind === 'list') addDefaults(c, s.children, include);
  }
  addMissing(el, children, include, present ?? NONE_PRESENT, count ? activeCases(el) : NO_ACTIVE_CASE, []);
}

function addMissing(el: Element, nodes: readonly SchemaNode[], include: (n: SchemaNode) => boolean, present: ReadonlySet<SchemaNode>, active: ReadonlySet<CaseNode>, cases: CaseMembership[]): void {
  for (const n of nodes) {
    if (!include(n) || present.has(n)) continue;
    switch (n.kind) {
      case 'choice': {
        const chosen = n.cases.find((c) => active.has(c)) ?? n.cases.find((c) => c.name === n.default);
        if (chosen) addMissing(el, chosen.children, include, present, active, [...cases, { choice: n, case: chosen }]);
        break;
      }
      case 'leaf':
      case 'leaf-list':
        for (const value of defaultValues(n)) appendChild(el, new Element(el, n, cases)).value = value;
        break;
      case 'container':
        // An implicit container has no data: only defaults below it, in default cases.
        if (!n.presence) addMissing(appendChild(el, new Element(el, n, cases)), n.children, include, NONE_PRESENT, NO_ACTIVE_CASE, []);
        break;
      default:
        break;
    }
  }
}
