/**
 * The axes of XPath 1.0 2.2 over an XNode tree. Each pushes the nodes of its axis that pass
 * `test` in axis order: document order for forward axes, reverse document order for reverse
 * ones (so predicate positions count from the context node outwards, 2.4). The attribute and
 * namespace axes are empty: the YANG data model has neither (RFC 7950 6.4.1).
 */
import type { Axis } from './parse.js';
import type { XNode } from './node.js';

export type NodeTestFn = (n: XNode) => boolean;
export type AxisFn = (n: XNode, test: NodeTestFn, out: XNode[]) => void;

export function rootOf(n: XNode): XNode {
  while (n.parent) n = n.parent;
  return n;
}

/** Index of `n` among its parent's children (children are sorted by `order`). */
function indexInParent(n: XNode): number {
  const siblings = n.parent!.children;
  let lo = 0;
  let hi = siblings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = siblings[mid]!.order;
    if (o === n.order) return mid;
    if (o < n.order) lo = mid + 1;
    else hi = mid - 1;
  }
  return siblings.indexOf(n);
}

/** Preorder walk of the subtrees of `nodes` (document order). */
function descendantsOf(nodes: readonly XNode[], from: number, test: NodeTestFn, out: XNode[]): void {
  for (let i = from; i < nodes.length; i++) {
    const m = nodes[i]!;
    if (test(m)) out.push(m);
    if (m.children.length) descendantsOf(m.children, 0, test, out);
  }
}

/** Reverse document order of the subtrees of nodes[0..to]: last subtree first, each one's descendants before itself. */
function reverseDescendantsOf(nodes: readonly XNode[], to: number, test: NodeTestFn, out: XNode[]): void {
  for (let i = to; i >= 0; i--) {
    const m = nodes[i]!;
    if (m.children.length) reverseDescendantsOf(m.children, m.children.length - 1, test, out);
    if (test(m)) out.push(m);
  }
}

const none: AxisFn = () => {};

export const AXES: Record<Axis, AxisFn> = {
  child(n, test, out) {
    const c = n.children;
    for (let i = 0; i < c.length; i++) if (test(c[i]!)) out.push(c[i]!);
  },
  descendant(n, test, out) {
    descendantsOf(n.children, 0, test, out);
  },
  'descendant-or-self'(n, test, out) {
    if (test(n)) out.push(n);
    descendantsOf(n.children, 0, test, out);
  },
  self(n, test, out) {
    if (test(n)) out.push(n);
  },
  parent(n, test, out) {
    if (n.parent && test(n.parent)) out.push(n.parent);
  },
  ancestor(n, test, out) {
    for (let a = n.parent; a; a = a.parent) if (test(a)) out.push(a);
  },
  'ancestor-or-self'(n, test, out) {
    for (let a: XNode | undefined = n; a; a = a.parent) if (test(a)) out.push(a);
  },
  'following-sibling'(n, test, out) {
    if (!n.parent) return;
    const s = n.parent.children;
    for (let i = indexInParent(n) + 1; i < s.length; i++) if (test(s[i]!)) out.push(s[i]!);
  },
  'preceding-sibling'(n, test, out) {
    if (!n.parent) return;
    const s = n.parent.children;
    for (let i = indexInParent(n) - 1; i >= 0; i--) if (test(s[i]!)) out.push(s[i]!);
  },
  // After n in document order, descendants excluded: the later siblings of n and of each ancestor, with their subtrees.
  following(n, test, out) {
    for (let a = n; a.parent; a = a.parent) descendantsOf(a.parent.children, indexInParent(a) + 1, test, out);
  },
  // Before n in document order, ancestors excluded, nearest first.
  preceding(n, test, out) {
    for (let a = n; a.parent; a = a.parent) reverseDescendantsOf(a.parent.children, indexInParent(a) - 1, test, out);
  },
  attribute: none,
  namespace: none,
};

/** Reverse axes (XPath 1.0 2.4): their proximity positions count in reverse document order. */
export const REVERSE_AXES: ReadonlySet<Axis> = new Set(['ancestor', 'ancestor-or-self', 'preceding', 'preceding-sibling']);

/**
 * text() (XPath 1.0 2.3): the tree has no text nodes; as in libyang, a leaf's value is its text,
 * and the leaf (or leaf-list entry) stands for its own text node. So `child::text()` of a leaf is
 * the leaf itself, `descendant(-or-self)::text()` are the leaves of the subtree (the node's own
 * text included), and no other axis reaches a text node.
 */
export function textAxis(axis: Axis): AxisFn {
  const isLeaf: NodeTestFn = (m) => m.value !== undefined;
  switch (axis) {
    case 'child':
      return (n, _test, out) => {
        if (isLeaf(n)) out.push(n);
      };
    case 'descendant':
    case 'descendant-or-self':
      return (n, _test, out) => AXES['descendant-or-self'](n, isLeaf, out);
    default:
      return none;
  }
}
