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

  it('writes YAML without anchors or folded lines', () => {
    const text = serializeDocument(doc, 'api.yaml');
    expect(text).not.toMatch(/[&*]a/);
    expect(text.split('\n').find((l) => l.startsWith('pattern:'))).toContain('x'.repeat(200));
    expect(parse(text)).toEqual(doc);
  });
});
