#!/usr/bin/env node
import { Command, Option } from 'commander';
import { createRequire } from 'node:module';
import { formatDiagnostic, hasErrors } from '../diagnostics/index.js';
import { compileYang, type CompileResult } from '../compile/index.js';
import { emitTree } from '../emit/tree/index.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

interface CommonOptions {
  path: string[];
  features?: string[];
  warnings?: boolean;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** `-p DIR` and `--features mod:f1,f2`, shared by every command that compiles. */
function withCompileOptions(cmd: Command): Command {
  return cmd
    .option('-p, --path <dir>', 'search directory for imports (recursive; repeatable)', collect, [])
    .option('-F, --features <module:f1,f2>', 'enable only these features of a module (repeatable; default all)', collect);
}

/** Parses `mod:f1,f2` feature selections; `mod:` enables none. */
function parseFeatures(specs: string[] | undefined): Record<string, string[]> | undefined {
  if (!specs?.length) return undefined;
  const out: Record<string, string[]> = {};
  for (const spec of specs) {
    const i = spec.indexOf(':');
    if (i <= 0) throw new UsageError(`--features expects module:feature1,feature2, not "${spec}"`);
    out[spec.slice(0, i)] = spec.slice(i + 1).split(',').filter(Boolean);
  }
  return out;
}

class UsageError extends Error {}

/** Compiles, prints diagnostics to stderr, and exits 1 if there were errors. */
export function compileOrExit(files: string[], opts: CommonOptions): CompileResult {
  const result = compileYang({ files, searchPaths: opts.path, features: parseFeatures(opts.features) });
  for (const d of result.diagnostics) {
    if (d.severity === 'error' || opts.warnings !== false) process.stderr.write(formatDiagnostic(d) + '\n');
  }
  if (hasErrors(result.diagnostics)) process.exit(1);
  return result;
}

const program = new Command('yangkit')
  .description('Compile YANG modules and generate API documents, TypeScript types and RESTCONF servers')
  .version(version)
  .showHelpAfterError();

withCompileOptions(program.command('check'))
  .description('compile modules and report errors and warnings (exit 1 on errors)')
  .argument('<files...>', 'YANG files')
  .option('--no-warnings', 'report errors only')
  .action((files: string[], opts: CommonOptions) => {
    compileOrExit(files, opts);
  });

withCompileOptions(program.command('tree'))
  .description('print the RFC 8340 tree diagram of each module (as pyang -f tree)')
  .argument('<files...>', 'YANG files')
  .action((files: string[], opts: CommonOptions) => {
    const { schema } = compileOrExit(files, opts);
    process.stdout.write(schema.inputs.map((m) => emitTree(schema, m)).join('\n'));
  });

program.addOption(new Option('--debug', 'show stack traces of internal errors').hideHelp());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`yangkit: error: ${message}\n`);
  if (program.opts().debug && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
}
