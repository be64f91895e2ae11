import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/index.js';
import { compile, FIXTURES, readFixture, typeCheck, variant, writeFiles, type Json, type TypeCheck } from './helpers.js';

const config = readFixture('ex-shop-config.json');
const data = readFixture('ex-shop-data.json');
const shop = ['ex-shop:shop'];
const product = [...shop, 'product', 0];

/** Declarations of check.ts: `good*` must type-check, the others must fail with a message matching `error`. */
const declarations: { name: string; type: string; value: Json; error?: RegExp }[] = [
  { name: 'goodConfig', type: 'ExShopConfig', value: config },
  { name: 'goodData', type: 'ExShopData', value: data },
  { name: 'goodRestockInput', type: 'Shop_Product_Restock_Input', value: { count: 3 } },
  { name: 'goodRestockOutput', type: 'Shop_Product_Restock_Output', value: { total: 9 } },
  { name: 'goodResetInput', type: 'Reset_Input', value: {} },
  { name: 'goodSoldOut', type: 'SoldOut', value: { sku: 'a1' } },
  // The `config` container's type and the configuration view of `shop` do not collide.
  { name: 'goodConfigContainer', type: 'Shop_Config', value: { owner: 'Ann' } },
  {
    name: 'twoCases',
    type: 'ExShopConfig',
    value: variant(config, [...product, 'start'], 5),
    error: /Types of property '"start"' are incompatible/,
  },
  {
    name: 'twoNestedCases',
    type: 'ExShopConfig',
    value: variant(config, [...product, 'amex'], '3782'),
    error: /Types of property '"amex"' are incompatible/,
  },
  {
    name: 'outerAndNestedCase',
    type: 'ExShopConfig',
    value: variant(config, [...product, 'cash'], 'EUR'),
    error: /Types of property '"cash"' are incompatible/,
  },
  {
    name: 'caseWithoutItsMandatoryLeaf',
    type: 'ExShopConfig',
    value: variant(variant(config, [...product, 'amount'], undefined), [...product, 'end'], 5),
    error: /not assignable to type 'Shop_ProductConfig'/,
  },
  {
    name: 'stateInConfig',
    type: 'ExShopConfig',
    value: variant(config, [...shop, 'state'], { visitors: 1 }),
    error: /'"state"' does not exist in type 'ShopConfig'/,
  },
  {
    name: 'stateLeafInConfigList',
    type: 'ExShopConfig',
    value: variant(config, [...product, 'sold'], 1),
    error: /'"sold"' does not exist/,
  },
  {
    name: 'enumOutsideRestrictedTypedef',
    type: 'ExShopConfig',
    value: variant(config, [...shop, 'color'], 'green'),
    error: /Type '"green"' is not assignable to type 'PrimaryColor'/,
  },
  {
    name: 'baseIdentityItself',
    type: 'ExShopConfig',
    value: variant(config, [...shop, 'mascot'], 'ex-types:animal'),
    error: /Type '"ex-types:animal"' is not assignable to type 'AnimalIdentity \| "fish"'/,
  },
  {
    name: 'mandatoryLeafOfRequiredContainer',
    type: 'ExShopConfig',
    value: variant(config, [...shop, 'address'], {}),
    error: /Property 'city' is missing/,
  },
  {
    name: 'requiredContainerMissing',
    type: 'ExShopConfig',
    value: variant(config, [...shop, 'address'], undefined),
    error: /Property 'address' is missing/,
  },
  {
    name: 'presenceContainerWithoutMandatoryLeaf',
    type: 'ExShopConfig',
    value: variant(config, [...shop, 'manager'], {}),
    error: /Property 'name' is missing/,
  },
  {
    name: 'uint64AsNumber',
    type: 'ExShopConfig',
    value: variant(config, [...shop, 'stock'], 5),
    error: /Type 'number' is not assignable to type 'string'/,
  },
  {
    name: 'actionInputWithoutMandatoryLeaf',
    type: 'Shop_Product_Restock_Input',
    value: {},
    error: /Property 'count' is missing/,
  },
];

function checkSource(): string {
  const types = [...new Set(declarations.map((d) => d.type))].join(', ');
  return [
    `import type { ${types} } from './ex-shop.js';`,
    ...declarations.map((d) => `export const ${d.name}: ${d.type} = ${JSON.stringify(d.value, null, 2)};`),
  ].join('\n\n');
}

describe('types for choices, views, typedefs and operations (ex-shop fixture)', () => {
  let files: Map<string, string>;
  let check: TypeCheck;

  beforeAll(async () => {
    const schema = compile([`${FIXTURES}ex-shop.yang`, `${FIXTURES}ex-shop-ext.yang`], [FIXTURES]);
    files = await emitTypes(schema, { validators: true });
    const dir = writeFiles(files, { 'check.ts': checkSource() });
    check = typeCheck(dir, ['check.ts', ...files.keys()]);
  });

  it('generates code the strictest TypeScript settings accept', () => {
    expect(check.all.filter((d) => !d.includes('check.ts'))).toEqual([]);
  });

  it('accepts valid instances', () => {
    const errors = check.byDeclaration('check.ts');
    for (const d of declarations.filter((x) => !x.error)) expect(errors.get(d.name), d.name).toBeUndefined();
  });

  it.each(declarations.filter((d) => d.error))('rejects $name', ({ name, error }) => {
    expect((check.byDeclaration('check.ts').get(name) ?? []).join('\n')).toMatch(error!);
  });

  it('names a typedef alias where the use has the same values, and spells out restricted ones', () => {
    const types = files.get('ex-types.ts')!;
    expect(types).toContain('export type SmallPercent = Percent;');
    expect(types).toContain('export type PrimaryColor = "red" | "blue";');
    expect(types).toContain('export type AnimalIdentity = "ex-shop:fish" | "ex-types:cat" | "ex-types:dog";');
  });

  it('documents units, restrictions and defaults', () => {
    const text = files.get('ex-shop.ts')!;
    expect(text).toMatch(/Length: 1\.\.20\.\n\s*\* Pattern: `\[a-z \]\+`\n\s*\*\/\n\s*name: string;/);
    expect(text).toMatch(/@default 5\n\s*\*\/\n\s*discount\?: exTypes.Percent;/);
    expect(files.get('ex-types.ts')).toMatch(/Units: percent\.\n\s*\* Range: 0\.\.100\.\n\s*\*\/\nexport type Percent = number;/);
  });

  it('leaves validators out unless asked for', async () => {
    const schema = compile([`${FIXTURES}ex-shop.yang`], [FIXTURES]);
    const plain = await emitTypes(schema);
    expect(plain.has('_validate.ts')).toBe(false);
    expect(plain.get('ex-shop.ts')).not.toContain('validate');
  });
});
