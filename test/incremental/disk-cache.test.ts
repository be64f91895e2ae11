import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCompiler } from '../../src/incremental/compiler.js';
import { DiskCache } from '../../src/incremental/disk-cache.js';
import { tempDir, writeTree, yangModule } from './helpers.js';

const FILES = {
  'models/base.yang': yangModule('base', '  typedef id { type uint16; }\n  container things { list thing { key id; leaf id { type id; } } }'),
  'models/user.yang': yangModule('user', '  import base { prefix b; }\n  leaf pick { type leafref { path "/b:things/b:thing/b:id"; } }'),
};

function project(): { dir: string; open: () => ReturnType<typeof createCompiler> } {
  const dir = tempDir();
  writeTree(dir, FILES);
  const open = () => createCompiler({ inputs: ['models'], cacheDir: '.cache', cwd: dir });
  return { dir, open };
}

function cacheEntries(dir: string): string[] {
  return readdirSync(join(dir, '.cache'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.bin'))
    .map((f) => join(dir, '.cache', f));
}

/** Rewrites an entry's JSON header, as another yangkit version would have written it. */
function makeForeign(file: string): void {
  const data = readFileSync(file);
  const start = 12;
  const end = start + data.readUInt32LE(8);
  const header = JSON.parse(data.subarray(start, end).toString('utf8')) as { stamp: string };
  const foreign = Buffer.from(JSON.stringify({ ...header, stamp: header.stamp.replace(/^yangkit \S+/, 'yangkit 0.0.0-other') }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(foreign.length);
  writeFileSync(file, Buffer.concat([data.subarray(0, 8), length, foreign, data.subarray(end)]));
}

const damages: Record<string, (file: string) => void> = {
  truncated: (f) => writeFileSync(f, readFileSync(f).subarray(0, 40)),
  'one byte flipped': (f) => {
    const data = readFileSync(f);
    data[data.length - 5]! ^= 0xff;
    writeFileSync(f, data);
  },
  'not a cache file': (f) => writeFileSync(f, 'hello'),
  'written by another version': makeForeign,
};

describe('disk cache', () => {
  it('gives a new compiler the stored IR without compiling', () => {
    const { open } = project();
    const cold = open();
    expect(cold.origin).toBe('compiled');
    const warm = open();
    expect(warm.origin).toBe('disk-cache');
    expect(warm.schema).toEqual(cold.schema);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
    // The stored hashes agree with the IR: an edit after a warm start reports only what changed.
    const result = warm.update('models/user.yang', FILES['models/user.yang'].replace('leaf pick', 'leaf choose'));
    expect(result).toMatchObject({ how: 'recompiled', changed: ['user'] });
  });

  it('brings the stored set up to date when a file it read changed on disk, and compiles again when a file appeared', () => {
    const { dir, open } = project();
    open();
    writeTree(dir, { 'models/base.yang': FILES['models/base.yang'].replace('uint16', 'uint32') });
    const changed = open();
    // Compiled again: base, and user, whose leafref reads base's tree.
    expect(changed.origin).toBe('disk-cache');
    expect(changed.sinceStored).toMatchObject({ how: 'recompiled', compiled: ['base', 'user'] });
    expect(changed.changedSinceStored).toEqual(['base', 'user']);
    expect(changed.schema.modules.user!.data[0]).toMatchObject({ type: { leafref: { type: { base: 'uint32' } } } });
    writeTree(dir, { 'models/extra.yang': yangModule('extra', '') });
    const appeared = open();
    expect(appeared.origin).toBe('compiled');
    expect(appeared.schema.inputs).toContain('extra');
  });

  for (const [damage, apply] of Object.entries(damages)) {
    it(`ignores and rebuilds entries that are ${damage}`, () => {
      const { dir, open } = project();
      const reference = open().schema;
      const entries = cacheEntries(dir);
      expect(entries.length).toBe(6); // two parse trees; the compiled set's index, its two modules and its identities
      for (const entry of entries) apply(entry);
      const recovered = open();
      expect(recovered.origin).toBe('compiled');
      expect(recovered.schema).toEqual(reference);
      expect(open().origin).toBe('disk-cache');
    });
  }

  it('only costs speed when the cache folder cannot be written', () => {
    const dir = tempDir();
    writeTree(dir, { ...FILES, 'blocker': 'a file where the cache folder should be' });
    const open = () => createCompiler({ inputs: ['models'], cacheDir: 'blocker/cache', cwd: dir });
    expect(open().origin).toBe('compiled');
    expect(open().schema.inputs).toEqual(['base', 'user']);
  });

  it('keeps entries apart by key', () => {
    const cache = new DiskCache(tempDir());
    cache.set('k', 'one', { value: 1 });
    cache.set('k', 'two', new Map([['value', 2]]));
    expect(cache.get('k', 'one')).toEqual({ value: 1 });
    expect(cache.get('k', 'two')).toEqual(new Map([['value', 2]]));
    expect(cache.get('k', 'three')).toBeUndefined();
    expect(cache.get('other', 'one')).toBeUndefined();
  });
});
