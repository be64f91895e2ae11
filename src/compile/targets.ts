import type { SchemaNode } from '../ir/types.js';
import type { Unit } from '../modules/loader.js';
import type { Statement } from '../syntax/statement.js';
import { argLoc, splitQName } from './context.js';
import { asCases, type BuildCtx } from './nodes.js';
import { checkAugmentContent } from './rules/augment.js';

/** A place nodes can be added to: a node, or an operation's input/output. */
export interface Target {
  node: SchemaNode;
  io?: 'input' | 'output';
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

/** Adds augment (or uses-augment) content to its target, checking the target can hold it. */
export function graft(b: BuildCtx, target: Target, all: SchemaNode[], stmt: Statement): void {
  const { node, io } = target;
  const rejected = checkAugmentContent(b.c, stmt, target);
  const nodes = rejected.size ? all.filter((n) => !rejected.has(b.c.statements.get(n)!)) : all;
  if (io) {
    const op = node as { input?: SchemaNode[]; output?: SchemaNode[] };
    (op[io] ??= []).push(...nodes);
    return;
  }
  switch (node.kind) {
    case 'choice':
      node.cases.push(...asCases(b, nodes));
      return;
    case 'container':
    case 'list':
    case 'case':
    case 'notification':
      node.children.push(...nodes);
      return;
    default:
      b.c.sink.error('bad-augment-target', argLoc(stmt), `augment target "${stmt.arg}" is a ${node.kind}, which cannot have children`);
  }
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
