import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { compileYang } from '../../src/compile/index.js';
import { formatDiagnostic } from '../../src/diagnostics/index.js';
import type { Compiler } from '../../src/incremental/compiler.js';

/** A folder that does not exist: the compiler under test sees its files only in memory. */
export const VIRTUAL = join(tmpdir(), 'yangkit-virtual-workspace-never-created');

/** A new folder, deleted when the current test finishes (call it inside a test). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-incr-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (relative name -> text) under `dir`. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/**
 * Compiles `files` from scratch with plain `compileYang`, from a fresh folder on disk,
 * and returns IR and diagnostics as they would read had the folder been `VIRTUAL`.
 */
export function compileFromScratch(files: Record<string, string>, inputs: string[]): { schema: unknown; diagnostics: string[] } {
  const dir = tempDir();
  writeTree(dir, files);
  const { schema, diagnostics } = compileYang({ files: inputs.map((f) => join(dir, f)), searchPaths: [dir] });
  const relocate = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(dir, VIRTUAL)) as T;
  return { schema: relocate(schema), diagnostics: relocate(diagnostics.map(formatDiagnostic)).sort() };
}

/** The incremental compiler's result equals a from-scratch compile of the same sources. */
export function expectSameAsScratch(compiler: Compiler, files: Record<string, string>, inputs: string[]): void {
  const scratch = compileFromScratch(files, inputs);
  expect(JSON.parse(JSON.stringify(compiler.schema))).toEqual(scratch.schema);
  expect(compiler.diagnostics.map(formatDiagnostic).sort()).toEqual(scratch.diagnostics);
}

/** A YANG 1.1 module `name` with prefix `name` around `body`. */
export function yangModule(name: string, body: string): string {
  return `module ${name} {\n  yang-version 1.1;\n  namespace "urn:${name}";\n  prefix ${name};\n${body}\n}\n`;
}
