import { Option, type Command } from 'commander';
import type { DataKind } from '../../validate/index.js';
import { withCompileOptions } from '../options.js';
import type { ValidateFlags } from './validate-run.js';

const DATA_KINDS: readonly DataKind[] = ['data', 'config', 'get-reply', 'edit', 'rpc', 'rpc-reply', 'notification'];

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerValidateCommand(program: Command): void {
  withCompileOptions(program.command('validate'))
    .description('validate instance data (JSON or XML) against modules, like yanglint -t (exit 1 on errors)')
    .argument('<modules...>', 'YANG files')
    .option('-d, --data <file>', 'instance document, .json (RFC 7951) or .xml (repeatable: the files merge into one tree)', collect)
    .addOption(new Option('-t, --type <type>', 'what the data is').choices(DATA_KINDS).default('data'))
    .option('-O, --operational <file>', 'the datastore an rpc, action, reply or notification refers to (leafrefs, must, when)')
    .option('--verbose', 'print a summary when the data is valid')
    .action(async (modules: string[], opts: ValidateFlags) => {
      const { runValidate } = await import('./validate-run.js');
      runValidate(modules, opts);
    });
}
