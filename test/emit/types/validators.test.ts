import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/index.js';
import { compile, FIXTURES, importGenerated, readFixture, variant, type Json } from './helpers.js';

interface ValidationError {
  path: string;
  rule: string;
  message: string;
  appTag?: string;
}
type Validator = (value: unknown, datastore?: unknown) => ValidationError[];
/** Each error's instance path and rule code (the engine's, src/validate/errors.ts). */
type Expected = [path: string, rule: string][];

async function validators(files: string[], searchPaths: string[] | undefined, entry: string): Promise<Record<string, Validator>> {
  const generated = await emitTypes(compile(files, searchPaths), { validators: true });
  return (await importGenerated(generated, entry)) as Record<string, Validator>;
}

function expectErrors(actual: ValidationError[], expected: Expected): void {
  expect(actual.map((e) => [e.path, e.rule])).toEqual(expected);
  for (const e of actual) expect(e.message).toEqual(expect.any(String));
}

describe('generated validators for ex-shop', () => {
  const config = readFixture('ex-shop-config.json');
  const data = readFixture('ex-shop-data.json');
  const S = '/ex-shop:shop';
  const shop = ['ex-shop:shop'];
  const product = (i: number) => [...shop, 'product', i];
  let v: Record<string, Validator>;

  beforeAll(async () => {
    v = await validators([`${FIXTURES}ex-shop.yang`, `${FIXTURES}ex-shop-ext.yang`], [FIXTURES], 'ex-shop.ts');
  });

  const cases: { name: string; view?: 'data'; value: Json; errors: Expected }[] = [
    { name: 'valid configuration', value: config, errors: [] },
    { name: 'valid data', view: 'data', value: data, errors: [] },
    { name: 'range', value: variant(config, [...shop, 'discount'], 101), errors: [[`${S}/discount`, 'invalid-value']] },
    { name: 'length', value: variant(config, [...shop, 'name'], ''), errors: [[`${S}/name`, 'invalid-value']] },
    { name: 'pattern', value: variant(config, [...shop, 'name'], 'Shop'), errors: [[`${S}/name`, 'invalid-value']] },
    { name: 'restricted enum', value: variant(config, [...shop, 'color'], 'green'), errors: [[`${S}/color`, 'invalid-value']] },
    { name: 'base identity', value: variant(config, [...shop, 'mascot'], 'ex-types:animal'), errors: [[`${S}/mascot`, 'invalid-value']] },
    { name: 'unknown bit', value: variant(config, [...shop, 'flags'], 'fragile light'), errors: [[`${S}/flags`, 'invalid-value']] },
    { name: 'decimal64 digits', value: variant(config, [...shop, 'price'], '9.999'), errors: [[`${S}/price`, 'invalid-value']] },
    { name: 'decimal64 range', value: variant(config, [...shop, 'price'], '1000.01'), errors: [[`${S}/price`, 'invalid-value']] },
    { name: 'uint64 range', value: variant(config, [...shop, 'stock'], '18446744073709551616'), errors: [[`${S}/stock`, 'invalid-value']] },
    { name: 'uint64 as number', value: variant(config, [...shop, 'stock'], 5), errors: [[`${S}/stock`, 'invalid-value']] },
    { name: 'uint32 as string', value: variant(config, [...product(0), 'amount'], '10'), errors: [[`${S}/product[sku='a1']/amount`, 'invalid-value']] },
    { name: 'binary length', value: variant(config, [...shop, 'logo'], 'AAECAwQ='), errors: [[`${S}/logo`, 'invalid-value']] },
    { name: 'binary encoding', value: variant(config, [...shop, 'logo'], 'A*'), errors: [[`${S}/logo`, 'invalid-value']] },
    { name: 'empty', value: variant(config, [...shop, 'open'], true), errors: [[`${S}/open`, 'invalid-value']] },
    { name: 'union', value: variant(config, [...shop, 'misc'], 'all'), errors: [[`${S}/misc`, 'invalid-value']] },
    { name: 'max-elements', value: variant(config, [...shop, 'tags'], ['a', 'b', 'c', 'd']), errors: [[`${S}/tags[.='d']`, 'too-many-elements']] },
    { name: 'duplicate leaf-list value', value: variant(config, [...shop, 'tags'], ['a', 'a']), errors: [[`${S}/tags[.='a']`, 'duplicate-entry']] },
    { name: 'missing key', value: variant(config, [...product(0), 'sku'], undefined), errors: [[`${S}/product`, 'missing-key']] },
    { name: 'duplicate key', value: variant(config, [...product(1), 'sku'], 'a1'), errors: [[`${S}/product[sku='a1']`, 'duplicate-entry']] },
    { name: 'min-elements', value: variant(config, [...shop, 'product'], []), errors: [[`${S}/product`, 'too-few-elements']] },
    {
      name: 'list as object',
      value: variant(config, [...shop, 'product'], {}),
      errors: [
        [`${S}/product`, 'bad-shape'],
        [`${S}/product`, 'too-few-elements'],
      ],
    },
    { name: 'mandatory choice', value: variant(config, [...product(2), 'free'], undefined), errors: [[`${S}/product[sku='a3']`, 'missing-choice']] },
    { name: 'two cases', value: variant(config, [...product(0), 'start'], 5), errors: [[`${S}/product[sku='a1']/start`, 'multiple-cases']] },
    {
      name: 'mandatory choice inside the case taken',
      value: variant(config, [...product(0), 'visa'], undefined),
      errors: [[`${S}/product[sku='a1']`, 'missing-choice']],
    },
    { name: 'mandatory leaf of the case taken', value: variant(config, [...product(1), 'start'], undefined), errors: [[`${S}/product[sku='a2']/start`, 'mandatory']] },
    { name: 'unknown member', value: variant(config, [...shop, 'colour'], 'red'), errors: [[`${S}/colour`, 'unknown-element']] },
    { name: 'top-level member of another module', value: variant(config, ['ex-types:thing'], 1), errors: [['/ex-types:thing', 'unknown-element']] },
    { name: 'required container', value: variant(config, [...shop, 'address'], undefined), errors: [[`${S}/address/city`, 'mandatory']] },
    { name: 'presence container', value: variant(config, [...shop, 'manager'], {}), errors: [[`${S}/manager/name`, 'mandatory']] },
    { name: 'state in configuration', value: variant(config, [...shop, 'state'], { visitors: 1 }), errors: [[`${S}/state`, 'state-data']] },
    { name: 'mandatory state leaf', view: 'data', value: variant(data, [...shop, 'state'], {}), errors: [[`${S}/state/visitors`, 'mandatory']] },
    { name: 'not an object', value: 'shop', errors: [['/', 'bad-shape']] },
    {
      name: 'empty document (a required top-level container)',
      value: {},
      errors: [
        [`${S}/name`, 'mandatory'],
        [`${S}/product`, 'too-few-elements'],
        [`${S}/address/city`, 'mandatory'],
      ],
    },
  ];

  it.each(cases)('$name', ({ view, value, errors }) => {
    expectErrors(v[view === 'data' ? 'validateExShopData' : 'validateExShopConfig']!(value), errors);
  });

  it('check operation inputs and outputs and notifications, paths relative to the value', () => {
    expectErrors(v.validateShop_Product_Restock_Input!({}), [['/count', 'mandatory']]);
    expectErrors(v.validateShop_Product_Restock_Output!({ total: -1 }), [['/total', 'invalid-value']]);
    expectErrors(v.validateReset_Input!({ force: 'yes' }), [['/force', 'invalid-value']]);
    expect(v.validateSoldOut!({ sku: 5 }, config)).toContainEqual(expect.objectContaining({ path: '/sku', rule: 'invalid-value' }));
  });

  it('resolve a notification\'s leafref in the datastore given (RFC 7950 9.9, 6.4.1)', () => {
    expect(v.validateSoldOut!({ sku: 'a2' }, config)).toEqual([]);
    expectErrors(v.validateSoldOut!({ sku: 'zz' }, config), [['/sku', 'instance-required']]);
  });

  it('require a node added by an augment with a when condition while the condition holds (RFC 7950 7.21.5)', () => {
    expectErrors(v.validateExShopConfig!(variant(config, [...shop, 'name'], 'zoo')), [[`${S}/ex-shop-ext:rating`, 'mandatory']]);
    expect(v.validateExShopConfig!(variant(variant(config, [...shop, 'name'], 'zoo'), [...shop, 'ex-shop-ext:rating'], 4))).toEqual([]);
  });
});

describe('generated validators for ietf-interfaces with ietf-ip', () => {
  const config = readFixture('rfc8344-config.json');
  const operational = readFixture('rfc8344-operational.json');
  const eth0 = ['ietf-interfaces:interfaces', 'interface', 0];
  const P = "/ietf-interfaces:interfaces/interface[name='eth0']";
  let v: Record<string, Validator>;

  beforeAll(async () => {
    const files = ['ietf/ietf-interfaces@2018-02-20.yang', 'ietf/ietf-ip@2018-02-22.yang', 'ietf/iana-if-type@2014-05-08.yang'];
    v = await validators(files, undefined, 'ietf-interfaces.ts');
  });

  it('accept the RFC 8344 documents', () => {
    expect(v.validateIetfInterfacesConfig!(config)).toEqual([]);
    expect(v.validateIetfInterfacesData!(operational)).toEqual([]);
  });

  it('report state data in configuration, and mandatory state data missing from data', () => {
    expectErrors(v.validateIetfInterfacesConfig!(variant(config, [...eth0, 'oper-status'], 'up')), [[`${P}/oper-status`, 'state-data']]);
    const missing = v.validateIetfInterfacesData!(config).map((e) => [e.path, e.rule]);
    for (const leaf of ['admin-status', 'oper-status', 'if-index', 'statistics/discontinuity-time']) expect(missing).toContainEqual([`${P}/${leaf}`, 'mandatory']);
  });

  it('check typedef patterns, augmented choices, ranges and identities', () => {
    const address = [...eth0, 'ietf-ip:ipv4', 'address', 0];
    expectErrors(v.validateIetfInterfacesConfig!(variant(config, [...address, 'ip'], '192.0.2.300')), [[`${P}/ietf-ip:ipv4/address/ip`, 'invalid-value']]);
    const both = v.validateIetfInterfacesConfig!(variant(config, [...address, 'netmask'], '255.255.255.0'));
    expect(both.map((e) => e.rule)).toEqual(['multiple-cases']);
    expect(both[0]!.path).toMatch(/^\/ietf-interfaces:interfaces\/interface\[name='eth0'\]\/ietf-ip:ipv4\/address\[ip='192\.0\.2\.1'\]/);
    expectErrors(v.validateIetfInterfacesConfig!(variant(config, [...eth0, 'ietf-ip:ipv6', 'mtu'], 1279)), [[`${P}/ietf-ip:ipv6/mtu`, 'invalid-value']]);
    expectErrors(v.validateIetfInterfacesConfig!(variant(config, [...eth0, 'type'], 'iana-if-type:ethernet')), [[`${P}/type`, 'invalid-value']]);
  });
});

describe('generated validators check must, when, unique and references (server-rules fixture)', () => {
  const RULES_YANG = fileURLToPath(new URL('../../fixtures/restconf/server-rules.yang', import.meta.url));
  const S = '/server-rules:system';
  const valid = { 'server-rules:system': { mtu: 9000, 'min-mtu': 1500, 'default-server': 'a', watched: `${S}/server[name='a']/ip`, server: [{ name: 'a', ip: '10.0.0.1', port: 80 }] } };
  const system = ['server-rules:system'];
  let v: Record<string, Validator>;

  beforeAll(async () => {
    v = await validators([RULES_YANG], [], 'server-rules.ts');
  });

  it('accept valid data', () => {
    expect(v.validateServerRulesConfig!(valid)).toEqual([]);
  });

  it('report a must violation with the must\'s error-message and error-app-tag (RFC 7950 7.5.4)', () => {
    expect(v.validateServerRulesConfig!(variant(valid, [...system, 'min-mtu'], 9001))).toEqual([
      { path: `${S}/min-mtu`, rule: 'must-violation', appTag: 'mtu-order', message: 'min-mtu must not exceed mtu' },
    ]);
    expect(v.validateServerRulesConfig!(variant(valid, [...system, 'max-users'], 0))).toEqual([
      expect.objectContaining({ path: `${S}/max-users`, rule: 'must-violation', appTag: 'must-violation' }),
    ]);
  });

  it('report a dangling leafref and an instance-identifier naming nothing (RFC 7950 9.9, 9.13)', () => {
    expectErrors(v.validateServerRulesConfig!(variant(valid, [...system, 'default-server'], 'b')), [[`${S}/default-server`, 'instance-required']]);
    expectErrors(v.validateServerRulesConfig!(variant(valid, [...system, 'watched'], `${S}/server[name='b']/ip`)), [[`${S}/watched`, 'instance-required']]);
  });

  it('report a duplicate unique tuple (RFC 7950 7.8.3) and a node whose when is false (7.21.5)', () => {
    const twin = variant(valid, [...system, 'server'], [{ name: 'a', ip: '10.0.0.1', port: 80 }, { name: 'b', ip: '10.0.0.1', port: 80 }]);
    expect(v.validateServerRulesConfig!(twin).map((e) => e.rule)).toEqual(['data-not-unique']);
    expectErrors(v.validateServerRulesConfig!(variant(valid, [...system, 'advanced'], { level: 1 })), [[`${S}/advanced`, 'when-false']]);
    expect(v.validateServerRulesConfig!(variant(variant(valid, [...system, 'advanced'], { level: 1 }), [...system, 'mode'], 'advanced'))).toEqual([]);
  });

  it('check rpc input against its musts, and its leafrefs in the datastore given', () => {
    expect(v.validateReboot_Input!({ delay: 7200 })).toEqual([
      { path: '/delay', rule: 'must-violation', appTag: 'must-violation', message: 'a reboot can be delayed by an hour at most' },
    ]);
    expect(v.validateReboot_Input!({ delay: 60, server: 'a' }, valid)).toEqual([]);
    expectErrors(v.validateReboot_Input!({ server: 'b' }, valid), [['/server', 'instance-required']]);
    expectErrors(v.validateReboot_Output!({ eta: 9000 }), [['/eta', 'must-violation']]);
  });
});
