import { describe, expect, it } from 'vitest';
import type { ChoiceNode, ContainerNode, LeafNode, ListNode, SchemaNode } from '../../src/ir/types.js';
import { compileSources, mod } from './helpers.js';

function find(nodes: SchemaNode[], path: string[]): SchemaNode {
  let current: SchemaNode | undefined;
  let list = nodes;
  for (const name of path) {
    current = list.find((n) => n.name === name);
    if (!current) throw new Error(`no ${name} in ${list.map((n) => n.name).join(',')}`);
    list = 'children' in current ? current.children : current.kind === 'choice' ? current.cases : [];
  }
  return current!;
}

const base = `module base {
  yang-version 1.1;
  namespace "urn:base"; prefix b;
  feature fancy;
  identity animal;
  identity cat { base animal; }
  typedef percent { type uint8 { range "0..100"; } units "percent"; default 50; }
  grouping named {
    leaf name { type string { length "1..32"; } }
    leaf note { type string; }
  }
  container zoo {
    list cage {
      key "id";
      leaf id { type uint32; }
      uses named { refine note { mandatory true; description "refined"; } }
      leaf kind { type identityref { base animal; } default b:cat; }
      leaf fill { type percent; }
      leaf size { type int64; config false; }
      leaf fancy-only { if-feature fancy; type empty; }
      choice food {
        leaf meat { type string; }
        case veg { leaf greens { type boolean; } }
      }
    }
    leaf best-cage { type leafref { path "../cage/id"; } }
  }
  rpc feed { input { leaf cage { type uint32; } } output { leaf ok { type boolean; } } }
  notification fed { leaf cage { type uint32; } }
}
`;

const ext = `module ext {
  yang-version 1.1;
  namespace "urn:ext"; prefix e;
  import base { prefix b; }
  identity dog { base b:animal; }
  augment "/b:zoo/b:cage" { leaf keeper { type string; } }
  augment "/b:zoo/b:cage/b:food" { case fish { leaf fish { type string; } } }
  deviation "/b:zoo/b:cage/b:note" { deviate replace { type int8; } }
  deviation "/b:zoo/b:best-cage" { deviate not-supported; }
}
`;

describe('compiled IR', () => {
  const { schema, diagnostics } = compileSources({ 'base.yang': base, 'ext.yang': ext }, ['base.yang', 'ext.yang']);
  const zoo = schema.modules.base!.data;
  const cage = find(zoo, ['zoo', 'cage']) as ListNode;

  it('compiles without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(schema.inputs).toEqual(['base', 'ext']);
  });

  it('expands uses and applies refine', () => {
    const note = find(cage.children, ['note']) as LeafNode;
    expect(note.mandatory).toBe(true);
    expect(note.description).toBe('refined');
    const name = find(cage.children, ['name']) as LeafNode;
    expect(name.type.length).toEqual([{ min: '1', max: '32' }]);
    expect(name.module).toBe('base');
  });

  it('resolves typedef chains with units, default and range', () => {
    const fill = find(cage.children, ['fill']) as LeafNode;
    expect(fill.type).toMatchObject({ base: 'uint8', name: 'percent', typedef: { module: 'base', name: 'percent' }, range: [{ min: '0', max: '100' }] });
    expect(fill.units).toBe('percent');
    expect(fill.default).toBe('50');
  });

  it('lists identities derived across modules', () => {
    const kind = find(cage.children, ['kind']) as LeafNode;
    expect(kind.type.identityref).toEqual({ bases: ['base:animal'], values: ['base:cat', 'ext:dog'] });
    expect(kind.default).toBe('base:cat');
    expect(schema.identities['base:animal']!.derived).toEqual(['base:cat', 'ext:dog']);
  });

  it('marks keys, names and paths in RFC 7951 form', () => {
    expect(cage.keys).toEqual(['id']);
    expect((find(cage.children, ['id']) as LeafNode).isKey).toBe(true);
    expect(cage.jsonName).toBe('cage');
    expect(find(zoo, ['zoo']).jsonName).toBe('base:zoo');
    const keeper = find(cage.children, ['keeper']);
    expect(keeper.module).toBe('ext');
    expect(keeper.jsonName).toBe('ext:keeper');
    expect(keeper.path).toBe('/base:zoo/cage/ext:keeper');
    expect(keeper.schemaPath).toBe('/base:zoo/base:cage/ext:keeper');
  });

  it('inherits config and keeps explicit config false', () => {
    expect(cage.config).toBe(true);
    expect(find(cage.children, ['size']).config).toBe(false);
    expect(schema.modules.base!.rpcs[0]!.input![0]!.config).toBe(false);
  });

  it('expands shorthand cases and grafts augmented cases into a choice', () => {
    const food = find(cage.children, ['food']) as ChoiceNode;
    expect(food.cases.map((c) => c.name)).toEqual(['meat', 'veg', 'fish']);
    expect(food.cases[0]!.children.map((c) => c.name)).toEqual(['meat']);
    expect(food.cases[2]!.module).toBe('ext');
    expect(find(food.cases[1]!.children, ['greens']).path).toBe('/base:zoo/cage/greens');
  });

  it('applies deviations', () => {
    expect((find(cage.children, ['note']) as LeafNode).type.base).toBe('int8');
    expect((find(zoo, ['zoo']) as ContainerNode).children.map((c) => c.name)).toEqual(['cage']);
    expect(schema.modules.base!.deviatedBy).toEqual(['ext']);
  });

  it('records augments with resolved targets', () => {
    expect(schema.modules.ext!.augments.map((a) => a.targetSchemaPath)).toEqual(['/base:zoo/base:cage', '/base:zoo/base:cage/base:food']);
  });

  it('keeps rpcs with input and output, and notifications', () => {
    const feed = schema.modules.base!.rpcs[0]!;
    expect(feed.path).toBe('/base:feed');
    expect(feed.input!.map((n) => n.path)).toEqual(['/base:feed/cage']);
    expect(feed.output!.map((n) => n.name)).toEqual(['ok']);
    expect(schema.modules.base!.notifications[0]!.jsonName).toBe('base:fed');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe('features', () => {
  it('drops nodes whose if-feature is disabled', () => {
    const { schema } = compileSources({ 'base.yang': base }, undefined, { base: [] });
    const cage = find(schema.modules.base!.data, ['zoo', 'cage']) as ListNode;
    expect(cage.children.some((c) => c.name === 'fancy-only')).toBe(false);
    expect(schema.modules.base!.features).toEqual([{ name: 'fancy', enabled: false }]);
  });
  it('keeps them by default', () => {
    const { schema } = compileSources({ 'base.yang': base });
    expect(find(schema.modules.base!.data, ['zoo', 'cage', 'fancy-only']).ifFeatures).toEqual(['fancy']);
  });
});

describe('leafrefs', () => {
  it('resolves the target and its type', () => {
    const { schema, diagnostics } = compileSources({ 'base.yang': base });
    expect(diagnostics).toEqual([]);
    const best = find(schema.modules.base!.data, ['zoo', 'best-cage']) as LeafNode;
    expect(best.type.leafref).toMatchObject({ path: '../cage/id', target: '/base:zoo/cage/id', type: { base: 'uint32' } });
  });
});

describe('module resolution', () => {
  it('picks the newest revision, or the one asked for', () => {
    const sources = {
      'm.yang': mod('  import n { prefix n; }\n  import o { prefix o; revision-date 2019-01-01; }\n  leaf a { type n:t; }\n  leaf b { type o:t; }'),
      'n@2019-01-01.yang': 'module n { namespace "urn:n"; prefix n; revision 2019-01-01; typedef t { type int8; } }',
      'n@2021-01-01.yang': 'module n { namespace "urn:n"; prefix n; revision 2021-01-01; typedef t { type string; } }',
      'o@2019-01-01.yang': 'module o { namespace "urn:o"; prefix o; revision 2019-01-01; typedef t { type int8; } }',
      'o@2021-01-01.yang': 'module o { namespace "urn:o"; prefix o; revision 2021-01-01; typedef t { type string; } }',
    };
    const { schema, diagnostics } = compileSources(sources);
    expect(diagnostics).toEqual([]);
    expect(schema.modules.n!.revision).toBe('2021-01-01');
    expect(schema.modules.o!.revision).toBe('2019-01-01');
    expect((find(schema.modules.m!.data, ['b']) as LeafNode).type.base).toBe('int8');
  });

  it('merges submodules into their module', () => {
    const sources = {
      'm.yang': mod('  include s;\n  container c { uses g; }'),
      's.yang': 'submodule s {\n  yang-version 1.1;\n  belongs-to m { prefix m; }\n  grouping g { leaf x { type string; } }\n  container d;\n}\n',
    };
    const { schema, diagnostics } = compileSources(sources);
    expect(diagnostics).toEqual([]);
    expect(schema.modules.m!.data.map((n) => n.name)).toEqual(['c', 'd']);
    expect(schema.modules.m!.submodules.map((s) => s.name)).toEqual(['s']);
    expect(find(schema.modules.m!.data, ['c', 'x']).module).toBe('m');
  });
});

describe('yang-data and structures', () => {
  it('compiles rc:yang-data of ietf-restconf into documents outside the datastore', async () => {
    const { compileYang } = await import('../../src/compile/index.js');
    const { CORPUS } = await import('../corpus/paths.js');
    const { schema, diagnostics } = compileYang({ files: [`${CORPUS}/ietf/ietf-restconf@2017-01-26.yang`], searchPaths: [`${CORPUS}/ietf`] });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const docs = schema.modules['ietf-restconf']!.yangData!;
    expect(docs.map((d) => [d.extension, d.name])).toEqual([['yang-data', 'yang-errors'], ['yang-data', 'yang-api']]);
    const errors = docs[0]!.nodes[0]!;
    expect(errors.jsonName).toBe('ietf-restconf:errors');
    expect(find(docs[0]!.nodes, ['errors', 'error', 'error-tag']).path).toBe('/ietf-restconf:errors/error/error-tag');
    expect(schema.modules['ietf-restconf']!.data).toEqual([]);
  });

  it('compiles sx:structure with absolute leafrefs inside the structure, and augment-structure', () => {
    const sx = `module ietf-yang-structure-ext { namespace "urn:ietf:params:xml:ns:yang:ietf-yang-structure-ext"; prefix sx;
      extension structure { argument name; } extension augment-structure { argument path; } }`;
    const book = `module book { yang-version 1.1; namespace "urn:book"; prefix b;
      import ietf-yang-structure-ext { prefix sx; }
      sx:structure address-book {
        list address { key name; leaf name { type string; } }
        leaf favourite { type leafref { path "/b:address-book/b:address/b:name"; } }
      }
      sx:augment-structure "/b:address-book/b:address" { leaf phone { type string; } }
    }`;
    const { schema, diagnostics } = compileSources({ 'book.yang': book, 'ietf-yang-structure-ext.yang': sx });
    expect(diagnostics).toEqual([]);
    const [doc] = schema.modules.book!.yangData!;
    expect(doc!.nodes.map((n) => n.jsonName)).toEqual(['book:address-book']);
    expect((find(doc!.nodes, ['address-book', 'favourite']) as LeafNode).type.leafref?.type?.base).toBe('string');
    expect(find(doc!.nodes, ['address-book', 'address', 'phone']).path).toBe('/book:address-book/address/phone');
  });
});

describe('uses', () => {
  it('puts the when of a uses and of its augments on the nodes they bring, evaluated from the parent', () => {
    const { schema, diagnostics } = compileSources({
      'm.yang': mod(`  grouping g {
    container box { when "../m:size > 0"; leaf inside { type string; } }
  }
  leaf kind { type string; }
  leaf size { type uint8; }
  uses g {
    when "kind = 'boxed'";
    augment "box" {
      when "../kind != 'm:empty'";
      leaf extra { type string; }
    }
  }`),
    });
    expect(diagnostics).toEqual([]);
    expect(find(schema.modules.m!.data, ['box']).when).toEqual([
      { expr: "../m:size > 0", prefixes: { m: "m" } },
      { expr: "kind = 'boxed'", prefixes: {}, onParent: true },
    ]);
    expect(find(schema.modules.m!.data, ['box', 'extra']).when).toEqual([{ expr: "../kind != 'm:empty'", prefixes: { m: 'm' }, onParent: true }]);
    expect(find(schema.modules.m!.data, ['box', 'inside']).when).toBeUndefined();
  });
});

describe('malformed targets', () => {
  it('grafts nothing for an augment, and deviates nothing, whose target is not a schema node identifier (RFC 7950 14)', () => {
    const { schema, diagnostics } = compileSources({
      'm.yang': mod(`  container top { leaf x { type string; } }
  augment "/m:top/" { leaf y { type string; } }
  deviation "/m:top/x/" { deviate not-supported; }`),
    });
    expect(diagnostics.map((d) => [d.code, d.loc.line])).toEqual([
      ['bad-schema-nodeid', 5],
      ['bad-schema-nodeid', 6],
    ]);
    expect(find(schema.modules.m!.data, ['top']) as ContainerNode).toMatchObject({ children: [expect.objectContaining({ name: 'x' })] });
    expect((find(schema.modules.m!.data, ['top']) as ContainerNode).children).toHaveLength(1);
    expect(schema.modules.m!.augments).toEqual([]);
  });

  it('reports a malformed augment-structure target and grafts nothing (RFC 8791)', () => {
    const sx = `module ietf-yang-structure-ext { namespace "urn:ietf:params:xml:ns:yang:ietf-yang-structure-ext"; prefix sx;
      extension structure { argument name; } extension augment-structure { argument path; } }`;
    const book = `module book { yang-version 1.1; namespace "urn:book"; prefix b;
      import ietf-yang-structure-ext { prefix sx; }
      sx:structure address-book { leaf name { type string; } }
      sx:augment-structure "/b:address-book/" { leaf phone { type string; } }
    }`;
    const { schema, diagnostics } = compileSources({ 'book.yang': book, 'ietf-yang-structure-ext.yang': sx });
    expect(diagnostics.map((d) => [d.code, d.loc.line])).toEqual([['bad-schema-nodeid', 4]]);
    expect((schema.modules.book!.yangData![0]!.nodes[0] as ContainerNode).children.map((n) => n.name)).toEqual(['name']);
  });
});
