/**
 * Event stream replay and filtering (RFC 8040 sections 4.8.4, 4.8.7, 4.8.8 and
 * 6.3, with RFC 5277 section 2.1.1 replay) and replay-support in
 * ietf-restconf-monitoring (RFC 8040 section 9.3).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RestconfServerOptions } from '../../src/restconf/index.js';
import { parseDateAndTime } from '../../src/restconf/stream-query.js';
import { type TestServer, startServer } from './client.js';
import { jukeboxSchema } from './fixtures.js';
import { eventJson, subscribe } from './sse-client.js';

const STREAM = '/restconf/streams/NETCONF/json';
const T = (minute: number) => `2024-05-01T10:${String(minute).padStart(2, '0')}:00Z`;

let s: TestServer | undefined;
afterEach(() => s?.close());

async function start(opts: Partial<RestconfServerOptions> = {}): Promise<TestServer> {
  s = await startServer(jukeboxSchema(), opts);
  return s;
}

function played(srv: TestServer, title: string, minute?: number, seconds?: number): void {
  srv.notify({ 'example-jukebox:song-played': { title, ...(seconds === undefined ? {} : { seconds }) } }, minute === undefined ? new Date() : new Date(T(minute)));
}

const titleOf = (event: string) => (eventJson(event)['example-jukebox:song-played'] as { title: string }).title;

/** The RFC 5277 subscription event (module nc-notifications) an SSE event carries, checking its envelope: an eventTime of when it was sent, no content. */
function subscriptionEvent(event: string, sentAfter: number): string {
  const { eventTime, ...members } = eventJson(event);
  expect(parseDateAndTime(eventTime)).toBeGreaterThanOrEqual(sentAfter - 1000);
  const [member, ...others] = Object.keys(members);
  expect(others).toEqual([]);
  expect(members[member!]).toEqual({});
  return member!;
}

function query(params: Record<string, string>): string {
  return `${STREAM}?${new URLSearchParams(params).toString().replace(/\+/g, '%20')}`;
}

describe('replay (RFC 8040 4.8.7, RFC 5277 2.1.1)', { timeout: 10_000 }, () => {
  it('delivers the kept notifications from start-time in order, then replayComplete, then live ones', async () => {
    const srv = await start();
    played(srv, 'one', 1);
    played(srv, 'two', 2);
    played(srv, 'three', 3);
    const subscribed = Date.now();
    const stream = await subscribe(`${srv.base}${query({ 'start-time': T(2) })}`);
    expect(titleOf(await stream.next())).toBe('two');
    const third = eventJson(await stream.next());
    expect(third.eventTime).toBe('2024-05-01T10:03:00.000Z');
    expect((third['example-jukebox:song-played'] as { title: string }).title).toBe('three');
    expect(subscriptionEvent(await stream.next(), subscribed)).toBe('nc-notifications:replayComplete');
    played(srv, 'live');
    expect(titleOf(await stream.next())).toBe('live');
    stream.res.destroy();
  });

  it('starts with the oldest kept notification when start-time is older than the log; the log is bounded', async () => {
    const srv = await start({ replayBuffer: 2 });
    for (const [i, title] of ['a', 'b', 'c'].entries()) played(srv, title, i + 1);
    const stream = await subscribe(`${srv.base}${query({ 'start-time': '2000-01-01T00:00:00Z' })}`);
    expect(titleOf(await stream.next())).toBe('b');
    expect(titleOf(await stream.next())).toBe('c');
    stream.res.destroy();
  });

  it('without start-time, only live notifications are sent', async () => {
    const srv = await start();
    played(srv, 'old', 1);
    const stream = await subscribe(`${srv.base}${STREAM}`);
    played(srv, 'new');
    expect(titleOf(await stream.next())).toBe('new');
    stream.res.destroy();
  });

  it('sends replayComplete even when nothing is replayed', async () => {
    const srv = await start();
    const subscribed = Date.now();
    const stream = await subscribe(`${srv.base}${query({ 'start-time': T(0) })}`);
    expect(subscriptionEvent(await stream.next(), subscribed)).toBe('nc-notifications:replayComplete');
    stream.res.destroy();
  });

  it('ends the stream after the replay, replayComplete and notificationComplete when stop-time has passed (RFC 8040 4.8.8)', async () => {
    const srv = await start();
    for (const [i, title] of ['a', 'b', 'c', 'd'].entries()) played(srv, title, i + 1);
    const subscribed = Date.now();
    const stream = await subscribe(`${srv.base}${query({ 'start-time': T(2), 'stop-time': T(3) })}`);
    expect(titleOf(await stream.next())).toBe('b');
    expect(titleOf(await stream.next())).toBe('c');
    expect(subscriptionEvent(await stream.next(), subscribed)).toBe('nc-notifications:replayComplete');
    expect(subscriptionEvent(await stream.next(), subscribed)).toBe('nc-notifications:notificationComplete');
    await expect(stream.next()).rejects.toThrow('ended');
  });

  it('with a future stop-time, sends live notifications until then and ends the stream at stop-time', async () => {
    const srv = await start();
    played(srv, 'past', 1);
    const stop = new Date(Date.now() + 600);
    const stream = await subscribe(`${srv.base}${query({ 'start-time': T(0), 'stop-time': stop.toISOString() })}`);
    expect(titleOf(await stream.next())).toBe('past');
    expect(subscriptionEvent(await stream.next(), 0)).toBe('nc-notifications:replayComplete');
    played(srv, 'before stop');
    expect(titleOf(await stream.next())).toBe('before stop');
    // An event stamped after stop-time is not sent, even while the stream is still open.
    srv.notify({ 'example-jukebox:song-played': { title: 'after stop' } }, new Date(stop.getTime() + 1000));
    // notificationComplete is sent once stop-time is reached (RFC 5277 2.1.1), stamped then.
    expect(subscriptionEvent(await stream.next(), stop.getTime())).toBe('nc-notifications:notificationComplete');
    await stream.ended;
    expect(Date.now()).toBeGreaterThanOrEqual(stop.getTime());
    await expect(stream.next()).rejects.toThrow('ended');
  });

  it('sends the subscription events on the XML stream as RFC 5277 elements', async () => {
    const srv = await start();
    played(srv, 'a', 1);
    const stream = await subscribe(`${srv.base}/restconf/streams/NETCONF/xml?start-time=${T(0)}&stop-time=${T(2)}`);
    expect(await stream.next()).toContain('<title>a</title>');
    const envelope = (event: string) =>
      new RegExp(
        `^data: <notification xmlns="urn:ietf:params:xml:ns:netconf:notification:1.0"><eventTime>[^<]+</eventTime>` +
          `<${event} xmlns="urn:ietf:params:xml:ns:netmod:notification"/></notification>$`,
      );
    expect(await stream.next()).toMatch(envelope('replayComplete'));
    expect(await stream.next()).toMatch(envelope('notificationComplete'));
    await expect(stream.next()).rejects.toThrow('ended');
  });
});

describe('filter (RFC 8040 4.8.4)', { timeout: 10_000 }, () => {
  it('sends only the notifications for which the XPath expression is true, replayed and live', async () => {
    const srv = await start();
    played(srv, 'short', 1, 50);
    played(srv, 'long', 2, 300);
    const filter = '/example-jukebox:song-played[example-jukebox:seconds > 100]';
    const stream = await subscribe(`${srv.base}${query({ 'start-time': T(0), filter })}`);
    expect(titleOf(await stream.next())).toBe('long');
    // The subscription's own events are not filtered.
    expect(subscriptionEvent(await stream.next(), 0)).toBe('nc-notifications:replayComplete');
    played(srv, 'short live', undefined, 10);
    played(srv, 'no seconds');
    played(srv, 'long live', undefined, 1000);
    expect(titleOf(await stream.next())).toBe('long live');
    stream.res.destroy();
  });

  it('names in the notification module need no prefix; functions of XPath and YANG apply', async () => {
    const srv = await start();
    const stream = await subscribe(`${srv.base}${query({ filter: "starts-with(song-played/title, 'R')" })}`);
    played(srv, 'Nothing');
    played(srv, 'Rope');
    expect(titleOf(await stream.next())).toBe('Rope');
    stream.res.destroy();
  });

  it('applies on the XML stream too', async () => {
    const srv = await start();
    const stream = await subscribe(`${srv.base}/restconf/streams/NETCONF/xml?filter=${encodeURIComponent("//title = 'b'")}`);
    played(srv, 'a');
    played(srv, 'b');
    expect(await stream.next()).toContain('<title>b</title>');
    stream.res.destroy();
  });
});

describe('bad stream parameters are 400 invalid-value', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['stop-time without start-time (4.8.8)', { 'stop-time': T(1) }, /stop-time needs start-time/],
    ['stop-time not later than start-time (4.8.8)', { 'start-time': T(2), 'stop-time': T(2) }, /later than start-time/],
    ['start-time in the future (4.8.7)', { 'start-time': '2999-01-01T00:00:00Z' }, /later than the current time/],
    ['start-time that is not a date-and-time', { 'start-time': 'yesterday' }, /date-and-time/],
    ['a date that does not exist', { 'start-time': '2023-02-29T00:00:00Z' }, /date-and-time/],
    ['filter that does not parse', { filter: '/song-played[' }, /filter/],
    ['filter with an unknown module prefix', { filter: '/nosuch:song-played' }, /unknown module prefix "nosuch"/],
    ['filter with a variable (none are bound)', { filter: '$x' }, /filter/],
    ['empty filter', { filter: '' }, /filter needs/],
    ['a parameter streams do not take', { depth: '1' }, /not allowed on an event stream/],
  ];
  it.each(cases)('%s', async (_, params, message) => {
    const srv = await start();
    const res = await srv.get(query(params), { Accept: 'text/event-stream' });
    expect(res.status).toBe(400);
    const error = res.json()['ietf-restconf:errors'].error[0];
    expect(error['error-tag']).toBe('invalid-value');
    expect(error['error-message']).toMatch(message);
  });

  it('start-time on a stream without replay (replayBuffer 0) is refused', async () => {
    const srv = await start({ replayBuffer: 0 });
    const res = await srv.get(query({ 'start-time': T(1) }), { Accept: 'text/event-stream' });
    expect(res.status).toBe(400);
    expect(res.json()['ietf-restconf:errors'].error[0]['error-message']).toMatch(/does not support replay/);
  });

  it('filter and the replay parameters are not taken by data resources', async () => {
    const srv = await start();
    expect((await srv.get(`/restconf/data?start-time=${T(1)}`)).status).toBe(400);
  });
});

describe('restconf-state (RFC 8040 9.1.1, 9.3)', () => {
  const STATE = '/restconf/data/ietf-restconf-monitoring:restconf-state';

  it('says the stream supports replay, since when, and lists the replay and filter capabilities', async () => {
    const before = Date.now();
    const srv = await start();
    const state = (await srv.get(STATE)).json()['ietf-restconf-monitoring:restconf-state'];
    const stream = state.streams.stream[0];
    expect(stream['replay-support']).toBe(true);
    const created = parseDateAndTime(stream['replay-log-creation-time']);
    expect(created).toBeGreaterThanOrEqual(before - 1000);
    expect(created).toBeLessThanOrEqual(Date.now());
    expect(state.capabilities.capability).toEqual(
      expect.arrayContaining(['urn:ietf:params:restconf:capability:replay:1.0', 'urn:ietf:params:restconf:capability:filter:1.0']),
    );
  });

  it('without a replay buffer: replay-support false, no creation time, no replay capability', async () => {
    const srv = await start({ replayBuffer: 0 });
    const state = (await srv.get(STATE)).json()['ietf-restconf-monitoring:restconf-state'];
    expect(state.streams.stream[0]['replay-support']).toBe(false);
    expect(state.streams.stream[0]).not.toHaveProperty('replay-log-creation-time');
    expect(state.capabilities.capability).not.toContain('urn:ietf:params:restconf:capability:replay:1.0');
  });
});

describe('nc-notifications (RFC 5277), the module of replayComplete and notificationComplete', () => {
  const LIBRARY = '/restconf/data/ietf-yang-library:modules-state/module=nc-notifications,2008-07-14';
  const STREAMS = '/restconf/data/nc-notifications:netconf/streams';

  it('is listed in the yang library as implemented (RFC 7895, RFC 7950 5.6.5: its notifications are sent)', async () => {
    const srv = await start();
    const r = await srv.get(LIBRARY);
    expect(r.status).toBe(200);
    expect(r.json()['ietf-yang-library:module']).toEqual([
      { name: 'nc-notifications', revision: '2008-07-14', namespace: 'urn:ietf:params:xml:ns:netmod:notification', 'conformance-type': 'implement' },
    ]);
    const all = (await srv.get('/restconf/data/ietf-yang-library:modules-state')).json()['ietf-yang-library:modules-state'].module;
    expect(all.map((m: { name: string }) => m.name)).toContain('nc-notifications');
  });

  it('serves its streams: the NETCONF stream with its replay log creation and aged times (RFC 5277 3.2.5.1)', async () => {
    const srv = await start({ replayBuffer: 1 });
    const stream = () => srv.get(STREAMS).then((r) => r.json()['nc-notifications:streams'].stream[0]);
    const first = await stream();
    expect(first).toEqual({ name: 'NETCONF', description: 'default NETCONF event stream', replaySupport: true, replayLogCreationTime: expect.any(String) });
    played(srv, 'kept then dropped', 1);
    expect(await stream()).not.toHaveProperty('replayLogAgedTime');
    played(srv, 'kept', 2);
    expect(await stream()).toEqual({ ...first, replayLogAgedTime: '2024-05-01T10:01:00.000Z' });
  });

  it('without a replay buffer: replaySupport false and no log times', async () => {
    const srv = await start({ replayBuffer: 0 });
    expect((await srv.get(STREAMS)).json()).toEqual({ 'nc-notifications:streams': { stream: [{ name: 'NETCONF', description: 'default NETCONF event stream', replaySupport: false }] } });
  });
});

describe('parseDateAndTime (RFC 6991 date-and-time)', () => {
  it.each([
    ['2024-05-01T10:00:00Z', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T12:30:00+02:30', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T05:00:00.250-05:00', Date.UTC(2024, 4, 1, 10, 0, 0, 250)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    // Years below 100 are not shifted to the 1900s.
    ['0050-01-01T00:00:00Z', new Date('0050-01-01T00:00:00Z').getTime()],
  ])('%s', (text, ms) => expect(parseDateAndTime(text)).toBe(ms));

  it.each(['2024-05-01', '2024-05-01T10:00:00', '2024-13-01T00:00:00Z', '2024-04-31T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T10:00:00+24:00', '2024-05-01t10:00:00z'])(
    'refuses %s',
    (text) => expect(parseDateAndTime(text)).toBeUndefined(),
  );
});
