/** JSDoc for generated declarations, from YANG descriptions, units, restrictions and defaults. */
import type { LeafListNode, LeafNode, SchemaNode, Status, TypedefIR, TypeIR } from '../../ir/types.js';
import { formatIntervals, restrictedLength, restrictedRange } from './restrictions.js';

/** The text of a JSDoc comment (print.ts `commentDoc` prints it); undefined: no comment. */
export type Docs = string | undefined;

/**
 * Texts already re-indented: a grouping's descriptions come back with every use of it.
 * Cleared when large, so that a long-running process does not keep every text.
 */
const reindented = new Map<string, string>();

function commentText(text: string): string {
  let result = reindented.get(text);
  if (result === undefined) {
    if (reindented.size >= 20_000) reindented.clear();
    reindented.set(text, (result = reindent(text)));
  }
  return result;
}

/** YANG text re-indented for a comment, with `*\/` defused so it cannot end the comment early. */
function reindent(text: string): string {
  const safe = text.includes('*/') ? text.replace(/\*\//g, '*\\/') : text;
  if (!safe.includes('\n')) return safe.trim();
  const lines = safe.split('\n').map((l) => l.trimEnd());
  const indents = lines.slice(1).filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const common = indents.length ? Math.min(...indents) : 0;
  return [lines[0]!.trim(), ...lines.slice(1).map((l) => l.slice(common))].join('\n').trim();
}

interface Tag {
  tagName: string;
  text: string;
}

/** The description, then one `@tag text` line (or lines) per tag. */
function jsDoc(paragraphs: (string | undefined)[], tags: Tag[] = []): Docs {
  const description = paragraphs.filter((p): p is string => !!p).map(commentText).join('\n\n');
  const tagLines = tags.map(({ tagName, text }) => {
    const body = commentText(text);
    return body === '' || body.startsWith('\n') ? `@${tagName}${body}` : `@${tagName} ${body}`;
  });
  const text = [...(description ? [description] : []), ...tagLines].join('\n');
  return text === '' ? undefined : text;
}

function statusTags(status: Status): Tag[] {
  return status === 'current' ? [] : [{ tagName: 'deprecated', text: `YANG status ${status}.` }];
}

/** One line per restriction or encoding rule a reader cannot see in the TypeScript type. */
function typeFacts(type: TypeIR): string[] {
  const facts: string[] = [];
  const range = restrictedRange(type);
  const length = restrictedLength(type);
  if (range) facts.push(`Range: ${formatIntervals(range)}.`);
  if (length) facts.push(`Length: ${formatIntervals(length)}.`);
  for (const p of type.patterns ?? []) facts.push(`Pattern${p.invertMatch ? ' (must not match)' : ''}: \`${p.regex}\``);
  if (type.base === 'int64' || type.base === 'uint64') facts.push('A 64-bit integer, as a JSON string.');
  if (type.base === 'decimal64') facts.push(`A decimal number with ${type.fractionDigits} fraction digits, as a JSON string.`);
  if (type.base === 'bits') facts.push(`Space-separated bit names: ${(type.bits ?? []).map((b) => b.name).join(', ')}.`);
  if (type.base === 'binary') facts.push('Base64-encoded.');
  if (type.base === 'leafref' && type.leafref) facts.push(`Refers to \`${type.leafref.target ?? type.leafref.path}\`.`);
  return facts;
}

export function typedefDocs(def: TypedefIR): Docs {
  const details = [...(def.units ? [`Units: ${def.units}.`] : []), ...typeFacts(def.type)].join('\n');
  const tags = def.default === undefined ? [] : [{ tagName: 'default', text: def.default }];
  return jsDoc([def.description, details], [...tags, ...statusTags(def.status)]);
}

/** A leaf or leaf-list member; `aliased`: its type is a typedef alias, whose docs carry the type's restrictions. */
export function leafDocs(node: LeafNode | LeafListNode, aliased: boolean): Docs {
  const details = [...(node.units ? [`Units: ${node.units}.`] : []), ...(aliased ? [] : typeFacts(node.type))].join('\n');
  const defaults = node.kind === 'leaf' ? node.default : node.default?.join(', ');
  const tags = defaults === undefined ? [] : [{ tagName: 'default', text: defaults }];
  return jsDoc([node.description, details], [...tags, ...statusTags(node.status)]);
}

/** A container, list or anydata member: what the node is for (its type's docs say where it is). */
export function memberDocs(node: SchemaNode): Docs {
  return jsDoc([node.description], statusTags(node.status));
}

/** The type of a container, list entry, operation input/output or notification; `what` says which. */
export function typeDocs(node: SchemaNode, what: string): Docs {
  const keys = node.kind === 'list' && node.keys.length ? `Keys: ${node.keys.join(', ')}.` : undefined;
  const presence = node.kind === 'container' && node.presence !== undefined ? `Presence container: ${node.presence}` : undefined;
  const description = node.kind === 'notification' || node.kind === 'rpc' || node.kind === 'action' ? node.description : undefined;
  return jsDoc([what, description, [keys, presence].filter(Boolean).join('\n')], statusTags(node.status));
}

export function textDocs(...paragraphs: string[]): Docs {
  return jsDoc(paragraphs);
}
