/**
 * Test-only XNode trees from nested literals, numbered in preorder (the real builder, over
 * instance documents, is src/validate's).
 */
import type { SchemaNode, TypeIR } from '../../src/ir/types.js';
import type { LeafValue } from '../../src/values/check.js';
import type { XNode } from '../../src/xpath/node.js';

export interface NodeSpec {
  /** `module:name`, or `name` in the parent's module. */
  qname: string;
  value?: LeafValue;
  type?: Partial<TypeIR>;
  children: NodeSpec[];
}

/** An inner node (container or list entry). */
export const E = (qname: string, ...children: NodeSpec[]): NodeSpec => ({ qname, children });
/** A leaf or leaf-list entry, of type string unless `type` says otherwise. */
export const L = (qname: string, value: LeafValue, type?: Partial<TypeIR>): NodeSpec => ({ qname, value, type, children: [] });

interface MutableNode {
  kind: 'root' | 'element';
  module: string;
  name: string;
  parent: XNode | undefined;
  children: XNode[];
  order: number;
  schema: SchemaNode | undefined;
  value: LeafValue | undefined;
}

/** The root of a tree whose top-level nodes are `top`; unqualified top-level names are in `module`. */
export function tree(module: string, ...top: NodeSpec[]): XNode {
  let order = 0;
  const root: MutableNode = { kind: 'root', module: '', name: '', parent: undefined, children: [], order: order++, schema: undefined, value: undefined };
  const build = (spec: NodeSpec, parent: MutableNode, parentModule: string): XNode => {
    const colon = spec.qname.indexOf(':');
    const mod = colon < 0 ? parentModule : spec.qname.slice(0, colon);
    const name = spec.qname.slice(colon + 1);
    const isLeaf = spec.value !== undefined;
    const schema = (
      isLeaf
        ? { kind: 'leaf', name, module: mod, type: { base: 'string', name: spec.type?.base ?? 'string', ...spec.type } }
        : { kind: 'container', name, module: mod, children: [] }
    ) as unknown as SchemaNode;
    const node: MutableNode = { kind: 'element', module: mod, name, parent: parent as XNode, children: [], order: order++, schema, value: spec.value };
    for (const c of spec.children) node.children.push(build(c, node, mod));
    return node as XNode;
  };
  for (const t of top) root.children.push(build(t, root, module));
  return root as XNode;
}

/** The node at `path` below `from`: local names separated by '/', `name#k` for the k-th (1-based) of that name. */
export function at(from: XNode, path: string): XNode {
  let n = from;
  for (const seg of path.split('/')) {
    const [name, k] = seg.split('#');
    const found = n.children.filter((c) => c.name === name)[Number(k ?? 1) - 1];
    if (!found) throw new Error(`no ${seg} below ${n.name || '/'}`);
    n = found;
  }
  return n;
}
