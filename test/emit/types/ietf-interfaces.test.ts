import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/index.js';
import { compile, readFixture, typeCheck, variant, writeFiles, type Json, type TypeCheck } from './helpers.js';

const config = readFixture('rfc8344-config.json');
const operational = readFixture('rfc8344-operational.json');

const eth0 = ['ietf-interfaces:interfaces', 'interface', 0];

/** Wrong instances: each must be rejected with a message matching `error`. */
const wrong: { name: string; type: 'IetfInterfacesConfig' | 'IetfInterfacesData'; value: Json; error: RegExp }[] = [
  {
    name: 'mtuAsString',
    type: 'IetfInterfacesConfig',
    value: variant(config, [...eth0, 'ietf-ip:ipv6', 'mtu'], '1280'),
    error: /Type 'string' is not assignable to type 'number'/,
  },
  {
    name: 'prefixLengthAndNetmask',
    type: 'IetfInterfacesConfig',
    value: variant(config, [...eth0, 'ietf-ip:ipv4', 'address', 0, 'netmask'], '255.255.255.0'),
    error: /Types of property '"netmask"' are incompatible/,
  },
  {
    name: 'unknownEnum',
    type: 'IetfInterfacesConfig',
    value: variant(config, [...eth0, 'link-up-down-trap-enable'], 'on'),
    error: /Type '"on"' is not assignable to type '"enabled" \| "disabled"'/,
  },
  {
    name: 'unknownIdentity',
    type: 'IetfInterfacesConfig',
    value: variant(config, [...eth0, 'type'], 'iana-if-type:ethernet'),
    error: /Type '"iana-if-type:ethernet"' is not assignable to type 'InterfaceTypeIdentity'/,
  },
  {
    name: 'stateInConfig',
    type: 'IetfInterfacesConfig',
    value: variant(config, [...eth0, 'oper-status'], 'up'),
    error: /'"oper-status"' does not exist in type 'Interfaces_InterfaceConfig'/,
  },
  {
    name: 'missingKey',
    type: 'IetfInterfacesConfig',
    value: variant(config, [...eth0, 'name'], undefined),
    error: /Property 'name' is missing/,
  },
  {
    name: 'unqualifiedAugment',
    type: 'IetfInterfacesConfig',
    value: variant(variant(config, [...eth0, 'ietf-ip:ipv4'], undefined), [...eth0, 'ipv4'], {}),
    error: /'"ipv4"' does not exist in type 'Interfaces_InterfaceConfig'/,
  },
  {
    name: 'missingMandatoryState',
    type: 'IetfInterfacesData',
    value: variant(operational, [...eth0, 'oper-status'], undefined),
    error: /Property '"oper-status"' is missing/,
  },
  {
    name: 'emptyAsBoolean',
    type: 'IetfInterfacesData',
    value: variant(operational, [...eth0, 'ietf-ip:ipv6', 'neighbor', 0, 'is-router'], true),
    error: /Type 'boolean' is not assignable to type '\[null\]'/,
  },
  {
    name: 'counter64AsNumber',
    type: 'IetfInterfacesData',
    value: variant(operational, [...eth0, 'statistics', 'in-octets'], 7654321),
    error: /Type 'number' is not assignable to type 'string'/,
  },
];

function checkSource(): string {
  const declarations = [
    `export const goodConfig: IetfInterfacesConfig = ${JSON.stringify(config, null, 2)};`,
    `export const goodOperational: IetfInterfacesData = ${JSON.stringify(operational, null, 2)};`,
    ...wrong.map((w) => `export const ${w.name}: ${w.type} = ${JSON.stringify(w.value, null, 2)};`),
  ];
  return [`import type { IetfInterfacesConfig, IetfInterfacesData } from './ietf-interfaces.js';`, ...declarations].join('\n\n');
}

describe('types for ietf-interfaces with ietf-ip and iana-if-type', () => {
  let files: Map<string, string>;
  let check: TypeCheck;

  beforeAll(async () => {
    const schema = compile(['ietf/ietf-interfaces@2018-02-20.yang', 'ietf/ietf-ip@2018-02-22.yang', 'ietf/iana-if-type@2014-05-08.yang']);
    files = await emitTypes(schema, { validators: true });
    const dir = writeFiles(files, { 'check.ts': checkSource() });
    check = typeCheck(dir, ['check.ts', ...files.keys()]);
  });

  it('writes a file per input module, augmented module and module whose typedefs are used, an index and the validator support', () => {
    expect([...files.keys()]).toEqual([
      '_validate.ts',
      'iana-if-type.ts',
      'ietf-inet-types.ts',
      'ietf-interfaces.ts',
      'ietf-ip.ts',
      'ietf-yang-types.ts',
      'index.ts',
    ]);
  });

  it('generates code the strictest TypeScript settings accept', () => {
    expect(check.all.filter((d) => !d.includes('check.ts'))).toEqual([]);
  });

  it('accepts the RFC 8344 configuration and operational state documents', () => {
    const errors = check.byDeclaration('check.ts');
    expect(errors.get('goodConfig')).toBeUndefined();
    expect(errors.get('goodOperational')).toBeUndefined();
  });

  it.each(wrong)('rejects $name', ({ name, error }) => {
    const messages = check.byDeclaration('check.ts').get(name) ?? [];
    expect(messages.join('\n')).toMatch(error);
  });

  it('grafts ietf-ip augments into the ietf-interfaces types under their qualified names', () => {
    const text = files.get('ietf-interfaces.ts')!;
    expect(text).toContain('"ietf-ip:ipv4"?: Interfaces_Interface_Ipv4;');
    expect(text).toContain('"ietf-ip:ipv4"?: Interfaces_Interface_Ipv4Config;');
    expect(text).toContain('import type * as ietfIp from "./ietf-ip.js";');
    expect(files.get('ietf-ip.ts')).toContain('export type IpAddressOrigin =');
  });

  it('shares typedefs across files instead of copying them', () => {
    const text = files.get('ietf-interfaces.ts')!;
    expect(text).toContain('ip: ietfInetTypes.Ipv4AddressNoZone;');
    expect(text).toContain('"last-change"?: ietfYangTypes.DateAndTime;');
    expect(files.get('ietf-inet-types.ts')).toMatch(/export type Ipv4AddressNoZone = Ipv4Address;/);
  });
});
