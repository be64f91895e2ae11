/**
 * The generated server for ietf-interfaces + ietf-ip + iana-if-type, handlers
 * left as generated: emitted with emitServerProject, built with tsc, started
 * over HTTPS with Basic authentication and a file datastore.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../../src/output/write-atomic.js';
import { compileYang } from '../../../src/compile/index.js';
import { emitServerProject } from '../../../src/emit/server/index.js';
import { hashPassword } from '../../../src/restconf/index.js';
import { CORPUS } from '../../corpus/paths.js';
import { type RequestInit, send } from '../../restconf/client.js';
import { TestPki } from './certs.js';
import { type RunningProject, buildProject, linkDependencies, startProject } from './project.js';

const IP_NS = 'urn:ietf:params:xml:ns:yang:ietf-ip';
const IF_NS = 'urn:ietf:params:xml:ns:yang:ietf-interfaces';
const XML = 'application/yang-data+xml';
const INTERFACES = '/restconf/data/ietf-interfaces:interfaces';
const ETH0 = `${INTERFACES}/interface=eth0`;
const ETHERNET = 'iana-if-type:ethernetCsmacd';

let work: string;
let project: string;
let pki: TestPki;
let server: RunningProject | undefined;

const AUTH = { Authorization: `Basic ${Buffer.from('admin:s3cret').toString('base64')}` };
const request = (method: string, path: string, init: RequestInit = {}) =>
  send(server!.base, method, path, { tls: pki.clientTls('ca'), ...init, headers: { ...AUTH, ...init.headers } });
const errorOf = (res: { json(): any }) => res.json()['ietf-restconf:errors'].error[0];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'yangkit-server-'));
  pki = new TestPki(work).ca('ca').cert('server', 'ca', 'IP:127.0.0.1');
  const files = ['ietf/ietf-interfaces@2018-02-20.yang', 'ietf/ietf-ip@2018-02-22.yang', 'iana/iana-if-type@2021-06-21.yang'].map((f) => join(CORPUS, f));
  const { schema, diagnostics } = compileYang({ files, searchPaths: [CORPUS] });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  project = join(work, 'interfaces-server');
  writeFilesAtomic(project, await emitServerProject(schema, { name: 'interfaces-server' }));
  linkDependencies(project);
  buildProject(project);
  writeFileSync(join(work, 'users.json'), JSON.stringify({ users: [{ name: 'admin', password: await hashPassword('s3cret') }] }));
  server = await startProject(project, [
    ...['--cert', pki.file('server.crt'), '--key', pki.file('server.key')],
    ...['--users', join(work, 'users.json'), '--data', join(work, 'running.json')],
  ]);
});

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('generated ietf-interfaces server', () => {
  it('asks for credentials from the users file', async () => {
    const res = await send(server!.base, 'GET', INTERFACES, { tls: pki.clientTls('ca') });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Basic/);
  });

  it('creates an interface with an augmented ipv4 address in JSON and reads it back in XML', async () => {
    const eth0 = { name: 'eth0', type: ETHERNET, 'ietf-ip:ipv4': { address: [{ ip: '192.0.2.1', 'prefix-length': 24 }] } };
    expect((await request('PUT', ETH0, { body: { 'ietf-interfaces:interface': [eth0] } })).status).toBe(201);
    const xml = await request('GET', `${ETH0}/ietf-ip:ipv4`, { headers: { Accept: XML } });
    expect(xml.status).toBe(200);
    expect(xml.text).toContain(`<ipv4 xmlns="${IP_NS}">`);
    expect(xml.text).toContain('<ip>192.0.2.1</ip>');
    expect(xml.text).toContain('<prefix-length>24</prefix-length>');
  });

  it('merges XML into an interface and persists the result in the data file', async () => {
    const body = `<interface xmlns="${IF_NS}"><name>eth0</name><description>uplink</description></interface>`;
    expect((await request('PATCH', ETH0, { body, headers: { 'Content-Type': XML } })).status).toBe(204);
    expect((await request('GET', `${ETH0}/description`)).json()).toEqual({ 'ietf-interfaces:description': 'uplink' });
    const stored = JSON.parse(readFileSync(join(work, 'running.json'), 'utf8'));
    expect(stored.data['ietf-interfaces:interfaces'].interface[0]).toMatchObject({ name: 'eth0', description: 'uplink' });
  });

  it('answers 409 to creating an existing interface, 404 once it is deleted', async () => {
    const body = `<interface xmlns="${IF_NS}"><name>eth1</name><type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type></interface>`;
    expect((await request('POST', INTERFACES, { body, headers: { 'Content-Type': XML } })).status).toBe(201);
    expect((await request('POST', INTERFACES, { body, headers: { 'Content-Type': XML } })).status).toBe(409);
    expect((await request('GET', `${INTERFACES}/interface=eth1/type`)).json()).toEqual({ 'ietf-interfaces:type': ETHERNET });
    expect((await request('DELETE', `${INTERFACES}/interface=eth1`)).status).toBe(204);
    expect((await request('GET', `${INTERFACES}/interface=eth1`)).status).toBe(404);
  });

  it('answers 400 with the error-path of a bad augmented value', async () => {
    const res = await request('PUT', `${ETH0}/ietf-ip:ipv4/address=192.0.2.1`, { body: { 'ietf-ip:address': [{ ip: '192.0.2.1', 'prefix-length': 99 }] } });
    expect(res.status).toBe(400);
    expect(errorOf(res)['error-path']).toBe("/ietf-interfaces:interfaces/interface[name='eth0']/ietf-ip:ipv4/address[ip='192.0.2.1']/prefix-length");
  });

  it('adds an address with a YANG Patch', async () => {
    const patch = {
      'ietf-yang-patch:yang-patch': {
        'patch-id': 'second-address',
        edit: [{ 'edit-id': 'e1', operation: 'create', target: '/address=198.51.100.1', value: { 'ietf-ip:address': [{ ip: '198.51.100.1', 'prefix-length': 24 }] } }],
      },
    };
    const res = await request('PATCH', `${ETH0}/ietf-ip:ipv4`, { body: patch, headers: { 'Content-Type': 'application/yang-patch+json' } });
    expect(res.json()).toEqual({ 'ietf-yang-patch:yang-patch-status': { 'patch-id': 'second-address', ok: [null] } });
  });

  it('limits retrievals with fields and depth', async () => {
    const names = (await request('GET', `${INTERFACES}?fields=interface(name;type)`)).json();
    expect(names).toEqual({ 'ietf-interfaces:interfaces': { interface: [{ name: 'eth0', type: ETHERNET }] } });
    const shallow = (await request('GET', `${ETH0}/ietf-ip:ipv4?depth=2&content=config`)).json();
    expect(shallow).toEqual({ 'ietf-ip:ipv4': { address: [{}, {}] } });
  });
});
