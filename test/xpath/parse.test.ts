import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkXPath, parseXPath, xpathPrefixes } from '../../src/xpath/parse.js';
import { parseYang, type Statement } from '../../src/syntax/index.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

describe('checkXPath: valid expressions', () => {
  it.each([
    // operators and precedence levels
    'a or b and c',
    'a = b != c < d <= e > f >= g',
    '1 + 2 - 3 * 4 div 5 mod 6',
    '- - 3',
    'a - -b',
    'a|b|c',
    '(a | b)[1]/c',
    // section 3.7 disambiguation: '*' and NCNames in operator position
    '* * *',
    'div div div',
    'mod mod mod',
    'and and or',
    'a-b',
    '../x*2',
    'count(*)*2',
    // location paths
    '/',
    '/a/b',
    '//a',
    'a//b',
    '.',
    '..',
    './../a',
    '@a',
    '@*',
    'p:*',
    'child::a/descendant-or-self::node()/attribute::p:b',
    'ancestor-or-self :: *',
    'text() | comment() | node() | processing-instruction() | processing-instruction("x")',
    'a[1][@b = "x"]',
    '/ | a',
    // primary expressions
    '$x',
    '$p:x + 1',
    '"a\'b"',
    "'a\"b'",
    '12.5 + .5 + 3.',
    'concat("a", b, 1)',
    "derived-from-or-self(., 'x:y')",
    "re-match(../name, '[a-z]+')",
    'not(../enabled = "false") and count(../entry) <= 10',
    // leafref paths
    '../../if:name',
    '/if:interfaces/if:interface[if:name = current()/../ifname]/if:mtu',
    'deref(../x)/../y',
    '/a:b[a:k1 = current()/../k1][a:k2 = current()/../../k2]/a:c',
    // whitespace of all kinds
    ' \t\n a \r\n  =\tb ',
  ])('accepts %s', (expr) => {
    expect(checkXPath(expr)).toBeUndefined();
  });
});

describe('checkXPath: invalid expressions', () => {
  it.each([
    ['a and', 5, /expected an expression after 'and', found end of expression/],
    ['count(', 6, /expected an expression, found end of expression/],
    ['count(a', 7, /expected '\)' to close the arguments of 'count\('/],
    ['count(a,)', 8, /expected an expression, found '\)'/],
    ['../a[', 5, /expected an expression/],
    ['../a[b', 6, /expected '\]' to close the predicate/],
    ['a ==b', 3, /expected an expression, found '='/],
    ["'unterminated", 0, /unterminated string literal/],
    ['a = "x', 4, /unterminated string literal/],
    ['a/', 2, /expected a location step, found end of expression/],
    ['a//', 3, /expected a location step/],
    [')', 0, /expected an expression, found '\)'/],
    ['(a', 2, /expected '\)' to close the parenthesis/],
    ['a)', 1, /expected an operator or end of expression, found '\)'/],
    ['a b', 2, /expected an operator, found 'b'/],
    ['true() false()', 7, /expected an operator, found 'false'/],
    ['', 0, /expected an expression, found end of expression/],
    ['foo::a', 0, /unknown axis 'foo'/],
    ['child::', 7, /expected a location step/],
    ['child:: 1', 8, /expected a location step, found '1'/],
    ['p:', 2, /expected a local name or '\*' after 'p:'/],
    ['$', 0, /expected a variable name/],
    ['a # b', 2, /unexpected character '#'/],
    ['a[]', 2, /expected an expression, found '\]'/],
    ['node(a)', 5, /expected '\)' to close 'node\('/],
    ['@@a', 1, /expected a location step, found '@'/],
    ['1 +', 3, /expected an expression after '\+'/],
  ])('rejects %s', (expr, offset, message) => {
    const r = checkXPath(expr);
    expect(r).toBeDefined();
    expect(r!.error).toMatch(message);
    expect(r!.offset).toBe(offset);
  });
});

describe('checkXPath: function library', () => {
  it.each([
    ['f()', 0, 'unknown-function', /unknown XPath function "f"/],
    ['p:f(a)/b', 0, 'unknown-function', /unknown XPath function "p:f"/],
    ['count(a, b)', 0, 'arguments', /wrong number of arguments for "count": expected 1, got 2/],
    ['concat("a")', 0, 'arguments', /expected at least 2, got 1/],
    ['substring("a", 1, 2, 3)', 0, 'arguments', /expected 2 or 3, got 4/],
    ['x = true(1)', 4, 'arguments', /expected 0, got 1/],
    ['not()', 0, 'arguments', /expected 1, got 0/],
  ])('rejects %s', (expr, offset, kind, message) => {
    const r = checkXPath(expr);
    expect(r).toMatchObject({ offset, kind });
    expect(r!.error).toMatch(message);
  });

  it('knows the YANG 1.1 functions only in YANG 1.1 modules (RFC 7950 10)', () => {
    for (const expr of ["re-match(., 'a')", 'deref(.)', "derived-from(., 'x:y')", "derived-from-or-self(., 'x:y')", 'enum-value(.)', "bit-is-set(., 'b')"]) {
      expect(checkXPath(expr, { yangVersion: '1.1' })).toBeUndefined();
      expect(checkXPath(expr, { yangVersion: '1' })).toMatchObject({ kind: 'unknown-function' });
    }
    expect(checkXPath('current()', { yangVersion: '1' })).toBeUndefined();
  });

  it('limits nesting instead of overflowing the stack', () => {
    const deep = '('.repeat(900) + '1' + ')'.repeat(900);
    expect(checkXPath(deep)).toMatchObject({ kind: 'too-deep', error: 'expression nested deeper than 128' });
    const preds = 'a['.repeat(900) + '1' + ']'.repeat(900);
    expect(checkXPath(preds)).toMatchObject({ kind: 'too-deep' });
    const args = 'not('.repeat(900) + '1' + ')'.repeat(900);
    expect(checkXPath(args)).toMatchObject({ kind: 'too-deep' });
    expect(checkXPath('('.repeat(100) + '1' + ')'.repeat(100))).toBeUndefined();
  });
});

describe('parseXPath: AST', () => {
  it('builds binary operators left-associatively by precedence', () => {
    expect(parseXPath('1 + 2 * 3 - 4')).toEqual({
      ast: {
        kind: 'binary', op: '-', offset: 0,
        left: {
          kind: 'binary', op: '+', offset: 0,
          left: { kind: 'number', value: 1, offset: 0 },
          right: { kind: 'binary', op: '*', offset: 4, left: { kind: 'number', value: 2, offset: 4 }, right: { kind: 'number', value: 3, offset: 8 } },
        },
        right: { kind: 'number', value: 4, offset: 12 },
      },
    });
  });

  it('expands abbreviated steps (XPath 1.0 2.5)', () => {
    const r = parseXPath('../p:a//@b[. = "x"]');
    expect(r).toEqual({
      ast: {
        kind: 'path', absolute: false, offset: 0,
        steps: [
          { axis: 'parent', test: { kind: 'node-type', type: 'node' }, predicates: [], offset: 0 },
          { axis: 'child', test: { kind: 'name', prefix: 'p', local: 'a' }, predicates: [], offset: 3 },
          { axis: 'descendant-or-self', test: { kind: 'node-type', type: 'node' }, predicates: [], offset: 6 },
          {
            axis: 'attribute', test: { kind: 'name', local: 'b' }, offset: 8,
            predicates: [
              {
                kind: 'binary', op: '=', offset: 11,
                left: { kind: 'path', absolute: false, offset: 11, steps: [{ axis: 'self', test: { kind: 'node-type', type: 'node' }, predicates: [], offset: 11 }] },
                right: { kind: 'literal', value: 'x', offset: 15 },
              },
            ],
          },
        ],
      },
    });
  });

  it('keeps a filter expression as the start of a path', () => {
    const r = parseXPath('current()/../x') as { ast: any };
    expect(r.ast.kind).toBe('path');
    expect(r.ast.filter).toEqual({ kind: 'call', name: 'current', args: [], offset: 0 });
    expect(r.ast.steps.map((s: any) => s.axis)).toEqual(['parent', 'child']);
    expect(parseXPath('/')).toEqual({ ast: { kind: 'path', absolute: true, steps: [], offset: 0 } });
    expect(parseXPath('- -$v | a')).toMatchObject({ ast: { kind: 'negate', offset: 0, operand: { kind: 'negate', offset: 2, operand: { kind: 'binary', op: '|' } } } });
  });
});

describe('xpathPrefixes', () => {
  it('collects prefixes of name tests and function names, once each, in order', () => {
    expect(xpathPrefixes('/if:interfaces/if:interface[if:name = current()/../ifname]/ip:ipv4')).toEqual(['if', 'ip']);
    expect(xpathPrefixes('x:f(a) and @b:* and child::c:d')).toEqual(['x', 'b', 'c']);
  });

  it('ignores literals, variables, axes and operators', () => {
    expect(xpathPrefixes("derived-from-or-self(type, 'ianaift:ethernetCsmacd')")).toEqual([]);
    expect(xpathPrefixes('$v:x + child::a div 2')).toEqual([]);
  });

  it('returns the prefixes before a lexical error', () => {
    expect(xpathPrefixes("a:b = 'oops")).toEqual(['a']);
  });
});

/** `when`, `must` and leafref `path` arguments of one parsed corpus module. */
function xpathArgs(module: Statement): { keyword: string; arg: string }[] {
  const out: { keyword: string; arg: string }[] = [];
  const walk = (s: Statement) => {
    if (!s.prefix && (s.keyword === 'when' || s.keyword === 'must' || s.keyword === 'path') && s.arg !== undefined)
      out.push({ keyword: s.keyword, arg: s.arg });
    s.children.forEach(walk);
  };
  walk(module);
  return out;
}

/** The module's own prefix and its import prefixes. */
function declaredPrefixes(module: Statement): Set<string> {
  const out = new Set<string>();
  for (const c of module.children) {
    if (c.keyword === 'prefix') out.add(c.arg!);
    if (c.keyword === 'import' || c.keyword === 'belongs-to')
      for (const p of c.children) if (p.keyword === 'prefix') out.add(p.arg!);
  }
  return out;
}

describe('checkXPath: corpus', () => {
  // The project's YANG parser extracts the arguments, so multi-line and concatenated
  // strings are covered too, and commented-out statements are not.
  const modules = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yang'))
    .map((f) => ({ file: f, statement: parseYang(readFileSync(path.join(corpus, f), 'utf8'), f).statement! }));

  it('accepts every when, must and leafref path of the corpus', () => {
    let count = 0;
    const failures: string[] = [];
    for (const m of modules) {
      const yangVersion = m.statement.children.find((s) => s.keyword === 'yang-version')?.arg === '1.1' ? '1.1' : '1';
      for (const { keyword, arg } of xpathArgs(m.statement)) {
        count++;
        const r = checkXPath(arg, { yangVersion });
        if (r) failures.push(`${m.file}: ${keyword} ${JSON.stringify(arg)}: ${r.error} at ${r.offset}`);
      }
    }
    expect(count).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  });

  it('finds only prefixes that the module declares', () => {
    let prefixed = 0;
    const undeclared: string[] = [];
    for (const m of modules) {
      const declared = declaredPrefixes(m.statement);
      for (const { arg } of xpathArgs(m.statement)) {
        const prefixes = xpathPrefixes(arg);
        if (prefixes.length) prefixed++;
        for (const p of prefixes) if (!declared.has(p)) undeclared.push(`${m.file}: ${p} in ${arg}`);
      }
    }
    expect(prefixed).toBeGreaterThan(500);
    expect(undeclared).toEqual([]);
  });
});
