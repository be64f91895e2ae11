import { describe, expect, it } from 'vitest';
import { compileYang } from '../../src/compile/index.js';
import { loadCases } from '../../scripts/validity-cases.mjs';

const cases = loadCases();

describe('validity cases (test/validity/cases)', () => {
  it('has cases, each naming its RFC rule', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(c.rule, c.id).toMatch(/^RFC (6020|7950|8040|8791|7951)\b/);
  });

  for (const c of cases) {
    it(`${c.id}: ${c.rule}`, () => {
      const { diagnostics } = compileYang({ files: c.files, searchPaths: [c.dir] });
      const where = (d: { file: string; line: number; severity: string; code: string }) => `${d.file.slice(c.dir.length + 1)}:${d.line} ${d.severity} ${d.code}`;
      const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => where({ ...d.loc, severity: d.severity, code: d.code }));
      const warnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => where({ ...d.loc, severity: d.severity, code: d.code }));
      const expectedErrors = c.expected.filter((e) => e.severity === 'error').map(where);
      const expectedWarnings = c.expected.filter((e) => e.severity === 'warning').map(where);
      expect([...new Set(errors)].sort(), diagnostics.map((d) => `${d.loc.line}:${d.loc.col} ${d.message} [${d.code}]`).join('\n')).toEqual(
        [...new Set(expectedErrors)].sort(),
      );
      for (const w of expectedWarnings) expect(warnings).toContain(w);
    });
  }
});
