/** Unit tests of value checking, below the HTTP layer (the data rules: rules.test.ts). */
import { describe, expect, it } from 'vitest';
import { type } from '../../src/restconf/ir-builder.js';
import { checkValue } from '../../src/values/check.js';

describe('checkValue', () => {
  it('canonicalises decimal64 and enforces fraction digits and range', () => {
    const t = type('decimal64', { fractionDigits: 2, range: [{ min: '-1.5', max: '10' }] });
    expect(checkValue(t, '007.50', 'json', 'm')).toEqual({ ok: true, value: '7.5' });
    expect(checkValue(t, '-1.50', 'json', 'm')).toEqual({ ok: true, value: '-1.5' });
    expect(checkValue(t, '3', 'lexical', 'm')).toEqual({ ok: true, value: '3.0' });
    expect(checkValue(t, '1.234', 'json', 'm').ok).toBe(false);
    expect(checkValue(t, '10.01', 'json', 'm')).toMatchObject({ ok: false, appTag: 'range-violation' });
  });

  it('checks integer bounds exactly, also for uint64', () => {
    expect(checkValue(type('uint64'), '18446744073709551615', 'json', 'm')).toEqual({ ok: true, value: '18446744073709551615' });
    expect(checkValue(type('uint64'), '18446744073709551616', 'json', 'm').ok).toBe(false);
    expect(checkValue(type('int8'), '-129', 'lexical', 'm').ok).toBe(false);
    expect(checkValue(type('int8'), '+007', 'lexical', 'm')).toEqual({ ok: true, value: 7 });
    expect(checkValue(type('int8'), 1.5, 'json', 'm').ok).toBe(false);
  });

  it('orders bits by position, counts string length in characters, checks binary length in bytes', () => {
    const bits = type('bits', { bits: [{ name: 'a', position: 0, status: 'current' }, { name: 'b', position: 1, status: 'current' }] });
    expect(checkValue(bits, 'b a', 'json', 'm')).toEqual({ ok: true, value: 'a b' });
    const short = type('string', { length: [{ min: '0', max: '2' }] });
    expect(checkValue(short, '😀😀', 'json', 'm').ok).toBe(true);
    expect(checkValue(short, 'abc', 'json', 'm')).toMatchObject({ ok: false, appTag: 'length-violation' });
    const bin = type('binary', { length: [{ min: '3', max: '3' }] });
    expect(checkValue(bin, Buffer.from('xyz').toString('base64'), 'json', 'm').ok).toBe(true);
    expect(checkValue(bin, Buffer.from('xy').toString('base64'), 'json', 'm').ok).toBe(false);
  });

  it('applies invert-match patterns and tries union members in order', () => {
    const noAdmin = type('string', { patterns: [{ regex: 'admin.*', ecma: '^(?:admin.*)$', invertMatch: true }] });
    expect(checkValue(noAdmin, 'administrator', 'json', 'm').ok).toBe(false);
    expect(checkValue(noAdmin, 'guest', 'json', 'm').ok).toBe(true);
    const u = type('union', { union: [type('int32'), type('string')] });
    expect(checkValue(u, '42', 'lexical', 'm')).toEqual({ ok: true, value: 42 });
    expect(checkValue(u, '42', 'json', 'm')).toEqual({ ok: true, value: '42' });
  });

  it('qualifies an unprefixed identity with the leaf module', () => {
    const t = type('identityref', { identityref: { bases: ['m:base'], values: ['m:one', 'n:two'] } });
    expect(checkValue(t, 'one', 'json', 'm')).toEqual({ ok: true, value: 'm:one' });
    expect(checkValue(t, 'two', 'json', 'm').ok).toBe(false);
  });
});
