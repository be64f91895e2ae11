import { afterEach, describe, expect, it } from 'vitest';
import { RestconfError, type CommitHandler } from '../../src/restconf/index.js';
import { type TestServer, startServer } from './client.js';
import { jukeboxSchema } from './fixtures.js';

const PLAYER = '/restconf/data/example-jukebox:jukebox/player';

let s: TestServer;
afterEach(() => s.close());

describe('commit handler', () => {
  it('sees each validated change with the configuration before and after', async () => {
    const changes: { before: unknown; after: unknown }[] = [];
    const commit: CommitHandler = (change) => {
      changes.push(structuredClone(change));
    };
    s = await startServer(jukeboxSchema(), { handlers: { commit } });
    expect((await s.send('PUT', PLAYER, { body: { 'example-jukebox:player': { gap: '0.5' } } })).status).toBe(201);
    expect(changes).toEqual([{ before: {}, after: { 'example-jukebox:jukebox': { player: { gap: '0.5' } } } }]);
  });

  it('refuses the edit when the handler throws, leaving the datastore unchanged', async () => {
    const commit: CommitHandler = ({ after }) => {
      const gap = (after['example-jukebox:jukebox'] as { player?: { gap?: string } } | undefined)?.player?.gap;
      if (gap === '1.5') throw RestconfError.of('operation-failed', 'the device refused gap 1.5', { type: 'application' });
    };
    s = await startServer(jukeboxSchema(), { handlers: { commit } });
    expect((await s.send('PUT', PLAYER, { body: { 'example-jukebox:player': { gap: '0.5' } } })).status).toBe(201);
    const refused = await s.send('PUT', PLAYER, { body: { 'example-jukebox:player': { gap: '1.5' } } });
    expect(refused.json()['ietf-restconf:errors'].error[0]['error-message']).toBe('the device refused gap 1.5');
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await s.get(PLAYER)).json()).toEqual({ 'example-jukebox:player': { gap: '0.5' } });
  });
});
