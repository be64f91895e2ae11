import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-atomic.js';
import type { Compiler } from './compiler.js';
import { sha256 } from './disk-cache.js';
import type { EmitterDefinition } from './emitters.js';

/** One `emit` entry of a job: an emitter, its checked options and its output folder. */
export interface EmitEntry {
  emitter: EmitterDefinition;
  options: unknown;
  out: string;
}

/** One run of an emitter: for one input module, or for the whole set. */
export interface OutputUnit {
  /** Stable across builds: emitter, folder and module. */
  id: string;
  entry: EmitEntry;
  modules: string[];
  /** Hash of everything the run may read; the same key means the same files. */
  key: string;
}

/** What the last build wrote for each unit: its key and its files as written (size and time, to notice edits). */
export type Manifest = Record<string, { key: string; files: Record<string, { size: number; mtimeMs: number }> }>;

/** The units of a job's emit entries for the compiler's current IR. */
export function outputUnits(compiler: Compiler, entries: readonly EmitEntry[]): OutputUnit[] {
  const { schema, fingerprints, graph } = compiler;
  const identities = fingerprints.identities();
  const units: OutputUnit[] = [];
  for (const entry of entries) {
    const prefix = `${entry.emitter.name}\0${JSON.stringify(entry.options)}\0${identities}`;
    const hash = (m: string) => (entry.emitter.ignoresDescriptions ? fingerprints.shape(m) : fingerprints.module(m));
    if (entry.emitter.scope === 'set') {
      const modules = Object.keys(schema.modules).sort();
      const key = sha256([prefix, schema.inputs.join(','), ...modules.map((m) => `${m}=${hash(m)}`)].join('\n'));
      units.push({ id: `${entry.emitter.name} ${entry.out}`, entry, modules: schema.inputs, key });
      continue;
    }
    for (const m of schema.inputs) {
      const contributors = [...graph.contributorsTo(m)].sort().map((c) => `${c}~${fingerprints.outline(c)}`);
      const key = sha256([prefix, `${m}=${hash(m)}`, ...contributors].join('\n'));
      units.push({ id: `${entry.emitter.name} ${entry.out} ${m}`, entry, modules: [m], key });
    }
  }
  return units;
}

/** Decides which units must run again, runs them, and writes their files atomically. */
export class OutputWriter {
  constructor(readonly manifest: Manifest) {}

  /** Whether the unit's files, as last written for the same key, are still there untouched. */
  isCurrent(unit: OutputUnit): boolean {
    const known = this.manifest[unit.id];
    if (known?.key !== unit.key) return false;
    return Object.entries(known.files).every(([file, stat]) => {
      try {
        const now = statSync(file);
        return now.size === stat.size && now.mtimeMs === stat.mtimeMs;
      } catch {
        return false;
      }
    });
  }

  /**
   * Runs the unit's emitter and writes the files whose content changed (an unchanged
   * file keeps its time, so tools watching the outputs are not woken for nothing).
   */
  async run(unit: OutputUnit, compiler: Compiler): Promise<{ written: string[]; unchanged: string[] }> {
    const generated = await unit.entry.emitter.emit(compiler.schema, unit.modules, unit.entry.options);
    const files: Manifest[string]['files'] = {};
    const written: string[] = [];
    const unchanged: string[] = [];
    for (const [name, content] of generated) {
      const path = join(unit.entry.out, name);
      if (holds(path, content)) unchanged.push(path);
      else {
        writeFileAtomic(path, content);
        written.push(path);
      }
      const { size, mtimeMs } = statSync(path);
      files[path] = { size, mtimeMs };
    }
    for (const old of Object.keys(this.manifest[unit.id]?.files ?? {})) if (!(old in files)) rmSync(old, { force: true });
    this.manifest[unit.id] = { key: unit.key, files };
    return { written, unchanged };
  }

  /** Deletes the files of units that no longer exist (a module left the set); returns them. */
  removeOthers(units: readonly OutputUnit[]): string[] {
    const current = new Set(units.map((u) => u.id));
    const removed: string[] = [];
    for (const [id, { files }] of Object.entries(this.manifest)) {
      if (current.has(id)) continue;
      for (const file of Object.keys(files)) {
        rmSync(file, { force: true });
        removed.push(file);
      }
      delete this.manifest[id];
    }
    return removed;
  }
}

function holds(path: string, content: string): boolean {
  try {
    return statSync(path).size === Buffer.byteLength(content) && readFileSync(path, 'utf8') === content;
  } catch {
    return false;
  }
}
