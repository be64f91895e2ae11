import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV2 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitSwagger, type SwaggerOptions } from '../../../src/emit/swagger/index.js';
import type { SchemaSet } from '../../../src/ir/types.js';
import { AUGMENTING_YANG, FEATURES_YANG } from './features.js';
import { compile, compileTexts, DHCP, expectGolden, expectValid, JUKEBOX, options } from './helpers.js';

const ARTIST = '/data/example-jukebox:jukebox/library/artist={artist-name}';
const ALBUM = `${ARTIST}/album={album-name}`;

let jukebox: SchemaSet;
let dhcp: SchemaSet;
let features: SchemaSet;

beforeAll(() => {
  jukebox = compile([JUKEBOX]);
  dhcp = compile([DHCP]);
  features = compileTexts({ features: FEATURES_YANG });
});

const emit = (schema: SchemaSet, module: string, overrides: Partial<SwaggerOptions> = {}) => emitSwagger(schema, module, options(overrides));

/** A definition, looked up through a `$ref` if given one. */
function definition(doc: OpenAPIV2.Document, nameOrRef: OpenAPIV2.SchemaObject | string): OpenAPIV2.SchemaObject {
  const name = typeof nameOrRef === 'string' ? nameOrRef : nameOrRef.$ref!.replace('#/definitions/', '');
  const d = doc.definitions![name];
  expect(d, name).toBeDefined();
  return d!;
}

/** The parameters of a path, looked up through their `$ref`s: each is declared once in `parameters`. */
function pathParameters(doc: OpenAPIV2.Document, path: string): OpenAPIV2.GeneralParameterObject[] {
  return (doc.paths[path]!.parameters ?? []).map((p) => {
    expect(p).toHaveProperty('$ref');
    const param = doc.parameters![(p as OpenAPIV2.ReferenceObject).$ref.replace('#/parameters/', '')];
    expect(param).toBeDefined();
    return param as OpenAPIV2.GeneralParameterObject;
  });
}

function bodySchema(op: OpenAPIV2.OperationObject | undefined): OpenAPIV2.SchemaObject {
  const body = op?.parameters?.find((p) => 'in' in p && p.in === 'body');
  expect(body).toBeDefined();
  return (body as OpenAPIV2.InBodyParameterObject).schema as OpenAPIV2.SchemaObject;
}

function responseSchema(op: OpenAPIV2.OperationObject | undefined, status: string): OpenAPIV2.SchemaObject {
  return (op!.responses[status] as OpenAPIV2.ResponseObject).schema as OpenAPIV2.SchemaObject;
}

describe('golden documents', () => {
  it('example-jukebox', async () => {
    const doc = emit(jukebox, 'example-jukebox');
    await expectValid(doc);
    expectGolden(doc, 'example-jukebox.swagger.json');
  });

  it('dhcp', async () => {
    const doc = emit(dhcp, 'dhcp');
    await expectValid(doc);
    expectGolden(doc, 'dhcp.swagger.json');
  });

  it('a module using every built-in type, choice, action and anydata validates', async () => {
    await expectValid(emit(features, 'features'));
  });
});

describe('RESTCONF resources', () => {
  it('addresses list entries by their keys, named after list and key', () => {
    const doc = emit(jukebox, 'example-jukebox');
    const artist = doc.paths[ARTIST]!;
    expect(Object.keys(artist).filter((k) => k !== 'parameters')).toEqual(['get', 'post', 'put', 'patch', 'delete']);
    expect(artist.parameters).toEqual([{ $ref: '#/parameters/artist-name' }]);
    expect(doc.parameters!['artist-name']).toEqual({
      name: 'artist-name',
      in: 'path',
      required: true,
      description: 'The name of the artist.',
      type: 'string',
      minLength: 1,
    });
    expect(doc.paths[ALBUM]!.parameters).toEqual([{ $ref: '#/parameters/artist-name' }, { $ref: '#/parameters/album-name' }]);
    expect(doc.paths).not.toHaveProperty(['/data/example-jukebox:jukebox/library/artist']);
  });

  it('qualifies top-level names and leaves choice and case out of paths', () => {
    const doc = emit(features, 'features');
    expect(doc.paths).toHaveProperty(['/data/features:top/port']);
    expect(doc.paths).toHaveProperty(['/data/features:top/local']);
  });

  it('includes nodes other modules augment into the module, qualified where the namespace changes', async () => {
    const doc = emit(compileTexts({ features: FEATURES_YANG, 'features-ext': AUGMENTING_YANG }), 'features');
    const tuning = '/data/features:top/entry={entry-k1},{entry-k2}/features-ext:tuning';
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([tuning, `${tuning}/level`]));
    expect(bodySchema(doc.paths[tuning]!.put).required).toEqual(['features-ext:tuning']);
    const entry = definition(doc, 'features.top.entry');
    expect(entry.properties!['features-ext:tuning']).toEqual({ $ref: '#/definitions/features.top.entry.features-ext.tuning' });
    await expectValid(doc);
  });

  it('joins several keys with commas and numbers repeated parameter names', () => {
    const doc = emit(features, 'features');
    const inner = '/data/features:top/entry={entry-k1},{entry-k2}/entry={entry-k1-1}';
    expect(pathParameters(doc, inner).map((p) => p.name)).toEqual(['entry-k1', 'entry-k2', 'entry-k1-1']);
    const k2 = pathParameters(doc, '/data/features:top/entry={entry-k1},{entry-k2}')[1];
    expect(k2).toMatchObject({ name: 'entry-k2', type: 'integer', minimum: 0, maximum: 255 });
  });

  it('gives config false nodes GET only', () => {
    const doc = emit(jukebox, 'example-jukebox');
    expect(Object.keys(doc.paths['/data/example-jukebox:jukebox/library/artist-count']!)).toEqual(['get']);
    const status = emit(dhcp, 'dhcp').paths['/data/dhcp:dhcp/status/leases={leases-address}']!;
    expect(Object.keys(status)).toEqual(['parameters', 'get']);
  });

  it('has no POST on leaves, and POST on containers and list entries creates one child', () => {
    const doc = emit(jukebox, 'example-jukebox');
    expect(doc.paths[`${ARTIST}/name`]).not.toHaveProperty('post');
    const schema = bodySchema(doc.paths[ARTIST]!.post);
    expect(schema).toMatchObject({ type: 'object', minProperties: 1, maxProperties: 1 });
    // Not the entry's own key `name`: it names the entry the child is created in.
    expect(Object.keys(schema.properties!)).toEqual(['example-jukebox:album']);
    expect(schema.properties!['example-jukebox:album']).toEqual({
      type: 'array',
      items: { $ref: '#/definitions/example-jukebox.jukebox.library.artist.album' },
      minItems: 1,
      maxItems: 1,
    });
  });

  it('wraps resource bodies in a module-qualified member; a list entry is a one-element array', () => {
    const doc = emit(jukebox, 'example-jukebox');
    const album = doc.paths[ALBUM]!;
    const expected = {
      type: 'object',
      properties: {
        'example-jukebox:album': { type: 'array', items: { $ref: '#/definitions/example-jukebox.jukebox.library.artist.album' }, minItems: 1, maxItems: 1 },
      },
      required: ['example-jukebox:album'],
    };
    expect(bodySchema(album.put)).toEqual(expected);
    expect(bodySchema(album.patch)).toEqual(expected);
    expect(responseSchema(album.get, '200')).toEqual(expected);
  });

  it('exposes the rpc play under /operations with its input and a 204 answer', () => {
    const doc = emit(jukebox, 'example-jukebox');
    const play = doc.paths['/operations/example-jukebox:play']!;
    expect(Object.keys(play)).toEqual(['post']);
    const body = bodySchema(play.post);
    expect(body.required).toEqual(['example-jukebox:input']);
    const input = definition(doc, body.properties!['example-jukebox:input']!);
    expect(Object.keys(input.properties!)).toEqual(['playlist', 'song-number']);
    expect(input.required).toEqual(['playlist', 'song-number']);
    expect(play.post!.responses).toHaveProperty('204');
    const list = responseSchema(doc.paths['/operations']!.get, '200');
    expect(list.properties!['ietf-restconf:operations']!.properties).toHaveProperty(['example-jukebox:play']);
  });

  it('puts actions under their list entry, with input and output', () => {
    const doc = emit(features, 'features');
    const reset = doc.paths['/data/features:top/entry={entry-k1},{entry-k2}/reset']!;
    expect(Object.keys(reset)).toEqual(['parameters', 'post']);
    expect(bodySchema(reset.post).required).toEqual(['features:input']);
    const ok = responseSchema(reset.post, '200');
    expect(definition(doc, ok.properties!['features:output']!).properties).toEqual({ done: { type: 'boolean', example: true } });
  });

  it('offers insert and point only where an ordered-by user entry is created or replaced', () => {
    const doc = emit(dhcp, 'dhcp');
    const refs = (op: OpenAPIV2.OperationObject | undefined) => op!.parameters!.flatMap((p) => ('$ref' in p ? [p.$ref] : []));
    const router = doc.paths['/data/dhcp:dhcp/subnet={subnet-net}/dhcp-options/router={router}']!;
    expect(refs(router.put)).toEqual(expect.arrayContaining(['#/parameters/insert', '#/parameters/point']));
    expect(refs(doc.paths['/data/dhcp:dhcp/subnet={subnet-net}/dhcp-options']!.post)).toContain('#/parameters/insert');
    expect(refs(doc.paths['/data/dhcp:dhcp/subnet={subnet-net}']!.put)).not.toContain('#/parameters/insert');
    expect(refs(doc.paths['/data/dhcp:dhcp']!.get)).toEqual([
      '#/parameters/content',
      '#/parameters/depth',
      '#/parameters/fields',
      '#/parameters/with-defaults',
      '#/parameters/If-None-Match',
      '#/parameters/If-Modified-Since',
    ]);
  });

  it('marks operations on deprecated nodes deprecated', () => {
    const doc = emit(features, 'features');
    expect(doc.paths['/data/features:top/legacy']!.put!.deprecated).toBe(true);
    expect(doc.paths['/data/features:top/status']!.get).not.toHaveProperty('deprecated');
  });

  it('answers errors with the ietf-restconf:errors body', () => {
    const doc = emit(jukebox, 'example-jukebox');
    expect(Object.keys(doc.paths[ARTIST]!.delete!.responses)).toEqual(['204', '400', '401', '403', '404', '405', '409', '412', '500']);
    expect(doc.responses!['409']).toEqual({ description: 'Conflict', schema: { $ref: '#/definitions/ietf-restconf.errors' } });
    expect(definition(doc, 'ietf-restconf.errors').required).toEqual(['ietf-restconf:errors']);
  });
});

describe('RFC 7951 value schemas', () => {
  let top: Record<string, OpenAPIV2.SchemaObject>;
  beforeAll(() => {
    top = definition(emit(features, 'features'), 'features.top').properties!;
  });

  it('encodes 64-bit integers and decimal64 as strings', () => {
    expect(top.i64).toEqual({ type: 'string', pattern: '^[-+]?[0-9]+$', example: '0' });
    expect(top.u64).toEqual({ type: 'string', pattern: '^[+]?[0-9]+$', example: '0' });
    expect(top.d64).toEqual({ type: 'string', pattern: '^[-+]?[0-9]+(\\.[0-9]{1,2})?$', default: '1.5', example: '1.5' });
    expect(new RegExp(top.d64!.pattern!).test('1.505')).toBe(false);
  });

  it('encodes empty as [null]', () => {
    expect(top.flag).toEqual({ type: 'array', items: { enum: [null] }, minItems: 1, maxItems: 1, example: [null] });
  });

  it('lists enumeration names and identities in both RFC 7951 spellings, with typed defaults', () => {
    expect(top.color).toEqual({ type: 'string', enum: ['red', 'green'], default: 'green', example: 'green' });
    // The leaf and the identities are in one module: the unprefixed names are valid too.
    expect(top.pet).toEqual({ type: 'string', enum: ['features:cat', 'cat', 'features:dog', 'dog'], default: 'features:dog', example: 'features:dog' });
  });

  it('bounds integers by range hull and built-in limits; leafrefs take the target type', () => {
    // Swagger 2.0 keeps the hull of "-5..5 | 10..20" (OpenAPI 3.1 lists the intervals too).
    expect(top.i32).toEqual({ type: 'integer', format: 'int32', minimum: -5, maximum: 20, example: 0 });
    expect(top.ref).toEqual(top.i32);
    expect(top.port).toMatchObject({ minimum: 0, maximum: 65535 });
  });

  it('keeps length and patterns; Swagger 2 drops inverted patterns', () => {
    expect(top.word).toEqual({ type: 'string', minLength: 1, maxLength: 8, allOf: [{ pattern: '^(?:[a-z]+)$' }], example: 'a' });
  });

  it('gives a union of different JSON types the widest one, the member types in the description', () => {
    expect(top.limit).toEqual({ type: 'string', 'x-yang-type': 'union', description: 'Union of: int32, enumeration', default: 'none', example: 'none' });
    // The example is a member's value the widest type takes too: `unlimited`, not 0.
    expect(top.cap).toEqual({ type: 'string', 'x-yang-type': 'union', description: 'Union of: uint8, enumeration', example: 'unlimited' });
  });

  it('checks bits names, binary as base64, anydata as an object', () => {
    const bits = new RegExp(top.opts!.pattern!, 'u');
    expect(['', 'fast', 'safe.mode fast'].every((v) => bits.test(v))).toBe(true);
    expect(['slow', 'fastsafe.mode'].some((v) => bits.test(v))).toBe(false);
    expect(top.blob).toEqual({ type: 'string', format: 'byte', example: '' });
    expect(top.extra).toEqual({ type: 'object' });
  });

  it('names typedef schemas and refers to them, keeping the use-site description beside', () => {
    const doc = emit(features, 'features');
    expect(top.pct).toEqual({ allOf: [{ $ref: '#/definitions/typedef.features.percent' }], example: 0 });
    expect(definition(doc, 'typedef.features.percent')).toEqual({ type: 'integer', format: 'int32', minimum: 0, maximum: 100, description: 'A percentage.' });
    const range = definition(emit(dhcp, 'dhcp'), 'subnet-list.subnet.range');
    expect(range.properties!.low).toEqual({
      allOf: [{ $ref: '#/definitions/typedef.ietf-inet-types.ip-address' }],
      description: 'The first address of the range.',
      example: '0.0.0.0',
    });
  });

  it('requires keys and unconditional mandatory leaves, not mandatory leaves of a case', () => {
    expect(definition(emit(features, 'features'), 'features.top').required).toEqual(['word']);
    expect(definition(emit(jukebox, 'example-jukebox'), 'example-jukebox.jukebox.library.artist').required).toEqual(['name']);
    expect(definition(emit(dhcp, 'dhcp'), 'subnet-list.subnet.range').required).toEqual(['low', 'high']);
  });

  it('marks config false members of config data read-only', () => {
    expect(top.status).toEqual({ type: 'string', example: 'x', readOnly: true });
    const dhcpTop = definition(emit(dhcp, 'dhcp'), 'dhcp.dhcp');
    expect(dhcpTop.properties!.status).toEqual({ allOf: [{ $ref: '#/definitions/dhcp.dhcp.status' }], readOnly: true });
  });

  it('carries defaults and units of dhcp', () => {
    const dhcpTop = definition(emit(dhcp, 'dhcp'), 'dhcp.dhcp');
    expect(dhcpTop.properties!['max-lease-time']).toMatchObject({ type: 'integer', default: 7200, description: expect.stringContaining('Units: seconds') });
    expect(dhcpTop.properties!['default-lease-time']).toMatchObject({ default: 600 });
  });

  it('shares one schema, named after the grouping, between copies of a grouping', () => {
    const doc = emit(dhcp, 'dhcp');
    expect(definition(doc, 'dhcp.dhcp').properties!.subnet!.items).toEqual({ $ref: '#/definitions/subnet-list.subnet' });
    const shared = definition(doc, 'dhcp.dhcp.shared-networks.shared-network');
    expect(shared.properties!.subnet!.items).toEqual({ $ref: '#/definitions/subnet-list.subnet' });
    // Every resource under the two lists has its body declared once, after the first.
    expect(Object.keys(doc.definitions!).filter((name) => name.includes('subnet'))).toEqual([
      'subnet-list.subnet',
      'subnet-list.subnet.range',
      'subnet-list.subnet.dhcp-options',
      'body.subnet-list.subnet',
      'body.subnet-list.subnet.net',
      'body.subnet-list.subnet.range',
      'body.subnet-list.subnet.range.dynamic-bootp',
      'body.subnet-list.subnet.range.low',
      'body.subnet-list.subnet.range.high',
      'body.subnet-list.subnet.dhcp-options',
      'body.subnet-list.subnet.dhcp-options.router',
      'body.subnet-list.subnet.dhcp-options.domain-name',
      'body.subnet-list.subnet.max-lease-time',
      'create.subnet-list.subnet',
      'create.subnet-list.subnet.range',
      'create.subnet-list.subnet.dhcp-options',
    ]);
  });
});

describe('options', () => {
  it('tag mode picks resource tags, method tags or both', () => {
    const tagsOf = (tagMode: SwaggerOptions['tagMode']) => {
      const doc = emit(jukebox, 'example-jukebox', { tagMode });
      return { top: doc.tags!.map((t) => t.name), op: doc.paths[ARTIST]!.put!.tags };
    };
    expect(tagsOf('resources')).toEqual({ top: ['root', 'operations', 'data'], op: ['data'] });
    expect(tagsOf('methods')).toEqual({ top: ['get', 'post', 'put', 'patch', 'delete'], op: ['put'] });
    expect(tagsOf('all').op).toEqual(['data', 'put']);
  });

  it('top resource selects the root, operations or data tree', async () => {
    const paths = (topResource: SwaggerOptions['topResource']) => Object.keys(emit(jukebox, 'example-jukebox', { topResource }).paths);
    expect(paths('root')).toEqual(['/', '/yang-library-version']);
    expect(paths('operations')).toEqual(['/operations', '/operations/example-jukebox:play']);
    expect(paths('data').every((p) => p.startsWith('/data'))).toBe(true);
    expect(paths('all')).toHaveLength(paths('root').length + paths('operations').length + paths('data').length);
    await expectValid(emit(jukebox, 'example-jukebox', { topResource: 'operations' }));
  });

  it('methods keep only the listed methods, and paths left without any', async () => {
    const doc = emit(jukebox, 'example-jukebox', { methods: ['post'] });
    expect(Object.keys(doc.paths)).toEqual([
      '/operations/example-jukebox:play',
      '/data',
      '/data/example-jukebox:jukebox',
      '/data/example-jukebox:jukebox/library',
      ARTIST,
      ALBUM,
      `${ALBUM}/admin`,
      `${ALBUM}/song={song-name}`,
      '/data/example-jukebox:jukebox/playlist={playlist-name}',
      '/data/example-jukebox:jukebox/playlist={playlist-name}/song={song-index}',
      '/data/example-jukebox:jukebox/player',
    ]);
    await expectValid(doc);
  });

  it('path filter keeps paths starting with it, and only the definitions they use', async () => {
    const doc = emit(jukebox, 'example-jukebox', { pathFilter: `${ALBUM}/admin` });
    expect(Object.keys(doc.paths)).toEqual([`${ALBUM}/admin`, `${ALBUM}/admin/label`, `${ALBUM}/admin/catalogue-number`]);
    expect(Object.keys(doc.definitions!)).toEqual(['example-jukebox.jukebox.library.artist.album.admin', 'ietf-restconf.errors']);
    await expectValid(doc);
  });

  it('max depth stops resources below that level; bodies still hold the whole subtree', async () => {
    const doc = emit(jukebox, 'example-jukebox', { maxDepth: 2 });
    const dataPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/data/'));
    expect(dataPaths).toEqual([
      '/data/example-jukebox:jukebox',
      '/data/example-jukebox:jukebox/library',
      '/data/example-jukebox:jukebox/playlist={playlist-name}',
      '/data/example-jukebox:jukebox/player',
    ]);
    expect(doc.definitions).toHaveProperty(['example-jukebox.jukebox.library.artist.album.song']);
    await expectValid(doc);
  });

  it('omit flags drop query, header, body and path parameters and error statuses', () => {
    const plain = emit(jukebox, 'example-jukebox', { omitQueryParams: true, omitHeaderParams: true, omitBodyParams: true, omitStandardStatuses: true });
    const put = plain.paths[ARTIST]!.put!;
    expect(put).not.toHaveProperty('parameters');
    expect(Object.keys(put.responses)).toEqual(['201', '204']);
    // Path parameters only.
    expect(Object.values(plain.parameters!).map((p) => p.in)).toEqual(Array(5).fill('path'));
    expect(plain.responses).toEqual({});
    expect(plain.definitions).not.toHaveProperty(['ietf-restconf.errors']);
    expect(emit(jukebox, 'example-jukebox', { omitPathParams: true }).paths[ARTIST]).not.toHaveProperty('parameters');
  });

  it('header fields come from the options, the version from the revision', () => {
    const doc = emit(dhcp, 'dhcp', {
      host: 'nso.example.com:8888',
      basePath: '/my_own_restconf_root',
      terms: 'https://example.com/terms',
      contactName: 'NetOps',
      contactEmail: 'netops@example.com',
      licenseName: 'Apache 2.0',
    });
    expect(doc.host).toBe('nso.example.com:8888');
    expect(doc.basePath).toBe('/my_own_restconf_root');
    expect(doc.info).toMatchObject({
      title: 'dhcp',
      version: '2024-01-01',
      termsOfService: 'https://example.com/terms',
      contact: { name: 'NetOps', email: 'netops@example.com' },
      license: { name: 'Apache 2.0' },
    });
    expect(emit(dhcp, 'dhcp', { version: '2.1' }).info.version).toBe('2.1');
  });

  it('rejects a module that was not compiled', () => {
    expect(() => emit(dhcp, 'nope')).toThrow(/module 'nope'/);
  });
});

describe('validation', () => {
  it('is not vacuous: omitting path parameters leaves templated paths swagger-parser rejects', async () => {
    const doc = emit(jukebox, 'example-jukebox', { omitPathParams: true });
    await expect(SwaggerParser.validate(structuredClone(doc))).rejects.toThrow(/artist-name/);
  });
});
