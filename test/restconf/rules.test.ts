/**
 * The data rules of RFC 7950 section 8 on the server: every edit validates the
 * whole resulting configuration before commit (8.3.3), operations their input
 * and output (7.14.2, 7.14.3), notifications their content; a violation is
 * refused with its RFC 8040 error (error-tag and error-app-tag per RFC 7950
 * section 15) and nothing is applied.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileYang } from '../../src/compile/index.js';
import type { SchemaSet } from '../../src/ir/types.js';
import { RestconfError, validateConfigDocument } from '../../src/restconf/index.js';
import { CORPUS } from '../corpus/paths.js';
import { type Response, type TestServer, startServer } from './client.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/restconf/', import.meta.url));

function compile(files: string[]): SchemaSet {
  const { schema, diagnostics } = compileYang({ files, searchPaths: [CORPUS] });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return schema;
}

const DATA = '/restconf/data';
const XML = 'application/yang-data+xml';

interface ErrorEntry {
  'error-type': string;
  'error-tag': string;
  'error-app-tag'?: string;
  'error-path'?: string;
  'error-message'?: string;
}

function errorsOf(res: Response): ErrorEntry[] {
  return res.json()['ietf-restconf:errors'].error;
}

/** Runs `edit`, expects it refused with `status` and exactly `expected` (each entry matched partially), and the datastore untouched. */
async function expectRefused(s: TestServer, edit: () => Promise<Response>, expected: Partial<ErrorEntry>[], status = 400): Promise<ErrorEntry[]> {
  const before = await s.get(DATA);
  const res = await edit();
  expect(res.status).toBe(status);
  const errors = errorsOf(res);
  expect(errors).toEqual(expected.map((e) => expect.objectContaining({ 'error-type': 'application', ...e })));
  const after = await s.get(DATA);
  expect(after.headers.etag).toBe(before.headers.etag);
  expect(after.json()).toEqual(before.json());
  return errors;
}

describe('server-rules: each rule of RFC 7950 section 8 on commit', () => {
  const SYSTEM = `${DATA}/server-rules:system`;
  const BASE = { 'server-rules:system': { server: [{ name: 'a', ip: '10.0.0.1', port: 80 }] } };
  const rebootCalls: unknown[] = [];
  let eta = 60;
  let s: TestServer;

  beforeAll(async () => {
    s = await startServer(compile([`${FIXTURES}server-rules.yang`]), {
      handlers: {
        rpc: {
          'server-rules:reboot': (input) => {
            rebootCalls.push(input);
            return { eta };
          },
        },
      },
    });
  });

  afterAll(() => s.close());

  beforeEach(async () => {
    rebootCalls.length = 0;
    eta = 60;
    expect((await s.send('PUT', DATA, { body: { 'ietf-restconf:data': BASE } })).status).toBe(204);
  });

  const patch = (system: object) => s.send('PATCH', SYSTEM, { body: { 'server-rules:system': system } });

  it('refuses a must violation with the must\'s error-message and error-app-tag (RFC 7950 7.5.4.1, 7.5.4.2)', async () => {
    // mtu is not set: the must reads its default, 1500 (RFC 7950 7.6.1).
    await expectRefused(s, () => patch({ 'min-mtu': 1501 }), [
      { 'error-tag': 'operation-failed', 'error-app-tag': 'mtu-order', 'error-path': '/server-rules:system/min-mtu', 'error-message': 'min-mtu must not exceed mtu' },
    ]);
    expect((await patch({ 'min-mtu': 1500 })).status).toBe(204);
  });

  it('refuses a must violation without error-message as must-violation (RFC 7950 15.4)', async () => {
    const [error] = await expectRefused(s, () => patch({ 'max-users': 0 }), [
      { 'error-tag': 'operation-failed', 'error-app-tag': 'must-violation', 'error-path': '/server-rules:system/max-users' },
    ]);
    expect(error!['error-message']).toEqual(expect.any(String));
    expect((await patch({ 'max-users': 1 })).status).toBe(204);
  });

  it('reports every violation of one edit, each as its own error entry (RFC 8040 7.1)', async () => {
    await expectRefused(s, () => patch({ 'min-mtu': 2000, 'max-users': 0 }), [
      { 'error-app-tag': 'mtu-order', 'error-path': '/server-rules:system/min-mtu' },
      { 'error-app-tag': 'must-violation', 'error-path': '/server-rules:system/max-users' },
    ]);
  });

  it('prefixes every node of error-path in the XML encoding (RFC 8040 7.1, RFC 7950 9.13.2)', async () => {
    const res = await s.send('PATCH', SYSTEM, { body: { 'server-rules:system': { 'min-mtu': 2000 } }, headers: { Accept: XML } });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<error-path xmlns:server-rules="urn:example:server-rules">\/server-rules:system\/server-rules:min-mtu<\/error-path>/);
    expect(res.text).toContain('<error-app-tag>mtu-order</error-app-tag>');
  });

  it('refuses a dangling leafref, and deleting the instance a leafref names (RFC 7950 9.9.1, 15.5)', async () => {
    await expectRefused(s, () => patch({ 'default-server': 'b' }), [
      { 'error-tag': 'data-missing', 'error-app-tag': 'instance-required', 'error-path': '/server-rules:system/default-server' },
    ]);
    expect((await patch({ 'default-server': 'a' })).status).toBe(204);
    await expectRefused(s, () => s.send('DELETE', `${SYSTEM}/server=a`), [
      { 'error-tag': 'data-missing', 'error-app-tag': 'instance-required', 'error-path': '/server-rules:system/default-server' },
    ]);
  });

  it('refuses an instance-identifier naming no instance (RFC 7950 9.13.1 require-instance)', async () => {
    await expectRefused(s, () => patch({ watched: "/server-rules:system/server[name='b']/ip" }), [
      { 'error-tag': 'data-missing', 'error-app-tag': 'instance-required', 'error-path': '/server-rules:system/watched' },
    ]);
    expect((await patch({ watched: "/server-rules:system/server[name='a']/ip" })).status).toBe(204);
  });

  it('removes a node whose when turned false on commit (RFC 7950 7.21.5, 8.3.2)', async () => {
    expect((await patch({ mode: 'advanced', advanced: { level: 3 } })).status).toBe(204);
    expect((await s.get(`${SYSTEM}/advanced/level`)).json()).toEqual({ 'server-rules:level': 3 });
    expect((await patch({ mode: 'basic' })).status).toBe(204);
    expect((await s.get(`${SYSTEM}/advanced`)).status).toBe(404);
    expect((await s.get(`${SYSTEM}?content=config`)).json()['server-rules:system']).toEqual({ ...BASE['server-rules:system'], mode: 'basic' });
  });

  it('drops a container left empty once a node whose when turned false is removed (no data, RFC 7950 7.5.1)', async () => {
    expect((await patch({ mode: 'advanced', tuning: { boost: 2 } })).status).toBe(204);
    expect((await patch({ mode: 'basic' })).status).toBe(204);
    expect((await s.get(`${SYSTEM}/tuning`)).status).toBe(404);
    expect((await s.get(`${SYSTEM}?content=config`)).json()['server-rules:system']).toEqual({ ...BASE['server-rules:system'], mode: 'basic' });
  });

  it('refuses an edit creating a node whose when is false, as unknown-element (RFC 7950 8.3.2)', async () => {
    await expectRefused(s, () => patch({ advanced: { level: 3 } }), [{ 'error-tag': 'unknown-element', 'error-path': '/server-rules:system/advanced' }]);
  });

  it('refuses a second entry with the same unique tuple (RFC 7950 7.8.3, 15.1)', async () => {
    const [error] = await expectRefused(s, () => s.send('POST', SYSTEM, { body: { 'server-rules:server': [{ name: 'b', ip: '10.0.0.1', port: 80 }] } }), [
      { 'error-tag': 'operation-failed', 'error-app-tag': 'data-not-unique' },
    ]);
    expect(error!['error-path']).toMatch(/^\/server-rules:system\/server\[name='[ab]'\]$/);
    expect((await s.send('POST', SYSTEM, { body: { 'server-rules:server': [{ name: 'b', ip: '10.0.0.1', port: 81 }] } })).status).toBe(201);
  });

  it('refuses more entries than max-elements (RFC 7950 7.7.6, 15.2)', async () => {
    const twoMore = { server: [{ name: 'b' }, { name: 'c' }] };
    const [error] = await expectRefused(s, () => patch(twoMore), [{ 'error-tag': 'operation-failed', 'error-app-tag': 'too-many-elements' }]);
    expect(error!['error-path']).toMatch(/^\/server-rules:system\/server/);
  });

  it('refuses a mandatory choice with no case (RFC 7950 7.9.4, 15.6)', async () => {
    await expectRefused(s, () => patch({ transport: {} }), [
      { 'error-tag': 'data-missing', 'error-app-tag': 'missing-choice', 'error-path': '/server-rules:system/transport' },
    ]);
    expect((await patch({ transport: { udp: [null] } })).status).toBe(204);
  });

  it('refuses a violation brought by a YANG Patch, reported in its status (RFC 8072 2.3)', async () => {
    const body = {
      'ietf-yang-patch:yang-patch': {
        'patch-id': 'p1',
        edit: [
          { 'edit-id': 'e1', operation: 'merge', target: '/max-users', value: { 'server-rules:max-users': 5 } },
          { 'edit-id': 'e2', operation: 'merge', target: '/min-mtu', value: { 'server-rules:min-mtu': 9000 } },
        ],
      },
    };
    const before = await s.get(DATA);
    const res = await s.send('PATCH', SYSTEM, { body, headers: { 'Content-Type': 'application/yang-patch+json' } });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-yang-patch:yang-patch-status'].errors.error).toEqual([
      expect.objectContaining({ 'error-tag': 'operation-failed', 'error-app-tag': 'mtu-order', 'error-path': '/server-rules:system/min-mtu' }),
    ]);
    expect((await s.get(DATA)).headers.etag).toBe(before.headers.etag);
  });

  it('validates rpc input before the handler runs, with the datastore visible (RFC 7950 7.14.2, 6.4.1)', async () => {
    const reboot = (input: object) => s.send('POST', '/restconf/operations/server-rules:reboot', { body: { 'server-rules:input': input } });
    const tooLate = await reboot({ delay: 7200 });
    expect(tooLate.status).toBe(400);
    expect(errorsOf(tooLate)).toEqual([
      expect.objectContaining({
        'error-tag': 'operation-failed',
        'error-app-tag': 'must-violation',
        'error-path': '/server-rules:reboot/delay',
        'error-message': 'a reboot can be delayed by an hour at most',
      }),
    ]);
    const unknown = await reboot({ server: 'b' });
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown)).toEqual([expect.objectContaining({ 'error-tag': 'data-missing', 'error-app-tag': 'instance-required' })]);
    expect(rebootCalls).toEqual([]);
    const ok = await reboot({ delay: 60, server: 'a' });
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual({ 'server-rules:output': { eta: 60 } });
    expect(rebootCalls).toEqual([{ delay: 60, server: 'a' }]);
  });

  it('refuses to send rpc output that breaks a rule: the server\'s fault, 500 (RFC 7950 7.14.3)', async () => {
    eta = 9000;
    const res = await s.send('POST', '/restconf/operations/server-rules:reboot', { body: { 'server-rules:input': { delay: 1 } } });
    expect(res.status).toBe(500);
    expect(errorsOf(res)).toEqual([expect.objectContaining({ 'error-tag': 'operation-failed', 'error-app-tag': 'must-violation' })]);
  });

  it('refuses to send a notification whose leafref names nothing', () => {
    expect(() => s.notify({ 'server-rules:overheated': { server: 'b' } })).toThrow(RestconfError);
    expect(() => s.notify({ 'server-rules:overheated': { server: 'a' } })).not.toThrow();
  });
});

describe('validateConfigDocument (serve --init, --data at start)', () => {
  const schema = compile([`${FIXTURES}server-rules.yang`]);

  it('drops nodes whose when is false and keeps the rest', () => {
    const doc = { 'server-rules:system': { mode: 'basic', advanced: { level: 1 }, 'max-users': 3 } };
    expect(validateConfigDocument(schema, doc)).toEqual({ 'server-rules:system': { mode: 'basic', 'max-users': 3 } });
  });

  it('throws every violation at once', () => {
    const doc = { 'server-rules:system': { 'min-mtu': 2000, 'max-users': 0, 'default-server': 'x' } };
    let error: unknown;
    try {
      validateConfigDocument(schema, doc);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RestconfError);
    expect((error as RestconfError).errors.map((e) => e.appTag).sort()).toEqual(['instance-required', 'mtu-order', 'must-violation']);
  });
});

describe('compiled example-jukebox: a playlist song naming a song that does not exist', () => {
  const JUKEBOX = `${DATA}/example-jukebox:jukebox`;
  const SONG = "/example-jukebox:jukebox/library/artist[name='Foo Fighters']/album[name='Wasting Light']/song[name='Rope']";
  let s: TestServer;

  beforeAll(async () => {
    s = await startServer(compile([`${CORPUS}/examples/example-jukebox.yang`]));
    expect((await s.send('POST', DATA, { body: { 'example-jukebox:jukebox': { library: {} } } })).status).toBe(201);
  });

  afterAll(() => s.close());

  it('is refused with 400 instance-required and nothing stored (RFC 7950 9.13.1), then accepted once the song exists', async () => {
    const playlist = { 'example-jukebox:playlist': [{ name: 'Mix', song: [{ index: 1, id: SONG }] }] };
    await expectRefused(s, () => s.send('POST', JUKEBOX, { body: playlist }), [
      { 'error-tag': 'data-missing', 'error-app-tag': 'instance-required', 'error-path': "/example-jukebox:jukebox/playlist[name='Mix']/song[index='1']/id" },
    ]);
    expect((await s.get(`${JUKEBOX}/playlist=Mix`)).status).toBe(404);
    const song = { 'example-jukebox:artist': [{ name: 'Foo Fighters', album: [{ name: 'Wasting Light', song: [{ name: 'Rope', location: 'file:///rope.mp3' }] }] }] };
    expect((await s.send('POST', `${JUKEBOX}/library`, { body: song })).status).toBe(201);
    expect((await s.send('POST', JUKEBOX, { body: playlist })).status).toBe(201);
  });
});
