import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';
import { CORPUS } from '../corpus/paths.js';
import { tempDir, writeTree } from './helpers.js';

/** Runs a command without blocking the test worker (npm install can take a while). */
const run = async (cmd: string, args: string[], cwd: string): Promise<string> =>
  (await promisify(execFile)(cmd, args, { cwd, encoding: 'utf8', timeout: 150_000 })).stdout;

describe('the npm package', () => {
  it('installs from its tarball into an empty project and runs with npx', async () => {
    // `npm test` has just built dist/, so the pack skips the prepare script's second build.
    const packed = tempDir();
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', packed], ROOT);
    const [tarball] = readdirSync(packed).filter((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const project = tempDir();
    writeTree(project, {
      'package.json': JSON.stringify({ name: 'try-yangkit', private: true }),
      'models/example-jukebox.yang': readFileSync(join(CORPUS, 'examples/example-jukebox.yang'), 'utf8'),
      'dhcp.yang': readFileSync(join(ROOT, 'samples/dhcp.yang'), 'utf8'),
      'yangkit.config.json': JSON.stringify({ jobs: [{ inputs: ['models'], emit: [{ emitter: 'tree', out: 'trees' }] }] }),
    });
    await run('npm', ['install', '--no-audit', '--no-fund', join(packed, tarball!)], project);

    expect(await run('npx', ['yangkit', '--help'], project)).toMatch(/^Usage: yangkit \[options\] \[command\][\s\S]*\bbuild\b/);
    const golden = readFileSync(join(ROOT, 'test/fixtures/tree/example-jukebox.txt'), 'utf8');
    expect(await run('npx', ['yangkit', 'tree', 'models/example-jukebox.yang'], project)).toBe(golden);
    expect(await run('npx', ['yangkit', 'build'], project)).toMatch(/^yangkit: job "job 1": compiled 1 module; re-ran tree example-jukebox: wrote trees\/example-jukebox\.txt/);
    expect(readFileSync(join(project, 'trees/example-jukebox.txt'), 'utf8')).toBe(golden);
    // The README quick start: dhcp.yang imports ietf-inet-types and ietf-yang-types, which the package ships.
    await run('npx', ['yangkit', 'swagger', 'dhcp.yang', '-o', 'dhcp.swagger.json'], project);
    expect(JSON.parse(readFileSync(join(project, 'dhcp.swagger.json'), 'utf8')).swagger).toBe('2.0');
  }, 180_000);
});
