import { describe, expect, it } from 'vitest';
import { compileXPath, evaluate, evaluateBoolean, stringValue, XPathCache, XPathEvalError, XPathSyntaxError, type XNode, type XPathEnv, type XValue } from '../../src/xpath/index.js';
import { at, E, L, tree } from './tree.js';

// top: a=x a=y a=x n="  12 " b{c=1 c=2 c=3} empty{} list{k=k1 inner{c=9}}
const root = tree(
  'm',
  E('top', L('a', 'x'), L('a', 'y'), L('a', 'x'), L('n', '  12 '), E('b', L('c', '1'), L('c', '2'), L('c', '3')), E('empty'), E('list', L('k', 'k1'), E('inner', L('c', '9')))),
);
const top = at(root, 'top');

function ev(expr: string, context: XNode = top, env: Partial<XPathEnv> = {}, prefixes: Record<string, string> = {}): XValue {
  return evaluate(compileXPath({ expr, prefixes }), context, { defaultModule: 'm', identities: {}, ...env });
}
/** A node-set result as the names (and values) of its nodes. */
function nodes(expr: string, context: XNode = top): string[] {
  const v = ev(expr, context);
  if (!Array.isArray(v)) throw new Error(`${expr} is not a node-set`);
  return v.map((n) => (n.value === undefined ? n.name || '/' : `${n.name}=${stringValue(n)}`));
}

describe('comparisons (XPath 1.0 3.4)', () => {
  it('node-set = string is true when any node equals', () => {
    expect(ev("a = 'x'")).toBe(true);
    expect(ev("a = 'y'")).toBe(true);
    expect(ev("a = 'z'")).toBe(false);
  });
  it('node-set != string is true when any node differs, so = and != can both hold', () => {
    expect(ev("a != 'x'")).toBe(true);
    expect(ev("a[1] != 'x'")).toBe(false);
    expect(ev("a[1] = 'x' and a[1] != 'y'")).toBe(true);
  });
  it('an empty node-set makes = and != false alike', () => {
    expect(ev("nothing = 'x'")).toBe(false);
    expect(ev("nothing != 'x'")).toBe(false);
    expect(ev('nothing = nothing')).toBe(false);
    expect(ev('nothing != nothing')).toBe(false);
    expect(ev('nothing < 1')).toBe(false);
    expect(ev('nothing >= 1')).toBe(false);
    expect(ev("not(nothing = 'x')")).toBe(true);
  });
  it('node-set vs number compares number(string-value)', () => {
    expect(ev('b/c = 2')).toBe(true);
    expect(ev('b/c > 2')).toBe(true);
    expect(ev('b/c > 3')).toBe(false);
    expect(ev('b/c < 1')).toBe(false);
    expect(ev('n = 12')).toBe(true);
    expect(ev('2 < b/c')).toBe(true);
    expect(ev('3 < b/c')).toBe(false);
  });
  it('node-set vs boolean compares boolean(node-set)', () => {
    expect(ev('nothing = false()')).toBe(true);
    expect(ev('a = true()')).toBe(true);
    expect(ev('a != true()')).toBe(false);
  });
  it('node-set vs node-set: some pair satisfies the comparison', () => {
    expect(ev('a = b/c')).toBe(false);
    expect(ev('b/c = b/c[2]')).toBe(true);
    expect(ev('b/c != b/c')).toBe(true);
    expect(ev('a[1] != a[3]')).toBe(false);
    expect(ev('b/c < b/c')).toBe(true);
    expect(ev('b/c[3] < b/c')).toBe(false);
    expect(ev('b/c[3] <= b/c')).toBe(true);
    expect(ev('b/c > list//c')).toBe(false);
    expect(ev('b/c < list//c')).toBe(true);
  });
  it('relational operators on strings compare numbers', () => {
    expect(ev("'a' < 'b'")).toBe(false);
    expect(ev("'10' > '9'")).toBe(true);
    expect(ev("a < 'b'")).toBe(false);
    expect(ev('true() > false()')).toBe(true);
  });
  it('= between atoms: boolean first, then number, then string', () => {
    expect(ev("'1' = 1")).toBe(true);
    expect(ev("'1.0' = 1")).toBe(true);
    expect(ev("'1.0' = '1'")).toBe(false);
    expect(ev("'abc' = true()")).toBe(true);
    expect(ev("'' = false()")).toBe(true);
    expect(ev('0 = false()')).toBe(true);
    expect(ev('(0 div 0) = (0 div 0)')).toBe(false);
    expect(ev('(0 div 0) != (0 div 0)')).toBe(true);
  });
});

describe('conversions', () => {
  it('string() of a node-set is the string-value of its first node in document order', () => {
    expect(ev('string(a)')).toBe('x');
    expect(ev('string(b/c[3] | b/c[2])')).toBe('2');
    expect(ev('string(nothing)')).toBe('');
    expect(ev('string(b)')).toBe('123');
    expect(ev('string(/)')).toBe('xyx  12 123k19');
    expect(ev('string()', at(top, 'b/c#2'))).toBe('2');
  });
  it('string -> number: XPath Number syntax with surrounding whitespace, else NaN', () => {
    expect(ev("number('  12 ')")).toBe(12);
    expect(ev('number(n)')).toBe(12);
    expect(ev("number('-.5')")).toBe(-0.5);
    expect(ev("number('3.')")).toBe(3);
    expect(ev("number('1e3')")).toBeNaN();
    expect(ev("number('+1')")).toBeNaN();
    expect(ev("number('0x10')")).toBeNaN();
    expect(ev("number('')")).toBeNaN();
    expect(ev("number('- 1')")).toBeNaN();
    expect(ev("number('Infinity')")).toBeNaN();
    expect(ev('number(a)')).toBeNaN();
    expect(ev('number(true())')).toBe(1);
    expect(ev('number(false())')).toBe(0);
    expect(ev('number()', at(top, 'b/c#3'))).toBe(3);
  });
  it('number -> string: no exponent, no .0, NaN, Infinity, -0 as 0', () => {
    expect(ev('string(1 div 0)')).toBe('Infinity');
    expect(ev('string(-1 div 0)')).toBe('-Infinity');
    expect(ev('string(0 div 0)')).toBe('NaN');
    expect(ev('string(-0)')).toBe('0');
    expect(ev('string(1.0)')).toBe('1');
    expect(ev('string(-2.50)')).toBe('-2.5');
    expect(ev('string(0.1 + 0.2)')).toBe('0.30000000000000004');
    expect(ev('string(1000000000000000000000)')).toBe('1000000000000000000000');
    expect(ev('string(123456789012345678901234)')).toBe('123456789012345690000000');
    expect(ev('string(0.0000001)')).toBe('0.0000001');
    expect(ev('string(-0.00000015)')).toBe('-0.00000015');
    expect(ev("concat(1 div 4, '')")).toBe('0.25');
  });
  it('boolean()', () => {
    expect(ev("boolean('')")).toBe(false);
    expect(ev("boolean('0')")).toBe(true);
    expect(ev("boolean('false')")).toBe(true);
    expect(ev('boolean(0)')).toBe(false);
    expect(ev('boolean(-0)')).toBe(false);
    expect(ev('boolean(0 div 0)')).toBe(false);
    expect(ev('boolean(nothing)')).toBe(false);
    expect(ev('boolean(empty)')).toBe(true);
    expect(ev('not(nothing)')).toBe(true);
  });
  it('arithmetic', () => {
    expect(ev('7 mod 3')).toBe(1);
    expect(ev('-7 mod 3')).toBe(-1);
    expect(ev('7 mod -3')).toBe(1);
    expect(ev('7 div 2')).toBe(3.5);
    expect(ev('1 div 0')).toBe(Infinity);
    expect(ev('--2')).toBe(2);
    expect(ev('b/c[1] + b/c[3] * 2')).toBe(7);
    expect(ev('a + 1')).toBeNaN();
    expect(ev('2 - -1')).toBe(3);
  });
  it('and/or short-circuit', () => {
    expect(ev('true() or $undefined')).toBe(true);
    expect(ev('false() and $undefined')).toBe(false);
    expect(() => ev('true() and $undefined')).toThrow(XPathEvalError);
  });
});

describe('location paths', () => {
  it('position() and last() in predicates', () => {
    expect(nodes('b/c[last()]')).toEqual(['c=3']);
    expect(nodes('b/c[position() = 2]')).toEqual(['c=2']);
    expect(nodes('b/c[2]')).toEqual(['c=2']);
    expect(nodes('b/c[last() - 1]')).toEqual(['c=2']);
    expect(nodes('b/c[position() > 1]')).toEqual(['c=2', 'c=3']);
    expect(nodes("a[. = 'x'][2]")).toEqual(['a=x']);
    expect(ev("a[. = 'x'][2]")).toEqual([at(top, 'a#3')]);
    expect(nodes('b/c[position() = last()]')).toEqual(['c=3']);
    expect(nodes('b/c[0]')).toEqual([]);
    expect(nodes('b/c[1.5]')).toEqual([]);
  });
  it('reverse axes count proximity positions backwards', () => {
    const c3 = at(top, 'b/c#3');
    expect(nodes('preceding-sibling::c[1]', c3)).toEqual(['c=2']);
    expect(nodes('preceding-sibling::c[last()]', c3)).toEqual(['c=1']);
    expect(nodes('preceding-sibling::c', c3)).toEqual(['c=1', 'c=2']);
    expect(nodes('following-sibling::c[1]', at(top, 'b/c#1'))).toEqual(['c=2']);
    expect(nodes('ancestor::*[1]', c3)).toEqual(['b']);
    expect(nodes('ancestor::node()[last()]', c3)).toEqual(['/']);
    expect(nodes('ancestor-or-self::*[2]', c3)).toEqual(['b']);
    // A filter expression's predicate counts in document order.
    expect(nodes('(preceding-sibling::c)[1]', c3)).toEqual(['c=1']);
  });
  it('preceding and following exclude ancestors and descendants', () => {
    const k = at(top, 'list/k');
    expect(nodes('preceding::*', k)).toEqual(['a=x', 'a=y', 'a=x', 'n=  12 ', 'b', 'c=1', 'c=2', 'c=3', 'empty']);
    expect(nodes('preceding::*[1]', k)).toEqual(['empty']);
    expect(nodes('preceding::*[2]', k)).toEqual(['c=3']);
    expect(nodes('following::*', at(top, 'b/c#3'))).toEqual(['empty', 'list', 'k=k1', 'inner', 'c=9']);
    expect(nodes('following::*', at(top, 'b'))).toEqual(['empty', 'list', 'k=k1', 'inner', 'c=9']);
    expect(nodes('following::c[1]', at(top, 'a'))).toEqual(['c=1']);
  });
  it('.. at the root is empty; / is the root', () => {
    expect(ev('count(/..)')).toBe(0);
    expect(nodes('..')).toEqual(['/']);
    expect(nodes('../..')).toEqual([]);
    expect(ev('count(/*/..)')).toBe(1);
    expect(nodes('/')).toEqual(['/']);
    expect(nodes('.', at(top, 'b/c#2'))).toEqual(['c=2']);
    expect(nodes('../../a[2]', at(top, 'b/c#2'))).toEqual(['a=y']);
  });
  it('// and the descendant axes', () => {
    expect(nodes('//c')).toEqual(['c=1', 'c=2', 'c=3', 'c=9']);
    expect(nodes('descendant::c')).toEqual(['c=1', 'c=2', 'c=3', 'c=9']);
    expect(nodes('.//c', at(top, 'list'))).toEqual(['c=9']);
    // //c[1] is the first c child of each parent, (//c)[1] the first c of the document.
    expect(nodes('//c[1]')).toEqual(['c=1', 'c=9']);
    expect(nodes('(//c)[1]')).toEqual(['c=1']);
    expect(ev('count(/descendant-or-self::node())')).toBe(15);
    expect(ev('count(//*)')).toBe(14);
    expect(nodes('//inner/..')).toEqual(['list']);
    expect(nodes('//c/..')).toEqual(['b', 'inner']);
  });
  it('unions are in document order without duplicates', () => {
    expect(nodes('b/c[3] | b/c[1] | b/c[3]')).toEqual(['c=1', 'c=3']);
    expect(nodes('//c | a')).toEqual(['a=x', 'a=y', 'a=x', 'c=1', 'c=2', 'c=3', 'c=9']);
    expect(ev('count(//c | //c)')).toBe(4);
    expect(nodes('(b/c | a)[2]')).toEqual(['a=y']);
  });
  it('name tests: module of unprefixed names, prefixes, * and prefix:*', () => {
    const mixed = tree('m', E('top', L('x', '1'), L('o:x', '2'), L('o:y', '3')));
    const t = at(mixed, 'top');
    const prefixes = { p: 'o', q: 'm' };
    expect(ev('x', t, {}, prefixes)).toEqual([t.children[0]]);
    expect(ev('p:x', t, {}, prefixes)).toEqual([t.children[1]]);
    expect(ev('q:x', t, {}, prefixes)).toEqual([t.children[0]]);
    expect(ev('count(p:*)', t, {}, prefixes)).toBe(2);
    expect(ev('count(*)', t, {}, prefixes)).toBe(3);
    expect(ev('x', t, { defaultModule: 'o' }, prefixes)).toEqual([t.children[1]]);
    expect(ev('count(/top)', t, { defaultModule: 'o' }, prefixes)).toBe(0);
    expect(ev('count(/q:top)', t, { defaultModule: 'o' }, prefixes)).toBe(1);
  });
  it('attribute and namespace axes are empty; comment() and processing-instruction() match nothing', () => {
    expect(ev('count(@*)')).toBe(0);
    expect(ev('count(//@*)')).toBe(0);
    expect(ev('count(namespace::*)')).toBe(0);
    expect(ev('count(//comment())')).toBe(0);
    expect(ev('count(//processing-instruction())')).toBe(0);
    expect(ev('count(node())')).toBe(7);
  });
  it("text() is a leaf's value", () => {
    expect(ev('string(a/text())')).toBe('x');
    expect(ev("a/text() = 'y'")).toBe(true);
    expect(ev('count(b/text())')).toBe(0);
    expect(ev('count(b//text())')).toBe(3);
    expect(nodes("b/c[text() = '2']")).toEqual(['c=2']);
  });
  it('paths from a filter expression', () => {
    expect(nodes('(b | list)/c')).toEqual(['c=1', 'c=2', 'c=3']);
    expect(nodes('current()/b/c[2]')).toEqual(['c=2']);
    expect(nodes('(//c)[last()]/../../k')).toEqual(['k=k1']);
  });
});

describe('key predicates (evaluated once per step; indexed with a cache)', () => {
  const keyed = tree(
    'm',
    E(
      'top',
      L('sel', 'a'),
      E('entry', L('k', 'a'), L('v', '1')),
      E('entry', L('k', 'b'), L('v', '2')),
      E('entry', L('k', 'a'), L('v', '3')),
      E('entry', L('v', '4')),
      E('entry', L('k', 'c'), L('k', 'a'), L('v', '5')),
      L('ll', 'x'),
      L('ll', 'y'),
      L('ll', 'x'),
    ),
  );
  const t = at(keyed, 'top');
  const cases: [string, string[]][] = [
    ["entry[k = 'a']/v", ['1', '3', '5']],
    ['entry[k = current()/../sel]/v', ['1', '3', '5']],
    ["entry['a' = k]/v", ['1', '3', '5']],
    ["entry[k = 'a'][2]/v", ['3']],
    ["entry[k = 'a'][last()]/v", ['5']],
    ["entry[k != 'a']/v", ['2', '5']],
    ['entry[k = /top/nothing]/v', []],
    ["entry[k = 'zz']/v", []],
    ['entry[v = 2]/k', ['b']],
    ['entry[v > 2]/v', ['3', '4', '5']],
    ["ll[. = 'x']", ['x', 'x']],
    ['entry[k = ../entry[2]/k]/v', ['2']],
    ["entry[5]/preceding-sibling::entry[k = 'a'][1]/v", ['3']],
    ['entry[k = /top/ll]/v', []],
    ['entry[k = /top/entry/k]/v', ['1', '2', '3', '5']],
    ["/top/entry[k = 'b'] | /top/entry[k = 'c']", ['b2', 'ca5']],
  ];
  it.each(cases)('%s', (expr, expected) => {
    const sel = at(t, 'sel');
    const run = (env: Partial<XPathEnv>) => (ev(expr, t, { current: sel, ...env }) as XNode[]).map(stringValue);
    expect(run({})).toEqual(expected);
    const cache = new XPathCache();
    expect(run({ cache })).toEqual(expected);
    expect(run({ cache })).toEqual(expected);
  });
  it('returns node-sets the caller may change without changing the index', () => {
    const cache = new XPathCache();
    const first = ev("entry[k = 'a']", t, { cache }) as XNode[];
    first.length = 0;
    expect(ev("count(entry[k = 'a'])", t, { cache })).toBe(3);
  });
  it('builds the index once per parent and key', () => {
    const cache = new XPathCache();
    ev("entry[k = 'a']", t, { cache });
    const byTest = cache.keyIndexes.get(t)!;
    expect(byTest.size).toBe(1);
    const index = [...byTest.values()][0]!;
    expect([...[...index.values()][0]!.keys()].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('errors', () => {
  it('a syntax error throws XPathSyntaxError with its offset', () => {
    const e = (() => {
      try {
        compileXPath({ expr: 'a[', prefixes: {} });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(XPathSyntaxError);
    expect((e as XPathSyntaxError).offset).toBe(2);
  });
  it('evaluation errors are typed', () => {
    const code = (expr: string) => {
      try {
        ev(expr);
      } catch (err) {
        if (err instanceof XPathEvalError) return err.code;
        throw err;
      }
      return 'none';
    };
    expect(code('count(1)')).toBe('not-a-node-set');
    expect(code("'a'/b")).toBe('not-a-node-set');
    expect(code('a | 1')).toBe('not-a-node-set');
    expect(code('$x')).toBe('unknown-variable');
    expect(code('nope:x')).toBe('unknown-prefix');
    expect(code("re-match('a', '[')")).toBe('invalid-pattern');
  });
});

describe('caching', () => {
  it('compiles once per XPathIR object and per (expr, prefixes)', () => {
    const x = { expr: 'a', prefixes: { p: 'm' } };
    const c = compileXPath(x);
    expect(compileXPath(x)).toBe(c);
    expect(compileXPath({ expr: 'a', prefixes: { p: 'm' } })).toBe(c);
    expect(compileXPath({ expr: 'a', prefixes: { p: 'o' } })).not.toBe(c);
    expect(c.source).toEqual(x);
  });
  it('evaluateBoolean converts', () => {
    expect(evaluateBoolean(compileXPath({ expr: 'b/c', prefixes: {} }), top, { defaultModule: 'm', identities: {} })).toBe(true);
    expect(evaluateBoolean(compileXPath({ expr: "string(nothing)", prefixes: {} }), top, { defaultModule: 'm', identities: {} })).toBe(false);
  });
});
