import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestServer, startServer } from './client.js';
import { jukeboxSchema } from './fixtures.js';

const DATA = '/restconf/data';
const LIBRARY = `${DATA}/example-jukebox:jukebox/library`;

let s: TestServer;

beforeEach(async () => {
  s = await startServer(jukeboxSchema());
  const res = await s.send('PUT', `${DATA}/example-jukebox:jukebox`, {
    body: {
      'example-jukebox:jukebox': {
        library: {
          artist: [
            {
              name: 'Foo Fighters',
              album: [{ name: 'Wasting Light', genre: 'example-jukebox:alternative', year: 2011, song: [{ name: 'Rope', location: '/media/rope.mp3' }] }],
            },
          ],
        },
        player: { gap: '0.5' },
      },
    },
  });
  expect(res.status).toBe(201);
});

afterEach(() => s.close());

describe('retrieval', () => {
  it('returns a list entry as an array of one, with module-qualified top member', async () => {
    const res = await s.get(`${LIBRARY}/artist=Foo%20Fighters/album=Wasting%20Light`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/yang-data+json');
    expect(res.json()).toEqual({
      'example-jukebox:album': [
        { name: 'Wasting Light', genre: 'example-jukebox:alternative', year: 2011, song: [{ name: 'Rope', location: '/media/rope.mp3' }] },
      ],
    });
  });

  it('returns 404 with an errors body for a missing instance', async () => {
    const res = await s.get(`${LIBRARY}/artist=Nobody`);
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({
      'ietf-restconf:errors': {
        error: [{ 'error-type': 'protocol', 'error-tag': 'invalid-value', 'error-path': "/example-jukebox:jukebox/library/artist[name='Nobody']", 'error-message': 'resource not found' }],
      },
    });
  });

  it('returns 400 unknown-element for a name the schema does not have', async () => {
    const res = await s.get(`${DATA}/example-jukebox:jukebox/nothing`);
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('unknown-element');
  });

  it('percent-decodes keys after splitting on commas and slashes', async () => {
    const put = await s.send('PUT', `${LIBRARY}/artist=AC%2FDC%2C%20Inc`, { body: { 'example-jukebox:artist': [{ name: 'AC/DC, Inc' }] } });
    expect(put.status).toBe(201);
    const res = await s.get(`${LIBRARY}/artist=AC%2FDC%2C%20Inc/name`);
    expect(res.json()).toEqual({ 'example-jukebox:name': 'AC/DC, Inc' });
  });

  it('reads the datastore wrapped in ietf-restconf:data, with the yang library', async () => {
    const res = await s.get(`${DATA}`);
    const doc = res.json()['ietf-restconf:data'];
    expect(doc['example-jukebox:jukebox'].player).toEqual({ gap: '0.5' });
    const modules = doc['ietf-yang-library:modules-state'].module.map((m: { name: string }) => m.name);
    expect(modules).toEqual(expect.arrayContaining(['example-jukebox', 'example-jukebox-ext', 'ietf-yang-library']));
  });

  it('supports HEAD with headers and no body', async () => {
    const res = await s.send('HEAD', LIBRARY);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.headers.etag).toMatch(/^".+"$/);
  });
});

describe('edits', () => {
  it('POST creates a child, answers 201 with Location, and 409 when it exists', async () => {
    const body = { 'example-jukebox:album': [{ name: 'Sonic Highways', year: 2014 }] };
    const created = await s.send('POST', `${LIBRARY}/artist=Foo%20Fighters`, { body });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${LIBRARY}/artist=Foo%20Fighters/album=Sonic%20Highways`);
    expect((await s.get(created.headers.location!)).json()['example-jukebox:album'][0].year).toBe(2014);
    const again = await s.send('POST', `${LIBRARY}/artist=Foo%20Fighters`, { body });
    expect(again.status).toBe(409);
    expect(again.json()['ietf-restconf:errors'].error[0]).toMatchObject({
      'error-tag': 'data-exists',
      'error-path': "/example-jukebox:jukebox/library/artist[name='Foo Fighters']/album[name='Sonic Highways']",
    });
  });

  it('PUT replaces (204) an existing resource entirely', async () => {
    const url = `${LIBRARY}/artist=Foo%20Fighters/album=Wasting%20Light`;
    const res = await s.send('PUT', url, { body: { 'example-jukebox:album': [{ name: 'Wasting Light', year: 2012 }] } });
    expect(res.status).toBe(204);
    expect((await s.get(url)).json()).toEqual({ 'example-jukebox:album': [{ name: 'Wasting Light', year: 2012 }] });
  });

  it('PUT rejects a body whose key differs from the URI', async () => {
    const res = await s.send('PUT', `${LIBRARY}/artist=Foo%20Fighters`, { body: { 'example-jukebox:artist': [{ name: 'Other' }] } });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]['error-path']).toBe("/example-jukebox:jukebox/library/artist[name='Foo Fighters']/name");
  });

  it('PATCH merges into the target and 404s on a missing one', async () => {
    const url = `${LIBRARY}/artist=Foo%20Fighters/album=Wasting%20Light`;
    const res = await s.send('PATCH', url, { body: { 'example-jukebox:album': [{ name: 'Wasting Light', admin: { label: 'RCA' } }] } });
    expect(res.status).toBe(204);
    const album = (await s.get(url)).json()['example-jukebox:album'][0];
    expect(album).toMatchObject({ year: 2011, admin: { label: 'RCA' }, song: [{ name: 'Rope' }] });
    const missing = await s.send('PATCH', `${LIBRARY}/artist=X`, { body: { 'example-jukebox:artist': [{ name: 'X' }] } });
    expect(missing.status).toBe(404);
  });

  it('DELETE removes the resource; deleting it again is 409 data-missing', async () => {
    const url = `${LIBRARY}/artist=Foo%20Fighters/album=Wasting%20Light/song=Rope`;
    expect((await s.send('DELETE', url)).status).toBe(204);
    expect((await s.get(url)).status).toBe(404);
    const again = await s.send('DELETE', url);
    expect(again.status).toBe(409);
    expect(again.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('data-missing');
  });

  it('rejects a bad value with 400 and the error-path of the leaf', async () => {
    const res = await s.send('PATCH', `${LIBRARY}/artist=Foo%20Fighters`, {
      body: { 'example-jukebox:artist': [{ name: 'Foo Fighters', album: [{ name: 'Wasting Light', year: 1800 }] }] },
    });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]).toMatchObject({
      'error-type': 'application',
      'error-tag': 'invalid-value',
      'error-app-tag': 'range-violation',
      'error-path': "/example-jukebox:jukebox/library/artist[name='Foo Fighters']/album[name='Wasting Light']/year",
    });
  });

  it('rejects edits of config false nodes and unknown members', async () => {
    const state = await s.send('PATCH', LIBRARY, { body: { 'example-jukebox:library': { 'artist-count': 3 } } });
    expect(state.status).toBe(400);
    expect(state.json()['ietf-restconf:errors'].error[0]['error-path']).toBe('/example-jukebox:jukebox/library/artist-count');
    const unknown = await s.send('PATCH', LIBRARY, { body: { 'example-jukebox:library': { bogus: 1 } } });
    expect(unknown.status).toBe(400);
    expect(unknown.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('unknown-element');
    const put = await s.send('PUT', `${LIBRARY}/artist-count`, { body: { 'example-jukebox:artist-count': 3 } });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('rejects a missing mandatory leaf after the edit', async () => {
    const res = await s.send('POST', `${LIBRARY}/artist=Foo%20Fighters/album=Wasting%20Light`, { body: { 'example-jukebox:song': [{ name: 'Walk' }] } });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]).toMatchObject({
      'error-tag': 'data-missing',
      'error-path': "/example-jukebox:jukebox/library/artist[name='Foo Fighters']/album[name='Wasting Light']/song[name='Walk']/location",
    });
  });

  it('rejects members of two cases of one choice in one body, and switches case on a later edit', async () => {
    const player = `${DATA}/example-jukebox:jukebox/player`;
    const both = await s.send('PATCH', player, { body: { 'example-jukebox:player': { station: 'r1', url: 'http://x' } } });
    expect(both.status).toBe(400);
    expect((await s.send('PATCH', player, { body: { 'example-jukebox:player': { station: 'r1' } } })).status).toBe(204);
    expect((await s.send('PATCH', player, { body: { 'example-jukebox:player': { url: 'http://x' } } })).status).toBe(204);
    expect((await s.get(player)).json()['example-jukebox:player']).toEqual({ gap: '0.5', url: 'http://x' });
  });

  it('checks max-elements and leafref require-instance on the whole datastore', async () => {
    const player = `${DATA}/example-jukebox:jukebox/player`;
    const tooMany = await s.send('PATCH', player, { body: { 'example-jukebox:player': { queue: ['a', 'b', 'c', 'd', 'e'] } } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json()['ietf-restconf:errors'].error[0]['error-app-tag']).toBe('too-many-elements');
    const dangling = await s.send('PATCH', player, { body: { 'example-jukebox:player': { 'example-jukebox-ext:favourite-artist': 'Nobody' } } });
    expect(dangling.status).toBe(400);
    expect(dangling.json()['ietf-restconf:errors'].error[0]['error-app-tag']).toBe('instance-required');
    const ok = await s.send('PATCH', player, { body: { 'example-jukebox:player': { 'example-jukebox-ext:favourite-artist': 'Foo Fighters' } } });
    expect(ok.status).toBe(204);
  });
});

describe('the datastore resource', () => {
  it('PUT replaces the whole datastore and PATCH merges into it', async () => {
    const put = await s.send('PUT', DATA, { body: { 'ietf-restconf:data': { 'example-jukebox:jukebox': { player: { gap: '1.0' } } } } });
    expect(put.status).toBe(204);
    expect((await s.get(`${LIBRARY}`)).status).toBe(404);
    const patch = await s.send('PATCH', DATA, { body: { 'ietf-restconf:data': { 'example-jukebox:jukebox': { player: { queue: ['x'] } } } } });
    expect(patch.status).toBe(204);
    expect((await s.get(`${DATA}/example-jukebox:jukebox`)).json()).toEqual({ 'example-jukebox:jukebox': { player: { gap: '1.0', queue: ['x'] } } });
  });

  it('reads the datastore as XML inside the ietf-restconf data element', async () => {
    const res = await s.get(`${DATA}?content=config&fields=example-jukebox:jukebox/player`, { Accept: 'application/yang-data+xml' });
    expect(res.text).toBe(
      '<data xmlns="urn:ietf:params:xml:ns:yang:ietf-restconf"><jukebox xmlns="http://example.com/ns/example-jukebox"><player><gap>0.5</gap></player></jukebox></data>',
    );
  });

  it('refuses DELETE on the datastore and XML for several list entries', async () => {
    expect((await s.send('DELETE', DATA)).status).toBe(405);
    await s.send('POST', LIBRARY, { body: { 'example-jukebox:artist': [{ name: 'Wire' }] } });
    expect((await s.get(`${LIBRARY}/artist`)).json()['example-jukebox:artist']).toHaveLength(2);
    expect((await s.get(`${LIBRARY}/artist`, { Accept: 'application/yang-data+xml' })).status).toBe(406);
  });
});
