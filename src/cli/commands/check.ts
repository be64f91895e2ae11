import type { Command } from 'commander';
import { emitTree } from '../../emit/tree/index.js';
import { compileOrExit, withCompileOptions, type CompileFlags } from '../options.js';

export function registerCheckCommands(program: Command): void {
  withCompileOptions(program.command('check'))
    .description('compile modules and report errors and warnings (exit 1 on errors)')
    .argument('<files...>', 'YANG files')
    .action((files: string[], opts: CompileFlags) => {
      compileOrExit(files, opts);
    });

  withCompileOptions(program.command('tree'))
    .description('print the RFC 8340 tree diagram of each module (as pyang -f tree)')
    .argument('<files...>', 'YANG files')
    .action((files: string[], opts: CompileFlags) => {
      const { schema } = compileOrExit(files, opts);
      process.stdout.write(schema.inputs.map((m) => emitTree(schema, m)).join('\n'));
    });
}
