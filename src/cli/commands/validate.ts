import { Option, type Command } from 'commander';
import {
  DataFileError,
  DataPositions,
  type DataDocument,
  formatLoc,
  mergeDocuments,
  readDataFile,
} from '../../data-files/index.js';
import type { SchemaSet } from '../../ir/types.js';
import { type DataKind, validateData } from '../../validate/index.js';
import { compileOrExit, UsageError, withCompileOptions, type CompileFlags } from '../options.js';

const DATA_KINDS: readonly DataKind[] = ['data', 'config', 'get-reply', 'edit', 'rpc', 'rpc-reply', 'notification'];

interface ValidateFlags extends CompileFlags {
  data?: string[];
  type: DataKind;
  operational?: string;
  verbose?: boolean;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Reads every file, printing each one that cannot be read; undefined when any failed. */
function readAll(files: string[], schema: SchemaSet, positions: DataPositions, type: DataKind): DataDocument[] | undefined {
  const docs: DataDocument[] = [];
  let failed = false;
  for (const file of files) {
    try {
      docs.push(readDataFile(file, schema, positions, { operations: type === 'rpc-reply' ? 'output' : 'input' }));
    } catch (err) {
      if (!(err instanceof DataFileError)) throw err;
      process.stderr.write(`${formatLoc(err.loc)}: error: ${err.message} [${err.rule}]\n`);
      failed = true;
    }
  }
  return failed ? undefined : docs;
}

export function registerValidateCommand(program: Command): void {
  withCompileOptions(program.command('validate'))
    .description('validate instance data (JSON or XML) against modules, like yanglint -t (exit 1 on errors)')
    .argument('<modules...>', 'YANG files')
    .option('-d, --data <file>', 'instance document, .json (RFC 7951) or .xml (repeatable: the files merge into one tree)', collect)
    .addOption(new Option('-t, --type <type>', 'what the data is').choices(DATA_KINDS).default('data'))
    .option('-O, --operational <file>', 'the datastore an rpc, action, reply or notification refers to (leafrefs, must, when)')
    .option('--verbose', 'print a summary when the data is valid')
    .action((modules: string[], opts: ValidateFlags) => {
      if (!opts.data?.length) throw new UsageError('give the data to validate with -d FILE');
      const { schema } = compileOrExit(modules, opts);
      const positions = new DataPositions();
      const docs = readAll(opts.data, schema, positions, opts.type);
      const operational = opts.operational ? readAll([opts.operational], schema, positions, 'data') : [];
      if (!docs || !operational) process.exit(1);
      // One encoding for the whole tree and the datastore it reads: lexical as soon as one file is XML.
      const lexical = [...docs, ...operational].some((d) => d.encoding === 'xml');
      const data = mergeDocuments(docs, schema, positions, lexical);
      const datastore = operational.length ? mergeDocuments(operational, schema, positions, lexical).document : undefined;
      const errors = validateData(schema, data.document, { type: opts.type, encoding: data.encoding, ...(datastore ? { datastore } : {}) });
      for (const e of errors) {
        const loc = positions.locate(e.at);
        process.stderr.write(`${loc ? `${formatLoc(loc)}: ` : ''}error: ${e.message} [${e.rule}]${e.path ? ` (${e.path})` : ''}\n`);
      }
      if (errors.length) process.exit(1);
      if (opts.verbose) process.stdout.write(`${opts.data.join(', ')}: valid ${opts.type} (${modules.length} module${modules.length === 1 ? '' : 's'})\n`);
    });
}
