import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { printNodes, type Mode } from '../emit/tree/print-nodes.js';
import type { Interval, SchemaNode, SchemaSet, TypeIR } from '../ir/types.js';
import type { Definition } from './names.js';
import { childOf } from './outline.js';

const intervals = (list: Interval[]) => list.map((i) => (i.min === i.max ? i.min : `${i.min}..${i.max}`)).join(' | ');

/** The typedef chain from the name written at the use site down to the built-in type. */
export function typeChain(schema: SchemaSet, type: TypeIR): string[] {
  const chain = [type.name];
  let at = type.typedef;
  const seen = new Set<string>();
  while (at && !seen.has(`${at.module}:${at.name}`)) {
    seen.add(`${at.module}:${at.name}`);
    const def = schema.modules[at.module]?.typedefs.find((t) => t.name === at!.name);
    if (!def) break;
    chain.push(`${at.module}:${at.name}`);
    at = def.type.typedef;
  }
  if (chain[chain.length - 1] !== type.base) chain.push(type.base);
  return chain;
}

/** Markdown lines for a resolved type: chain and effective restrictions (RFC 7950 9.2.4, 9.4.4, 9.4.5). */
export function typeLines(schema: SchemaSet, type: TypeIR): string[] {
  const lines = [`type: \`${typeChain(schema, type).join(' → ')}\``];
  if (type.range) lines.push(`range: \`${intervals(type.range)}\``);
  if (type.length) lines.push(`length: \`${intervals(type.length)}\``);
  for (const p of type.patterns ?? []) lines.push(`pattern${p.invertMatch ? ' (invert-match)' : ''}: \`${p.regex}\``);
  if (type.fractionDigits !== undefined) lines.push(`fraction-digits: ${type.fractionDigits}`);
  if (type.enums) lines.push(`enum: ${type.enums.map((e) => `\`${e.name}\``).join(', ')}`);
  if (type.bits) lines.push(`bits: ${type.bits.map((b) => `\`${b.name}\``).join(', ')}`);
  if (type.leafref) lines.push(`leafref: \`${type.leafref.path}\`${type.leafref.target ? ` → \`${type.leafref.target}\`` : ''}`);
  if (type.identityref) lines.push(`identityref base: ${type.identityref.bases.map((b) => `\`${b}\``).join(', ')}`);
  if (type.union) lines.push(`union of: ${type.union.map((u) => `\`${u.name}\``).join(', ')}`);
  return lines;
}

/** The node's line in an RFC 8340 tree diagram, as `yangkit tree` prints it. */
export function treeLine(schema: SchemaSet, node: SchemaNode, module: string): string {
  const out: string[] = [];
  const mode: Mode = node.kind === 'notification' ? 'notification' : 'data';
  printNodes({ schema, module, opts: { depth: 1 }, out }, [node], '', mode, undefined);
  return (out[0] ?? '').trim();
}

export function schemaNodeHover(schema: SchemaSet, node: SchemaNode, module: string, uses: number): Hover {
  const lines = [`**${node.kind}** \`${node.name}\``, '', '```', treeLine(schema, node, module), '```', `path: \`${node.path}\``];
  if (node.kind === 'leaf' || node.kind === 'leaf-list') {
    lines.push(...typeLines(schema, node.type));
    const def = node.kind === 'leaf' ? node.default : node.default?.join(', ');
    if (def !== undefined) lines.push(`default: \`${def}\``);
    if (node.units !== undefined) lines.push(`units: ${node.units}`);
  }
  if (node.kind === 'list') lines.push(`key: ${node.keys.length ? node.keys.map((k) => `\`${k}\``).join(' ') : '(none)'}`);
  if (node.kind !== 'rpc' && node.kind !== 'action' && node.kind !== 'notification') lines.push(`config: ${node.config}`);
  if ('mandatory' in node && node.mandatory) lines.push('mandatory: true');
  if (node.status !== 'current') lines.push(`status: ${node.status}`);
  if (uses > 1) lines.push(`(one of ${uses} instances of this grouping node)`);
  if (node.description) lines.push('', node.description);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('  \n') } };
}

/** Hover for a typedef, grouping, identity or feature: its kind, qualified name, type and description. */
export function definitionHover(schema: SchemaSet, def: Definition): Hover {
  const lines = [`**${def.kind}** \`${def.module}:${def.name}\``];
  if (def.kind === 'typedef') {
    const ir = def.node.parent?.parent === undefined ? schema.modules[def.module]?.typedefs.find((t) => t.name === def.name) : undefined;
    if (ir) {
      lines.push(...typeLines(schema, ir.type));
      if (ir.default !== undefined) lines.push(`default: \`${ir.default}\``);
      if (ir.units !== undefined) lines.push(`units: ${ir.units}`);
    } else {
      const type = childOf(def.node, 'type')?.arg;
      if (type) lines.push(`type: \`${type}\``);
    }
  }
  if (def.kind === 'identity') {
    const bases = def.node.children.filter((c) => c.keyword === 'base' && c.arg).map((c) => `\`${c.arg}\``);
    if (bases.length) lines.push(`base: ${bases.join(', ')}`);
  }
  const description = childOf(def.node, 'description')?.arg;
  if (description) lines.push('', description);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('  \n') } };
}
