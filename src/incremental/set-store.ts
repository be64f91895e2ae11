/**
 * The compiled set in the disk cache, stored so that a new process reads only what it uses:
 * an index (what the compile read, per-module hashes, dependency edges, where the statements
 * that built each module's nodes are) and one entry per module IR, read from disk when the
 * module is first used. A rebuild that changes three modules of 180 reads and writes three.
 *
 * Module entries are keyed by the module's IR hash, and the index is written after them, so an
 * index only names entries written in full. Each module is serialized on its own: objects
 * two modules shared (an augment's nodes, also grafted into the target's tree) come back as
 * equal copies, which the IR, being plain data, does not tell apart.
 */
import type { ModuleIR, SchemaSet } from '../ir/types.js';
import type { DiskCache } from './disk-cache.js';
import { nodePlaces } from './doc-patch.js';
import type { Fingerprints, FingerprintSeed } from './fingerprints.js';
import { graphModule, type GraphModule } from './graph.js';

/** A stored module entry the running code reads on use could not be read (deleted, damaged): the stored set is dropped. */
export class StaleCacheError extends Error {}

/** What the index knows of one module without reading its IR. */
interface ModuleRecord {
  /** Sha256 of the entry's payload, as the disk cache returned it. */
  entry: string;
  /** Fingerprints of the module (see fingerprints.ts). */
  hash: string;
  outline: string;
  shape: string;
  graph: GraphModule;
  /** Where the statements that built the nodes of its trees are (see `nodePlaces`). */
  nodes: Record<string, number[]>;
}

interface StoredIndex<Meta> {
  meta: Meta;
  inputs: string[];
  identities: { entry: string; hash: string };
  /** In the set's order. */
  modules: [string, ModuleRecord][];
}

/** A stored set: the compiler's own data (`meta`) and the schema, whose modules and identities are read when first used. */
export interface LoadedSet<Meta> {
  meta: Meta;
  schema: SchemaSet;
  prints: FingerprintSeed;
}

export class SetStore<Meta> {
  /** Records by module name, as last loaded or saved (the entries the cache holds for this set). */
  private records = new Map<string, ModuleRecord>();
  private identities: StoredIndex<Meta>['identities'] | undefined;
  /** The IR each record describes (loaded from it, or stored from it). */
  private readonly described = new WeakMap<ModuleIR, ModuleRecord>();
  /** The stored hash of each module of the `modules` objects `load` made. */
  private readonly loadedHashes = new WeakMap<SchemaSet['modules'], ReadonlyMap<string, string>>();

  constructor(
    private readonly disk: DiskCache,
    private readonly key: string,
  ) {}

  load(): LoadedSet<Meta> | undefined {
    const index = this.disk.get<StoredIndex<Meta>>('set', this.key);
    if (!index) return undefined;
    this.records = new Map(index.modules);
    this.identities = index.identities;
    const schema = { inputs: index.inputs } as SchemaSet;
    onFirstRead(schema, 'identities', () => this.read<SchemaSet['identities']>('identities', this.entryKey('', index.identities.hash), index.identities.entry));
    const modules: SchemaSet['modules'] = {};
    for (const [name, record] of index.modules) {
      onFirstRead(modules, name, () => {
        const ir = this.read<ModuleIR>('module', this.entryKey(name, record.hash), record.entry);
        this.described.set(ir, record);
        return ir;
      });
    }
    schema.modules = modules;
    const full = new Map(index.modules.map(([m, r]) => [m, r.hash]));
    this.loadedHashes.set(modules, full);
    return {
      meta: index.meta,
      schema,
      prints: {
        full,
        outlines: new Map(index.modules.map(([m, r]) => [m, r.outline])),
        shapes: new Map(index.modules.map(([m, r]) => [m, r.shape])),
        identities: index.identities.hash,
      },
    };
  }

  /**
   * Stores the set: the entries of modules whose IR is not the one stored (new, recompiled or
   * patched, as their fingerprints tell), then the index. Returns whether it was stored.
   */
  save(meta: Meta, schema: SchemaSet, prints: Fingerprints): boolean {
    const records = new Map<string, ModuleRecord>();
    for (const name of Object.keys(schema.modules)) {
      const known = this.records.get(name);
      if (known && !isRead(schema.modules, name)) {
        records.set(name, known);
        continue;
      }
      const ir = schema.modules[name]!;
      const hash = prints.module(name)!;
      let record = known?.hash === hash ? known : undefined;
      if (!record) {
        const entry = this.disk.set('module', this.entryKey(name, hash), ir);
        if (entry === undefined) return false;
        record = { entry, hash, outline: prints.outline(name)!, shape: prints.shape(name)!, graph: graphModule(ir), nodes: this.described.get(ir)?.nodes ?? nodePlaces(ir) };
      }
      this.described.set(ir, record);
      records.set(name, record);
    }
    let identities = this.identities;
    const identitiesHash = prints.identities();
    if (identities?.hash !== identitiesHash) {
      const entry = this.disk.set('identities', this.entryKey('', identitiesHash), schema.identities);
      if (entry === undefined) return false;
      identities = { entry, hash: identitiesHash };
    }
    const index: StoredIndex<Meta> = { meta, inputs: schema.inputs, identities: identities!, modules: [...records] };
    if (this.disk.set('set', this.key, index) === undefined) return false;
    // The entries the index no longer names (another process's index may still name them: it then misses).
    for (const [name, old] of this.records) if (records.get(name)?.hash !== old.hash) this.disk.delete('module', this.entryKey(name, old.hash));
    if (this.identities && this.identities.hash !== identities!.hash) this.disk.delete('identities', this.entryKey('', this.identities.hash));
    this.records = records;
    this.identities = identities;
    return true;
  }

  /** Stored dependency-graph edges for modules not read, the IR for the others. */
  graphModules(schema: SchemaSet): GraphModule[] {
    return Object.keys(schema.modules).map((name) => (isRead(schema.modules, name) ? schema.modules[name]! : this.records.get(name)!.graph));
  }

  /** The modules that may hold a node built at one of `places` (see `editPlaces`): those whose record says so, and every module the store knows nothing of. */
  modulesHoldingNodesAt(schema: SchemaSet, places: ReadonlyMap<string, ReadonlySet<number>>): string[] {
    return Object.keys(schema.modules).filter((name) => {
      const record = isRead(schema.modules, name) ? this.described.get(schema.modules[name]!) : this.records.get(name);
      return !record || [...places].some(([file, at]) => record.nodes[file]?.some((p) => at.has(p)));
    });
  }

  /** The stored hash of `modules[name]` while it is a stored module not read yet; undefined otherwise. */
  unreadHash(modules: SchemaSet['modules'], name: string): string | undefined {
    return isRead(modules, name) ? undefined : this.loadedHashes.get(modules)?.get(name);
  }

  /** Reads every module and the identities now (instead of on first use). */
  readAll(schema: SchemaSet): void {
    void schema.identities;
    for (const name of Object.keys(schema.modules)) void schema.modules[name];
  }

  private read<T>(kind: string, key: string, entry: string): T {
    const value = this.disk.get<T>(kind, key, entry);
    if (value !== undefined) return value;
    // The next compiler compiles instead of meeting the same hole, and the next save writes every entry anew.
    this.disk.delete('set', this.key);
    this.records = new Map();
    this.identities = undefined;
    throw new StaleCacheError(`an entry of the compiled set in the disk cache is missing or damaged (${kind} ${key.split('\0')[1] || ''})`);
  }

  private entryKey(name: string, hash: string): string {
    return `${this.key}\0${name}\0${hash}`;
  }
}

/**
 * Defines `obj[prop]` as read on first use: the first read calls `read` and turns the property
 * into a plain one holding its result; a write before that sets it without reading.
 */
function onFirstRead<T extends object, K extends keyof T & string>(obj: T, prop: K, read: () => T[K]): void;
function onFirstRead(obj: Record<string, unknown>, prop: string, read: () => unknown): void {
  const settle = (value: unknown) => Object.defineProperty(obj, prop, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(obj, prop, {
    enumerable: true,
    configurable: true,
    get() {
      const value = read();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** Whether a property set up by `onFirstRead` was read (or is a plain one). */
function isRead(obj: object, prop: string): boolean {
  return Object.getOwnPropertyDescriptor(obj, prop)?.get === undefined;
}
