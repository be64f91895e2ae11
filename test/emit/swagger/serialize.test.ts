import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { documentFormat, serializeDocument } from '../../../src/emit/swagger/index.js';

describe('serializeDocument', () => {
  const shared = { type: 'string' };
  const doc = { a: shared, b: shared, pattern: `^${'x'.repeat(200)}$` };

  it('picks the format from the extension', () => {
    expect(documentFormat('out/api.json')).toBe('json');
    expect(documentFormat('api.YAML')).toBe('yaml');
    expect(documentFormat('api.yml')).toBe('yaml');
    expect(() => documentFormat('api.txt')).toThrow(/\.json, \.yaml or \.yml/);
    expect(() => documentFormat('json')).toThrow(/cannot tell the format of 'json'/);
  });

  it('writes indented JSON ending with a newline', () => {
    expect(serializeDocument(doc, 'api.json')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('writes a large JSON document indented down to its operations, each on one line', () => {
    const op = { summary: 'Retrieve', responses: { '200': { $ref: '#/responses/ok' } } };
    const large = { swagger: '2.0', paths: Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`/data/m:n${i}`, { get: op }])) };
    const text = serializeDocument(large, 'api.json');
    expect(text.length).toBeGreaterThan(4 * 2 ** 20);
    expect(text.length).toBeLessThan(JSON.stringify(large, null, 2).length * 0.7);
    expect(text.split('\n').slice(0, 5)).toEqual([
      '{',
      '  "swagger": "2.0",',
      '  "paths": {',
      '    "/data/m:n0": {',
      '      "get": {"summary":"Retrieve","responses":{"200":{"$ref":"#/responses/ok"}}}',
    ]);
    expect(JSON.parse(text)).toEqual(large);
  });

  it('writes YAML without anchors or folded lines', () => {
    const text = serializeDocument(doc, 'api.yaml');
    expect(text).not.toMatch(/[&*]a/);
    expect(text.split('\n').find((l) => l.startsWith('pattern:'))).toContain('x'.repeat(200));
    expect(parse(text)).toEqual(doc);
  });
});
