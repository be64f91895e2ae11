import { dirname } from 'node:path';
import { DiagnosticSink, type Diagnostic } from '../diagnostics/index.js';
import type { SchemaSet } from '../ir/types.js';
import { ModuleLoader, ParseCache } from '../modules/loader.js';
import { Repository } from '../modules/repository.js';
import { applyAugments } from './augment.js';
import { child, type Compilation, type ModCtx } from './context.js';
import { applyDeviations } from './deviation.js';
import { checkExtensionUses } from './extensions.js';
import { finalizeModule } from './finalize.js';
import { checkDefinitions, checkFeatureCycles } from './definitions.js';
import { recordGroupings } from './groupings.js';
import { checkDefaults } from './defaults.js';
import { compileIdentities } from './identities.js';
import { resolveLeafrefs } from './leafref.js';
import { checkDistinctNamespaces, completeModule, createModCtx } from './module.js';
import { buildChildren, buildNode } from './nodes.js';
import { resolveType } from './types.js';
import { ReuseMismatch, SchemaReads } from './reuse.js';
import { checkAugmentMandatory } from './rules/augment.js';
import { checkStatusReferences } from './rules/status.js';
import { checkXPathReferences } from './rules/xpath-refs.js';
import type { NotificationNode, OperationNode, YangDataIR } from '../ir/types.js';

export { ParseCache } from '../modules/loader.js';

export interface CompileOptions {
  /** YANG files to compile (modules or submodules). */
  files: string[];
  /** Directories searched recursively for imports and includes; the inputs' own folders are added. */
  searchPaths?: string[];
  /** Enabled features per module name; a module not listed has all its features enabled. */
  features?: Record<string, string[]>;
  /** Reuse parsed files across compiles (and read sources from memory). */
  parseCache?: ParseCache;
  /**
   * Where imports and includes are looked up, replacing the scan of `searchPaths` and the
   * inputs' folders (the incremental compiler passes one that also lists in-memory files).
   */
  repository?: Repository;
  /**
   * A previous compile of the same set, and the modules that need compiling again
   * (the changed ones and every module depending on them). The others' IR is taken
   * as it was. When the change turns out to reach a module outside `rebuild` (a new
   * augment target, a changed identity), the whole set is compiled instead.
   */
  reuse?: { previous: CompileResult; rebuild: ReadonlySet<string> };
  /** Also return `schemaReads` and `compiled`. */
  recordSchemaReads?: boolean;
  /**
   * Also compile each input module's top-level groupings on their own into `ModuleIR.groupings`
   * (the tree diagram's `--tree-print-groupings` and `--tree-no-expand-uses`). Off by default:
   * it builds every grouping body once more.
   */
  groupings?: boolean;
}

export interface CompileResult {
  schema: SchemaSet;
  /** In source order (file, line, column). */
  diagnostics: Diagnostic[];
  /**
   * With `recordSchemaReads`: for each module, the other modules whose schema trees its compile
   * may have read (augment, deviation, leafref, when/must and default paths), sorted. A module
   * kept from `reuse` keeps its previous entry. (The definitions a module uses are in its sources.)
   */
  schemaReads?: Record<string, string[]>;
  /** With `recordSchemaReads`: the modules compiled (all but those kept from `reuse`), sorted. */
  compiled?: string[];
}



/** Compiles YANG files and everything they import into one resolved schema set. */
export function compileYang(opts: CompileOptions): CompileResult {
  // A circular identity is reported by the closure of the identities, which a partial compile skips.
  if (opts.reuse && !opts.reuse.previous.diagnostics.some((d) => d.code === 'circular-identity')) {
    try {
      return compileSet(opts, opts.reuse);
    } catch (err) {
      if (!(err instanceof ReuseMismatch)) throw err;
    }
  }
  return compileSet(opts, undefined);
}

function compileSet(opts: CompileOptions, reuse: CompileOptions['reuse']): CompileResult {
  const sink = new DiagnosticSink();
  const repository = opts.repository ?? new Repository([...(opts.searchPaths ?? []), ...opts.files.map((f) => dirname(f))]);
  const loader = new ModuleLoader(repository, opts.parseCache ?? new ParseCache(), sink);
  const inputs: string[] = [];
  for (const file of opts.files) {
    const loaded = loader.loadFile(file);
    if (loaded && !inputs.includes(loaded.main.name)) inputs.push(loaded.main.name);
  }
  const reads = opts.recordSchemaReads ? new SchemaReads(sink, loader.modules.values()) : undefined;
  const previous = reuse?.previous.schema.modules;
  // A module is compiled unless a previous compile of it can be reused.
  const rebuild = (name: string): boolean => !reuse || reuse.rebuild.has(name) || !previous?.[name];
  const c = new CompilationState(sink, opts.features, rebuild);
  for (const loaded of loader.modules.values()) {
    const name = loaded.main.name;
    const mod = sink.as(name, () => createModCtx(c, loaded, rebuild(name) ? undefined : previous![name]));
    c.mods.set(mod.name, mod);
  }
  checkFeatureCycles(c);
  compileIdentities(c, reuse?.previous.schema.identities);
  const building = [...c.mods.values()].filter((m) => rebuild(m.name));
  checkDistinctNamespaces(c, building);
  for (const mod of building) {
    sink.as(mod.name, () => {
      checkExtensionUses(c, mod);
      completeModule(c, mod);
      buildTree(c, mod);
      checkStatusReferences(c, mod);
    });
  }
  if (reads) {
    reads.recording = true;
    c.readsTreeOf = (module) => reads.note(module);
  }
  applyAugments(c);
  applyDeviations(c);
  // As yanglint compiles only implemented modules: imported ones are checked when they are inputs.
  for (const mod of building) if (inputs.includes(mod.name)) sink.as(mod.name, () => checkDefinitions(c, mod));
  for (const mod of building) sink.as(mod.name, () => finalizeModule(c, mod));
  checkAugmentMandatory(c);
  checkXPathReferences(c, building);
  for (const [aug, target] of c.augmentTargets) {
    aug.targetSchemaPath = target.io ? `${target.node.schemaPath}/${target.node.module}:${target.io}` : target.node.schemaPath;
  }
  resolveLeafrefs(c);
  checkDefaults(c);
  // Past a nesting limit, building groupings again would only meet it again.
  if (opts.groupings && !sink.all.some((d) => d.code === 'too-deep')) {
    for (const mod of building) if (inputs.includes(mod.name)) recordGroupings(c, mod);
  }
  for (const d of reuse?.previous.diagnostics ?? []) {
    if (d.module !== undefined && !rebuild(d.module) && c.mods.has(d.module)) sink.add(d);
  }
  const modules: SchemaSet['modules'] = {};
  for (const mod of c.mods.values()) modules[mod.name] = mod.ir;
  const schema: SchemaSet = { modules, identities: c.identities, inputs };
  if (!reads) return { schema, diagnostics: sink.sorted() };
  const compiled = building.map((m) => m.name).sort();
  return { schema, diagnostics: sink.sorted(), schemaReads: schemaReadsOf(c, reads, reuse?.previous.schemaReads), compiled };
}

/**
 * The state of one compile. A class, not an object literal: V8 builds a literal from a
 * boilerplate from its second run on, and a literal run once per compile would change the
 * field types of its map on the second compile, throwing away the optimized code of every
 * pass reading the state (a long-lived process's first recompile ran at half speed).
 */
class CompilationState implements Compilation {
  readonly mods = new Map<string, ModCtx>();
  identities: Compilation['identities'] = {};
  readonly typedefScopes: Compilation['typedefScopes'] = new Map();
  readonly groupingScopes: Compilation['groupingScopes'] = new Map();
  readonly expandedGroupings: Compilation['expandedGroupings'] = new Set();
  readonly unusedGroupingNodes: Compilation['unusedGroupingNodes'] = new Map();
  readonly typedefCache: Compilation['typedefCache'] = new Map();
  readonly typedefsInProgress: Compilation['typedefsInProgress'] = new Set();
  readonly typedefExtras: Compilation['typedefExtras'] = new Map();
  readonly leafrefUnits: Compilation['leafrefUnits'] = new Map();
  readonly explicitConfig: Compilation['explicitConfig'] = new Map();
  readonly nodeUnits: Compilation['nodeUnits'] = new Map();
  readonly featureCache: Compilation['featureCache'] = new Map();
  readonly augmentTargets: Compilation['augmentTargets'] = new Map();
  readonly parents: Compilation['parents'] = new Map();
  readonly documentRoots: Compilation['documentRoots'] = new Map();
  readonly statements: Compilation['statements'] = new Map();
  readonly defaultSites: Compilation['defaultSites'] = new Map();
  readonly mandatorySites: Compilation['mandatorySites'] = new Map();
  readonly conditionalItems: Compilation['conditionalItems'] = new Set();
  readsTreeOf?: Compilation['readsTreeOf'];

  constructor(
    readonly sink: DiagnosticSink,
    readonly featureSelection: Compilation['featureSelection'],
    readonly rebuild: Compilation['rebuild'],
  ) {}
}

/** Recorded for the modules compiled, the previous entries for those kept (a kept module without one reads them all). */
function schemaReadsOf(c: Compilation, reads: SchemaReads, previous: CompileResult['schemaReads']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of c.mods.keys()) {
    const read = c.rebuild(name) ? reads.byModule.get(name) : (previous?.[name] ?? c.mods.keys());
    out[name] = [...(read ?? [])].filter((m) => m !== name && c.mods.has(m)).sort();
  }
  return out;
}

/** Builds a module's own data nodes, rpcs and notifications from all of its files. */
function buildTree(c: Compilation, mod: ModCtx): void {
  for (const unit of mod.units) {
    const b = { c, ns: mod.name, scope: { ...mod.top, unit }, groupings: [], depth: 0 };
    for (const node of buildChildren(b, { ...unit.stmt, keyword: 'module' })) {
      if (node.kind === 'rpc') mod.ir.rpcs.push(node as OperationNode);
      else if (node.kind === 'notification') mod.ir.notifications.push(node as NotificationNode);
      else mod.ir.data.push(node);
    }
    for (const s of unit.stmt.children) {
      if (s.prefix !== undefined && s.keyword === 'annotation' && s.arg !== undefined && unit.prefixes.get(s.prefix) === 'ietf-yang-metadata') {
        const type = child(s, 'type');
        if (type) (mod.ir.annotations ??= []).push({ name: s.arg, type: resolveType(c, type, b.scope) });
        continue;
      }
      const kind = s.prefix === undefined ? undefined : yangDataKind(unit.prefixes.get(s.prefix), s.keyword);
      if (!kind || s.arg === undefined) continue;
      // A structure is one container named after it (RFC 8791 section 3); yang-data holds its nodes as written.
      const nodes = kind === 'structure' ? buildNode(b, { ...s, keyword: 'container', prefix: undefined }) : buildChildren(b, s);
      for (const n of nodes) c.documentRoots.set(n, nodes);
      (mod.ir.yangData ??= []).push({ extension: kind, name: s.arg, nodes });
    }
  }
}

/** Extensions whose contents are data definitions of a document outside the datastore. */
export function yangDataKind(module: string | undefined, keyword: string): YangDataIR['extension'] | undefined {
  if (module === 'ietf-restconf' && keyword === 'yang-data') return 'yang-data';
  if (module === 'ietf-yang-structure-ext' && keyword === 'structure') return 'structure';
  return undefined;
}
