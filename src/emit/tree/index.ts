/**
 * RFC 8340 tree diagrams, laid out like `pyang -f tree` so the two can be diffed.
 */
import type { ModuleIR, SchemaNode, SchemaSet } from '../../ir/types.js';

type Mode = 'data' | 'input' | 'output';

/** One node as the tree sees it: input/output become pseudo nodes with children. */
interface TreeNode {
  node?: SchemaNode;
  keyword: string;
  name: string;
  module: string;
  children: TreeNode[];
}

export function emitTree(schema: SchemaSet, moduleName: string): string {
  const mod = schema.modules[moduleName];
  if (!mod) throw new Error(`module "${moduleName}" is not in the schema set`);
  const out: string[] = [`module: ${mod.name}`];
  const ctx = { schema, mod, out };
  printChildren(ctx, mod.data.map(toTree), '', 'data', 0);
  for (const aug of mod.augments) {
    if (aug.nodes.length === 0) continue;
    out.push('', `  augment ${aug.target}:`);
    const mode: Mode = aug.targetSchemaPath.endsWith(':input') ? 'input' : aug.targetSchemaPath.endsWith(':output') ? 'output' : 'data';
    printChildren(ctx, aug.nodes.map(toTree), '  ', mode, 0);
  }
  if (mod.rpcs.length) {
    out.push('', '  rpcs:');
    printChildren(ctx, mod.rpcs.map(toTree), '  ', 'data', 0);
  }
  if (mod.notifications.length) {
    out.push('', '  notifications:');
    printChildren(ctx, mod.notifications.map(toTree), '  ', 'data', 0);
  }
  return out.join('\n') + '\n';
}

function toTree(n: SchemaNode): TreeNode {
  const base = { node: n, keyword: n.kind, name: n.name, module: n.module };
  switch (n.kind) {
    case 'rpc':
    case 'action': {
      const io: TreeNode[] = [];
      for (const k of ['input', 'output'] as const) {
        io.push({ keyword: k, name: k, module: n.module, children: (n[k] ?? []).map(toTree) });
      }
      return { ...base, children: io };
    }
    case 'choice':
      return { ...base, children: n.cases.map(toTree) };
    case 'container':
    case 'list':
    case 'case':
    case 'notification':
      return { ...base, children: n.children.map(toTree) };
    default:
      return { ...base, children: [] };
  }
}

interface Ctx {
  schema: SchemaSet;
  mod: ModuleIR;
  out: string[];
}

function displayName(ctx: Ctx, t: TreeNode): string {
  return t.module === ctx.mod.name ? t.name : `${ctx.schema.modules[t.module]?.prefix ?? t.module}:${t.name}`;
}

function nameWidth(ctx: Ctx, nodes: TreeNode[]): number {
  let w = 0;
  for (const t of nodes) {
    const len = t.keyword === 'choice' || t.keyword === 'case' ? 3 + nameWidth(ctx, t.children) : displayName(ctx, t).length;
    if (len > w) w = len;
  }
  return w;
}

function printChildren(ctx: Ctx, nodes: TreeNode[], prefix: string, mode: Mode, width: number): void {
  const w = width || nameWidth(ctx, nodes);
  const last = nodes[nodes.length - 1];
  for (const t of nodes) {
    if ((t.keyword === 'input' || t.keyword === 'output') && t.children.length === 0) continue;
    const closes = t === last || (last?.keyword === 'output' && last.children.length === 0);
    const childMode: Mode = t.keyword === 'input' ? 'input' : t.keyword === 'output' ? 'output' : mode;
    printNode(ctx, t, prefix + (closes ? '   ' : '  |'), childMode, w);
  }
}

function printNode(ctx: Ctx, t: TreeNode, prefix: string, mode: Mode, width: number): void {
  const n = t.node;
  const status = n?.status === 'deprecated' ? 'x' : n?.status === 'obsolete' ? 'o' : '+';
  let line = `${prefix.slice(0, -1)}${status}--`;
  let name = displayName(ctx, t);
  const flags = flagsOf(t, mode);
  switch (n?.kind) {
    case 'list':
      line += `${flags} ${name}* [${n.keys.join(' ')}]`;
      break;
    case 'container':
      line += `${flags} ${name}${n.presence !== undefined ? '!' : ''}`;
      break;
    case 'choice':
      line += `${flags} (${name})${n.mandatory ? '' : '?'}`;
      break;
    case 'case':
      line += `:(${name})`;
      break;
    case 'leaf':
    case 'leaf-list':
    case 'anydata':
    case 'anyxml': {
      if (n.kind === 'leaf-list') name += '*';
      else if ((n.kind === 'leaf' && !n.isKey && !n.mandatory) || (n.kind !== 'leaf' && !n.mandatory)) name += '?';
      line += `${flags} ${name.padEnd(width + 1)}   ${typeName(ctx, n)}`;
      break;
    }
    default:
      line += `${flags} ${name}`;
  }
  if (n?.ifFeatures?.length) line += ` {${n.ifFeatures.join(',')}}?`;
  ctx.out.push(line);
  if (t.children.length === 0) return;
  const choiceLike = t.keyword === 'choice' || t.keyword === 'case';
  printChildren(ctx, t.children, prefix, mode, choiceLike ? width - 3 : 0);
}

function flagsOf(t: TreeNode, mode: Mode): string {
  if (mode === 'input') return '-w';
  if (t.keyword === 'rpc' || t.keyword === 'action') return '-x';
  if (t.keyword === 'notification') return '-n';
  if (t.node?.config) return 'rw';
  return 'ro';
}

function typeName(ctx: Ctx, n: SchemaNode): string {
  if (n.kind === 'anydata' || n.kind === 'anyxml') return `<${n.kind}>`;
  if (n.kind !== 'leaf' && n.kind !== 'leaf-list') return '';
  const lr = n.type.leafref;
  if (n.type.name !== 'leafref' || !lr) return n.type.name;
  return `-> ${compactPath(lr.path, ctx.schema.modules[n.module]?.prefix ?? '')}`;
}

/** pyang's compact leafref path: predicates dropped, a prefix shown only where it changes. */
function compactPath(path: string, ownPrefix: string): string {
  let depth = 0;
  let bare = '';
  for (const ch of path) {
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (depth === 0) bare += ch;
  }
  let current = ownPrefix;
  return bare
    .split('/')
    .map((step) => {
      const i = step.indexOf(':');
      if (i < 0) return step;
      const p = step.slice(0, i);
      if (p === current) return step.slice(i + 1);
      current = p;
      return step;
    })
    .join('/');
}
