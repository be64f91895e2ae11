import { statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { createCompiler, type Compiler, type UpdateResult } from './compiler.js';
import { ConfigError, loadConfig, type BuildConfig, type JobConfig } from './config.js';
import { DiskCache } from './disk-cache.js';
import { OutputWriter, outputUnits, type Manifest } from './outputs.js';
import { ProgressLine, type ProgressStream } from './progress.js';
import { StaleCacheError } from './set-store.js';
import { watchPaths } from './watch.js';

export interface BuildStreams {
  /** Build and rebuild lines, and the progress bar when it is a terminal. */
  out: ProgressStream;
  /** Diagnostics and failures. */
  err: { write(text: string): unknown };
}

/** What one job did in a build or rebuild. */
export interface JobOutcome {
  job: string;
  /** How the IR was brought up to date. */
  compile: UpdateResult['how'] | 'compiled' | 'disk-cache';
  modules: number;
  /** With `recompiled`: the modules compiled again (the others' IR was kept). */
  compiled?: string[];
  /** Modules whose IR changed (after a start: since the build the disk cache remembers). */
  changed: string[];
  errors: number;
  /** Emitter runs, as `emitter` or `emitter module`. */
  reran: string[];
  /** Files written, and files whose new content was the same as before. */
  written: string[];
  unchanged: number;
  removed: string[];
  upToDate: number;
  /** Emitter runs that threw, with their message. */
  failed: string[];
  ms: number;
}

/** One job of a config: its compiler, kept between rebuilds, and what it last wrote. */
export class JobRunner {
  private compiler: Compiler | undefined;
  private writer: OutputWriter | undefined;
  private readonly warned = new Set<string>();

  constructor(
    readonly job: JobConfig,
    private readonly cache: DiskCache | undefined,
    private readonly manifestKey: string,
    private readonly streams: BuildStreams,
  ) {}

  /** Folders and files whose changes can matter to this job. */
  watchedFolders(): string[] {
    return [...this.job.inputs.map((p) => (isDirectory(p) ? p : dirname(p))), ...this.job.searchPaths];
  }

  /** Compiles (or reads the disk cache) and writes every output that is not up to date. */
  async build(): Promise<JobOutcome> {
    const start = performance.now();
    // Stored modules are read as emitters use them: a build re-running a few outputs reads a few modules.
    const open = () => (this.compiler = createCompiler({ inputs: this.job.inputs, searchPaths: this.job.searchPaths, features: this.job.features, cacheDir: this.cache?.dir, lazy: true }));
    let compiler = open();
    try {
      return await this.emit(compiler, compiler.sinceStored?.how ?? compiler.origin, [...(compiler.changedSinceStored ?? [])], start, compiler.sinceStored?.compiled);
    } catch (err) {
      if (!(err instanceof StaleCacheError)) throw err;
      // The store dropped the damaged set: this compiler compiles it, and outputs written so far came from entries read whole.
      compiler = open();
      return this.emit(compiler, compiler.origin, [...(compiler.changedSinceStored ?? [])], start);
    }
  }

  /** Applies file changes; undefined when none of them concerns this job. */
  async rebuild(files: readonly string[]): Promise<JobOutcome | undefined> {
    if (!this.compiler) return this.build();
    const start = performance.now();
    const update = this.compiler.apply(files.map((file) => ({ file })));
    if (update.how === 'unaffected') return undefined;
    try {
      return await this.emit(this.compiler, update.how, [...update.changed, ...update.removed], start, update.compiled);
    } catch (err) {
      if (!(err instanceof StaleCacheError)) throw err;
      return this.build(); // compiles: the store dropped the damaged set
    }
  }

  private async emit(compiler: Compiler, how: JobOutcome['compile'], changed: string[], start: number, compiled?: string[]): Promise<JobOutcome> {
    const errors = this.report(compiler.diagnostics);
    const modules = Object.keys(compiler.schema.modules).length;
    const outcome: JobOutcome = { job: this.job.name, compile: how, modules, ...(compiled && { compiled }), changed, errors, reran: [], written: [], unchanged: 0, removed: [], upToDate: 0, failed: [], ms: 0 };
    if (errors === 0) {
      this.writer ??= new OutputWriter(this.cache?.get<Manifest>('outputs', this.manifestKey) ?? {});
      const units = outputUnits(compiler, this.job.emit);
      const stale = units.filter((u) => !this.writer!.isCurrent(u));
      outcome.upToDate = units.length - stale.length;
      const progress = new ProgressLine(this.streams.out, stale.length);
      for (const [i, unit] of stale.entries()) {
        const label = unit.entry.emitter.scope === 'module' ? `${unit.entry.emitter.name} ${unit.modules[0]}` : unit.entry.emitter.name;
        progress.update(i, `${this.job.name}: ${label}`);
        outcome.reran.push(label);
        try {
          const { written, unchanged } = await this.writer.run(unit, compiler);
          outcome.written.push(...written);
          outcome.unchanged += unchanged.length;
        } catch (err) {
          if (err instanceof StaleCacheError) throw err; // JobRunner.build compiles and emits again
          outcome.failed.push(`${unit.entry.emitter.name} for ${unit.modules.join(', ')}: ${(err as Error).message}`);
        }
      }
      progress.clear();
      outcome.removed = this.writer.removeOthers(units);
      for (const f of outcome.failed) this.streams.err.write(`yangkit: job "${this.job.name}": ${f}\n`);
      this.cache?.set('outputs', this.manifestKey, this.writer.manifest);
    }
    compiler.save();
    outcome.ms = performance.now() - start;
    return outcome;
  }

  /** Prints every error, and each warning once per process; returns the number of errors. */
  private report(diagnostics: readonly Diagnostic[]): number {
    let errors = 0;
    for (const d of diagnostics) {
      const text = formatDiagnostic(d);
      if (d.severity === 'error') errors++;
      else if (this.warned.has(text)) continue;
      else this.warned.add(text);
      this.streams.err.write(`${text}\n`);
    }
    return errors;
  }
}

export interface BuildOptions extends BuildStreams {
  configFile: string;
}

/** `yangkit build`: runs every job once; resolves to the exit status (1 when a job has errors). */
export async function build(options: BuildOptions): Promise<number> {
  const runners = createRunners(loadConfig(options.configFile), options);
  let status = 0;
  for (const runner of runners) {
    const outcome = await runner.build();
    options.out.write(`yangkit: ${describeOutcome(outcome)}\n`);
    if (outcome.errors || outcome.failed.length) status = 1;
  }
  return status;
}

/**
 * `yangkit build --watch`: builds, then rebuilds what a change concerns, printing
 * one line per rebuild. A changed config file restarts every job. Resolves when
 * `signal` aborts.
 */
export async function watchBuild(options: BuildOptions & { signal: AbortSignal }): Promise<void> {
  let runners = createRunners(loadConfig(options.configFile), options);
  for (const runner of runners) options.out.write(`yangkit: ${describeOutcome(await runner.build())}\n`);

  const onChange = async (files: string[]): Promise<void> => {
    const stamp = `[${new Date().toTimeString().slice(0, 8)}]`;
    if (files.includes(options.configFile)) {
      let config: BuildConfig;
      try {
        config = loadConfig(options.configFile);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        options.err.write(`yangkit: ${err.message}; still using the previous config\n`);
        return;
      }
      watcher.close();
      runners = createRunners(config, options);
      watcher = startWatching();
      for (const runner of runners) options.out.write(`${stamp} config changed: ${describeOutcome(await runner.build())}\n`);
      return;
    }
    const yang = files.filter((f) => f.endsWith('.yang'));
    if (!yang.length) return;
    const what = `changed ${yang.map((f) => relative(process.cwd(), f) || f).join(', ')}`;
    let affected = 0;
    for (const runner of runners) {
      const outcome = await runner.rebuild(yang);
      if (!outcome) continue;
      affected++;
      options.out.write(`${stamp} ${what}: ${describeOutcome(outcome)}\n`);
    }
    if (!affected) options.out.write(`${stamp} ${what}: no job uses it\n`);
  };

  // Changes are handled one batch at a time, in order; a failure is reported and watching goes on.
  let queue = Promise.resolve();
  const startWatching = () =>
    watchPaths(runners.flatMap((r) => r.watchedFolders()), [options.configFile], (files) => {
      queue = queue.then(() => onChange(files)).catch((err: unknown) => void options.err.write(`yangkit: error: ${(err as Error).message ?? err}\n`));
    });
  let watcher = startWatching();
  // Said once the watchers are in place, so a change made on seeing it is never missed.
  options.out.write(`yangkit: watching for changes (Ctrl-C to stop)\n`);

  await new Promise<void>((done) => options.signal.addEventListener('abort', () => done(), { once: true }));
  watcher.close();
  await queue;
}

function createRunners(config: BuildConfig, streams: BuildStreams): JobRunner[] {
  const cache = config.cacheDir === undefined ? undefined : new DiskCache(config.cacheDir);
  return config.jobs.map((job) => new JobRunner(job, cache, `${config.file}\0${job.name}`, streams));
}

/** One line: which job, how its IR was brought up to date, what was written, how long it took. */
export function describeOutcome(o: JobOutcome): string {
  const parts: string[] = [];
  const modules = (n: number) => `${n} module${n === 1 ? '' : 's'}`;
  if (o.compile === 'compiled') parts.push(`compiled ${modules(o.modules)}${o.changed.length ? `, ${o.changed.length} changed since the last build (${listSome(o.changed)})` : ''}`);
  else if (o.compile === 'disk-cache') parts.push(`${modules(o.modules)} from cache`);
  else if (o.compiled) parts.push(`${o.compile} ${o.compiled.length} of ${modules(o.modules)}, ${o.changed.length ? `${o.changed.length} changed (${listSome(o.changed)})` : 'none changed'}`);
  else parts.push(o.changed.length ? `${o.compile} ${modules(o.changed.length)} (${listSome(o.changed)})` : `${o.compile}, no module changed`);
  if (o.errors) parts.push(`${o.errors} error${o.errors === 1 ? '' : 's'}, outputs left as they were`);
  else {
    const rel = (f: string) => relative(process.cwd(), f) || f;
    if (o.reran.length) {
      const unchanged = o.unchanged ? ` (${o.unchanged} unchanged)` : '';
      parts.push(`re-ran ${summarizeRuns(o.reran)}: ${o.written.length ? `wrote ${summarizeFiles(o.written.map(rel))}` : 'no file changed'}${unchanged}`);
    } else parts.push('nothing to re-run');
    if (o.upToDate) parts.push(`${o.upToDate} output${o.upToDate === 1 ? '' : 's'} up to date`);
    if (o.removed.length) parts.push(`removed ${listSome(o.removed.map(rel))}`);
    if (o.failed.length) parts.push(`${o.failed.length} emitter run${o.failed.length === 1 ? '' : 's'} failed`);
  }
  return `job "${o.job}": ${parts.join('; ')} in ${formatMs(o.ms)}`;
}

/** A few runs by name (`tree base, swagger base`), many by emitter (`tree for 176 modules`). */
function summarizeRuns(labels: readonly string[]): string {
  if (labels.length <= 4) return labels.join(', ');
  const counts = new Map<string, number>();
  for (const label of labels) {
    const emitter = label.split(' ')[0]!;
    counts.set(emitter, (counts.get(emitter) ?? 0) + 1);
  }
  return [...counts].map(([emitter, n]) => (n === 1 ? emitter : `${emitter} for ${n} modules`)).join(', ');
}

/** A few files by name, many by count and folder. */
function summarizeFiles(files: readonly string[]): string {
  return files.length <= 4 ? files.join(', ') : `${files.length} files in ${listSome([...new Set(files.map((f) => dirname(f)))])}`;
}

function listSome(items: readonly string[], max = 4): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
