/**
 * A tolerant statement tree with source offsets, for editor features.
 *
 * The compiler's parser (src/syntax) gives no statement at all for a file with a
 * syntax error and keeps only start positions; an editor works on half-typed text
 * and needs where each statement, argument and block ends. This scanner follows the
 * generic statement grammar of RFC 7950 section 6.3 (`keyword [argument] (";" | "{"
 * *statement "}")`) and never fails: a statement cut short ends where the next one
 * starts, unbalanced braces close at the end of the text.
 */

/** One statement; offsets are UTF-16 indexes into the document text. */
export interface OutlineNode {
  keyword: string;
  /** Prefix of an extension statement (`prefix:keyword`). */
  prefix?: string;
  /** The argument after quote processing and `+` concatenation. */
  arg?: string;
  start: number;
  keywordEnd: number;
  argStart?: number;
  argEnd?: number;
  /** Offset of `{`, when the statement has a block. */
  blockStart?: number;
  /** Offset just after the closing `;` or `}` (or the last token of a statement cut short). */
  end: number;
  children: OutlineNode[];
  parent?: OutlineNode;
}

export interface Outline {
  /** Top-level statements (normally one `module` or `submodule`). */
  roots: OutlineNode[];
}

export type TokenKind = 'word' | 'string' | 'comment' | '{' | '}' | ';' | '+';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The text of a word, the content of a string (escapes processed for double quotes). */
  value: string;
  /** Whether a newline separates this token from the previous one. */
  newline: boolean;
}

/** The tokens of a text, comments included. */
export function* tokens(text: string): Generator<Token> {
  let i = 0;
  let newline = true;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      newline = true;
      i++;
    } else if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const eol = text.indexOf('\n', i);
      const end = eol < 0 ? n : eol;
      yield { kind: 'comment', start: i, end, value: text.slice(i, end), newline };
      i = end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      yield { kind: 'comment', start: i, end, value: text.slice(i, end), newline };
      if (text.slice(i, end).includes('\n')) newline = true;
      i = end;
    } else if (c === 123 || c === 125 || c === 59 || c === 43) {
      yield { kind: text[i] as TokenKind, start: i, end: i + 1, value: text[i]!, newline };
      newline = false;
      i++;
    } else if (c === 34 || c === 39) {
      const start = i;
      let value = '';
      i++;
      while (i < n && text.charCodeAt(i) !== c) {
        if (c === 34 && text.charCodeAt(i) === 92 && i + 1 < n) {
          const e = text[i + 1]!;
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          i += 2;
        } else {
          value += text[i++];
        }
      }
      i = Math.min(i + 1, n);
      yield { kind: 'string', start, end: i, value, newline };
      newline = false;
    } else {
      const start = i;
      while (i < n && !/[\s;{}"']/.test(text[i]!) && !(text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) i++;
      yield { kind: 'word', start, end: i, value: text.slice(start, i), newline };
      newline = false;
    }
  }
}

/** Builds the outline of a document; linear in its length. */
export function parseOutline(text: string): Outline {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const siblings = () => (stack.length ? stack[stack.length - 1]!.children : roots);
  const all = [...tokens(text)].filter((t) => t.kind !== 'comment');
  let i = 0;
  while (i < all.length) {
    const t = all[i]!;
    if (t.kind === '}') {
      const open = stack.pop();
      if (open) open.end = t.end;
      i++;
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'string') {
      i++; // a stray ';', '{' or '+'
      continue;
    }
    const colon = t.kind === 'word' ? t.value.indexOf(':') : -1;
    const node: OutlineNode = {
      keyword: colon < 0 ? t.value : t.value.slice(colon + 1),
      ...(colon < 0 ? {} : { prefix: t.value.slice(0, colon) }),
      start: t.start,
      keywordEnd: t.end,
      end: t.end,
      children: [],
      ...(stack.length ? { parent: stack[stack.length - 1] } : {}),
    };
    siblings().push(node);
    i++;
    // The argument: one word, or strings joined by '+'. An unquoted word on the next line
    // after a keyword is more likely the next statement of an unfinished one.
    const a = all[i];
    if (a && (a.kind === 'string' || (a.kind === 'word' && !a.newline))) {
      let value = a.value;
      let argEnd = a.end;
      i++;
      while (a.kind === 'string' && all[i]?.kind === '+' && all[i + 1]?.kind === 'string') {
        value += all[i + 1]!.value;
        argEnd = all[i + 1]!.end;
        i += 2;
      }
      Object.assign(node, { arg: value, argStart: a.start, argEnd, end: argEnd });
    }
    const next = all[i];
    if (next?.kind === ';') {
      node.end = next.end;
      i++;
    } else if (next?.kind === '{') {
      node.blockStart = next.start;
      node.end = text.length;
      stack.push(node);
      i++;
    }
  }
  return { roots };
}

/** The innermost statement whose span holds `offset` (an offset at a statement's end counts as inside). */
export function nodeAt(outline: Outline, offset: number): OutlineNode | undefined {
  let found: OutlineNode | undefined;
  let list = outline.roots;
  for (;;) {
    const hit = list.find((n) => n.start <= offset && offset <= n.end);
    if (!hit) return found;
    found = hit;
    list = hit.children;
  }
}

/** Every statement, depth first, in source order. */
export function* walk(nodes: readonly OutlineNode[]): Generator<OutlineNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

export function childOf(node: OutlineNode, keyword: string): OutlineNode | undefined {
  return node.children.find((c) => c.keyword === keyword && c.prefix === undefined);
}

/** The argument's span, or the keyword's when there is no argument. */
export function argSpan(node: OutlineNode): { start: number; end: number } {
  return node.argStart === undefined ? { start: node.start, end: node.keywordEnd } : { start: node.argStart, end: node.argEnd! };
}
