import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EmitterOptionsError, emitterNames, findEmitter } from './emitters.js';
import type { EmitEntry } from './outputs.js';

export const CONFIG_FILE = 'yangkit.config.json';
const DEFAULT_CACHE_DIR = '.yangkit-cache';

/** A build config with every path absolute and every emitter's options checked. */
export interface BuildConfig {
  file: string;
  /** Absent when the config sets `"cacheDir": false`. */
  cacheDir?: string;
  jobs: JobConfig[];
}

export interface JobConfig {
  name: string;
  inputs: string[];
  searchPaths: string[];
  features?: Record<string, string[]>;
  emit: EmitEntry[];
}

/** A config that cannot be used; the message names the file and the offending key. */
export class ConfigError extends Error {}

export function loadConfig(file: string): BuildConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new ConfigError(`cannot read ${file}: ${reason}${file.endsWith(CONFIG_FILE) ? ` (see "yangkit build --help" for the format)` : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  return parseConfig(json, file);
}

type Path = (string | number)[];

const where = (path: Path): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');

/** Checks a parsed config; relative paths are relative to the config file's folder. */
export function parseConfig(json: unknown, file: string): BuildConfig {
  const dir = dirname(resolve(file));
  const fail = (path: Path, message: string): never => {
    throw new ConfigError(`${file}: ${path.length ? `${where(path)}: ` : ''}${message}`);
  };
  const object = (value: unknown, path: Path, allowed: string[]): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'expected an object');
    for (const key of Object.keys(value)) if (!allowed.includes(key)) fail([...path, key], `unknown key (allowed: ${allowed.join(', ')})`);
    return value as Record<string, unknown>;
  };
  const string = (value: unknown, path: Path): string => (typeof value === 'string' && value !== '' ? value : fail(path, 'expected a non-empty string'));
  const strings = (value: unknown, path: Path, nonEmpty: boolean): string[] => {
    if (!Array.isArray(value) || (nonEmpty && value.length === 0)) return fail(path, `expected ${nonEmpty ? 'a non-empty' : 'an'} array of strings`);
    return value.map((v, i) => string(v, [...path, i]));
  };
  const existing = (value: string, path: Path): string => {
    const abs = resolve(dir, value);
    return existsSync(abs) ? abs : fail(path, `no such file or folder: ${value}`);
  };

  const top = object(json, [], ['$schema', 'cacheDir', 'jobs']);
  let cacheDir: string | undefined = resolve(dir, DEFAULT_CACHE_DIR);
  if (top.cacheDir === false) cacheDir = undefined;
  else if (top.cacheDir !== undefined) cacheDir = typeof top.cacheDir === 'string' && top.cacheDir ? resolve(dir, top.cacheDir) : fail(['cacheDir'], 'expected a folder path or false');
  if (!Array.isArray(top.jobs) || top.jobs.length === 0) fail(['jobs'], 'expected a non-empty array of jobs');

  const names = new Set<string>();
  const jobs = (top.jobs as unknown[]).map((raw, i): JobConfig => {
    const at: Path = ['jobs', i];
    const job = object(raw, at, ['name', 'inputs', 'searchPaths', 'features', 'emit']);
    const name = job.name === undefined ? `job ${i + 1}` : string(job.name, [...at, 'name']);
    if (names.has(name)) fail([...at, 'name'], `another job is already named "${name}"`);
    names.add(name);
    const inputs = strings(job.inputs, [...at, 'inputs'], true).map((p, k) => existing(p, [...at, 'inputs', k]));
    const searchPaths = job.searchPaths === undefined ? [] : strings(job.searchPaths, [...at, 'searchPaths'], false).map((p, k) => existing(p, [...at, 'searchPaths', k]));
    let features: Record<string, string[]> | undefined;
    if (job.features !== undefined) {
      const f = object(job.features, [...at, 'features'], Object.keys(job.features ?? {}));
      features = Object.fromEntries(Object.entries(f).map(([m, list]) => [m, strings(list, [...at, 'features', m], false)]));
    }
    if (!Array.isArray(job.emit) || job.emit.length === 0) fail([...at, 'emit'], 'expected a non-empty array of outputs');
    const outputs = new Set<string>();
    const emit = (job.emit as unknown[]).map((rawEntry, k): EmitEntry => {
      const path: Path = [...at, 'emit', k];
      const entry = object(rawEntry, path, ['emitter', 'out', 'options']);
      const emitterName = string(entry.emitter, [...path, 'emitter']);
      const emitter = findEmitter(emitterName) ?? fail([...path, 'emitter'], `unknown emitter "${emitterName}" (known: ${emitterNames().join(', ')})`);
      const out = resolve(dir, string(entry.out, [...path, 'out']));
      if (outputs.has(`${emitterName}\0${out}`)) fail([...path, 'out'], `another entry already writes ${emitterName} output into ${entry.out}`);
      outputs.add(`${emitterName}\0${out}`);
      const rawOptions = entry.options === undefined ? {} : object(entry.options, [...path, 'options'], Object.keys(entry.options ?? {}));
      try {
        return { emitter, out, options: emitter.parseOptions(rawOptions) };
      } catch (err) {
        if (err instanceof EmitterOptionsError) return fail([...path, 'options'], err.message);
        throw err;
      }
    });
    return { name, inputs, searchPaths, ...(features ? { features } : {}), emit };
  });
  return { file: resolve(file), ...(cacheDir ? { cacheDir } : {}), jobs };
}
