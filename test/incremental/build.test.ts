import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, yangkit } from '../cli/run.js';
import { tempDir, writeTree, yangModule } from './helpers.js';

const BASE = yangModule('base', '  container box {\n    leaf size {\n      type uint8;\n      description "How big.";\n    }\n  }');
const EXTRA = yangModule('extra', '  import base { prefix b; }\n  augment "/b:box" { leaf color { type string; } }');
const SOLO = yangModule('solo', '  leaf alone { type string; }');

/** A project with three modules and a config emitting trees and Swagger documents. */
function project(): { dir: string; build: () => ReturnType<typeof yangkit>; out: (f: string) => string } {
  const dir = tempDir();
  writeTree(dir, {
    'models/base.yang': BASE,
    'models/extra.yang': EXTRA,
    'models/solo.yang': SOLO,
    'yangkit.config.json': JSON.stringify({
      jobs: [{ name: 'models', inputs: ['models'], emit: [{ emitter: 'tree', out: 'out/tree' }, { emitter: 'swagger', out: 'out/api' }] }],
    }),
  });
  return { dir, build: () => yangkit('build', '-c', join(dir, 'yangkit.config.json')), out: (f) => join(dir, 'out', f) };
}

const mtimes = (files: string[]) => files.map((f) => statSync(f).mtimeMs);

describe('yangkit build', () => {
  it('writes every output, then nothing until an input changes, then only what it reaches', () => {
    const { dir, build, out } = project();
    const first = build();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^yangkit: job "models": compiled 3 modules; re-ran .*: wrote .* in \d+/);
    expect(readdirSync(out('tree')).sort()).toEqual(['base.txt', 'extra.txt', 'solo.txt']);
    expect(readdirSync(out('api')).sort()).toEqual(['base.swagger.json', 'extra.swagger.json', 'solo.swagger.json']);
    expect(readFileSync(out('tree/base.txt'), 'utf8')).toContain('+--rw extra:color?');
    const all = [...readdirSync(out('tree')).map((f) => out(`tree/${f}`)), ...readdirSync(out('api')).map((f) => out(`api/${f}`))];
    const before = mtimes(all);

    const again = build();
    expect(again.stdout).toBe('yangkit: job "models": 3 modules from cache; nothing to re-run; 6 outputs up to date in ' + again.stdout.split(' in ').pop());
    expect(mtimes(all)).toEqual(before);

    // A reworded description: base's Swagger document changes; its tree, which shows no description, is not re-run, nor is solo.
    writeTree(dir, { 'models/base.yang': BASE.replace('How big.', 'How large.') });
    const edited = build();
    expect(edited.status).toBe(0);
    expect(edited.stdout).toMatch(/: patched 1 module \(base\); re-ran swagger base: wrote \S*out\/api\/base\.swagger\.json; 5 outputs up to date in /);
    expect(readFileSync(out('api/base.swagger.json'), 'utf8')).toContain('How large.');
    expect(mtimes([out('tree/solo.txt'), out('api/solo.swagger.json'), out('tree/base.txt')])).toEqual([before[2], before[5], before[0]]);
  });

  it('in a new process after an edit, compiles only the modules it reaches and writes what a cold build writes', () => {
    const { dir, build, out } = project();
    build();
    // A new leaf in base: base and extra (augmenting it) are compiled again, solo is kept from the cache.
    const edited = BASE.replace('  container box {', '  container box {\n    leaf weight { type uint16; }');
    writeTree(dir, { 'models/base.yang': edited });
    const r = build();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/: recompiled 2 of 3 modules, 1 changed \(base\); re-ran tree base, swagger base: wrote /);

    const cold = project();
    writeTree(cold.dir, { 'models/base.yang': edited });
    expect(cold.build().stdout).toMatch(/: compiled 3 modules; /);
    for (const f of ['tree/base.txt', 'tree/extra.txt', 'tree/solo.txt', 'api/base.swagger.json', 'api/extra.swagger.json', 'api/solo.swagger.json']) {
      expect(readFileSync(out(f), 'utf8'), f).toBe(readFileSync(cold.out(f), 'utf8'));
    }
    expect(readFileSync(out('tree/base.txt'), 'utf8')).toContain('weight');
  });

  it('after edits and their undoing, in new processes, writes what a cold build writes', () => {
    const { dir, build, out } = project();
    build();
    const files = ['tree/base.txt', 'tree/extra.txt', 'tree/solo.txt', 'api/base.swagger.json', 'api/extra.swagger.json', 'api/solo.swagger.json'];
    const steps = [
      BASE.replace('How big.', 'How large.'),
      BASE.replace('How big.', 'How much.'),
      BASE,
      BASE.replace('  container box {', '  container box {\n    leaf weight { type uint16; }'),
      BASE.replace('How big.', 'Size.'),
      BASE,
    ];
    for (const text of steps) {
      writeTree(dir, { 'models/base.yang': text });
      expect(build().status).toBe(0);
      const cold = project();
      writeTree(cold.dir, { 'models/base.yang': text });
      cold.build();
      for (const f of files) expect(readFileSync(out(f), 'utf8'), f).toBe(readFileSync(cold.out(f), 'utf8'));
    }
  });

  it('compiles and writes what a cold build writes when a stored module it reads is damaged', () => {
    const { dir, build, out } = project();
    build();
    // Same size, other bytes: only reading the entry tells. solo's tree is missing, so the build reads solo.
    for (const entry of readdirSync(join(dir, '.yangkit-cache/module')).map((f) => join(dir, '.yangkit-cache/module', f))) {
      const data = readFileSync(entry);
      data[data.length - 5]! ^= 0xff;
      writeFileSync(entry, data);
    }
    rmSync(out('tree/solo.txt'));
    writeTree(dir, { 'models/base.yang': BASE.replace('How big.', 'How large.') });
    const r = build();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/: compiled 3 modules/);
    const cold = project();
    writeTree(cold.dir, { 'models/base.yang': BASE.replace('How big.', 'How large.') });
    cold.build();
    for (const f of ['tree/base.txt', 'tree/solo.txt', 'api/base.swagger.json', 'api/solo.swagger.json']) expect(readFileSync(out(f), 'utf8'), f).toBe(readFileSync(cold.out(f), 'utf8'));
    expect(build().stdout).toMatch(/: 3 modules from cache; nothing to re-run/);
  });

  it('leaves outputs alone and exits 1 when a module has errors', () => {
    const { dir, build, out } = project();
    build();
    const tree = readFileSync(out('tree/base.txt'), 'utf8');
    writeTree(dir, { 'models/base.yang': BASE.replace('type uint8;', 'type nothing;') });
    const r = build();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'models/base.yang')}:7:12: error: type "nothing" is not defined [unknown-type]`);
    expect(r.stdout).toMatch(/1 error, outputs left as they were/);
    expect(readFileSync(out('tree/base.txt'), 'utf8')).toBe(tree);
  });

  it('deletes the outputs of a module that left the set', () => {
    const { dir, build, out } = project();
    build();
    rmSync(join(dir, 'models/solo.yang'));
    const r = build();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('removed');
    expect(existsSync(out('tree/solo.txt'))).toBe(false);
    expect(existsSync(out('api/solo.swagger.json'))).toBe(false);
    expect(existsSync(out('tree/base.txt'))).toBe(true);
  });
});

describe('yangkit build --watch', () => {
  it('rebuilds after a file changes, with one line saying what changed and what was re-run', async () => {
    const { dir, out } = project();
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'build', '--watch'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    /** Resolves once stdout matches, or fails after a bounded wait. */
    const waitFor = (pattern: RegExp, ms = 20_000) =>
      new Promise<RegExpMatchArray>((done, fail) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const m = stdout.match(pattern);
          if (m || Date.now() - started > ms || child.exitCode !== null) {
            clearInterval(poll);
            if (m) done(m);
            else fail(new Error(`no ${pattern} in stdout:\n${stdout}\nstderr:\n${stderr}`));
          }
        }, 25);
      });
    try {
      await waitFor(/watching for changes/);
      writeTree(dir, { 'models/solo.yang': SOLO.replace('leaf alone', 'leaf lonely') });
      const [line] = await waitFor(/^\[\d\d:\d\d:\d\d\] changed models\/solo\.yang: .*$/m);
      expect(line).toMatch(/job "models": recompiled 1 of 3 modules, 1 changed \(solo\); re-ran tree solo, swagger solo: wrote .*solo\.txt, .*solo\.swagger\.json; 4 outputs up to date in \d+ ms$/);
      expect(readFileSync(out('tree/solo.txt'), 'utf8')).toContain('lonely');
    } finally {
      child.kill('SIGINT');
    }
    const status = await new Promise((done) => (child.exitCode !== null ? done(child.exitCode) : child.on('exit', done)));
    expect(status).toBe(0);
    expect(stderr).toBe('');
  });
});
