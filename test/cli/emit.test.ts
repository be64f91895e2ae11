import SwaggerParser from '@apidevtools/swagger-parser';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CORPUS } from '../corpus/paths.js';
import { yangkit } from './run.js';

const JUKEBOX = join(CORPUS, 'examples/example-jukebox.yang');
const out = (): string => mkdtempSync(join(tmpdir(), 'yangkit-cli-'));

describe('yangkit swagger / openapi', () => {
  it('writes a valid Swagger 2.0 document with yanger options applied', async () => {
    const file = join(out(), 'jukebox.json');
    const r = yangkit('swagger', '-p', CORPUS, JUKEBOX, '-o', file, '--swagger-host', 'box.example.com', '--swagger-methods', 'get, put');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.host).toBe('box.example.com');
    const methods = new Set(Object.values(doc.paths as Record<string, object>).flatMap((p) => Object.keys(p)));
    expect([...methods].filter((m) => m !== 'parameters').sort()).toEqual(['get', 'put']);
    await SwaggerParser.validate(structuredClone(doc));
  });

  it('runs the comprehensive yanger command of the NSO documentation, with boolean flag values and head/options', async () => {
    // prettier-ignore
    const r = yangkit('swagger', '-p', CORPUS, JUKEBOX,
      '--swagger-host', '127.0.0.1:8080', '--swagger-basepath', '/restconf', '--swagger-version', 'My swagger version 1.0.0.1',
      '--swagger-tag-mode', 'all', '--swagger-terms', 'http://my-terms.example.com', '--swagger-contact-name', 'my contact name',
      '--swagger-contact-url', 'http://my-contact-url.example.com', '--swagger-contact-email', 'my-contact-email@example.com',
      '--swagger-license-name', 'my license name', '--swagger-license-url', 'http://my-license-url.example.com',
      '--swagger-top-resource', 'all', '--swagger-omit-query-params', 'false', '--swagger-omit-body-params', 'false',
      '--swagger-omit-form-params', 'false', '--swagger-omit-header-params', 'false', '--swagger-omit-path-params', 'false',
      '--swagger-omit-standard-statuses', 'false', '--swagger-methods', 'post, get, patch, put, delete, head, options',
      '--swagger-int64-as-string');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.info).toMatchObject({ version: 'My swagger version 1.0.0.1', license: { name: 'my license name' } });
    await SwaggerParser.validate(structuredClone(doc));
  });

  it('takes a bare boolean flag as true without swallowing the module after it', () => {
    const r = yangkit('swagger', '-p', CORPUS, '--swagger-omit-body-params', JUKEBOX);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('"in": "body"');
  });

  it('writes OpenAPI 3.1 as YAML when the output ends in .yaml', async () => {
    const file = join(out(), 'jukebox.yaml');
    const r = yangkit('openapi', '-p', CORPUS, JUKEBOX, '-o', file);
    expect(r.status).toBe(0);
    const doc = parseYaml(readFileSync(file, 'utf8'));
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toContain('/data/example-jukebox:jukebox/library/artist={artist-name}');
    await SwaggerParser.validate(structuredClone(doc));
  });

  it('refuses an unknown output format before doing anything', () => {
    const dir = out();
    const r = yangkit('swagger', '-p', CORPUS, JUKEBOX, '-o', join(dir, 'x.txt'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('use a .json, .yaml or .yml extension');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves an existing output untouched when the module does not compile', () => {
    const dir = out();
    const file = join(dir, 'api.json');
    writeFileSync(file, '{"keep": true}');
    writeFileSync(join(dir, 'bad.yang'), 'module bad { namespace "urn:bad"; prefix b; leaf x { type nope; } }');
    const r = yangkit('swagger', join(dir, 'bad.yang'), '-o', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[unknown-type]');
    expect(readFileSync(file, 'utf8')).toBe('{"keep": true}');
    expect(readdirSync(dir).sort()).toEqual(['api.json', 'bad.yang']);
  });
});

describe('yangkit types', () => {
  it('writes one file per module and an index', () => {
    const dir = join(out(), 'gen');
    const r = yangkit('types', '-p', CORPUS, join(CORPUS, 'ietf/ietf-interfaces@2018-02-20.yang'), join(CORPUS, 'ietf/ietf-ip@2018-02-22.yang'), '-o', dir);
    expect(r.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['ietf-inet-types.ts', 'ietf-interfaces.ts', 'ietf-ip.ts', 'ietf-yang-types.ts', 'index.ts']);
    expect(readFileSync(join(dir, 'ietf-interfaces.ts'), 'utf8')).toContain('"ietf-ip:ipv4"');
    expect(existsSync(join(dir, '_validate.ts'))).toBe(false);
  });
});
