import type { Command } from 'commander';
import { compileOrExit, withCompileOptions, type CompileFlags } from '../options.js';
import { writeFilesAtomic } from '../../output/write-atomic.js';

interface TypesFlags extends CompileFlags {
  output: string;
  validators?: boolean;
}

export function registerTypesCommand(program: Command): void {
  withCompileOptions(program.command('types'))
    .description('write TypeScript types for the RFC 7951 JSON encoding of the modules')
    .argument('<files...>', 'YANG files')
    .requiredOption('-o, --output <dir>', 'folder for the generated .ts files')
    .option('--validators', 'also generate runtime validators (validate<Module>Data/Config)')
    .action(async (files: string[], opts: TypesFlags) => {
      const { schema } = compileOrExit(files, opts);
      // Loaded on use: only this command needs the emitter (and prettier's document printer).
      const { emitTypes } = await import('../../emit/types/index.js');
      const generated = await emitTypes(schema, { validators: opts.validators });
      writeFilesAtomic(opts.output, generated);
      process.stderr.write(`yangkit: wrote ${generated.size} files to ${opts.output}\n`);
    });
}
