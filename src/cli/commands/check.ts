import type { Command } from 'commander';
import { compileOrExit, withCompileOptions, type CompileFlags } from '../options.js';

export function registerCheckCommand(program: Command): void {
  withCompileOptions(program.command('check'))
    .description('compile modules and report errors and warnings (exit 1 on errors)')
    .argument('<files...>', 'YANG files')
    .action((files: string[], opts: CompileFlags) => {
      compileOrExit(files, opts);
    });
}
