/**
 * Printing generated TypeScript already formatted as prettier formats it (default options:
 * 80 columns, 2 spaces, double quotes, trailing commas), without parsing it: declarations
 * are built as prettier documents the way prettier's own TypeScript printer builds them
 * for these few constructs (type aliases, interfaces, unions, intersections, object and
 * array types, the validator functions), and laid out by prettier's document printer
 * (`prettier/doc`, a small module apart from the parser and the language printers).
 */
import { builders, printer } from 'prettier/doc';

const { align, group, hardline, ifBreak, indent, indentIfBreak, join, line, lineSuffixBoundary, softline } = builders;

/** prettier's default print width. */
const WIDTH = 80;

export type Doc = builders.Doc;

/** A type, shaped as TypeScript parses it (parentheses are printed where prettier keeps them). */
export type TypeNode =
  /** A keyword, a reference or a string literal type, as printed. */
  | string
  | { readonly union: readonly TypeNode[] }
  | { readonly intersection: readonly TypeNode[] }
  | { readonly array: TypeNode }
  | { readonly tuple: readonly TypeNode[] }
  /** `multiline`: written with a line break after `{`, which prettier keeps (objectWrap "preserve"). */
  | { readonly object: readonly Member[]; readonly multiline: boolean };

/** A member of an object type or interface: a property signature (`comment`: from `commentLines`), or an index signature as printed. */
export type Member =
  | { readonly comment?: readonly string[]; readonly name: string; readonly optional: boolean; readonly type: TypeNode }
  | { readonly index: string };

/** `types` as one union, or the only type. */
export function unionType(types: TypeNode[]): TypeNode {
  return types.length === 1 ? types[0]! : { union: types };
}

export function intersectionType(types: TypeNode[]): TypeNode {
  return types.length === 1 ? types[0]! : { intersection: types };
}

const isObject = (type: TypeNode): boolean => typeof type !== 'string' && 'object' in type;

/** prettier's quote choice: double quotes unless the text holds more double than single quotes. */
function preferredQuote(content: string): '"' | "'" {
  let double = 0;
  let single = 0;
  for (const ch of content) {
    if (ch === '"') double++;
    else if (ch === "'") single++;
  }
  return double > single ? "'" : '"';
}

/** A JavaScript string literal (`raw`, quotes included, as JSON.stringify writes it) requoted as prettier prints it. */
export function printString(raw: string): string {
  const content = raw.slice(1, -1);
  const quote = preferredQuote(content);
  const other = quote === '"' ? "'" : '"';
  const body = content.replace(/\\(.)|(["'])/gsu, (match, escaped: string | undefined, bare: string | undefined) => {
    if (escaped === other) return escaped;
    if (bare === quote) return `\\${bare}`;
    if (bare) return bare;
    return /^[^\n\r"'0-7\\bfnrt-vx\u2028\u2029]$/u.test(escaped!) ? escaped! : `\\${escaped}`;
  });
  return quote + body + quote;
}

/** A string literal for `value`, quoted as prettier prints it. */
export const stringLiteral = (value: string): string => printString(JSON.stringify(value));

/** Where a type stands, for prettier's union indentation and parentheses. */
type Context = 'annotation' | 'array' | 'union' | 'intersection' | 'tuple';

function typeDoc(type: TypeNode, context: Context): Doc {
  if (typeof type === 'string') return type;
  if ('union' in type) return unionDoc(type.union, context);
  if ('intersection' in type) {
    const doc = intersectionDoc(type.intersection);
    return context === 'union' || context === 'intersection' || context === 'array' ? ['(', doc, ')'] : doc;
  }
  if ('array' in type) return [typeDoc(type.array, 'array'), '[]'];
  if ('tuple' in type) {
    const elements = join([',', line], type.tuple.map((t) => group(typeDoc(t, 'tuple'))));
    return group(['[', indent([softline, elements, ifBreak(',')]), softline, ']']);
  }
  return objectDoc(type.object, type.multiline);
}

/**
 * prettier's union printing: `A | B` where it fits, else one `| member` per line; after a
 * property's colon it first tries the whole union on the next line.
 */
function unionDoc(types: readonly TypeNode[], context: Context | 'alias'): Doc {
  const code = group(types.map((t, i) => [i === 0 ? ifBreak('| ') : [line, '| '], align(2, typeDoc(t, 'union'))]));
  if (context === 'array' || context === 'union' || context === 'intersection') return ['(', group([indent([softline, code]), softline]), ')'];
  return context === 'alias' || context === 'tuple' ? code : group(indent([softline, code]));
}

/** prettier's intersection printing: objects joined inline, other types after ` &` and a line. */
function intersectionDoc(types: readonly TypeNode[]): Doc {
  let wasIndented = false;
  return group(
    types.map((type, index) => {
      const doc = typeDoc(type, 'intersection');
      if (index === 0) return doc;
      const current = isObject(type);
      const previous = isObject(types[index - 1]!);
      if (previous && current) return [' & ', wasIndented ? indent(doc) : doc];
      if (!previous && !current) return indent([' &', line, doc]);
      if (index > 1) wasIndented = true;
      return [' & ', index > 1 ? indent(doc) : doc];
    }),
  );
}

/** The lines of a JSDoc comment (none for undefined): one line, or `/**`, ` * line`s and ` *\/` (`text` has no `*\/`). */
export function commentLines(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  if (lines.length === 1) return [`/** ${text} */`];
  // A first empty line (a description of only white space, then details) is left out, as the output always had it.
  const result = ['/**'];
  for (let i = lines[0] === '' ? 1 : 0; i < lines.length; i++) result.push(` * ${lines[i]}`.trimEnd());
  result.push(' */');
  return result;
}

const withComment = (comment: readonly string[] | undefined, doc: Doc): Doc => (comment === undefined ? doc : [join(hardline, [...comment]), hardline, doc]);
const withDocs = (docs: string | undefined, doc: Doc): Doc => withComment(commentLines(docs), doc);

function memberDoc(member: Member): Doc {
  if ('index' in member) return member.index;
  return withComment(member.comment, [member.name, member.optional ? '?' : '', ': ', typeDoc(member.type, 'annotation')]);
}

/** prettier's object type literal printing: `;` after each member. */
function objectDoc(members: readonly Member[], shouldBreak: boolean): Doc {
  if (members.length === 0) return '{}';
  const props = members.map((m, i) => (i === 0 ? group(memberDoc(m)) : [';', line, group(memberDoc(m))]));
  return group(['{', indent([line, ...props]), ifBreak(';'), line, '}'], { shouldBreak });
}

/**
 * An interface: its body always breaks, one member per line, so members are printed one by
 * one, two columns in; one whose type cannot break is written out without the document printer.
 */
export function interfaceDeclaration(name: string, docs: string | undefined, members: readonly Member[]): Doc {
  return withDocs(docs, `export interface ${name} {\n${members.map(memberText).join('\n')}\n}`);
}

const INDENT = '  ';

function memberText(member: Member): string {
  if ('index' in member) return `${INDENT}${member.index};`;
  const { comment, name, optional, type } = member;
  const flat = typeof type === 'string' ? type : 'array' in type && typeof type.array === 'string' ? `${type.array}[]` : undefined;
  const lines =
    flat === undefined
      ? print([group(memberDoc(member)), ';'], WIDTH - INDENT.length).split('\n')
      : [...(comment ?? []), `${name}${optional ? '?' : ''}: ${flat};`];
  return lines.map((l) => (l === '' ? l : INDENT + l)).join('\n');
}

/**
 * A type alias, in prettier's assignment layouts: a union breaks after `=` first
 * ("break-after-operator"), other types only if they cannot break themselves ("fluid").
 */
export function typeAliasDeclaration(name: string, docs: string | undefined, type: TypeNode): Doc {
  const left = group(`type ${name}`);
  const oneLine = typeof type === 'string' ? `export type ${name} = ${type};` : undefined;
  // Within the width (ASCII, so each character is a column): no layout to choose.
  if (oneLine !== undefined && oneLine.length <= WIDTH && /^[\x20-\x7e]*$/.test(oneLine)) return withDocs(docs, oneLine);
  if (typeof type !== 'string' && 'union' in type) {
    return withDocs(docs, ['export ', group([left, ' =', group(indent([line, unionDoc(type.union, 'alias')]))]), ';']);
  }
  const groupId = Symbol('assignment');
  const rhs = typeDoc(type, 'annotation');
  return withDocs(docs, ['export ', group([left, ' =', group(indent(line), { id: groupId }), lineSuffixBoundary, indentIfBreak(rhs, { groupId })]), ';']);
}

/** A JSON-like value as a JavaScript expression, as prettier prints object and array literals written on one line. */
export type Value = string | number | readonly Value[] | { readonly [key: string]: Value };

function valueDoc(value: Value): Doc {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = value as readonly Value[];
    if (items.length === 0) return '[]';
    // prettier breaks an array of several arrays or objects that each have several items.
    const shouldBreak = items.length > 1 && items.every((v, i) => typeof v === 'object' && size(v) > 1 && (i === items.length - 1 || Array.isArray(v) === Array.isArray(items[i + 1])));
    const elements = join([',', line], items.map((v) => group(valueDoc(v))));
    return group(['[', indent([softline, elements, ifBreak(',')]), softline, ']'], { shouldBreak });
  }
  const entries = Object.entries(value as { readonly [key: string]: Value });
  if (entries.length === 0) return '{}';
  const props = entries.map(([key, v], i) => {
    const prop = group(propertyDoc(key, v));
    return i === 0 ? prop : [',', line, prop];
  });
  return group(['{', indent([line, ...props]), ifBreak(','), line, '}']);
}

const size = (value: Value): number => (Array.isArray(value) ? value.length : Object.keys(value).length);

/** An object literal property: prettier's assignment layouts for keys of up to 4 characters and longer ones. */
function propertyDoc(key: string, value: Value): Doc {
  const keyDoc = /^[A-Za-z_$][\w$]*$/.test(key) ? key : stringLiteral(key);
  const rhs = valueDoc(value);
  // Keys shorter than tabWidth + 3 never break after the colon; a string value breaks after it first.
  if (keyDoc.length < 5) return group([group(keyDoc), ':', ' ', rhs]);
  if (typeof value === 'string') return group([group(keyDoc), ':', group(indent([line, rhs]))]);
  const groupId = Symbol('assignment');
  return group([group(keyDoc), ':', group(indent(line), { id: groupId }), lineSuffixBoundary, indentIfBreak(rhs, { groupId })]);
}

export interface Parameter {
  name: string;
  optional: boolean;
  type: string;
}

/**
 * `export function name(parameters): returnType { return callee(args); }`, as prettier
 * prints a function declaration with one return statement of a plain call.
 */
export function returnCallFunction(
  name: string,
  docs: string | undefined,
  parameters: readonly Parameter[],
  returnType: TypeNode,
  callee: string,
  args: readonly (Value | { readonly identifier: string })[],
): Doc {
  const params = join([',', line], parameters.map((p) => [p.name, p.optional ? '?' : '', ': ', p.type]));
  const signature = group([['(', indent([softline, params, ifBreak(',')]), softline, ')'], ': ', typeDoc(returnType, 'annotation')]);
  const printedArgs = args.map((a) => (typeof a === 'object' && 'identifier' in a ? (a.identifier as string) : valueDoc(a as Value)));
  const call = group(['(', indent([softline, join([',', line], printedArgs)]), ifBreak(','), softline, ')'], {
    shouldBreak: printedArgs.some((d) => willBreak(d)),
  });
  const body = ['{', indent([hardline, 'return ', callee, call, ';']), hardline, '}'];
  return withDocs(docs, ['export ', 'function ', name, signature, ' ', body]);
}

/** Whether a document has a forced break (prettier's `willBreak`, for the few shapes built here). */
function willBreak(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.some(willBreak);
  const command = doc as { type: string; break?: boolean; hard?: boolean; contents?: Doc; breakContents?: Doc; flatContents?: Doc };
  if (command.type === 'group' && command.break) return true;
  if (command.type === 'line' && command.hard) return true;
  if (command.type === 'break-parent') return true;
  if (command.contents !== undefined) return willBreak(command.contents);
  return false;
}

function print(doc: Doc, printWidth: number): string {
  const options = { printWidth, tabWidth: 2, useTabs: false, endOfLine: 'lf' } as Parameters<typeof printer.printDocToString>[1];
  return printer.printDocToString(doc, options).formatted;
}

/** The text of one top-level declaration. */
export function printDoc(doc: Doc): string {
  return typeof doc === 'string' ? doc : print(doc, WIDTH);
}
