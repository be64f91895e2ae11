import { describe, expect, it } from 'vitest';
import type { TypeIR } from '../../src/ir/types.js';
import { checkValue } from '../../src/values/check.js';
import { parseInstanceIdentifier } from '../../src/values/instance-identifier.js';

const type = (base: TypeIR['base'], extra: Partial<TypeIR> = {}): TypeIR => ({ base, name: base, ...extra });
const names = { prefixes: new Map([['p', 'mod']]) };

describe('YANG default notation', () => {
  it('reads hexadecimal and octal integers only in a default (RFC 7950 9.2.1)', () => {
    expect(checkValue(type('uint16'), '0x8000', 'yang', 'mod', names)).toEqual({ ok: true, value: 32768 });
    expect(checkValue(type('int8'), '-010', 'yang', 'mod', names)).toEqual({ ok: true, value: -8 });
    expect(checkValue(type('uint8'), '08', 'yang', 'mod', names).ok).toBe(false);
    expect(checkValue(type('uint8'), ' 8', 'yang', 'mod', names).ok).toBe(false);
    expect(checkValue(type('uint16'), '0x10', 'lexical', 'mod').ok).toBe(false);
  });

  it('rejects every default of type empty, resolves identity prefixes with the source prefixes', () => {
    expect(checkValue(type('empty'), '', 'yang', 'mod', names).ok).toBe(false);
    const t = type('identityref', { identityref: { bases: ['mod:a'], values: ['mod:b'] } });
    expect(checkValue(t, 'p:b', 'yang', 'x', names)).toEqual({ ok: true, value: 'mod:b' });
    expect(checkValue(t, 'mod:b', 'yang', 'x', names).ok).toBe(false);
  });
});

describe('parseInstanceIdentifier', () => {
  it('parses steps with key, value and position predicates', () => {
    expect(parseInstanceIdentifier(`/p:l[p:k='a'][ p:j = "b" ]/p:ll[.='x']/p:s[2]`)).toEqual({
      steps: [
        { prefix: 'p', name: 'l', predicates: [{ kind: 'key', prefix: 'p', name: 'k', value: 'a' }, { kind: 'key', prefix: 'p', name: 'j', value: 'b' }] },
        { prefix: 'p', name: 'll', predicates: [{ kind: 'value', value: 'x' }] },
        { prefix: 'p', name: 's', predicates: [{ kind: 'position', position: 2 }] },
      ],
    });
  });

  it('rejects what the ABNF does not allow', () => {
    for (const bad of ['p:a', '/', '/p:a/', '/p:a[p:k=a]', '/p:a[0]', '/p:a[p:k="a"', '/p:a:b']) {
      expect(parseInstanceIdentifier(bad), bad).toHaveProperty('error');
    }
  });
});
