/**
 * The API explorer's resources over HTTP (the page itself is driven in a
 * browser by explorer-browser.test.ts): only when enabled, read-only, behind
 * authentication, and the emitters loaded only when it is on.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileYang } from '../../src/compile/index.js';
import type { UserStore } from '../../src/restconf/index.js';
import { ROOT } from '../cli/run.js';
import { type TestServer, startServer } from './client.js';
import { jukeboxSchema } from './fixtures.js';

let s: TestServer | undefined;
afterEach(() => s?.close());

describe('API explorer', () => {
  it('is off unless asked for', async () => {
    s = await startServer(jukeboxSchema());
    for (const path of ['/restconf/docs', '/restconf/openapi.json', '/restconf/docs/tree']) expect((await s.get(path)).status).toBe(404);
  });

  it('serves the page, its assets, the OpenAPI document and the tree under the root', async () => {
    s = await startServer(jukeboxSchema(), { explorer: true, root: '/api' });
    const page = await s.get('/api/docs', { Accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<script src="/api/docs/swagger-ui-bundle.js"></script>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect((await s.get('/api/docs/init.js')).text).toContain('"/api/openapi.json"');
    const css = await s.get('/api/docs/swagger-ui.css', { Accept: 'text/css' });
    expect([css.status, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    const doc = (await s.get('/api/openapi.json')).json();
    expect(doc.servers).toEqual([{ url: '/api' }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/data/example-jukebox:jukebox', '/operations/example-jukebox:play']));
    expect((await s.get('/api/docs/tree')).text).toMatch(/^module: example-jukebox\n/);
    expect((await s.get('/api/docs/index.html')).status).toBe(404);
    expect((await s.get('/api/docs/%2e%2e%2fpackage.json')).status).toBe(404);
  });

  it('merges the documents of several modules, keeping apart components they name alike', async () => {
    const module = (name: string, keyType: string) => `module ${name} {
      namespace "urn:${name}"; prefix ${name};
      grouping g { container c { leaf v { type ${keyType}; } } }
      list item { key id; leaf id { type ${keyType}; } uses g; }
    }`;
    const dir = mkdtempSync(join(tmpdir(), 'yangkit-explorer-'));
    const files = [module('ma', 'string'), module('mb', 'uint8')].map((text, i) => {
      const file = join(dir, `m${'ab'[i]}.yang`);
      writeFileSync(file, text);
      return file;
    });
    s = await startServer(compileYang({ files }).schema, { explorer: true });
    const doc = (await s.get('/restconf/openapi.json')).json();
    const resolve = (ref: string) => ref.split('/').slice(1).reduce((o, k) => o?.[k], doc);
    const keyType = (path: string) => resolve(doc.paths[path].parameters[0].$ref).schema.type;
    expect([keyType('/data/ma:item={item-id}'), keyType('/data/mb:item={item-id}')]).toEqual(['string', 'integer']);
    // Both modules name the container's schema after grouping g: the second one is renamed.
    const body = (module: string) => doc.paths[`/data/${module}:item={item-id}/c`].get.responses['200'].content['application/yang-data+json'].schema;
    const value = (module: string) => resolve(body(module).properties[`${module}:c`].$ref).properties.v.type;
    expect(body('mb').properties['mb:c'].$ref).toBe('#/components/schemas/mb.g.c');
    expect([value('ma'), value('mb')]).toEqual(['string', 'integer']);
  });

  it('is read-only', async () => {
    s = await startServer(jukeboxSchema(), { explorer: true });
    const res = await s.send('POST', '/restconf/openapi.json', { body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('needs the same authentication as the rest of the API', async () => {
    const users: UserStore = { authenticate: async (name, password) => name === 'admin' && password === 'pw' };
    s = await startServer(jukeboxSchema(), { explorer: true, users });
    expect((await s.get('/restconf/docs')).status).toBe(401);
    expect((await s.get('/restconf/docs', { Authorization: `Basic ${Buffer.from('admin:pw').toString('base64')}` })).status).toBe(200);
  });

  it('loads no emitter until an explorer resource is asked for: the runtime imports them only dynamically', () => {
    // Follows the static imports (import/export ... from) of the runtime's entry point.
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gm)) visit(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
    };
    visit(join(ROOT, 'src/restconf/index.ts'));
    expect(seen).toContain(join(ROOT, 'src/restconf/explorer.ts'));
    expect([...seen].filter((f) => f.includes('/src/emit/'))).toEqual([]);
  });
});
