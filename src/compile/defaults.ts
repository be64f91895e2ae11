import type { BitIR, ChoiceNode, EnumIR, LeafListNode, LeafNode, ListNode, SchemaNode, TypeIR } from '../ir/types.js';
import type { Unit } from '../modules/loader.js';
import type { Statement } from '../syntax/statement.js';
import { checkValue, type LeafValue, type SourceNames } from '../values/check.js';
import type { InstancePredicate, InstanceStep } from '../values/instance-identifier.js';
import { argLoc, child, splitQName, type Compilation, type DefaultSite, type ResolvedTypedef } from './context.js';
import { dataChildren, moduleRoots, schemaChildren } from './targets.js';
import { resolveTypedef } from './types.js';

export function setDefaultSites(c: Compilation, node: SchemaNode, sites: DefaultSite[]): void {
  c.defaultSites.set(node, sites);
}

/** The site of the default a `type` statement inherits from its typedef chain, if there is one. */
export function inheritedSites(c: Compilation, at: Statement, from: ResolvedTypedef): DefaultSite[] {
  const owner = from.defaultOf;
  const stmt = owner && child(owner, 'default');
  const scope = owner && c.typedefScopes.get(owner);
  return stmt && scope ? [{ stmt, unit: scope.unit, inherited: { at, from } }] : [];
}

/** Follows a deviate add, replace or delete of `default` (RFC 7950 7.20.3.2). */
export function deviateDefaultSites(c: Compilation, node: SchemaNode, deviate: Statement, p: Statement, unit: Unit): void {
  const sites = (c.defaultSites.get(node) ?? []).filter((s) => !s.inherited);
  const site = { stmt: p, unit };
  if (deviate.arg === 'delete') c.defaultSites.set(node, node.kind === 'leaf-list' ? sites.filter((s) => s.stmt.arg !== p.arg) : []);
  else if (deviate.arg === 'add') c.defaultSites.set(node, [...sites, site]);
  else {
    // The first default of a replace drops the old ones; further ones add to it.
    const first = deviate.children.find((x) => x.keyword === 'default' && x.prefix === undefined) === p;
    c.defaultSites.set(node, first ? [site] : [...sites, site]);
  }
}

/** A replaced type brings its own typedef's default, unless the node has its own default (RFC 7950 7.6.1). */
export function retypedDefaultSites(c: Compilation, node: LeafNode | LeafListNode, typeStmt: Statement): void {
  const sites = c.defaultSites.get(node) ?? [];
  if (sites.length && !sites[0]!.inherited) return;
  const extras = c.typedefExtras.get(node.type);
  const inherited = extras ? inheritedSites(c, typeStmt, extras) : [];
  c.defaultSites.set(node, inherited);
  if (!inherited.length) delete node.default;
}

/** Checks every typedef default and every leaf, leaf-list and choice default of the modules compiled in this run. */
export function checkDefaults(c: Compilation): void {
  const typedefs = new TypedefDefaults(c);
  const compiled = [...c.typedefScopes].filter(([, scope]) => c.rebuild(scope.unit.moduleName));
  for (const [def, scope] of compiled) c.sink.as(scope.unit.moduleName, () => typedefs.register(def));
  for (const [def, scope] of compiled) c.sink.as(scope.unit.moduleName, () => typedefs.check(def));
  for (const mod of c.mods.values()) {
    if (!c.rebuild(mod.name)) continue;
    for (const td of mod.ir.typedefs) {
      const resolved = c.typedefCache.get(mod.top.typedefs.get(td.name)!);
      const value = resolved ? typedefs.canonical.get(resolved) : undefined;
      if (value !== undefined) td.default = value;
    }
    const roots = [...moduleRoots(mod), ...(mod.ir.yangData ?? []).flatMap((d) => d.nodes), ...(c.unusedGroupingNodes.get(mod.name) ?? [])];
    c.sink.as(mod.name, () => {
      for (const n of descendants(roots)) {
        if (n.kind === 'leaf') checkLeaf(c, n, typedefs);
        else if (n.kind === 'leaf-list') checkLeafList(c, n, typedefs);
        else if (n.kind === 'choice') checkChoice(c, n);
      }
    });
  }
}

/** Every node under `roots`, operations' input and output included (iterative: trees may be deep). */
function* descendants(roots: SchemaNode[]): Generator<SchemaNode> {
  const stack = [...roots];
  for (let n = stack.pop(); n; n = stack.pop()) {
    yield n;
    if (n.kind === 'rpc' || n.kind === 'action') stack.push(...(n.input ?? []), ...(n.output ?? []));
    else stack.push(...schemaChildren(n));
  }
}

/**
 * Whether each typedef's default is valid for the typedef's own type (RFC 7950 7.3.4),
 * also when the typedef is unused. A default inherited from the base typedef is
 * reported where a restriction makes it invalid, and only there.
 */
class TypedefDefaults {
  private readonly verdicts = new Map<ResolvedTypedef, boolean>();
  private readonly owners = new Map<ResolvedTypedef, Statement>();
  /** Canonical form of each valid typedef default. */
  readonly canonical = new Map<ResolvedTypedef, string>();

  constructor(private readonly c: Compilation) {}

  /** Makes a typedef known, so that the typedefs derived from it can find it. */
  register(def: Statement): void {
    const resolved = resolveTypedef(this.c, def);
    if (resolved) this.owners.set(resolved, def);
  }

  check(def: Statement): void {
    // The chain is walked down first, then judged from its base up (no recursion: chains may be long).
    const chain: ResolvedTypedef[] = [];
    for (let r = resolveTypedef(this.c, def) ?? undefined; r && !this.verdicts.has(r); r = this.base(r)) chain.push(r);
    for (const r of chain.reverse()) this.verdicts.set(r, this.judge(r));
  }

  /** False when the typedef's default was found invalid (and reported there). */
  valid(r: ResolvedTypedef): boolean {
    return this.verdicts.get(r) ?? true;
  }

  private base(r: ResolvedTypedef): ResolvedTypedef | undefined {
    return this.c.typedefExtras.get(r.type);
  }

  private judge(r: ResolvedTypedef): boolean {
    const def = this.owners.get(r);
    const stmt = r.defaultOf && child(r.defaultOf, 'default');
    const unit = r.defaultOf && this.c.typedefScopes.get(r.defaultOf)?.unit;
    if (!def || !stmt || !unit) return true;
    const owner = `typedef "${def.arg}"`;
    const own = r.defaultOf === def;
    const base = this.base(r);
    if (!own && base && !this.valid(base)) return false;
    const at = own ? undefined : child(def, 'type');
    if (!own && !at) return true;
    const value = checkSite(this.c, r.type, at ? { stmt, unit, inherited: { at, from: r } } : { stmt, unit }, owner);
    if (value !== undefined) this.canonical.set(r, canonical(value));
    return value !== undefined;
  }
}

/** The canonical value of the site's default for `type`, or undefined after reporting why it is invalid. */
function checkSite(c: Compilation, type: TypeIR, site: DefaultSite, owner: string): LeafValue | undefined {
  const text = site.stmt.arg ?? '';
  const names: SourceNames = { prefixes: site.unit.prefixes, instanceProblem: (steps) => instanceProblem(c, steps, names) };
  const r = checkValue(type, text, 'yang', site.unit.moduleName, names);
  if (!r.ok) {
    if (site.inherited) {
      c.sink.error('bad-default', argLoc(site.inherited.at), `the default "${text}" of the typedef is not valid for the restricted type of ${owner} (RFC 7950 7.3.4): ${r.message}`);
    } else c.sink.error('bad-default', argLoc(site.stmt), `invalid default "${text}" of ${owner}: ${r.message}`);
    return undefined;
  }
  const conditional = conditionalItem(c, type, text, site);
  if (conditional && !site.inherited) {
    c.sink.error('default-if-feature', argLoc(site.stmt), `default "${text}" of ${owner} names "${conditional.name}", which has an if-feature (RFC 7950 7.6.4)`);
  }
  return r.value;
}

/** The enum or bit with an if-feature that `text` names, if any (through leafrefs and the union member that takes it). */
function conditionalItem(c: Compilation, type: TypeIR, text: string, site: DefaultSite): EnumIR | BitIR | undefined {
  for (let t: TypeIR | undefined = type; t; ) {
    if (t.base === 'enumeration') return t.enums?.find((e) => e.name === text && c.conditionalItems.has(e));
    if (t.base === 'bits') return t.bits?.find((b) => c.conditionalItems.has(b) && text.split(/\s+/).includes(b.name));
    if (t.base === 'leafref') t = t.leafref?.type;
    else if (t.base === 'union') t = t.union?.find((m) => checkValue(m, text, 'yang', site.unit.moduleName, { prefixes: site.unit.prefixes }).ok);
    else return undefined;
  }
  return undefined;
}

/** The IR keeps a default as its canonical lexical form. */
function canonical(value: LeafValue): string {
  return Array.isArray(value) ? '' : String(value);
}

function checkLeaf(c: Compilation, leaf: LeafNode, typedefs: TypedefDefaults): void {
  const site = c.defaultSites.get(leaf)?.at(-1);
  if (!site) return;
  if (site.inherited && (leaf.mandatory || !typedefs.valid(site.inherited.from))) {
    if (leaf.mandatory) delete leaf.default;
    return;
  }
  if (leaf.mandatory) {
    const at = c.mandatorySites.get(leaf) ?? site.stmt;
    c.sink.error('mandatory-with-default', at.loc, `leaf "${leaf.name}" is mandatory and has a default (RFC 7950 7.6.5)`);
  }
  const value = checkSite(c, leaf.type, site, `leaf "${leaf.name}"`);
  leaf.default = value === undefined ? (site.stmt.arg ?? '') : canonical(value);
}

function checkLeafList(c: Compilation, node: LeafListNode, typedefs: TypedefDefaults): void {
  const sites = c.defaultSites.get(node);
  if (!sites?.length) return;
  const inherited = sites[0]!.inherited;
  if (inherited && !typedefs.valid(inherited.from)) return;
  if (!inherited && node.minElements > 0) {
    c.sink.error('default-with-min-elements', sites[0]!.stmt.loc, `leaf-list "${node.name}" has min-elements ${node.minElements} and a default (RFC 7950 7.7.4)`);
  }
  const seen = new Set<string>();
  const values: string[] = [];
  for (const site of sites) {
    const value = checkSite(c, node.type, site, `leaf-list "${node.name}"`);
    const text = value === undefined ? (site.stmt.arg ?? '') : canonical(value);
    // RFC 7950 7.7: values of a configuration leaf-list are unique, its defaults too.
    if (value !== undefined && node.config && seen.has(text)) {
      c.sink.error('duplicate-default', argLoc(site.stmt), `leaf-list "${node.name}" has the default "${text}" twice`);
    }
    seen.add(text);
    values.push(text);
  }
  if (inherited && node.minElements > 0) delete node.default;
  else node.default = values;
}

/** RFC 7950 7.9.3: the default names a case, and not with mandatory (rules/lists.ts checks the case's mandatory nodes). */
function checkChoice(c: Compilation, choice: ChoiceNode): void {
  const site = c.defaultSites.get(choice)?.at(-1);
  if (!site) return;
  const text = site.stmt.arg ?? '';
  choice.default = text;
  if (choice.mandatory) {
    const at = c.mandatorySites.get(choice) ?? site.stmt;
    c.sink.error('mandatory-with-default', at.loc, `choice "${choice.name}" is mandatory and has a default (RFC 7950 7.9.3)`);
  }
  const [prefix, name] = splitQName(text);
  const module = prefix === undefined ? undefined : site.unit.prefixes.get(prefix);
  if (!choice.cases.some((k) => k.name === name && (prefix === undefined || k.module === module))) {
    c.sink.error('bad-choice-default', argLoc(site.stmt), `default case "${text}" is not a case of choice "${choice.name}"`);
  }
}

const DATA_KINDS = new Set(['container', 'list', 'leaf', 'leaf-list', 'anydata', 'anyxml']);

/**
 * Why an instance-identifier default names no data node instance (RFC 7950 9.13):
 * each step names a data node; a list with keys gets one predicate per key, a
 * leaf-list one value, state lists and leaf-lists may use a position instead.
 */
function instanceProblem(c: Compilation, steps: InstanceStep[], names: SourceNames): string | undefined {
  let candidates: SchemaNode[] | undefined;
  for (const step of steps) {
    const module = names.prefixes.get(step.prefix ?? '');
    if (module === undefined) return `prefix "${step.prefix}" is not defined`;
    if (!candidates) {
      const mod = c.mods.get(module);
      if (!mod) return `module "${module}" is not loaded`;
      candidates = mod.ir.data;
    }
    const node = dataChildren(candidates).find((n) => n.name === step.name && n.module === module && DATA_KINDS.has(n.kind));
    if (!node) return `no data node "${step.prefix}:${step.name}"`;
    const problem = predicateProblem(node, step.predicates, names);
    if (problem) return problem;
    candidates = schemaChildren(node);
  }
  return undefined;
}

function predicateProblem(node: SchemaNode, predicates: InstancePredicate[], names: SourceNames): string | undefined {
  const [first] = predicates;
  if (node.kind !== 'list' && node.kind !== 'leaf-list') return first ? `"${node.name}" is not a list or leaf-list: no predicate allowed` : undefined;
  if (!first) return `${node.kind} "${node.name}" needs a predicate`;
  if (first.kind === 'position') {
    if (predicates.length > 1) return `a position is the only predicate of "${node.name}"`;
    return node.config ? `configuration ${node.kind} "${node.name}" cannot be indexed by position` : undefined;
  }
  if (node.kind === 'leaf-list') {
    if (predicates.length > 1 || first.kind !== 'value') return `leaf-list "${node.name}" takes one [.="value"] predicate`;
    const r = checkValue(node.type, first.value, 'yang', node.module, names);
    return r.ok ? undefined : `value of "${node.name}": ${r.message}`;
  }
  return keyProblem(node, predicates, names);
}

function keyProblem(list: ListNode, predicates: InstancePredicate[], names: SourceNames): string | undefined {
  const given = new Set<string>();
  for (const p of predicates) {
    if (p.kind !== 'key') return `list "${list.name}" is indexed by its keys`;
    const key = list.keys.includes(p.name) ? list.children.find((k) => k.name === p.name) : undefined;
    if (!key || key.kind !== 'leaf' || names.prefixes.get(p.prefix ?? '') !== key.module) return `"${p.name}" is not a key of list "${list.name}"`;
    if (given.has(p.name)) return `key "${p.name}" is given twice`;
    given.add(p.name);
    const r = checkValue(key.type, p.value, 'yang', key.module, names);
    if (!r.ok) return `key "${p.name}": ${r.message}`;
  }
  const missing = list.keys.find((k) => !given.has(k));
  return missing === undefined ? undefined : `key "${missing}" of list "${list.name}" is missing`;
}
