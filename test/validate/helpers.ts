import { expect } from 'vitest';
import { compileYang } from '../../src/compile/index.js';
import type { SchemaSet } from '../../src/ir/types.js';
import { type DataError, type ValidateOptions, validateData } from '../../src/validate/index.js';
import { compileSources, mod } from '../compile/helpers.js';
import { CORPUS, searchPathsFor } from '../corpus/paths.js';

/** Compiles module `m` around `body` (yang 1.1, prefix m), failing the test on compile errors. */
export function schemaOf(body: string, header = ''): SchemaSet {
  const { schema, diagnostics } = compileSources({ 'm.yang': mod(body, header) });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return schema;
}

/** Compiles corpus files (paths under the corpus) with their imports. */
export function corpusSchema(...files: string[]): SchemaSet {
  const paths = files.map((f) => `${CORPUS}/${f}`);
  const { schema, diagnostics } = compileYang({ files: paths, searchPaths: searchPathsFor(paths[0]!) });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return schema;
}

/** Rule and path of each error, the shape most assertions want. */
export function rules(schema: SchemaSet, doc: unknown, options: ValidateOptions = { type: 'config' }): { rule: string; path: string }[] {
  return validateData(schema, doc, options).map((e: DataError) => ({ rule: e.rule, path: e.path }));
}
