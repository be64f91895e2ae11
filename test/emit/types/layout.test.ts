import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/index.js';
import { printString } from '../../../src/emit/types/print.js';
import { compile, FIXTURES, typeCheck, writeFiles } from './helpers.js';

/**
 * The emitter writes its output already formatted, as prettier (default options) prints
 * it: these check that prettier leaves every generated file unchanged, on layout corners
 * (ex-layout.yang) and on corpus modules.
 */
async function expectPrettierStable(files: Map<string, string>): Promise<void> {
  for (const [name, text] of files) {
    expect(await prettier.format(text, { parser: 'typescript' }), name).toBe(text);
  }
}

describe('layout of the generated code', () => {
  it('quotes string literals as prettier does', () => {
    expect(printString(JSON.stringify('plain'))).toBe('"plain"');
    expect(printString(JSON.stringify("it's"))).toBe('"it\'s"');
    expect(printString(JSON.stringify('say "hi"'))).toBe(`'say "hi"'`);
    expect(printString(JSON.stringify(`both ' and ""`))).toBe(`'both \\' and ""'`);
    expect(printString(JSON.stringify('back\\slash\nnew line'))).toBe('"back\\\\slash\\nnew line"');
  });

  it('prints lines at and past 80 columns, quotes and nested choices as prettier does', async () => {
    const files = await emitTypes(compile([`${FIXTURES}ex-layout.yang`], [FIXTURES]), { validators: true });
    const text = files.get('ex-layout-with-a-rather-long-module-name.ts')!;
    expect(text).toContain(`export type Quoted = "it's" | 'say "hi"' | 'both \\' and ""' | "back\\\\slash";`);
    // A union that fits on the line after `=` goes there; one that fits after the name stays.
    expect(text).toContain('export type FourShortValuesThatFitOnTheNextLine =\n  "alpha" | "beta" | "gamma" | "delta";');
    expect(text).toContain('export type JustFitsOnOneLineX = "aa" | "bb" | "ccc";');
    expect(text).toContain('  "many-values-in-a-leaf-list-of-a-union"?: (\n    "first-value" | "second-value" | "third-value" | number | [null]\n  )[];');
    expect(text).toContain('"an-anydata-member-with-a-name-long-enough-to-break-the-object-type"?: {\n    [member: string]: unknown;\n  };');
    await expectPrettierStable(files);
    expect(typeCheck(writeFiles(files), [...files.keys()]).all).toEqual([]);
  });

  it('leaves corpus modules as prettier formats them, with and without validators', { timeout: 120_000 }, async () => {
    const modules = ['ietf/ietf-interfaces@2018-02-20.yang', 'ietf/ietf-ip@2018-02-22.yang', 'ietf/ietf-routing@2018-03-13.yang', 'examples/example-jukebox.yang'];
    const schema = compile(modules);
    await expectPrettierStable(await emitTypes(schema));
    await expectPrettierStable(await emitTypes(compile([`${FIXTURES}ex-shop.yang`, `${FIXTURES}ex-shop-ext.yang`], [FIXTURES]), { validators: true }));
  });
});
