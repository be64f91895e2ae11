import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestServer, startServer } from './client.js';
import { EXT_NS, JUKEBOX_DATA, JUKEBOX_NS, jukeboxSchema } from './fixtures.js';
import type { RestconfServerOptions } from '../../src/restconf/index.js';

const DATA = '/restconf/data';
const JUKEBOX = `${DATA}/example-jukebox:jukebox`;
const XML = 'application/yang-data+xml';

let s: TestServer;

async function start(opts: Partial<RestconfServerOptions> = {}): Promise<TestServer> {
  s = await startServer(jukeboxSchema(), opts);
  const seed = `${opts.root ?? '/restconf'}/data/example-jukebox:jukebox`;
  expect((await s.send('PUT', seed, { body: JUKEBOX_DATA })).status).toBe(201);
  return s;
}

afterEach(() => s.close());

describe('discovery and top-level resources', () => {
  it('serves host-meta with the root link, and the root resource', async () => {
    await start();
    const meta = await s.get('/.well-known/host-meta');
    expect(meta.headers['content-type']).toBe('application/xrd+xml');
    expect(meta.text).toContain('<Link rel="restconf" href="/restconf"/>');
    expect((await s.get('/restconf')).json()).toEqual({
      'ietf-restconf:restconf': { data: {}, operations: {}, 'yang-library-version': '2016-06-21' },
    });
    expect((await s.get('/restconf/yang-library-version')).json()).toEqual({ 'ietf-restconf:yang-library-version': '2016-06-21' });
    expect((await s.get('/restconf/operations')).json()).toEqual({ 'ietf-restconf:operations': { 'example-jukebox:play': [null], 'example-jukebox:status': [null] } });
  });

  it('uses a custom root everywhere', async () => {
    await start({ root: '/api/rc' });
    expect((await s.get('/.well-known/host-meta')).text).toContain('href="/api/rc"');
    expect((await s.get('/api/rc/data/example-jukebox:jukebox/player/gap')).json()).toEqual({ 'example-jukebox:gap': '0.5' });
    expect((await s.get('/restconf/data')).status).toBe(404);
  });

  it('answers OPTIONS with the methods the resource allows', async () => {
    await start();
    const data = await s.send('OPTIONS', `${JUKEBOX}/library/artist=Nick%20Cave`);
    expect(data.headers.allow).toBe('GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE');
    expect(data.headers['accept-patch']).toContain('application/yang-patch+json');
    expect((await s.send('OPTIONS', '/restconf/operations/example-jukebox:play')).headers.allow).toBe('POST, OPTIONS');
    const wrong = await s.send('DELETE', '/restconf/operations/example-jukebox:play');
    expect(wrong.status).toBe(405);
    expect(wrong.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('operation-not-supported');
  });

  it('sends the NSO security headers (no HSTS over plain HTTP)', async () => {
    await start({ headers: { 'X-XSS-Protection': '' } });
    const res = await s.get(JUKEBOX);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-xss-protection']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('lists the event stream in restconf-state', async () => {
    await start();
    const res = await s.get(`${DATA}/ietf-restconf-monitoring:restconf-state/streams`);
    const stream = res.json()['ietf-restconf-monitoring:streams'].stream[0];
    expect(stream.name).toBe('NETCONF');
    expect(stream.access).toContainEqual({ encoding: 'json', location: `${s.base}/restconf/streams/NETCONF/json` });
  });
});

describe('media types', () => {
  it('406 for an Accept it cannot produce, 415 for an unknown Content-Type', async () => {
    await start();
    expect((await s.get(JUKEBOX, { Accept: 'text/html' })).status).toBe(406);
    const res = await s.send('PUT', `${JUKEBOX}/player/gap`, { body: '{"example-jukebox:gap":"1.0"}', headers: { 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(415);
  });

  it('RFC 8259 8.1, XML 1.0 4.3.3: a body that is not valid UTF-8 is 400 malformed-message and nothing is stored', async () => {
    await start();
    const station = `${JUKEBOX}/player/station`;
    for (const [type, body] of [
      ['application/yang-data+json', '{"example-jukebox:station":"X\xff"}'],
      [XML, `<station xmlns="${JUKEBOX_NS}">X\xff</station>`],
    ] as const) {
      // "\xff" as latin1 is the lone byte 0xFF, which never occurs in UTF-8.
      const res = await s.send('PUT', station, { body: Buffer.from(body, 'latin1'), headers: { 'Content-Type': type } });
      expect(res.status).toBe(400);
      expect(res.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('malformed-message');
      expect((await s.get(station)).status).toBe(404);
    }
  });

  it('RFC 7950 9.4: a JSON string holding a character YANG and XML 1.0 exclude (NUL, a lone surrogate) is 400 invalid-value, not stored', async () => {
    await start();
    const station = `${JUKEBOX}/player/station`;
    for (const body of ['{"example-jukebox:station":"a\\u0000b"}', '{"example-jukebox:station":"a\\ud800b"}']) {
      const res = await s.send('PUT', station, { body });
      expect(res.status).toBe(400);
      expect(res.json()['ietf-restconf:errors'].error[0]).toMatchObject({ 'error-tag': 'invalid-value', 'error-path': '/example-jukebox:jukebox/player/station' });
      expect((await s.get(station)).status).toBe(404);
    }
    // Tab, line feed and characters beyond the BMP are yang-chars.
    expect((await s.send('PUT', station, { body: { 'example-jukebox:station': 'a\tb\n\u{1F3B5}' } })).status).toBe(201);
  });

  it('400 malformed-message for a body that is not JSON', async () => {
    await start();
    const res = await s.send('PUT', `${JUKEBOX}/player/gap`, { body: '{"example-', headers: { 'Content-Type': 'application/yang-data+json' } });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('malformed-message');
  });
});

describe('XML encoding', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });

  it('writes module namespaces where they change and identity prefixes', async () => {
    await start();
    await s.send('PATCH', `${JUKEBOX}/player`, { body: { 'example-jukebox:player': { 'example-jukebox-ext:shuffle': true } } });
    const player = await s.get(`${JUKEBOX}/player`, { Accept: XML });
    expect(player.headers['content-type']).toBe(XML);
    expect(parser.parse(player.text)).toEqual({
      player: { '@xmlns': JUKEBOX_NS, gap: '0.5', queue: ['a', 'b'], shuffle: { '#text': 'true', '@xmlns': EXT_NS } },
    });
    const album = await s.get(`${JUKEBOX}/library/artist=Foo%20Fighters/album=Wasting%20Light/genre`, { Accept: XML });
    expect(album.text).toBe(`<genre xmlns="${JUKEBOX_NS}" xmlns:example-jukebox="${JUKEBOX_NS}">example-jukebox:alternative</genre>`);
  });

  it('reads XML bodies: lists, typed leaves, identityref prefixes from xmlns', async () => {
    await start();
    const body = `<album xmlns="${JUKEBOX_NS}" xmlns:jb="${JUKEBOX_NS}"><name>Carnage</name><genre>jb:rock</genre><year>2021</year>
      <song><name>Hand of God</name><location>/m/hog.mp3</location><length>200</length></song></album>`;
    const res = await s.send('POST', `${JUKEBOX}/library/artist=Nick%20Cave`, { body, headers: { 'Content-Type': XML } });
    expect(res.status).toBe(201);
    const json = (await s.get(`${JUKEBOX}/library/artist=Nick%20Cave/album=Carnage`)).json();
    expect(json).toEqual({
      'example-jukebox:album': [{ name: 'Carnage', genre: 'example-jukebox:rock', year: 2021, song: [{ name: 'Hand of God', location: '/m/hog.mp3', length: 200 }] }],
    });
  });

  it('round-trips a PUT in XML, including empty and bits leaves from another module', async () => {
    await start();
    const body = `<player xmlns="${JUKEBOX_NS}"><gap>1.5</gap><mute xmlns="${EXT_NS}"/><flags xmlns="${EXT_NS}">random repeat</flags><play-count xmlns="${EXT_NS}">9007199254740993</play-count></player>`;
    expect((await s.send('PUT', `${JUKEBOX}/player`, { body, headers: { 'Content-Type': XML } })).status).toBe(204);
    expect((await s.get(`${JUKEBOX}/player`)).json()).toEqual({
      'example-jukebox:player': {
        gap: '1.5',
        'example-jukebox-ext:mute': [null],
        'example-jukebox-ext:flags': 'repeat random',
        'example-jukebox-ext:play-count': '9007199254740993',
      },
    });
    const xml = (await s.get(`${JUKEBOX}/player`, { Accept: XML })).text;
    expect(xml).toContain(`<mute xmlns="${EXT_NS}"/>`);
    expect(xml).toContain(`<play-count xmlns="${EXT_NS}">9007199254740993</play-count>`);
  });

  it('RFC 8040 7.1, RFC 7950 9.13.2: every node name in an XML error-path carries a declared prefix, key names included', async () => {
    await start();
    const body = `<year xmlns="${JUKEBOX_NS}">12</year>`;
    const res = await s.send('PUT', `${JUKEBOX}/library/artist=Nick%20Cave/album=Ghosteen/year`, { body, headers: { 'Content-Type': XML, Accept: XML } });
    expect(res.status).toBe(400);
    const err = parser.parse(res.text).errors.error;
    expect(err['error-tag']).toBe('invalid-value');
    expect(err['error-path']).toEqual({
      '#text': "/example-jukebox:jukebox/example-jukebox:library/example-jukebox:artist[example-jukebox:name='Nick Cave']/example-jukebox:album[example-jukebox:name='Ghosteen']/example-jukebox:year",
      '@xmlns:example-jukebox': JUKEBOX_NS,
    });
    // A node of another module switches the prefix, and both are declared.
    const ext = await s.send('PUT', `${JUKEBOX}/player/example-jukebox-ext:play-count`, {
      body: `<play-count xmlns="${EXT_NS}">many</play-count>`,
      headers: { 'Content-Type': XML, Accept: XML },
    });
    expect(parser.parse(ext.text).errors.error['error-path']).toEqual({
      '#text': '/example-jukebox:jukebox/example-jukebox:player/example-jukebox-ext:play-count',
      '@xmlns:example-jukebox': JUKEBOX_NS,
      '@xmlns:example-jukebox-ext': EXT_NS,
    });
  });

  it('RFC 8040 7 (malformed-message): an XML body nested deeper than the limit is 400, not a server error', async () => {
    await start();
    const depth = 200;
    const body = `<player xmlns="${JUKEBOX_NS}">${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</player>`;
    const res = await s.send('PUT', `${JUKEBOX}/player`, { body, headers: { 'Content-Type': XML } });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('malformed-message');
  });

  it('refuses a DOCTYPE (no entity expansion)', async () => {
    await start();
    const body = `<!DOCTYPE gap [<!ENTITY x "1.0">]><gap xmlns="${JUKEBOX_NS}">&x;</gap>`;
    const res = await s.send('PUT', `${JUKEBOX}/player/gap`, { body, headers: { 'Content-Type': XML } });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('malformed-message');
  });

  it('rejects an element from an unknown namespace', async () => {
    await start();
    const body = `<player xmlns="${JUKEBOX_NS}"><gap xmlns="urn:other">1.0</gap></player>`;
    const res = await s.send('PUT', `${JUKEBOX}/player`, { body, headers: { 'Content-Type': XML } });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('unknown-namespace');
  });
});

describe('JSON typing (RFC 7951)', () => {
  it('requires int64 and decimal64 as strings, small integers as numbers, empty as [null]', async () => {
    await start();
    const put = (member: string, value: unknown) =>
      s.send('PATCH', `${JUKEBOX}/player`, { body: { 'example-jukebox:player': { [member]: value } } }).then((r) => r.status);
    expect(await put('example-jukebox-ext:play-count', 5)).toBe(400);
    expect(await put('example-jukebox-ext:play-count', '-9223372036854775808')).toBe(204);
    expect(await put('example-jukebox-ext:play-count', '9223372036854775808')).toBe(400);
    expect(await put('gap', 0.5)).toBe(400);
    expect(await put('gap', '2.05')).toBe(400);
    expect(await put('volume', '5')).toBe(400);
    expect(await put('example-jukebox-ext:mute', true)).toBe(400);
    expect(await put('example-jukebox-ext:mute', [null])).toBe(204);
    expect(await put('example-jukebox-ext:code', 'AB-1')).toBe(400);
    expect(await put('example-jukebox-ext:code', 'ABC-12')).toBe(204);
    expect(await put('example-jukebox-ext:limit', 'unlimited')).toBe(204);
    expect(await put('example-jukebox-ext:limit', 300)).toBe(400);
    expect(await put('example-jukebox-ext:flags', 'repeat bogus')).toBe(400);
  });
});

describe('conditional requests', () => {
  it('304 for a GET with the current ETag or a later If-Modified-Since', async () => {
    await start();
    const first = await s.get(JUKEBOX);
    const etag = first.headers.etag!;
    const notModified = await s.get(JUKEBOX, { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect((await s.get(JUKEBOX, { 'If-Modified-Since': first.headers['last-modified']! })).status).toBe(304);
    await s.send('PATCH', `${JUKEBOX}/player`, { body: { 'example-jukebox:player': { gap: '1.0' } } });
    const changed = await s.get(JUKEBOX, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('412 for an edit with a stale If-Match, or a past If-Unmodified-Since', async () => {
    await start();
    const etag = (await s.get(JUKEBOX)).headers.etag!;
    const body = { 'example-jukebox:gap': '1.0' };
    const ok = await s.send('PUT', `${JUKEBOX}/player/gap`, { body, headers: { 'If-Match': etag } });
    expect(ok.status).toBe(204);
    const stale = await s.send('PUT', `${JUKEBOX}/player/gap`, { body: { 'example-jukebox:gap': '1.5' }, headers: { 'If-Match': etag } });
    expect(stale.status).toBe(412);
    expect(stale.text).toBe('');
    const current = (await s.get(JUKEBOX)).headers.etag!;
    expect((await s.send('PUT', `${JUKEBOX}/player/gap`, { body, headers: { 'If-Match': `W/${current}` } })).status).toBe(412); // strong comparison
    expect((await s.get(JUKEBOX, { 'If-None-Match': `W/${current}` })).status).toBe(304); // weak comparison
    const past = await s.send('PUT', `${JUKEBOX}/player/gap`, { body, headers: { 'If-Unmodified-Since': new Date(0).toUTCString() } });
    expect(past.status).toBe(412);
    expect((await s.get(`${JUKEBOX}/player/gap`)).json()).toEqual({ 'example-jukebox:gap': '1.0' });
  });

  it('RFC 7232 3.1: If-Match: * fails (412) when the target does not exist, and creates nothing', async () => {
    await start();
    const artist = `${JUKEBOX}/library/artist=Nobody`;
    const body = { 'example-jukebox:artist': [{ name: 'Nobody' }] };
    const res = await s.send('PUT', artist, { body, headers: { 'If-Match': '*' } });
    expect(res.status).toBe(412);
    expect((await s.get(artist)).status).toBe(404);
    expect((await s.send('DELETE', artist, { headers: { 'If-Match': '*' } })).status).toBe(412);
    // On an existing target * matches whatever its entity tag.
    expect((await s.send('PUT', `${JUKEBOX}/player/gap`, { body: { 'example-jukebox:gap': '1.0' }, headers: { 'If-Match': '*' } })).status).toBe(204);
  });

  it('RFC 7232 3.2: If-None-Match: * creates only a target that does not exist', async () => {
    await start();
    const artist = `${JUKEBOX}/library/artist=Nobody`;
    const body = { 'example-jukebox:artist': [{ name: 'Nobody' }] };
    expect((await s.send('PUT', artist, { body, headers: { 'If-None-Match': '*' } })).status).toBe(201);
    expect((await s.send('PUT', artist, { body, headers: { 'If-None-Match': '*' } })).status).toBe(412);
  });
});

describe('operations', () => {
  it('an rpc without a handler and without output answers 204 after checking input', async () => {
    await start();
    const ok = await s.send('POST', '/restconf/operations/example-jukebox:play', { body: { 'example-jukebox:input': { playlist: 'Foo-One', 'song-number': 1 } } });
    expect(ok.status).toBe(204);
    const missing = await s.send('POST', '/restconf/operations/example-jukebox:play', { body: { 'example-jukebox:input': { playlist: 'Foo-One' } } });
    expect(missing.status).toBe(400);
    expect(missing.json()['ietf-restconf:errors'].error[0]['error-path']).toBe('/example-jukebox:play/song-number');
  });

  it('an rpc with output but no handler is 501', async () => {
    await start();
    expect((await s.send('POST', '/restconf/operations/example-jukebox:status')).status).toBe(501);
  });

  it('runs custom rpc handlers and checks their output', async () => {
    await start({
      handlers: {
        rpc: {
          'example-jukebox:status': async (_input, ctx) => ({ state: ctx.request.headers['x-state'] as string }),
        },
      },
    });
    const ok = await s.send('POST', '/restconf/operations/example-jukebox:status', { headers: { 'X-State': 'playing' } });
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual({ 'example-jukebox:output': { state: 'playing' } });
    const xml = await s.send('POST', '/restconf/operations/example-jukebox:status', { headers: { 'X-State': 'idle', Accept: XML } });
    expect(xml.text).toBe(`<output xmlns="${JUKEBOX_NS}"><state>idle</state></output>`);
    const invalid = await s.send('POST', '/restconf/operations/example-jukebox:status', { headers: { 'X-State': 'exploded' } });
    expect(invalid.status).toBe(500);
    expect(invalid.json()['ietf-restconf:errors'].error[0]['error-tag']).toBe('operation-failed');
  });

  it('invokes an action on an existing list entry with XML input', async () => {
    const seen: string[] = [];
    await start({
      handlers: {
        action: {
          '/example-jukebox:jukebox/library/artist/album/rate': (input, ctx) => {
            seen.push(`${ctx.instancePath} ${input.stars}`);
            return { average: '4.5' };
          },
        },
      },
    });
    const url = `${JUKEBOX}/library/artist=Nick%20Cave/album=Ghosteen/rate`;
    const res = await s.send('POST', url, { body: `<input xmlns="${JUKEBOX_NS}"><stars>4</stars></input>`, headers: { 'Content-Type': XML } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ 'example-jukebox:output': { average: '4.5' } });
    expect(seen).toEqual(["/example-jukebox:jukebox/library/artist[name='Nick Cave']/album[name='Ghosteen'] 4"]);
    const missing = await s.send('POST', `${JUKEBOX}/library/artist=Nick%20Cave/album=Nope/rate`, { body: { 'example-jukebox:input': { stars: 1 } } });
    expect(missing.status).toBe(404);
  });
});
