import SwaggerParser from '@apidevtools/swagger-parser';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPI } from 'openapi-types';
import { expect } from 'vitest';
import { compileYang } from '../../../src/compile/index.js';
import type { SchemaSet } from '../../../src/ir/types.js';
import { defaultSwaggerOptions, type SwaggerOptions } from '../../../src/emit/swagger/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** `shared/corpus` beside the repository. */
export const CORPUS = resolve(HERE, '../../../../shared/corpus');
export const JUKEBOX = join(CORPUS, 'examples/example-jukebox.yang');
export const DHCP = resolve(HERE, '../../../samples/dhcp.yang');
const GOLDEN_DIR = resolve(HERE, '../../fixtures/swagger');

/** Compiles files and fails the test on any error. */
export function compile(files: string[]): SchemaSet {
  const r = compileYang({ files, searchPaths: [CORPUS] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.schema;
}

/** Writes YANG texts (module name -> text) to a temp folder and compiles them all. */
export function compileTexts(sources: Record<string, string>): SchemaSet {
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-swagger-'));
  const files = Object.entries(sources).map(([name, text]) => {
    const file = join(dir, `${name}.yang`);
    writeFileSync(file, text);
    return file;
  });
  return compile(files);
}

export function options(overrides: Partial<SwaggerOptions> = {}): SwaggerOptions {
  return { ...defaultSwaggerOptions, methods: [...defaultSwaggerOptions.methods], ...overrides };
}

/** swagger-parser dereferences in place, so it gets a copy. */
export async function expectValid(doc: OpenAPI.Document): Promise<void> {
  await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
}

/** Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it instead. */
export function expectGolden(doc: object, file: string): void {
  const path = join(GOLDEN_DIR, file);
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(doc).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
