import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { workspaceSetup } from '../../src/lsp/server.js';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-lsp-setup-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('workspace setup of yangkit lsp', () => {
  it('takes the search paths of yangkit.config.json first, from any workspace folder', () => {
    const [a, b] = [folder(), folder()];
    mkdirSync(join(b, 'models'));
    mkdirSync(join(b, 'deps'));
    const config = { cacheDir: false, jobs: [{ inputs: ['models'], searchPaths: ['deps'], emit: [{ emitter: 'tree', out: 'out' }] }] };
    writeFileSync(join(b, 'yangkit.config.json'), JSON.stringify(config));
    expect(workspaceSetup([a, b], ['ignored'])).toEqual({ inputs: [a, b], searchPaths: [join(b, 'deps')], from: 'config' });
  });

  it("uses the config's cache folder only in a trusted workspace", () => {
    const a = folder();
    const config = { cacheDir: '.cache', jobs: [{ inputs: ['.'], emit: [{ emitter: 'tree', out: 'out' }] }] };
    writeFileSync(join(a, 'yangkit.config.json'), JSON.stringify(config));
    expect(workspaceSetup([a], undefined).cacheDir).toBe(join(a, '.cache'));
    expect(workspaceSetup([a], undefined, false)).toEqual({ inputs: [a], searchPaths: [], from: 'config' });
  });

  it('else the yangkit.searchPaths setting, relative to the first folder, ~ for the home folder', () => {
    const a = folder();
    expect(workspaceSetup([a], ['lib', '~/yang'])).toEqual({ inputs: [a], searchPaths: [join(a, 'lib'), join(homedir(), 'yang')], from: 'settings' });
  });

  it('else the workspace folders alone', () => {
    const a = folder();
    expect(workspaceSetup([a], undefined)).toEqual({ inputs: [a], searchPaths: [], from: 'workspace' });
  });
});
