/**
 * The API explorer's resources over HTTP (the page itself is driven in a
 * browser by explorer-browser.test.ts): only when enabled, read-only, behind
 * authentication, and the emitters loaded only when it is on.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
