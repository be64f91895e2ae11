/**
 * Issue 15: what several resources have in common is declared once and referenced —
 * the schemas of a grouping's uses that came out the same, path parameters, the query
 * and header parameters, bodies — and the OpenConfig network-instance documents (Swagger
 * 2.0 and OpenAPI 3.1) stay under 20 MB.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { join } from 'node:path';
import type { OpenAPIV2 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileYang } from '../../../src/compile/index.js';
import { emitOpenApi } from '../../../src/emit/openapi/index.js';
import { emitSwagger, serializeDocument } from '../../../src/emit/swagger/index.js';
import type { SchemaSet } from '../../../src/ir/types.js';
import { compileTexts, CORPUS, DHCP, compile, expectValid, options } from './helpers.js';

const SHARE_YANG = `module share {
  yang-version 1.1;
  namespace "urn:share";
  prefix s;

  grouping endpoint {
    container endpoint {
      description "Where to connect.";
      leaf address { type string; }
      leaf port { type uint16; }
    }
  }

  container a {
    description "First.";
    uses endpoint;
  }
  container b {
    description "Second.";
    uses endpoint;
  }
  container c {
    uses endpoint {
      refine endpoint/port { default 80; }
    }
  }
  container d {
    uses endpoint;
  }
  augment "/s:d/s:endpoint" {
    leaf tls { type boolean; }
  }
}`;

let share: OpenAPIV2.Document;
beforeAll(() => {
  share = emitSwagger(compileTexts({ share: SHARE_YANG }), 'share', options());
});

const refOf = (schema: OpenAPIV2.SchemaObject | undefined) => schema?.$ref?.replace('#/definitions/', '');

describe('schemas of grouping uses', () => {
  it('are one definition, named after the grouping, when the uses expand alike', async () => {
    const top = (name: string) => share.definitions![`share.${name}`]!;
    expect(refOf(top('a').properties!.endpoint)).toBe('endpoint.endpoint');
    expect(refOf(top('b').properties!.endpoint)).toBe('endpoint.endpoint');
    expect(share.definitions!['endpoint.endpoint']).toMatchObject({ description: 'Where to connect.', properties: { address: {}, port: {} } });
    await expectValid(share);
  });

  it('are not shared when a refine or an augment makes a use differ; the others are numbered in document order', () => {
    const top = (name: string) => share.definitions![`share.${name}`]!;
    expect(refOf(top('c').properties!.endpoint)).toBe('endpoint.endpoint-2');
    expect(share.definitions!['endpoint.endpoint-2']!.properties!.port).toMatchObject({ default: 80 });
    expect(refOf(top('d').properties!.endpoint)).toBe('endpoint.endpoint-3');
    expect(Object.keys(share.definitions!['endpoint.endpoint-3']!.properties!)).toEqual(['address', 'port', 'tls']);
    expect(share.definitions!['endpoint.endpoint']!.properties!.port).not.toHaveProperty('default');
  });

  it('share the bodies of their resources, and only the bodies that are alike', () => {
    const bodyOf = (path: string) => share.paths[path]!.get!.responses['200'] as OpenAPIV2.ReferenceObject;
    expect(bodyOf('/data/share:a/endpoint/address')).toEqual({ $ref: '#/responses/body.endpoint.endpoint.address' });
    expect(bodyOf('/data/share:b/endpoint/address')).toEqual({ $ref: '#/responses/body.endpoint.endpoint.address' });
    expect(bodyOf('/data/share:c/endpoint/address')).toEqual({ $ref: '#/responses/body.endpoint.endpoint.address' });
    // The refined port has a default: its body is its own, inline.
    expect(bodyOf('/data/share:a/endpoint/port')).toEqual({ $ref: '#/responses/body.endpoint.endpoint.port' });
    expect(share.paths['/data/share:c/endpoint/port']!.get!.responses['200']).toMatchObject({ schema: { properties: { 'share:port': { default: 80 } } } });
    const put = share.paths['/data/share:a/endpoint/address']!.put!;
    expect(put.parameters).toContainEqual({ $ref: '#/parameters/body.endpoint.endpoint.address' });
    expect(share.parameters!['body.endpoint.endpoint.address']).toEqual({
      name: 'address',
      in: 'body',
      required: true,
      schema: { $ref: '#/definitions/body.endpoint.endpoint.address' },
    });
  });

  it('come out the same from one run to the next', () => {
    const again = emitSwagger(compileTexts({ share: SHARE_YANG }), 'share', options());
    expect(JSON.stringify(again)).toBe(JSON.stringify(share));
  });
});

describe('parameters', () => {
  let dhcp: SchemaSet;
  beforeAll(() => {
    dhcp = compile([DHCP]);
  });

  it('are declared once and referenced everywhere, list keys included', () => {
    const doc = emitSwagger(dhcp, 'dhcp', options());
    const refs = Object.values(doc.paths).flatMap((item) => [
      ...(item.parameters ?? []),
      ...Object.values(item).flatMap((op) => (op && typeof op === 'object' && 'responses' in op ? (op.parameters ?? []) : [])),
    ]);
    expect(refs.length).toBeGreaterThan(100);
    // Bodies of one resource stay inline.
    for (const ref of refs.filter((p) => !('in' in p && p.in === 'body'))) expect(Object.keys(ref)).toEqual(['$ref']);
    const declared = doc.parameters!;
    // Each declaration is distinct, and a key is declared once however many paths it is in.
    expect(new Set(Object.values(declared).map((p) => JSON.stringify(p))).size).toBe(Object.keys(declared).length);
    expect(refs.filter((r) => (r as OpenAPIV2.ReferenceObject).$ref === '#/parameters/subnet-net').length).toBeGreaterThan(10);
    expect(Object.values(declared).filter((p) => p.name === 'subnet-net')).toHaveLength(1);
    expect(Object.keys(declared)).toEqual(expect.arrayContaining(['content', 'depth', 'fields', 'with-defaults', 'If-Match', 'subnet-net']));
  });

  it('are components in OpenAPI 3.1, referenced from paths and operations', async () => {
    const doc = emitOpenApi(dhcp, 'dhcp', options());
    const subnet = doc.paths!['/data/dhcp:dhcp/subnet={subnet-net}']!;
    expect(subnet.parameters).toEqual([{ $ref: '#/components/parameters/subnet-net' }]);
    expect(subnet.get!.parameters).toContainEqual({ $ref: '#/components/parameters/depth' });
    expect(doc.components!.parameters!['subnet-net']).toMatchObject({ name: 'subnet-net', in: 'path', required: true });
    expect(subnet.put!.requestBody).toEqual({ $ref: '#/components/requestBodies/body.subnet-list.subnet' });
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('are copies: changing a document leaves the next one as it was', () => {
    const first = emitSwagger(dhcp, 'dhcp', options());
    const expected = JSON.stringify(emitSwagger(dhcp, 'dhcp', options()));
    (first.parameters!.content as unknown as { enum: string[] }).enum.push('changed');
    (first.definitions!['ietf-restconf.errors']!.required as string[]).push('changed');
    expect(JSON.stringify(emitSwagger(dhcp, 'dhcp', options()))).toBe(expected);
  });
});

describe('documents of corpus modules that use many groupings', () => {
  it.each([
    ['openconfig-interfaces', 'openconfig/release/models/interfaces/openconfig-interfaces.yang'],
    ['ietf-routing', 'ietf/ietf-routing@2018-03-13.yang'],
  ])('%s: valid, with grouping-named definitions', { timeout: 120_000 }, async (module, file) => {
    const { schema, diagnostics } = compileYang({ files: [join(CORPUS, file)], searchPaths: ['openconfig', 'ietf', 'iana'].map((d) => join(CORPUS, d)) });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const swagger = emitSwagger(schema, module, options());
    await expectValid(swagger);
    await expect(SwaggerParser.validate(structuredClone(emitOpenApi(schema, module, options())) as never)).resolves.toBeDefined();
    expect(Object.keys(swagger.definitions!).some((name) => !name.startsWith(`${module}.`) && !/^(typedef|body|create|ietf-restconf)\./.test(name))).toBe(true);
  });
});

describe('the openconfig-network-instance document', () => {
  it('is under 20 MB as written, Swagger 2.0 and OpenAPI 3.1, with every path and operation', { timeout: 300_000 }, () => {
    const file = join(CORPUS, 'openconfig/release/models/network-instance/openconfig-network-instance.yang');
    const { schema } = compileYang({ files: [file], searchPaths: ['openconfig', 'ietf', 'iana'].map((d) => join(CORPUS, d)) });
    const doc = emitSwagger(schema, 'openconfig-network-instance', options());
    const operations = (paths: object) => Object.entries(paths).flatMap(([path, item]) => Object.keys(item).filter((k) => k !== 'parameters').map((m) => `${m} ${path}`));
    expect(Object.keys(doc.paths).length).toBeGreaterThan(6_000);
    expect(operations(doc.paths).length).toBeGreaterThan(13_000);
    expect(serializeDocument(doc, 'api.json').length).toBeLessThan(20_000_000);
    const openapi = emitOpenApi(schema, 'openconfig-network-instance', options());
    expect(operations(openapi.paths!)).toEqual(operations(doc.paths));
    expect(serializeDocument(openapi, 'api.json').length).toBeLessThan(20_000_000);
  });
});
