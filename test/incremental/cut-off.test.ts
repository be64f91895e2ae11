import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCompiler, type UpdateResult } from '../../src/incremental/compiler.js';
import { expectSameAsScratch, VIRTUAL, yangModule } from './helpers.js';

// `base` is the module edited; each other module depends on one thing of it. Its schema tree
// comes last, so a leaf added there moves none of its definitions.
const BASE = yangModule(
  'base',
  `  identity kind;
  identity kind-a { base kind; }
  typedef pct { type uint8 { range "0..100"; } }
  grouping g-used {
    leaf from-grouping { type string; }
  }
  grouping g-other {
    leaf other { type int8; }
  }
  container top {
    leaf name { type string; }
  }`,
);

const MODULES: Record<string, string> = {
  'base.yang': BASE,
  // Imports base and uses none of it.
  'plain.yang': yangModule('plain', '  import base { prefix b; }\n  leaf p { type string; }'),
  'typer.yang': yangModule('typer', '  import base { prefix b; }\n  leaf t { type b:pct; }'),
  'user.yang': yangModule('user', '  import base { prefix b; }\n  container u { uses b:g-used; }'),
  'augmenter.yang': yangModule('augmenter', '  import base { prefix b; }\n  augment "/b:top" { leaf extra { type string; } }'),
  'referrer.yang': yangModule('referrer', '  import base { prefix b; }\n  leaf r { type leafref { path "/b:top/b:name"; } }'),
  'identer.yang': yangModule('identer', '  import base { prefix b; }\n  leaf i { type identityref { base b:kind; } default "b:kind-a"; }'),
  // Reads referrer's tree: reached only if referrer's IR changes.
  'second.yang': yangModule('second', '  import referrer { prefix r; }\n  leaf s { type leafref { path "/r:r"; } }'),
};

function workspace(modules: Record<string, string> = MODULES) {
  const files = { ...modules };
  const path = (name: string): string => join(VIRTUAL, name);
  const compiler = createCompiler({ inputs: [VIRTUAL], sources: Object.fromEntries(Object.entries(files).map(([n, t]) => [path(n), t])) });
  return {
    compiler,
    /** Edits base.yang and checks the result against a compile from scratch. */
    editBase(change: (text: string) => string): UpdateResult {
      files['base.yang'] = change(files['base.yang']!);
      expect(files['base.yang']).not.toBe(modules['base.yang']);
      const result = compiler.update(path('base.yang'), files['base.yang']);
      expectSameAsScratch(compiler, files, Object.keys(files).sort());
      return result;
    },
  };
}

describe('incremental compiler: only the modules an edit reaches are compiled again', () => {
  it('a new leaf: the module, its augmenter and the readers of its tree; not the modules using its unchanged definitions', () => {
    const ws = workspace();
    const result = ws.editBase((t) => t.replace('leaf name { type string; }', 'leaf name { type string; }\n    leaf added { type int32; }'));
    // augmenter's own IR is the same; referrer read base's tree, which changed, but came out the same, so second is not compiled.
    expect(result).toMatchObject({ how: 'recompiled', changed: ['base'] });
    expect(result.compiled).toEqual(['augmenter', 'base', 'identer', 'referrer']);
  });

  it('a new leaf above the definitions moves them: the modules using them are compiled', () => {
    const ws = workspace();
    const result = ws.editBase((t) => t.replace('  identity kind;', '  leaf first { type string; }\n  identity kind;'));
    // Every definition moved; plain uses none, and second reads referrer, whose IR is the same.
    expect(result.compiled).toEqual(['augmenter', 'base', 'identer', 'referrer', 'typer', 'user']);
  });

  it('a changed typedef: the modules using it', () => {
    const ws = workspace();
    const result = ws.editBase((t) => t.replace('range "0..100"', 'range "0..99"'));
    // augmenter grafts onto base's tree, compiled again; base's trees are the same, so their readers are not compiled.
    expect(result.changed).toEqual(['base', 'typer']);
    expect(result.compiled).toEqual(['augmenter', 'base', 'typer']);
  });

  it('a changed grouping used by an importer: that importer, not the users of the other definitions', () => {
    const ws = workspace();
    const result = ws.editBase((t) => t.replace('leaf from-grouping { type string; }', 'leaf from-grouping { type string; }\n    leaf also { type string; }'));
    expect(result.changed).toEqual(['base', 'user']);
    // g-other moved down a line, and nobody uses it; base's tree moved too, so its readers are compiled (and are the same).
    expect(result.compiled).toEqual(['augmenter', 'base', 'identer', 'referrer', 'user']);
  });

  it('a change to an augment target: the augmenting module follows it', () => {
    const ws = workspace();
    const result = ws.editBase((t) => t.replace('container top {', 'container top {\n    config false;'));
    // referrer's config true leaf now refers to state data (RFC 7950 9.9), and second follows referrer.
    expect(result.changed).toEqual(['augmenter', 'base', 'referrer', 'second']);
    expect(result.compiled).toEqual(['augmenter', 'base', 'identer', 'referrer', 'second']);
  });

  it('a leafref into the edited module: the target changes type, then goes away', () => {
    const ws = workspace();
    const retyped = ws.editBase((t) => t.replace('leaf name { type string; }', 'leaf name { type uint16; }'));
    // referrer's leafref takes the new type, and second's leafref to referrer's leaf too.
    expect(retyped.changed).toEqual(['base', 'referrer', 'second']);
    expect(retyped.compiled).toEqual(['augmenter', 'base', 'identer', 'referrer', 'second']);
    const removed = ws.editBase((t) => t.replace('leaf name { type uint16; }', 'leaf renamed { type uint16; }'));
    expect(removed.compiled).toContain('referrer');
    expect(ws.compiler.diagnostics.map((d) => d.code)).toContain('leafref-target-not-found');
  });

  it("a must path without prefixes in a grouping reads the grouping's module's tree", () => {
    // RFC 7950 6.4.1: unprefixed names in the XPath of a grouping are the grouping's module's.
    const base = BASE.replace('  grouping g-other {', '  grouping g-must {\n    leaf m { type string; must "/top/name"; }\n  }\n  grouping g-other {');
    const ws = workspace({ 'base.yang': base, 'muster.yang': yangModule('muster', '  import base { prefix b; }\n  container c { uses b:g-must; }') });
    expect(ws.compiler.diagnostics).toEqual([]);
    const result = ws.editBase((t) => t.replace('leaf name { type string; }', 'leaf other-name { type string; }'));
    expect(result.compiled).toEqual(['base', 'muster']);
    expect(ws.compiler.diagnostics.map((d) => d.code)).toEqual(['xpath-node-not-found']);
  });

  it('a removed identity used by an importer', () => {
    const ws = workspace();
    const result = ws.editBase((t) => t.replace('  identity kind-a { base kind; }\n', ''));
    expect(result.changed).toContain('identer');
    expect(ws.compiler.diagnostics.length).toBeGreaterThan(0);
  });

  it('identities no edit changed: the table of the compile before, derived lists included', () => {
    const ws = workspace();
    const before = ws.compiler.schema.identities;
    expect(before['base:kind']!.derived).toEqual(['base:kind-a']);
    const result = ws.editBase((t) => t.replace('leaf name { type string; }', 'leaf name { type string; }\n    leaf added { type int32; }'));
    expect(result.how).toBe('recompiled');
    expect(ws.compiler.schema.identities).toBe(before);
  });

  it('an identity derived in the edited module from an identity of another module', () => {
    // identer defines its own identity on base's; base gets one on identer's: no import cycle, as base cannot import identer.
    const identer = yangModule('identer', '  import base { prefix b; }\n  identity kind-i { base b:kind; }\n  leaf i { type identityref { base b:kind; } default "kind-i"; }');
    const ws = workspace({ ...MODULES, 'identer.yang': identer });
    expect(ws.compiler.schema.identities['base:kind']!.derived).toEqual(['base:kind-a', 'identer:kind-i']);
    ws.editBase((t) => t.replace('  identity kind-a { base kind; }', '  identity kind-a { base kind; }\n  identity kind-b { base kind-a; }'));
    expect(ws.compiler.schema.identities['base:kind']!.derived).toEqual(['base:kind-a', 'base:kind-b', 'identer:kind-i']);
    ws.editBase((t) => t.replace('identity kind-b { base kind-a; }', 'identity kind-b;'));
    expect(ws.compiler.schema.identities['base:kind-a']!.derived).toEqual([]);
  });

  it('a circular identity: reported again by each compile, also of an edit that changes no identity', () => {
    const ws = workspace();
    ws.editBase((t) => t.replace('  identity kind;', '  identity kind { base kind-a; }'));
    const circular = () => ws.compiler.diagnostics.filter((d) => d.code === 'circular-identity').length;
    expect(circular()).toBe(2);
    ws.editBase((t) => t.replace('leaf name { type string; }', 'leaf name { type string; }\n    leaf added { type int32; }'));
    expect(circular()).toBe(2);
  });
});
