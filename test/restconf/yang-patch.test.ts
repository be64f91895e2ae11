import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestServer, startServer } from './client.js';
import { JUKEBOX_DATA, JUKEBOX_NS, jukeboxSchema } from './fixtures.js';

const JUKEBOX = '/restconf/data/example-jukebox:jukebox';
const PATCH_JSON = { 'Content-Type': 'application/yang-patch+json' };

let s: TestServer;

beforeEach(async () => {
  s = await startServer(jukeboxSchema());
  expect((await s.send('PUT', JUKEBOX, { body: JUKEBOX_DATA })).status).toBe(201);
});

afterEach(() => s.close());

const patch = (edits: object[]) => ({ 'ietf-yang-patch:yang-patch': { 'patch-id': 'p1', edit: edits } });

describe('YANG Patch (RFC 8072)', () => {
  it('applies create, merge and delete edits in one request and answers ok', async () => {
    const body = patch([
      { 'edit-id': 'e1', operation: 'create', target: '/artist=Wire', value: { 'example-jukebox:artist': [{ name: 'Wire', album: [{ name: 'Pink Flag', year: 1977 }] }] } },
      { 'edit-id': 'e2', operation: 'merge', target: '/artist=Nick%20Cave/album=Ghosteen', value: { 'example-jukebox:album': [{ name: 'Ghosteen', genre: 'rock' }] } },
      { 'edit-id': 'e3', operation: 'delete', target: '/artist=Foo%20Fighters/album=One%20by%20One' },
    ]);
    const res = await s.send('PATCH', `${JUKEBOX}/library`, { body, headers: PATCH_JSON });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ 'ietf-yang-patch:yang-patch-status': { 'patch-id': 'p1', ok: [null] } });
    const lib = (await s.get(`${JUKEBOX}/library?fields=artist/album(name;genre)`)).json()['example-jukebox:library'];
    expect(lib.artist).toEqual([
      { name: 'Foo Fighters', album: [{ name: 'Wasting Light', genre: 'example-jukebox:alternative' }] },
      { name: 'Nick Cave', album: [{ name: 'Ghosteen', genre: 'example-jukebox:rock' }] },
      { name: 'Wire', album: [{ name: 'Pink Flag' }] },
    ]);
  });

  it('is all-or-nothing: a failing edit reports its edit-status and changes nothing', async () => {
    const before = (await s.get(JUKEBOX)).headers.etag;
    const body = patch([
      { 'edit-id': 'e1', operation: 'create', target: '/artist=Wire', value: { 'example-jukebox:artist': [{ name: 'Wire' }] } },
      { 'edit-id': 'e2', operation: 'create', target: '/artist=Nick%20Cave', value: { 'example-jukebox:artist': [{ name: 'Nick Cave' }] } },
    ]);
    const res = await s.send('PATCH', `${JUKEBOX}/library`, { body, headers: PATCH_JSON });
    expect(res.status).toBe(409);
    expect(res.json()).toEqual({
      'ietf-yang-patch:yang-patch-status': {
        'patch-id': 'p1',
        'edit-status': {
          edit: [
            {
              'edit-id': 'e2',
              errors: {
                error: [
                  {
                    'error-type': 'application',
                    'error-tag': 'data-exists',
                    'error-path': "/example-jukebox:jukebox/library/artist[name='Nick Cave']",
                    'error-message': "/example-jukebox:jukebox/library/artist[name='Nick Cave'] already exists",
                  },
                ],
              },
            },
          ],
        },
      },
    });
    expect((await s.get(JUKEBOX)).headers.etag).toBe(before);
    expect((await s.get(`${JUKEBOX}/library/artist=Wire`)).status).toBe(404);
  });

  it('reports a validation failure of the result as global errors', async () => {
    const body = patch([{ 'edit-id': 'e1', operation: 'merge', target: '/song=Walk', value: { 'example-jukebox:song': [{ name: 'Walk' }] } }]);
    const res = await s.send('PATCH', `${JUKEBOX}/library/artist=Foo%20Fighters/album=Wasting%20Light`, { body, headers: PATCH_JSON });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-yang-patch:yang-patch-status'].errors.error[0]['error-tag']).toBe('data-missing');
  });

  it('inserts and moves entries of an ordered-by user list', async () => {
    const body = patch([
      { 'edit-id': 'e1', operation: 'insert', target: '/song=3', where: 'first', value: { 'example-jukebox:song': [{ index: 3, id: "/example-jukebox:jukebox/library/artist[name='Nick Cave']" }] } },
      { 'edit-id': 'e2', operation: 'move', target: '/song=1', where: 'after', point: '/song=2' },
    ]);
    const res = await s.send('PATCH', `${JUKEBOX}/playlist=Foo-One`, { body, headers: PATCH_JSON });
    expect(res.status).toBe(200);
    const songs = (await s.get(`${JUKEBOX}/playlist=Foo-One?fields=song/index`)).json()['example-jukebox:playlist'][0].song;
    expect(songs).toEqual([{ index: 3 }, { index: 2 }, { index: 1 }]);
  });

  it('accepts the XML form', async () => {
    const body = `<yang-patch xmlns="urn:ietf:params:xml:ns:yang:ietf-yang-patch"><patch-id>x1</patch-id>
      <edit><edit-id>e1</edit-id><operation>replace</operation><target>/gap</target><value><gap xmlns="${JUKEBOX_NS}">2.0</gap></value></edit>
      <edit><edit-id>e2</edit-id><operation>remove</operation><target>/queue=a</target></edit></yang-patch>`;
    const res = await s.send('PATCH', `${JUKEBOX}/player`, { body, headers: { 'Content-Type': 'application/yang-patch+xml', Accept: 'application/yang-data+xml' } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<patch-id>x1</patch-id><ok/>');
    expect((await s.get(`${JUKEBOX}/player`)).json()).toEqual({ 'example-jukebox:player': { gap: '2.0', queue: ['b'] } });
  });

  it('rejects a value that names another entry than the edit target', async () => {
    const before = (await s.get(JUKEBOX)).headers.etag;
    for (const edit of [
      { 'edit-id': 'e1', operation: 'create', target: '/player/queue=x', value: { 'example-jukebox:queue': ['y'] } },
      { 'edit-id': 'e1', operation: 'replace', target: '/library/artist=Wire', value: { 'example-jukebox:artist': [{ name: 'Pink Flag' }] } },
    ]) {
      const res = await s.send('PATCH', JUKEBOX, { body: patch([edit]), headers: PATCH_JSON });
      expect(res.status).toBe(400);
      expect(res.json()['ietf-yang-patch:yang-patch-status']['edit-status'].edit[0].errors.error[0]['error-message']).toMatch(/does not match the target/);
    }
    expect((await s.get(JUKEBOX)).headers.etag).toBe(before);
  });

  it('rejects an unknown operation as malformed', async () => {
    const res = await s.send('PATCH', `${JUKEBOX}/player`, { body: patch([{ 'edit-id': 'e1', operation: 'explode', target: '/gap' }]), headers: PATCH_JSON });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('malformed-message');
  });
});
