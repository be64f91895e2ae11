/**
 * What the OpenAPI 3.1 schemas say about YANG constraints, checked by validating bodies
 * with a JSON Schema validator (ajv): choices, ranges, unions, examples, POST bodies.
 */
import type { OpenAPIV2, OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitOpenApi } from '../../../src/emit/openapi/index.js';
import { emitSwagger } from '../../../src/emit/swagger/index.js';
import { patternExample } from '../../../src/emit/swagger/pattern-example.js';
import type { SchemaSet } from '../../../src/ir/types.js';
import { compileTexts, expectValid, options } from '../swagger/helpers.js';
import { requestBodyValidator } from './ajv.js';

const SHAPES_YANG = `module shapes {
  yang-version 1.1;
  namespace "urn:example:shapes";
  prefix s;

  container box {
    choice transport {
      case tcp {
        leaf port { type uint16; mandatory true; }
        leaf nodelay { type boolean; }
      }
      case unix { leaf socket { type string; } }
      leaf pipe { type string; }
    }
    choice size {
      mandatory true;
      leaf small { type empty; }
      leaf large { type empty; }
    }
    leaf gap { type decimal64 { fraction-digits 1; range "0.0 .. 2.0"; } }
    leaf offset { type decimal64 { fraction-digits 3; range "-1.5 .. -0.25 | 7.125 .. 100"; } }
    leaf big { type int64 { range "-1000 .. -10 | 5 .. 9223372036854775807"; } }
    leaf huge { type uint64 { range "10 .. 18446744073709551615"; } }
    leaf level { type int32 { range "-5 .. 5 | 10 .. 20"; } }
    leaf code { type string { length "2 | 4 .. 6"; pattern "[A-Z][a-z0-9]*"; } }
    leaf mixed { type union { type uint8; type string { pattern "[a-z]+"; } } }
    leaf answer { type uint8; default "42"; }
    leaf precise { type decimal64 { fraction-digits 18; range "-9.123456789012345678 .. 9.123456789012345678"; } }
    list item {
      key "id";
      leaf id { type uint32; }
      leaf label { type string; }
    }
  }
}
`;

const BOX = '/data/shapes:box';

let shapes: SchemaSet;
let doc: OpenAPIV3_1.Document;

beforeAll(async () => {
  shapes = compileTexts({ shapes: SHAPES_YANG });
  doc = emitOpenApi(shapes, 'shapes', options());
  await expectValid(doc);
});

/** Validates `{ "shapes:box": box }` as the PUT body of the box container. */
function boxAccepted(box: Record<string, unknown>): boolean {
  return requestBodyValidator(doc, BOX, 'put')({ 'shapes:box': { small: [null], ...box } }) as boolean;
}

describe('OpenAPI 3.1: choices', () => {
  it('accepts one case, or none of an optional choice', () => {
    expect(boxAccepted({ port: 22 })).toBe(true);
    expect(boxAccepted({ port: 22, nodelay: true })).toBe(true);
    expect(boxAccepted({ pipe: 'p' })).toBe(true);
    expect(boxAccepted({})).toBe(true);
  });

  it('rejects members of two cases of one choice', () => {
    expect(boxAccepted({ port: 22, socket: '/run/s' })).toBe(false);
    expect(boxAccepted({ socket: '/run/s', pipe: 'p' })).toBe(false);
  });

  it('rejects a case without its mandatory member, and a mandatory choice left out', () => {
    expect(boxAccepted({ nodelay: true })).toBe(false);
    const validate = requestBodyValidator(doc, BOX, 'put');
    expect(validate({ 'shapes:box': {} })).toBe(false);
    expect(validate({ 'shapes:box': { small: [null], large: [null] } })).toBe(false);
  });

  it('leaves choices out of Swagger 2.0, which has no oneOf', () => {
    const swagger = emitSwagger(shapes, 'shapes', options()) as OpenAPIV2.Document;
    expect(JSON.stringify(swagger)).not.toContain('oneOf');
  });
});

describe('POST bodies', () => {
  it('do not offer a list entry its own key', () => {
    const post = doc.paths?.['/data/shapes:box/item={item-id}']?.post?.requestBody as OpenAPIV3_1.RequestBodyObject;
    const schema = post.content['application/yang-data+json']!.schema as OpenAPIV3_1.SchemaObject;
    expect(Object.keys(schema.properties!)).toEqual(['shapes:label']);
  });
});

describe('OpenAPI 3.1: ranges', () => {
  it('matches a decimal64 range exactly with a pattern', () => {
    for (const gap of ['0', '0.0', '1.5', '2', '2.0', '+0.7']) expect(boxAccepted({ gap }), gap).toBe(true);
    for (const gap of ['2.1', '-0.1', '3', '10', '1.55']) expect(boxAccepted({ gap }), gap).toBe(false);
  });

  it('matches multi-interval decimal64 and 64-bit integer ranges exactly', () => {
    for (const offset of ['-1.5', '-0.25', '-1', '7.125', '8', '100.000']) expect(boxAccepted({ offset }), offset).toBe(true);
    for (const offset of ['-1.501', '-0.2', '0', '7.124', '100.001']) expect(boxAccepted({ offset }), offset).toBe(false);
    for (const big of ['-1000', '-10', '5', '9223372036854775807']) expect(boxAccepted({ big }), big).toBe(true);
    for (const big of ['-1001', '-9', '0', '4', '9223372036854775808']) expect(boxAccepted({ big }), big).toBe(false);
    expect(boxAccepted({ huge: '18446744073709551615' })).toBe(true);
    expect(boxAccepted({ huge: '9' })).toBe(false);
  });

  it('states a range whose exact pattern would be too long in the description and x-yang-range', () => {
    const props = (doc.components!.schemas!['shapes.box'] as OpenAPIV3_1.SchemaObject).properties as Record<string, OpenAPIV3_1.SchemaObject>;
    expect(props.precise).toMatchObject({
      pattern: '^[-+]?[0-9]+(\\.[0-9]{1,18})?$',
      description: 'Range: -9.123456789012345678..9.123456789012345678',
      'x-yang-range': '-9.123456789012345678..9.123456789012345678',
    });
  });

  it('lists the intervals of a multi-interval range or length in anyOf', () => {
    for (const level of [-5, 5, 10, 20]) expect(boxAccepted({ level }), String(level)).toBe(true);
    for (const level of [-6, 6, 9, 21]) expect(boxAccepted({ level }), String(level)).toBe(false);
    for (const code of ['Ab', 'Abcd', 'Abcdef']) expect(boxAccepted({ code }), code).toBe(true);
    for (const code of ['Abc', 'A', 'Abcdefg']) expect(boxAccepted({ code }), code).toBe(false);
  });
});

describe('Swagger 2.0: unions', () => {
  it('take the widest member type, with x-yang-type and the member types in the description', () => {
    const swagger = emitSwagger(shapes, 'shapes', options()) as OpenAPIV2.Document;
    expect(swagger.definitions!['shapes.box']!.properties!.mixed).toMatchObject({
      type: 'string',
      'x-yang-type': 'union',
      description: 'Union of: uint8, string',
    });
  });
});

describe('examples', () => {
  it('give every leaf an example its own schema accepts: default, first enum, pattern, range', () => {
    const props = (doc.components!.schemas!['shapes.box'] as OpenAPIV3_1.SchemaObject).properties as Record<string, OpenAPIV3_1.SchemaObject>;
    expect(props.answer!.example).toBe(42);
    expect(props.gap!.example).toBe('0');
    expect(props.offset!.example).toBe('-1.5');
    expect(props.code!.example).toMatch(/^[A-Z][a-z0-9]*$/);
    const validate = requestBodyValidator(doc, BOX, 'put');
    const box = Object.fromEntries(Object.entries(props).filter(([, s]) => 'example' in s).map(([name, s]) => [name, s.example]));
    // One member per choice case: drop the other cases' members.
    const { socket: _socket, pipe: _pipe, large: _large, ...oneCaseEach } = box;
    expect(validate({ 'shapes:box': oneCaseEach }), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('pattern examples', () => {
  it('fit the length restriction of each use of one pattern list (the examples of a list are worked out once per length)', () => {
    const patterns = [{ regex: '[a-z]+', ecma: '^[a-z]+$', invertMatch: false }];
    expect(patternExample(patterns, [{ min: '2', max: '2' }])).toMatch(/^[a-z]{2}$/);
    expect(patternExample(patterns, [{ min: '5', max: '5' }])).toMatch(/^[a-z]{5}$/);
    expect(patternExample(patterns, undefined)).toMatch(/^[a-z]+$/);
    expect(patternExample(patterns, [{ min: '2', max: '2' }])).toMatch(/^[a-z]{2}$/);
  });
});
