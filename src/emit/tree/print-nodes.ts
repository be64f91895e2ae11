/**
 * Prints schema nodes the way pyang 2.7.1's tree plugin does (RFC 8340 plus pyang's
 * choices where the RFC leaves them open: column widths, folding, `...` for depth).
 */
import type { SchemaNode, SchemaSet } from '../../ir/types.js';
import type { TreeOptions } from './options.js';
import { typeLabel } from './type-label.js';

/**
 * How flags are chosen below a point: `data` from the node's config, `input` as `-w`,
 * `output`/`notification` as `ro`, `unconfigured` (yang-data, structures, the inside of a
 * notification in the data tree or of an operation reached by an augment) with none, except
 * where a document node has a written `config` (pyang shows it).
 */
export type Mode = 'data' | 'input' | 'output' | 'notification' | 'unconfigured';

/** One printed node: input/output, and uses not expanded, become pseudo nodes. */
interface TreeNode {
  node?: SchemaNode;
  keyword: string;
  name: string;
  module: string;
  children: TreeNode[];
}

export interface PrintCtx {
  schema: SchemaSet;
  /** The module being printed: its own nodes are shown without a prefix. */
  module: string;
  opts: TreeOptions;
  out: string[];
}

/** Prints a list of sibling nodes under `prefix`, the tree's left margin so far. */
export function printNodes(ctx: PrintCtx, nodes: SchemaNode[], prefix: string, mode: Mode, path: string[] | undefined): void {
  printChildren(ctx, toTrees(ctx, nodes), prefix, mode, path, ctx.opts.depth, 0);
}

/** Sibling nodes as printed; without expanding uses, each run one `uses` brought in is that uses. */
function toTrees(ctx: PrintCtx, nodes: SchemaNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  for (const n of nodes) {
    const uses = ctx.opts.noExpandUses ? n.fromUses?.[0] : undefined;
    if (uses === undefined) {
      out.push(toTree(ctx, n));
    } else if (out[out.length - 1]?.keyword !== 'uses' || out[out.length - 1]!.name !== uses) {
      out.push({ keyword: 'uses', name: uses, module: n.module, children: [] });
    }
  }
  return out;
}

function toTree(ctx: PrintCtx, n: SchemaNode): TreeNode {
  const base = { node: n, keyword: n.kind, name: n.name, module: n.module };
  switch (n.kind) {
    case 'rpc':
    case 'action':
      return {
        ...base,
        children: (['input', 'output'] as const).map((k) => ({ keyword: k, name: k, module: n.module, children: toTrees(ctx, n[k] ?? []) })),
      };
    case 'choice':
      return { ...base, children: toTrees(ctx, n.cases) };
    case 'container':
    case 'list':
    case 'case':
    case 'notification':
      return { ...base, children: toTrees(ctx, n.children) };
    default:
      return { ...base, children: [] };
  }
}

function displayName(ctx: PrintCtx, t: TreeNode, moduleNamePrefix: boolean): string {
  if (t.module === ctx.module) return t.name;
  const qualifier = moduleNamePrefix ? t.module : (ctx.schema.modules[t.module]?.prefix ?? t.module);
  return `${qualifier}:${t.name}`;
}

/** Widest name among siblings, looking through choices and cases (whose names are 3 columns in). */
function nameWidth(ctx: PrintCtx, nodes: TreeNode[]): number {
  let w = 0;
  for (const t of nodes) {
    const len = t.keyword === 'choice' || t.keyword === 'case' ? 3 + nameWidth(ctx, t.children) : displayName(ctx, t, false).length;
    if (len > w) w = len;
  }
  return w;
}

function printChildren(ctx: PrintCtx, nodes: TreeNode[], prefix: string, mode: Mode, path: string[] | undefined, depth: number | undefined, width: number): void {
  if (depth === 0) {
    if (nodes.length) ctx.out.push(`${prefix}     ...`);
    return;
  }
  const w = width || nameWidth(ctx, nodes);
  const last = nodes[nodes.length - 1];
  for (const t of nodes) {
    if ((t.keyword === 'input' || t.keyword === 'output') && t.children.length === 0) continue;
    // An input followed by an empty (unprinted) output is the last branch drawn.
    const closes = t === last || (last?.keyword === 'output' && last.children.length === 0);
    const childMode: Mode = t.keyword === 'input' ? 'input' : t.keyword === 'output' ? 'output' : mode;
    printNode(ctx, t, prefix + (closes ? '   ' : '  |'), childMode, path, depth, w);
  }
}

function printNode(ctx: PrintCtx, t: TreeNode, prefix: string, mode: Mode, path: string[] | undefined, depth: number | undefined, width: number): void {
  const { lineLength } = ctx.opts;
  const n = t.node;
  const status = n?.status === 'deprecated' ? 'x' : n?.status === 'obsolete' ? 'o' : '+';
  let line = `${prefix.slice(0, -1)}${status}--`;
  // Where folded parts of the line start.
  let breakColumn = line.length + 4;
  const continuation = () => prefix + ' '.repeat(breakColumn - prefix.length);
  let name = displayName(ctx, t, ctx.opts.moduleNamePrefix === true);
  const flags = flagsOf(t, mode);
  switch (n?.kind) {
    case 'list':
      line += `${flags} ${name}*`;
      break;
    case 'container':
      line += `${flags} ${name}${n.presence !== undefined ? '!' : ''}`;
      break;
    case 'choice':
      line += `${flags} (${name})${n.mandatory ? '' : '?'}`;
      break;
    case 'case':
      line += `:(${name})`;
      breakColumn += 1;
      break;
    case 'leaf':
    case 'leaf-list':
    case 'anydata':
    case 'anyxml': {
      if (n.kind === 'leaf-list') name += '*';
      else if (!(n.kind === 'leaf' && n.isKey) && !n.mandatory) name += '?';
      const type = typeLabel(ctx.schema, n, ctx.opts.moduleNamePrefix === true);
      if (lineLength !== undefined && line.length + flags.length + width + 1 + type.length + 4 > lineLength) {
        if (type.startsWith('-> ') && type.length + breakColumn > lineLength) {
          // Not even room for the leafref path on a line of its own.
          line += `${flags} ${name.padEnd(width + 1)}   leafref`;
        } else {
          ctx.out.push(`${line}${flags} ${name}`);
          line = `${continuation()} ${type}`;
        }
      } else {
        line += `${flags} ${name.padEnd(width + 1)}   ${type}`;
      }
      break;
    }
    default:
      line += `${flags} ${name}`;
  }
  if (n?.kind === 'list') line = appendFolded(ctx, line, ` [${n.keys.join(' ')}]`, continuation);
  if (n?.ifFeatures?.length) line = appendFolded(ctx, line, ` {${n.ifFeatures.join(',')}}?`, continuation);
  ctx.out.push(line);
  if (t.children.length === 0) return;
  let children = t.children;
  if (path?.length) {
    const [step, ...below] = path;
    children = children.filter((c) => c.name === step);
    path = below;
  }
  const childDepth = depth === undefined ? undefined : depth - 1;
  // Inside a notification of the data tree, nodes have no config: pyang gives them no flags.
  const innerMode = t.keyword === 'notification' && mode === 'data' ? 'unconfigured' : mode;
  const choiceLike = t.keyword === 'choice' || t.keyword === 'case';
  printChildren(ctx, children, prefix, innerMode, path, childDepth, choiceLike ? width - 3 : 0);
}

/** Appends a part of the line, first moving to a continuation line if it would overflow. */
function appendFolded(ctx: PrintCtx, line: string, part: string, continuation: () => string): string {
  if (ctx.opts.lineLength !== undefined && line.length + part.length > ctx.opts.lineLength) {
    ctx.out.push(line);
    return continuation() + part;
  }
  return line + part;
}

function flagsOf(t: TreeNode, mode: Mode): string {
  if (mode === 'input') return '-w';
  if (t.keyword === 'rpc' || t.keyword === 'action') return '-x';
  if (t.keyword === 'notification') return '-n';
  if (t.keyword === 'uses') return '-u';
  if (mode === 'data') return t.node?.config ? 'rw' : 'ro';
  if (mode === 'output' || mode === 'notification') return 'ro';
  const written = t.node?.writtenConfig;
  if (written !== undefined) return written ? 'rw' : 'ro';
  return '';
}
