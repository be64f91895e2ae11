import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestconfServer, UsersFile, createRestconfServer, hashPassword, verifyPassword } from '../../src/restconf/index.js';
import { makeTestPki } from './certificates.js';
import { send, startServer, type TestServer } from './client.js';
import { jukeboxSchema } from './fixtures.js';

let dir: string;
const pem = (name: string) => readFileSync(join(dir, name));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yangkit-tls-'));
  makeTestPki(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTTPS with mutual TLS', () => {
  let srv: RestconfServer;
  let base: string;

  beforeAll(async () => {
    srv = createRestconfServer({ schema: jukeboxSchema(), tls: { cert: pem('server.crt'), key: pem('server.key'), ca: pem('ca.crt') } });
    base = `https://127.0.0.1:${(await srv.listen(0, '127.0.0.1')).port}`;
  });

  afterAll(() => srv.close());

  it('accepts a client certificate signed by the configured CA, and sends HSTS', async () => {
    const res = await send(base, 'GET', '/restconf/yang-library-version', { tls: { ca: pem('ca.crt'), cert: pem('client.crt'), key: pem('client.key') } });
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
  });

  it('refuses a client without a certificate', async () => {
    await expect(send(base, 'GET', '/restconf', { tls: { ca: pem('ca.crt') } })).rejects.toThrow();
  });

  it('refuses a certificate from another CA', async () => {
    await expect(send(base, 'GET', '/restconf', { tls: { ca: pem('ca.crt'), cert: pem('stranger.crt'), key: pem('stranger.key') } })).rejects.toThrow();
  });
});

describe('plain HTTP', () => {
  it('is refused unless asked for explicitly', () => {
    expect(() => createRestconfServer({ schema: jukeboxSchema() })).toThrow(/http: true/);
  });
});

describe('HTTP Basic authentication', () => {
  let s: TestServer;
  const basic = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

  beforeAll(async () => {
    const users = join(dir, 'users.json');
    writeFileSync(users, JSON.stringify({ users: [{ name: 'admin', password: await hashPassword('s3cret') }] }));
    s = await startServer(jukeboxSchema(), { users: await UsersFile.load(users) });
  });

  afterAll(() => s.close());

  it('answers 401 with WWW-Authenticate without or with wrong credentials', async () => {
    for (const headers of [undefined, basic('admin', 'wrong'), basic('nobody', 's3cret')]) {
      const res = await s.get('/restconf/data', headers);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic realm="restconf"/);
      expect(res.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('access-denied');
    }
  });

  it('answers 200 with the right credentials; host-meta needs none', async () => {
    expect((await s.get('/restconf/data', basic('admin', 's3cret'))).status).toBe(200);
    expect((await s.get('/.well-known/host-meta')).status).toBe(200);
  });

  it('hashes passwords with a fresh salt each time', async () => {
    const [a, b] = [await hashPassword('pw'), await hashPassword('pw')];
    expect(a).toMatch(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('pw', a)).toBe(true);
    expect(await verifyPassword('pw2', a)).toBe(false);
  });

  it('rejects a malformed users file with a clear message', async () => {
    const bad = join(dir, 'bad-users.json');
    writeFileSync(bad, JSON.stringify({ users: [{ name: 'x' }] }));
    await expect(UsersFile.load(bad)).rejects.toThrow(/expected \{ "users"/);
  });
});
