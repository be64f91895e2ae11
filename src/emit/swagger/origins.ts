/**
 * Where the schema nodes of a module were written, for naming their JSON schemas: a
 * node that a `uses` brought in (RFC 7950 7.13), or a descendant of one, is named after
 * the grouping and its path inside it, so that the uses of one grouping share a name.
 */
import type { ModuleIR, SchemaNode } from '../../ir/types.js';

/**
 * `grouping/path` of every node inside a grouping expansion (data nodes, choices, cases,
 * actions), e.g. `subnet-list/subnet/range`, after the innermost `uses` at or above the
 * node: the grouping whose body holds its statement. Prefixes are dropped from grouping
 * names, since one grouping is used with different prefixes; inside the grouping, a node
 * of another namespace than its root (augmented in) is qualified as in RFC 7951 paths.
 * Nodes outside any grouping are not in the map.
 */
export function groupingOrigins(module: ModuleIR): Map<SchemaNode, string> {
  const origins = new Map<SchemaNode, string>();
  const visit = (nodes: readonly SchemaNode[], base: string | undefined, rootModule: string | undefined): void => {
    for (const node of nodes) {
      const grouping = node.fromUses?.at(-1);
      const [prefix, root] = grouping === undefined ? [base, rootModule] : [localName(grouping), node.module];
      if (prefix === undefined) {
        visitChildren(node, undefined, undefined);
        continue;
      }
      // Choice and case are not in data paths; operations are.
      const named = node.kind === 'choice' || node.kind === 'case' ? prefix : `${prefix}/${node.module === root ? node.name : `${node.module}:${node.name}`}`;
      origins.set(node, named);
      visitChildren(node, named, root);
    }
  };
  const visitChildren = (node: SchemaNode, base: string | undefined, rootModule: string | undefined): void => {
    switch (node.kind) {
      case 'container':
      case 'list':
      case 'case':
      case 'notification':
        return visit(node.children, base, rootModule);
      case 'choice':
        return visit(node.cases, base, rootModule);
      case 'rpc':
      case 'action':
        visit(node.input ?? [], base && `${base}/input`, rootModule);
        return visit(node.output ?? [], base && `${base}/output`, rootModule);
      default:
        return;
    }
  };
  visit(module.data, undefined, undefined);
  visit(module.rpcs, undefined, undefined);
  return origins;
}

function localName(grouping: string): string {
  return grouping.slice(grouping.indexOf(':') + 1);
}
