/** A generated project installs and runs as its README says: a real `npm install`, no links made by hand. */
import { execFile } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { compileYang } from '../../../src/compile/index.js';
import { emitServerProject, yangkitDependency } from '../../../src/emit/server/index.js';
import { writeFilesAtomic } from '../../../src/output/write-atomic.js';
import { ROOT } from '../../cli/run.js';
import { CORPUS } from '../../corpus/paths.js';
import { send } from '../../restconf/client.js';
import { type RunningProject, startProject } from './project.js';

const npm = async (args: string[], cwd: string): Promise<void> => {
  await promisify(execFile)('npm', args, { cwd, timeout: 150_000 });
};

describe('the yangkit dependency of a generated project', () => {
  it('is the registry release for an installed yangkit, the folder itself for a checkout', () => {
    expect(yangkitDependency('1.2.3', '/home/u/app/node_modules/yangkit/')).toBe('^1.2.3');
    expect(yangkitDependency('1.2.3', '/home/u/src/yangkit/')).toBe('file:/home/u/src/yangkit');
  });
});

describe('a generated example-jukebox server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-install-'));
  let server: RunningProject | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs with npm install, builds with npm run build and answers requests', async () => {
    const { schema } = compileYang({ files: [join(CORPUS, 'examples/example-jukebox.yang')] });
    writeFilesAtomic(dir, await emitServerProject(schema));
    await npm(['install', '--no-audit', '--no-fund'], dir);
    expect(realpathSync(join(dir, 'node_modules/yangkit'))).toBe(realpathSync(ROOT));
    await npm(['run', 'build'], dir);
    server = await startProject(dir, ['--http']);
    const created = await send(server.base, 'PUT', '/restconf/data/example-jukebox:jukebox', { body: { 'example-jukebox:jukebox': { library: { artist: [{ name: 'Foo Fighters' }] } } } });
    expect(created.status).toBe(201);
    const read = await send(server.base, 'GET', '/restconf/data/example-jukebox:jukebox/library/artist=Foo%20Fighters');
    expect(read.status).toBe(200);
    expect(read.json()).toEqual({ 'example-jukebox:artist': [{ name: 'Foo Fighters' }] });
  }, 300_000);
});
