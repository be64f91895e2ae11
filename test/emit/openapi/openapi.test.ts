import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitOpenApi } from '../../../src/emit/openapi/index.js';
import { emitSwagger, type SwaggerOptions } from '../../../src/emit/swagger/index.js';
import type { SchemaSet } from '../../../src/ir/types.js';
import { FEATURES_YANG } from '../swagger/features.js';
import { compile, compileTexts, DHCP, expectGolden, expectValid, JUKEBOX, options } from '../swagger/helpers.js';

const JSON_TYPE = 'application/yang-data+json';
const ARTIST = '/data/example-jukebox:jukebox/library/artist={artist-name}';

let jukebox: SchemaSet;
let dhcp: SchemaSet;
let features: SchemaSet;

beforeAll(() => {
  jukebox = compile([JUKEBOX]);
  dhcp = compile([DHCP]);
  features = compileTexts({ features: FEATURES_YANG });
});

const emit = (schema: SchemaSet, module: string, overrides: Partial<SwaggerOptions> = {}) => emitOpenApi(schema, module, options(overrides));

function schemaOf(doc: OpenAPIV3_1.Document, name: string): OpenAPIV3_1.SchemaObject {
  const s = doc.components!.schemas![name];
  expect(s, name).toBeDefined();
  return s!;
}

describe('OpenAPI 3.1 documents', () => {
  it.each([
    ['example-jukebox', () => jukebox],
    ['dhcp', () => dhcp],
    ['features', () => features],
  ])('%s validates', async (module, schema) => {
    await expectValid(emit(schema(), module));
  });

  it.each([
    ['example-jukebox', () => jukebox],
    ['dhcp', () => dhcp],
  ])('%s is its golden document', (module, schema) => {
    expectGolden(emit(schema(), module), `${module}.openapi.json`);
  });

  it('validates under every top resource and with a method filter', async () => {
    for (const topResource of ['root', 'data', 'operations'] as const) await expectValid(emit(jukebox, 'example-jukebox', { topResource }));
    await expectValid(emit(jukebox, 'example-jukebox', { methods: ['get'] }));
  });

  it('has the same paths and operations as the Swagger 2.0 document', () => {
    const v3 = emit(dhcp, 'dhcp');
    const v2 = emitSwagger(dhcp, 'dhcp', options());
    const operations = (paths: object) => Object.entries(paths).map(([p, item]) => [p, Object.keys(item)]);
    expect(operations(v3.paths!)).toEqual(operations(v2.paths));
  });

  it('puts the base path in servers and names components like Swagger 2.0 definitions', () => {
    const doc = emit(dhcp, 'dhcp', { host: 'nso.example.com' });
    expect(doc.servers).toEqual([{ url: 'https://nso.example.com/restconf' }]);
    expect(emit(dhcp, 'dhcp').servers).toEqual([{ url: '/restconf' }]);
    expect(Object.keys(doc.components!.parameters!)).toContain('depth');
    expect(doc.components!.securitySchemes).toEqual({ basicAuth: { type: 'http', scheme: 'basic' } });
  });

  it('lists error responses by status range, each referring to a shared response that names its statuses', () => {
    const doc = emit(jukebox, 'example-jukebox');
    const artist = doc.paths![ARTIST]!;
    const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
    expect(Object.keys(artist.get!.responses!)).toEqual(['200', '4XX', '5XX']);
    expect(artist.get!.responses!['4XX']).toEqual(ref('4XX-read'));
    expect(artist.delete!.responses).toEqual({ '204': { description: 'Deleted' }, '4XX': ref('4XX-write'), '5XX': ref('5XX') });
    expect(doc.paths!['/operations/example-jukebox:play']!.post!.responses!['4XX']).toEqual(ref('4XX-read'));
    const responses = doc.components!.responses! as Record<string, OpenAPIV3_1.ResponseObject>;
    expect(Object.keys(responses).filter((name) => /^\dXX/.test(name))).toEqual(['4XX-read', '4XX-write', '5XX']);
    expect(responses['4XX-read']!.description).toMatch(/^Client error \(400 Bad Request, 401 Unauthorized, 403 Forbidden, 404 Not Found\)/);
    expect(responses['4XX-write']!.description).toContain('404 Not Found, 405 Method Not Allowed, 409 Conflict, 412 Precondition Failed)');
    expect(responses['5XX']!.description).toMatch(/^Server error \(500 Internal Server Error\)/);
    for (const name of ['4XX-read', '4XX-write', '5XX'])
      expect(responses[name]!.content![JSON_TYPE]!.schema).toEqual({ $ref: '#/components/schemas/ietf-restconf.errors' });
  });

  it('declares only the ranges its operations use, and none without standard statuses', () => {
    const ranges = (doc: OpenAPIV3_1.Document) => Object.keys(doc.components!.responses!).filter((name) => /^\dXX/.test(name));
    expect(ranges(emit(jukebox, 'example-jukebox', { methods: ['get'] }))).toEqual(['4XX-read', '5XX']);
    expect(ranges(emit(jukebox, 'example-jukebox', { methods: ['delete'] }))).toEqual(['4XX-write', '5XX']);
    const plain = emit(jukebox, 'example-jukebox', { omitStandardStatuses: true });
    expect(ranges(plain)).toEqual([]);
    expect(plain.paths![ARTIST]!.delete!.responses).toEqual({ '204': { description: 'Deleted' } });
    expect(plain.components!.schemas!['ietf-restconf.errors']).toBeUndefined();
  });

  it('uses requestBody with both RESTCONF media types; only JSON has a schema', () => {
    const put = emit(jukebox, 'example-jukebox').paths![ARTIST]!.put!;
    const body = put.requestBody as OpenAPIV3_1.RequestBodyObject;
    expect(body.required).toBe(true);
    expect(Object.keys(body.content)).toEqual([JSON_TYPE, 'application/yang-data+xml']);
    expect(body.content[JSON_TYPE]!.schema).toMatchObject({ required: ['example-jukebox:artist'] });
    expect(body.content['application/yang-data+xml']).toEqual({});
  });

  it('keeps list keys as path parameters with schemas', () => {
    const doc = emit(jukebox, 'example-jukebox');
    expect(doc.paths![ARTIST]!.parameters).toEqual([{ $ref: '#/components/parameters/artist-name' }]);
    expect(doc.components!.parameters!['artist-name']).toEqual({
      name: 'artist-name',
      in: 'path',
      required: true,
      description: 'The name of the artist.',
      schema: { type: 'string', minLength: 1 },
    });
  });
});

describe('JSON Schema 2020-12 constructs Swagger 2.0 lacks', () => {
  let top: Record<string, OpenAPIV3_1.SchemaObject>;
  beforeAll(() => {
    top = schemaOf(emit(features, 'features'), 'features.top').properties as Record<string, OpenAPIV3_1.SchemaObject>;
  });

  it('encodes empty as an array of one null', () => {
    expect(top.flag).toEqual({ type: 'array', items: { type: 'null' }, minItems: 1, maxItems: 1, example: [null] });
  });

  it('keeps every union member in anyOf, with a default of the matching member', () => {
    expect(top.limit).toEqual({
      anyOf: [
        { type: 'integer', format: 'int32', minimum: -2147483648, maximum: 2147483647 },
        { type: 'string', enum: ['none'] },
      ],
      'x-yang-type': 'union',
      description: 'Union of: int32, enumeration',
      default: 'none',
      example: 'none',
    });
  });

  it('keeps inverted patterns as not', () => {
    expect(top.word).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 8,
      allOf: [{ pattern: '^(?:[a-z]+)$' }, { not: { pattern: '^(?:x[^\\n\\r]*)$' } }],
      example: 'a',
    });
  });

  it('names typedefs used as union members, and puts use-site keywords beside $ref', () => {
    const doc = emit(dhcp, 'dhcp');
    expect(schemaOf(doc, 'typedef.ietf-inet-types.ip-address').anyOf).toEqual([
      { $ref: '#/components/schemas/typedef.ietf-inet-types.ipv4-address' },
      { $ref: '#/components/schemas/typedef.ietf-inet-types.ipv6-address' },
    ]);
    expect(schemaOf(doc, 'dhcp.dhcp').properties!.status).toEqual({ $ref: '#/components/schemas/dhcp.dhcp.status', readOnly: true });
  });
});
