import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { tokens, walk, type Outline } from './outline.js';

/** Visual width of leading whitespace, a tab counting to the next multiple of 8 (RFC 7950 6.1.3). */
function columns(indent: string): number {
  let col = 0;
  for (const ch of indent) col = ch === '\t' ? col + 8 - (col % 8) : col + 1;
  return col;
}

/**
 * Re-indents a document by block depth; nothing but leading whitespace changes. A line
 * that continues a statement (its argument on the next line) goes one level deeper.
 * Continuation lines of a double-quoted string or a comment move with the line the
 * string starts on, which keeps the string's value: RFC 7950 6.1.3 strips a
 * continuation line's whitespace up to the opening quote's column. Single-quoted
 * strings are kept byte for byte.
 */
export function formatDocument(doc: TextDocument, outline: Outline, options: FormattingOptions): TextEdit[] {
  const text = doc.getText();
  const unit = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
  const unitWidth = options.insertSpaces ? options.tabSize : 8;
  const starts = new Set([...walk(outline.roots)].map((n) => n.start));
  const lineCount = doc.lineCount;
  /** Per line: the indentation wanted, or the line whose move it follows; undefined keeps it as is. */
  const plan: ({ indent: string } | { shiftFrom: number } | undefined)[] = new Array(lineCount);
  const newIndent = new Map<number, number>();
  let depth = 0;
  let lastLine = -1;
  for (const t of tokens(text)) {
    const start = doc.positionAt(t.start);
    const end = doc.positionAt(t.end);
    if (start.line !== lastLine) {
      const level = t.kind === '}' ? depth - 1 : starts.has(t.start) || t.kind === '{' || t.kind === 'comment' ? depth : depth + 1;
      if (plan[start.line] === undefined && /^[ \t]*$/.test(text.slice(doc.offsetAt({ line: start.line, character: 0 }), t.start))) {
        plan[start.line] = { indent: unit.repeat(Math.max(0, level)) };
        newIndent.set(start.line, Math.max(0, level) * unitWidth);
      }
    }
    for (let line = start.line + 1; line <= end.line; line++) {
      const movable = t.kind === 'comment' || (t.kind === 'string' && text[t.start] === '"');
      plan[line] = movable ? { shiftFrom: start.line } : undefined;
    }
    lastLine = end.line;
    if (t.kind === '{') depth++;
    if (t.kind === '}') depth = Math.max(0, depth - 1);
  }
  const edits: TextEdit[] = [];
  for (let line = 0; line < lineCount; line++) {
    const p = plan[line];
    if (!p) continue;
    const lineStart = doc.offsetAt({ line, character: 0 });
    const current = /^[ \t]*/.exec(text.slice(lineStart, doc.offsetAt({ line: line + 1, character: 0 })))![0];
    let wanted: string;
    if ('indent' in p) {
      wanted = p.indent;
    } else {
      const from = doc.offsetAt({ line: p.shiftFrom, character: 0 });
      const before = columns(/^[ \t]*/.exec(text.slice(from))![0]);
      const after = newIndent.get(p.shiftFrom) ?? before;
      if (text.slice(lineStart + current.length, lineStart + current.length + 1) === '\n') continue;
      wanted = ' '.repeat(Math.max(0, columns(current) + after - before));
    }
    if (wanted !== current) edits.push({ range: { start: { line, character: 0 }, end: { line, character: current.length } }, newText: wanted });
  }
  return edits;
}
