/**
 * Which definitions of other modules a module is built from, read from the sources: the
 * typedefs it names (`type`), groupings (`uses`), identities (`base`), features (`if-feature`)
 * and extensions (prefixed keywords), followed through the definitions those name in turn
 * (RFC 7950 sections 7.3, 7.13, 7.18.2, 7.20.2, 7.19, 6.3.1). A module none of whose
 * definitions changed in content or position compiles to the same IR for a module that
 * only uses them; what a module reads of other modules' schema trees is recorded by the
 * compile (`schemaReads`).
 */
import type { Statement } from '../syntax/statement.js';

/** `module \0 kind \0 name`, kind being the defining keyword. */
export type DefinitionKey = string;

const DEFINITION_KEYWORDS = new Set(['typedef', 'grouping', 'identity', 'feature', 'extension']);

/** Top-level statements that build the module's own schema tree: other modules see them through `schemaReads`. */
const TREE_KEYWORDS = new Set(['container', 'leaf', 'leaf-list', 'list', 'choice', 'anydata', 'anyxml', 'uses', 'augment', 'deviation', 'rpc', 'notification']);

/** Top-level text only the module itself shows (emitters of other modules never read it). */
const OWN_TEXT_KEYWORDS = new Set(['description', 'reference', 'contact', 'organization']);

const IF_FEATURE_OPERATORS = new Set(['and', 'or', 'not']);

const key = (module: string, kind: string, name: string): DefinitionKey => `${module}\0${kind}\0${name}`;

/** A parsed file with what its prefixes and unprefixed names stand for. */
interface SourceUnit {
  module: string;
  prefixes: Map<string, string>;
}

/** One file (module or submodule) as parsed. */
export function sourceUnit(root: Statement): SourceUnit {
  const belongsTo = root.keyword === 'submodule' ? root.children.find((c) => c.keyword === 'belongs-to' && c.prefix === undefined) : undefined;
  const module = (root.keyword === 'submodule' ? belongsTo?.arg : root.arg) ?? '';
  const prefixes = new Map<string, string>();
  const own = (belongsTo ?? root).children.find((c) => c.keyword === 'prefix' && c.prefix === undefined)?.arg;
  if (own) prefixes.set(own, module);
  for (const imp of root.children) {
    if (imp.keyword !== 'import' || imp.prefix !== undefined || !imp.arg) continue;
    const p = imp.children.find((c) => c.keyword === 'prefix' && c.prefix === undefined)?.arg;
    if (p) prefixes.set(p, imp.arg);
  }
  return { module, prefixes };
}

/**
 * The definitions whose statements differ (text or position) between two parses of one file,
 * or undefined when its header (prefix, imports, revisions, yang-version, top-level extension
 * statements...) changed, which may change what every definition means.
 */
export function changedDefinitions(before: Statement, after: Statement): Set<DefinitionKey> | undefined {
  const old = topLevel(before);
  const now = topLevel(after);
  if (!old || !now || old.module !== now.module) return undefined;
  if (old.header.length !== now.header.length || old.header.some((s, i) => !sameStatement(s, now.header[i]!))) return undefined;
  const changed = new Set<DefinitionKey>();
  for (const k of new Set([...old.definitions.keys(), ...now.definitions.keys()])) {
    const a = old.definitions.get(k) ?? [];
    const b = now.definitions.get(k) ?? [];
    if (a.length !== b.length || a.some((s, i) => !sameStatement(s, b[i]!))) changed.add(k);
  }
  return changed;
}

function topLevel(root: Statement): { module: string; header: Statement[]; definitions: Map<DefinitionKey, Statement[]> } | undefined {
  if ((root.keyword !== 'module' && root.keyword !== 'submodule') || root.prefix !== undefined) return undefined;
  const { module } = sourceUnit(root);
  const header: Statement[] = [];
  const definitions = new Map<DefinitionKey, Statement[]>();
  for (const s of root.children) {
    if (s.prefix === undefined && DEFINITION_KEYWORDS.has(s.keyword)) {
      const k = key(module, s.keyword, s.arg ?? '');
      definitions.set(k, [...(definitions.get(k) ?? []), s]);
    } else if (s.prefix !== undefined || !(TREE_KEYWORDS.has(s.keyword) || OWN_TEXT_KEYWORDS.has(s.keyword))) header.push(s);
  }
  return { module, header, definitions };
}

function sameStatement(a: Statement, b: Statement): boolean {
  return (
    a.keyword === b.keyword &&
    a.prefix === b.prefix &&
    a.arg === b.arg &&
    sameLoc(a.loc, b.loc) &&
    sameLoc(a.argLoc, b.argLoc) &&
    a.children.length === b.children.length &&
    a.children.every((c, i) => sameStatement(c, b.children[i]!))
  );
}

function sameLoc(a: Statement['loc'] | undefined, b: Statement['loc'] | undefined): boolean {
  return a === b || (!!a && !!b && a.line === b.line && a.col === b.col && a.file === b.file);
}

/**
 * The definitions each module uses, directly or through other definitions, over the parse
 * trees of the set's files. Built for one state of the sources; mentions are memoized per
 * statement, so a new index over mostly the same parse trees is cheap.
 */
export class DefinitionUses {
  private readonly definitions = new Map<string, Map<string, { stmt: Statement; unit: SourceUnit }[]>>();
  /**
   * Definitions found, by an earlier call with the same `keys`, to use none of them through any
   * chain: the next modules' walks stop there (each definition is walked once for all modules).
   */
  private clean = { keys: new Set() as ReadonlySet<DefinitionKey>, found: new Set<DefinitionKey>() };

  constructor(
    /** The parse trees of a module's files (its own first, then its submodules'). */
    private readonly filesOf: (module: string) => readonly Statement[],
    private readonly mentions: WeakMap<Statement, DefinitionKey[]> = new WeakMap(),
  ) {}

  /** Whether `module` uses, directly or through other definitions, one of `keys`. */
  usesAny(module: string, keys: ReadonlySet<DefinitionKey>): boolean {
    if (this.clean.keys !== keys) this.clean = { keys, found: new Set() };
    const clean = this.clean.found;
    const seen = new Set<DefinitionKey>();
    const stack: DefinitionKey[] = [];
    const visit = (stmt: Statement, unit: SourceUnit): void => {
      for (const k of this.mentionsOf(stmt, unit)) {
        if (!seen.has(k) && !clean.has(k)) {
          seen.add(k);
          stack.push(k);
        }
      }
    };
    for (const root of this.filesOf(module)) visit(root, sourceUnit(root));
    while (stack.length) {
      const k = stack.pop()!;
      if (keys.has(k)) return true;
      const [m, kind, name] = k.split('\0') as [string, string, string];
      for (const def of this.definitionsOf(m).get(`${kind}\0${name}`) ?? []) visit(def.stmt, def.unit);
    }
    // Everything this walk reached was walked through to the end without meeting `keys`.
    for (const k of seen) clean.add(k);
    return false;
  }

  /** The memo of mentions, to hand to the index built for the next state of the sources. */
  get memo(): WeakMap<Statement, DefinitionKey[]> {
    return this.mentions;
  }

  private definitionsOf(module: string): Map<string, { stmt: Statement; unit: SourceUnit }[]> {
    let defs = this.definitions.get(module);
    if (defs) return defs;
    defs = new Map();
    for (const root of this.filesOf(module)) {
      const unit = sourceUnit(root);
      for (const s of root.children) {
        if (s.prefix !== undefined || !DEFINITION_KEYWORDS.has(s.keyword)) continue;
        const k = `${s.keyword}\0${s.arg ?? ''}`;
        defs.set(k, [...(defs.get(k) ?? []), { stmt: s, unit }]);
      }
    }
    this.definitions.set(module, defs);
    return defs;
  }

  /** The definitions named anywhere in `stmt` (prefixes resolved in `unit`). */
  private mentionsOf(stmt: Statement, unit: SourceUnit): DefinitionKey[] {
    let found = this.mentions.get(stmt);
    if (found) return found;
    const out = new Set<DefinitionKey>();
    const named = (qname: string | undefined, kind: string): void => {
      if (!qname) return;
      const i = qname.indexOf(':');
      const module = i < 0 ? unit.module : unit.prefixes.get(qname.slice(0, i));
      if (module !== undefined) out.add(key(module, kind, i < 0 ? qname : qname.slice(i + 1)));
    };
    const walk = (s: Statement): void => {
      if (s.prefix !== undefined) {
        const module = unit.prefixes.get(s.prefix);
        if (module !== undefined) out.add(key(module, 'extension', s.keyword));
      } else if (s.keyword === 'uses') named(s.arg, 'grouping');
      else if (s.keyword === 'type') named(s.arg, 'typedef');
      else if (s.keyword === 'base') named(s.arg, 'identity');
      else if (s.keyword === 'if-feature') {
        for (const token of (s.arg ?? '').match(/[^\s()]+/g) ?? []) if (!IF_FEATURE_OPERATORS.has(token)) named(token, 'feature');
      }
      s.children.forEach(walk);
    };
    walk(stmt);
    found = [...out];
    this.mentions.set(stmt, found);
    return found;
  }
}
