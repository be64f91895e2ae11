import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, REFERENCE } from '../corpus/paths.js';
import { compileSources, mod } from '../compile/helpers.js';
import { ROOT, yangkit } from './run.js';

const JUKEBOX = join(CORPUS, 'examples/example-jukebox.yang');

describe('yangkit check', () => {
  it('exits 0 on a valid module', () => {
    const r = yangkit('check', '-p', CORPUS, JUKEBOX);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints file:line:col diagnostics and exits 1 on errors, without a stack trace', () => {
    const { dir } = compileSources({ 'm.yang': mod('  leaf a { type nothing; }\n  uses g;') });
    const r = yangkit('check', join(dir, 'm.yang'));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${join(dir, 'm.yang')}:4:17: error: type "nothing" is not defined [unknown-type]`,
      `${join(dir, 'm.yang')}:5:8: error: grouping "g" is not defined [unknown-grouping]`,
    ]);
  });

  it('reports a missing file as an error, not a crash', () => {
    const r = yangkit('check', '/nonexistent/x.yang');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('/nonexistent/x.yang:1:1: error: cannot read /nonexistent/x.yang: no such file [read-error]\n');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed --features value with a usage error', () => {
    const r = yangkit('check', '--features', 'nocolon', JUKEBOX);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--features expects module:feature1,feature2');
  });
});

describe('yangkit tree', () => {
  it('prints the RFC 8340 tree of example-jukebox', () => {
    const r = yangkit('tree', '-p', CORPUS, JUKEBOX);
    expect(r.status).toBe(0);
    const golden = join(ROOT, 'test/fixtures/tree/example-jukebox.txt');
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, r.stdout);
    expect(r.stdout).toBe(readFileSync(golden, 'utf8'));
  });

  it('shows augmenting modules with their prefix and config false as ro, in place when both are printed (as pyang)', () => {
    const r = yangkit('tree', '-p', CORPUS, join(CORPUS, 'ietf/ietf-interfaces@2018-02-20.yang'), join(CORPUS, 'ietf/ietf-ip@2018-02-22.yang'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  +--rw interfaces\n  |  +--rw interface* [name]\n');
    expect(r.stdout).toContain('  |     +--rw ip:ipv4!\n');
    expect(r.stdout).not.toContain('augment /if:interfaces');
    expect(r.stdout).toMatch(/\+--ro oper-status {2,}enumeration/);
  });

  it.each([
    ['example-jukebox.depth3.tree', 'examples/example-jukebox.yang', ['--tree-depth', '3']],
    ['example-jukebox.path-library.tree', 'examples/example-jukebox.yang', ['--tree-path=/jukebox/library']],
    ['ietf-interfaces.line60.tree', 'ietf/ietf-interfaces@2018-02-20.yang', ['--tree-line-length=60']],
    ['ietf-netconf-acm.modname.tree', 'ietf/ietf-netconf-acm@2018-02-14.yang', ['--tree-module-name-prefix']],
    ['ietf-yang-patch.yang-data.tree', 'ietf/ietf-yang-patch@2017-02-22.yang', ['--tree-print-yang-data']],
    ['ietf-alarms.groupings.tree', 'ietf/ietf-alarms@2022-06-06.yang', ['--tree-print-groupings']],
    ['ietf-alarms.no-expand.tree', 'ietf/ietf-alarms@2022-06-06.yang', ['--tree-no-expand-uses']],
  ])('passes pyang tree options through: %s', (reference, module, flags) => {
    const r = yangkit('tree', '-p', CORPUS, ...flags, join(CORPUS, module));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(join(REFERENCE, 'pyang-tree-options', reference), 'utf8'));
  });

  it('refuses a tree depth that is not a number', () => {
    const r = yangkit('tree', '--tree-depth', 'deep', JUKEBOX);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--tree-depth expects a non-negative integer');
  });
});
