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
 * A problem inside a grouping is found once per use: it is reported once.
 */
export class DiagnosticSink {
  readonly all: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  error(code: string, loc: SourceLoc, message: string): void {
    this.add({ code, severity: 'error', message, loc });
  }

  warning(code: string, loc: SourceLoc, message: string): void {
    this.add({ code, severity: 'warning', message, loc });
  }

  add(d: Diagnostic): void {
    const key = `${d.loc.file}:${d.loc.line}:${d.loc.col}:${d.code}:${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.all.push(d);
  }
}
