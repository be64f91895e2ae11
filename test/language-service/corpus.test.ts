import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver-types';
import { LanguageService } from '../../src/language-service/index.js';
import { CORPUS } from '../corpus/paths.js';

const MODELS = join(CORPUS, 'openconfig/release/models');
const FOLDER = join(MODELS, 'interfaces');
const INTERFACES = join(FOLDER, 'openconfig-interfaces.yang');
const TEXT = readFileSync(INTERFACES, 'utf8');

/** 0-based position of `needle` on the 1-based line `line` of openconfig-interfaces.yang. */
const at = (line: number, needle: string, offset = 0) => ({ line: line - 1, character: TEXT.split('\n')[line - 1]!.indexOf(needle) + offset });

describe('the language service on the OpenConfig interfaces models', () => {
  let service: LanguageService;
  beforeAll(() => {
    service = new LanguageService({ inputs: [FOLDER], searchPaths: [MODELS, join(CORPUS, 'openconfig/third_party/ietf')] });
    service.diagnostics();
  }, 120_000);

  it('finds the uses of a grouping', () => {
    const refs = service.references(INTERFACES, at(396, 'interface-phys-config', 2), false);
    expect(refs.map((r) => [basename(r.uri), r.range.start.line + 1])).toEqual([
      ['openconfig-interfaces.yang', 1350],
      ['openconfig-interfaces.yang', 1359],
    ]);
  });

  it('goes to a typedef of an imported module', () => {
    const [def] = service.definition(INTERFACES, at(718, 'timeticks64', 2));
    expect(basename(def!.uri)).toBe('openconfig-types.yang');
    const types = readFileSync(def!.uri, 'utf8').split('\n');
    expect(types[def!.range.start.line]).toMatch(/typedef timeticks64/);
  });

  it('hovers a leaf of a grouping with its type and tree line', () => {
    const value = (service.hover(INTERFACES, at(460, 'mtu', 1))!.contents as MarkupContent).value;
    expect(value).toContain('**leaf** `mtu`');
    expect(value).toMatch(/\+--rw mtu\?\s+uint16/);
    expect(value).toContain('type: `uint16`');
  });

  it('republishes the diagnostics of the modules augmenting an edited module', () => {
    const broken = TEXT.replace('    container interfaces {', '    container interfacez {');
    const published = service.change([{ file: INTERFACES, text: broken }]);
    const files = published.filter((p) => p.diagnostics.length > 0).map((p) => basename(p.file));
    expect(files).toEqual(expect.arrayContaining(['openconfig-if-ethernet.yang', 'openconfig-if-ip.yang', 'openconfig-if-aggregate.yang']));
    const restored = service.change([{ file: INTERFACES, text: TEXT }]);
    expect(restored.filter((p) => p.diagnostics.length > 0)).toEqual([]);
    expect(restored.map((p) => basename(p.file))).toEqual(expect.arrayContaining(['openconfig-if-ethernet.yang', 'openconfig-if-ip.yang', 'openconfig-if-aggregate.yang']));
  }, 60_000);
});
