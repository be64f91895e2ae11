import { describe, expect, it } from 'vitest';
import { ARGUMENT_CODE, checkArgument, isValidDate, type ArgKind, type YangVersion } from '../../src/syntax/arguments.js';

/** Valid and invalid arguments per kind (RFC 7950 section 14, RFC 6020 section 12). */
const table: Record<ArgKind, { valid: string[]; invalid: string[] }> = {
  string: { valid: ['', 'any "thing"\n at all'], invalid: [] },
  identifier: { valid: ['a', '_x', 'A.b-c_9', 'xmlfoo', 'XMLbar'], invalid: ['', '1abc', '-a', '.a', 'a b', 'p:a', 'a/b', 'é'] },
  'identifier-ref': { valid: ['a', 'p:a', 'p-1:a.b'], invalid: ['', ':a', 'p:', 'p:a:b', '1p:a', 'a b'] },
  boolean: { valid: ['true', 'false'], invalid: ['True', 'yes', '1', '', ' true'] },
  status: { valid: ['current', 'deprecated', 'obsolete'], invalid: ['old', 'Current', ''] },
  'ordered-by': { valid: ['user', 'system'], invalid: ['random', ''] },
  'yang-version': { valid: ['1', '1.1'], invalid: ['1.0', '2', '1.1 ', ''] },
  date: { valid: ['2020-02-29', '2000-02-29', '1999-12-31'], invalid: ['2020-02-30', '2100-02-29', '2020-13-01', '2020-00-10', '2020-01-00', '2020-1-1', '20200101', 'date-revision'] },
  uri: {
    valid: ['urn:ietf:params:xml:ns:yang:ietf-interfaces', 'http://openconfig.net/yang/interfaces', 'https://a.b:8080/p?q=1#f', 'urn:x%2Fy', 'http://[2001:db8::1]/ns', 'mailto:a@b.c', 'x:'],
    invalid: ['not a uri', 'foo/bar', '', 'urn:a b', 'http://a/%zz', '1x:y', ':x'],
  },
  range: {
    // "+", leading zeros and trailing whitespace: beyond the ABNF, accepted by yanglint and pyang.
    valid: ['1', '1..10', 'min..max', '-10..-1 | 1..10', '1 .. 2|3', '1..2 |\n 4', '-0', '1.5..2.25', 'min..-2.5', '0..0', '+1..10', '00..23', '1..10 '],
    invalid: ['', '1..x', ' 1..10', '1..', '..1', '1...2', '1..2..3', '1.', '.5', '1|', '|1', '0x10', '1 2', 'minimum', '1..10 |'],
  },
  length: { valid: ['1', '0..255', 'min..max', '1|3..5', '2 .. max', '01', '1..2 '], invalid: ['-1', '1.5', '+1', 'x', '', ' 1'] },
  'fraction-digits': { valid: ['1', '9', '10', '18'], invalid: ['0', '19', '02', '+2', '', '1.0'] },
  modifier: { valid: ['invert-match'], invalid: ['invert', ''] },
  integer: { valid: ['0', '-1', '2147483647', '-0', '3000000000'], invalid: ['+1', '01', '0x1', '1.0', '', '-', ' 1'] },
  'non-negative-integer': { valid: ['0', '1', '42'], invalid: ['-1', '+1', '01', '', 'one'] },
  'max-elements': { valid: ['unbounded', '1', '100'], invalid: ['0', '-1', '010', 'zero', 'Unbounded', ''] },
  path: {
    valid: [
      '/a',
      '/p:a/p:b',
      '../a',
      '../../a/b',
      '/l[k = current()/../x]/v',
      '/l[p:k=current()/../../c/x]/v',
      '/l[ k = current ( ) / .. / x ]/v',
      '/l[a = current()/../x][b = current()/../y]/v',
      '../l[k = current()/../x]/v',
      '/l[k = current()/../x]',
      '/l[k =\n current()/../x]/v',
      '/l [k = current()/../x] /v',
    ],
    invalid: [
      '',
      'a',
      'a/b',
      './a',
      '//a',
      '/a/',
      '/ a',
      '/a ',
      ' /a',
      '..',
      '../',
      'deref(../a)/../b',
      '/l[k = 1]/v',
      "/l[k = 'x']/v",
      '/l[k = current()/x]/v',
      '/l[k = current()/..]/v',
      '/l[k = current()/../x/]/v',
      '/l[k = current()/../x/v',
      '/l[k = current()/../x]v',
      '../l[k = current()/../x]',
      '/a/ b',
      '../ a',
      '.. /a',
    ],
  },
  key: { valid: ['a', 'a b', 'a\tb', 'a\n  b', 'p:a q:b'], invalid: ['', ' a', 'a ', 'a,b', 'a/b', '1a'] },
  unique: { valid: ['a', 'a b', 'c/d e', 'p:c/p:d'], invalid: ['', '/a', 'a/', 'a ', 'a//b', 'a,b'] },
  'absolute-schema-nodeid': { valid: ['/a', '/p:a/q:b', '/a/b/c'], invalid: ['', 'a', '/a/', '/', ' /a', '/a ', '/a//b', '/a[k]', '/a/../b'] },
  'descendant-schema-nodeid': { valid: ['a', 'p:a/b', 'a/b/c'], invalid: ['', '/a', 'a/', ' a', 'a b', '../a'] },
  deviate: { valid: ['not-supported', 'add', 'replace', 'delete'], invalid: ['remove', 'Add', ''] },
  'if-feature-expr': {
    valid: ['a', 'p:a', 'not a', 'a and b', 'a or b', 'a and b or not c', '(a)', '((a))', '( a or b ) and c', 'not (a)', 'not not a', 'a\n  or b', '(a or b)', ' a', 'a '],
    invalid: ['', ' ', 'a and', 'and a', 'a b', '(a', 'a)', '()', 'not', 'not(a)', '(a)and(b)', 'a and(b)', 'a && b', 'a or or b', 'not and'],
  },
  'enum-name': { valid: ['a', 'A b', '1', '-', 'x y z', 'ünïcode'], invalid: ['', ' a', 'a ', '\ta', 'a\n', '\u00a0a'] },
};

describe('checkArgument', () => {
  for (const [kind, { valid, invalid }] of Object.entries(table) as [ArgKind, (typeof table)[ArgKind]][]) {
    describe(kind, () => {
      for (const arg of valid) it(`accepts ${JSON.stringify(arg)}`, () => expect(checkArgument(kind, arg, '1.1')).toBeUndefined());
      for (const arg of invalid) it(`rejects ${JSON.stringify(arg)}`, () => expect(checkArgument(kind, arg, '1.1')).toBeTypeOf('string'));
    });
  }

  it('has a diagnostic code for every kind', () => {
    for (const kind of Object.keys(table) as ArgKind[]) expect(ARGUMENT_CODE[kind]).toMatch(/^bad-[a-z-]+$/);
  });

  it('names the value, the statement and what was expected', () => {
    expect(checkArgument('boolean', 'maybe', '1.1', 'config')).toBe('"maybe" is not a valid value for config: expected "true" or "false"');
    expect(checkArgument('status', 'old', '1', 'status')).toBe('"old" is not a valid value for status: expected "current", "deprecated" or "obsolete"');
    expect(checkArgument('range', '1..x', '1.1', 'range')).toBe('"1..x" is not a valid value for range: expected a number, "min" or "max", found "x"');
    expect(checkArgument('if-feature-expr', 'a and', '1.1', 'if-feature')).toBe('"a and" is not a valid value for if-feature: expected a feature name at the end');
    expect(checkArgument('path', '/l[k = 1]/v', '1.1', 'path')).toContain('expected "current()", found "1]/v"');
  });

  describe('by yang-version', () => {
    const both = (kind: ArgKind, arg: string): [string | undefined, string | undefined] =>
      (['1', '1.1'] as YangVersion[]).map((v) => checkArgument(kind, arg, v)) as [string | undefined, string | undefined];

    it('rejects identifiers starting with "xml" in any case only in YANG 1 (RFC 6020 12)', () => {
      for (const id of ['xml', 'xmlfoo', 'XmL-a']) {
        const [v1, v11] = both('identifier', id);
        expect(v1).toContain('must not start with "xml"');
        expect(v11).toBeUndefined();
      }
      expect(both('identifier', 'axml')).toEqual([undefined, undefined]);
      expect(both('identifier-ref', 'p:xmlfoo')).toEqual([undefined, undefined]); // a reference, not a definition
    });

    it('allows only a feature name in a YANG 1 if-feature', () => {
      const [v1, v11] = both('if-feature-expr', 'a and b');
      expect(v1).toContain('need yang-version 1.1');
      expect(v11).toBeUndefined();
      expect(both('if-feature-expr', 'p:a')).toEqual([undefined, undefined]);
    });
  });

  it('survives deeply nested if-feature expressions', () => {
    const deep = `${'('.repeat(100000)}a${')'.repeat(100000)}`;
    expect(checkArgument('if-feature-expr', deep, '1.1')).toBeUndefined();
    expect(checkArgument('if-feature-expr', deep.slice(1), '1.1')).toBeTypeOf('string');
  });
});

describe('isValidDate', () => {
  it('knows leap years', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('2020-04-31')).toBe(false);
  });
});
