import type { ImportIR, ModuleIR } from '../ir/types.js';
import type { LoadedModule, Unit } from '../modules/loader.js';
import type { Statement } from '../syntax/statement.js';
import { addDefinitions, argLoc, child, childArg, childrenOf, type Compilation, type ModCtx, type Scope } from './context.js';
import { featureEnabled } from './features.js';
import { statusOf } from './nodes.js';
import { resolveTypedef } from './types.js';

function importsOf(stmt: Statement): ImportIR[] {
  return childrenOf(stmt, 'import').map((imp) => {
    const rev = childArg(imp, 'revision-date');
    return { module: imp.arg ?? '', prefix: childArg(imp, 'prefix') ?? '', ...(rev ? { revision: rev } : {}) };
  });
}

/**
 * Creates a module's context: header checks and its top-level definitions. A module kept from
 * a previous compile (`kept`, its IR then) only needs the tables other modules look names up in:
 * its header was checked and its IR built when it was compiled.
 */
export function createModCtx(c: Compilation, loaded: LoadedModule, kept?: ModuleIR): ModCtx {
  const { main, submodules } = loaded;
  const units = [main, ...submodules];
  const ir = kept ?? newModuleIR(c, loaded);
  const top: Scope = { unit: main, typedefs: new Map(), groupings: new Map() };
  const mod: ModCtx = { name: main.name, main, units, ir, top, features: new Map(), identities: new Map(), extensions: new Map() };
  for (const unit of units) {
    addDefinitions(c, { ...top, unit }, unit.stmt, unit);
    collect(c, mod, unit, !kept);
  }
  return mod;
}

function newModuleIR(c: Compilation, { main, submodules }: LoadedModule): ModuleIR {
  for (const unit of [main, ...submodules]) checkHeader(c, unit);
  const ir: ModuleIR = {
    name: main.name,
    namespace: childArg(main.stmt, 'namespace') ?? '',
    prefix: childArg(main.stmt, 'prefix') ?? '',
    yangVersion: childArg(main.stmt, 'yang-version') === '1.1' ? '1.1' : '1',
    file: main.file,
    imports: [],
    submodules: submodules.map((s) => ({ name: s.name, file: s.file, ...(s.revision ? { revision: s.revision } : {}), imports: importsOf(s.stmt) })),
    features: [],
    identities: [],
    typedefs: [],
    extensions: [],
    data: [],
    rpcs: [],
    notifications: [],
    augments: [],
    deviatedBy: [],
  };
  if (main.revision) ir.revision = main.revision;
  for (const k of ['organization', 'contact', 'description', 'reference'] as const) {
    const v = childArg(main.stmt, k);
    if (v !== undefined) ir[k] = v;
  }
  ir.imports.push(...importsOf(main.stmt));
  return ir;
}

/** Fills the module's feature, identity and extension tables from one of its files; `toIR`: extensions into its IR too. */
function collect(c: Compilation, mod: ModCtx, unit: Unit, toIR: boolean): void {
  for (const s of unit.stmt.children) {
    if (s.prefix !== undefined || !s.arg) continue;
    const table = s.keyword === 'feature' ? mod.features : s.keyword === 'identity' ? mod.identities : undefined;
    if (table) {
      if (table.has(s.arg)) c.sink.error(`duplicate-${s.keyword}`, s.loc, `${s.keyword} "${s.arg}" is already defined`);
      else table.set(s.arg, { stmt: s, unit });
    } else if (s.keyword === 'extension') {
      // RFC 7950 6.2.1: extension names of a module and its submodules share one namespace.
      if (mod.extensions.has(s.arg)) {
        c.sink.error('duplicate-extension', s.loc, `extension "${s.arg}" is already defined`);
        continue;
      }
      mod.extensions.set(s.arg, s);
      if (!toIR) continue;
      const ext = { name: s.arg, argument: child(s, 'argument')?.arg, description: childArg(s, 'description') };
      mod.ir.extensions.push(JSON.parse(JSON.stringify(ext)));
    }
  }
}

/** Fills in what needs the whole set loaded: features (with if-features) and typedefs. */
export function completeModule(c: Compilation, mod: ModCtx): void {
  for (const [name, { stmt }] of mod.features) {
    const f = { name, enabled: featureEnabled(c, mod.name, name), description: childArg(stmt, 'description') };
    mod.ir.features.push(f.description === undefined ? { name, enabled: f.enabled } : f);
  }
  const selected = c.featureSelection?.[mod.name];
  for (const name of selected ?? []) {
    if (!mod.features.has(name)) c.sink.error('unknown-feature', mod.main.stmt.loc, `feature "${name}" selected on the command line is not defined in module "${mod.name}"`);
  }
  for (const [name, def] of mod.top.typedefs) {
    const resolved = resolveTypedef(c, def);
    if (!resolved) continue;
    const td: ModuleIR['typedefs'][number] = { name, type: resolved.type, status: statusOf(def) };
    if (resolved.units !== undefined) td.units = resolved.units;
    if (resolved.default !== undefined) td.default = resolved.default;
    const description = childArg(def, 'description');
    if (description !== undefined) td.description = description;
    mod.ir.typedefs.push(td);
  }
}

/**
 * Header rules beyond the statement grammar (RFC 7950 7.1.4): all prefixes, the module's own
 * (a submodule's belongs-to prefix) included, are unique.
 */
function checkHeader(c: Compilation, unit: Unit): void {
  const s = unit.stmt;
  const belongsTo = child(s, 'belongs-to');
  const own = belongsTo ? childArg(belongsTo, 'prefix') : childArg(s, 'prefix');
  const prefixes = new Map<string, Statement>();
  for (const imp of childrenOf(s, 'import')) {
    const p = childArg(imp, 'prefix');
    if (p === undefined) continue;
    if (prefixes.has(p) || p === own) c.sink.error('duplicate-prefix', imp.loc, `prefix "${p}" is used twice`);
    prefixes.set(p, imp);
  }
}

/** RFC 7950 5.3: each module is bound to a distinct XML namespace. Reported in each of `mods` that shares one. */
export function checkDistinctNamespaces(c: Compilation, mods: readonly ModCtx[]): void {
  const modulesOf = new Map<string, string[]>();
  for (const m of c.mods.values()) {
    const list = modulesOf.get(m.ir.namespace);
    if (list) list.push(m.name);
    else modulesOf.set(m.ir.namespace, [m.name]);
  }
  for (const m of mods) {
    const others = (modulesOf.get(m.ir.namespace) ?? []).filter((n) => n !== m.name);
    const ns = child(m.main.stmt, 'namespace');
    if (others.length && ns) {
      c.sink.as(m.name, () => c.sink.error('duplicate-namespace', argLoc(ns), `namespace "${m.ir.namespace}" is also the namespace of module "${others[0]}"`));
    }
  }
}
