import type { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { CliError, compileOrExit, withCompileOptions, type CompileFlags } from '../options.js';
import { writeFilesAtomic } from '../../output/write-atomic.js';

interface ServerFlags extends CompileFlags {
  output: string;
  force?: boolean;
  name?: string;
  runtime?: string;
}

/** An npm package name from the output folder's name (`Jukebox Server/` -> `jukebox-server`). */
function packageName(dir: string): string | undefined {
  const name = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name || undefined;
}

/** Generation never mixes into someone else's files unless told to. */
function checkOutputDir(dir: string, force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new CliError(`${dir} exists and is not a directory`);
  if (!force && readdirSync(dir).length > 0) {
    throw new CliError(`${dir} is not empty; pass --force to replace the generated files in it (handlers included; nothing else is touched)`);
  }
}

export function registerServerCommand(program: Command): void {
  withCompileOptions(program.command('server'))
    .description('generate a TypeScript RESTCONF (RFC 8040) server project: handler stubs wired to the yangkit runtime')
    .argument('<files...>', 'YANG files')
    .requiredOption('-o, --output <dir>', 'folder for the project (created; must be empty unless --force)')
    .option('--force', 'write into a non-empty folder, replacing the files the project consists of')
    .option('--name <package>', 'npm package name of the project (default: the output folder name)')
    .option('--runtime <spec>', "the project's npm dependency spec for yangkit (default: this yangkit: its registry version when installed as a package, else file:<its folder>)")
    .action(async (files: string[], opts: ServerFlags) => {
      checkOutputDir(opts.output, opts.force ?? false);
      const { schema } = compileOrExit(files, opts);
      // Loaded on use: the types emitter behind it loads prettier's document printer.
      const { emitServerProject } = await import('../../emit/server/index.js');
      const name = opts.name ?? packageName(opts.output);
      const generated = await emitServerProject(schema, { ...(name ? { name } : {}), ...(opts.runtime ? { runtime: opts.runtime } : {}) });
      writeFilesAtomic(opts.output, generated);
      process.stderr.write(`yangkit: wrote ${generated.size} files to ${opts.output} (its README.md says how to build and run it)\n`);
    });
}
