import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestServer, startServer } from './client.js';
import { JUKEBOX_DATA, jukeboxSchema } from './fixtures.js';

const DATA = '/restconf/data';
const JUKEBOX = `${DATA}/example-jukebox:jukebox`;

let s: TestServer;

beforeEach(async () => {
  s = await startServer(jukeboxSchema(), { handlers: { state: () => ({ 'example-jukebox:jukebox': { library: { 'artist-count': 2 } } }) } });
  expect((await s.send('PUT', JUKEBOX, { body: JUKEBOX_DATA })).status).toBe(201);
});

afterEach(() => s.close());

const errorOf = (res: { json(): { 'ietf-restconf:errors': { error: Record<string, string>[] } } }) => res.json()['ietf-restconf:errors'].error[0]!;

describe('depth', () => {
  it('depth=1 on the datastore shows only top-level nodes, emptied', async () => {
    const doc = (await s.get(`${DATA}?depth=1&content=config`)).json();
    expect(doc).toEqual({ 'ietf-restconf:data': { 'example-jukebox:jukebox': {} } });
  });

  it('depth counts the target as level 1', async () => {
    const doc = (await s.get(`${JUKEBOX}/player?depth=2`)).json();
    expect(doc).toEqual({ 'example-jukebox:player': { gap: '0.5', queue: ['a', 'b'] } });
    const lib = (await s.get(`${JUKEBOX}/library?depth=3&content=config`)).json();
    expect(lib).toEqual({ 'example-jukebox:library': { artist: [{ name: 'Foo Fighters', album: [{}, {}] }, { name: 'Nick Cave', album: [{}] }] } });
  });

  it('rejects depth=0 and depth on PUT', async () => {
    expect(errorOf(await s.get(`${JUKEBOX}?depth=0`))).toMatchObject({ 'error-tag': 'invalid-value', 'error-app-tag': 'invalid-value' });
    const put = await s.send('PUT', `${JUKEBOX}/player?depth=1`, { body: { 'example-jukebox:player': {} } });
    expect(put.status).toBe(400);
  });
});

describe('fields and exclude', () => {
  it('selects nested paths with ; / and ( ), keeping list keys', async () => {
    const res = await s.get(`${JUKEBOX}/library?fields=artist(album(year;admin/label))`);
    expect(res.json()).toEqual({
      'example-jukebox:library': {
        artist: [
          { name: 'Foo Fighters', album: [{ name: 'Wasting Light', year: 2011, admin: { label: 'RCA' } }, { name: 'One by One', year: 2002 }] },
          { name: 'Nick Cave', album: [{ name: 'Ghosteen', year: 2019 }] },
        ],
      },
    });
  });

  it('fields on the datastore start at module-qualified top-level names', async () => {
    const res = await s.get(`${DATA}?fields=example-jukebox:jukebox/player/gap`);
    expect(res.json()).toEqual({ 'ietf-restconf:data': { 'example-jukebox:jukebox': { player: { gap: '0.5' } } } });
  });

  it('rejects an unknown field and fields with exclude', async () => {
    expect((await s.get(`${JUKEBOX}?fields=nothing`)).status).toBe(400);
    expect((await s.get(`${JUKEBOX}?fields=player&exclude=library`)).status).toBe(400);
  });

  it('exclude removes the named nodes', async () => {
    const res = await s.get(`${JUKEBOX}/player?exclude=queue`);
    expect(res.json()).toEqual({ 'example-jukebox:player': { gap: '0.5' } });
  });
});

describe('content', () => {
  it('nonconfig keeps state and the ancestors that hold it', async () => {
    const res = await s.get(`${JUKEBOX}?content=nonconfig`);
    expect(res.json()).toEqual({ 'example-jukebox:jukebox': { library: { 'artist-count': 2 } } });
  });

  it('config drops state; all (the default) merges it in', async () => {
    expect((await s.get(`${JUKEBOX}/library?content=config`)).json()['example-jukebox:library']['artist-count']).toBeUndefined();
    expect((await s.get(`${JUKEBOX}/library`)).json()['example-jukebox:library']['artist-count']).toBe(2);
  });

  it('rejects an unknown content value', async () => {
    expect((await s.get(`${JUKEBOX}?content=everything`)).status).toBe(400);
  });
});

describe('with-defaults', () => {
  it('explicit (basic mode) reports only what was set', async () => {
    expect((await s.get(`${JUKEBOX}/player`)).json()['example-jukebox:player']).toEqual({ gap: '0.5', queue: ['a', 'b'] });
  });

  it('report-all adds defaults, including the default case of a choice', async () => {
    const player = (await s.get(`${JUKEBOX}/player?with-defaults=report-all`)).json()['example-jukebox:player'];
    expect(player).toEqual({ gap: '0.5', queue: ['a', 'b'], volume: 50, bitrate: 128 });
  });

  it('report-all answers a GET on an unset leaf that has a default', async () => {
    expect((await s.get(`${JUKEBOX}/player/volume`)).status).toBe(404);
    expect((await s.get(`${JUKEBOX}/player/volume?with-defaults=report-all`)).json()).toEqual({ 'example-jukebox:volume': 50 });
  });

  it('report-all-tagged marks default values; trim drops values equal to the default', async () => {
    await s.send('PATCH', `${JUKEBOX}/player`, { body: { 'example-jukebox:player': { volume: 50, station: 'r1' } } });
    const tagged = (await s.get(`${JUKEBOX}/player?with-defaults=report-all-tagged`)).json()['example-jukebox:player'];
    expect(tagged).toEqual({
      gap: '0.5',
      queue: ['a', 'b'],
      volume: 50,
      '@volume': { 'ietf-netconf-with-defaults:default': true },
      station: 'r1',
    });
    const trimmed = (await s.get(`${JUKEBOX}/player?with-defaults=trim`)).json()['example-jukebox:player'];
    expect(trimmed).toEqual({ gap: '0.5', queue: ['a', 'b'], station: 'r1' });
  });
});

describe('insert and point', () => {
  const queue = `${JUKEBOX}/player/queue`;

  it('POST with insert=first puts a leaf-list value first', async () => {
    const res = await s.send('POST', `${JUKEBOX}/player?insert=first`, { body: { 'example-jukebox:queue': ['z'] } });
    expect(res.status).toBe(201);
    expect((await s.get(queue)).json()).toEqual({ 'example-jukebox:queue': ['z', 'a', 'b'] });
  });

  it('insert=after with point places an entry after another', async () => {
    const point = encodeURIComponent('/example-jukebox:jukebox/player/queue=a');
    const res = await s.send('POST', `${JUKEBOX}/player?insert=after&point=${point}`, { body: { 'example-jukebox:queue': ['m'] } });
    expect(res.status).toBe(201);
    expect((await s.get(queue)).json()).toEqual({ 'example-jukebox:queue': ['a', 'm', 'b'] });
  });

  it('PUT with insert=before moves an existing list entry', async () => {
    const playlist = `${JUKEBOX}/playlist=Foo-One`;
    const point = encodeURIComponent('/example-jukebox:jukebox/playlist=Foo-One/song=1');
    const res = await s.send('PUT', `${playlist}/song=2?insert=before&point=${point}`, { body: { 'example-jukebox:song': [{ index: 2, id: "/example-jukebox:jukebox/library/artist[name='Nick Cave']" }] } });
    expect(res.status).toBe(204);
    const songs = (await s.get(`${playlist}?fields=song/index`)).json()['example-jukebox:playlist'][0].song;
    expect(songs).toEqual([{ index: 2 }, { index: 1 }]);
  });

  it('rejects insert on a system-ordered list, and point without insert', async () => {
    const sys = await s.send('POST', `${JUKEBOX}/library?insert=first`, { body: { 'example-jukebox:artist': [{ name: 'New' }] } });
    expect(sys.status).toBe(400);
    const point = await s.send('POST', `${JUKEBOX}/player?point=x`, { body: { 'example-jukebox:queue': ['q'] } });
    expect(point.status).toBe(400);
  });

  it('rejects a point that does not exist', async () => {
    const point = encodeURIComponent('/example-jukebox:jukebox/player/queue=nope');
    const res = await s.send('POST', `${JUKEBOX}/player?insert=before&point=${point}`, { body: { 'example-jukebox:queue': ['m'] } });
    expect(res.status).toBe(400);
  });
});

describe('parameter rules', () => {
  it('rejects unknown and repeated parameters', async () => {
    expect((await s.get(`${JUKEBOX}?foo=1`)).status).toBe(400);
    expect((await s.get(`${JUKEBOX}?depth=1&depth=2`)).status).toBe(400);
  });

  it('rejects query parameters on operation invocation', async () => {
    const res = await s.send('POST', '/restconf/operations/example-jukebox:play?depth=1', {
      body: { 'example-jukebox:input': { playlist: 'Foo-One', 'song-number': 1 } },
    });
    expect(res.status).toBe(400);
    expect(errorOf(res)['error-app-tag']).toBe('invalid-value');
  });
});
