import { describe, expect, it } from 'vitest';
import { compileXPath, evaluate, type XNode, type XPathEnv, type XValue } from '../../src/xpath/index.js';
import { at, E, L, tree } from './tree.js';

const root = tree('m', E('top', L('a', 'x'), L('a', 'y'), L('s', '  a \t b\n '), E('b', L('c', '1'), L('c', '2'), L('c', '3'))), E('o:other'));
const top = at(root, 'top');

function ev(expr: string, context: XNode = top, env: Partial<XPathEnv> = {}): XValue {
  return evaluate(compileXPath({ expr, prefixes: {} }), context, { defaultModule: 'm', identities: {}, ...env });
}

describe('string functions (XPath 1.0 4.2)', () => {
  it('substring follows the rounding rules of the spec', () => {
    expect(ev('substring("12345", 2, 3)')).toBe('234');
    expect(ev('substring("12345", 2)')).toBe('2345');
    expect(ev('substring("12345", 1.5, 2.6)')).toBe('234');
    expect(ev('substring("12345", 0, 3)')).toBe('12');
    expect(ev('substring("12345", 0 div 0, 3)')).toBe('');
    expect(ev('substring("12345", 1, 0 div 0)')).toBe('');
    expect(ev('substring("12345", -42, 1 div 0)')).toBe('12345');
    expect(ev('substring("12345", -1 div 0, 1 div 0)')).toBe('');
    expect(ev('substring("12345", -1 div 0)')).toBe('12345');
    expect(ev('substring("12345", 5)')).toBe('5');
    expect(ev('substring("12345", 6)')).toBe('');
    expect(ev('substring("12345", 2.5)')).toBe('345');
    expect(ev("substring('a😀b', 2, 1)")).toBe('😀');
  });
  it('string-length counts characters, and defaults to the context node', () => {
    expect(ev("string-length('abc')")).toBe(3);
    expect(ev("string-length('a😀')")).toBe(2);
    expect(ev("string-length('')")).toBe(0);
    expect(ev('string-length()', at(top, 'b'))).toBe(3);
  });
  it('normalize-space strips and collapses XML whitespace', () => {
    expect(ev("normalize-space('  a \t b\n ')")).toBe('a b');
    expect(ev('normalize-space()', at(top, 's'))).toBe('a b');
    expect(ev('normalize-space(s)')).toBe('a b');
    expect(ev("normalize-space('   ')")).toBe('');
  });
  it('translate maps, drops the unmatched tail and keeps the first mapping of a repeated character', () => {
    expect(ev('translate("bar", "abc", "ABC")')).toBe('BAr');
    expect(ev('translate("--aaa--", "abc-", "ABC")')).toBe('AAA');
    expect(ev('translate("aa", "aa", "bc")')).toBe('bb');
  });
  it('concat, starts-with, contains, substring-before/after', () => {
    expect(ev("concat('a', 1, true(), b/c)")).toBe('a1true1');
    expect(ev("starts-with('abc', 'ab')")).toBe(true);
    expect(ev("starts-with('abc', 'bc')")).toBe(false);
    expect(ev("starts-with('abc', '')")).toBe(true);
    expect(ev("contains('abc', 'bc')")).toBe(true);
    expect(ev("contains(a, 'y')")).toBe(false);
    expect(ev('substring-before("1999/04/01", "/")')).toBe('1999');
    expect(ev('substring-after("1999/04/01", "/")')).toBe('04/01');
    expect(ev('substring-after("1999/04/01", "-")')).toBe('');
    expect(ev('substring-after("abc", "")')).toBe('abc');
    expect(ev('substring-before("abc", "")')).toBe('');
  });
});

describe('number functions (4.4)', () => {
  it('round: ties toward +Infinity, -0 for [-0.5, 0)', () => {
    expect(Object.is(ev('round(-0.5)'), -0)).toBe(true);
    expect(ev('1 div round(-0.5)')).toBe(-Infinity);
    expect(Object.is(ev('round(-0.2)'), -0)).toBe(true);
    expect(ev('round(2.5)')).toBe(3);
    expect(ev('round(-2.5)')).toBe(-2);
    expect(ev('round(-2.6)')).toBe(-3);
    expect(ev('round(0 div 0)')).toBeNaN();
    expect(ev('round(1 div 0)')).toBe(Infinity);
  });
  it('floor, ceiling, sum', () => {
    expect(ev('floor(-1.5)')).toBe(-2);
    expect(ev('ceiling(1.1)')).toBe(2);
    expect(Object.is(ev('ceiling(-0.5)'), -0)).toBe(true);
    expect(ev('sum(b/c)')).toBe(6);
    expect(ev('sum(nothing)')).toBe(0);
    expect(ev('sum(a)')).toBeNaN();
  });
});

describe('node-set functions (4.1)', () => {
  it('count, local-name, name, namespace-uri', () => {
    expect(ev('count(b/c)')).toBe(3);
    expect(ev('local-name(b/c)')).toBe('c');
    expect(ev('local-name()')).toBe('top');
    expect(ev('local-name(nothing)')).toBe('');
    expect(ev('name(b)')).toBe('m:b');
    expect(ev('name(/*[2])')).toBe('o:other');
    expect(ev('name(/)')).toBe('');
    const namespaceOf = (m: string) => ({ m: 'urn:m', o: 'urn:o' })[m];
    expect(ev('namespace-uri(/*[2])', top, { namespaceOf })).toBe('urn:o');
    expect(ev('namespace-uri()', top, { namespaceOf })).toBe('urn:m');
    expect(ev('namespace-uri()', top)).toBe('');
  });
  it('id() is empty, lang() false, last()/position() outside predicates are 1', () => {
    expect(ev("count(id('x'))")).toBe(0);
    expect(ev("lang('en')")).toBe(false);
    expect(ev('last()')).toBe(1);
    expect(ev('position()')).toBe(1);
  });
});
