import { describe, expect, it } from 'vitest';
import { STATEMENTS, TOP_LEVEL, isYang11Only, substatementsOf } from '../../src/syntax/statement-table.js';

const rules = [...STATEMENTS.values()];

/** Every (parent, substatement) pair YANG 1.1 added: RFC 7950 1.1, and pyang's grammar.py `$1.1` markers. */
const YANG11_PAIRS = [
  'import/description', 'import/reference', 'include/description', 'include/reference',
  'identity/if-feature', 'enum/if-feature', 'bit/if-feature', 'refine/if-feature',
  'pattern/modifier', 'leaf-list/default',
  'input/must', 'output/must', 'notification/must',
  'container/action', 'container/notification', 'list/action', 'list/notification',
  'grouping/action', 'grouping/notification', 'augment/action', 'augment/notification',
  'choice/choice', 'choice/anydata',
  ...['module', 'submodule', 'container', 'list', 'grouping', 'case', 'augment', 'input', 'output', 'notification'].map((p) => `${p}/anydata`),
];

describe('statement table', () => {
  it('defines every keyword it uses as a substatement', () => {
    for (const r of rules) {
      for (const s of [...r.substatements, ...Object.values(r.byArgument ?? {}).flat()]) {
        expect(STATEMENTS.has(s.keyword), `${r.keyword}/${s.keyword}`).toBe(true);
      }
    }
  });

  it('reaches every statement from module or submodule', () => {
    const used = new Set(rules.flatMap((r) => r.substatements.map((s) => s.keyword)));
    for (const r of rules) if (!TOP_LEVEL.includes(r.keyword)) expect(used.has(r.keyword), r.keyword).toBe(true);
  });

  it('lists each substatement once per statement', () => {
    for (const r of rules) {
      const keywords = r.substatements.map((s) => s.keyword);
      expect(new Set(keywords).size, r.keyword).toBe(keywords.length);
    }
  });

  it('marks exactly the substatements YANG 1.1 added', () => {
    const marked = rules.flatMap((r) => r.substatements.filter(isYang11Only).map((s) => `${r.keyword}/${s.keyword}`));
    expect(marked.sort()).toEqual([...new Set(YANG11_PAIRS)].sort());
  });

  it('gives a YANG 1.0 cardinality where RFC 6020 differs', () => {
    expect(substatementsOf(STATEMENTS.get('identity')!, '1').get('base')?.cardinality).toBe('0..1');
    expect(substatementsOf(STATEMENTS.get('identity')!, '1.1').get('base')?.cardinality).toBe('0..n');
    expect(substatementsOf(STATEMENTS.get('deviate')!, '1', 'add').get('default')?.cardinality).toBe('0..1');
    expect(substatementsOf(STATEMENTS.get('deviate')!, '1.1', 'add').get('default')?.cardinality).toBe('0..n');
    expect(substatementsOf(STATEMENTS.get('deviate')!, '1.1', 'replace').get('default')?.cardinality).toBe('0..1');
  });

  it('selects deviate substatements by argument, within their union', () => {
    const deviate = STATEMENTS.get('deviate')!;
    expect([...substatementsOf(deviate, '1.1', 'not-supported').keys()]).toEqual([]);
    expect(substatementsOf(deviate, '1.1', 'replace').has('type')).toBe(true);
    expect(substatementsOf(deviate, '1.1', 'add').has('type')).toBe(false);
    const union = new Set(deviate.substatements.map((s) => s.keyword));
    for (const list of Object.values(deviate.byArgument!)) for (const s of list) expect(union.has(s.keyword)).toBe(true);
  });

  it('puts every module and submodule substatement in a section', () => {
    for (const top of TOP_LEVEL) for (const s of STATEMENTS.get(top)!.substatements) expect(s.section, `${top}/${s.keyword}`).toBeDefined();
  });

  it('is read-only', () => {
    const leaf = STATEMENTS.get('leaf')!;
    expect(Object.isFrozen(leaf)).toBe(true);
    expect(Object.isFrozen(leaf.substatements)).toBe(true);
    expect(Object.isFrozen(leaf.substatements[0])).toBe(true);
  });
});
