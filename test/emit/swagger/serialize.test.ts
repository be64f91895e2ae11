import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFormat, materialize, Members, serializeDocument, serializeJson, writeJson } from '../../../src/emit/swagger/index.js';
import { writeFileAtomicStream } from '../../../src/output/write-atomic.js';

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
    const op = {
      summary: 'Retrieve',
      responses: { '200': { $ref: '#/responses/ok' } },
    };
    const large = {
      swagger: '2.0',
      paths: Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`/data/m:n${i}`, { get: op }])),
    };
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

  describe('a document whose paths are built as they are written (Members)', () => {
    const op = {
      summary: 'Retrieve',
      responses: { '200': { $ref: '#/responses/ok' } },
    };
    /** A document of `count` paths; `built` counts the path items made so far. */
    function lazyDoc(count: number, built: { n: number }) {
      function* paths(): Generator<[string, object]> {
        for (let i = 0; i < count; i++) {
          built.n++;
          yield [`/data/m:n${i}`, { get: op, skipped: undefined }];
        }
      }
      function* members(): Generator<[string, unknown]> {
        yield ['swagger', '2.0'];
        yield ['paths', new Members(paths())];
        // Built after the paths: it may depend on them.
        yield ['definitions', { built: built.n }];
      }
      return new Members(members());
    }
    const plainDoc = (count: number) => materialize(lazyDoc(count, { n: 0 })) as object;

    it('is written as the plain document would be, small or large', () => {
      for (const count of [0, 3, 60_000]) {
        const chunks: string[] = [];
        writeJson(lazyDoc(count, { n: 0 }), (text) => chunks.push(text));
        expect(chunks.join('')).toBe(serializeJson(plainDoc(count)));
      }
      expect(serializeJson(plainDoc(0))).toContain('"paths": {}');
      expect(JSON.parse(serializeJson(plainDoc(3))).definitions).toEqual({
        built: 3,
      });
    });

    it('writes a large document before its last paths are built', () => {
      const built = { n: 0 };
      const builtAtFirstWrite: number[] = [];
      writeJson(lazyDoc(60_000, built), () => builtAtFirstWrite.push(built.n));
      expect(builtAtFirstWrite[0]).toBeLessThan(60_000);
    });

    it('is written to a file atomically, the same text', () => {
      const dir = mkdtempSync(join(tmpdir(), 'yangkit-serialize-'));
      const file = join(dir, 'api.json');
      writeFileAtomicStream(file, (write) => writeJson(lazyDoc(60_000, { n: 0 }), write));
      expect(readFileSync(file, 'utf8')).toBe(serializeJson(plainDoc(60_000)));
      expect(readdirSync(dir)).toEqual(['api.json']);
      expect(() =>
        writeFileAtomicStream(file, () => {
          throw new Error('failed');
        }),
      ).toThrow('failed');
      expect(readFileSync(file, 'utf8')).toBe(serializeJson(plainDoc(60_000)));
      expect(readdirSync(dir)).toEqual(['api.json']);
    });

    it('is written as YAML from its plain form', () => {
      expect(parse(serializeDocument(lazyDoc(3, { n: 0 }), 'api.yaml'))).toEqual(JSON.parse(serializeJson(plainDoc(3))));
    });
  });
});
