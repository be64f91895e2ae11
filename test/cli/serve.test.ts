/**
 * `yangkit serve` and `yangkit passwd` run as a user runs them: the built CLI
 * in a child process, spoken to over real HTTPS with certificates made here.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { CORPUS } from '../corpus/paths.js';
import { makeTestPki } from '../restconf/certificates.js';
import { type RequestInit, send } from '../restconf/client.js';
import { ROOT } from './run.js';

const CLI = join(ROOT, 'dist/cli/main.js');
const JUKEBOX = join(CORPUS, 'examples/example-jukebox.yang');
const OUTBOUND = join(ROOT, 'samples/junos-outbound-https.yang');
const WAIT_MS = 15_000;

let dir: string;
const file = (name: string) => join(dir, name);
const pem = (name: string) => readFileSync(file(name));
const serverCert = () => ['--cert', file('server.crt'), '--key', file('server.key')];
/** Trusts the test CA; `client` adds that client's certificate. */
const tlsAs = (client?: string): RequestInit['tls'] => ({ ca: pem('ca.crt'), ...(client ? { cert: pem(`${client}.crt`), key: pem(`${client}.key`) } : {}) });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yangkit-serve-'));
  makeTestPki(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Serving {
  child: ChildProcess;
  /** `https://127.0.0.1:<port>` from the start line. */
  origin: string;
  startLine: string;
}

/** Every child still running; tests stop their own, this catches the ones a failure left behind. */
const running = new Set<ChildProcess>();

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `yangkit serve ... --port 0` and resolves with the start line, or rejects with its stderr if it exits first. */
function serve(...args: string[]): Promise<Serving> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line within ${WAIT_MS} ms; stderr: ${stderr}`)), WAIT_MS);
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c;
      const m = /^yangkit: serving .* at (https?:\/\/[^/\s]+)\S* \(.*\)$/m.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      resolve({ child, origin: m[1]!, startLine: m[0] });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${stderr}`));
    });
  });
}

/** Stops a server the way a user does (SIGTERM) and resolves with its exit status. */
function stop({ child }: Serving): Promise<number | null> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** Starts a server that is stopped when the current test ends, passed or failed. */
async function serveForTest(...args: string[]): Promise<Serving> {
  const s = await serve(...args);
  onTestFinished(() => stop(s).then(() => undefined));
  return s;
}

/** Runs a command that is expected to exit by itself. */
function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: WAIT_MS, ...(input !== undefined ? { input } : {}) });
}

const OUTBOUND_TOP = '/restconf/data/junos-outbound-https:outbound-https';
const CLIENT_PATH = `${OUTBOUND_TOP}/client=nms1`;
const NMS1 = {
  'client-id': 'nms1',
  'device-id': 'router-1',
  secret: 's3cret',
  server: [{ address: '192.0.2.10', port: 443, 'trusted-cert': 'MIIBszCCAVmgAwIBAgIU' }],
};

describe('yangkit serve with mutual TLS (example-jukebox)', () => {
  let s: Serving;
  const library = '/restconf/data/example-jukebox:jukebox/library';

  beforeAll(async () => {
    s = await serve('-p', CORPUS, JUKEBOX, ...serverCert(), '--ca', file('ca.crt'));
  });

  afterAll(() => stop(s));

  it('prints where it listens, what it serves and how', () => {
    expect(s.startLine).toMatch(/^yangkit: serving example-jukebox at https:\/\/127\.0\.0\.1:\d+\/restconf \(mutual TLS\)$/);
  });

  it('refuses the handshake without a client certificate', async () => {
    await expect(send(s.origin, 'GET', '/restconf', { tls: tlsAs() })).rejects.toThrow();
  });

  it('refuses the handshake with a certificate from another CA', async () => {
    await expect(send(s.origin, 'GET', '/restconf', { tls: { ...tlsAs(), cert: pem('stranger.crt'), key: pem('stranger.key') } })).rejects.toThrow();
  });

  it('creates, reads, replaces and deletes data', async () => {
    const tls = tlsAs('client');
    expect((await send(s.origin, 'POST', '/restconf/data', { tls, body: { 'example-jukebox:jukebox': {} } })).status).toBe(201);
    const artist = { 'example-jukebox:artist': [{ name: 'Foo Fighters' }] };
    expect((await send(s.origin, 'POST', library, { tls, body: artist })).status).toBe(201);
    const album = `${library}/artist=Foo%20Fighters/album=Wasting%20Light`;
    const body = { 'example-jukebox:album': [{ name: 'Wasting Light', year: 2011 }] };
    expect((await send(s.origin, 'PUT', album, { tls, body })).status).toBe(201);
    expect((await send(s.origin, 'PUT', album, { tls, body: { 'example-jukebox:album': [{ name: 'Wasting Light', year: 2012 }] } })).status).toBe(204);
    expect((await send(s.origin, 'GET', `${album}/year`, { tls })).json()).toEqual({ 'example-jukebox:year': 2012 });
    expect((await send(s.origin, 'DELETE', album, { tls })).status).toBe(204);
    expect((await send(s.origin, 'GET', album, { tls })).status).toBe(404);
  });
});

describe('yangkit serve on the Junos outbound-https sample', () => {
  it('reports defaults with with-defaults, rejects an out-of-range waittime, and keeps --data across a restart', async () => {
    const tls = tlsAs();
    const data = file('outbound.json');
    const first = await serveForTest('-p', CORPUS, OUTBOUND, ...serverCert(), '--data', data);
    expect(first.startLine).toMatch(/ \(TLS\)$/);
    expect((await send(first.origin, 'PUT', CLIENT_PATH, { tls, body: { 'junos-outbound-https:client': [NMS1] } })).status).toBe(201);

    const explicit = (await send(first.origin, 'GET', CLIENT_PATH, { tls })).json()['junos-outbound-https:client'][0];
    expect(explicit).not.toHaveProperty('waittime');
    const all = (await send(first.origin, 'GET', `${CLIENT_PATH}?with-defaults=report-all`, { tls })).json()['junos-outbound-https:client'][0];
    expect(all).toMatchObject({ 'reconnect-strategy': 'in-order', waittime: 30 });

    const tooLong = await send(first.origin, 'PUT', `${CLIENT_PATH}/waittime`, { tls, body: { 'junos-outbound-https:waittime': 4294967296 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json()['ietf-restconf:errors'].error[0]).toMatchObject({
      'error-tag': 'invalid-value',
      'error-path': "/junos-outbound-https:outbound-https/client[client-id='nms1']/waittime",
    });
    expect((await send(first.origin, 'PUT', `${CLIENT_PATH}/waittime`, { tls, body: { 'junos-outbound-https:waittime': 60 } })).status).toBe(201);

    expect(await stop(first)).toBe(0);
    // The data file exists now, so --init is ignored.
    writeFileSync(file('ignored-init.json'), JSON.stringify({ 'junos-outbound-https:outbound-https': { client: [] } }));
    const second = await serveForTest('-p', CORPUS, OUTBOUND, ...serverCert(), '--data', data, '--init', file('ignored-init.json'));
    const reloaded = await send(second.origin, 'GET', CLIENT_PATH, { tls });
    expect(reloaded.json()['junos-outbound-https:client'][0]).toEqual({ ...NMS1, waittime: 60 });
  });

  it('loads --init data at start', async () => {
    writeFileSync(file('init.json'), JSON.stringify({ 'junos-outbound-https:outbound-https': { client: [NMS1] } }));
    const s = await serveForTest('-p', CORPUS, OUTBOUND, '--http', '--init', file('init.json'));
    expect(s.startLine).toMatch(/at http:\/\/127\.0\.0\.1:\d+\/restconf \(plain HTTP\)$/);
    expect((await send(s.origin, 'GET', `${CLIENT_PATH}/device-id`)).json()).toEqual({ 'junos-outbound-https:device-id': 'router-1' });
  });

  it('accepts --init data saved from a GET of the datastore (the ietf-restconf:data wrapper)', async () => {
    writeFileSync(file('saved.json'), JSON.stringify({ 'ietf-restconf:data': { 'junos-outbound-https:outbound-https': { client: [NMS1] } } }));
    const s = await serveForTest('-p', CORPUS, OUTBOUND, '--http', '--init', file('saved.json'));
    expect((await send(s.origin, 'GET', `${CLIENT_PATH}/device-id`)).json()).toEqual({ 'junos-outbound-https:device-id': 'router-1' });
  });

  it('refuses to start on an invalid --init document, naming the file and the path', () => {
    const bad = file('bad-init.json');
    writeFileSync(bad, JSON.stringify({ 'junos-outbound-https:outbound-https': { client: [{ ...NMS1, waittime: 4294967296 }] } }));
    const r = run(['serve', '-p', CORPUS, OUTBOUND, '--http', '--port', '0', '--init', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^yangkit: error: ${bad}:/junos-outbound-https:outbound-https/client\\[client-id='nms1'\\]/waittime: .+\\n$`));
  });
});

describe('yangkit serve refuses to start', () => {
  it('on a --data file that does not match the modules', () => {
    const data = file('stale.json');
    const stale = { 'junos-outbound-https:outbound-https': { client: [{ ...NMS1, 'reconnect-strategy': 'random' }] } };
    writeFileSync(data, JSON.stringify({ format: 'yangkit-datastore/1', lastModified: new Date().toISOString(), data: stale }));
    const r = run(['serve', '-p', CORPUS, OUTBOUND, '--http', '--port', '0', '--data', data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^yangkit: error: ${data}:/junos-outbound-https:outbound-https/client\\[client-id='nms1'\\]/reconnect-strategy: .+\\n$`));
  });

  it('without a certificate or --http, and says how to make a key pair', () => {
    const r = run(['serve', '-p', CORPUS, JUKEBOX]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--cert FILE --key FILE');
    expect(r.stderr).toContain('openssl req -x509');
  });

  it('when the port is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = run(['serve', '-p', CORPUS, JUKEBOX, '--http', '--port', String(port)]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`yangkit: error: port ${port} on 127.0.0.1 is in use\n`);
    } finally {
      blocker.close();
    }
  });

  it('on a key that does not match the certificate', () => {
    const r = run(['serve', '-p', CORPUS, JUKEBOX, '--cert', file('server.crt'), '--key', file('client.key')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^yangkit: error: bad certificate or key \(--cert .*server\.crt, --key .*client\.key\): .*key values mismatch/);
  });

  it('on modules that do not compile, with their diagnostics', () => {
    writeFileSync(file('broken.yang'), 'module broken { namespace "urn:b"; prefix b; leaf a { type nothing; } }\n');
    const r = run(['serve', file('broken.yang'), '--http']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: type "nothing" is not defined [unknown-type]');
  });
});

describe('yangkit passwd and --users', () => {
  it('adds hashed users that serve then requires', async () => {
    const users = file('users.json');
    expect(run(['passwd', 'admin', '--users', users], 'first\n').status).toBe(0);
    const r = run(['passwd', 'admin', '--users', users], 's3cret\n');
    expect(r.stderr).toBe(`yangkit: updated user admin in ${users}\n`);
    const entries = JSON.parse(readFileSync(users, 'utf8')).users;
    expect(entries).toHaveLength(1);
    expect(entries[0].password).toMatch(/^scrypt\$/);

    const s = await serveForTest('-p', CORPUS, JUKEBOX, '--http', '--users', users);
    expect(s.startLine).toMatch(/\(plain HTTP, Basic authentication\)$/);
    const as = (password: string) => ({ Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` });
    expect((await send(s.origin, 'GET', '/restconf/data', { headers: as('first') })).status).toBe(401);
    expect((await send(s.origin, 'GET', '/restconf/data', { headers: as('s3cret') })).status).toBe(200);
  });

  it('prints the entry when no users file is given', () => {
    const r = run(['passwd', 'admin'], 'pw\n');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ name: 'admin', password: expect.stringMatching(/^scrypt\$[^$]+\$[^$]+$/) });
  });
});

describe('yangkit serve: API explorer and replay buffer', () => {
  it('serves the explorer by default, behind the same authentication', async () => {
    const users = file('explorer-users.json');
    expect(run(['passwd', 'admin', '--users', users], 'pw\n').status).toBe(0);
    const s = await serveForTest('-p', CORPUS, JUKEBOX, '--http', '--users', users);
    const headers = { Authorization: `Basic ${Buffer.from('admin:pw').toString('base64')}` };
    expect((await send(s.origin, 'GET', '/restconf/docs/tree')).status).toBe(401);
    const tree = await send(s.origin, 'GET', '/restconf/docs/tree', { headers });
    expect(tree.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(tree.text).toMatch(/^module: example-jukebox\n/);
    const doc = (await send(s.origin, 'GET', '/restconf/openapi.json', { headers })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/restconf' }]);
    expect(doc.paths).toHaveProperty(['/operations/example-jukebox:play']);
  });

  it('--no-explorer leaves it out; --replay-buffer 0 turns replay off', async () => {
    const s = await serveForTest('-p', CORPUS, JUKEBOX, '--http', '--no-explorer', '--replay-buffer', '0');
    expect((await send(s.origin, 'GET', '/restconf/docs')).status).toBe(404);
    const streams = await send(s.origin, 'GET', '/restconf/data/ietf-restconf-monitoring:restconf-state/streams');
    expect(streams.json()['ietf-restconf-monitoring:streams'].stream[0]['replay-support']).toBe(false);
  });

  it('refuses a --replay-buffer that is not a count', () => {
    const r = run(['serve', JUKEBOX, '--http', '--replay-buffer', 'many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--replay-buffer expects a non-negative integer, not "many"');
  });
});
