/**
 * RFC 8340 tree diagrams, byte for byte as `pyang -f tree` (2.7.1) prints them, so the
 * two can be diffed; the options are pyang's `--tree-*` options.
 */
import type { SchemaSet } from '../../ir/types.js';
import { augmentTargetKind, type AugmentTargetKind } from './augment-context.js';
import type { TreeOptions } from './options.js';
import { printNodes, type Mode, type PrintCtx } from './print-nodes.js';

export { parseTreePath, type TreeOptions } from './options.js';

const MODE_OF_TARGET: Record<AugmentTargetKind, Mode> = {
  data: 'data',
  input: 'input',
  output: 'output',
  notification: 'notification',
  'operation-content': 'unconfigured',
};

/**
 * The tree of one module; '' when it has nothing to show (pyang then prints not even
 * the header). Several modules' trees are separated by one blank line.
 */
export function emitTree(schema: SchemaSet, moduleName: string, opts: TreeOptions = {}): string {
  const mod = schema.modules[moduleName];
  if (!mod) throw new Error(`module "${moduleName}" is not in the schema set`);
  const ctx: PrintCtx = { schema, module: mod.name, opts, out: [] };
  const { out } = ctx;
  const path = opts.path;
  const rest = path?.length ? path.slice(1) : path;
  const named = <T extends { name: string }>(nodes: T[]): T[] => (path?.length ? nodes.filter((n) => n.name === path[0]) : nodes);

  printNodes(ctx, named(mod.data), '', 'data', rest);

  // Augments of a node of this module or of a module printed alongside show in place, in that tree.
  const augments = mod.augments.filter((a) => {
    const owner = targetNodeModule(a.targetSchemaPath);
    return owner !== mod.name && !schema.inputs.includes(owner);
  });
  if (augments.length) out.push('');
  for (const aug of augments) {
    out.push(`  augment ${aug.target}:`);
    printNodes(ctx, aug.nodes, '  ', MODE_OF_TARGET[augmentTargetKind(schema, aug)], path);
  }

  // With a path, operations and notifications show only when the path names one.
  const operations = path && path.length === 0 ? [] : named(mod.rpcs);
  if (operations.length) {
    out.push('', '  rpcs:');
    printNodes(ctx, operations, '  ', 'data', rest);
  }
  const notifications = path && path.length === 0 ? [] : named(mod.notifications);
  if (notifications.length) {
    out.push('', '  notifications:');
    printNodes(ctx, notifications, '  ', 'notification', rest);
  }

  const groupings = opts.printGroupings ? (mod.groupings ?? []) : [];
  if (groupings.length) out.push('');
  for (const g of groupings) {
    out.push(`  grouping ${g.name}:`);
    printNodes(ctx, g.nodes, '  ', 'unconfigured', path);
  }

  for (const kind of ['yang-data', 'structure'] as const) {
    if (!(kind === 'yang-data' ? opts.printYangData : opts.printStructures)) continue;
    const docs = (mod.yangData ?? []).filter((d) => d.extension === kind);
    if (docs.length) out.push('');
    for (const doc of docs) {
      out.push(`  ${kind} ${doc.name}:`);
      // A structure's IR is one container named after it; pyang shows what is inside.
      const nodes = kind === 'structure' ? doc.nodes.flatMap((n) => ('children' in n ? n.children : [n])) : doc.nodes;
      printNodes(ctx, nodes, '  ', 'unconfigured', path);
    }
  }

  if (out.length === 0) return '';
  return [`module: ${mod.name}`, ...out].join('\n') + '\n';
}

/** The module of an augment's target node itself (the last step of its schema path). */
function targetNodeModule(schemaPath: string): string {
  const last = schemaPath.slice(schemaPath.lastIndexOf('/') + 1);
  return last.slice(0, last.indexOf(':'));
}
