import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compileYang, ParseCache } from '../../src/compile/index.js';
import type { SchemaSet } from '../../src/ir/types.js';
import { emitTypes } from '../../src/emit/types/index.js';
import { linkYangkit } from '../emit/types/helpers.js';
import { corpusModules, searchPathsFor } from './paths.js';

/**
 * Types for every corpus module that compiles pass `tsc --strict --noEmit`.
 * OpenConfig (one revision of each module) compiles as one set; each IETF file
 * compiles on its own, as several revisions of a module cannot share a set.
 * Checks run in chunks, each its own test, so no test holds the worker for long.
 */
describe('TypeScript types for the corpus', () => {
  const cache = new ParseCache();
  const root = mkdtempSync(join(tmpdir(), 'yangkit-corpus-types-'));

  /** Writes one set's generated files into their own folder; returns its index file. */
  const emitInto = async (name: string, schema: SchemaSet, validators: boolean): Promise<string> => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    if (validators) linkYangkit(dir);
    for (const [file, text] of await emitTypes(schema, { validators })) writeFileSync(join(dir, file), text);
    return join(dir, 'index.ts');
  };

  const typeErrors = (roots: string[]): string[] => {
    const program = ts.createProgram(roots, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  };

  it('OpenConfig, as one set with validators', { timeout: 300_000 }, async () => {
    const files = corpusModules().filter((f) => f.includes('/openconfig/'));
    const { schema, diagnostics } = compileYang({ files, searchPaths: searchPathsFor(files[0]!), parseCache: cache });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(typeErrors([await emitInto('openconfig', schema, true)]).slice(0, 20)).toEqual([]);
  });

  const ietf = corpusModules().filter((f) => !f.includes('/openconfig/'));
  const CHUNK = 40;
  for (let start = 0; start < ietf.length; start += CHUNK) {
    const chunk = ietf.slice(start, start + CHUNK);
    it(`IETF modules ${basename(chunk[0]!)} to ${basename(chunk[chunk.length - 1]!)}`, { timeout: 300_000 }, async () => {
      const roots: string[] = [];
      for (const file of chunk) {
        const { schema, diagnostics } = compileYang({ files: [file], searchPaths: searchPathsFor(file), parseCache: cache });
        if (diagnostics.some((d) => d.severity === 'error')) continue; // listed as broken by compile.test.ts
        roots.push(await emitInto(basename(file, '.yang'), schema, false));
      }
      expect(roots.length).toBeGreaterThan(chunk.length / 2);
      expect(typeErrors(roots).slice(0, 20)).toEqual([]);
    });
  }
});
