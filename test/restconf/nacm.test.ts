/**
 * NACM (RFC 8341) in the RESTCONF server: the example rules of RFC 8341
 * Appendix A adapted to example-jukebox, ietf-interfaces and a small module
 * using the nacm extensions; a matrix of (user, request) -> status and what a
 * GET then returns, plus rule edits over RESTCONF, notifications and users
 * named by client certificates.
 */
import { get, type IncomingMessage } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { compileYang } from '../../src/compile/index.js';
import type { SchemaSet } from '../../src/ir/types.js';
import { type JsonObject, MemoryDatastore, createRestconfServer } from '../../src/restconf/index.js';
import type { UserStore } from '../../src/restconf/auth.js';
import { CORPUS } from '../corpus/paths.js';
import { makeCa, makeCert } from './certificates.js';
import { type RequestInit, type Response, send } from './client.js';
import { JUKEBOX_DATA, jukeboxSchema } from './fixtures.js';

const EVENTS_YANG = `module example-events {
  yang-version 1.1;
  namespace "urn:example:events";
  prefix ev;
  import ietf-netconf-acm { prefix nacm; }
  container secrets { nacm:default-deny-all; leaf key { type string; } }
  container tuning { nacm:default-deny-write; leaf level { type uint8; } }
  rpc reboot { nacm:default-deny-all; }
  notification alarm { leaf text { type string; } }
  notification audit { nacm:default-deny-all; leaf who { type string; } }
  notification news { leaf text { type string; } }
  container vault { list entry { key id; unique code; leaf id { type string; } leaf code { type string; } } }
  container queue { list job { key id; ordered-by user; leaf id { type string; } } }
}
`;

let dir: string;
let schema: SchemaSet;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yangkit-nacm-'));
  writeFileSync(join(dir, 'example-events.yang'), EVENTS_YANG);
  const files = [`${CORPUS}/examples/example-jukebox.yang`, `${CORPUS}/ietf/ietf-interfaces@2018-02-20.yang`, `${CORPUS}/iana/iana-if-type@2023-01-26.yang`, join(dir, 'example-events.yang')];
  const result = compileYang({ files, searchPaths: [CORPUS, dir] });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  schema = result.schema;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IF = 'ietf-interfaces:interfaces';
const ETH0 = { name: 'eth0', type: 'iana-if-type:ethernetCsmacd', description: 'uplink' };
const DUMMY = { name: 'dummy', type: 'iana-if-type:softwareLoopback', description: 'test' };

const SEED: JsonObject = {
  'example-jukebox:jukebox': {
    library: { artist: [{ name: 'Foo Fighters', album: [{ name: 'Wasting Light', year: 2011 }] }] },
    player: { gap: '0.5' },
  },
  [IF]: { interface: [ETH0, DUMMY] },
  'example-events:secrets': { key: 'k1' },
  'example-events:tuning': { level: 3 },
};

/** RFC 8341 Appendix A (A.2 groups, A.3 module rules, A.4 rpc rules, A.5 data node rules, A.6 notification rules), adapted. */
const RULES = {
  'ietf-netconf-acm:nacm': {
    'enable-nacm': true,
    'read-default': 'permit',
    'write-default': 'deny',
    'exec-default': 'permit',
    groups: {
      group: [
        { name: 'admin', 'user-name': ['admin', 'andy'] },
        { name: 'limited', 'user-name': ['wilma', 'bam-bam'] },
        { name: 'guest', 'user-name': ['guest', 'guest@example.com'] },
      ],
    },
    'rule-list': [
      {
        name: 'guest-acl',
        group: ['guest'],
        rule: [{ name: 'deny-ncm', 'module-name': 'ietf-restconf-monitoring', 'access-operations': '*', action: 'deny' }],
      },
      {
        name: 'limited-acl',
        group: ['limited'],
        rule: [
          { name: 'permit-ncm', 'module-name': 'ietf-restconf-monitoring', 'access-operations': 'read', action: 'permit' },
          { name: 'permit-exec', 'module-name': '*', 'access-operations': 'exec', action: 'permit' },
          { name: 'permit-player-config', 'module-name': 'example-jukebox', path: '/example-jukebox:jukebox/player', 'access-operations': 'read create update delete', action: 'permit' },
        ],
      },
      {
        name: 'guest-limited-acl',
        group: ['limited', 'guest'],
        rule: [
          { name: 'deny-play', 'module-name': 'example-jukebox', 'rpc-name': 'play', 'access-operations': 'exec', action: 'deny' },
          // The XML form of the path, with module prefixes, as RFC 8341 A.5 writes it.
          { name: 'permit-dummy-interface', 'module-name': 'ietf-interfaces', path: "/if:interfaces/if:interface[if:name='dummy']", 'access-operations': 'read update', action: 'permit' },
          { name: 'deny-alarm', 'module-name': 'example-events', 'notification-name': 'alarm', 'access-operations': 'read', action: 'deny' },
        ],
      },
      {
        name: 'admin-acl',
        group: ['admin'],
        rule: [{ name: 'permit-all', 'module-name': '*', 'access-operations': '*', action: 'permit' }],
      },
    ],
  },
};

/** Every user name authenticates with password "pw": the tests are about authorization. */
const ANYONE: UserStore = { authenticate: async (_name, password) => password === 'pw' };

interface NacmServer {
  base: string;
  as(user: string, method: string, path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
  notify: ReturnType<typeof createRestconfServer>['notify'];
}

async function startNacmServer(rules: object = RULES): Promise<NacmServer> {
  const srv = createRestconfServer({ schema, http: true, users: ANYONE, datastore: new MemoryDatastore(SEED), nacm: { config: rules as JsonObject } });
  const { port } = await srv.listen(0);
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    as: (user, method, path, init = {}) =>
      send(base, method, path, { ...init, headers: { Authorization: `Basic ${Buffer.from(`${user}:pw`).toString('base64')}`, ...init.headers } }),
    close: () => srv.close(),
    notify: srv.notify,
  };
}

const DATA = '/restconf/data';
const errorOf = (r: Response) => r.json()['ietf-restconf:errors'].error[0];

describe('NACM matrix (RFC 8341 Appendix A rules)', { timeout: 20_000 }, () => {
  let s: NacmServer;
  beforeEach(async () => {
    s = await startNacmServer();
  });
  afterEach(() => s.close());

  const readCases: [user: string, path: string, status: number, body?: unknown][] = [
    // read-default permit (RFC 8341 3.4.5 step 11).
    ['guest', `${DATA}/example-jukebox:jukebox/player`, 200, { 'example-jukebox:player': { gap: '0.5' } }],
    ['mallory', `${DATA}/example-jukebox:jukebox/player/gap`, 200, { 'example-jukebox:gap': '0.5' }],
    // The nacm container is default-deny-all (RFC 8341 3.5, 3.4.5 step 9): only admin's permit-all rule opens it.
    // What may not be read is answered as missing (RFC 8040 4.3: 404, not exposing that it exists).
    ['guest', `${DATA}/ietf-netconf-acm:nacm`, 404],
    ['wilma', `${DATA}/ietf-netconf-acm:nacm/groups`, 404],
    ['admin', `${DATA}/ietf-netconf-acm:nacm/groups/group=guest`, 200, { 'ietf-netconf-acm:group': [{ name: 'guest', 'user-name': ['guest', 'guest@example.com'] }] }],
    // A module rule (RFC 8341 A.3 deny-ncm / permit-ncm), rule-lists taken in order.
    ['guest', `${DATA}/ietf-restconf-monitoring:restconf-state/streams`, 404],
    ['wilma', `${DATA}/ietf-restconf-monitoring:restconf-state/streams/stream=NETCONF/name`, 200, { 'ietf-restconf-monitoring:name': 'NETCONF' }],
    // A schema node marked default-deny-all (RFC 8341 3.4.5 step 9) is read only with a permit rule.
    ['guest', `${DATA}/example-events:secrets`, 404],
    ['andy', `${DATA}/example-events:secrets`, 200, { 'example-events:secrets': { key: 'k1' } }],
    // default-deny-write does not limit reading (RFC 8341 3.4.5 step 10 is for writes).
    ['guest', `${DATA}/example-events:tuning`, 200, { 'example-events:tuning': { level: 3 } }],
  ];

  it.each(readCases)('%s GET %s -> %i (RFC 8341 3.4.5)', async (user, path, status, body) => {
    const r = await s.as(user, 'GET', path);
    expect(r.status).toBe(status);
    if (body !== undefined) expect(r.json()).toEqual(body);
    if (status === 404) expect(errorOf(r)['error-tag']).toBe('invalid-value');
  });

  it('leaves out of a datastore read what the user may not read (RFC 8341 3.4.5)', async () => {
    const guest = (await s.as('guest', 'GET', DATA)).json()['ietf-restconf:data'];
    expect(Object.keys(guest).sort()).toEqual(['example-events:tuning', 'example-jukebox:jukebox', 'ietf-interfaces:interfaces', 'ietf-yang-library:modules-state', 'nc-notifications:netconf']);
    const admin = (await s.as('admin', 'GET', DATA)).json()['ietf-restconf:data'];
    expect(admin['example-events:secrets']).toEqual({ key: 'k1' });
    expect(admin['ietf-netconf-acm:nacm']['rule-list']).toHaveLength(4);
    expect(admin['ietf-restconf-monitoring:restconf-state']).toBeDefined();
  });

  it('does not let with-defaults=report-all bring back defaults of nodes the user may not read', async () => {
    const guest = (await s.as('guest', 'GET', `${DATA}?with-defaults=report-all`)).json()['ietf-restconf:data'];
    expect(guest['ietf-netconf-acm:nacm']).toBeUndefined();
    expect(guest['ietf-interfaces:interfaces'].interface.find((i: { name: string }) => i.name === 'dummy').enabled).toBe(true);
    const tagged = (await s.as('admin', 'GET', `${DATA}/ietf-netconf-acm:nacm/read-default?with-defaults=report-all-tagged`)).json();
    // RFC 7952 metadata stays with the member it annotates.
    expect(tagged).toEqual({ '@ietf-netconf-acm:read-default': { 'ietf-netconf-with-defaults:default': true }, 'ietf-netconf-acm:read-default': 'permit' });
    const nacm = (await s.as('admin', 'GET', `${DATA}/ietf-netconf-acm:nacm?with-defaults=report-all-tagged`)).json()['ietf-netconf-acm:nacm'];
    expect(nacm['@enable-external-groups']).toEqual({ 'ietf-netconf-with-defaults:default': true });
  });

  type WriteCase = [user: string, method: string, path: string, body: unknown, status: number, check: string, after: unknown];
  const PLAYER = `${DATA}/example-jukebox:jukebox/player`;
  const DUMMY_DESC = `${DATA}/${IF}/interface=dummy/description`;
  const ETH0_DESC = `${DATA}/${IF}/interface=eth0/description`;
  const writeCases: WriteCase[] = [
    // RFC 8341 A.5 permit-acme-config adapted: limited may change the player, nothing else (write-default deny, 3.4.5 step 12).
    ['wilma', 'PUT', `${PLAYER}/gap`, { 'example-jukebox:gap': '1.5' }, 204, `${PLAYER}/gap`, { 'example-jukebox:gap': '1.5' }],
    ['wilma', 'DELETE', `${PLAYER}/gap`, undefined, 204, `${PLAYER}/gap`, undefined],
    ['guest', 'PUT', `${PLAYER}/gap`, { 'example-jukebox:gap': '1.5' }, 403, `${PLAYER}/gap`, { 'example-jukebox:gap': '0.5' }],
    ['wilma', 'POST', `${DATA}/example-jukebox:jukebox/library`, { 'example-jukebox:artist': [{ name: 'Nick Cave' }] }, 403, `${DATA}/example-jukebox:jukebox/library/artist=Nick%20Cave`, undefined],
    // RFC 8341 A.5 permit-dummy-interface: read and update of that one entry only.
    ['guest', 'PUT', DUMMY_DESC, { 'ietf-interfaces:description': 'changed' }, 204, DUMMY_DESC, { 'ietf-interfaces:description': 'changed' }],
    ['guest', 'PUT', ETH0_DESC, { 'ietf-interfaces:description': 'changed' }, 403, ETH0_DESC, { 'ietf-interfaces:description': 'uplink' }],
    // Adding a leaf is create access, which the rule does not give (RFC 8341 3.2.4).
    ['bam-bam', 'PATCH', `${DATA}/${IF}/interface=dummy`, { 'ietf-interfaces:interface': [{ name: 'dummy', enabled: false }] }, 403, `${DATA}/${IF}/interface=dummy/enabled`, undefined],
    ['guest', 'DELETE', `${DATA}/${IF}/interface=dummy`, undefined, 403, `${DATA}/${IF}/interface=dummy/name`, { 'ietf-interfaces:name': 'dummy' }],
    // A user in no group gets the defaults (RFC 8341 3.4.5 step 4): write-default deny.
    ['mallory', 'DELETE', `${DATA}/${IF}/interface=eth0`, undefined, 403, `${ETH0_DESC}`, { 'ietf-interfaces:description': 'uplink' }],
    ['andy', 'DELETE', `${DATA}/${IF}/interface=eth0`, undefined, 204, `${DATA}/${IF}/interface=eth0`, undefined],
    // default-deny-write (RFC 8341 3.4.5 step 10): only an explicit permit rule writes there.
    ['wilma', 'PUT', `${DATA}/example-events:tuning/level`, { 'example-events:level': 4 }, 403, `${DATA}/example-events:tuning/level`, { 'example-events:level': 3 }],
    ['admin', 'PUT', `${DATA}/example-events:tuning/level`, { 'example-events:level': 4 }, 204, `${DATA}/example-events:tuning/level`, { 'example-events:level': 4 }],
  ];

  it.each(writeCases)('%s %s %s %j -> %i, then GET %s (RFC 8341 3.4.5)', async (user, method, path, body, status, check, after) => {
    const r = await s.as(user, method, path, body === undefined ? {} : { body: body as object });
    expect(r.status).toBe(status);
    if (status === 403) expect(errorOf(r)['error-tag']).toBe('access-denied');
    const read = await s.as('admin', 'GET', check);
    if (after === undefined) expect(read.status).toBe(404);
    else expect(read.json()).toEqual(after);
  });

  it('names the denied node in error-path', async () => {
    const r = await s.as('guest', 'PUT', ETH0_DESC, { body: { 'ietf-interfaces:description': 'x' } });
    expect(errorOf(r)['error-path']).toBe("/ietf-interfaces:interfaces/interface[name='eth0']/description");
  });

  it('refuses an edit whole when one of its changes is denied, applying nothing (RFC 8341 3.4.5)', async () => {
    const edit = { 'ietf-restconf:data': { 'example-jukebox:jukebox': { player: { gap: '1.0' }, library: { artist: [{ name: 'Nick Cave' }] } } } };
    const denied = await s.as('wilma', 'PATCH', DATA, { body: edit });
    expect(denied.text).toContain('access-denied');
    expect(denied.status).toBe(403);
    expect((await s.as('wilma', 'GET', `${PLAYER}/gap`)).json()).toEqual({ 'example-jukebox:gap': '0.5' });
    const patch = {
      'ietf-yang-patch:yang-patch': {
        'patch-id': 'p1',
        edit: [
          { 'edit-id': 'e1', operation: 'merge', target: '/interface=dummy/description', value: { 'ietf-interfaces:description': 'ok' } },
          { 'edit-id': 'e2', operation: 'merge', target: '/interface=eth0/description', value: { 'ietf-interfaces:description': 'no' } },
        ],
      },
    };
    const r = await s.as('guest', 'PATCH', `${DATA}/${IF}`, { body: patch, headers: { 'Content-Type': 'application/yang-patch+json' } });
    expect(r.status).toBe(403);
    expect((await s.as('guest', 'GET', DUMMY_DESC)).json()).toEqual({ 'ietf-interfaces:description': 'test' });
  });

  it('counts denied writes and operations in the nacm state data (RFC 8341 3.5 denied-*)', async () => {
    await s.as('guest', 'PUT', ETH0_DESC, { body: { 'ietf-interfaces:description': 'x' } });
    await s.as('guest', 'POST', '/restconf/operations/example-jukebox:play', { body: { 'example-jukebox:input': { playlist: 'x', 'song-number': 1 } } });
    const nacm = (await s.as('admin', 'GET', `${DATA}/ietf-netconf-acm:nacm?content=nonconfig`)).json()['ietf-netconf-acm:nacm'];
    expect(nacm).toEqual({ 'denied-operations': 1, 'denied-data-writes': 1, 'denied-notifications': 0 });
  });

  const PLAY = { 'example-jukebox:input': { playlist: 'x', 'song-number': 1 } };
  const execCases: [user: string, op: string, status: number][] = [
    // A.4 deny-play (deny-kill-session adapted) applies to guest; limited matches permit-exec first (rule-lists in order, 3.4.4 step 6).
    ['guest', 'example-jukebox:play', 403],
    ['wilma', 'example-jukebox:play', 204],
    ['mallory', 'example-jukebox:play', 204],
    // default-deny-all on the rpc (RFC 8341 3.4.4 step 9): exec-default permit does not apply.
    ['guest', 'example-events:reboot', 403],
    ['mallory', 'example-events:reboot', 403],
    ['bam-bam', 'example-events:reboot', 204],
  ];

  it.each(execCases)('%s POST operations/%s -> %i (RFC 8341 3.4.4)', async (user, op, status) => {
    const r = await s.as(user, 'POST', `/restconf/operations/${op}`, op.endsWith('play') ? { body: PLAY } : {});
    expect(r.status).toBe(status);
    if (status === 403) expect(errorOf(r)['error-tag']).toBe('access-denied');
  });

  it('treats moving an entry of an ordered-by user list as an update of it (RFC 8341 3.2.4)', async () => {
    const adminAcl = `${DATA}/ietf-netconf-acm:nacm/rule-list=admin-acl`;
    const entry = (await s.as('admin', 'GET', adminAcl)).json();
    // The same content, only moved first: wilma has no update access to nacm.
    expect((await s.as('wilma', 'PUT', `${adminAcl}?insert=first`, { body: entry })).status).toBe(403);
    expect((await s.as('admin', 'PUT', `${adminAcl}?insert=first`, { body: entry })).status).toBe(204);
    const names = (await s.as('admin', 'GET', `${DATA}/ietf-netconf-acm:nacm?depth=3`)).json()['ietf-netconf-acm:nacm']['rule-list'];
    expect(names.map((rl: { name: string }) => rl.name)).toEqual(['admin-acl', 'guest-acl', 'limited-acl', 'guest-limited-acl']);
  });

  it('lets an allowed user edit the rules over RESTCONF; the next request uses them', async () => {
    expect((await s.as('mallory', 'PUT', `${PLAYER}/gap`, { body: { 'example-jukebox:gap': '1.0' } })).status).toBe(403);
    const groupMember = `${DATA}/ietf-netconf-acm:nacm/groups/group=limited`;
    // guest may not touch the rules (default-deny-all on nacm), admin may.
    expect((await s.as('guest', 'POST', groupMember, { body: { 'ietf-netconf-acm:user-name': ['mallory'] } })).status).toBe(403);
    expect((await s.as('admin', 'POST', groupMember, { body: { 'ietf-netconf-acm:user-name': ['mallory'] } })).status).toBe(201);
    expect((await s.as('mallory', 'PUT', `${PLAYER}/gap`, { body: { 'example-jukebox:gap': '1.0' } })).status).toBe(204);
    // enable-nacm false turns enforcement off (RFC 8341 3.4.5 step 1).
    expect((await s.as('admin', 'PUT', `${DATA}/ietf-netconf-acm:nacm/enable-nacm`, { body: { 'ietf-netconf-acm:enable-nacm': false } })).status).toBe(204);
    expect((await s.as('guest', 'GET', `${DATA}/ietf-netconf-acm:nacm/enable-nacm`)).json()).toEqual({ 'ietf-netconf-acm:enable-nacm': false });
    expect((await s.as('guest', 'PUT', ETH0_DESC, { body: { 'ietf-interfaces:description': 'x' } })).status).toBe(204);
  });
});

describe('NACM decides before the data are looked at (RFC 8341 3.4.5, RFC 8040 4.3)', { timeout: 20_000 }, () => {
  let s: NacmServer;
  beforeEach(async () => {
    // wanda may create the key of the secrets (default-deny-all) but not read it.
    const rules = structuredClone(RULES) as typeof RULES & { 'ietf-netconf-acm:nacm': { 'rule-list': object[] } };
    rules['ietf-netconf-acm:nacm'].groups.group.push({ name: 'writer', 'user-name': ['wanda'] });
    rules['ietf-netconf-acm:nacm']['rule-list'].push({
      name: 'writer-acl',
      group: ['writer'],
      rule: [{ name: 'create-secret-key', 'module-name': 'example-events', path: '/example-events:secrets/key', 'access-operations': 'create', action: 'permit' }],
    });
    s = await startNacmServer(rules);
  });
  afterEach(() => s.close());

  const ETH9 = { name: 'eth9', type: 'iana-if-type:ethernetCsmacd' };
  const INTERFACES = `${DATA}/${IF}`;
  type Case = [user: string, method: string, path: string, body: object | undefined, status: number, tag: string];
  // guest may read everything here but write only the dummy entry's leaves (update): existing (eth0) or not (eth9), the same 403.
  const cases: Case[] = [
    ['guest', 'DELETE', `${INTERFACES}/interface=eth0`, undefined, 403, 'access-denied'],
    ['guest', 'DELETE', `${INTERFACES}/interface=eth9`, undefined, 403, 'access-denied'],
    ['admin', 'DELETE', `${INTERFACES}/interface=eth9`, undefined, 409, 'data-missing'],
    ['guest', 'POST', INTERFACES, { 'ietf-interfaces:interface': [ETH0] }, 403, 'access-denied'],
    ['guest', 'POST', INTERFACES, { 'ietf-interfaces:interface': [ETH9] }, 403, 'access-denied'],
    ['admin', 'POST', INTERFACES, { 'ietf-interfaces:interface': [ETH0] }, 409, 'data-exists'],
    // POST below a list entry that does not exist.
    ['guest', 'POST', `${INTERFACES}/interface=eth9`, { 'ietf-interfaces:description': 'x' }, 403, 'access-denied'],
    ['admin', 'POST', `${INTERFACES}/interface=eth9`, { 'ietf-interfaces:description': 'x' }, 404, 'invalid-value'],
    ['guest', 'PATCH', `${INTERFACES}/interface=eth9/description`, { 'ietf-interfaces:description': 'x' }, 403, 'access-denied'],
    ['admin', 'PATCH', `${INTERFACES}/interface=eth9/description`, { 'ietf-interfaces:description': 'x' }, 404, 'invalid-value'],
    // Writing the value a leaf already has is still a write the user may not do (else the answer tells the value).
    ['guest', 'PATCH', `${INTERFACES}/interface=eth0/description`, { 'ietf-interfaces:description': 'uplink' }, 403, 'access-denied'],
    ['guest', 'PUT', `${INTERFACES}/interface=eth0/description`, { 'ietf-interfaces:description': 'uplink' }, 403, 'access-denied'],
    // jukebox is a presence container.
    ['guest', 'POST', DATA, { 'example-jukebox:jukebox': { player: { gap: '1.0' } } }, 403, 'access-denied'],
    ['admin', 'POST', DATA, { 'example-jukebox:jukebox': { player: { gap: '1.0' } } }, 409, 'data-exists'],
    ['guest', 'DELETE', `${DATA}/example-jukebox:jukebox/player`, undefined, 403, 'access-denied'],
    // A user who may create but not read: existing data is refused as if the create were not allowed, not as data-exists.
    ['wanda', 'POST', DATA, { 'example-events:secrets': { key: 'k2' } }, 403, 'access-denied'],
    ['admin', 'POST', DATA, { 'example-events:secrets': { key: 'k2' } }, 409, 'data-exists'],
  ];

  it.each(cases)('%s %s %s %j -> %i %s', async (user, method, path, body, status, tag) => {
    const r = await s.as(user, method, path, body ? { body } : {});
    expect(r.status).toBe(status);
    expect(errorOf(r)['error-tag']).toBe(tag);
  });

  it('checks access before preconditions: If-Match: * tells guest nothing (RFC 8341 3.4.5, RFC 7232 3.1)', async () => {
    for (const entry of ['eth0', 'eth9']) {
      const r = await s.as('guest', 'DELETE', `${INTERFACES}/interface=${entry}`, { headers: { 'If-Match': '*' } });
      expect(r.status).toBe(403);
    }
    expect((await s.as('admin', 'DELETE', `${INTERFACES}/interface=eth9`, { headers: { 'If-Match': '*' } })).status).toBe(412);
  });

  it('refuses the delete of a missing non-presence container to a user no rule lets write there (RFC 8341 3.4.5)', async () => {
    const PLAYER = `${DATA}/example-jukebox:jukebox/player`;
    expect((await s.as('admin', 'DELETE', PLAYER)).status).toBe(204);
    expect((await s.as('guest', 'DELETE', PLAYER)).status).toBe(403);
    // wilma's rule permit-player-config covers player.
    expect(errorOf(await s.as('wilma', 'DELETE', PLAYER))['error-tag']).toBe('data-missing');
  });

  it('lets the user who may create but not read create what does not exist, by a rule below the non-presence container posted', async () => {
    expect((await s.as('admin', 'DELETE', `${DATA}/example-events:secrets`)).status).toBe(204);
    expect((await s.as('wanda', 'POST', DATA, { body: { 'example-events:secrets': { key: 'k2' } } })).status).toBe(201);
    expect((await s.as('wanda', 'GET', `${DATA}/example-events:secrets`)).status).toBe(404);
    expect((await s.as('admin', 'GET', `${DATA}/example-events:secrets`)).json()).toEqual({ 'example-events:secrets': { key: 'k2' } });
  });

  const yangPatch = (user: string, edit: object) =>
    s.as(user, 'PATCH', INTERFACES, {
      body: { 'ietf-yang-patch:yang-patch': { 'patch-id': 'p', edit: [{ 'edit-id': 'e1', ...edit }] } },
      headers: { 'Content-Type': 'application/yang-patch+json' },
    });
  const editError = (r: Response) => r.json()['ietf-yang-patch:yang-patch-status']['edit-status'].edit[0].errors.error[0];

  it.each([
    ['create of an existing entry', { operation: 'create', target: '/interface=eth0', value: { 'ietf-interfaces:interface': [ETH0] } }, 'data-exists'],
    ['delete of a missing entry', { operation: 'delete', target: '/interface=eth9' }, 'data-missing'],
  ])('YANG Patch %s: 403 for guest, the existence error for admin', async (_, edit, adminTag) => {
    const guest = await yangPatch('guest', edit);
    expect(guest.status).toBe(403);
    expect(editError(guest)['error-tag']).toBe('access-denied');
    const admin = await yangPatch('admin', edit);
    expect(admin.status).toBe(409);
    expect(editError(admin)['error-tag']).toBe(adminTag);
  });

  it('YANG Patch remove: refused for guest whether or not the entry exists', async () => {
    for (const target of ['/interface=eth9', '/interface=eth0']) expect((await yangPatch('guest', { operation: 'remove', target })).status).toBe(403);
    expect((await yangPatch('admin', { operation: 'remove', target: '/interface=eth9' })).status).toBe(200);
  });

  it('lists in {root}/operations only the rpcs the user may execute (RFC 8341 3.4.4)', async () => {
    const listed = async (user: string) => Object.keys((await s.as(user, 'GET', '/restconf/operations')).json()['ietf-restconf:operations']);
    expect(await listed('admin')).toEqual(expect.arrayContaining(['example-jukebox:play', 'example-events:reboot']));
    // deny-play (A.4 adapted) and default-deny-all on reboot.
    const guest = await listed('guest');
    expect(guest).not.toContain('example-jukebox:play');
    expect(guest).not.toContain('example-events:reboot');
    // A user in no group: exec-default permit, but reboot is default-deny-all.
    const mallory = await listed('mallory');
    expect(mallory).toContain('example-jukebox:play');
    expect(mallory).not.toContain('example-events:reboot');
    // Listing is no denied operation.
    expect((await s.as('admin', 'GET', `${DATA}/ietf-netconf-acm:nacm/denied-operations`)).json()).toEqual({ 'ietf-netconf-acm:denied-operations': 0 });
  });
});

describe('NACM with read-default deny (RFC 8341 3.4.5 step 11)', () => {
  let s: NacmServer;
  beforeAll(async () => {
    const rules = structuredClone(RULES);
    rules['ietf-netconf-acm:nacm']['read-default'] = 'deny';
    s = await startNacmServer(rules);
  });
  afterAll(() => s.close());

  it('shows guest only the dummy interface, as the path to it (list keys kept)', async () => {
    const r = await s.as('guest', 'GET', `${DATA}/${IF}`);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ [IF]: { interface: [DUMMY] } });
    const all = (await s.as('guest', 'GET', DATA)).json()['ietf-restconf:data'];
    expect(all).toEqual({ [IF]: { interface: [DUMMY] } });
    // Unreadable data is answered as missing data is, body included (RFC 8040 4.3).
    const eth0 = await s.as('guest', 'GET', `${DATA}/${IF}/interface=eth0`);
    const missing = await s.as('guest', 'GET', `${DATA}/${IF}/interface=eth9`);
    expect(eth0.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(errorOf(eth0)).toEqual({ ...errorOf(missing), 'error-path': errorOf(missing)['error-path'].replace('eth9', 'eth0') });
    expect((await s.as('guest', 'GET', `${DATA}/example-jukebox:jukebox`)).status).toBe(404);
    expect((await s.as('admin', 'GET', `${DATA}/${IF}/interface=eth0`)).status).toBe(200);
  });

  it('still gives limited their player subtree and admin everything', async () => {
    expect((await s.as('wilma', 'GET', `${DATA}/example-jukebox:jukebox`)).json()).toEqual({ 'example-jukebox:jukebox': { player: { gap: '0.5' } } });
    expect((await s.as('admin', 'GET', `${DATA}/example-jukebox:jukebox`)).json()).toEqual({ 'example-jukebox:jukebox': SEED['example-jukebox:jukebox'] });
  });
});

/** Opens an event stream as `user`; `next` resolves with each SSE event. */
function subscribe(base: string, user: string, query = ''): Promise<{ res: IncomingMessage; next: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const headers = { Accept: 'text/event-stream', Authorization: `Basic ${Buffer.from(`${user}:pw`).toString('base64')}` };
    const req = get(`${base}/restconf/streams/NETCONF/json${query}`, { headers }, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      const waiting: ((event: string) => void)[] = [];
      const flush = () => {
        let end: number;
        while (waiting.length && (end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          waiting.shift()!(event);
        }
      };
      res.on('data', (chunk: string) => {
        buffer += chunk;
        flush();
      });
      const next = () => new Promise<string>((done) => (waiting.push(done), flush()));
      next().then((first) => (first === ': subscribed' ? resolve({ res, next }) : reject(new Error(first))), reject);
    });
    req.on('error', reject);
  });
}

describe('NACM on event streams (RFC 8341 3.4.6)', () => {
  it('sends each subscriber only the notifications its user may receive, counting the rest', async () => {
    const s = await startNacmServer();
    try {
      const guest = await subscribe(s.base, 'guest');
      const admin = await subscribe(s.base, 'admin');
      s.notify({ 'example-events:alarm': { text: 'a' } }); // deny-alarm (A.6 adapted) for guest
      s.notify({ 'example-events:audit': { who: 'b' } }); // default-deny-all notification
      s.notify({ 'example-events:news': { text: 'c' } }); // read-default permit
      const member = (e: string) => Object.keys(JSON.parse(e.replace(/^data: /gm, ''))['ietf-restconf:notification']).find((k) => k !== 'eventTime');
      expect(member(await guest.next())).toBe('example-events:news');
      expect([member(await admin.next()), member(await admin.next()), member(await admin.next())]).toEqual(['example-events:alarm', 'example-events:audit', 'example-events:news']);
      guest.res.destroy();
      admin.res.destroy();
      const nacm = (await s.as('admin', 'GET', `${DATA}/ietf-netconf-acm:nacm/denied-notifications`)).json();
      expect(nacm).toEqual({ 'ietf-netconf-acm:denied-notifications': 2 });
    } finally {
      await s.close();
    }
  });

  it('sends replayComplete and notificationComplete to every subscriber (RFC 8341 3.4.6)', async () => {
    // A user denied every notification still gets the subscription's own events.
    const rules = structuredClone(RULES) as { 'ietf-netconf-acm:nacm': { 'rule-list': { rule: object[] }[] } };
    rules['ietf-netconf-acm:nacm']['rule-list'][0]!.rule.push({ name: 'deny-all-notifications', 'module-name': '*', 'notification-name': '*', 'access-operations': '*', action: 'deny' });
    const s = await startNacmServer(rules);
    try {
      s.notify({ 'example-events:news': { text: 'c' } }, new Date('2024-05-01T10:00:00Z'));
      const guest = await subscribe(s.base, 'guest', '?start-time=2024-05-01T09:00:00Z&stop-time=2024-05-01T11:00:00Z');
      const member = (e: string) => Object.keys(JSON.parse(e.replace(/^data: /gm, ''))['ietf-restconf:notification']).find((k) => k !== 'eventTime');
      expect([member(await guest.next()), member(await guest.next())]).toEqual(['nc-notifications:replayComplete', 'nc-notifications:notificationComplete']);
      guest.res.destroy();
    } finally {
      await s.close();
    }
  });
});

describe('NACM users named by client certificates (RFC 7407 cert-to-name)', { timeout: 30_000 }, () => {
  let pki: string;
  const pem = (f: string) => readFileSync(join(pki, f));

  beforeAll(() => {
    pki = mkdtempSync(join(tmpdir(), 'yangkit-nacm-tls-'));
    makeCa(pki, 'ca');
    makeCert(pki, 'server', 'ca', 'IP:127.0.0.1');
    makeCert(pki, 'guest', 'ca');
    // A device certificate whose CN is no user; its SAN email is guest@example.com.
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: pki, stdio: 'pipe' });
    openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'device.key', '-out', 'device.csr', '-subj', '/CN=device-17');
    writeFileSync(join(pki, 'device.ext'), 'extendedKeyUsage=clientAuth\nsubjectAltName=email:guest@example.com\n');
    openssl('x509', '-req', '-in', 'device.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'device.crt', '-days', '1', '-extfile', 'device.ext');
  });
  afterAll(() => rmSync(pki, { recursive: true, force: true }));

  async function tlsServer(certToName?: 'cn' | 'san-email') {
    const srv = createRestconfServer({
      schema,
      tls: { cert: pem('server.crt'), key: pem('server.key'), ca: pem('ca.crt') },
      datastore: new MemoryDatastore(SEED),
      nacm: { config: RULES as JsonObject },
      ...(certToName ? { certToName } : {}),
    });
    const { port } = await srv.listen(0);
    return { srv, base: `https://127.0.0.1:${port}` };
  }

  const as = (base: string, client: string, method: string, path: string, body?: object) =>
    send(base, method, path, { tls: { ca: pem('ca.crt'), cert: pem(`${client}.crt`), key: pem(`${client}.key`) }, ...(body ? { body } : {}) });

  it('takes the user from the subject CN by default', async () => {
    const { srv, base } = await tlsServer();
    try {
      expect((await as(base, 'guest', 'GET', `${DATA}/ietf-netconf-acm:nacm`)).status).toBe(404);
      expect((await as(base, 'guest', 'PUT', DUMMY_PATH, { 'ietf-interfaces:description': 'by cert' })).status).toBe(204);
      expect((await as(base, 'guest', 'PUT', ETH0_PATH, { 'ietf-interfaces:description': 'by cert' })).status).toBe(403);
      // device-17 is in no group: defaults only (write-default deny).
      expect((await as(base, 'device', 'PUT', DUMMY_PATH, { 'ietf-interfaces:description': 'x' })).status).toBe(403);
    } finally {
      await srv.close();
    }
  });

  it('takes the user from the SAN email with certToName san-email', async () => {
    const { srv, base } = await tlsServer('san-email');
    try {
      expect((await as(base, 'device', 'PUT', DUMMY_PATH, { 'ietf-interfaces:description': 'by email' })).status).toBe(204);
      expect((await as(base, 'device', 'PUT', ETH0_PATH, { 'ietf-interfaces:description': 'x' })).status).toBe(403);
      // The guest certificate has no SAN email: no user name, no access (RFC 7589 section 7).
      const r = await as(base, 'guest', 'GET', `${DATA}/example-jukebox:jukebox`);
      expect(r.status).toBe(403);
      expect(errorOf(r)['error-tag']).toBe('access-denied');
    } finally {
      await srv.close();
    }
  });
});

const DUMMY_PATH = `${DATA}/${IF}/interface=dummy/description`;
const ETH0_PATH = `${DATA}/${IF}/interface=eth0/description`;

describe('NACM with the built-in ietf-netconf-acm module (served modules without it)', () => {
  it('adds the module, checks the rules against it and keeps nacm default-deny-all (RFC 8341 3.5)', async () => {
    const { schema: jukebox } = compileYang({ files: [`${CORPUS}/examples/example-jukebox.yang`], searchPaths: [CORPUS] });
    expect(jukebox.modules['ietf-netconf-acm']).toBeUndefined();
    const rules = structuredClone(RULES);
    const srv = createRestconfServer({ schema: jukebox, http: true, users: ANYONE, nacm: { config: rules as JsonObject } });
    const { port } = await srv.listen(0);
    const base = `http://127.0.0.1:${port}`;
    const as = (user: string, method: string, path: string, init: RequestInit = {}) =>
      send(base, method, path, { ...init, headers: { Authorization: `Basic ${Buffer.from(`${user}:pw`).toString('base64')}` } });
    try {
      expect((await as('guest', 'GET', `${DATA}/ietf-netconf-acm:nacm`)).status).toBe(404);
      const admin = (await as('admin', 'GET', `${DATA}/ietf-netconf-acm:nacm/rule-list=limited-acl/rule=permit-player-config`)).json();
      // Bits in canonical order, by position (RFC 7950 9.7.4).
      expect(admin['ietf-netconf-acm:rule'][0]['access-operations']).toBe('create read update delete');
      const modules = (await as('guest', 'GET', `${DATA}/ietf-yang-library:modules-state`)).json()['ietf-yang-library:modules-state'].module;
      expect(modules.map((m: { name: string }) => m.name)).toContain('ietf-netconf-acm');
      // A rule the module does not allow is refused by an edit like any other invalid data.
      const bad = await as('admin', 'PUT', `${DATA}/ietf-netconf-acm:nacm/write-default`, { body: { 'ietf-netconf-acm:write-default': 'maybe' } });
      expect(bad.status).toBe(400);
    } finally {
      await srv.close();
    }
  });

  it('refuses rules at start that do not fit the module', () => {
    const bad = { 'ietf-netconf-acm:nacm': { 'read-default': 'sometimes' } };
    expect(() => createRestconfServer({ schema, http: true, nacm: { config: bad } })).toThrow(/nacm\.config: \/ietf-netconf-acm:nacm\/read-default/);
  });
});

/** The jukebox under `rules`, its album `rate` action answering 4.5 to anyone allowed to run it. */
function jukeboxWithRateAction(rules: JsonObject) {
  return createRestconfServer({
    schema: jukeboxSchema(),
    http: true,
    users: ANYONE,
    datastore: new MemoryDatastore(JUKEBOX_DATA as JsonObject),
    nacm: { config: rules },
    handlers: { action: { '/example-jukebox:jukebox/library/artist/album/rate': () => ({ average: '4.5' }) } },
  });
}

describe('NACM exec of actions (RFC 8341 3.4.4, a data-node path naming the action)', () => {
  it('denies the action below one list entry and allows it below another', async () => {
    const rules = {
      'ietf-netconf-acm:nacm': {
        groups: { group: [{ name: 'guest', 'user-name': ['guest'] }] },
        'rule-list': [
          {
            name: 'guest-acl',
            group: ['guest'],
            rule: [{ name: 'no-rating-nick', path: "/example-jukebox:jukebox/library/artist[name='Nick Cave']/album/rate", 'access-operations': 'exec', action: 'deny' }],
          },
        ],
      },
    };
    const srv = jukeboxWithRateAction(rules);
    const { port } = await srv.listen(0);
    const base = `http://127.0.0.1:${port}`;
    const rate = (artist: string, album: string) =>
      send(base, 'POST', `${DATA}/example-jukebox:jukebox/library/artist=${artist}/album=${album}/rate`, {
        headers: { Authorization: `Basic ${Buffer.from('guest:pw').toString('base64')}` },
        body: { 'example-jukebox:input': { stars: 4 } },
      });
    try {
      const denied = await rate('Nick%20Cave', 'Ghosteen');
      expect(denied.status).toBe(403);
      expect(errorOf(denied)['error-tag']).toBe('access-denied');
      const allowed = await rate('Foo%20Fighters', 'One%20by%20One');
      expect(allowed.status).toBe(200);
      expect(allowed.json()).toEqual({ 'example-jukebox:output': { average: '4.5' } });
    } finally {
      await srv.close();
    }
  });
});

describe('NACM: no answer tells what the user may not read (RFC 8341 3.4.5, RFC 8040 4.3)', { timeout: 30_000 }, () => {
  let s: NacmServer;
  beforeEach(async () => {
    const rules = structuredClone(RULES) as typeof RULES & { 'ietf-netconf-acm:nacm': { 'rule-list': object[] } };
    const nacm = rules['ietf-netconf-acm:nacm'];
    // wanda may create the secret key but not read it; pat may update and delete in the dummy entry but not see its description.
    nacm.groups.group.push({ name: 'writer', 'user-name': ['wanda'] }, { name: 'prober', 'user-name': ['pat'] });
    nacm['rule-list'].push(
      {
        name: 'writer-acl',
        group: ['writer'],
        rule: [{ name: 'create-secret-key', 'module-name': 'example-events', path: '/example-events:secrets/key', 'access-operations': 'create', action: 'permit' }],
      },
      {
        name: 'prober-acl',
        group: ['prober'],
        rule: [
          { name: 'hide-dummy-description', path: "/ietf-interfaces:interfaces/interface[name='dummy']/description", 'access-operations': '*', action: 'deny' },
          { name: 'edit-dummy', path: "/ietf-interfaces:interfaces/interface[name='dummy']", 'access-operations': 'update delete', action: 'permit' },
        ],
      },
    );
    s = await startNacmServer(rules);
  });
  afterEach(() => s.close());

  const INTERFACES = `${DATA}/${IF}`;
  const PLAYER = `${DATA}/example-jukebox:jukebox/player`;
  const SECRET_KEY = `${DATA}/example-events:secrets/key`;
  const adminGet = async (path: string) => (await s.as('admin', 'GET', path)).json();

  // Writing what is already there is a write all the same (RFC 8341 3.4.5): refused to a user who may not update it.
  const unchanged: [user: string, method: string, path: string, body: object, status: number][] = [
    ['guest', 'PUT', `${INTERFACES}/interface=eth0`, { 'ietf-interfaces:interface': [ETH0] }, 403],
    ['guest', 'PATCH', `${INTERFACES}/interface=eth0`, { 'ietf-interfaces:interface': [{ name: 'eth0', description: 'uplink' }] }, 403],
    ['guest', 'PUT', PLAYER, { 'example-jukebox:player': { gap: '0.5' } }, 403],
    ['guest', 'PATCH', PLAYER, { 'example-jukebox:player': { gap: '0.5' } }, 403],
    ['mallory', 'PATCH', DATA, { 'ietf-restconf:data': { 'example-jukebox:jukebox': { player: { gap: '0.5' } } } }, 403],
    ['mallory', 'PUT', `${INTERFACES}/interface=eth0`, { 'ietf-interfaces:interface': [ETH0] }, 403],
    // Users who may update get the no-op.
    ['wilma', 'PUT', PLAYER, { 'example-jukebox:player': { gap: '0.5' } }, 204],
    ['guest', 'PATCH', `${INTERFACES}/interface=dummy`, { 'ietf-interfaces:interface': [{ name: 'dummy', description: 'test' }] }, 204],
    ['admin', 'PUT', `${INTERFACES}/interface=eth0`, { 'ietf-interfaces:interface': [ETH0] }, 204],
  ];

  it.each(unchanged)('%s %s %s %j (the content it has) -> %i', async (user, method, path, body, status) => {
    const r = await s.as(user, method, path, { body });
    expect(r.status).toBe(status);
    if (status === 403) expect(errorOf(r)['error-tag']).toBe('access-denied');
  });

  it('YANG Patch merge and replace of unchanged content need update access too', async () => {
    for (const operation of ['merge', 'replace']) {
      const r = await s.as('guest', 'PATCH', INTERFACES, {
        body: { 'ietf-yang-patch:yang-patch': { 'patch-id': 'p', edit: [{ 'edit-id': 'e1', operation, target: '/interface=eth0', value: { 'ietf-interfaces:interface': [ETH0] } }] } },
        headers: { 'Content-Type': 'application/yang-patch+json' },
      });
      expect(r.status).toBe(403);
    }
  });

  it('does not let a user probe the value of a leaf it may not read: same answer for the value held and another', async () => {
    const probe = (description: string) => s.as('pat', 'PATCH', `${INTERFACES}/interface=dummy`, { body: { 'ietf-interfaces:interface': [{ name: 'dummy', description }] } });
    const held = await probe('test');
    const other = await probe('guess');
    expect(held.status).toBe(403);
    expect(other.status).toBe(403);
    expect(held.json()).toEqual(other.json());
    // The error names the entry pat may read, not the description it may not.
    expect(errorOf(held)['error-path']).toBe("/ietf-interfaces:interfaces/interface[name='dummy']");
    expect((await adminGet(`${INTERFACES}/interface=dummy/description`))['ietf-interfaces:description']).toBe('test');
  });

  it('does not name in error-path a node the user may not read that its replace would delete (RFC 8341 3.4.5)', async () => {
    const r = await s.as('pat', 'PUT', `${INTERFACES}/interface=dummy`, { body: { 'ietf-interfaces:interface': [{ name: 'dummy', type: DUMMY.type }] } });
    expect(r.status).toBe(403);
    expect(errorOf(r)['error-path']).toBe("/ietf-interfaces:interfaces/interface[name='dummy']");
    expect(errorOf(r)['error-message']).not.toContain('description');
    // A node the user may read is named, with the operation.
    const guest = await s.as('guest', 'PATCH', `${INTERFACES}/interface=dummy`, { body: { 'ietf-interfaces:interface': [{ name: 'dummy', enabled: false }] } });
    expect(errorOf(guest)['error-path']).toBe("/ietf-interfaces:interfaces/interface[name='dummy']/enabled");
    expect(errorOf(guest)['error-message']).toContain('create');
  });

  it('evaluates If-Match: * against what the user may read: 412 for wanda whether the key exists or not (RFC 7232 3.1)', async () => {
    const put = (user: string, headers: Record<string, string>) => s.as(user, 'PUT', SECRET_KEY, { body: { 'example-events:key': 'k9' }, headers });
    const existing = await put('wanda', { 'If-Match': '*' });
    expect((await s.as('admin', 'DELETE', `${DATA}/example-events:secrets`)).status).toBe(204);
    const missing = await put('wanda', { 'If-Match': '*' });
    expect([existing.status, missing.status]).toEqual([412, 412]);
    expect(existing.text).toBe(missing.text);
    // admin may read the key: If-Match: * is evaluated against the data.
    expect((await put('admin', { 'If-Match': '*' })).status).toBe(412);
    expect((await put('admin', {})).status).toBe(201);
    expect((await put('admin', { 'If-Match': '*' })).status).toBe(204);
  });

  it('evaluates If-None-Match: * against what the user may read: wanda gets what the unconditional request gets, not 412 (RFC 7232 3.2)', async () => {
    const put = (user: string, headers: Record<string, string> = {}) => s.as(user, 'PUT', SECRET_KEY, { body: { 'example-events:key': 'k1' }, headers });
    const conditional = await put('wanda', { 'If-None-Match': '*' });
    const unconditional = await put('wanda');
    expect(conditional.status).toBe(403);
    expect(conditional.json()).toEqual(unconditional.json());
    expect((await put('admin', { 'If-None-Match': '*' })).status).toBe(412);
    expect((await s.as('admin', 'DELETE', `${DATA}/example-events:secrets`)).status).toBe(204);
    expect((await put('wanda', { 'If-None-Match': '*' })).status).toBe(201);
    expect(await adminGet(SECRET_KEY)).toEqual({ 'example-events:key': 'k1' });
  });
});

describe('NACM: an action needs read access to its instance (RFC 8341 3.4.4)', () => {
  let srv: ReturnType<typeof createRestconfServer>;
  let base: string;
  beforeAll(async () => {
    const rules = {
      'ietf-netconf-acm:nacm': {
        groups: {
          group: [
            { name: 'admin', 'user-name': ['admin'] },
            { name: 'raters', 'user-name': ['rita'] },
            { name: 'listeners', 'user-name': ['lisa'] },
          ],
        },
        'rule-list': [
          { name: 'admin-acl', group: ['admin'], rule: [{ name: 'permit-all', 'access-operations': '*', action: 'permit' }] },
          {
            name: 'raters-acl',
            group: ['raters'],
            rule: [
              { name: 'rate-all', path: '/example-jukebox:jukebox/library/artist/album/rate', 'access-operations': 'exec', action: 'permit' },
              { name: 'hide-nick', path: "/example-jukebox:jukebox/library/artist[name='Nick Cave']", 'access-operations': 'read', action: 'deny' },
            ],
          },
          {
            name: 'listeners-acl',
            group: ['listeners'],
            rule: [{ name: 'no-rating', path: '/example-jukebox:jukebox/library/artist/album/rate', 'access-operations': 'exec', action: 'deny' }],
          },
        ],
      },
    };
    srv = jukeboxWithRateAction(rules);
    base = `http://127.0.0.1:${(await srv.listen(0)).port}`;
  });
  afterAll(() => srv.close());

  const rate = (user: string, artist: string, album: string) =>
    send(base, 'POST', `${DATA}/example-jukebox:jukebox/library/artist=${artist}/album=${album}/rate`, {
      headers: { Authorization: `Basic ${Buffer.from(`${user}:pw`).toString('base64')}` },
      body: { 'example-jukebox:input': { stars: 4 } },
    });
  const as = (user: string, path: string) => send(base, 'GET', path, { headers: { Authorization: `Basic ${Buffer.from(`${user}:pw`).toString('base64')}` } });

  it('answers 404 for an instance the user may not read, existing or not, as GET does', async () => {
    const existing = await rate('rita', 'Nick%20Cave', 'Ghosteen');
    const missing = await rate('rita', 'Nick%20Cave', 'Nocturama');
    expect([existing.status, missing.status]).toEqual([404, 404]);
    expect(errorOf(existing)).toEqual({ ...errorOf(missing), 'error-path': errorOf(missing)['error-path'].replace('Nocturama', 'Ghosteen') });
    expect((await as('rita', `${DATA}/example-jukebox:jukebox/library/artist=Nick%20Cave/album=Ghosteen`)).status).toBe(404);
    // Each refused invocation counts as a denied operation (RFC 8341 3.5), whether the instance exists or not.
    expect((await as('admin', `${DATA}/ietf-netconf-acm:nacm/denied-operations`)).json()).toEqual({ 'ietf-netconf-acm:denied-operations': 2 });
  });

  it('runs the action on a readable instance and answers 404 for a missing readable one', async () => {
    const ok = await rate('rita', 'Foo%20Fighters', 'One%20by%20One');
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual({ 'example-jukebox:output': { average: '4.5' } });
    expect((await rate('rita', 'Foo%20Fighters', 'Nothing')).status).toBe(404);
  });

  it('refuses exec before anything else: 403 for a user without exec access, existing instance or not', async () => {
    for (const [artist, album] of [['Foo%20Fighters', 'One%20by%20One'], ['Foo%20Fighters', 'Nothing'], ['Nick%20Cave', 'Ghosteen']]) {
      const r = await rate('lisa', artist!, album!);
      expect(r.status).toBe(403);
      expect(errorOf(r)['error-tag']).toBe('access-denied');
    }
    // A user in no group: exec-default and read-default permit.
    expect((await rate('mallory', 'Nick%20Cave', 'Ghosteen')).status).toBe(200);
  });
});

describe('NACM: validation errors and insertion points do not show data the user may not read (RFC 8341 3.4.5)', () => {
  let s: NacmServer;
  const VAULT = `${DATA}/example-events:vault`;
  const QUEUE = `${DATA}/example-events:queue`;
  beforeAll(async () => {
    const rules = structuredClone(RULES) as typeof RULES & { 'ietf-netconf-acm:nacm': { 'rule-list': object[] } };
    const nacm = rules['ietf-netconf-acm:nacm'];
    nacm.groups.group.push({ name: 'keepers', 'user-name': ['vic'] });
    nacm['rule-list'].push({
      name: 'keepers-acl',
      group: ['keepers'],
      rule: [
        { name: 'hide-entry', path: "/example-events:vault/entry[id='hidden']", 'access-operations': 'read', action: 'deny' },
        { name: 'keep-vault', path: '/example-events:vault', 'access-operations': 'create update', action: 'permit' },
        { name: 'hide-job', path: "/example-events:queue/job[id='hidden']", 'access-operations': 'read', action: 'deny' },
        { name: 'queue-jobs', path: '/example-events:queue', 'access-operations': 'create', action: 'permit' },
      ],
    });
    s = await startNacmServer(rules);
    const entries = [{ id: 'mine', code: 'c0' }, { id: 'hidden', code: 'c1' }];
    expect((await s.as('admin', 'PUT', VAULT, { body: { 'example-events:vault': { entry: entries } } })).status).toBe(201);
    expect((await s.as('admin', 'PUT', QUEUE, { body: { 'example-events:queue': { job: [{ id: 'hidden' }] } } })).status).toBe(201);
  });

  it('refuses an insertion point the user may not read as a missing one (RFC 8040 4.8.6)', async () => {
    const post = (user: string, id: string, point: string) =>
      s.as(user, 'POST', `${QUEUE}?insert=before&point=${encodeURIComponent(`/example-events:queue/job=${point}`)}`, { body: { 'example-events:job': [{ id }] } });
    const hidden = await post('vic', 'a', 'hidden');
    const missing = await post('vic', 'a', 'nowhere');
    expect([hidden.status, missing.status]).toEqual([400, 400]);
    expect(errorOf(hidden)).toEqual({ ...errorOf(missing), 'error-message': errorOf(missing)['error-message'].replace('nowhere', 'hidden') });
    expect((await post('admin', 'b', 'hidden')).status).toBe(201);
    expect((await post('vic', 'c', 'b')).status).toBe(201);
    const jobs = (await s.as('admin', 'GET', QUEUE)).json()['example-events:queue'].job.map((j: { id: string }) => j.id);
    expect(jobs).toEqual(['c', 'b', 'hidden']);
  });
  afterAll(() => s.close());

  it('cuts an instance path quoted in the message (unique names both entries) to what the user may read', async () => {
    const body = { 'example-events:entry': [{ id: 'new', code: 'c1' }] };
    const vic = errorOf(await s.as('vic', 'POST', VAULT, { body }));
    expect(vic['error-app-tag']).toBe('data-not-unique');
    expect(vic['error-path']).toBe("/example-events:vault/entry[id='new']");
    expect(vic['error-message']).not.toContain('hidden');
    expect(vic['error-message']).toContain('"/example-events:vault"');
    const admin = errorOf(await s.as('admin', 'POST', VAULT, { body }));
    expect(admin['error-message']).toContain("entry[id='hidden']");
  });

  it('gives an error-path naming an unreadable node as its nearest readable ancestor, with a generic message', async () => {
    const r = await s.as('vic', 'PATCH', `${VAULT}/entry=mine`, { body: { 'example-events:entry': [{ id: 'mine', code: 'c1' }] } });
    expect(r.status).toBe(400);
    const error = errorOf(r);
    expect(error).toEqual({
      'error-type': 'application',
      'error-tag': 'operation-failed',
      'error-app-tag': 'data-not-unique',
      'error-path': '/example-events:vault',
      'error-message': 'the edit would leave data the user may not read invalid',
    });
    const admin = errorOf(await s.as('admin', 'PATCH', `${VAULT}/entry=mine`, { body: { 'example-events:entry': [{ id: 'mine', code: 'c1' }] } }));
    expect(admin['error-path']).toBe("/example-events:vault/entry[id='hidden']");
  });
});
