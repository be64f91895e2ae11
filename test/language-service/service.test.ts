import { describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { SEMANTIC_TOKENS_LEGEND } from '../../src/language-service/index.js';
import { textAt, withCursor, workspace } from './helpers.js';

const TYPES = `module ex-types {
  yang-version 1.1;
  namespace "urn:ex:types";
  prefix ext;
  typedef percent {
    type uint8 {
      range "0..100";
    }
    units "percent";
    description "A percentage.";
  }
  identity base-id {
    description "The root.";
  }
  identity child-id {
    base base-id;
  }
  feature fancy {
    description "Fancy things.";
  }
  grouping counters {
    leaf in-octets {
      type uint64;
    }
  }
}
`;

const MAIN = `module ex-main {
  yang-version 1.1;
  namespace "urn:ex:main";
  prefix exm;
  import ex-types {
    prefix ext;
  }
  typedef local-percent {
    type ext:percent;
  }
  container top {
    leaf load {
      if-feature ext:fancy;
      type local-percent;
      default 5;
      description "Current load.";
    }
    leaf kind {
      type identityref {
        base ext:base-id;
      }
    }
    uses ext:counters;
  }
}
`;

const hoverText = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

/** The position of the `n`th occurrence of `needle` in `text`, `offset` characters into it. */
function positionOf(text: string, needle: string, offset = 0, n = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, at + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('diagnostics', () => {
  it('are clean for valid modules, then reported with code and range after an edit', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    expect(service.diagnostics()).toEqual([]);
    const broken = MAIN.replace('type local-percent;', 'type local-percentage;');
    const published = service.open(path('ex-main.yang'), broken);
    expect(published.map((p) => p.file)).toEqual([path('ex-main.yang')]);
    const [d] = published[0]!.diagnostics;
    expect(d).toMatchObject({ severity: 1, source: 'yangkit' });
    expect(typeof d!.code).toBe('string');
    expect(textAt(broken, d!.range)).toBe('local-percentage');
  });

  it('are republished on an importer when the imported module changes, and cleared when fixed', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    service.diagnostics();
    const withoutPercent = TYPES.replace('typedef percent', 'typedef ratio');
    const published = service.open(path('ex-types.yang'), withoutPercent);
    const main = published.find((p) => p.file === path('ex-main.yang'));
    expect(main?.diagnostics.map((d) => textAt(MAIN, d.range))).toEqual(['ext:percent']);
    const fixed = service.change([{ file: path('ex-types.yang'), text: TYPES }]);
    expect(fixed).toEqual([{ file: path('ex-main.yang'), diagnostics: [] }]);
  });

  it('point at the other definition of a duplicate', () => {
    const text = MAIN.replace('  container top {', '  typedef local-percent {\n    type uint8;\n  }\n  container top {');
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': text });
    const main = service.diagnostics().find((p) => p.file === path('ex-main.yang'))!;
    const dup = main.diagnostics.find((d) => String(d.code).startsWith('duplicate-'))!;
    expect(dup.relatedInformation).toHaveLength(1);
    expect(dup.relatedInformation![0]!.location.range.start.line).not.toBe(dup.range.start.line);
    expect(textAt(text, dup.relatedInformation![0]!.location.range)).toBe('local-percent');
  });
});

describe('completion', () => {
  const labels = (marked: string, files: Record<string, string> = {}) => {
    const { text, position } = withCursor(marked);
    const { service, path } = workspace({ 'ex-types.yang': TYPES, ...files, 'ex-main.yang': text });
    return service.completion(path('ex-main.yang'), position).map((i) => i.label);
  };

  it('offers the substatements valid in the block, less those already there at most once', () => {
    const items = labels(MAIN.replace('    uses ext:counters;', '    uses ext:counters;\n    ¦'));
    expect(items).toEqual(expect.arrayContaining(['leaf', 'container', 'list', 'uses', 'action', 'presence', 'must']));
    expect(items).not.toContain('namespace');
    expect(items).not.toContain('type');
    const inLeaf = labels(MAIN.replace('      default 5;', '      default 5;\n      ¦'));
    expect(inLeaf).toEqual(expect.arrayContaining(['units', 'mandatory', 'must']));
    expect(inLeaf).not.toContain('type');
    expect(inLeaf).not.toContain('default');
  });

  it('completes a keyword being typed, with a snippet for common blocks', () => {
    const { text, position } = withCursor(MAIN.replace('    uses ext:counters;', '    uses ext:counters;\n    lea¦'));
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': text });
    const leaf = service.completion(path('ex-main.yang'), position).find((i) => i.label === 'leaf');
    expect(leaf?.insertTextFormat).toBe(2);
    expect(leaf?.insertText).toContain('type ${2:string};');
  });

  it('leaves out YANG 1.1 statements in a YANG 1 module', () => {
    const items = labels(MAIN.replace('  yang-version 1.1;\n', '').replace('    uses ext:counters;', '    uses ext:counters;\n    ¦'));
    expect(items).toContain('leaf');
    expect(items).not.toContain('action');
    expect(items).not.toContain('anydata');
  });

  it('offers typedefs in scope and from imports, with the built-in types', () => {
    const items = labels(MAIN.replace('type local-percent;', 'type ¦'));
    expect(items).toEqual(expect.arrayContaining(['local-percent', 'ext:percent', 'string', 'uint8']));
  });

  it('replaces the whole prefixed name typed so far', () => {
    const { text, position } = withCursor(MAIN.replace('type local-percent;', 'type ext:pe¦'));
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': text });
    const item = service.completion(path('ex-main.yang'), position).find((i) => i.label === 'ext:percent');
    expect(item?.textEdit).toEqual({ range: { start: { ...position, character: position.character - 6 }, end: position }, newText: 'ext:percent' });
  });

  it('offers identities, groupings and features of imported modules with their prefix', () => {
    expect(labels(MAIN.replace('base ext:base-id;', 'base ¦'))).toEqual(expect.arrayContaining(['ext:base-id', 'ext:child-id']));
    expect(labels(MAIN.replace('uses ext:counters;', 'uses ¦'))).toEqual(['ext:counters']);
    expect(labels(MAIN.replace('if-feature ext:fancy;', 'if-feature ¦'))).toEqual(['ext:fancy']);
  });

  it('offers the next step of an augment target', () => {
    const augment = (path: string) => MAIN.replace(/}\n$/, `  augment "${path}" {\n    leaf extra {\n      type string;\n    }\n  }\n}\n`);
    expect(labels(augment('/¦'))).toEqual(['exm:top']);
    expect(labels(augment('/exm:top/¦'))).toEqual(expect.arrayContaining(['exm:load', 'exm:kind', 'exm:in-octets']));
    expect(labels(augment('/exm:top/¦'))).not.toContain('exm:top');
  });

  it('offers fixed argument values and enum values in a default', () => {
    expect(labels(MAIN.replace('      default 5;', '      default 5;\n      config ¦'))).toEqual(['true', 'false']);
    const enumLeaf = MAIN.replace('    uses ext:counters;', '    leaf mode {\n      type enumeration {\n        enum fast;\n        enum slow;\n      }\n      default ¦\n    }');
    expect(labels(enumLeaf)).toEqual(['fast', 'slow']);
  });
});

describe('hover', () => {
  it('shows a leaf: tree line, resolved type chain, range, default, units, description', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    const text = hoverText(service.hover(path('ex-main.yang'), positionOf(MAIN, 'leaf load', 6)));
    expect(text).toContain('+--rw load?');
    expect(text).toContain('local-percent → ex-main:local-percent → ex-types:percent → uint8');
    expect(text).toContain('range: `0..100`');
    expect(text).toContain('default: `5`');
    expect(text).toContain('units: percent');
    expect(text).toContain('Current load.');
  });

  it('shows the description of a typedef, identity or feature named at a reference', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    const file = path('ex-main.yang');
    expect(hoverText(service.hover(file, positionOf(MAIN, 'ext:percent', 5)))).toContain('A percentage.');
    expect(hoverText(service.hover(file, positionOf(MAIN, 'ext:base-id', 5)))).toContain('The root.');
    expect(hoverText(service.hover(file, positionOf(MAIN, 'ext:fancy', 5)))).toContain('Fancy things.');
  });
});

describe('definition and references', () => {
  it('go from a prefixed name to the definition in the imported module, and from a prefix to its import', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    const file = path('ex-main.yang');
    const [typedef] = service.definition(file, positionOf(MAIN, 'ext:percent', 6));
    expect(typedef?.uri).toBe(path('ex-types.yang'));
    expect(textAt(TYPES, typedef!.range)).toBe('percent');
    expect(typedef!.range.start).toEqual(positionOf(TYPES, 'percent {'));
    const [grouping] = service.definition(file, positionOf(MAIN, 'ext:counters', 6));
    expect(grouping!.range.start).toEqual(positionOf(TYPES, 'counters {'));
    const [prefix] = service.definition(file, positionOf(MAIN, 'ext:counters', 1));
    expect(prefix).toEqual({ uri: file, range: expect.objectContaining({ start: positionOf(MAIN, 'ex-types {') }) });
    const [local] = service.definition(file, positionOf(MAIN, 'type local-percent', 7));
    expect(local!.range.start).toEqual(positionOf(MAIN, 'local-percent {'));
    const [imported] = service.definition(file, positionOf(MAIN, 'import ex-types', 9));
    expect(imported).toEqual({ uri: path('ex-types.yang'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  });

  it('find every reference to an identity across the workspace, with or without the declaration', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    const refs = service.references(path('ex-types.yang'), positionOf(TYPES, 'identity base-id', 10), true);
    expect(refs.map((r) => [r.uri, r.range.start])).toEqual([
      [path('ex-types.yang'), positionOf(TYPES, 'base-id {')],
      [path('ex-main.yang'), positionOf(MAIN, 'ext:base-id')],
      [path('ex-types.yang'), positionOf(TYPES, 'base base-id', 5)],
    ]);
    expect(service.references(path('ex-types.yang'), positionOf(TYPES, 'identity base-id', 10), false)).toHaveLength(2);
  });

  it('find the uses of a prefix in its file', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    const refs = service.references(path('ex-main.yang'), positionOf(MAIN, 'prefix ext', 8));
    expect(refs.map((r) => textAt(MAIN, r.range))).toEqual(["ext", "ext", "ext", "ext", "ext"]); // the declaration and four uses
  });

  it('go from a leafref path to the leaf it names and from an augment to its target', () => {
    const main = MAIN.replace('    uses ext:counters;', '    uses ext:counters;\n    leaf ref {\n      type leafref {\n        path "../load";\n      }\n    }').replace(
      /}\n$/,
      '  augment "/exm:top" {\n    leaf extra {\n      type string;\n    }\n  }\n}\n',
    );
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': main });
    const file = path('ex-main.yang');
    expect(service.definition(file, positionOf(main, '../load', 2))[0]!.range.start).toEqual(positionOf(main, 'leaf load'));
    expect(service.definition(file, positionOf(main, 'augment', 2))[0]!.range.start).toEqual(positionOf(main, 'container top'));
  });
});

describe('rename', () => {
  it('renames a feature at its definition and at every if-feature, across files', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    expect(textAt(MAIN, service.prepareRename(path('ex-main.yang'), positionOf(MAIN, 'ext:fancy', 6))!)).toBe('fancy');
    const edit = service.rename(path('ex-main.yang'), positionOf(MAIN, 'ext:fancy', 6), 'shiny')!;
    expect(Object.keys(edit.changes!).sort()).toEqual([path('ex-main.yang'), path('ex-types.yang')].sort());
    expect(edit.changes![path('ex-types.yang')]!.map((e) => textAt(TYPES, e.range))).toEqual(['fancy']);
    expect(edit.changes![path('ex-main.yang')]!.map((e) => [textAt(MAIN, e.range), e.newText])).toEqual([['fancy', 'shiny']]);
    expect(service.rename(path('ex-main.yang'), positionOf(MAIN, 'ext:fancy', 6), 'not valid')).toBeNull();
  });

  it('renames a local typedef only where it is in scope', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    const edit = service.rename(path('ex-main.yang'), positionOf(MAIN, 'typedef local-percent', 9), 'share')!;
    expect(edit.changes![path('ex-main.yang')]!.map((e) => e.range.start)).toEqual([positionOf(MAIN, 'local-percent {'), positionOf(MAIN, 'type local-percent', 5)]);
  });
});

describe('outline', () => {
  it('gives document symbols as the statement tree and folds blocks', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    const [module] = service.documentSymbols(path('ex-main.yang'));
    expect(module!.name).toBe('ex-main');
    expect(module!.children!.map((c) => `${c.detail} ${c.name}`)).toEqual(['import ex-types', 'typedef local-percent', 'container top']);
    expect(module!.children![2]!.children!.map((c) => c.name)).toEqual(['load', 'kind', 'ext:counters']);
    const folds = service.foldingRanges(path('ex-main.yang'));
    expect(folds).toContainEqual({ startLine: 10, endLine: 22 });
  });

  it('is built for a file that does not parse', () => {
    const broken = 'module m {\n  container c {\n    leaf x {\n      type string;\n';
    const { service, path } = workspace({ 'm.yang': broken });
    const [module] = service.documentSymbols(path('m.yang'));
    expect(module!.children![0]!.children![0]!.name).toBe('x');
  });
});

describe('semantic tokens', () => {
  it('mark keywords, prefixes, and the names of definitions and references', () => {
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': MAIN });
    const { data } = service.semanticTokens(path('ex-main.yang'));
    const tokens: string[] = [];
    const lines = MAIN.split('\n');
    for (let i = 0, line = 0, char = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i] === 0 ? char + data[i + 1]! : data[i + 1]!;
      tokens.push(`${lines[line]!.slice(char, char + data[i + 2]!)}:${SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]!]}${data[i + 4] ? '*' : ''}`);
    }
    expect(tokens.slice(0, 3)).toEqual(['module:keyword', 'yang-version:keyword', 'namespace:keyword']);
    expect(tokens).toEqual(expect.arrayContaining(['local-percent:type*', 'ext:namespace', 'percent:type', 'fancy:macro', 'base-id:enumMember', 'counters:class', 'load:property*']));
  });
});

describe('code actions', () => {
  it('adds a missing import for a prefix a known module declares', () => {
    const text = MAIN.replace('  import ex-types {\n    prefix ext;\n  }\n', '');
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': text });
    const diags = service.diagnostics().find((d) => d.file === path('ex-main.yang'))!.diagnostics.filter((d) => d.code === 'unknown-prefix');
    expect(diags.length).toBeGreaterThan(0);
    const [action] = service.codeActions(path('ex-main.yang'), diags);
    expect(action!.title).toBe('Add "import ex-types"');
    const edit = action!.edit!.changes![path('ex-main.yang')]![0]!;
    expect(edit.range.start).toEqual(positionOf(text, 'prefix exm;', 11));
    expect(edit.newText).toBe('\n  import ex-types {\n    prefix ext;\n  }');
  });

  it('changes a mistyped prefix to a prefix of the file', () => {
    const text = MAIN.replace('type ext:percent;', 'type exy:percent;');
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': text });
    const diags = service.diagnostics().find((d) => d.file === path('ex-main.yang'))!.diagnostics.filter((d) => d.code === 'unknown-prefix');
    const actions = service.codeActions(path('ex-main.yang'), diags);
    expect(actions.map((a) => a.title)).toEqual(['Change prefix "exy" to "exm"', 'Change prefix "exy" to "ext"']);
    const [edit] = actions[1]!.edit!.changes![path('ex-main.yang')]!;
    expect(textAt(text, edit!.range)).toBe('exy');
    expect(edit!.range.start).toEqual(positionOf(text, 'exy:percent'));
  });

  it('adds yang-version 1.1 where a YANG 1.1 statement is used', () => {
    const text = MAIN.replace('  yang-version 1.1;\n', '').replace('    uses ext:counters;', '    uses ext:counters;\n    action reset;');
    const { service, path } = workspace({ 'ex-types.yang': TYPES, 'ex-main.yang': text });
    const diags = service.diagnostics().find((d) => d.file === path('ex-main.yang'))!.diagnostics.filter((d) => d.code === 'requires-yang11');
    const [action] = service.codeActions(path('ex-main.yang'), diags);
    expect(action!.edit!.changes![path('ex-main.yang')]).toEqual([{ range: { start: { line: 0, character: 16 }, end: { line: 0, character: 16 } }, newText: '\n  yang-version 1.1;' }]);
  });
});
