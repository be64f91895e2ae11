import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCompiler, type UpdateResult } from '../../src/incremental/compiler.js';
import { expectSameAsScratch, tempDir, VIRTUAL, yangModule } from './helpers.js';

const B = yangModule(
  'b',
  `  include b-sub;
  identity base-id;
  typedef percent { type uint8 { range "0..100"; } }
  grouping g {
    leaf shared {
      type string;
      description "shared leaf";
    }
  }
  container top {
    leaf name {
      type string;
      description "name of top";
    }
    uses g;
  }`,
);

const B_SUB = `submodule b-sub {
  yang-version 1.1;
  belongs-to b { prefix b; }
  container sub-top {
    leaf x {
      type int8;
      description "x leaf";
    }
  }
}
`;

const A = yangModule(
  'a',
  `  import b { prefix b; }
  grouping local {
    leaf own { type b:percent; description "own leaf"; }
  }
  container a-top {
    uses b:g { refine shared { description "refined text"; } }
    uses local;
    leaf ref { type leafref { path "/b:top/b:name"; } }
    leaf kind { type identityref { base b:base-id; } }
  }
  augment "/b:top" {
    leaf from-a { type string; description "augmented by a"; }
  }`,
);

const C = yangModule(
  'c',
  `  import b { prefix b; }
  identity c-id { base b:base-id; }
  leaf c-leaf { type string; description "c leaf"; }
  deviation "/b:top/b:name" { deviate add { default "n"; } }`,
);

const E = yangModule('e', '  leaf e-leaf { type string; description "e leaf"; }');

/** A workspace held in memory: the files as the compiler should now see them. */
function workspace(): { files: Record<string, string>; compiler: ReturnType<typeof createCompiler>; edit: (name: string, text: string | null) => UpdateResult; check: () => void } {
  const files: Record<string, string> = { 'a.yang': A, 'b.yang': B, 'b-sub.yang': B_SUB, 'c.yang': C, 'e.yang': E };
  const compiler = createCompiler({ inputs: [VIRTUAL], sources: Object.fromEntries(Object.entries(files).map(([n, t]) => [join(VIRTUAL, n), t])) });
  return {
    files,
    compiler,
    edit(name, text) {
      if (text === null) delete files[name];
      else files[name] = text;
      return text === null ? compiler.remove(join(VIRTUAL, name)) : compiler.update(join(VIRTUAL, name), text);
    },
    check: () => expectSameAsScratch(compiler, files, Object.keys(files).sort()),
  };
}

describe('incremental compiler', () => {
  // With prepareForEdits, as a server calls it when idle, before each edit: the same results.
  it.each([false, true])('matches a from-scratch compile after each of a series of edits (prepared ahead: %s)', (prepare) => {
    const ws = workspace();
    ws.check();
    const steps: [string, (text: string) => string | null, UpdateResult['how']][] = [
      ['b.yang', (t) => t.replace('"shared leaf"', '"shared leaf, reworded"'), 'patched'],
      ['b-sub.yang', (t) => t.replace('"x leaf"', '"x leaf, reworded"'), 'patched'],
      // Now the grouping's leaf has the text a's refine gives it: a later rewording cannot be patched.
      ['b.yang', (t) => t.replace('"shared leaf, reworded"', '"refined text"'), 'patched'],
      ['b.yang', (t) => t.replace('description "refined text"', 'description "other"'), 'recompiled'],
      ['b.yang', (t) => t.replace('container top {', 'container top {\n    leaf extra { type string; }'), 'recompiled'],
      ['d.yang', () => yangModule('d', '  typedef name { type string { length "1..8"; } }'), 'recompiled'],
      ['a.yang', (t) => t.replace('import b { prefix b; }', 'import b { prefix b; }\n  import d { prefix d; }\n  leaf with-d { type d:name; }'), 'recompiled'],
      ['c.yang', () => null, 'recompiled'],
      ['b.yang', (t) => t.replace('type string;\n      description "name of top"', 'type nonexistent;\n      description "name of top"'), 'recompiled'],
      ['b.yang', (t) => t.replace('type nonexistent;', 'type string;'), 'recompiled'],
      // A meta statement goes after the linkage statements (RFC 7950 7.1).
      ['b.yang', (t) => t.replace('include b-sub;\n', 'include b-sub;\n  description "module b";\n'), 'recompiled'],
      ['e.yang', (t) => t.replace('"e leaf"', '"e leaf, reworded"'), 'patched'],
    ];
    for (const [name, change, how] of steps) {
      if (prepare) ws.compiler.prepareForEdits();
      const result = ws.edit(name, change(ws.files[name] ?? ''));
      expect(result.how, `${name}: ${how}`).toBe(how);
      ws.check();
    }
    expect(ws.compiler.diagnostics).toEqual([]);
  });

  it('reports the modules whose IR changed', () => {
    const ws = workspace();
    const reword = ws.edit('b.yang', B.replace('"name of top"', '"the name"'));
    expect(reword).toMatchObject({ how: 'patched', changed: ['b'], removed: [] });

    // a's refine keeps its own text, so only b changes; a node used in two modules changes both.
    expect(ws.edit('b.yang', ws.files['b.yang']!.replace('"shared leaf"', '"reworded"')).changed).toEqual(['b']);
    expect(ws.edit('a.yang', A.replace('"own leaf"', '"own, reworded"')).changed).toEqual(['a']);

    expect(ws.edit('b.yang', B.replace('container top {', 'container top {\n    leaf extra { type string; }'))).toMatchObject({ how: 'recompiled', changed: ['b'] });
    expect(ws.edit('c.yang', null)).toMatchObject({ changed: ['a', 'b'], removed: ['c'] }); // a's identityref loses c-id, b its deviation
    expect(ws.edit('d.yang', yangModule('d', ''))).toMatchObject({ changed: ['d'], removed: [] });
  });

  it('ignores changes to files outside the set, and saves that change nothing', () => {
    const ws = workspace();
    const schema = ws.compiler.schema;
    const outside = ws.compiler.update(join(VIRTUAL, '..', 'elsewhere', 'z.yang'), yangModule('z', ''));
    expect(outside).toMatchObject({ how: 'unaffected', changed: [], removed: [] });
    expect(ws.compiler.update(join(VIRTUAL, 'b.yang'), B)).toMatchObject({ how: 'unaffected' });
    expect(ws.compiler.schema).toBe(schema);
  });

  it('picks up a module that an import names once the file appears', () => {
    const files = { 'a.yang': yangModule('a', '  import late { prefix l; }\n  leaf x { type l:t; }') };
    const compiler = createCompiler({ inputs: [join(VIRTUAL, 'a.yang')], sources: { [join(VIRTUAL, 'a.yang')]: files['a.yang'] } });
    expect(compiler.diagnostics.map((d) => d.code)).toContain('missing-module');
    const late = yangModule('late', '  typedef t { type int32; }');
    expect(compiler.update(join(VIRTUAL, 'late.yang'), late)).toMatchObject({ how: 'recompiled', changed: ['a', 'late'] });
    expectSameAsScratch(compiler, { ...files, 'late.yang': late }, ['a.yang']);
    expect(compiler.diagnostics).toEqual([]);
  });

  it("counts a submodule's imports as its module's, so an edit of the imported module recompiles it", () => {
    const main = `module m {\n  yang-version 1.1;\n  namespace "urn:m";\n  prefix m;\n  include m-sub;\n}\n`;
    const sub = `submodule m-sub {\n  yang-version 1.1;\n  belongs-to m { prefix m; }\n  import t { prefix t; }\n  leaf x { type t:name; }\n}\n`;
    const files: Record<string, string> = { 'm.yang': main, 'm-sub.yang': sub, 't.yang': yangModule('t', '  typedef name { type string; }') };
    const sources = Object.fromEntries(Object.entries(files).map(([f, text]) => [join(VIRTUAL, f), text]));
    const compiler = createCompiler({ inputs: [join(VIRTUAL, 'm.yang')], sources });
    expect([...compiler.graph.dependencies('m').keys()]).toEqual(['t']);
    const broken = yangModule('t', '  typedef other { type string; }');
    expect(compiler.update(join(VIRTUAL, 't.yang'), broken).changed).toContain('m');
    expect(compiler.diagnostics.map((d) => d.code)).toContain('unknown-type');
    expect(compiler.update(join(VIRTUAL, 't.yang'), files['t.yang']).changed).toContain('m');
    expect(compiler.diagnostics).toEqual([]);
    expectSameAsScratch(compiler, files, ['m.yang']);
  });

  it('keeps the dependency graph of the set', () => {
    const { graph } = workspace().compiler;
    expect([...graph.dependencies('a')]).toEqual([['b', new Set(['import', 'augment'])]]);
    expect([...graph.dependencies('c')]).toEqual([['b', new Set(['import', 'deviation'])]]);
    expect(graph.dependents('b').sort()).toEqual(['a', 'c']);
    expect(graph.moduleOfFile(join(VIRTUAL, 'b-sub.yang'))).toBe('b');
    expect([...graph.contributorsTo('b')].sort()).toEqual(['a', 'c']);
    expect([...graph.contributorsTo('e')]).toEqual([]);
  });
});

describe('files read from disk', () => {
  it('are decoded as strict UTF-8, as the one-shot compiler does (RFC 7950 section 6)', () => {
    const dir = tempDir();
    const file = join(dir, 'u.yang');
    const text = yangModule('u', '  leaf a { type string; description "caf\u00e9"; }');
    writeFileSync(file, Buffer.from(text, 'latin1')); // é as the lone byte 0xE9: not UTF-8
    const compiler = createCompiler({ inputs: [file] });
    expect(compiler.diagnostics.map((d) => [d.code, d.loc.line])).toEqual([['bad-utf8', 5]]);
  });
});
