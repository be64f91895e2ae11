/** `yangkit serve --nacm FILE` (RFC 8341 rules in the datastore) and the note when users authenticate without NACM. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/restconf/auth.js';
import { CORPUS } from '../corpus/paths.js';
import { send } from '../restconf/client.js';
import { ROOT } from './run.js';

const CLI = join(ROOT, 'dist/cli/main.js');
const JUKEBOX = join(CORPUS, 'examples/example-jukebox.yang');
const GAP = '/restconf/data/example-jukebox:jukebox/player/gap';

const RULES = {
  'ietf-netconf-acm:nacm': {
    groups: { group: [{ name: 'admin', 'user-name': ['admin'] }] },
    'rule-list': [{ name: 'admin-acl', group: ['admin'], rule: [{ name: 'permit-all', 'module-name': '*', 'access-operations': '*', action: 'permit' }] }],
  },
};

interface Serving {
  child: ChildProcess;
  origin: string;
  stderr: () => string;
}

const running = new Set<ChildProcess>();
let dir: string;
let users: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yangkit-serve-nacm-'));
  users = join(dir, 'users.json');
  writeFileSync(users, JSON.stringify({ users: [{ name: 'admin', password: await hashPassword('pw') }, { name: 'guest', password: await hashPassword('pw') }] }));
  writeFileSync(join(dir, 'nacm.json'), JSON.stringify(RULES));
});

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function serve(...args: string[]): Promise<Serving> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--http', ...args, JUKEBOX], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c;
      const m = /^yangkit: serving .* at (http:\/\/[^/\s]+)/m.exec(stdout);
      if (m) resolve({ child, origin: m[1]!, stderr: () => stderr });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
}

function stop(s: Serving): Promise<void> {
  running.delete(s.child);
  return new Promise((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

const as = (s: Serving, user: string, method: string, path: string, body?: object) =>
  send(s.origin, method, path, { headers: { Authorization: `Basic ${Buffer.from(`${user}:pw`).toString('base64')}` }, ...(body ? { body } : {}) });

describe('yangkit serve --nacm', { timeout: 30_000 }, () => {
  it('says once that authenticated users have full access when --users comes without --nacm', async () => {
    const s = await serve('--users', users);
    try {
      expect((await as(s, 'guest', 'PUT', GAP, { 'example-jukebox:gap': '1.0' })).status).toBe(201);
      expect(s.stderr()).toBe('yangkit: no --nacm given: every authenticated user has full access\n');
    } finally {
      await stop(s);
    }
  });

  it('enforces the rules, keeps them in --data, and keeps enforcing them after a restart without --nacm (RFC 8341 3.4.5)', async () => {
    const data = join(dir, 'data.json');
    const first = await serve('--users', users, '--nacm', join(dir, 'nacm.json'), '--data', data);
    try {
      expect(first.stderr()).toBe('');
      // write-default deny (RFC 8341 3.5) for guest, permit-all for admin.
      expect((await as(first, 'guest', 'PUT', GAP, { 'example-jukebox:gap': '1.0' })).status).toBe(403);
      expect((await as(first, 'admin', 'PUT', GAP, { 'example-jukebox:gap': '1.0' })).status).toBe(201);
    } finally {
      await stop(first);
    }
    const again = await serve('--users', users, '--data', data);
    try {
      expect((await as(again, 'guest', 'PUT', GAP, { 'example-jukebox:gap': '2.0' })).status).toBe(403);
      // Unreadable data is answered as missing (RFC 8040 4.3).
      expect((await as(again, 'guest', 'GET', '/restconf/data/ietf-netconf-acm:nacm')).status).toBe(404);
      expect(again.stderr()).toBe('');
    } finally {
      await stop(again);
    }
  });

  it('names a --nacm file whose rules do not fit ietf-netconf-acm, and a bad --cert-to-name', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ 'ietf-netconf-acm:nacm': { 'write-default': 'sometimes' } }));
    const r = spawnSync(process.execPath, [CLI, 'serve', '--http', '--port', '0', '--nacm', bad, JUKEBOX], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/^yangkit: error: --nacm: \/ietf-netconf-acm:nacm\/write-default: /);
    const c = spawnSync(process.execPath, [CLI, 'serve', '--http', '--cert-to-name', 'uid', JUKEBOX], { encoding: 'utf8' });
    expect(c.status).not.toBe(0);
    expect(c.stderr).toContain('--cert-to-name expects cn, san-email, san-dns, not "uid"');
  });
});
