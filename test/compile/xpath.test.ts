import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkXPath, xpathPrefixes } from '../../src/compile/xpath.js';
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
    'f()',
    'concat("a", b, 1)',
    'p:f(a)/b',
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
    ['f() g()', 4, /expected an operator, found 'g'/],
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
      for (const { keyword, arg } of xpathArgs(m.statement)) {
        count++;
        const r = checkXPath(arg);
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
