import { readFileSync } from 'node:fs';
import type { Diagnostic, SourceLoc } from '../diagnostics/index.js';
import { DiagnosticSink } from '../diagnostics/index.js';
import { yangVersionOf } from '../syntax/arguments.js';
import { checkGrammar } from '../syntax/grammar.js';
import { parseYang } from '../syntax/index.js';
import type { Statement } from '../syntax/statement.js';
import { Repository, type ModuleFile } from './repository.js';

/** One parsed file: a module or a submodule. */
export interface Unit {
  kind: 'module' | 'submodule';
  name: string;
  /** Newest revision statement of the file, if any. */
  revision?: string;
  file: string;
  stmt: Statement;
  /** Prefix -> module name, for this file's own prefix and its imports. */
  prefixes: Map<string, string>;
  /** Every extension statement (prefixed keyword) of the file. */
  extensionUses: readonly Statement[];
  /** The module this unit belongs to (itself for a module). */
  moduleName: string;
}

/** A module with the submodules it includes (transitively). */
export interface LoadedModule {
  main: Unit;
  submodules: Unit[];
}

/**
 * Reads a source file: its bytes (decoded as strict UTF-8 when parsed, so invalid bytes
 * are located errors) or its text. Tests and the incremental core pass in-memory text.
 */
export type SourceReader = (file: string) => string | Uint8Array;

export interface ParseResult {
  statement?: Statement;
  /** Syntax and grammar diagnostics; a file with grammar errors keeps its statement tree. */
  diagnostics: Diagnostic[];
  extensionUses?: Statement[];
}

/**
 * Parses one file's source (its bytes or its text) and checks it against the statement
 * grammar: what every parse cache, in memory or incremental, keeps for a file.
 */
export function parseSource(source: string | Uint8Array, file: string): ParseResult {
  const parsed = parseYang(source, file);
  if (!parsed.statement) return parsed;
  const grammar = checkGrammar(parsed.statement);
  return { statement: parsed.statement, diagnostics: [...parsed.diagnostics, ...grammar.diagnostics], extensionUses: grammar.extensionUses };
}

/** Parses files once per reader, so many compiles over one corpus share the work. */
export class ParseCache {
  private readonly results = new Map<string, ParseResult>();

  constructor(readonly read: SourceReader = (f) => readFileSync(f)) {}

  parse(file: string): ParseResult {
    let r = this.results.get(file);
    if (!r) {
      r = this.readAndParse(file);
      this.results.set(file, r);
    }
    return r;
  }

  private readAndParse(file: string): ParseResult {
    let source: string | Uint8Array;
    try {
      source = this.read(file);
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((err as Error).message ?? err);
      return { diagnostics: [{ code: 'read-error', severity: 'error', message: `cannot read ${file}: ${reason}`, loc: { file, line: 1, col: 1 } }] };
    }
    return parseSource(source, file);
  }

  /** Forgets one file (it changed on disk or in memory). */
  invalidate(file: string): void {
    this.results.delete(file);
  }
}

function child(stmt: Statement, keyword: string): Statement | undefined {
  return stmt.children.find((c) => c.keyword === keyword && c.prefix === undefined);
}

function newestRevision(stmt: Statement): string | undefined {
  let best: string | undefined;
  for (const c of stmt.children) {
    if (c.keyword === 'revision' && c.prefix === undefined && c.arg && (!best || c.arg > best)) best = c.arg;
  }
  return best;
}

function includes(stmt: Statement, name: string): boolean {
  return stmt.children.some((c) => c.keyword === 'include' && c.prefix === undefined && c.arg === name);
}

/**
 * Finds, parses and links modules: imports by name and revision on the search
 * path, includes of submodules, one revision per module name in a set.
 */
export class ModuleLoader {
  readonly modules = new Map<string, LoadedModule>();
  private readonly loading = new Set<string>();

  constructor(
    private readonly repo: Repository,
    private readonly cache: ParseCache,
    private readonly sink: DiagnosticSink,
  ) {}

  /** Loads a file given on the command line; a submodule input loads its module. */
  loadFile(file: string): LoadedModule | undefined {
    const unit = this.use(file);
    if (!unit) return undefined;
    if (unit.kind === 'submodule') {
      const bt = child(unit.stmt, 'belongs-to');
      return bt?.arg ? this.loadByName(bt.arg, undefined, bt.loc) : undefined;
    }
    const existing = this.modules.get(unit.name);
    if (existing) {
      if (existing.main.file !== file && existing.main.revision !== unit.revision) {
        this.sink.error('revision-conflict', unit.stmt.loc, `module "${unit.name}" is already loaded from ${existing.main.file}`);
      }
      return existing;
    }
    return this.link(unit);
  }

  /** Loads module `name` (at `revision`, else the newest) as an import from `loc`. */
  loadByName(name: string, revision: string | undefined, loc: SourceLoc): LoadedModule | undefined {
    if (this.loading.has(name)) {
      this.sink.error('circular-import', loc, `circular import of module "${name}"`);
      return undefined;
    }
    const existing = this.modules.get(name);
    if (existing) {
      if (revision && existing.main.revision !== revision && this.pick(name, revision)) {
        this.sink.warning('revision-conflict', loc, `module "${name}" revision ${revision} requested, but revision ${existing.main.revision ?? '(none)'} is already loaded`);
      }
      return existing;
    }
    const mf = this.pick(name, revision);
    if (!mf) {
      this.sink.error('missing-module', loc, `module "${name}"${revision ? ` revision ${revision}` : ''} not found in search path`);
      return undefined;
    }
    const unit = this.use(mf.file);
    if (!unit) return undefined;
    if (unit.kind !== 'module' || unit.name !== name) {
      this.sink.error('missing-module', loc, `${mf.file} does not hold module "${name}"`);
      return undefined;
    }
    return this.link(unit);
  }

  private link(unit: Unit): LoadedModule {
    const loaded: LoadedModule = { main: unit, submodules: [] };
    this.loading.add(unit.name);
    this.modules.set(unit.name, loaded);
    this.resolveImports(unit);
    this.resolveIncludes(unit, loaded, [unit.name]);
    this.loading.delete(unit.name);
    return loaded;
  }

  private resolveImports(unit: Unit): void {
    for (const imp of unit.stmt.children) {
      if (imp.keyword !== 'import' || imp.prefix !== undefined || !imp.arg) continue;
      const rev = child(imp, 'revision-date')?.arg;
      const loaded = this.loadByName(imp.arg, rev, imp.loc);
      // RFC 7950 12: a YANG 1 module or submodule does not import a YANG 1.1 module by revision.
      if (rev && loaded && yangVersionOf(unit.stmt) === '1' && yangVersionOf(loaded.main.stmt) === '1.1') {
        this.sink.error('bad-import-version', imp.loc, `a YANG version 1 ${unit.kind} cannot import the YANG version 1.1 module "${imp.arg}" by revision`);
      }
    }
  }

  private resolveIncludes(unit: Unit, into: LoadedModule, chain: string[]): void {
    for (const inc of unit.stmt.children) {
      if (inc.keyword !== 'include' || inc.prefix !== undefined || !inc.arg) continue;
      const name = inc.arg;
      if (chain.includes(name)) {
        this.sink.error('circular-include', inc.loc, `circular include of "${name}" (${[...chain, name].join(' -> ')})`);
        continue;
      }
      // RFC 7950 5.1: a YANG 1.1 module includes all its submodules itself.
      if (unit !== into.main && yangVersionOf(into.main.stmt) === '1.1' && !includes(into.main.stmt, name)) {
        this.sink.error('missing-include', inc.loc, `submodule "${name}" is included by "${unit.name}" but not by its module "${into.main.name}"`);
      }
      if (into.submodules.some((s) => s.name === name)) continue;
      const mf = this.pick(name, child(inc, 'revision-date')?.arg);
      const sub = mf && this.use(mf.file);
      if (!sub) {
        if (!mf) this.sink.error('missing-submodule', inc.loc, `submodule "${name}" not found in search path`);
        continue;
      }
      if (sub.kind !== 'submodule') {
        this.sink.error('missing-submodule', inc.loc, `"${name}" is a module, not a submodule`);
        continue;
      }
      const bt = child(sub.stmt, 'belongs-to');
      if (bt?.arg !== into.main.name) {
        // Without belongs-to the grammar check reported missing-statement.
        if (bt) this.sink.error('belongs-to-mismatch', bt.loc, `submodule "${name}" belongs to "${bt.arg}", not "${into.main.name}"`);
        continue;
      }
      // RFC 7950 12: a module and the submodules it includes have the same yang-version.
      if (yangVersionOf(sub.stmt) !== yangVersionOf(unit.stmt)) {
        this.sink.error('bad-include-version', inc.loc, `cannot include the YANG version ${yangVersionOf(sub.stmt)} submodule "${name}" in a YANG version ${yangVersionOf(unit.stmt)} ${unit.kind}`);
      }
      into.submodules.push(sub);
      this.resolveImports(sub);
      this.resolveIncludes(sub, into, [...chain, name]);
    }
  }

  /** The file for `name`: the exact revision if asked, else the newest. */
  private pick(name: string, revision: string | undefined): ModuleFile | undefined {
    let best: ModuleFile | undefined;
    for (const c of this.repo.candidates(name)) {
      const rev = c.revision ?? this.parseUnit(c.file).unit?.revision;
      if (revision) {
        if (rev === revision) return c;
      } else if (!best || (rev ?? '') > (best.revision ?? '')) {
        best = { ...c, revision: rev };
      }
    }
    return best;
  }

  private readonly units = new Map<string, { unit?: Unit; diagnostics: Diagnostic[] }>();
  private readonly reported = new Set<string>();

  /** Parses a file into a unit and reports its syntax problems, once per file. */
  private use(file: string): Unit | undefined {
    const parsed = this.parseUnit(file);
    if (!this.reported.has(file)) {
      this.reported.add(file);
      for (const d of parsed.diagnostics) this.sink.add(d);
    }
    return parsed.unit;
  }

  /** Parses a file into a unit (cached) without reporting anything. */
  private parseUnit(file: string): { unit?: Unit; diagnostics: Diagnostic[] } {
    const known = this.units.get(file);
    if (known) return known;
    const { statement, diagnostics, extensionUses = [] } = this.cache.parse(file);
    const result: { unit?: Unit; diagnostics: Diagnostic[] } = { diagnostics: [...diagnostics] };
    this.units.set(file, result);
    if (!statement) return result;
    const kind = statement.keyword === 'submodule' ? 'submodule' : 'module';
    if ((statement.keyword !== 'module' && kind !== 'submodule') || statement.prefix !== undefined) {
      result.diagnostics.push({ code: 'not-a-module', severity: 'error', loc: statement.loc, message: `expected "module" or "submodule", found "${statement.keyword}"` });
      return result;
    }
    if (!statement.arg) return result; // missing-argument, from the grammar check
    const belongsTo = child(statement, 'belongs-to');
    const unit: Unit = {
      kind,
      name: statement.arg,
      revision: newestRevision(statement),
      file,
      stmt: statement,
      prefixes: new Map(),
      extensionUses,
      moduleName: kind === 'module' ? statement.arg : (belongsTo?.arg ?? statement.arg),
    };
    const own = child(kind === 'module' ? statement : (belongsTo ?? statement), 'prefix');
    if (own?.arg) unit.prefixes.set(own.arg, unit.moduleName);
    for (const imp of statement.children) {
      if (imp.keyword !== 'import' || imp.prefix !== undefined || !imp.arg) continue;
      const p = child(imp, 'prefix')?.arg;
      if (p) unit.prefixes.set(p, imp.arg);
    }
    result.unit = unit;
    return result;
  }
}
