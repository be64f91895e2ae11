import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/index.js';
import { compile, FIXTURES, importGenerated, readFixture, variant, type Json } from './helpers.js';

type Validator = (value: unknown) => { path: string; message: string }[];
type Expected = [path: string, message: RegExp][];

async function validators(files: string[], searchPaths: string[] | undefined, entry: string): Promise<Record<string, Validator>> {
  const generated = await emitTypes(compile(files, searchPaths), { validators: true });
  return (await importGenerated(generated, entry)) as Record<string, Validator>;
}

function expectErrors(actual: { path: string; message: string }[], expected: Expected): void {
  expect(actual.map((e) => e.path)).toEqual(expected.map(([path]) => path));
  actual.forEach((e, i) => expect(e.message).toMatch(expected[i]![1]));
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
    { name: 'range', value: variant(config, [...shop, 'discount'], 101), errors: [[`${S}/discount`, /101 is outside the range 0\.\.100/]] },
    { name: 'length', value: variant(config, [...shop, 'name'], ''), errors: [[`${S}/name`, /length 0 is outside the allowed lengths 1\.\.20/]] },
    { name: 'pattern', value: variant(config, [...shop, 'name'], 'Shop'), errors: [[`${S}/name`, /"Shop" does not match the pattern/]] },
    { name: 'restricted enum', value: variant(config, [...shop, 'color'], 'green'), errors: [[`${S}/color`, /expected one of "red", "blue"/]] },
    { name: 'base identity', value: variant(config, [...shop, 'mascot'], 'ex-types:animal'), errors: [[`${S}/mascot`, /expected an allowed identity/]] },
    { name: 'unknown bit', value: variant(config, [...shop, 'flags'], 'fragile light'), errors: [[`${S}/flags`, /unknown bit "light"/]] },
    { name: 'decimal64 digits', value: variant(config, [...shop, 'price'], '9.999'), errors: [[`${S}/price`, /at most 2 fraction digits/]] },
    { name: 'decimal64 range', value: variant(config, [...shop, 'price'], '1000.01'), errors: [[`${S}/price`, /1000\.01 is outside the range 0\.\.1000/]] },
    { name: 'uint64 range', value: variant(config, [...shop, 'stock'], '18446744073709551616'), errors: [[`${S}/stock`, /outside the range/]] },
    { name: 'uint64 as number', value: variant(config, [...shop, 'stock'], 5), errors: [[`${S}/stock`, /expected an integer as a JSON string/]] },
    { name: 'uint32 as string', value: variant(config, [...product(0), 'amount'], '10'), errors: [[`${S}/product[sku='a1']/amount`, /expected an integer \(JSON number\)/]] },
    { name: 'binary length', value: variant(config, [...shop, 'logo'], 'AAECAwQ='), errors: [[`${S}/logo`, /length 5 is outside/]] },
    { name: 'binary encoding', value: variant(config, [...shop, 'logo'], 'A*'), errors: [[`${S}/logo`, /base64/]] },
    { name: 'empty', value: variant(config, [...shop, 'open'], true), errors: [[`${S}/open`, /expected \[null\]/]] },
    { name: 'union', value: variant(config, [...shop, 'misc'], 'all'), errors: [[`${S}/misc`, /matches none of the union member types/]] },
    { name: 'anydata', value: variant(config, [...shop, 'extra'], 5), errors: [[`${S}/extra`, /expected a JSON object/]] },
    { name: 'max-elements', value: variant(config, [...shop, 'tags'], ['a', 'b', 'c', 'd']), errors: [[`${S}/tags`, /at most 3 entries/]] },
    { name: 'duplicate leaf-list value', value: variant(config, [...shop, 'tags'], ['a', 'a']), errors: [[`${S}/tags[2]`, /duplicate value "a"/]] },
    { name: 'missing key', value: variant(config, [...product(0), 'sku'], undefined), errors: [[`${S}/product[1]/sku`, /mandatory node is missing/]] },
    { name: 'duplicate key', value: variant(config, [...product(1), 'sku'], 'a1'), errors: [[`${S}/product[sku='a1']`, /duplicate key/]] },
    { name: 'min-elements', value: variant(config, [...shop, 'product'], []), errors: [[`${S}/product`, /at least 1 entries are required, found 0/]] },
    { name: 'list as object', value: variant(config, [...shop, 'product'], {}), errors: [[`${S}/product`, /expected a JSON array/]] },
    {
      name: 'mandatory choice',
      value: variant(config, [...product(2), 'free'], undefined),
      errors: [[`${S}/product[sku='a3']`, /choice "pricing" is mandatory/]],
    },
    {
      name: 'two cases',
      value: variant(config, [...product(0), 'start'], 5),
      errors: [[`${S}/product[sku='a1']`, /choice "pricing": members of cases "fixed" and "auction" cannot be combined/]],
    },
    {
      name: 'mandatory choice inside the case taken',
      value: variant(config, [...product(0), 'visa'], undefined),
      errors: [[`${S}/product[sku='a1']`, /choice "network" is mandatory/]],
    },
    {
      name: 'mandatory leaf of the case taken',
      value: variant(config, [...product(1), 'start'], undefined),
      errors: [[`${S}/product[sku='a2']/start`, /mandatory node is missing/]],
    },
    { name: 'unknown member', value: variant(config, [...shop, 'colour'], 'red'), errors: [[`${S}/colour`, /unknown member/]] },
    { name: 'required container', value: variant(config, [...shop, 'address'], undefined), errors: [[`${S}/address/city`, /mandatory node is missing/]] },
    { name: 'presence container', value: variant(config, [...shop, 'manager'], {}), errors: [[`${S}/manager/name`, /mandatory node is missing/]] },
    { name: 'state in configuration', value: variant(config, [...shop, 'state'], { visitors: 1 }), errors: [[`${S}/state`, /state data \(config false\)/]] },
    { name: 'mandatory state leaf', view: 'data', value: variant(data, [...shop, 'state'], {}), errors: [[`${S}/state/visitors`, /mandatory node is missing/]] },
    { name: 'not an object', value: 'shop', errors: [['/', /expected a JSON object/]] },
    {
      name: 'empty document (a required top-level container)',
      value: {},
      errors: [
        [`${S}/name`, /mandatory node is missing/],
        [`${S}/address/city`, /mandatory node is missing/],
        [`${S}/product`, /at least 1 entries are required/],
      ],
    },
  ];

  it.each(cases)('$name', ({ view, value, errors }) => {
    expectErrors(v[view === 'data' ? 'validateExShopData' : 'validateExShopConfig']!(value), errors);
  });

  it('check operation inputs and outputs and notifications', () => {
    expectErrors(v.validateShop_Product_Restock_Input!({}), [['/count', /mandatory node is missing/]]);
    expectErrors(v.validateShop_Product_Restock_Output!({ total: -1 }), [['/total', /-1 is outside the range 0\.\.4294967295/]]);
    expectErrors(v.validateReset_Input!({ force: 'yes' }), [['/force', /expected true or false/]]);
    expectErrors(v.validateSoldOut!({ sku: 5 }), [['/sku', /expected a string/]]);
  });

  it('requires a node added by an augment with a when condition only while it holds (not checked)', () => {
    expect(v.validateExShopConfig!(variant(config, [...shop, 'name'], 'zoo'))).toEqual([]);
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
    expectErrors(v.validateIetfInterfacesConfig!(variant(config, [...eth0, 'oper-status'], 'up')), [[`${P}/oper-status`, /state data/]]);
    expectErrors(v.validateIetfInterfacesData!(config), [
      [`${P}/admin-status`, /mandatory node is missing/],
      [`${P}/oper-status`, /mandatory node is missing/],
      [`${P}/if-index`, /mandatory node is missing/],
      [`${P}/statistics/discontinuity-time`, /mandatory node is missing/],
    ]);
  });

  it('check typedef patterns, augmented choices, ranges and identities', () => {
    const address = [...eth0, 'ietf-ip:ipv4', 'address', 0];
    expectErrors(v.validateIetfInterfacesConfig!(variant(config, [...address, 'ip'], '192.0.2.300')), [
      [`${P}/ietf-ip:ipv4/address[ip='192.0.2.300']/ip`, /does not match the pattern/],
    ]);
    expectErrors(v.validateIetfInterfacesConfig!(variant(config, [...address, 'netmask'], '255.255.255.0')), [
      [`${P}/ietf-ip:ipv4/address[ip='192.0.2.1']`, /choice "subnet": members of cases "prefix-length" and "netmask"/],
    ]);
    expectErrors(v.validateIetfInterfacesConfig!(variant(config, [...eth0, 'ietf-ip:ipv6', 'mtu'], 1279)), [
      [`${P}/ietf-ip:ipv6/mtu`, /1279 is outside the range 1280\.\.4294967295/],
    ]);
    expectErrors(v.validateIetfInterfacesConfig!(variant(config, [...eth0, 'type'], 'iana-if-type:ethernet')), [[`${P}/type`, /identit/]]);
  });
});
