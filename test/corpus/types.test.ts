import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compileYang, ParseCache } from '../../src/compile/index.js';
import { emitTypes } from '../../src/emit/types/index.js';
import { corpusModules, searchPathsFor } from './paths.js';

/**
 * Types for every corpus module that compiles pass `tsc --strict --noEmit`.
 * OpenConfig (one revision of each module) compiles as one set; each IETF file
 * compiles on its own, as several revisions of a module cannot share a set.
 */
describe('TypeScript types for the corpus', () => {
  it('type-check under --strict for every module that compiles', { timeout: 900_000 }, async () => {
    const cache = new ParseCache();
    const root = mkdtempSync(join(tmpdir(), 'yangkit-corpus-types-'));
    const roots: string[] = [];
    const write = (dir: string, files: Map<string, string>): void => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      for (const [name, text] of files) writeFileSync(join(dir, name), text);
      roots.push(join(dir, 'index.ts'));
    };
    const openconfig = corpusModules().filter((f) => f.includes('/openconfig/'));
    const oc = compileYang({ files: openconfig, searchPaths: searchPathsFor(openconfig[0]!), parseCache: cache });
    expect(oc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    write(join(root, 'openconfig'), await emitTypes(oc.schema, { validators: true }));
    let emitted = openconfig.length;
    for (const file of corpusModules().filter((f) => !f.includes('/openconfig/'))) {
      const { schema, diagnostics } = compileYang({ files: [file], searchPaths: searchPathsFor(file), parseCache: cache });
      if (diagnostics.some((d) => d.severity === 'error')) continue; // listed as broken by compile.test.ts
      write(join(root, basename(file, '.yang')), await emitTypes(schema));
      emitted++;
    }
    expect(emitted).toBeGreaterThan(400);
    const program = ts.createProgram(roots, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
