import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Position } from 'vscode-languageserver-types';
import { LanguageService } from '../../src/language-service/index.js';

/** The cursor marker in test documents. */
export const CURSOR = '¦';

/** A document with one cursor marker: its text without the marker, and the marker's position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  if (at < 0) throw new Error('no cursor marker');
  const before = marked.slice(0, at).split('\n');
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

/** Writes files into a new folder (deleted after the test) and opens a language service on it as the workspace. */
export function workspace(files: Record<string, string>): { dir: string; service: LanguageService; path: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-ls-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, service: new LanguageService({ inputs: [dir] }), path: (name) => join(dir, name) };
}

/** The text a range covers. */
export function textAt(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return [lines[range.start.line]!.slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line]!.slice(0, range.end.character)].join('\n');
}
