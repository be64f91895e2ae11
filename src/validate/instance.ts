/**
 * The instance tree: XNode elements over an RFC 7951 document, each pointing at
 * where it sits in the document's own objects (no copy of the data), plus the
 * default nodes of the accessible tree (RFC 7950 6.4.1) that the document leaves out.
 */
import type { ListNode, SchemaNode } from '../ir/types.js';
import { keyPredicate, leafListPredicate } from '../restconf/instance-path.js';
import type { CaseMembership, JsonObject } from '../restconf/schema-index.js';
import type { LeafValue } from '../values/check.js';
import type { XNode } from '../xpath/node.js';

export interface Position {
  holder: object;
  key: string | number;
}

const NO_CHILDREN: Element[] = [];
const NO_CASES: readonly CaseMembership[] = [];

/**
 * An element of the instance tree. Kept small (one object per data node and default,
 * a million of them for a large document): name and module come from the schema node,
 * leaves share an empty children array until something is appended.
 */
export class Element implements XNode {
  parent: Element | undefined;
  children: Element[] = NO_CHILDREN;
  order = 0;
  readonly schema: SchemaNode | undefined;
  value: LeafValue | undefined = undefined;
  /** The document array or object holding the element, and its index or member name there; undefined for default nodes (never written back). */
  holder: object | undefined = undefined;
  key: string | number = '';
  /** The document object holding its members (root, containers, list entries, operations). */
  object: JsonObject | undefined = undefined;
  /** Choices and cases the element belongs to in its parent (RFC 7950 7.9), outermost first. */
  readonly cases: readonly CaseMembership[];

  constructor(parent: Element | undefined, schema: SchemaNode | undefined, cases: readonly CaseMembership[] = NO_CASES) {
    this.parent = parent;
    this.schema = schema;
    this.cases = cases;
  }

  get kind(): 'root' | 'element' {
    return this.parent ? 'element' : 'root';
  }

  get module(): string {
    return this.schema?.module ?? '';
  }

  get name(): string {
    return this.schema?.name ?? '';
  }

  /** Where the element sits in the document. */
  get at(): Position | undefined {
    return this.holder ? { holder: this.holder, key: this.key } : undefined;
  }

  setPosition(holder: object, key: string | number): this {
    this.holder = holder;
    this.key = key;
    return this;
  }

  get isDefault(): boolean {
    return this.holder === undefined && this.parent !== undefined;
  }
}

export function appendChild(parent: Element, child: Element): Element {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
  return child;
}

/** Numbers every element in preorder (XPath document order). */
export function numberTree(root: Element): void {
  let next = 0;
  const visit = (el: Element): void => {
    el.order = next++;
    for (const c of el.children) visit(c);
  };
  visit(root);
}

/** Key values of a list entry, in key order (undefined where a key is missing). */
export function keyValues(entry: Element, list: ListNode): (LeafValue | undefined)[] {
  return list.keys.map((k) => entry.children.find((c) => c.name === k && c.schema?.kind === 'leaf')?.value);
}

function step(parent: Element | undefined, module: string, name: string): string {
  return !parent || parent.kind === 'root' || parent.module !== module ? `${module}:${name}` : name;
}

/** RFC 8040 instance path of an element: module names where the namespace changes, key predicates, `[.='v']` for leaf-list entries. */
export function pathOf(el: Element): string {
  if (el.kind === 'root') return '/';
  let path = '';
  for (let n: Element | undefined = el; n && n.kind === 'element'; n = n.parent) {
    let s = `/${step(n.parent, n.module, n.name)}`;
    if (n.schema?.kind === 'list' && n.schema.keys.length) {
      const keys = keyValues(n, n.schema);
      if (!keys.includes(undefined)) s += keyPredicate(n.schema, keys as LeafValue[]);
    }
    else if (n.schema?.kind === 'leaf-list' && n.value !== undefined) s += leafListPredicate(n.value);
    path = s + path;
  }
  return path;
}

/** Path of a node missing from `parent`. */
export function missingPath(parent: Element, node: { module: string; name: string }): { path: string; at: Position | undefined } {
  const base = parent.kind === 'root' ? '' : pathOf(parent);
  return { path: `${base}/${step(parent, node.module, node.name)}`, at: missingPosition(parent, node) };
}

/** The member of the closest ancestor written in the document that a missing or default node would go under. */
function missingPosition(parent: Element, node: { module: string; name: string }): Position | undefined {
  let member = step(parent, node.module, node.name);
  for (let p: Element | undefined = parent; p; p = p.parent) {
    if (p.object) return { holder: p.object, key: member };
    member = step(p.parent, p.module, p.name);
  }
  return undefined;
}

/** Where an element (or, for a default node, the member it would be) sits in the document. */
export function positionOf(el: Element): Position | undefined {
  if (el.at) return el.at;
  return el.parent ? missingPosition(el.parent, el) : undefined;
}
