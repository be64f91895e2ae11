/**
 * RFC 7951 section 6.8: `"genre": "jazz"` (the identity is in the leaf's module) is as
 * valid as `"genre": "example-jukebox:jazz"`, for every artefact yangkit generates.
 * (The RESTCONF server is checked with real requests in test/restconf/compiled.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { emitOpenApi } from '../../src/emit/openapi/index.js';
import { emitTypes } from '../../src/emit/types/index.js';
import type { SchemaSet } from '../../src/ir/types.js';
import { requestBodyValidator } from './openapi/ajv.js';
import { compile, JUKEBOX, options } from './swagger/helpers.js';
import { importGenerated, typeCheck, writeFiles } from './types/helpers.js';

const ALBUM_PATH = '/data/example-jukebox:jukebox/library/artist={artist-name}/album={album-name}';
const album = (genre: string) => ({ name: 'Kind of Blue', genre });
const jukebox = (genre: string) => ({ 'example-jukebox:jukebox': { library: { artist: [{ name: 'Miles Davis', album: [album(genre)] }] } } });

let schema: SchemaSet;

beforeAll(() => {
  schema = compile([JUKEBOX]);
});

describe('identityref values in both spellings', () => {
  it('the OpenAPI schema accepts both and refuses an identity not derived from the base', () => {
    const validate = requestBodyValidator(emitOpenApi(schema, 'example-jukebox', options()), ALBUM_PATH, 'put');
    for (const genre of ['jazz', 'example-jukebox:jazz']) expect(validate({ 'example-jukebox:album': [album(genre)] }), genre).toBe(true);
    expect(validate({ 'example-jukebox:album': [album('polka')] })).toBe(false);
  });

  it('the TypeScript types accept both', async () => {
    const files = await emitTypes(schema, {});
    const check = [
      "import type { ExampleJukeboxConfig } from './example-jukebox.js';",
      ...['jazz', 'example-jukebox:jazz'].map((g, i) => `export const ok${i}: ExampleJukeboxConfig = ${JSON.stringify(jukebox(g))};`),
      `export const bad: ExampleJukeboxConfig = ${JSON.stringify(jukebox('polka'))};`,
    ].join('\n');
    const dir = writeFiles(files, { 'check.ts': check });
    const result = typeCheck(dir, ['check.ts']).byDeclaration('check.ts');
    expect([...result.keys()]).toEqual(['bad']);
  });

  it('the generated validators accept both', async () => {
    const generated = await emitTypes(schema, { validators: true });
    const { validateExampleJukeboxConfig } = (await importGenerated(generated, 'example-jukebox.ts')) as Record<string, (v: unknown) => unknown[]>;
    expect(validateExampleJukeboxConfig!(jukebox('jazz'))).toEqual([]);
    expect(validateExampleJukeboxConfig!(jukebox('example-jukebox:jazz'))).toEqual([]);
    expect(validateExampleJukeboxConfig!(jukebox('polka'))).toHaveLength(1);
  });
});
