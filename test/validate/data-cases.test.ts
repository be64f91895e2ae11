/**
 * The differential instance-data suite (test/validate/data-cases/<folder>/cases.json):
 * yangkit's verdict on each document, its rule codes and the line of each error.
 * `npm run compare` shows yanglint's verdict beside it (scripts/compare-data.mjs).
 */
import { describe, expect, it } from 'vitest';
import { DataFileError, DataPositions, mergeDocuments, readDataFile } from '../../src/data-files/index.js';
import { compileYang, formatDiagnostic } from '../../src/index.js';
import { validateData } from '../../src/validate/index.js';
// @ts-expect-error plain JavaScript shared with scripts/compare-data.mjs
import { compileSuite, errorKey, loadSuites, runYangkit } from '../../scripts/data-cases.mjs';

interface CaseError {
  rule: string;
  file?: string;
  line?: number;
}
interface Case {
  name: string;
  type: string;
  data: string[];
  errors: CaseError[];
}
interface Suite {
  name: string;
  cases: Case[];
}

const lib = { compileYang, formatDiagnostic, DataFileError, DataPositions, mergeDocuments, readDataFile, validateData };
const suites = loadSuites() as Suite[];

const verdict = (c: Case, errors: CaseError[]): string[] => errors.map((e) => errorKey(c, e) as string).sort();

it('has at least 100 instance documents', () => {
  expect(suites.flatMap((s) => s.cases).length).toBeGreaterThanOrEqual(100);
});

describe.each(suites.map((s) => [s.name, s] as const))('%s', (_name, suite) => {
  const schema = compileSuite(suite, lib);
  it.each(suite.cases.map((c) => [c.name, c] as const))('%s', (_case, c) => {
    expect(verdict(c, runYangkit(schema, c, lib))).toEqual(verdict(c, c.errors));
  });
});
