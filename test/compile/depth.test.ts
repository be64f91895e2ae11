import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { compileSources, mod } from './helpers.js';

/**
 * Deep input is never a crash (issue 10, item 6): long chains work (iterative algorithms) and
 * deep nesting stops with one located `too-deep` error. Inputs are generated here rather than
 * committed. Bodies start on line 4 (see `mod`).
 */
function compile(body: string) {
  const r = compileSources({ 'm.yang': mod(body) });
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, line: d.loc.line, message: d.message }));
}

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i + 1)).join('\n');

describe('deep input', () => {
  it('5,000 nested containers stop at the first statement past the limit', () => {
    const body = lines(5000, (i) => `container c${i} {`) + '\nleaf x { type string; }\n' + '}\n'.repeat(5000);
    // The module is level 1, so container c(i) (line 3 + i) is level i + 1.
    expect(compile(body)).toEqual([{ code: 'too-deep', line: 3 + LIMITS.statementNesting, message: `statement nested deeper than ${LIMITS.statementNesting}` }]);
  });

  it('a 2,000-level uses chain stops at the uses past the limit, once', () => {
    const body = lines(1999, (i) => `grouping g${i} { uses g${i + 1}; }`) + '\ngrouping g2000 { leaf x { type string; } }\nuses g1;';
    // `uses g(k)` is expanded at level k; it sits in grouping g(k-1), on line 2 + k.
    expect(compile(body)).toEqual([{ code: 'too-deep', line: 2 + LIMITS.schemaNesting, message: `uses of a grouping nested deeper than ${LIMITS.schemaNesting}` }]);
  });

  it('a 2,000-level uses chain through containers stops once', () => {
    const body = lines(1999, (i) => `grouping g${i} { container c${i} { uses g${i + 1}; } }`) + '\ngrouping g2000 { leaf x { type string; } }\nuses g1;';
    const errors = compile(body);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('too-deep');
  });

  it('a 3,000-level typedef chain resolves', () => {
    const body = lines(2999, (i) => `typedef t${i} { type t${i + 1}; }`) + '\ntypedef t3000 { type string { length "1..5"; } }\nleaf x { type t1; }';
    const r = compileSources({ 'm.yang': mod(body) });
    expect(r.diagnostics).toEqual([]);
    const leaf = r.schema.modules.m!.data[0] as { type: { base: string; length?: unknown } };
    expect(leaf.type.base).toBe('string');
    expect(leaf.type.length).toEqual([{ min: '1', max: '5' }]);
  });

  it('a 3,000-level typedef cycle is one circular-typedef error', () => {
    const body = lines(2999, (i) => `typedef t${i} { type t${i + 1}; }`) + '\ntypedef t3000 { type t1; }\nleaf x { type t1; }';
    expect(compile(body)).toEqual([{ code: 'circular-typedef', line: 4, message: 'typedef "t1" is defined in terms of itself' }]);
  });

  it('a 3,000-level feature chain evaluates, and its cycle is one error', () => {
    const chain = lines(2999, (i) => `feature f${i} { if-feature f${i + 1}; }`);
    expect(compile(chain + '\nfeature f3000;\nleaf x { if-feature f1; type string; }')).toEqual([]);
    const errors = compile(chain + '\nfeature f3000 { if-feature f1; }');
    expect(errors.map((e) => [e.code, e.line])).toEqual([['circular-feature', 3003]]);
  });

  it('a 500-level identity chain derives, and its cycle is found', () => {
    const chain = lines(499, (i) => `identity i${i} { base i${i + 1}; }`);
    expect(compile(chain + '\nidentity i500;')).toEqual([]);
    expect(compile(chain + '\nidentity i500 { base i1; }').every((e) => e.code === 'circular-identity')).toBe(true);
  });

  it('a leafref chain resolves up to the limit, and a 2,000-level one is one located error', () => {
    const chain = (n: number) => lines(n - 1, (i) => `leaf l${i} { type leafref { path "../l${i + 1}"; } }`) + `\nleaf l${n} { type int8; }`;
    expect(compile(chain(LIMITS.leafrefChain))).toEqual([]);
    // l1 is resolved first; the leafref of l(k) is resolved at chain level k.
    expect(compile(chain(2000))).toEqual([{ code: 'too-deep', line: 4 + LIMITS.leafrefChain, message: `chain of leafrefs nested deeper than ${LIMITS.leafrefChain}` }]);
  });

  it('900 nested parentheses in a must are one located error', () => {
    const body = `leaf x {\n  type string;\n  must "${'('.repeat(900)}1${')'.repeat(900)}";\n}`;
    expect(compile(body).map((e) => [e.code, e.line])).toEqual([['too-deep', 6]]);
  });
});

describe('deep if-feature expressions', () => {
  it.each([
    ['parentheses', `${'('.repeat(5000)}a${')'.repeat(5000)}`],
    ['"not"', `${'not '.repeat(5000)}a`],
  ])('5,000 nested %s are one located error', (_, expr) => {
    expect(compile(`feature a;\nleaf x {\n  if-feature "${expr}";\n  type string;\n}`).map((e) => [e.code, e.line])).toEqual([['too-deep', 6]]);
  });

  it('an expression nested to the limit is accepted', () => {
    const expr = `${'not '.repeat(LIMITS.xpathNesting)}a`;
    expect(compile(`feature a;\nleaf x {\n  if-feature "${expr}";\n  type string;\n}`)).toEqual([]);
  });
});
