/** Navigation in the schema tree being built: roots, children, schema node identifiers. */
import type { SchemaNode } from '../ir/types.js';
import type { Unit } from '../modules/loader.js';
import { splitQName, type ModCtx, type Target } from './context.js';

/** Top-level nodes of a module as absolute schema node identifiers start from them. */
export function moduleRoots(mod: ModCtx): SchemaNode[] {
  return [...mod.ir.data, ...mod.ir.rpcs, ...mod.ir.notifications];
}

/** The schema children of a node as schema node identifiers see them (choice -> cases). */
export function schemaChildren(node: SchemaNode): SchemaNode[] {
  switch (node.kind) {
    case 'choice':
      return node.cases;
    case 'container':
    case 'list':
    case 'case':
    case 'notification':
      return node.children;
    default:
      return [];
  }
}

/** One step down in a path: the schema children, and an rpc's or action's input and output contents. */
export function pathChildren(node: SchemaNode): SchemaNode[] {
  if (node.kind === 'rpc' || node.kind === 'action') return [...(node.input ?? []), ...(node.output ?? [])];
  return schemaChildren(node);
}

/**
 * Follows a schema node identifier (`/p:a/p:b` or `a/b`) from `roots`.
 * Absolute steps match module and name; descendant steps (refine, uses-augment)
 * are inside one grouping expansion, where the local name is enough.
 */
export function findTarget(roots: SchemaNode[], path: string, unit: Unit): Target | undefined {
  const absolute = path.startsWith('/');
  const steps = path.split('/').filter(Boolean);
  let current: Target | undefined;
  let candidates = roots;
  for (const step of steps) {
    const [prefix, name] = splitQName(step.trim());
    const module = absolute ? (prefix === undefined ? unit.moduleName : unit.prefixes.get(prefix)) : undefined;
    if (current && current.node.kind !== 'rpc' && current.node.kind !== 'action') candidates = schemaChildren(current.node);
    if (current && (current.node.kind === 'rpc' || current.node.kind === 'action') && !current.io) {
      if (name !== 'input' && name !== 'output') return undefined;
      current = { node: current.node, io: name };
      continue;
    }
    if (current?.io) candidates = (current.node as { input?: SchemaNode[]; output?: SchemaNode[] })[current.io] ?? [];
    const next = candidates.find((n) => n.name === name && (module === undefined || n.module === module));
    if (!next) return undefined;
    current = { node: next };
  }
  return current;
}

/** Removes `target` from wherever it hangs below `nodes`; true if found. */
export function removeNode(nodes: SchemaNode[], target: SchemaNode): boolean {
  const i = nodes.indexOf(target);
  if (i >= 0) {
    nodes.splice(i, 1);
    return true;
  }
  for (const n of nodes) {
    const lists = n.kind === 'rpc' || n.kind === 'action' ? [n.input, n.output] : [schemaChildren(n)];
    for (const kids of lists) if (kids && removeNode(kids, target)) return true;
  }
  return false;
}

/** Data children, looking through choice and case. */
export function dataChildren(nodes: SchemaNode[]): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const n of nodes) {
    if (n.kind === 'choice') for (const k of n.cases) out.push(...dataChildren(k.children));
    else if (n.kind === 'case') out.push(...dataChildren(n.children));
    else out.push(n);
  }
  return out;
}
