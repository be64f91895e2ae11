/**
 * The RESTCONF resources (RFC 8040 3) of one module: their URL templates
 * relative to the RESTCONF root, and what each one targets.
 */
import type { DataNode, LeafListNode, LeafNode, ModuleIR, OperationNode, SchemaNode } from '../../ir/types.js';
import { isDataNode } from './data-schemas.js';
import type { TopResource } from './options.js';

export type ResourceTarget =
  | { kind: 'api-root' }
  | { kind: 'yang-library-version' }
  | { kind: 'operations' }
  | { kind: 'datastore'; nodes: SchemaNode[] }
  | { kind: 'data'; node: DataNode }
  | { kind: 'operation'; node: OperationNode };

export interface PathParam {
  /** Unique within its path. */
  name: string;
  /** The list key leaf, or the leaf-list whose value the parameter is. */
  source: LeafNode | LeafListNode;
}

export interface Resource {
  /** e.g. `/data/example-jukebox:jukebox/library/artist={artist-name}`. */
  path: string;
  top: Exclude<TopResource, 'all'>;
  target: ResourceTarget;
  pathParams: PathParam[];
}

export function collectResources(module: ModuleIR, topResource: TopResource, maxDepth = Infinity): Resource[] {
  const out: Resource[] = [];
  const wants = (top: Exclude<TopResource, 'all'>) => topResource === 'all' || topResource === top;
  if (wants('root')) {
    out.push({ path: '/', top: 'root', target: { kind: 'api-root' }, pathParams: [] });
    out.push({ path: '/yang-library-version', top: 'root', target: { kind: 'yang-library-version' }, pathParams: [] });
  }
  if (wants('operations')) {
    out.push({ path: '/operations', top: 'operations', target: { kind: 'operations' }, pathParams: [] });
    for (const rpc of module.rpcs) {
      out.push({ path: `/operations/${rpc.module}:${rpc.name}`, top: 'operations', target: { kind: 'operation', node: rpc }, pathParams: [] });
    }
  }
  if (wants('data')) {
    out.push({ path: '/data', top: 'data', target: { kind: 'datastore', nodes: module.data }, pathParams: [] });
    walkData(module.data, '/data', [], 1, maxDepth, out);
  }
  return out;
}

function walkData(nodes: SchemaNode[], parentPath: string, params: PathParam[], depth: number, maxDepth: number, out: Resource[]): void {
  if (depth > maxDepth) return;
  for (const node of addressable(nodes)) {
    const base = `${parentPath}/${node.jsonName}`;
    if (!isDataNode(node)) {
      out.push({ path: base, top: 'data', target: { kind: 'operation', node }, pathParams: params });
    } else if (node.kind === 'list' && node.keys.length > 0) {
      const keyParams = node.keys.map((k) => ({ name: uniqueParamName(`${node.name}-${k}`, params), source: keyLeaf(node.children, k) }));
      const path = `${base}=${keyParams.map((p) => `{${p.name}}`).join(',')}`;
      const all = [...params, ...keyParams];
      out.push({ path, top: 'data', target: { kind: 'data', node }, pathParams: all });
      walkData(node.children, path, all, depth + 1, maxDepth, out);
    } else if (node.kind === 'leaf-list') {
      const param = { name: uniqueParamName(node.name, params), source: node };
      out.push({ path: `${base}={${param.name}}`, top: 'data', target: { kind: 'data', node }, pathParams: [...params, param] });
    } else {
      // A keyless list has no instance URL (RFC 8040 3.5.3): it is read as a whole.
      out.push({ path: base, top: 'data', target: { kind: 'data', node }, pathParams: params });
      if (node.kind === 'container') walkData(node.children, base, params, depth + 1, maxDepth, out);
    }
  }
}

/** Data nodes and actions, looking through choice and case. */
function addressable(nodes: SchemaNode[]): (DataNode | OperationNode)[] {
  return nodes.flatMap((n): (DataNode | OperationNode)[] =>
    n.kind === 'choice' ? addressable(n.cases)
    : n.kind === 'case' ? addressable(n.children)
    : n.kind === 'action' || isDataNode(n) ? [n]
    : [],
  );
}

function keyLeaf(children: SchemaNode[], key: string): LeafNode {
  const leaf = children.find((c): c is LeafNode => c.kind === 'leaf' && c.name === key);
  if (!leaf) throw new Error(`list key '${key}' is not a leaf of its list`);
  return leaf;
}

/** Nested lists can share names (`song` in album and playlist); repeats get `-1`, `-2`, ... */
function uniqueParamName(name: string, taken: PathParam[]): string {
  const names = new Set(taken.map((p) => p.name));
  if (!names.has(name)) return name;
  let i = 1;
  while (names.has(`${name}-${i}`)) i++;
  return `${name}-${i}`;
}
