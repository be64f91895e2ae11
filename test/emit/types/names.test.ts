import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/index.js';
import { camelCase, NameRegistry, pascalCase, propertyName } from '../../../src/emit/types/names.js';
import { compile, FIXTURES, typeCheck, writeFiles } from './helpers.js';

describe('identifiers from YANG names', () => {
  it('joins the words of YANG identifiers', () => {
    expect(pascalCase('ietf-inet-types')).toBe('IetfInetTypes');
    expect(pascalCase('ipv4_address.no-zone')).toBe('Ipv4AddressNoZone');
    expect(pascalCase('_9lives')).toBe('_9lives');
    expect(camelCase('ietf-interfaces')).toBe('ietfInterfaces');
    expect(camelCase('IANA-if-type')).toBe('ianaIfType');
  });

  it('quotes member names that are not plain identifiers', () => {
    expect(propertyName('mtu')).toBe('mtu');
    expect(propertyName('ietf-ip:ipv4')).toBe('"ietf-ip:ipv4"');
    expect(propertyName('a.b')).toBe('"a.b"');
  });

  it('hands out each name once, never a reserved word', () => {
    const names = new NameRegistry();
    expect([names.claim('Box'), names.claim('Box'), names.claim('Box'), names.claim('delete')]).toEqual(['Box', 'Box_2', 'Box_3', 'delete_2']);
  });
});

describe('colliding names in generated files', () => {
  it('keeps every declaration distinct, and the file type-checks', async () => {
    const files = await emitTypes(compile([`${FIXTURES}ex-names.yang`], [FIXTURES]), { validators: true });
    const text = files.get('ex-names.ts')!;
    expect(text).toContain('export type Thing = string;');
    expect(text).toContain('"ex-names:thing"?: Thing_2;');
    expect(text).toContain('"ex-names:validation-error"?: ValidationError_2;');
    expect(text).toContain('export function validateExNamesData(value: unknown): ValidationError[]');
    expect(text).toContain('"ex-names:box"?: BoxConfig;');
    expect(text).toContain('config?: Box_Config;');
    expect(typeCheck(writeFiles(files), [...files.keys()]).all).toEqual([]);
  });
});
