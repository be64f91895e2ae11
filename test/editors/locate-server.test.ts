import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isExecutableFile, locateServer, type LocateOptions } from '../../editors/vscode/src/locate-server.js';

/** Options over a file system holding exactly `files` (all executable). */
function posix(files: string[], extra: Partial<LocateOptions> = {}): LocateOptions {
  const exists = new Set(files);
  return { workspaceFolders: ['/ws/a', '/ws/b'], trusted: true, pathEnv: '/usr/local/bin:/usr/bin', platform: 'linux', home: '/home/me', isExecutable: (f) => exists.has(f), ...extra };
}

function windows(files: string[], extra: Partial<LocateOptions> = {}): LocateOptions {
  const exists = new Set(files.map((f) => f.toLowerCase()));
  return {
    workspaceFolders: ['C:\\ws\\a'],
    trusted: true,
    pathEnv: 'C:\\Windows;C:\\Users\\me\\AppData\\Roaming\\npm',
    pathExt: '.COM;.EXE;.BAT;.CMD',
    platform: 'win32',
    home: 'C:\\Users\\me',
    isExecutable: (f) => exists.has(f.toLowerCase()),
    ...extra,
  };
}

describe('locating the yangkit executable', () => {
  it("prefers a workspace folder's node_modules/.bin, in folder order, over PATH", () => {
    const files = ['/ws/b/node_modules/.bin/yangkit', '/usr/bin/yangkit'];
    expect(locateServer(posix(files))).toEqual({ found: true, command: '/ws/b/node_modules/.bin/yangkit', shell: false, from: 'workspace' });
    expect(locateServer(posix([...files, '/ws/a/node_modules/.bin/yangkit']))).toMatchObject({ command: '/ws/a/node_modules/.bin/yangkit' });
  });

  it('falls back to PATH, in PATH order', () => {
    expect(locateServer(posix(['/usr/bin/yangkit', '/usr/local/bin/yangkit']))).toEqual({ found: true, command: '/usr/local/bin/yangkit', shell: false, from: 'path' });
    expect(locateServer(posix(['/usr/bin/yangkit'], { workspaceFolders: [] }))).toMatchObject({ command: '/usr/bin/yangkit', from: 'path' });
    // A relative PATH entry would name a folder of the workspace (the server's working folder).
    expect(locateServer(posix(['bin/yangkit', '/usr/bin/yangkit'], { pathEnv: 'bin:/usr/bin' }))).toMatchObject({ command: '/usr/bin/yangkit' });
  });

  it('takes yangkit.path over both: absolute, relative to the first folder, under ~, or a name on PATH', () => {
    const everywhere = ['/ws/a/node_modules/.bin/yangkit', '/usr/bin/yangkit'];
    expect(locateServer(posix([...everywhere, '/opt/yk/bin/yangkit'], { setting: '/opt/yk/bin/yangkit' }))).toEqual({
      found: true,
      command: '/opt/yk/bin/yangkit',
      shell: false,
      from: 'setting',
    });
    expect(locateServer(posix([...everywhere, '/ws/a/tools/yangkit'], { setting: './tools/yangkit' }))).toMatchObject({ command: '/ws/a/tools/yangkit', from: 'setting' });
    expect(locateServer(posix([...everywhere, '/home/me/bin/yangkit'], { setting: '~/bin/yangkit' }))).toMatchObject({ command: '/home/me/bin/yangkit', from: 'setting' });
    expect(locateServer(posix([...everywhere, '/usr/bin/yangkit-dev'], { setting: 'yangkit-dev' }))).toMatchObject({ command: '/usr/bin/yangkit-dev', from: 'setting' });
    // Blank means unset.
    expect(locateServer(posix(everywhere, { setting: '  ' }))).toMatchObject({ from: 'workspace' });
  });

  it('reports a yangkit.path that names nothing, without falling back', () => {
    const result = locateServer(posix(['/usr/bin/yangkit'], { setting: '/opt/missing/yangkit' }));
    expect(result).toEqual({ found: false, message: expect.stringContaining('"yangkit.path" is "/opt/missing/yangkit", but no executable is there') });
    expect(locateServer(posix(['/usr/bin/yangkit'], { setting: 'yk' }))).toMatchObject({ found: false, message: expect.stringContaining('by that name on PATH') });
  });

  it('says where it looked and what to do when there is no yangkit at all', () => {
    const result = locateServer(posix([], { pathEnv: undefined }));
    expect(result.found).toBe(false);
    if (!result.found) {
      expect(result.message).toContain('node_modules/.bin');
      expect(result.message).toContain('PATH');
      expect(result.message).toContain('npm install --save-dev yangkit');
      expect(result.message).toContain('"yangkit.path"');
    }
  });

  it('runs nothing from an untrusted workspace: neither its node_modules/.bin nor a relative yangkit.path', () => {
    const files = ['/ws/a/node_modules/.bin/yangkit', '/ws/a/tools/yangkit', '/usr/bin/yangkit', '/opt/yk/yangkit'];
    expect(locateServer(posix(files, { trusted: false }))).toMatchObject({ command: '/usr/bin/yangkit', from: 'path' });
    expect(locateServer(posix(files, { trusted: false, setting: 'tools/yangkit' }))).toEqual({ found: false, message: expect.stringContaining('not trusted') });
    expect(locateServer(posix(files, { trusted: false, setting: '/opt/yk/yangkit' }))).toMatchObject({ command: '/opt/yk/yangkit', from: 'setting' });
    expect(locateServer(posix(files.slice(0, 2), { trusted: false }))).toEqual({ found: false, message: expect.stringContaining('trust the workspace') });
  });

  it("on Windows, finds npm's .cmd shims through PATHEXT and runs them through the shell", () => {
    expect(locateServer(windows(['C:\\ws\\a\\node_modules\\.bin\\yangkit.cmd', 'C:\\ws\\a\\node_modules\\.bin\\yangkit']))).toEqual({
      found: true,
      command: 'C:\\ws\\a\\node_modules\\.bin\\yangkit.CMD',
      shell: true,
      from: 'workspace',
    });
    expect(locateServer(windows(['C:\\Users\\me\\AppData\\Roaming\\npm\\yangkit.cmd']))).toMatchObject({ from: 'path', shell: true });
    expect(locateServer(windows(['D:\\yk\\yangkit.exe'], { setting: 'D:\\yk\\yangkit.exe' }))).toEqual({ found: true, command: 'D:\\yk\\yangkit.exe', shell: false, from: 'setting' });
    expect(locateServer(windows(['D:\\yk\\yangkit.exe'], { setting: 'D:\\yk\\yangkit' }))).toMatchObject({ command: 'D:\\yk\\yangkit.EXE' });
  });

  it.skipIf(process.platform === 'win32')('checks the real file system for an executable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yangkit-locate-'));
    try {
      const script = join(dir, 'yangkit');
      writeFileSync(script, '#!/bin/sh\n');
      chmodSync(script, 0o644);
      expect(isExecutableFile(script)).toBe(false);
      chmodSync(script, 0o755);
      expect(isExecutableFile(script)).toBe(true);
      expect(isExecutableFile(dir)).toBe(false);
      expect(locateServer({ workspaceFolders: [], trusted: true, pathEnv: dir, platform: process.platform, home: dir, isExecutable: isExecutableFile })).toMatchObject({ command: script });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
