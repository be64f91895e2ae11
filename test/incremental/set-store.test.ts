import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCompiler } from '../../src/incremental/compiler.js';
import { StaleCacheError } from '../../src/incremental/set-store.js';
import { tempDir, writeTree, yangModule } from './helpers.js';

const BASE = yangModule('base', '  grouping sized {\n    leaf size {\n      type uint8;\n      description "How big.";\n    }\n  }\n  container box { uses sized; }');
const FILES = {
  'models/base.yang': BASE,
  'models/user.yang': yangModule('user', '  import base { prefix b; }\n  container crate { uses b:sized; }\n  augment "/b:box" { leaf color { type string; } }'),
  'models/solo.yang': yangModule('solo', '  leaf alone { type string; description "Alone."; }'),
};

function project() {
  const dir = tempDir();
  writeTree(dir, FILES);
  const open = (lazy = true) => createCompiler({ inputs: ['models'], cacheDir: '.cache', cwd: dir, lazy });
  /** The set compiled without any cache, as plain data. */
  const fresh = () => JSON.parse(JSON.stringify(createCompiler({ inputs: ['models'], cwd: dir }).schema)) as unknown;
  return { dir, open, fresh };
}

const isUnread = (obj: object, prop: string) => Object.getOwnPropertyDescriptor(obj, prop)?.get !== undefined;

describe('stored compiled set', () => {
  it('is read module by module, and a lazy compiler brought up to date equals a cold compile after each edit', () => {
    const { dir, open, fresh } = project();
    open();
    expect(open().origin).toBe('disk-cache');
    const steps = [
      { text: BASE.replace('How big.', 'How large.'), how: 'patched', changed: ['base', 'user'] },
      { text: BASE, how: 'patched', changed: ['base', 'user'] },
      { text: BASE.replace('container box {', 'container box { leaf extra { type string; }'), how: 'recompiled', changed: ['base'] },
      { text: BASE, how: 'recompiled', changed: ['base'] },
    ];
    for (const { text, how, changed } of steps) {
      writeTree(dir, { 'models/base.yang': text });
      const c = open();
      expect(c.sinceStored).toMatchObject({ how, changed });
      // A patch reads the modules holding the edited nodes; solo holds none of them.
      if (how === 'patched') expect(isUnread(c.schema.modules, 'solo')).toBe(true);
      expect(JSON.parse(JSON.stringify(c.schema))).toEqual(fresh());
    }
    // Nothing changed: nothing read, every hash known.
    const idle = open();
    expect(idle.changedSinceStored).toBeUndefined();
    expect(Object.keys(idle.schema.modules).filter((m) => !isUnread(idle.schema.modules, m))).toEqual([]);
    expect(idle.graph.dependencies('user').get('base')).toEqual(new Set(['import', 'augment']));
    expect(idle.fingerprints.all()).toEqual(createCompiler({ inputs: ['models'], cwd: dir }).fingerprints.all());
  });

  it('throws StaleCacheError for a damaged module entry met on use, after which the next compiler compiles', () => {
    const { dir, open, fresh } = project();
    const reference = fresh();
    open();
    const entries = readdirSync(join(dir, '.cache/module')).map((f) => join(dir, '.cache/module', f));
    expect(entries.length).toBe(3);
    for (const entry of entries) {
      const data = readFileSync(entry);
      data[data.length - 5]! ^= 0xff;
      writeFileSync(entry, data);
    }
    const lazy = open();
    expect(lazy.origin).toBe('disk-cache');
    expect(() => lazy.schema.modules.solo).toThrow(StaleCacheError);
    const next = open();
    expect(next.origin).toBe('compiled');
    expect(JSON.parse(JSON.stringify(next.schema))).toEqual(reference);
    expect(open().origin).toBe('disk-cache');
  });

  it('falls back to compiling when a module an update needs is damaged, or when an eager compiler reads a damaged one', () => {
    const { dir, open, fresh } = project();
    open();
    const damage = () => {
      for (const entry of readdirSync(join(dir, '.cache/module')).map((f) => join(dir, '.cache/module', f))) writeFileSync(entry, readFileSync(entry).subarray(0, 60));
    };
    damage();
    writeTree(dir, { 'models/base.yang': BASE.replace('How big.', 'How large.') });
    const updated = open();
    expect(updated.origin).toBe('compiled');
    expect(JSON.parse(JSON.stringify(updated.schema))).toEqual(fresh());

    damage();
    const eager = open(false);
    expect(eager.origin).toBe('compiled');
    expect(JSON.parse(JSON.stringify(eager.schema))).toEqual(fresh());

    // In one process: an update after the entries were damaged compiles everything.
    const kept = open();
    damage();
    const r = kept.update('models/base.yang', BASE.replace('How big.', 'Size.'));
    expect(r).toMatchObject({ how: 'recompiled', compiled: ['base', 'solo', 'user'] });
    writeTree(dir, { 'models/base.yang': BASE.replace('How big.', 'Size.') });
    expect(JSON.parse(JSON.stringify(kept.schema))).toEqual(fresh());
  });
});

describe('files the stored set read', () => {
  it('are read again when changed, even to the same size and modification time', async () => {
    const { dir, open, fresh } = project();
    // Older than the stamps' trust window: the first compile remembers size, times and inode for them.
    await new Promise((done) => setTimeout(done, 2100));
    open();
    const file = join(dir, 'models/solo.yang');
    const { mtime } = statSync(file);
    const edited = FILES['models/solo.yang'].replace('Alone.', 'Alono.');
    expect(edited.length).toBe(FILES['models/solo.yang'].length);
    writeFileSync(file, edited);
    utimesSync(file, mtime, mtime); // as `rsync -t` or `cp -p` leave it
    const c = open();
    expect(c.changedSinceStored).toEqual(['solo']);
    expect(JSON.parse(JSON.stringify(c.schema))).toEqual(fresh());
  });
});
