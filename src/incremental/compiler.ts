import { readdirSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { compileYang } from '../compile/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { SchemaSet } from '../ir/types.js';
import type { ParseResult } from '../modules/loader.js';
import { moduleFileName } from '../modules/repository.js';
import { DiskCache, sha256 } from './disk-cache.js';
import { changedDefinitions, DefinitionUses, type DefinitionKey } from './definitions.js';
import { descriptionEdits, editPlaces, NodeIndex, refineDescriptions, type DescriptionEdit } from './doc-patch.js';
import { Fingerprints, sameData, sameTrees, type FingerprintSeed } from './fingerprints.js';
import { DependencyGraph } from './graph.js';
import { ParseStore, type FileVersion, type StampedVersion } from './parse-store.js';
import { SetStore, StaleCacheError, type LoadedSet } from './set-store.js';
import { OverlayRepository, SourceOverlay } from './sources.js';

export interface CompilerOptions {
  /** YANG files (modules or submodules) or folders of them (searched recursively), compiled as one set. */
  inputs: string[];
  /** Folders searched recursively for imports and includes; the inputs' own folders are added. */
  searchPaths?: string[];
  /** Enabled features per module name; a module not listed has all its features enabled. */
  features?: Record<string, string[]>;
  /** In-memory files by path: read instead of the disk, and found by imports when under a search path. */
  sources?: Record<string, string>;
  /** Folder of the persistent cache (parse trees and compiled sets); none when absent. */
  cacheDir?: string;
  /** Base of relative paths; default `process.cwd()`. */
  cwd?: string;
  /**
   * With a disk cache: read each stored module IR when first used rather than all at start (what a
   * build that emits for a few modules wants). A stored entry found damaged on use then throws
   * `StaleCacheError`, after which a new compiler compiles the set.
   */
  lazy?: boolean;
}

/** A change to one file; `text: null` removes it, `text: undefined` re-reads it from disk. */
export interface FileChange {
  file: string;
  text?: string | null;
}

export interface UpdateResult {
  /** Modules that joined the set or whose IR changed, sorted. */
  changed: string[];
  /** Modules that left the set, sorted. */
  removed: string[];
  /**
   * `unaffected`: no changed file takes part in this set; `patched`: only descriptions of
   * data nodes changed, and the IR was patched in place; `recompiled`: the modules the change reaches were
   * compiled again (the whole set for a new or removed file), the others kept.
   */
  how: 'unaffected' | 'patched' | 'recompiled';
  /** With `recompiled`: the modules compiled again (the others' IR was kept), sorted. */
  compiled?: string[];
  /** Wall time of the update in milliseconds. */
  ms: number;
}

/** A module set kept compiled while its files change. */
export interface Compiler {
  /** The compiled set; replaced by a recompile, updated in place by a patch. */
  readonly schema: SchemaSet;
  readonly diagnostics: readonly Diagnostic[];
  /** Imports, includes, augments and deviations between the set's modules. */
  readonly graph: DependencyGraph;
  /** Where the first result came from: compiled in this process, or read from the disk cache (and brought up to date, see `sinceStored`). */
  readonly origin: 'compiled' | 'disk-cache';
  /** When the disk cache held an older compile of the set: the modules that differ from it. */
  readonly changedSinceStored: readonly string[] | undefined;
  /**
   * When the disk cache held an older compile of the same files, some of which changed since: how it
   * was brought up to date (as `update` does, compiling only the modules the changes reach).
   */
  readonly sinceStored: UpdateResult | undefined;
  /** Hashes of the current IR: a module's full IR, its outline (all but its schema trees), the identities. */
  readonly fingerprints: Fingerprints;
  /** Sets a file's text in memory (or, without text, goes back to the disk's) and brings the set up to date. */
  update(file: string, text?: string): UpdateResult;
  /** Treats a file as deleted and brings the set up to date. */
  remove(file: string): UpdateResult;
  /** Several changes at once, with at most one recompile. */
  apply(changes: readonly FileChange[]): UpdateResult;
  /** Stores the compiled set in the disk cache, if there is one and it changed since it was last stored. */
  save(): void;
  /**
   * Does now, not at the next edit, the work a description edit needs: indexing every node by
   * its source position (a tenth of a second for the corpus). A server calls it when idle.
   */
  prepareForEdits(): void;
}

/** Waves of readers after which the whole set is compiled instead. */
const MAX_WAVES = 8;

/** Compiles a module set, from the disk cache when nothing it read changed since it was stored. */
export function createCompiler(options: CompilerOptions): Compiler {
  return new IncrementalCompiler(options);
}

/** What a compile depended on and produced; stored in the disk cache (see set-store.ts). */
interface Snapshot {
  schema: SchemaSet;
  diagnostics: Diagnostic[];
  /** Every file the compile read, with its content hash (undefined: unreadable). */
  reads: Map<string, FileVersion>;
  /** Hash of the input files (folders expanded) and of the files listed for each module name looked up. */
  listing: string;
  lookedUp: string[];
  /** Description texts that refines set (see doc-patch.ts). */
  refined: Set<string>;
  /** Per module, the other modules whose schema trees its compile read (see `CompileResult.schemaReads`). */
  schemaReads: Record<string, string[]>;
  /** The modules this compile compiled (the others were kept from the one before). */
  compiled: string[];
}

/** What is stored with a snapshot's schema: the rest of it, and the stamps of the files it read (see `ParseStore.currentVersion`). */
type SnapshotMeta = Omit<Snapshot, 'schema'> & { stamps?: Map<string, StampedVersion> };

class IncrementalCompiler implements Compiler {
  private readonly overlay = new SourceOverlay();
  private readonly setStore: SetStore<SnapshotMeta> | undefined;
  private readonly store: ParseStore;
  private readonly inputs: string[];
  private readonly searchPaths: string[];
  private readonly cacheKey: string;
  private snap: Snapshot;
  private prints!: Fingerprints;
  private nodeIndex: NodeIndex | undefined;
  private dependencyGraph: DependencyGraph | undefined;
  /** Input files and repository of the last full compile, kept while changes only touch files it read. */
  private listing: { files: string[]; repo: OverlayRepository } | undefined;
  private definitionMemo: DefinitionUses['memo'] | undefined;
  private saved = false;
  origin: 'compiled' | 'disk-cache' = 'compiled';
  changedSinceStored: string[] | undefined;
  sinceStored: UpdateResult | undefined;

  constructor(private readonly options: CompilerOptions) {
    const cwd = options.cwd ?? process.cwd();
    this.inputs = options.inputs.map((f) => resolve(cwd, f));
    this.searchPaths = (options.searchPaths ?? []).map((d) => resolve(cwd, d));
    for (const [file, text] of Object.entries(options.sources ?? {})) this.overlay.set(resolve(cwd, file), text);
    const disk = options.cacheDir === undefined ? undefined : new DiskCache(resolve(cwd, options.cacheDir));
    this.store = new ParseStore(this.overlay, disk);
    this.cacheKey = JSON.stringify({ inputs: this.inputs, searchPaths: this.searchPaths, features: options.features ?? {} });
    this.setStore = disk && new SetStore(disk, this.cacheKey);
    const stored = this.setStore?.load();
    this.snap = (stored && this.fromStore(stored)) ?? this.compileAll(stored?.prints);
    this.save();
  }

  /** Takes a stored set and brings it up to date; undefined when it cannot be (files appeared or vanished, an entry is damaged). */
  private fromStore(stored: LoadedSet<SnapshotMeta>): Snapshot | undefined {
    const changedFiles = this.filesChangedSince(stored.meta);
    if (!changedFiles) return undefined;
    this.origin = 'disk-cache';
    this.saved = true;
    const { stamps, ...meta } = stored.meta;
    this.snap = { ...meta, schema: stored.schema };
    this.adopt(this.snap, stored.prints);
    try {
      // Brought up to date as an edit in this process is, from the parse trees the cache holds of the files as they were.
      if (changedFiles.length) {
        this.sinceStored = this.applyChanges(changedFiles.map((file) => ({ file })));
        this.changedSinceStored = [...this.sinceStored.changed, ...this.sinceStored.removed].sort();
      }
      if (!this.options.lazy) this.setStore!.readAll(this.snap.schema);
      return this.snap;
    } catch (err) {
      if (!(err instanceof StaleCacheError)) throw err;
      this.origin = 'compiled';
      this.saved = false;
      this.sinceStored = this.changedSinceStored = undefined;
      this.listing = undefined;
      return undefined;
    }
  }

  /** Compiles the whole set; `stored`: the hashes of an older compile of it, to tell what changed since. */
  private compileAll(stored?: FingerprintSeed): Snapshot {
    const snap = this.compile();
    this.adopt(snap);
    if (stored) this.changedSinceStored = changedModules(stored.full, this.prints.all());
    return snap;
  }

  get schema(): SchemaSet {
    return this.snap.schema;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.snap.diagnostics;
  }

  get graph(): DependencyGraph {
    return (this.dependencyGraph ??= new DependencyGraph(this.setStore?.graphModules(this.snap.schema) ?? Object.values(this.snap.schema.modules)));
  }

  get fingerprints(): Fingerprints {
    return this.prints;
  }

  update(file: string, text?: string): UpdateResult {
    return this.apply([{ file, text }]);
  }

  remove(file: string): UpdateResult {
    return this.apply([{ file, text: null }]);
  }

  apply(changes: readonly FileChange[]): UpdateResult {
    try {
      return this.applyChanges(changes);
    } catch (err) {
      if (!(err instanceof StaleCacheError)) throw err;
      // A stored module this update needed is damaged: compile everything, and count every module as changed.
      const start = performance.now();
      const before = Object.keys(this.snap.schema.modules);
      this.listing = undefined;
      this.snap = this.compileAll();
      this.saved = false;
      const modules = Object.keys(this.snap.schema.modules).sort();
      return { changed: modules, removed: before.filter((m) => !this.snap.schema.modules[m]).sort(), how: 'recompiled', compiled: modules, ms: performance.now() - start };
    }
  }

  /** `apply`, throwing `StaleCacheError` when a stored module it reads is damaged. */
  private applyChanges(changes: readonly FileChange[]): UpdateResult {
    const start = performance.now();
    const cwd = this.options.cwd ?? process.cwd();
    const resolved = changes.map((c) => ({ ...c, file: resolve(cwd, c.file) }));
    const before = resolved.map((c) => this.store.cached(c.file, this.snap.reads.get(c.file) ?? ''));
    for (const c of resolved) {
      if (c.text === null) this.overlay.markRemoved(c.file);
      else if (c.text === undefined) this.overlay.clear(c.file);
      else this.overlay.set(c.file, c.text);
    }
    // A file the compile read matters if its content changed (saving an unchanged file is no change).
    const versions = resolved.map((c) => this.store.refresh(c.file));
    const matters = resolved.map((c, i) => (this.snap.reads.has(c.file) ? versions[i] !== this.snap.reads.get(c.file) : this.mayConcern(c.file)));
    const relevant = resolved.filter((_, i) => matters[i]);
    const done = (how: UpdateResult['how'], changed: Iterable<string>, removed: Iterable<string> = [], compiled?: string[]): UpdateResult => {
      if (how !== 'unaffected') this.saved = false;
      return { changed: [...changed].sort(), removed: [...removed].sort(), how, ...(compiled && { compiled }), ms: performance.now() - start };
    };
    if (relevant.length === 0) return done('unaffected', []);

    const patched = this.patchDescriptions(relevant, before.filter((_, i) => matters[i]));
    if (patched) return done('patched', patched);

    const previous = this.snap.schema.modules;
    const { compiled, changed } = this.recompile(this.modulesToRebuild(relevant, before.filter((_, i) => matters[i])));
    const modules = this.snap.schema.modules;
    return done('recompiled', changed, Object.keys(previous).filter((m) => !modules[m]), compiled);
  }

  /**
   * Compiles `rebuild` (all when undefined), then, in waves, the modules reading the schema
   * trees of a module whose trees came out different, until none did. (Who uses its definitions
   * is in `rebuild` already.) Returns the modules compiled and those whose IR differs from before.
   */
  private recompile(rebuild: Set<string> | undefined): { compiled: string[]; changed: string[] } {
    const original = this.snap.schema.modules;
    // Whether a module compiled once differs from its IR before the update, as its wave found.
    const verdicts = new Map<string, boolean>();
    const compiled = new Set<string>();
    for (let wave = 0; ; wave++) {
      const previous = { schema: this.snap.schema, prints: this.prints };
      // Waves follow chains of readers; one reading itself around a cycle would not end.
      this.snap = this.compile(wave < MAX_WAVES ? rebuild : undefined);
      this.adopt(this.snap, previous.prints);
      for (const m of this.snap.compiled) compiled.add(m);
      const modules = Object.keys(this.snap.schema.modules);
      if (this.snap.compiled.length === modules.length) return { compiled: modules.sort(), changed: this.changedSince(original, verdicts) };
      const before = previous.schema.modules;
      const changed = new Map<string, boolean>();
      const trees = this.changedSince(before, changed).filter((m) => !before[m] || !sameTrees(this.snap.schema.modules[m]!, before[m]));
      for (const [m, differs] of changed) {
        if (before === original || before[m] === original[m]) verdicts.set(m, differs); // (the first test reads no stored module)
        else verdicts.delete(m);
      }
      // A reader compiled in this wave read the trees as they are now.
      rebuild = this.readersOf(trees, new Set(this.snap.compiled));
      if (rebuild.size === 0) return { compiled: [...compiled].sort(), changed: this.changedSince(original, verdicts) };
    }
  }

  /**
   * Modules whose IR differs from `previous`: a module whose IR object was kept is the same; the
   * others are compared, unless `known` holds the answer. Every answer is recorded in `known`.
   */
  private changedSince(previous: SchemaSet['modules'], known: Map<string, boolean>): string[] {
    const modules = this.snap.schema.modules;
    return Object.keys(modules).filter((m) => {
      // A stored module not read yet is told apart by hash, and read only when the hashes differ (a patched one's hash is derived).
      const stored = this.setStore?.unreadHash(previous, m);
      if (stored === undefined && modules[m] === previous[m]) return false;
      let differs = known.get(m);
      if (differs === undefined) known.set(m, (differs = (stored === undefined || stored !== this.prints.module(m)) && !sameData(modules[m], previous[m])));
      return differs;
    });
  }

  save(): void {
    if (!this.setStore || this.saved) return;
    const { schema, ...meta } = this.snap;
    this.saved = this.setStore.save({ ...meta, stamps: this.store.stampsOf(meta.reads) }, schema, this.prints);
  }

  prepareForEdits(): void {
    this.nodeIndex ??= new NodeIndex(this.snap.schema);
    this.nodeIndex.cover(Object.keys(this.snap.schema.modules));
  }

  /** Whether a file the compile did not read can alter this set: it is under an input folder, or it may hold a module looked up. */
  private mayConcern(file: string): boolean {
    if (this.inputs.some((input) => file === input || file.startsWith(input + sep))) return true;
    const name = moduleFileName(file)?.name;
    return name !== undefined && this.snap.lookedUp.includes(name);
  }

  /** Applies edits that only reword data node descriptions to the IR in place; undefined when they do more. */
  private patchDescriptions(changes: readonly FileChange[], before: readonly (ParseResult | undefined)[]): Set<string> | undefined {
    const edits: DescriptionEdit[] = [];
    const versions = new Map<string, FileVersion>();
    for (const [i, c] of changes.entries()) {
      const old = before[i];
      if (!old?.statement || c.text === null) return undefined;
      const now = this.store.parse(c.file);
      if (!now.statement || JSON.stringify(now.diagnostics) !== JSON.stringify(old.diagnostics)) return undefined;
      const fileEdits = descriptionEdits(old.statement, now.statement);
      if (!fileEdits) return undefined;
      edits.push(...fileEdits);
      versions.set(c.file, this.store.version(c.file));
    }
    this.nodeIndex ??= new NodeIndex(this.snap.schema);
    this.nodeIndex.cover(this.setStore?.modulesHoldingNodesAt(this.snap.schema, editPlaces(edits)) ?? Object.keys(this.snap.schema.modules));
    const changed = this.nodeIndex.apply(edits, this.snap.refined);
    if (!changed) return undefined;
    for (const [file, version] of versions) this.snap.reads.set(file, version);
    this.prints.patched(changed, JSON.stringify(edits.map(({ owner, before, after }) => [owner.loc, before, after])));
    return changed;
  }

  /**
   * The modules a change reaches first: those of the changed files and every module using one
   * of their definitions that changed (in text or position: nodes carry their source position),
   * through any chain of definitions, with their grafts (see `withGrafts`). The modules reading
   * their schema trees follow in waves (`recompile`). Undefined when a file belongs to no module
   * of the set (a new or removed file): compile it all.
   */
  private modulesToRebuild(changes: readonly FileChange[], before: readonly (ParseResult | undefined)[]): Set<string> | undefined {
    const graph = this.graph;
    const rebuild = new Set<string>();
    let definitions: Set<DefinitionKey> | undefined = new Set();
    for (const [i, { file }] of changes.entries()) {
      const module = graph.moduleOfFile(file);
      if (module === undefined || this.overlay.isRemoved(file)) return undefined;
      rebuild.add(module);
      const old = before[i]?.statement;
      const now = this.store.parse(file).statement;
      const changed: Set<DefinitionKey> | undefined = definitions && old && now ? changedDefinitions(old, now) : undefined;
      definitions = changed && new Set([...definitions!, ...changed]);
    }
    const uses = new DefinitionUses((m) => graph.filesOf(m).flatMap((f) => this.store.parse(f).statement ?? []), this.definitionMemo);
    this.definitionMemo = uses.memo;
    // Only a module importing a changed one, directly or not, can use its definitions.
    for (const m of importersOf(graph, rebuild)) if (!definitions || (definitions.size > 0 && uses.usesAny(m, definitions))) rebuild.add(m);

    return withGrafts(graph, rebuild);
  }

  /** The modules but `fresh` whose compile read the schema tree of one of `modules`, with their grafts (see `withGrafts`). */
  private readersOf(modules: readonly string[], fresh: ReadonlySet<string>): Set<string> {
    const changed = new Set(modules);
    const readers = Object.entries(this.snap.schemaReads).filter(([m, read]) => !fresh.has(m) && read.some((r) => changed.has(r)));
    return readers.length ? withGrafts(this.graph, readers.map(([m]) => m)) : new Set();
  }

  /** Compiles the set; with `rebuild`, only those modules, keeping the rest of the current IR. */
  private compile(rebuild?: ReadonlySet<string>): Snapshot {
    // A partial compile only follows changes to files the last one read: the folders listed then still hold.
    if (!rebuild || !this.listing) {
      const files = this.expandInputs();
      this.listing = { files, repo: this.repositoryFor(files) };
    }
    const { files, repo } = this.listing;
    this.store.startRecording();
    const reuse = rebuild && { previous: { schema: this.snap.schema, diagnostics: [...this.snap.diagnostics], schemaReads: this.snap.schemaReads }, rebuild };
    const { schema, diagnostics, schemaReads = {}, compiled = [] } = compileYang({ files, features: this.options.features, parseCache: this.store, repository: repo, reuse, recordSchemaReads: true });
    const reads = this.store.stopRecording();
    const statements = [...reads.keys()].flatMap((f) => this.store.parse(f).statement ?? []);
    const lookedUp = [...repo.lookedUp].sort();
    return { schema, diagnostics, reads, lookedUp, listing: listingOf(files, lookedUp, repo), refined: refineDescriptions(statements), schemaReads, compiled };
  }

  /**
   * The files whose content changed since a stored snapshot was compiled, when it can be brought
   * up to date from them: same input files, same files listed for its modules, every file it read
   * still readable. Undefined otherwise.
   */
  private filesChangedSince(stored: SnapshotMeta): string[] | undefined {
    const files = this.expandInputs();
    const repo = this.repositoryFor(files);
    if (listingOf(files, stored.lookedUp, repo) !== stored.listing) return undefined;
    this.listing = { files, repo };
    if (stored.stamps) this.store.addStamps(stored.stamps);
    const changed: string[] = [];
    for (const [file, version] of stored.reads) {
      const now = this.store.currentVersion(file);
      if (now === undefined) return undefined;
      if (now !== version) changed.push(file);
    }
    return changed;
  }

  /** Search paths plus the inputs' own folders, as `compileYang` would use them. */
  private repositoryFor(files: readonly string[]): OverlayRepository {
    return new OverlayRepository([...this.searchPaths, ...files.map((f) => dirname(f))], this.overlay);
  }

  /** Takes a snapshot as the current state; `previous`: the hashes of the module IRs it kept, or those stored with it. */
  private adopt(snap: Snapshot, previous?: Fingerprints | FingerprintSeed): void {
    this.prints = new Fingerprints(snap.schema);
    if (previous instanceof Fingerprints) this.prints.inherit(previous);
    else if (previous) this.prints.seed(previous);
    this.nodeIndex = undefined;
    this.dependencyGraph = undefined;
  }

  /** Input files, with folders expanded to the `.yang` files under them (as they are now, overlay included). */
  private expandInputs(): string[] {
    const files: string[] = [];
    for (const input of this.inputs) {
      const inMemory = this.overlay.inMemoryFiles().filter((f) => f.startsWith(input + sep) && f.endsWith('.yang'));
      if (!isDirectory(input) && inMemory.length === 0) {
        files.push(input);
        continue;
      }
      const found = new Set([...(isDirectory(input) ? yangFilesUnder(input) : []), ...inMemory]);
      files.push(...[...found].filter((f) => !this.overlay.isRemoved(f)).sort());
    }
    return files;
  }
}

/** Modules importing (or whose submodules import) one of `modules`, directly or through others. */
function importersOf(graph: DependencyGraph, modules: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const stack = [...modules];
  while (stack.length) {
    for (const d of graph.dependents(stack.pop()!)) {
      if (found.has(d) || modules.has(d)) continue;
      found.add(d);
      stack.push(d);
    }
  }
  return found;
}

/**
 * `modules` with, to a fixed point, the modules augmenting or deviating one of them and the
 * targets of their augments and deviations: a target's tree holds the grafted nodes, which
 * only a compile of both puts there.
 */
function withGrafts(graph: DependencyGraph, modules: Iterable<string>): Set<string> {
  const found = new Set<string>();
  const stack = [...modules];
  while (stack.length) {
    const m = stack.pop()!;
    if (found.has(m)) continue;
    found.add(m);
    for (const d of graph.dependents(m)) if (augmentsOrDeviates(graph, d, m)) stack.push(d);
    for (const d of graph.dependencies(m).keys()) if (augmentsOrDeviates(graph, m, d)) stack.push(d);
  }
  return found;
}

function augmentsOrDeviates(graph: DependencyGraph, from: string, to: string): boolean {
  const kinds = graph.dependencies(from).get(to);
  return !!kinds && (kinds.has('augment') || kinds.has('deviation'));
}

/** Modules of `after` that are new or hash differently. */
function changedModules(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...after].filter(([m, h]) => before.get(m) !== h).map(([m]) => m).sort();
}

function listingOf(files: readonly string[], lookedUp: readonly string[], repo: OverlayRepository): string {
  return sha256(JSON.stringify([files, lookedUp.map((name) => [name, repo.candidates(name).map((c) => c.file)])]));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function yangFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = resolve(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('.') ? [] : yangFilesUnder(path);
    return e.name.endsWith('.yang') ? [path] : [];
  });
}
