import { Option, type Command } from 'commander';
import { SwaggerOptionError, swaggerOptionDefinitions, swaggerOptionsFromFlags, type SwaggerOptions } from '../../emit/swagger/options.js';
import type { SchemaSet } from '../../ir/types.js';
import { compileOrExit, UsageError, withCompileOptions, type CompileFlags } from '../options.js';
import { blockWriter, writeFileAtomic, writeFileAtomicStream } from '../../output/write-atomic.js';

interface DocumentFlags extends CompileFlags {
  output?: string;
  [flag: string]: unknown;
}

/** Builds the document, its paths as they are written (see `Members`). */
type Emitter = (schema: SchemaSet, module: string, opts: SwaggerOptions) => object;

/** `yangkit swagger` and `yangkit openapi`: one module (plus the modules augmenting it) to one API document. */
export function registerSwaggerCommands(program: Command): void {
  // Emitters are loaded by the command that runs them, so that other commands start faster.
  register(program, 'swagger', 'Swagger 2.0', async () => (await import('../../emit/swagger/index.js')).swaggerDocument);
  register(program, 'openapi', 'OpenAPI 3.1', async () => (await import('../../emit/openapi/index.js')).openApiDocument);
}

function register(program: Command, name: string, title: string, loadEmitter: () => Promise<Emitter>): void {
  const cmd = withCompileOptions(program.command(name))
    .description(`write the ${title} document of the RESTCONF API of a module (as yanger -f swagger)`)
    .argument('<module>', 'the YANG module to document')
    .argument('[augmenting...]', 'modules that augment or deviate it, to include')
    .option('-o, --output <file>', 'output file; .json, .yaml or .yml (default: JSON on stdout)');
  for (const def of swaggerOptionDefinitions) {
    const value = def.kind === 'boolean' ? ' [true|false]' : def.kind === 'choice' ? ` <${def.choices!.join('|')}>` : ' <value>';
    const option = new Option(`${def.flag}${value}`, def.description);
    if (def.kind === 'choice') option.choices(def.choices!);
    cmd.addOption(option);
  }
  cmd.action(async (module: string, augmenting: string[], flags: DocumentFlags) => {
    const options = parseOptions(flags);
    const { documentFormat, serializeDocument, writeJson } = await import('../../emit/swagger/serialize.js');
    const format = flags.output ? documentFormatOrThrow(documentFormat, flags.output) : 'json';
    const { schema } = compileOrExit([module, ...augmenting], flags);
    const emit = await loadEmitter();
    const doc = emit(schema, schema.inputs[0]!, options);
    // JSON is written as it is made: the document of a large module is tens of megabytes.
    if (!flags.output) {
      const out = blockWriter((block) => process.stdout.write(block));
      writeJson(doc, out.write);
      out.end();
    } else if (format === 'json') writeFileAtomicStream(flags.output, (write) => writeJson(doc, write));
    else writeFileAtomic(flags.output, serializeDocument(doc, flags.output));
  });
}

const BOOLEAN_FLAGS = new Set(swaggerOptionDefinitions.filter((d) => d.kind === 'boolean').map((d) => d.flag));

/**
 * yanger's boolean flags take an optional `true`/`false` (`--swagger-omit-body-params false`).
 * Each is rewritten to `--flag=value` before parsing, so that a bare flag never takes the
 * next argument (a module file) as its value.
 */
export function attachBooleanFlagValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!BOOLEAN_FLAGS.has(arg)) {
      out.push(arg);
      continue;
    }
    const next = argv[i + 1];
    const explicit = next === 'true' || next === 'false';
    out.push(`${arg}=${explicit ? next : 'true'}`);
    if (explicit) i++;
  }
  return out;
}

function parseOptions(flags: DocumentFlags): SwaggerOptions {
  try {
    return swaggerOptionsFromFlags(flags);
  } catch (err) {
    if (err instanceof SwaggerOptionError) throw new UsageError(err.message);
    throw err;
  }
}

function documentFormatOrThrow<F>(documentFormat: (file: string) => F, file: string): F {
  try {
    return documentFormat(file);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
