import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestServer, startServer } from './client.js';
import { JUKEBOX_NS, jukeboxSchema } from './fixtures.js';
import { subscribe as subscribeUrl } from './sse-client.js';

let s: TestServer;

beforeEach(async () => {
  s = await startServer(jukeboxSchema());
});

afterEach(() => s.close());

const subscribe = (path: string) => subscribeUrl(`${s.base}${path}`);

describe('event streams', { timeout: 10_000 }, () => {
  it('drops a subscriber that stops reading, instead of buffering without end', async () => {
    const { res } = await subscribe('/restconf/streams/NETCONF/json');
    res.pause(); // a stalled client: nothing it is sent gets read
    const title = 'x'.repeat(64 * 1024);
    // 25 MiB of events: far past the server's bound (4 MiB unread) plus what the kernel buffers.
    for (let i = 0; i < 400; i++) {
      s.notify({ 'example-jukebox:song-played': { title } });
      await new Promise((r) => setImmediate(r));
    }
    // Reading again, the client gets what was sent before the drop, then the end of the stream.
    const ended = new Promise<string>((resolve) => res.on('close', () => resolve('closed')));
    res.resume();
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 5_000));
    expect(await Promise.race([ended, timeout])).toBe('closed');
    res.destroy();
  });

  it('delivers notify() to a JSON SSE subscriber', async () => {
    const { res, next } = await subscribe('/restconf/streams/NETCONF/json');
    expect(res.headers['content-type']).toBe('text/event-stream');
    s.notify({ 'example-jukebox:song-played': { title: 'Rope', seconds: 259 } }, new Date('2024-05-01T10:00:00Z'));
    const event = await next();
    expect(event.startsWith('data: ')).toBe(true);
    expect(JSON.parse(event.slice('data: '.length))).toEqual({
      'ietf-restconf:notification': { eventTime: '2024-05-01T10:00:00.000Z', 'example-jukebox:song-played': { title: 'Rope', seconds: 259 } },
    });
    res.destroy();
  });

  it('delivers XML notifications on the xml stream', async () => {
    const { res, next } = await subscribe('/restconf/streams/NETCONF/xml');
    s.notify({ 'example-jukebox:song-played': { title: 'Rope' } }, new Date('2024-05-01T10:00:00Z'));
    expect(await next()).toBe(
      `data: <notification xmlns="urn:ietf:params:xml:ns:netconf:notification:1.0"><eventTime>2024-05-01T10:00:00.000Z</eventTime>` +
        `<song-played xmlns="${JUKEBOX_NS}"><title>Rope</title></song-played></notification>`,
    );
    res.destroy();
  });

  it('validates notifications against the schema', () => {
    expect(() => s.notify({ 'example-jukebox:song-played': { seconds: 'long' } })).toThrow(/expected a JSON number/);
    expect(() => s.notify({ 'example-jukebox:jukebox': {} })).toThrow(/not a notification/);
  });

  it('needs Accept: text/event-stream and a known stream', async () => {
    expect((await s.get('/restconf/streams/NETCONF/json', { Accept: 'application/yang-data+json' })).status).toBe(406);
    expect((await s.get('/restconf/streams/OTHER/json', { Accept: 'text/event-stream' })).status).toBe(404);
    expect((await s.get('/restconf/streams/%ZZ/json', { Accept: 'text/event-stream' })).status).toBe(400);
  });
});
