import type { Command } from 'commander';
import { compileYang, type CompileOptions, type CompileResult } from '../compile/index.js';
import { formatDiagnostic, hasErrors } from '../diagnostics/index.js';

/** Options of every command that compiles YANG. */
export interface CompileFlags {
  path: string[];
  features?: string[];
  warnings?: boolean;
}

/** A mistake in how the command was called: exit status 2. */
export class UsageError extends Error {}

/** A failure the user must act on (bad input, output not writable): exit status 1, no stack trace. */
export class CliError extends Error {}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds `-p DIR` and `--features mod:f1,f2` to a command. */
export function withCompileOptions(cmd: Command): Command {
  return cmd
    .option('-p, --path <dir>', 'search directory for imports (recursive; repeatable)', collect, [])
    .option('-F, --features <module:f1,f2>', 'enable only these features of a module (repeatable; default all)', collect)
    .option('--no-warnings', 'report errors only');
}

/** Parses `mod:f1,f2` feature selections; `mod:` enables none. */
export function parseFeatures(specs: string[] | undefined): Record<string, string[]> | undefined {
  if (!specs?.length) return undefined;
  const out: Record<string, string[]> = {};
  for (const spec of specs) {
    const i = spec.indexOf(':');
    if (i <= 0) throw new UsageError(`--features expects module:feature1,feature2, not "${spec}"`);
    out[spec.slice(0, i)] = spec.slice(i + 1).split(',').filter(Boolean);
  }
  return out;
}

/** Compiles, prints diagnostics to stderr, and exits 1 if there were errors. */
export function compileOrExit(files: string[], opts: CompileFlags, more: Partial<CompileOptions> = {}): CompileResult {
  const result = compileYang({ files, searchPaths: opts.path, features: parseFeatures(opts.features), ...more });
  for (const d of result.diagnostics) {
    if (d.severity === 'error' || opts.warnings !== false) process.stderr.write(formatDiagnostic(d) + '\n');
  }
  if (hasErrors(result.diagnostics)) process.exit(1);
  return result;
}
