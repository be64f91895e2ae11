import { SwaggerOptionError, swaggerOptionDefinitions, swaggerOptionsFromFlags, type SwaggerOptions } from '../emit/swagger/options.js';
import type { SchemaSet } from '../ir/types.js';

/** Options of a build config entry that its emitter does not accept. */
export class EmitterOptionsError extends Error {}

/**
 * An output format that `yangkit build` can produce. Emitters read only the IR:
 * a `module` emitter runs once per input module and reads that module's IR, the
 * outline (everything but the schema trees) of the modules it names, and the
 * identities; a `set` emitter runs once and may read the whole set. The build
 * re-runs an emitter only when what it may read changed.
 */
export interface EmitterDefinition<Options = unknown> {
  name: string;
  description: string;
  scope: 'module' | 'set';
  /** The output shows no description: edits that only reword descriptions do not re-run it. */
  ignoresDescriptions?: boolean;
  /** Checks and completes the `options` object of a config entry; throws `EmitterOptionsError`. */
  parseOptions(raw: Record<string, unknown>): Options;
  /** The output files, by path relative to the entry's `out` folder. */
  emit(schema: SchemaSet, modules: readonly string[], options: Options): Promise<Map<string, string>>;
}

const registry = new Map<string, EmitterDefinition>();

/** Adds an emitter (or replaces one of the same name). */
export function registerEmitter<Options>(emitter: EmitterDefinition<Options>): void {
  registry.set(emitter.name, emitter as EmitterDefinition);
}

export function findEmitter(name: string): EmitterDefinition | undefined {
  return registry.get(name);
}

export function emitterNames(): string[] {
  return [...registry.keys()];
}

function noOptions(raw: Record<string, unknown>): Record<string, never> {
  const keys = Object.keys(raw);
  if (keys.length) throw new EmitterOptionsError(`unknown option "${keys[0]}" (this emitter takes none)`);
  return {};
}

// Each emitter's code is loaded when it first runs: a command that emits nothing starts without it.
registerEmitter({
  name: 'tree',
  description: 'RFC 8340 tree diagram, <module>.txt',
  scope: 'module',
  ignoresDescriptions: true,
  parseOptions: noOptions,
  async emit(schema, modules) {
    const { emitTree } = await import('../emit/tree/index.js');
    return new Map(modules.map((m) => [`${m}.txt`, emitTree(schema, m)]));
  },
});

type DocumentOptions = SwaggerOptions & { format: 'json' | 'yaml' };

/** Config keys are the `SwaggerOptions` field names (`host`, `basePath`, `methods`...) plus `format`. */
function parseDocumentOptions(raw: Record<string, unknown>): DocumentOptions {
  const { format = 'json', ...rest } = raw;
  if (format !== 'json' && format !== 'yaml') throw new EmitterOptionsError(`"format" must be "json" or "yaml", not ${JSON.stringify(format)}`);
  const flags: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    const def = swaggerOptionDefinitions.find((d) => d.key === key);
    if (!def) throw new EmitterOptionsError(`unknown option "${key}" (known: format, ${swaggerOptionDefinitions.map((d) => d.key).join(', ')})`);
    flags[def.flag.slice(2)] = value;
  }
  try {
    return { ...swaggerOptionsFromFlags(flags), format };
  } catch (err) {
    if (!(err instanceof SwaggerOptionError)) throw err;
    // The emitter words its errors for command-line flags; name the config keys instead.
    let message = err.message;
    for (const def of swaggerOptionDefinitions) message = message.replaceAll(def.flag, `"${def.key}"`);
    throw new EmitterOptionsError(message);
  }
}

type DocumentEmitter = (schema: SchemaSet, module: string, opts: SwaggerOptions) => object;

for (const [name, title, loadEmitter] of [
  ['swagger', 'Swagger 2.0', async () => (await import('../emit/swagger/index.js')).emitSwagger],
  ['openapi', 'OpenAPI 3.1', async () => (await import('../emit/openapi/index.js')).emitOpenApi],
] as const satisfies readonly (readonly [string, string, () => Promise<DocumentEmitter>])[]) {
  registerEmitter({
    name,
    description: `${title} document of the module's RESTCONF API, <module>.${name}.json (or .yaml)`,
    scope: 'module',
    parseOptions: parseDocumentOptions,
    async emit(schema, modules, { format, ...options }) {
      const [emit, { serializeDocument }] = await Promise.all([loadEmitter(), import('../emit/swagger/serialize.js')]);
      return new Map(
        modules.map((m) => {
          const file = `${m}.${name}.${format}`;
          return [file, serializeDocument(emit(schema, m, options), file)];
        }),
      );
    },
  });
}

registerEmitter({
  name: 'types',
  description: 'TypeScript types for RFC 7951 JSON data of the set, one .ts file per module and index.ts',
  scope: 'set',
  parseOptions(raw) {
    const { validators = false, ...rest } = raw;
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) throw new EmitterOptionsError(`unknown option "${unknown}" (known: validators)`);
    if (typeof validators !== 'boolean') throw new EmitterOptionsError(`"validators" must be true or false, not ${JSON.stringify(validators)}`);
    return { validators };
  },
  async emit(schema, _modules, options) {
    // Loaded on use, with prettier's document printer, only when the set has a types output.
    const { emitTypes } = await import('../emit/types/index.js');
    return emitTypes(schema, options);
  },
});
