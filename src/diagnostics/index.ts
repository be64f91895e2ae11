/** A position in a source file; line and col are 1-based. */
export interface SourceLoc {
  file: string;
  line: number;
  col: number;
}

export type Severity = 'error' | 'warning';

/**
 * One problem found in the input. `code` is stable across releases so tools and
 * tests can match on it; `message` is for people.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  loc: SourceLoc;
  /** The module whose compilation found it (absent for problems found while loading files). */
  module?: string;
}

/** `file:line:col: error: message [code]`, the shape pyang and yanglint users read. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.loc.file}:${d.loc.line}:${d.loc.col}: ${d.severity}: ${d.message} [${d.code}]`;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/**
 * Collects diagnostics for one run; passes report into it instead of throwing.
 * A problem inside a grouping is found once per use: it is reported once. One error
 * per source position: the first (the statement grammar's, which runs first) explains
 * the fault, and a later pass stumbling on the same bad argument would only repeat it.
 */
export class DiagnosticSink {
  readonly all: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  private readonly errorAt = new Set<string>();
  /** The module being compiled; diagnostics reported meanwhile carry its name. */
  owner: string | undefined;
  private muted = false;

  error(code: string, loc: SourceLoc, message: string): void {
    this.add({ code, severity: 'error', message, loc });
  }

  warning(code: string, loc: SourceLoc, message: string): void {
    this.add({ code, severity: 'warning', message, loc });
  }

  add(d: Diagnostic): void {
    if (this.muted) return;
    const at = `${d.loc.file}:${d.loc.line}:${d.loc.col}`;
    const key = `${at}:${d.code}:${d.message}`;
    if (this.seen.has(key) || (d.severity === 'error' && this.errorAt.has(at))) return;
    this.seen.add(key);
    if (d.severity === 'error') this.errorAt.add(at);
    this.all.push(d.module === undefined && this.owner !== undefined ? { ...d, module: this.owner } : d);
  }

  /** Runs `fn` dropping what it reports: building again what was already checked. */
  quiet<T>(fn: () => T): T {
    const previous = this.muted;
    this.muted = true;
    try {
      return fn();
    } finally {
      this.muted = previous;
    }
  }

  /** Runs `fn` with diagnostics attributed to `module`. */
  as<T>(module: string, fn: () => T): T {
    const previous = this.owner;
    this.owner = module;
    try {
      return fn();
    } finally {
      this.owner = previous;
    }
  }

  /** In source order, so output does not depend on the order passes ran in. */
  sorted(): Diagnostic[] {
    return [...this.all].sort(
      (a, b) => (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : 0) || a.loc.line - b.loc.line || a.loc.col - b.loc.col || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
  }
}
