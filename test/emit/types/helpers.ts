import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { expect } from 'vitest';
import { compileYang } from '../../../src/compile/index.js';
import type { SchemaSet } from '../../../src/ir/types.js';
import { CORPUS } from '../../corpus/paths.js';

export { CORPUS };
export const FIXTURES = fileURLToPath(new URL('../../fixtures/types/', import.meta.url));

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function readFixture(name: string): Json {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Json;
}

/** A copy of `doc` with the member at `path` set to `value` (or removed, for undefined). */
export function variant(doc: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(doc);
  const parent = path.slice(0, -1).reduce<Json>((node, step) => (node as Record<string, Json>)[step]!, copy) as Record<string, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** Compiles YANG files (corpus-relative unless absolute), failing the test on any error diagnostic. */
export function compile(files: string[], searchPaths = [CORPUS]): SchemaSet {
  const { schema, diagnostics } = compileYang({ files: files.map((f) => (f.startsWith('/') ? f : join(CORPUS, f))), searchPaths });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return schema;
}

const VALIDATE_ENTRY = fileURLToPath(new URL('../../../src/validate/index.ts', import.meta.url));

let yangkitPackage: string | undefined;

/**
 * A stand-in `yangkit` package holding the declarations of `yangkit/validate`
 * (emitted from src/ once per test process), so generated validators type-check
 * against the real API without a build.
 */
function yangkitDeclarations(): string {
  if (yangkitPackage) return yangkitPackage;
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-package-'));
  const src = fileURLToPath(new URL('../../../src/', import.meta.url));
  const program = ts.createProgram([VALIDATE_ENTRY], {
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: src,
    outDir: join(dir, 'dist'),
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const { diagnostics } = program.emit();
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  const exports = { './validate': { types: './dist/validate/index.d.ts' } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'yangkit', type: 'module', exports }));
  return (yangkitPackage = dir);
}

/** Writes generated files (plus `extra` ones) into a fresh ESM package folder, with the `yangkit` package they import. */
export function writeFiles(files: Map<string, string>, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-types-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  if (files.has('_validate.ts')) {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(yangkitDeclarations(), join(dir, 'node_modules', 'yangkit'));
  }
  for (const [name, text] of [...files, ...Object.entries(extra)]) writeFileSync(join(dir, name), text);
  return dir;
}

/** Stricter than most projects, so generated code holds up under any user's settings. */
const STRICTEST: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  skipLibCheck: true,
  types: [],
};

export interface TypeCheck {
  /** Every diagnostic, formatted `file:line: message`. */
  all: string[];
  /** Messages per top-level `const` declaration of `file`. */
  byDeclaration(file: string): Map<string, string[]>;
}

/** Type-checks every `.ts` file in `dir` as one program. */
export function typeCheck(dir: string, fileNames: string[]): TypeCheck {
  const program = ts.createProgram(
    fileNames.map((f) => join(dir, f)),
    STRICTEST,
  );
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const text = (d: ts.Diagnostic): string => ts.flattenDiagnosticMessageText(d.messageText, '\n');
  return {
    all: diagnostics.map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `${d.file?.fileName ?? ''}:${line}: ${text(d)}`;
    }),
    byDeclaration(file) {
      const source = program.getSourceFile(join(dir, file))!;
      const result = new Map<string, string[]>();
      for (const d of diagnostics.filter((x) => x.file === source)) {
        const statement = source.statements.find((s) => s.pos <= d.start! && d.start! < s.end);
        const name = statement && ts.isVariableStatement(statement) ? statement.declarationList.declarations[0]!.name.getText(source) : '?';
        result.set(name, [...(result.get(name) ?? []), text(d)]);
      }
      return result;
    },
  };
}

/**
 * Transpiles generated files to JavaScript and imports `entry`, to run the generated
 * validators; `yangkit/validate` is this repository's source (vitest transforms it).
 */
export async function importGenerated(files: Map<string, string>, entry: string): Promise<Record<string, unknown>> {
  const dir = writeFiles(new Map());
  const out = join(dir, 'js');
  mkdirSync(out);
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const [name, text] of files) {
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    const linked = js.outputText.replace(/from (["'])yangkit\/validate\1/, `from ${JSON.stringify(pathToFileURL(VALIDATE_ENTRY).href)}`);
    writeFileSync(join(out, name.replace(/\.ts$/, '.js')), linked);
  }
  return (await import(pathToFileURL(join(out, entry.replace(/\.ts$/, '.js'))).href)) as Record<string, unknown>;
}
