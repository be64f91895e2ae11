import type { DiagnosticSink, SourceLoc } from '../diagnostics/index.js';
import type { Unit } from '../modules/loader.js';
import type { Statement } from '../syntax/statement.js';
import type { AugmentIR, BitIR, EnumIR, IdentityIR, ModuleIR, SchemaNode, TypeIR } from '../ir/types.js';
import { BUILTIN_TYPES } from './builtin-types.js';

/** A module being compiled: its IR under construction plus what passes look up. */
export interface ModCtx {
  name: string;
  main: Unit;
  units: Unit[];
  ir: ModuleIR;
  /** Top-level typedefs and groupings of the module and all its submodules. */
  top: Scope;
  features: Map<string, { stmt: Statement; unit: Unit }>;
  identities: Map<string, { stmt: Statement; unit: Unit }>;
  extensions: Map<string, Statement>;
}

/** Lexical scope for typedef and grouping names (RFC 7950 5.5). */
export interface Scope {
  unit: Unit;
  parent?: Scope;
  typedefs: Map<string, Statement>;
  groupings: Map<string, Statement>;
}

/**
 * Shared state of one compile run. Its side tables are plain Maps, not WeakMaps: they live
 * exactly as long as the run, and WeakMaps (ephemeron tables) slow garbage collection down.
 */
export interface Compilation {
  sink: DiagnosticSink;
  mods: Map<string, ModCtx>;
  identities: Record<string, IdentityIR>;
  /** Enabled features per module; a module absent here has all its features enabled. */
  featureSelection?: Record<string, string[]>;
  /** Whether a module is compiled in this run; the others keep the IR of a previous compile. */
  rebuild: (module: string) => boolean;
  /**
   * Told of a schema tree read without a prefix naming its module (see compile/reuse.ts):
   * unprefixed XPath names of another module's grouping, a wildcard at the root.
   */
  readsTreeOf?: (module: string) => void;
  /** Scope each typedef statement was declared in, so its type resolves where it was written. */
  typedefScopes: Map<Statement, Scope>;
  groupingScopes: Map<Statement, Scope>;
  /** Groupings built at least once (used, or checked unused), so each is checked once. */
  expandedGroupings: Set<Statement>;
  /** Nodes built from unused groupings, by module: thrown away, but their defaults are checked with the rest. */
  unusedGroupingNodes: Map<string, SchemaNode[]>;
  typedefCache: Map<Statement, ResolvedTypedef | null>;
  typedefsInProgress: Set<Statement>;
  /** Units and default a derived type inherits from its typedef chain. */
  typedefExtras: Map<TypeIR, ResolvedTypedef>;
  /** Where each leafref path was written, to resolve its prefixes. */
  leafrefUnits: Map<object, Unit>;
  /** `config` as written on a node; inherited values are computed at the end. */
  explicitConfig: Map<SchemaNode, boolean>;
  /** The unit each node's statements came from, to resolve prefixes in later passes. */
  nodeUnits: Map<SchemaNode, Unit>;
  featureCache: Map<string, boolean>;
  /** The node each top-level augment landed on, to name its target once paths are known. */
  augmentTargets: Map<AugmentIR, Target>;
  /** Schema parent of each node (undefined at top level), for leafref paths. */
  parents: Map<SchemaNode, SchemaNode | undefined>;
  /** Top nodes of yang-data and structures -> all top nodes of that document, where absolute paths start. */
  documentRoots: Map<SchemaNode, SchemaNode[]>;
  /** The statement each node (or top-level augment) was built from, for rules that point at its substatements. */
  statements: Map<SchemaNode | AugmentIR, Statement>;
  /** The statements each leaf, leaf-list and choice default was written in, checked once the tree is final. */
  defaultSites: Map<SchemaNode, DefaultSite[]>;
  /** A `mandatory` set by refine or deviate, where a clash with a default is reported. */
  mandatorySites: Map<SchemaNode, Statement>;
  /** Enums and bits with an if-feature (RFC 7950 7.6.4: no default may name them). */
  conditionalItems: Set<EnumIR | BitIR>;
}

/** A place nodes can be added to: a node, or an operation's input/output. */
export interface Target {
  node: SchemaNode;
  io?: 'input' | 'output';
}

/**
 * Where a default value was written. Defaults are checked once the tree is final
 * (after refine, augment, deviation and leafref resolution), against the type the
 * node has there, and the IR keeps them in canonical form (RFC 7950 9.x.2:
 * integers in decimal, identities as `module:identity`).
 */
export interface DefaultSite {
  /** The `default` statement. */
  stmt: Statement;
  /** The file it is written in, whose prefixes the value's names use. */
  unit: Unit;
  /** A default taken over from a typedef: the `type` statement that inherits it, and that typedef. */
  inherited?: { at: Statement; from: ResolvedTypedef };
}

/** A typedef's type, with the units and default it passes on to what derives from it. */
export interface ResolvedTypedef {
  type: TypeIR;
  units?: string;
  default?: string;
  /** The typedef whose `default` statement `default` comes from (this one or one down its chain). */
  defaultOf?: Statement;
}

export function child(stmt: Statement, keyword: string): Statement | undefined {
  for (const c of stmt.children) if (c.keyword === keyword && c.prefix === undefined) return c;
  return undefined;
}

export function childArg(stmt: Statement, keyword: string): string | undefined {
  return child(stmt, keyword)?.arg;
}

export function childrenOf(stmt: Statement, keyword: string): Statement[] {
  return stmt.children.filter((c) => c.keyword === keyword && c.prefix === undefined);
}

export function argLoc(stmt: Statement): SourceLoc {
  return stmt.argLoc ?? stmt.loc;
}

/** Splits `prefix:name`; the prefix is undefined when absent. */
export function splitQName(qname: string): [string | undefined, string] {
  const i = qname.indexOf(':');
  return i < 0 ? [undefined, qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

/** Module named by `prefix` in `unit`, reporting `unknown-prefix` if there is none. */
export function moduleOfPrefix(c: Compilation, unit: Unit, prefix: string | undefined, loc: SourceLoc): ModCtx | undefined {
  const name = prefix === undefined ? unit.moduleName : unit.prefixes.get(prefix);
  if (name === undefined) {
    c.sink.error('unknown-prefix', loc, `prefix "${prefix}" is not defined`);
    return undefined;
  }
  const mod = c.mods.get(name);
  if (!mod) c.sink.error('missing-module', loc, `module "${name}" (prefix "${prefix}") is not loaded`);
  return mod;
}

export function newScope(c: Compilation, stmt: Statement, unit: Unit, parent?: Scope): Scope {
  const scope: Scope = { unit, parent, typedefs: new Map(), groupings: new Map() };
  addDefinitions(c, scope, stmt, unit);
  return scope;
}

/** Registers the typedefs and groupings declared directly under `stmt`. */
export function addDefinitions(c: Compilation, scope: Scope, stmt: Statement, unit: Unit): void {
  for (const s of stmt.children) {
    if (s.prefix !== undefined || !s.arg) continue;
    if (s.keyword === 'typedef' || s.keyword === 'grouping') {
      const map = s.keyword === 'typedef' ? scope.typedefs : scope.groupings;
      if (map.has(s.arg) || (scope.parent && lookup(scope.parent, s.keyword, s.arg))) {
        c.sink.error(`duplicate-${s.keyword}`, s.loc, `${s.keyword} "${s.arg}" is already defined`);
        continue;
      }
      // RFC 7950 7.3: a typedef cannot take a built-in type's name (uses of the name stay the built-in's).
      if (s.keyword === 'typedef' && BUILTIN_TYPES.has(s.arg)) c.sink.error('duplicate-typedef', argLoc(s), `typedef "${s.arg}" has the name of a built-in type`);
      else map.set(s.arg, s);
      (s.keyword === 'typedef' ? c.typedefScopes : c.groupingScopes).set(s, { ...scope, unit });
    }
  }
}

function lookup(scope: Scope, keyword: 'typedef' | 'grouping', name: string): Statement | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const hit = (keyword === 'typedef' ? s.typedefs : s.groupings).get(name);
    if (hit) return hit;
  }
  return undefined;
}

/** Finds a typedef or grouping by (possibly prefixed) name from `scope`. */
export function findDefinition(
  c: Compilation,
  scope: Scope,
  keyword: 'typedef' | 'grouping',
  qname: string,
  loc: SourceLoc,
): Statement | undefined | null {
  const [prefix, name] = splitQName(qname);
  const mod = moduleOfPrefix(c, scope.unit, prefix, loc);
  if (!mod) return null; // already reported
  return definitionIn(mod, scope, keyword, name);
}

/** Like findDefinition, without reporting anything: undefined when the prefix or the name is unknown. */
export function peekDefinition(c: Compilation, scope: Scope, keyword: 'typedef' | 'grouping', qname: string): Statement | undefined {
  const [prefix, name] = splitQName(qname);
  const mod = c.mods.get((prefix === undefined ? scope.unit.moduleName : scope.unit.prefixes.get(prefix)) ?? '');
  return mod && definitionIn(mod, scope, keyword, name);
}

function definitionIn(mod: ModCtx, scope: Scope, keyword: 'typedef' | 'grouping', name: string): Statement | undefined {
  if (mod.name === scope.unit.moduleName) return lookup(scope, keyword, name);
  return (keyword === 'typedef' ? mod.top.typedefs : mod.top.groupings).get(name);
}
