import type { AugmentIR, SchemaNode, SchemaSet } from '../../ir/types.js';

/**
 * What an augment's target is, for the flags of the nodes it adds: pyang prints them
 * as input (`-w`), output or notification content (`ro`) when the target is that very
 * node, as data (`rw`/`ro`) in the datastore tree, and with no flags deeper inside an
 * operation or notification.
 */
export type AugmentTargetKind = 'data' | 'input' | 'output' | 'notification' | 'operation-content';

export function augmentTargetKind(schema: SchemaSet, aug: AugmentIR): AugmentTargetKind {
  const mod = schema.modules[aug.targetModule];
  if (!mod) return 'data';
  return findKind([...mod.data, ...mod.rpcs, ...mod.notifications], aug.targetSchemaPath, false) ?? 'data';
}

function findKind(nodes: SchemaNode[], target: string, inOperation: boolean): AugmentTargetKind | undefined {
  for (const n of nodes) {
    if (!target.startsWith(n.schemaPath)) continue;
    const rest = target.slice(n.schemaPath.length);
    if (rest !== '' && !rest.startsWith('/')) continue;
    if (n.kind === 'rpc' || n.kind === 'action') {
      for (const io of ['input', 'output'] as const) {
        const ioPath = `${n.schemaPath}/${n.module}:${io}`;
        if (target === ioPath) return io;
        if (target.startsWith(ioPath + '/')) return findKind(n[io] ?? [], target, true);
      }
      continue;
    }
    if (rest === '') return n.kind === 'notification' ? 'notification' : inOperation ? 'operation-content' : 'data';
    const inner = n.kind === 'notification' || inOperation;
    const children = n.kind === 'choice' ? n.cases : 'children' in n ? n.children : [];
    const found = findKind(children, target, inner);
    if (found) return found;
  }
  return undefined;
}
