import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { yangkit } from './run.js';

const MODULE = `module lamp {
  namespace "urn:lamp";
  prefix l;
  container lamp { leaf on { type boolean; } leaf watts { type uint32; config false; } }
  rpc toggle;
}`;

describe('yangkit server', () => {
  let dir: string;
  let yang: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yangkit-cli-server-'));
    yang = join(dir, 'lamp.yang');
    writeFileSync(yang, MODULE);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a project named after its folder', () => {
    const out = join(dir, 'Lamp Server');
    const r = yangkit('server', yang, '-o', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`wrote 15 files to ${out}`);
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).name).toBe('lamp-server');
    expect(readdirSync(join(out, 'src/handlers/lamp')).sort()).toEqual(['lamp.ts', 'rpc-toggle.ts']);
  });

  it('refuses a non-empty folder without --force and leaves it alone', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = yangkit('server', yang, '-o', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is not empty; pass --force');
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('with --force replaces the generated files and keeps the others', () => {
    const out = join(dir, 'out');
    expect(yangkit('server', yang, '-o', out).status).toBe(0);
    const handler = join(out, 'src/handlers/lamp/rpc-toggle.ts');
    writeFileSync(handler, '// edited');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = yangkit('server', yang, '-o', out, '--force');
    expect(r.status).toBe(0);
    expect(readFileSync(handler, 'utf8')).toContain('export async function toggle(');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('writes nothing when the modules do not compile', () => {
    writeFileSync(yang, 'module lamp { namespace "urn:lamp"; prefix l; leaf x { type nope; } }');
    const out = join(dir, 'out');
    const r = yangkit('server', yang, '-o', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[unknown-type]');
    expect(readdirSync(dir)).toEqual(['lamp.yang']);
  });
});
