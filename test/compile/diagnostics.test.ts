import { describe, expect, it } from 'vitest';
import { compileSources, mod } from './helpers.js';

/**
 * Malformed inputs: each must give the stable code at the right line
 * (line 4 is the first line of a `mod()` body).
 */
interface Case {
  name: string;
  sources: Record<string, string>;
  code: string;
  line: number;
  file?: string;
}

const cases: Case[] = [
  { name: 'missing semicolon', sources: { 'm.yang': mod('  leaf a { type string }') }, code: 'syntax', line: 4 },
  { name: 'unbalanced braces', sources: { 'm.yang': mod('  container a {\n    leaf b { type string; }\n') }, code: 'syntax', line: 8 },
  { name: 'unterminated string', sources: { 'm.yang': mod('  leaf a { type string; description "oops; }') }, code: 'syntax', line: 4 },
  { name: 'second top-level statement', sources: { 'm.yang': mod('') + 'module n { }\n' }, code: 'syntax', line: 6 },
  { name: 'not a module', sources: { 'm.yang': 'container x { }\n' }, code: 'not-a-module', line: 1 },
  { name: 'missing namespace', sources: { 'm.yang': 'module m {\n  prefix m;\n}\n' }, code: 'missing-statement', line: 1 },
  { name: 'missing prefix', sources: { 'm.yang': 'module m {\n  namespace "urn:m";\n}\n' }, code: 'missing-statement', line: 1 },
  { name: 'bad yang-version', sources: { 'm.yang': 'module m {\n  yang-version 2;\n  namespace "urn:m"; prefix m;\n}\n' }, code: 'bad-yang-version', line: 2 },
  { name: 'bad revision date', sources: { 'm.yang': mod('  revision 2020-13-45;') }, code: 'bad-revision-date', line: 4 },
  { name: 'bad revision-date in import', sources: { 'm.yang': mod('  import n { prefix n; revision-date 2020-02-30; }'), 'n.yang': 'module n { namespace "urn:n"; prefix n; }' }, code: 'bad-revision-date', line: 4 },
  { name: 'missing import', sources: { 'm.yang': mod('  import nowhere { prefix nw; }') }, code: 'missing-module', line: 4 },
  { name: 'import of a missing revision', sources: { 'm.yang': mod('  import n { prefix n; revision-date 2001-01-01; }'), 'n@2020-01-01.yang': 'module n { namespace "urn:n"; prefix n; revision 2020-01-01; }' }, code: 'missing-module', line: 4 },
  { name: 'circular import', sources: { 'm.yang': mod('  import n { prefix n; }'), 'n.yang': 'module n {\n  namespace "urn:n"; prefix n;\n  import m { prefix m; }\n}\n' }, code: 'circular-import', line: 3, file: 'n.yang' },
  { name: 'duplicate prefix', sources: { 'm.yang': mod('  import n { prefix m; }'), 'n.yang': 'module n { namespace "urn:n"; prefix n; }' }, code: 'duplicate-prefix', line: 4 },
  { name: 'missing submodule', sources: { 'm.yang': mod('  include nosub;') }, code: 'missing-submodule', line: 4 },
  { name: 'circular include', sources: { 'm.yang': mod('  include s1;'), 's1.yang': 'submodule s1 {\n  belongs-to m { prefix m; }\n  include s2;\n}\n', 's2.yang': 'submodule s2 {\n  belongs-to m { prefix m; }\n  include s1;\n}\n' }, code: 'circular-include', line: 3, file: 's2.yang' },
  { name: 'submodule of another module', sources: { 'm.yang': mod('  include s;'), 's.yang': 'submodule s {\n  belongs-to other { prefix o; }\n}\n' }, code: 'belongs-to-mismatch', line: 2, file: 's.yang' },
  { name: 'unknown prefix in type', sources: { 'm.yang': mod('  leaf a { type zz:thing; }') }, code: 'unknown-prefix', line: 4 },
  { name: 'unknown type', sources: { 'm.yang': mod('  leaf a { type no-such-type; }') }, code: 'unknown-type', line: 4 },
  { name: 'leaf without type', sources: { 'm.yang': mod('  leaf a { description "x"; }') }, code: 'missing-type', line: 4 },
  { name: 'circular typedef', sources: { 'm.yang': mod('  typedef a { type b; }\n  typedef b { type a; }') }, code: 'circular-typedef', line: 4 },
  { name: 'duplicate typedef', sources: { 'm.yang': mod('  typedef a { type string; }\n  typedef a { type int8; }') }, code: 'duplicate-typedef', line: 5 },
  { name: 'unknown grouping', sources: { 'm.yang': mod('  uses nothing;') }, code: 'unknown-grouping', line: 4 },
  { name: 'circular uses', sources: { 'm.yang': mod('  grouping g {\n    container c { uses g; }\n  }\n  uses g;') }, code: 'circular-uses', line: 5 },
  { name: 'duplicate grouping', sources: { 'm.yang': mod('  grouping g { leaf a { type string; } }\n  grouping g { leaf b { type string; } }') }, code: 'duplicate-grouping', line: 5 },
  { name: 'duplicate sibling names', sources: { 'm.yang': mod('  container c {\n    leaf a { type string; }\n    leaf a { type int8; }\n  }') }, code: 'duplicate-node', line: 6 },
  { name: 'duplicate name across cases', sources: { 'm.yang': mod('  container c {\n    leaf a { type string; }\n    choice ch {\n      leaf a { type int8; }\n    }\n  }') }, code: 'duplicate-node', line: 7 },
  { name: 'list key that is not a leaf', sources: { 'm.yang': mod('  list l {\n    key "nope";\n    leaf a { type string; }\n  }') }, code: 'bad-key', line: 5 },
  { name: 'config list without key', sources: { 'm.yang': mod('  list l {\n    leaf a { type string; }\n  }') }, code: 'missing-key', line: 4 },
  { name: 'unique naming nothing', sources: { 'm.yang': mod('  list l {\n    key a;\n    unique "b";\n    leaf a { type string; }\n  }') }, code: 'bad-unique', line: 6 },
  { name: 'leafref to nothing', sources: { 'm.yang': mod('  leaf a {\n    type leafref { path "../nothing"; }\n  }') }, code: 'leafref-target-not-found', line: 5 },
  { name: 'leafref without path', sources: { 'm.yang': mod('  leaf a { type leafref; }') }, code: 'missing-path', line: 4 },
  { name: 'range outside the base type', sources: { 'm.yang': mod('  leaf a { type int8 { range "0..300"; } }') }, code: 'range-outside-base', line: 4 },
  { name: 'range wider than the typedef', sources: { 'm.yang': mod('  typedef small { type uint8 { range "1..10"; } }\n  leaf a { type small { range "5..20"; } }') }, code: 'range-outside-base', line: 5 },
  { name: 'bad range syntax', sources: { 'm.yang': mod('  leaf a { type int32 { range "1..x"; } }') }, code: 'bad-range', line: 4 },
  { name: 'range bounds out of order', sources: { 'm.yang': mod('  leaf a { type int32 { range "10..1"; } }') }, code: 'bad-range', line: 4 },
  { name: 'length outside the base', sources: { 'm.yang': mod('  typedef s { type string { length "1..8"; } }\n  leaf a { type s { length "0..4"; } }') }, code: 'length-outside-base', line: 5 },
  { name: 'range on a string', sources: { 'm.yang': mod('  leaf a { type string { range "1..2"; } }') }, code: 'bad-restriction', line: 4 },
  { name: 'invalid pattern', sources: { 'm.yang': mod('  leaf a { type string { pattern "[a-"; } }') }, code: 'bad-pattern', line: 4 },
  { name: 'decimal64 without fraction-digits', sources: { 'm.yang': mod('  leaf a { type decimal64; }') }, code: 'missing-fraction-digits', line: 4 },
  { name: 'fraction-digits out of range', sources: { 'm.yang': mod('  leaf a { type decimal64 { fraction-digits 19; } }') }, code: 'bad-fraction-digits', line: 4 },
  { name: 'duplicate enum', sources: { 'm.yang': mod('  leaf a {\n    type enumeration { enum x; enum x; }\n  }') }, code: 'duplicate-enum', line: 5 },
  { name: 'enum value out of int32', sources: { 'm.yang': mod('  leaf a {\n    type enumeration { enum x { value 3000000000; } }\n  }') }, code: 'bad-enum-value', line: 5 },
  { name: 'derived enum adding a name', sources: { 'm.yang': mod('  typedef e { type enumeration { enum x; } }\n  leaf a { type e { enum y; } }') }, code: 'bad-enum', line: 5 },
  { name: 'default not in the enumeration', sources: { 'm.yang': mod('  leaf a {\n    type enumeration { enum x; }\n    default y;\n  }') }, code: 'bad-default', line: 6 },
  { name: 'default outside the range', sources: { 'm.yang': mod('  leaf a {\n    type uint8;\n    default 256;\n  }') }, code: 'bad-default', line: 6 },
  { name: 'mandatory leaf with default', sources: { 'm.yang': mod('  leaf a {\n    type string;\n    mandatory true;\n    default x;\n  }') }, code: 'mandatory-with-default', line: 7 },
  { name: 'choice default naming no case', sources: { 'm.yang': mod('  choice c {\n    default zz;\n    leaf a { type string; }\n  }') }, code: 'bad-choice-default', line: 5 },
  { name: 'min-elements above max-elements', sources: { 'm.yang': mod('  leaf-list a {\n    type string;\n    min-elements 5;\n    max-elements 2;\n  }') }, code: 'bad-min-max', line: 7 },
  { name: 'identity with unknown base', sources: { 'm.yang': mod('  identity x { base nothing; }') }, code: 'unknown-identity', line: 4 },
  { name: 'circular identity', sources: { 'm.yang': mod('  identity x { base y; }\n  identity y { base x; }') }, code: 'circular-identity', line: 4 },
  { name: 'identityref without base', sources: { 'm.yang': mod('  leaf a { type identityref; }') }, code: 'missing-base', line: 4 },
  { name: 'if-feature of an unknown feature', sources: { 'm.yang': mod('  leaf a { if-feature nope; type string; }') }, code: 'unknown-feature', line: 4 },
  { name: 'malformed if-feature expression', sources: { 'm.yang': mod('  feature f;\n  leaf a { if-feature "f and"; type string; }') }, code: 'bad-if-feature', line: 5 },
  { name: 'augment target not found', sources: { 'm.yang': mod('  augment "/m:nothing" { leaf a { type string; } }') }, code: 'bad-augment-target', line: 4 },
  { name: 'augment into a leaf', sources: { 'm.yang': mod('  leaf l { type string; }\n  augment "/m:l" { leaf a { type string; } }') }, code: 'bad-augment-target', line: 5 },
  { name: 'deviation target not found', sources: { 'm.yang': mod('  deviation "/m:nothing" { deviate not-supported; }') }, code: 'bad-deviation-target', line: 4 },
  { name: 'refine target not found', sources: { 'm.yang': mod('  grouping g { leaf a { type string; } }\n  container c {\n    uses g { refine "b" { default x; } }\n  }') }, code: 'bad-refine-target', line: 6 },
  { name: 'config true under config false', sources: { 'm.yang': mod('  container c {\n    config false;\n    leaf a { type string; config true; }\n  }') }, code: 'bad-config', line: 6 },
  { name: 'XPath syntax error in must', sources: { 'm.yang': mod('  leaf a {\n    type string;\n    must "count(../b";\n  }') }, code: 'bad-xpath', line: 6 },
  { name: 'XPath syntax error in when', sources: { 'm.yang': mod('  leaf a {\n    type string;\n    when "../b = ";\n  }') }, code: 'bad-xpath', line: 6 },
  { name: 'unknown prefix in a must expression', sources: { 'm.yang': mod('  leaf a {\n    type string;\n    must "../zz:b";\n  }') }, code: 'unknown-prefix', line: 6 },
  { name: 'unknown extension', sources: { 'm.yang': mod('  leaf a { type string; m:nothing "x"; }') }, code: 'unknown-extension', line: 4 },
  { name: 'misspelled keyword', sources: { 'm.yang': mod('  container c {\n    leaff a { type string; }\n  }') }, code: 'unknown-statement', line: 5 },
  { name: 'bad max-elements value', sources: { 'm.yang': mod('  leaf-list a {\n    type string;\n    max-elements zero;\n  }') }, code: 'bad-value', line: 6 },
];

describe('diagnostics for malformed input', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
  for (const c of cases) {
    it(c.name, () => {
      const { diagnostics } = compileSources(c.sources);
      const hit = diagnostics.find((d) => d.code === c.code && d.severity === 'error');
      expect(hit, `no ${c.code} in:\n${diagnostics.map((d) => `${d.loc.line}: ${d.code} ${d.message}`).join('\n')}`).toBeDefined();
      expect(hit!.loc.line).toBe(c.line);
      expect(hit!.loc.file.endsWith(c.file ?? 'm.yang')).toBe(true);
    });
  }
  it('accepts a clean module with no diagnostics', () => {
    const { diagnostics } = compileSources({ 'm.yang': mod('  container c {\n    leaf a { type string; }\n  }') });
    expect(diagnostics).toEqual([]);
  });
});
