import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { SourceLoc } from '../diagnostics/index.js';
import { parseOutline, type Outline } from './outline.js';

interface Entry {
  doc: TextDocument;
  open: boolean;
  outline?: Outline;
}

/**
 * The texts the language service reads: open documents (their unsaved text) and,
 * on demand, files from disk, each with its outline built once per version.
 */
export class Documents {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly readFile: (file: string) => string | undefined = readOrUndefined) {}

  open(file: string, text: string, version = 0): void {
    this.entries.set(file, { doc: TextDocument.create(file, 'yang', version, text), open: true });
  }

  isOpen(file: string): boolean {
    return this.entries.get(file)?.open === true;
  }

  openFiles(): string[] {
    return [...this.entries].filter(([, e]) => e.open).map(([f]) => f);
  }

  /** Forgets a file's text: the next read takes it from disk again. */
  forget(file: string): void {
    this.entries.delete(file);
  }

  get(file: string): TextDocument | undefined {
    let e = this.entries.get(file);
    if (!e) {
      const text = this.readFile(file);
      if (text === undefined) return undefined;
      e = { doc: TextDocument.create(file, 'yang', -1, text), open: false };
      this.entries.set(file, e);
    }
    return e.doc;
  }

  text(file: string): string | undefined {
    return this.get(file)?.getText();
  }

  outline(file: string): Outline | undefined {
    const doc = this.get(file);
    if (!doc) return undefined;
    const e = this.entries.get(file)!;
    return (e.outline ??= parseOutline(doc.getText()));
  }

  /**
   * The LSP position of a compiler location: the parser counts 1-based lines and
   * UTF-16 columns after dropping a byte order mark (src/syntax/index.ts).
   */
  positionOf(loc: SourceLoc): Position {
    const bom = loc.line === 1 && this.text(loc.file)?.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { line: loc.line - 1, character: loc.col - 1 + bom };
  }

  /** The range of the token starting at a compiler location (a quoted string up to its closing quote). */
  tokenRange(loc: SourceLoc): Range {
    const start = this.positionOf(loc);
    const doc = this.get(loc.file);
    if (!doc) return { start, end: start };
    const text = doc.getText();
    const from = doc.offsetAt(start);
    let to = from;
    const quote = text[from];
    if (quote === '"' || quote === "'") {
      to = from + 1;
      while (to < text.length && text[to] !== quote) to += text[to] === '\\' && quote === '"' ? 2 : 1;
      to = Math.min(to + 1, text.length);
    } else {
      while (to < text.length && !/[\s;{}]/.test(text[to]!)) to++;
    }
    return { start, end: doc.positionAt(to) };
  }

  range(file: string, start: number, end: number): Range {
    const doc = this.get(file)!;
    return { start: doc.positionAt(start), end: doc.positionAt(end) };
  }

  offsetAt(file: string, position: Position): number | undefined {
    return this.get(file)?.offsetAt(position);
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
