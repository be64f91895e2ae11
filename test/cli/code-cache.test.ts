import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './run.js';

const DHCP = join(ROOT, 'samples/dhcp.yang');
const isCache = (name: string): boolean => name.endsWith('.v8cache');

/** A copy of the built package (dist/cli, package.json, yang/) without any code cache, and a user cache folder. */
function installedCopy(): { pkg: string; cli: string; userCache: string } {
  const pkg = mkdtempSync(join(tmpdir(), 'yangkit-code-cache-'));
  cpSync(join(ROOT, 'dist/cli'), join(pkg, 'dist/cli'), { recursive: true, filter: (src) => !isCache(src) });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(ROOT, 'yang'), join(pkg, 'yang'));
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  const userCache = join(pkg, 'user-cache');
  return { pkg, cli: join(pkg, 'dist/cli'), userCache };
}

function run(cli: string, userCache: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(cli, 'main.js'), ...args], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: userCache } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI entry and V8 code cache', () => {
  let pkg: string | undefined;
  afterEach(() => pkg && rmSync(pkg, { recursive: true, force: true }));

  it('writes a cache beside the bundle on the first run and gives the same output from it', () => {
    const copy = installedCopy();
    pkg = copy.pkg;
    const first = run(copy.cli, copy.userCache, 'tree', DHCP);
    expect(first.status).toBe(0);
    const caches = readdirSync(copy.cli).filter(isCache);
    expect(caches).toHaveLength(1);
    const second = run(copy.cli, copy.userCache, 'tree', DHCP);
    expect(second).toEqual(first);
    expect(readdirSync(copy.cli).filter(isCache)).toEqual(caches);
  });

  it('compiles the source when the cache is not usable, and replaces it', () => {
    const copy = installedCopy();
    pkg = copy.pkg;
    expect(run(copy.cli, copy.userCache, 'check', DHCP).status).toBe(0);
    const [name] = readdirSync(copy.cli).filter(isCache);
    writeFileSync(join(copy.cli, name!), 'not a code cache');
    const r = run(copy.cli, copy.userCache, 'check', DHCP);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readdirSync(copy.cli).filter(isCache)).toEqual([name]);
    expect(statSync(join(copy.cli, name!)).size).toBeGreaterThan(10_000);
  });

  it('falls back to the user cache folder when the bundle folder does not take the cache, and never fails the command for it', () => {
    const copy = installedCopy();
    pkg = copy.pkg;
    // A folder where the cache file would go: neither readable nor replaceable as a file (as root, too).
    const first = run(copy.cli, copy.userCache, 'check', DHCP);
    const [name] = readdirSync(copy.cli).filter(isCache);
    rmSync(join(copy.cli, name!));
    mkdirSync(join(copy.cli, name!, 'blocked'), { recursive: true });
    const r = run(copy.cli, copy.userCache, 'check', DHCP);
    expect(r).toEqual(first);
    expect(readdirSync(join(copy.userCache, 'yangkit'))).toEqual([name]);
    // The user cache folder unusable too (a file where the folder would be): the command still succeeds.
    rmSync(copy.userCache, { recursive: true });
    writeFileSync(copy.userCache, '');
    expect(run(copy.cli, copy.userCache, 'check', DHCP)).toEqual(first);
  });
});
