import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { BUILTIN_TYPES } from '../compile/builtin-types.js';
import type { SchemaNode } from '../ir/types.js';
import { argumentKind, isYang11Only, SECTION_ORDER, STATEMENTS, substatementsOf, TOP_LEVEL, type SubstatementRule } from '../syntax/statement-table.js';
import { headerOf, moduleOfPrefix, REFERRING_KEYWORDS, resolveName, visibleDefinitions, type Header, type SourceView } from './names.js';
import type { Outline, OutlineNode } from './outline.js';


/** Snippets for the blocks written most often; `$n` are tab stops. */
const SNIPPETS: Readonly<Record<string, string>> = {
  container: 'container ${1:name} {\n\tdescription\n\t\t"${2}";\n\t$0\n}',
  list: 'list ${1:name} {\n\tkey "${2:name}";\n\tdescription\n\t\t"${3}";\n\tleaf ${2:name} {\n\t\ttype ${4:string};\n\t}\n\t$0\n}',
  leaf: 'leaf ${1:name} {\n\ttype ${2:string};\n\tdescription\n\t\t"${3}";\n}',
  'leaf-list': 'leaf-list ${1:name} {\n\ttype ${2:string};\n\tdescription\n\t\t"${3}";\n}',
  grouping: 'grouping ${1:name} {\n\tdescription\n\t\t"${2}";\n\t$0\n}',
  typedef: 'typedef ${1:name} {\n\ttype ${2:string};\n\tdescription\n\t\t"${3}";\n}',
  augment: 'augment "${1:/prefix:path}" {\n\t$0\n}',
  import: 'import ${1:module} {\n\tprefix ${2:prefix};\n}',
  revision: 'revision ${1:YYYY-MM-DD} {\n\tdescription\n\t\t"${2}";\n}',
};

/** Fixed argument values by argument kind. */
const ARGUMENT_VALUES: Partial<Record<string, string[]>> = {
  boolean: ['true', 'false'],
  status: ['current', 'deprecated', 'obsolete'],
  'ordered-by': ['system', 'user'],
  'yang-version': ['1.1', '1'],
  deviate: ['not-supported', 'add', 'replace', 'delete'],
  modifier: ['invert-match'],
  'max-elements': ['unbounded'],
};

/** Where the cursor is: typing a keyword inside `parent`, or the argument of `statement`. */
type Context = { kind: 'keyword'; parent?: OutlineNode; typed?: OutlineNode } | { kind: 'argument'; statement: OutlineNode };

export function completionContext(outline: Outline, text: string, offset: number): Context {
  let parent: OutlineNode | undefined;
  let list = outline.roots;
  for (;;) {
    const hit = list.find((n) => n.start < offset && offset <= n.end);
    if (!hit) break;
    const terminated = text[hit.end - 1] === ';' || (hit.blockStart !== undefined && offset > hit.blockStart && (text[hit.end - 1] === '}' || hit.end === text.length));
    if (offset <= hit.keywordEnd) return { kind: 'keyword', parent, typed: hit };
    if (hit.blockStart === undefined || offset <= hit.blockStart) {
      return terminated && offset === hit.end ? { kind: 'keyword', parent } : { kind: 'argument', statement: hit };
    }
    parent = hit;
    list = hit.children;
  }
  // Just after a statement cut short on the same line (`type |`): its argument.
  const before = [...list].reverse().find((n) => n.end <= offset);
  if (before && before.blockStart === undefined && text[before.end - 1] !== ';' && !text.slice(before.end, offset).includes('\n') && before.argStart === undefined) {
    return { kind: 'argument', statement: before };
  }
  return { kind: 'keyword', parent };
}

export interface CompletionInputs {
  view: SourceView;
  file: string;
  outline: Outline;
  text: string;
  offset: number;
  /** The compiled schema node written at a statement, for enum values in defaults. */
  schemaNodeAt(node: OutlineNode): SchemaNode | undefined;
  knownModules(): Iterable<string>;
  /** The LSP range of two offsets of the document. */
  range(start: number, end: number): Range;
  /** Children of the schema node at a schema node path with module names (`/m:a/m:b`); top-level nodes for ''. */
  schemaChildren(schemaPath: string): readonly SchemaNode[];
}

export function complete(input: CompletionInputs): CompletionItem[] {
  const ctx = completionContext(input.outline, input.text, input.offset);
  const header = headerOf(input.outline);
  const items = ctx.kind === 'keyword' ? keywordItems(ctx.parent, ctx.typed, header, input.offset) : argumentItems(input, ctx.statement, header);
  // Each item replaces the whole name being typed: editors' word boundaries stop at ':' and '-', YANG names do not.
  let start = input.offset;
  while (start > 0 && /[\w.:-]/.test(input.text[start - 1]!)) start--;
  const range = input.range(start, input.offset);
  return items.map((item) => ({ ...item, filterText: item.label, textEdit: { range, newText: item.insertText ?? item.label } }));
}

function keywordItems(parent: OutlineNode | undefined, typed: OutlineNode | undefined, header: Header | undefined, offset: number): CompletionItem[] {
  if (!parent) return TOP_LEVEL.map((k) => ({ label: k, kind: CompletionItemKind.Keyword }));
  const rule = parent.prefix === undefined ? STATEMENTS.get(parent.keyword) : undefined;
  if (!rule) return [];
  const version = header?.yangVersion ?? '1';
  const present = new Map<string, number>();
  for (const c of parent.children) if (c !== typed && c.prefix === undefined) present.set(c.keyword, (present.get(c.keyword) ?? 0) + 1);
  const subs = substatementsOf(rule, version, parent.arg);
  // In a module, statements of a section before the one already reached are out of order (RFC 7950 7.1).
  const reached = Math.max(-1, ...parent.children.filter((c) => c !== typed && c.start < offset).map((c) => SECTION_ORDER.indexOf(subs.get(c.keyword)?.section ?? 'header')));
  const fits = (s: SubstatementRule) =>
    !(version === '1' && isYang11Only(s)) &&
    !((s.cardinality === '1' || s.cardinality === '0..1') && present.has(s.keyword)) &&
    !(s.section && SECTION_ORDER.indexOf(s.section) < reached);
  return [...subs.values()].filter(fits).map((s): CompletionItem => {
    const snippet = SNIPPETS[s.keyword];
    return {
      label: s.keyword,
      kind: CompletionItemKind.Keyword,
      detail: `${s.keyword} (${s.cardinality})${isYang11Only(s) ? ', YANG 1.1' : ''}`,
      ...(snippet ? { insertText: snippet, insertTextFormat: InsertTextFormat.Snippet } : {}),
    };
  });
}

function argumentItems(input: CompletionInputs, statement: OutlineNode, header: Header | undefined): CompletionItem[] {
  if (statement.prefix !== undefined) return [];
  const parentRule = statement.parent?.prefix === undefined ? STATEMENTS.get(statement.parent?.keyword ?? '') : undefined;
  const rule = STATEMENTS.get(statement.keyword);
  if (!rule) return [];
  const kind = argumentKind(rule, parentRule && substatementsOf(parentRule, header?.yangVersion ?? '1.1', statement.parent?.arg).get(statement.keyword));
  const values = kind ? ARGUMENT_VALUES[kind] : undefined;
  if (values) return values.map((v) => ({ label: v, kind: CompletionItemKind.Value }));
  const defKind = REFERRING_KEYWORDS[statement.keyword];
  if (defKind) {
    const items: CompletionItem[] = visibleDefinitions(input.view, input.file, statement.parent, defKind).map(({ label, def }) => ({
      label,
      kind: defKind === 'typedef' ? CompletionItemKind.TypeParameter : defKind === 'grouping' ? CompletionItemKind.Module : defKind === 'identity' ? CompletionItemKind.EnumMember : CompletionItemKind.Constant,
      detail: `${defKind} ${def.module}:${def.name}`,
    }));
    if (defKind === 'typedef') items.push(...[...BUILTIN_TYPES].map((t) => ({ label: t, kind: CompletionItemKind.Keyword, detail: 'built-in type' })));
    return items;
  }
  if ((statement.keyword === 'augment' || statement.keyword === 'deviation') && statement.argStart !== undefined && header) {
    return schemaNodeIdItems(input, statement, header);
  }
  if (statement.keyword === 'import') {
    return [...input.knownModules()].filter((m) => m !== header?.module).sort().map((m) => ({ label: m, kind: CompletionItemKind.Module }));
  }
  if (statement.keyword === 'default' && statement.parent) {
    const node = input.schemaNodeAt(statement.parent);
    const type = node && (node.kind === 'leaf' || node.kind === 'leaf-list') ? node.type : undefined;
    const identities = type?.identityref?.values.map((q) => spelledIn(header, q));
    const compiled = type?.enums?.map((e) => e.name) ?? type?.bits?.map((b) => b.name) ?? (type?.base === 'boolean' ? ['true', 'false'] : identities);
    // While the file does not compile (the default is being typed), read the type from the statements.
    const names = compiled ?? valuesOfType(input.view, input.file, statement.parent, new Set());
    return names.map((n) => ({ label: n, kind: CompletionItemKind.EnumMember }));
  }
  return [];
}

/** A qualified identity `module:name` as the file writes it: with the prefix it imports the module under. */
function spelledIn(header: Header | undefined, qualified: string): string {
  const [module, name] = qualified.split(':') as [string, string];
  if (!header) return qualified;
  if (module === header.module) return header.prefix ? `${header.prefix}:${name}` : name;
  const prefix = [...header.imports].find(([, i]) => i.module === module)?.[0];
  return prefix ? `${prefix}:${name}` : qualified;
}

/** Enum or bit names (or booleans) of a leaf's type as written, following typedefs. */
function valuesOfType(view: SourceView, file: string, owner: OutlineNode, seen: Set<OutlineNode>): string[] {
  const type = owner.children.find((c) => c.keyword === 'type' && c.prefix === undefined);
  if (!type?.arg || seen.has(type)) return [];
  seen.add(type);
  if (type.arg === 'enumeration' || type.arg === 'bits') {
    const member = type.arg === 'enumeration' ? 'enum' : 'bit';
    return type.children.filter((c) => c.keyword === member && c.arg !== undefined).map((c) => c.arg!);
  }
  if (type.arg === 'boolean') return ['true', 'false'];
  const colon = type.arg.indexOf(':');
  const ref = { ...(colon < 0 ? { name: type.arg } : { prefix: type.arg.slice(0, colon), name: type.arg.slice(colon + 1) }), start: 0, end: 0 };
  const def = resolveName(view, file, type, ref, 'typedef');
  return def ? valuesOfType(view, def.file, def.node, seen) : [];
}

/**
 * The next step of an absolute schema node identifier (RFC 7950 6.5) being typed in an
 * augment or deviation: the children of the node the steps before the cursor name, each
 * written with the prefix this file imports its module under.
 */
function schemaNodeIdItems(input: CompletionInputs, statement: OutlineNode, header: Header): CompletionItem[] {
  const quoted = input.text[statement.argStart!] === '"' || input.text[statement.argStart!] === "'";
  const typed = input.text.slice(statement.argStart! + (quoted ? 1 : 0), input.offset);
  if (!typed.startsWith('/')) return [];
  const steps = typed.slice(1).split('/').slice(0, -1);
  const toModule = (step: string) => {
    const colon = step.indexOf(':');
    const module = colon < 0 ? header.module : moduleOfPrefix(header, step.slice(0, colon));
    return module && `${module}:${step.slice(colon + 1)}`;
  };
  const qualified = steps.map(toModule);
  if (qualified.some((q) => q === undefined)) return [];
  const parent = qualified.length ? `/${qualified.join('/')}` : '';
  const addressable = (module: string) => module === header.module || [...header.imports.values()].some((i) => i.module === module);
  return input.schemaChildren(parent).filter((n) => addressable(n.module)).map((n) => {
    const label = spelledIn(header, `${n.module}:${n.name}`);
    return { label, kind: n.kind === 'leaf' || n.kind === 'leaf-list' ? CompletionItemKind.Field : CompletionItemKind.Struct, detail: n.kind };
  });
}
