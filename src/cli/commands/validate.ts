import { InvalidArgumentError, Option, type Command } from 'commander';
import type { DataKind } from '../../validate/index.js';
import { withCompileOptions } from '../options.js';
import type { ValidateFlags } from './validate-run.js';

const DATA_KINDS: readonly DataKind[] = ['data', 'config', 'get-reply', 'edit', 'rpc', 'rpc-reply', 'notification'];

/** yanglint's -t names for the same kinds. */
const YANGLINT_KINDS: Readonly<Record<string, DataKind>> = { get: 'get-reply', reply: 'rpc-reply', notif: 'notification' };

function dataKind(value: string): DataKind {
  const kind = (DATA_KINDS as readonly string[]).includes(value) ? (value as DataKind) : YANGLINT_KINDS[value];
  if (!kind) throw new InvalidArgumentError(`Allowed choices are ${[...DATA_KINDS, ...Object.keys(YANGLINT_KINDS)].join(', ')}.`);
  return kind;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerValidateCommand(program: Command): void {
  withCompileOptions(program.command('validate'))
    .description('validate instance data (JSON or XML) against modules, like yanglint -t (exit 1 on errors)')
    .argument('<files...>', 'YANG files, then the data as .json/.xml files as yanglint takes them (or with -d)')
    .option('-d, --data <file>', 'instance document, .json (RFC 7951) or .xml (repeatable: the files merge into one tree)', collect)
    .addOption(new Option('-t, --type <type>', `what the data is (${DATA_KINDS.join(', ')}; or yanglint's ${Object.keys(YANGLINT_KINDS).join(', ')})`).argParser(dataKind).default('data'))
    .option('-O, --operational <file>', 'the datastore an rpc, action, reply or notification refers to (leafrefs, must, when)')
    .option('--verbose', 'print a summary when the data is valid')
    .action(async (files: string[], opts: ValidateFlags) => {
      const { runValidate } = await import('./validate-run.js');
      const isData = (f: string): boolean => /\.(json|xml)$/i.test(f);
      const data = files.filter(isData);
      runValidate(files.filter((f) => !isData(f)), { ...opts, data: [...(opts.data ?? []), ...data] });
    });
}
