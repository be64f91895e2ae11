import { describe, expect, it } from 'vitest';
import {
  defaultSwaggerOptions,
  swaggerOptionDefinitions,
  swaggerOptionsFromFlags,
  SwaggerOptionError,
} from '../../../src/emit/swagger/index.js';

describe('swaggerOptionsFromFlags', () => {
  it('gives the defaults of yanger for no flags', () => {
    expect(swaggerOptionsFromFlags({})).toEqual(defaultSwaggerOptions);
    expect(defaultSwaggerOptions).toMatchObject({ basePath: '/restconf', tagMode: 'all', topResource: 'all' });
  });

  it('reads flag names and commander camelCase names, ignoring other flags', () => {
    const opts = swaggerOptionsFromFlags({
      'swagger-host': 'nso:8080',
      swaggerBasepath: '/rc',
      swaggerTagMode: 'methods',
      'swagger-top-resource': 'data',
      swaggerOmitQueryParams: true,
      'swagger-omit-path-params': 'true',
      swaggerMethods: ' GET, post ,',
      swaggerMaxDepth: '3',
      output: 'x.json',
    });
    expect(opts).toMatchObject({
      host: 'nso:8080',
      basePath: '/rc',
      tagMode: 'methods',
      topResource: 'data',
      omitQueryParams: true,
      omitPathParams: true,
      methods: ['get', 'post'],
      maxDepth: 3,
    });
    expect(opts).not.toHaveProperty('output');
  });

  it.each([
    [{ swaggerTagMode: 'tags' }, /--swagger-tag-mode expects one of methods, resources, all, got "tags"/],
    [{ swaggerTopResource: 'streams' }, /--swagger-top-resource expects one of root, data, operations, all/],
    [{ swaggerMethods: 'get, trace' }, /--swagger-methods: unsupported method 'trace'/],
    [{ swaggerMethods: ' , ' }, /--swagger-methods needs at least one method/],
    [{ swaggerOmitBodyParams: 'yes' }, /--swagger-omit-body-params expects true or false/],
    [{ swaggerMaxDepth: '0' }, /--swagger-max-depth expects a positive integer/],
    [{ swaggerMaxDepth: '2.5' }, /--swagger-max-depth expects a positive integer/],
    [{ swaggerHost: 42 }, /--swagger-host expects a string/],
    [{ swaggerLicenseUrl: 'https://x' }, /--swagger-license-url needs --swagger-license-name/],
  ])('rejects %j', (flags, message) => {
    expect(() => swaggerOptionsFromFlags(flags)).toThrow(SwaggerOptionError);
    expect(() => swaggerOptionsFromFlags(flags)).toThrow(message);
  });

  it('accepts yanger\'s head and options methods and its -1 depth, without documenting them', () => {
    expect(swaggerOptionsFromFlags({ swaggerMethods: 'post, get, head, options' }).methods).toEqual(['get', 'post']);
    expect(swaggerOptionsFromFlags({ swaggerMaxDepth: '-1' }).maxDepth).toBeUndefined();
  });

  it('accepts the yanger flags that have no effect here, still checking their values', () => {
    expect(swaggerOptionsFromFlags({ swaggerInt64AsString: 'true', swaggerUnhide: 'foo,bar', swaggerUnhideAll: true })).toEqual(defaultSwaggerOptions);
    expect(() => swaggerOptionsFromFlags({ swaggerInt64AsString: 'maybe' })).toThrow(/--swagger-int64-as-string expects true or false/);
  });

  it('defines every option once, with the flag a CLI declares', () => {
    const flags = swaggerOptionDefinitions.map((d) => d.flag);
    expect(new Set(flags).size).toBe(flags.length);
    const keys = swaggerOptionDefinitions.flatMap((d) => (d.key ? [d.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
    expect(swaggerOptionDefinitions.every((d) => /^--swagger-[a-z0-9-]+$/.test(d.flag))).toBe(true);
    expect(swaggerOptionDefinitions.find((d) => d.key === 'tagMode')).toMatchObject({ choices: ['methods', 'resources', 'all'], default: 'all' });
  });
});
