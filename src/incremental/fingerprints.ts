import { createHash } from 'node:crypto';
import type { ModuleIR, SchemaSet } from '../ir/types.js';

/**
 * Hash of plain data by its JSON text. (Not its V8 serialization, which is faster but
 * records which objects are shared, and a compile may share differently from the last.)
 */
export function dataHash(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex');
}

/** Fields of a module IR holding schema trees; the rest is what other modules' emitters may look up. */
const TREE_FIELDS = ['data', 'rpcs', 'notifications', 'augments', 'yangData'] as const satisfies readonly (keyof ModuleIR)[];

/** Hashes computed earlier for a schema set (e.g. stored with it in the disk cache). */
export interface FingerprintSeed {
  full: ReadonlyMap<string, string>;
  outlines: ReadonlyMap<string, string>;
  shapes: ReadonlyMap<string, string>;
  identities: string;
}

/**
 * Memoized hashes of the modules of one schema set: `full` covers all of a
 * module's IR (to report what changed), `outline` leaves its schema trees out
 * (what an emitter for another module may read of it: prefix, namespace, typedefs...),
 * `shape` stays the same through patches of descriptions (for emitters showing none).
 * The same hash means the same IR; the same IR may get another hash after a patch.
 */
export class Fingerprints {
  private readonly full = new Map<string, string>();
  private readonly outlines = new Map<string, string>();
  private readonly shapes = new Map<string, string>();
  private identityHash: string | undefined;

  constructor(private readonly schema: SchemaSet) {}

  module(name: string): string | undefined {
    return memo(this.full, name, () => {
      const mod = this.schema.modules[name];
      return mod && dataHash(mod);
    });
  }

  outline(name: string): string | undefined {
    return memo(this.outlines, name, () => {
      const mod = this.schema.modules[name];
      return mod && dataHash(outlineOf(mod));
    });
  }

  /** The full hash of the module as it was before any patch of descriptions since (when known then, else as it is). */
  shape(name: string): string | undefined {
    return memo(this.shapes, name, () => this.module(name));
  }

  identities(): string {
    return (this.identityHash ??= dataHash(this.schema.identities));
  }

  /** All full module hashes, for comparing one compile with the next. */
  all(): Map<string, string> {
    return new Map(Object.keys(this.schema.modules).map((m) => [m, this.module(m)!]));
  }

  /** Seeds hashes computed earlier for this very IR (e.g. stored with it in the disk cache). */
  seed(seed: FingerprintSeed): void {
    for (const [m, h] of seed.full) this.full.set(m, h);
    for (const [m, h] of seed.outlines) this.outlines.set(m, h);
    for (const [m, h] of seed.shapes) this.shapes.set(m, h);
    this.identityHash = seed.identities;
  }

  /** Takes over the hashes `previous` computed for module IRs this set shares with it (kept by a partial compile). */
  inherit(previous: Fingerprints): void {
    for (const [own, theirs] of [
      [this.full, previous.full],
      [this.outlines, previous.outlines],
      [this.shapes, previous.shapes],
    ] as const) {
      // Their module as a plain value: one a disk cache would read on first use is not read (it cannot be shared yet).
      for (const [m, h] of theirs) if (this.schema.modules[m] !== undefined && this.schema.modules[m] === Object.getOwnPropertyDescriptor(previous.schema.modules, m)?.value) own.set(m, h);
    }
  }

  /**
   * Notes that the modules' IR was patched in place by edits of descriptions (`edits`: their
   * digest): a known full hash becomes one derived from it and the edits, cheaper than hashing
   * the IR again (the same IR patched the same way gets the same hash). Outlines hold no schema
   * node, and shapes ignore descriptions: both stay.
   */
  patched(modules: Iterable<string>, edits: string): void {
    for (const m of modules) {
      const before = this.full.get(m);
      if (before === undefined) continue;
      if (!this.shapes.has(m)) this.shapes.set(m, before);
      this.full.set(m, createHash('sha1').update(`${before}\0${edits}`).digest('hex'));
    }
  }
}

/** Whether two module IRs have the same schema trees (what other modules' compiles read of them through paths). */
export function sameTrees(a: ModuleIR, b: ModuleIR): boolean {
  return TREE_FIELDS.every((f) => sameData(a[f], b[f]));
}

/**
 * Whether two values of plain data read the same as JSON (a field holding `undefined` counts as
 * absent). Stops at the first difference, so telling changed IR apart costs less than hashing it.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], other[i])) return false;
    return true;
  }
  // Counted in place rather than listed: this runs on every object of every recompiled module.
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    defined++;
    if (!sameData(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) defined--;
  return defined === 0;
}

function outlineOf(mod: ModuleIR): Partial<ModuleIR> {
  const outline: Record<string, unknown> = { ...mod };
  for (const f of TREE_FIELDS) delete outline[f];
  return outline;
}

function memo<T>(map: Map<string, T>, key: string, compute: () => T | undefined): T | undefined {
  let v = map.get(key);
  if (v === undefined) {
    v = compute();
    if (v !== undefined) map.set(key, v);
  }
  return v;
}
