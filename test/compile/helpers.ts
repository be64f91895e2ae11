import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileYang, type CompileResult } from '../../src/compile/index.js';

/** Writes `sources` (file name -> text) to a fresh folder and compiles the first one (or `inputs`). */
export function compileSources(sources: Record<string, string>, inputs?: string[], features?: Record<string, string[]>): CompileResult & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-test-'));
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, name), text);
  const files = (inputs ?? [Object.keys(sources)[0]!]).map((f) => join(dir, f));
  return { ...compileYang({ files, searchPaths: [dir], features }), dir };
}

/** A module `m` with prefix `m` around `body`, so test bodies start on line 4. */
export function mod(body: string, header = ''): string {
  return `module m {\n  yang-version 1.1;\n  namespace "urn:m"; prefix m;${header}\n${body}\n}\n`;
}
