/**
 * The YANG statement grammar as data: for every keyword of RFC 7950 (section 7 substatement
 * tables, section 14 ABNF) and RFC 6020 (section 7, section 12), its argument kind and its
 * substatements with cardinality and the yang-version that allows them. The grammar check
 * (grammar.ts) reads it after parsing. Editor completion reads the same table: the keywords
 * valid inside `parent` are `substatementsOf(STATEMENTS.get(parent), version, arg)`, less
 * those `isYang11Only` in a YANG 1.0 file, less the full ones (cardinality), and in a module
 * or submodule less those of a section before the cursor's (SECTION_ORDER).
 */
import type { ArgKind, YangVersion } from './arguments.js';

/** How often a substatement may appear: optional, any number, exactly one, at least one. */
export type Cardinality = '0..1' | '0..n' | '1' | '1..n';

/** Module and submodule sections, in the order RFC 7950 7.1 / 7.2 and section 14 require. */
export type Section = 'header' | 'linkage' | 'meta' | 'revision' | 'body';
export const SECTION_ORDER: readonly Section[] = ['header', 'linkage', 'meta', 'revision', 'body'];

export interface SubstatementRule {
  readonly keyword: string;
  readonly cardinality: Cardinality;
  /** The cardinality in YANG 1.0 (RFC 6020) when it differs. */
  readonly cardinality10?: Cardinality;
  /** Allowed here only in YANG 1.1 (RFC 7950 section 1.1 lists the additions). */
  readonly since?: '1.1';
  /** The argument kind when it differs from the statement's own (augment inside uses). */
  readonly arg?: ArgKind;
  /** Module and submodule only: the section the substatement belongs to. */
  readonly section?: Section;
}

export interface StatementRule {
  readonly keyword: string;
  /** Argument kind, or null for a statement without argument (input, output). */
  readonly arg: ArgKind | null;
  /** A statement that exists only in YANG 1.1. */
  readonly since?: '1.1';
  readonly substatements: readonly SubstatementRule[];
  /** Substatements that depend on the argument (deviate, RFC 7950 7.20.3.2); `substatements` is their union. */
  readonly byArgument?: Readonly<Record<string, readonly SubstatementRule[]>>;
  /** At least one of these must be present (input and output: `1*data-def-stmt`, RFC 7950 7.14.2). */
  readonly requiresOneOf?: readonly string[];
}

// Helpers that keep the table below readable: `opt` 0..1, `any` 0..n, `one` 1, `some` 1..n.
type Sub = SubstatementRule;
const rule = (keyword: string, cardinality: Cardinality, extra: Partial<Sub> = {}): Sub => ({ keyword, cardinality, ...extra });
const opt = (...kws: string[]): Sub[] => kws.map((k) => rule(k, '0..1'));
const any = (...kws: string[]): Sub[] => kws.map((k) => rule(k, '0..n'));
const one = (...kws: string[]): Sub[] => kws.map((k) => rule(k, '1'));
/** Marks substatements that YANG 1.1 added. */
const v11 = (subs: Sub[]): Sub[] => subs.map((s) => ({ ...s, since: '1.1' }));
const inSection = (section: Section, subs: Sub[]): Sub[] => subs.map((s) => ({ ...s, section }));

/** data-def-stmt (RFC 7950 section 14). */
const DATA_DEF = [...any('container', 'leaf', 'leaf-list', 'list', 'choice'), ...v11(any('anydata')), ...any('anyxml', 'uses')];
const DATA_DEF_KEYWORDS = DATA_DEF.map((s) => s.keyword);
const TYPEDEFS_GROUPINGS = any('typedef', 'grouping');
const ACTIONS_NOTIFICATIONS = v11(any('action', 'notification'));
const DOCS = opt('description', 'reference');
const STATUS_DOCS = [...opt('status'), ...DOCS];
const ERROR_DOCS = [...opt('error-message', 'error-app-tag'), ...DOCS];

const moduleBody = inSection('body', [
  ...any('extension', 'feature', 'identity', 'typedef', 'grouping'),
  ...DATA_DEF,
  ...any('augment', 'rpc', 'notification', 'deviation'),
]);
const moduleTail = [
  ...inSection('linkage', any('import', 'include')),
  ...inSection('meta', opt('organization', 'contact', 'description', 'reference')),
  ...inSection('revision', any('revision')),
  ...moduleBody,
];

const operation = [...any('if-feature'), ...STATUS_DOCS, ...TYPEDEFS_GROUPINGS, ...opt('input', 'output')];
const inputOutput = [...v11(any('must')), ...TYPEDEFS_GROUPINGS, ...DATA_DEF];
const anyNode = [...opt('when'), ...any('if-feature', 'must'), ...opt('config', 'mandatory'), ...STATUS_DOCS];

// RFC 7950 7.20.3.2 and section 14 deviate-*-stmt; RFC 6020 allows one default in add and delete.
const deviateDefault = rule('default', '0..n', { cardinality10: '0..1' });
const DEVIATE: Record<string, Sub[]> = {
  'not-supported': [],
  add: [...opt('units'), ...any('must', 'unique'), deviateDefault, ...opt('config', 'mandatory', 'min-elements', 'max-elements')],
  replace: opt('type', 'units', 'default', 'config', 'mandatory', 'min-elements', 'max-elements'),
  delete: [...opt('units'), ...any('must', 'unique'), deviateDefault],
};

const stmt = (keyword: string, arg: ArgKind | null, substatements: Sub[] = [], extra: Partial<StatementRule> = {}): StatementRule => ({
  keyword,
  arg,
  substatements,
  ...extra,
});

const RULES: StatementRule[] = [
  stmt('module', 'identifier', [...inSection('header', [...opt('yang-version'), ...one('namespace', 'prefix')]), ...moduleTail]),
  stmt('submodule', 'identifier', [...inSection('header', [...opt('yang-version'), ...one('belongs-to')]), ...moduleTail]),
  stmt('yang-version', 'yang-version'),
  stmt('namespace', 'uri'),
  stmt('prefix', 'identifier'),
  stmt('import', 'identifier', [...one('prefix'), ...opt('revision-date'), ...v11(DOCS)]),
  stmt('include', 'identifier', [...opt('revision-date'), ...v11(DOCS)]),
  stmt('revision-date', 'date'),
  stmt('belongs-to', 'identifier', one('prefix')),
  stmt('organization', 'string'),
  stmt('contact', 'string'),
  stmt('description', 'string'),
  stmt('reference', 'string'),
  stmt('units', 'string'),
  stmt('revision', 'date', DOCS),
  stmt('extension', 'identifier', [...opt('argument'), ...STATUS_DOCS]),
  stmt('argument', 'identifier', opt('yin-element')),
  stmt('yin-element', 'boolean'),
  stmt('identity', 'identifier', [...v11(any('if-feature')), rule('base', '0..n', { cardinality10: '0..1' }), ...STATUS_DOCS]),
  stmt('base', 'identifier-ref'),
  stmt('feature', 'identifier', [...any('if-feature'), ...STATUS_DOCS]),
  // RFC 6020 allows only a feature name; checkArgument applies the version.
  stmt('if-feature', 'if-feature-expr'),
  stmt('typedef', 'identifier', [...one('type'), ...opt('units', 'default'), ...STATUS_DOCS]),
  // Which restrictions fit which built-in type is checked with the type (RFC 7950 9).
  stmt('type', 'identifier-ref', [
    ...opt('fraction-digits', 'range', 'length'),
    ...any('pattern', 'enum', 'bit'),
    ...opt('path', 'require-instance'),
    rule('base', '0..n', { cardinality10: '0..1' }),
    ...any('type'),
  ]),
  stmt('range', 'range', ERROR_DOCS),
  stmt('length', 'length', ERROR_DOCS),
  stmt('pattern', 'string', [...v11(opt('modifier')), ...ERROR_DOCS]),
  stmt('modifier', 'modifier', [], { since: '1.1' }),
  stmt('default', 'string'),
  stmt('enum', 'enum-name', [...v11(any('if-feature')), ...opt('value'), ...STATUS_DOCS]),
  stmt('value', 'integer'),
  stmt('bit', 'identifier', [...v11(any('if-feature')), ...opt('position'), ...STATUS_DOCS]),
  stmt('position', 'non-negative-integer'),
  stmt('path', 'path'),
  stmt('require-instance', 'boolean'),
  stmt('fraction-digits', 'fraction-digits'),
  stmt('status', 'status'),
  stmt('config', 'boolean'),
  stmt('mandatory', 'boolean'),
  stmt('presence', 'string'),
  stmt('ordered-by', 'ordered-by'),
  stmt('must', 'string', ERROR_DOCS),
  stmt('error-message', 'string'),
  stmt('error-app-tag', 'string'),
  stmt('min-elements', 'non-negative-integer'),
  stmt('max-elements', 'max-elements'),
  stmt('when', 'string', DOCS),
  stmt('grouping', 'identifier', [...STATUS_DOCS, ...TYPEDEFS_GROUPINGS, ...DATA_DEF, ...ACTIONS_NOTIFICATIONS]),
  stmt('container', 'identifier', [
    ...opt('when'),
    ...any('if-feature', 'must'),
    ...opt('presence', 'config'),
    ...STATUS_DOCS,
    ...TYPEDEFS_GROUPINGS,
    ...DATA_DEF,
    ...ACTIONS_NOTIFICATIONS,
  ]),
  stmt('leaf', 'identifier', [...opt('when'), ...any('if-feature'), ...one('type'), ...opt('units'), ...any('must'), ...opt('default', 'config', 'mandatory'), ...STATUS_DOCS]),
  stmt('leaf-list', 'identifier', [
    ...opt('when'),
    ...any('if-feature'),
    ...one('type'),
    ...opt('units'),
    ...any('must'),
    ...v11(any('default')),
    ...opt('config', 'min-elements', 'max-elements', 'ordered-by'),
    ...STATUS_DOCS,
  ]),
  // The ABNF's `1*data-def-stmt` in list and augment is not enforced, as by yanglint and pyang.
  stmt('list', 'identifier', [
    ...opt('when'),
    ...any('if-feature', 'must'),
    ...opt('key'),
    ...any('unique'),
    ...opt('config', 'min-elements', 'max-elements', 'ordered-by'),
    ...STATUS_DOCS,
    ...TYPEDEFS_GROUPINGS,
    ...DATA_DEF,
    ...ACTIONS_NOTIFICATIONS,
  ]),
  stmt('key', 'key'),
  stmt('unique', 'unique'),
  // A case statement, or the shorthand of a case (RFC 7950 7.9.2); choice in choice is new in 1.1.
  stmt('choice', 'identifier', [
    ...opt('when'),
    ...any('if-feature'),
    ...opt('default', 'config', 'mandatory'),
    ...STATUS_DOCS,
    ...any('case'),
    ...v11(any('choice')),
    ...any('container', 'leaf', 'leaf-list', 'list'),
    ...v11(any('anydata')),
    ...any('anyxml'),
  ]),
  stmt('case', 'identifier', [...opt('when'), ...any('if-feature'), ...STATUS_DOCS, ...DATA_DEF]),
  stmt('anydata', 'identifier', anyNode, { since: '1.1' }),
  stmt('anyxml', 'identifier', anyNode),
  stmt('uses', 'identifier-ref', [
    ...opt('when'),
    ...any('if-feature'),
    ...STATUS_DOCS,
    ...any('refine'),
    rule('augment', '0..n', { arg: 'descendant-schema-nodeid' }),
  ]),
  stmt('refine', 'descendant-schema-nodeid', [
    ...v11(any('if-feature')),
    ...any('must'),
    ...opt('presence'),
    rule('default', '0..n', { cardinality10: '0..1' }),
    ...opt('config', 'mandatory', 'min-elements', 'max-elements'),
    ...DOCS,
  ]),
  stmt('augment', 'absolute-schema-nodeid', [...opt('when'), ...any('if-feature'), ...STATUS_DOCS, ...DATA_DEF, ...any('case'), ...ACTIONS_NOTIFICATIONS]),
  stmt('rpc', 'identifier', operation),
  stmt('action', 'identifier', operation, { since: '1.1' }),
  stmt('input', null, inputOutput, { requiresOneOf: DATA_DEF_KEYWORDS }),
  stmt('output', null, inputOutput, { requiresOneOf: DATA_DEF_KEYWORDS }),
  stmt('notification', 'identifier', [...any('if-feature'), ...v11(any('must')), ...STATUS_DOCS, ...TYPEDEFS_GROUPINGS, ...DATA_DEF]),
  stmt('deviation', 'absolute-schema-nodeid', [...DOCS, rule('deviate', '1..n')]),
  stmt('deviate', 'deviate', unionOf(Object.values(DEVIATE)), { byArgument: DEVIATE }),
];

/** Every substatement allowed in some variant, with the loosest cardinality (for completion). */
function unionOf(lists: Sub[][]): Sub[] {
  const out = new Map<string, Sub>();
  for (const s of lists.flat()) {
    const known = out.get(s.keyword);
    if (!known || s.cardinality === '0..n') out.set(s.keyword, s);
  }
  return [...out.values()];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The statement grammar, by keyword. Read-only. */
export const STATEMENTS: ReadonlyMap<string, StatementRule> = new Map(RULES.map((r) => [r.keyword, deepFreeze(r)]));

/** The statements that may start a file. */
export const TOP_LEVEL: readonly string[] = Object.freeze(['module', 'submodule']);

/** The substatement rules of `rule` in effect for `version` (and `arg`, for deviate), keyed by keyword. */
export function substatementsOf(rule: StatementRule, version: YangVersion, arg?: string): ReadonlyMap<string, SubstatementRule> {
  const variants = rule.byArgument;
  const list = variants && arg !== undefined && Object.hasOwn(variants, arg) ? variants[arg]! : rule.substatements;
  return indexed(list, version);
}

const indexCache = new WeakMap<readonly SubstatementRule[], Map<YangVersion, Map<string, SubstatementRule>>>();

function indexed(list: readonly SubstatementRule[], version: YangVersion): Map<string, SubstatementRule> {
  let byVersion = indexCache.get(list);
  if (!byVersion) indexCache.set(list, (byVersion = new Map()));
  let map = byVersion.get(version);
  if (!map) {
    map = new Map();
    for (const s of list) map.set(s.keyword, version === '1' && s.cardinality10 ? { ...s, cardinality: s.cardinality10 } : s);
    byVersion.set(version, map);
  }
  return map;
}

/** Whether a substatement exists only in YANG 1.1, by its own marker or because its statement is new in 1.1. */
export function isYang11Only(sub: SubstatementRule): boolean {
  return sub.since === '1.1' || STATEMENTS.get(sub.keyword)?.since === '1.1';
}

/** The argument kind of a statement, where `sub` (its rule in the parent) may override it. */
export function argumentKind(rule: StatementRule, sub?: SubstatementRule): ArgKind | null {
  return sub?.arg ?? rule.arg;
}
