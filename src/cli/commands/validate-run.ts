/** `yangkit validate`'s work, loaded only when the command runs (the readers and the engine are not small). */
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
import { compileOrExit, UsageError, type CompileFlags } from '../options.js';

export interface ValidateFlags extends CompileFlags {
  data?: string[];
  type: DataKind;
  operational?: string;
  verbose?: boolean;
}

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

export function runValidate(modules: string[], opts: ValidateFlags): void {
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
}
