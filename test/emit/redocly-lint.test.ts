/**
 * Issue 12's proof that the documents satisfy a second, stricter linter: `redocly lint`
 * (Redocly CLI's recommended ruleset) reports no errors on the jukebox and dhcp documents,
 * Swagger 2.0 and OpenAPI 3.1 alike. Warnings (such as the missing `info.license`, which
 * YANG has no statement for) are allowed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { emitOpenApi } from '../../src/emit/openapi/index.js';
import { emitSwagger } from '../../src/emit/swagger/index.js';
import { compile, DHCP, JUKEBOX, options } from './swagger/helpers.js';

const REDOCLY = resolve(import.meta.dirname, '../../node_modules/.bin/redocly');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string }[];
}

async function lint(document: object): Promise<LintReport> {
  const file = join(mkdtempSync(join(tmpdir(), 'yangkit-redocly-')), 'api.json');
  writeFileSync(file, JSON.stringify(document, null, 2));
  // redocly exits non-zero when it finds errors; the JSON report is on stdout either way.
  const run = promisify(execFile)(REDOCLY, ['lint', file, '--format=json'], { maxBuffer: 64 << 20 }).catch((e: { stdout: string }) => e);
  return JSON.parse((await run).stdout) as LintReport;
}

describe('redocly lint', () => {
  it.each([
    ['example-jukebox', JUKEBOX],
    ['dhcp', DHCP],
  ])('finds no errors in the %s documents', { timeout: 60_000 }, async (module, file) => {
    const schema = compile([file]);
    for (const doc of [emitSwagger(schema, module, options()), emitOpenApi(schema, module, options())]) {
      const report = await lint(doc);
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report.totals.errors).toBe(0);
    }
  });

  it('reports an error it is given, so the check above can fail', { timeout: 60_000 }, async () => {
    const schema = compile([DHCP]);
    const doc = emitOpenApi(schema, 'dhcp', options()) as { paths: Record<string, unknown> };
    doc.paths['no-leading-slash'] = {};
    expect((await lint(doc)).totals.errors).toBeGreaterThan(0);
  });
});
