import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatastoreFileError, FileDatastore } from '../../src/restconf/index.js';
import { startServer } from './client.js';
import { JUKEBOX_DATA, jukeboxSchema } from './fixtures.js';

const JUKEBOX = '/restconf/data/example-jukebox:jukebox';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yangkit-ds-'));
  file = join(dir, 'running.json');
});

afterEach(() => rm(dir, { recursive: true, force: true }));

describe('file datastore', () => {
  it('keeps committed data and its ETag across a restart', async () => {
    const first = await startServer(jukeboxSchema(), { datastore: await FileDatastore.open(file) });
    expect((await first.send('PUT', JUKEBOX, { body: JUKEBOX_DATA })).status).toBe(201);
    const etag = (await first.get(JUKEBOX)).headers.etag;
    await first.close();

    const second = await startServer(jukeboxSchema(), { datastore: await FileDatastore.open(file) });
    const res = await second.get(`${JUKEBOX}/player`);
    expect(res.json()).toEqual({ 'example-jukebox:player': { gap: '0.5', queue: ['a', 'b'] } });
    expect(res.headers.etag).toBe(etag);
    await second.close();
    expect(await readdir(dir)).toEqual(['running.json']);
  });

  it('ignores a temporary file left by a crash mid-write', async () => {
    const ds = await FileDatastore.open(file);
    await ds.commit({ 'example-jukebox:jukebox': { player: { gap: '1.0' } } });
    await writeFile(join(dir, '.running.json.999.abcdef.tmp'), '{"format": "yangkit-datas');
    const reopened = await FileDatastore.open(file);
    expect(reopened.current().data).toEqual({ 'example-jukebox:jukebox': { player: { gap: '1.0' } } });
  });

  it('serialises concurrent commits so the last one wins on disk', async () => {
    const ds = await FileDatastore.open(file);
    await Promise.all([1, 2, 3, 4, 5].map((n) => ds.commit({ n })));
    expect((await FileDatastore.open(file)).current().data).toEqual({ n: 5 });
  });

  it('refuses a corrupt file with a message naming it', async () => {
    await writeFile(file, '{"format": "yangkit-datastore/1", "data": {');
    await expect(FileDatastore.open(file)).rejects.toThrow(DatastoreFileError);
    await expect(FileDatastore.open(file)).rejects.toThrow(`datastore file ${file}: not valid JSON`);
    await writeFile(file, '{"something": "else"}');
    await expect(FileDatastore.open(file)).rejects.toThrow(/not a yangkit-datastore\/1 file/);
  });

  it('starts empty when the file does not exist yet', async () => {
    const ds = await FileDatastore.open(file);
    expect(ds.current().data).toEqual({});
    expect(await readdir(dir)).toEqual([]);
  });
});
