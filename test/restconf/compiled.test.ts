/**
 * The server on schemas from the real compiler: example-jukebox (RFC 8040
 * appendix A) and ietf-interfaces with ietf-ip and iana-if-type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileYang } from '../../src/compile/index.js';
import type { SchemaSet } from '../../src/ir/types.js';
import { type TestServer, startServer } from './client.js';

import { CORPUS } from '../corpus/paths.js';

function compile(files: string[]): SchemaSet {
  const { schema, diagnostics } = compileYang({ files: files.map((f) => `${CORPUS}/${f}`), searchPaths: [CORPUS] });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return schema;
}

describe('compiled example-jukebox', () => {
  let s: TestServer;
  const LIBRARY = '/restconf/data/example-jukebox:jukebox/library';

  beforeAll(async () => {
    s = await startServer(compile(['examples/example-jukebox.yang']));
  });

  afterAll(() => s.close());

  it('runs the RFC 8040 create/read/replace/delete examples', async () => {
    expect((await s.send('POST', '/restconf/data', { body: { 'example-jukebox:jukebox': {} } })).status).toBe(201);
    const artist = await s.send('POST', LIBRARY, { body: { 'example-jukebox:artist': [{ name: 'Foo Fighters' }] } });
    expect(artist.status).toBe(201);
    expect(artist.headers.location).toBe(`${LIBRARY}/artist=Foo%20Fighters`);
    const album = `${LIBRARY}/artist=Foo%20Fighters/album=Wasting%20Light`;
    const put = await s.send('PUT', album, { body: { 'example-jukebox:album': [{ name: 'Wasting Light', genre: 'example-jukebox:alternative', year: 2011 }] } });
    expect(put.status).toBe(201);
    expect((await s.get(`${album}/genre`)).json()).toEqual({ 'example-jukebox:genre': 'example-jukebox:alternative' });
    const bad = await s.send('PUT', `${album}/genre`, { body: { 'example-jukebox:genre': 'example-jukebox:polka' } });
    expect(bad.status).toBe(400);
    expect(bad.json()['ietf-restconf:errors'].error[0]['error-path']).toBe("/example-jukebox:jukebox/library/artist[name='Foo Fighters']/album[name='Wasting Light']/genre");
    expect((await s.send('DELETE', album)).status).toBe(204);
    expect((await s.get(album)).status).toBe(404);
  });

  it('accepts an identity of the leaf\'s module without its prefix (RFC 7951 6.8), stored qualified', async () => {
    await s.send('POST', '/restconf/data', { body: { 'example-jukebox:jukebox': {} } });
    const album = `${LIBRARY}/artist=Miles%20Davis/album=Kind%20of%20Blue`;
    const put = await s.send('PUT', album, { body: { 'example-jukebox:album': [{ name: 'Kind of Blue', genre: 'jazz' }] } });
    expect(put.status).toBe(201);
    expect((await s.get(`${album}/genre`)).json()).toEqual({ 'example-jukebox:genre': 'example-jukebox:jazz' });
    expect((await s.send('PUT', `${album}/genre`, { body: { 'example-jukebox:genre': 'polka' } })).status).toBe(400);
  });

  it('invokes the play rpc and checks its mandatory input', async () => {
    const ok = await s.send('POST', '/restconf/operations/example-jukebox:play', { body: { 'example-jukebox:input': { playlist: 'Foo-One', 'song-number': 1 } } });
    expect(ok.status).toBe(204);
    expect((await s.send('POST', '/restconf/operations/example-jukebox:play', { body: { 'example-jukebox:input': {} } })).status).toBe(400);
  });

  it('lists the module in the yang library', async () => {
    const lib = (await s.get('/restconf/data/ietf-yang-library:modules-state/module=example-jukebox,2016-08-15')).json();
    expect(lib['ietf-yang-library:module'][0]).toMatchObject({ namespace: 'http://example.com/ns/example-jukebox', 'conformance-type': 'implement' });
  });
});

describe('compiled ietf-interfaces with ietf-ip', () => {
  let s: TestServer;
  const IFACE = '/restconf/data/ietf-interfaces:interfaces/interface=eth0';
  const XML = 'application/yang-data+xml';

  beforeAll(async () => {
    const schema = compile(['ietf/ietf-interfaces@2018-02-20.yang', 'ietf/ietf-ip@2018-02-22.yang', 'iana/iana-if-type@2023-01-26.yang']);
    s = await startServer(schema, {
      handlers: {
        state: () => ({
          'ietf-interfaces:interfaces': {
            interface: [{ name: 'eth0', 'oper-status': 'up', statistics: { 'discontinuity-time': '2024-01-01T00:00:00Z', 'in-octets': '1234' } }],
          },
        }),
      },
    });
  });

  afterAll(() => s.close());

  it('creates an interface with an augmented ipv4 address (namespace change in JSON)', async () => {
    const body = {
      'ietf-interfaces:interface': [
        {
          name: 'eth0',
          type: 'iana-if-type:ethernetCsmacd',
          'ietf-ip:ipv4': { address: [{ ip: '192.0.2.1', 'prefix-length': 24 }] },
        },
      ],
    };
    expect((await s.send('PUT', IFACE, { body })).status).toBe(201);
    const res = await s.get(`${IFACE}/ietf-ip:ipv4/address=192.0.2.1`);
    expect(res.json()).toEqual({ 'ietf-ip:address': [{ ip: '192.0.2.1', 'prefix-length': 24 }] });
  });

  it('rejects an address that does not match the ipv4 pattern', async () => {
    const res = await s.send('PUT', `${IFACE}/ietf-ip:ipv4/address=192.0.2.300`, { body: { 'ietf-ip:address': [{ ip: '192.0.2.300', 'prefix-length': 24 }] } });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]['error-app-tag']).toBe('pattern-violation');
  });

  it('writes XML with the ietf-ip namespace and an iana-if-type identity prefix', async () => {
    const xml = (await s.get(`${IFACE}?content=config`, { Accept: XML })).text;
    expect(xml).toContain('<interface xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces"><name>eth0</name>');
    expect(xml).toContain('<type xmlns:iana-if-type="urn:ietf:params:xml:ns:yang:iana-if-type">iana-if-type:ethernetCsmacd</type>');
    expect(xml).toContain('<ipv4 xmlns="urn:ietf:params:xml:ns:yang:ietf-ip"><address><ip>192.0.2.1</ip><prefix-length>24</prefix-length></address></ipv4>');
  });

  it('merges provided state under config list entries; content=nonconfig keeps the keys', async () => {
    const res = await s.get(`${IFACE}?content=nonconfig&fields=oper-status`);
    expect(res.json()).toEqual({ 'ietf-interfaces:interface': [{ name: 'eth0', 'oper-status': 'up' }] });
  });

  it('reports the enabled default with with-defaults=report-all', async () => {
    const res = await s.get(`${IFACE}/enabled?with-defaults=report-all`);
    expect(res.json()).toEqual({ 'ietf-interfaces:enabled': true });
  });
});
