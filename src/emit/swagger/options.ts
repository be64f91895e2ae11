/**
 * Options of the Swagger/OpenAPI emitters, named and defaulted like yanger's
 * `-f swagger` flags so existing command lines keep working.
 */

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const TAG_MODES = ['methods', 'resources', 'all'] as const;
/** How operations are tagged: by HTTP method, by top resource (root/data/operations), or both. */
export type TagMode = (typeof TAG_MODES)[number];

export const TOP_RESOURCES = ['root', 'data', 'operations', 'all'] as const;
/** Which RESTCONF top resource trees are emitted. */
export type TopResource = (typeof TOP_RESOURCES)[number];

export interface SwaggerOptions {
  host?: string;
  /** RESTCONF root resource, e.g. `/restconf`. */
  basePath: string;
  /** API version; defaults to the module's revision. */
  version?: string;
  tagMode: TagMode;
  terms?: string;
  contactName?: string;
  contactUrl?: string;
  contactEmail?: string;
  licenseName?: string;
  licenseUrl?: string;
  topResource: TopResource;
  omitQueryParams: boolean;
  omitBodyParams: boolean;
  /** RESTCONF defines no form parameters; kept for yanger command-line compatibility. */
  omitFormParams: boolean;
  omitHeaderParams: boolean;
  omitPathParams: boolean;
  omitStandardStatuses: boolean;
  methods: HttpMethod[];
  /** Only paths (relative to basePath, e.g. `/data/dhcp:dhcp`) starting with this are emitted. */
  pathFilter?: string;
  /** Emit resources for data nodes at most this many levels below `/data`; deeper nodes stay in bodies. */
  maxDepth?: number;
  /** Emit only the resources of YANG actions. */
  onlyActions: boolean;
}

export const defaultSwaggerOptions: Readonly<SwaggerOptions> = Object.freeze({
  basePath: '/restconf',
  tagMode: 'all',
  topResource: 'all',
  omitQueryParams: false,
  omitBodyParams: false,
  omitFormParams: false,
  omitHeaderParams: false,
  omitPathParams: false,
  omitStandardStatuses: false,
  methods: [...HTTP_METHODS],
  onlyActions: false,
});

type ValueKind = 'string' | 'boolean' | 'choice' | 'methods' | 'positive-integer';

/** One command-line option, for a CLI to declare without knowing the emitter. */
export interface SwaggerOptionDefinition {
  /** Long flag, e.g. `--swagger-host`. */
  flag: string;
  /** The `SwaggerOptions` field it sets; absent for yanger flags accepted (and checked) but without effect here. */
  key?: keyof SwaggerOptions;
  description: string;
  kind: ValueKind;
  /** Allowed values of a `choice` option. */
  choices?: readonly string[];
  /** Default as a CLI would display it; absent when the option is simply unset by default. */
  default?: string | boolean;
}

export const swaggerOptionDefinitions: readonly SwaggerOptionDefinition[] = [
  { flag: '--swagger-host', key: 'host', kind: 'string', description: 'Add host to the Swagger output' },
  {
    flag: '--swagger-basepath',
    key: 'basePath',
    kind: 'string',
    description: 'Add basePath (the RESTCONF root resource) to the Swagger output',
    default: '/restconf',
  },
  {
    flag: '--swagger-version',
    key: 'version',
    kind: 'string',
    description: 'API version; overrides the revision of the YANG module',
  },
  {
    flag: '--swagger-tag-mode',
    key: 'tagMode',
    kind: 'choice',
    choices: TAG_MODES,
    description: 'Tag operations by HTTP method, by top resource, or both',
    default: 'all',
  },
  { flag: '--swagger-terms', key: 'terms', kind: 'string', description: 'Add termsOfService to the Swagger output' },
  { flag: '--swagger-contact-name', key: 'contactName', kind: 'string', description: 'Add contact name to the Swagger output' },
  { flag: '--swagger-contact-url', key: 'contactUrl', kind: 'string', description: 'Add contact url to the Swagger output' },
  { flag: '--swagger-contact-email', key: 'contactEmail', kind: 'string', description: 'Add contact email to the Swagger output' },
  { flag: '--swagger-license-name', key: 'licenseName', kind: 'string', description: 'Add license name to the Swagger output' },
  { flag: '--swagger-license-url', key: 'licenseUrl', kind: 'string', description: 'Add license url to the Swagger output' },
  {
    flag: '--swagger-top-resource',
    key: 'topResource',
    kind: 'choice',
    choices: TOP_RESOURCES,
    description: 'Generate only the resources under this top resource',
    default: 'all',
  },
  { flag: '--swagger-omit-query-params', key: 'omitQueryParams', kind: 'boolean', description: 'Omit RESTCONF query parameters', default: false },
  { flag: '--swagger-omit-body-params', key: 'omitBodyParams', kind: 'boolean', description: 'Omit request bodies', default: false },
  {
    flag: '--swagger-omit-form-params',
    key: 'omitFormParams',
    kind: 'boolean',
    description: 'Omit form parameters (RESTCONF has none; accepted for yanger compatibility)',
    default: false,
  },
  {
    flag: '--swagger-omit-header-params',
    key: 'omitHeaderParams',
    kind: 'boolean',
    description: 'Omit conditional request headers (If-Match, If-None-Match, ...)',
    default: false,
  },
  {
    flag: '--swagger-omit-path-params',
    key: 'omitPathParams',
    kind: 'boolean',
    description: 'Omit path parameters (list keys); the result is then no longer a valid document',
    default: false,
  },
  {
    flag: '--swagger-omit-standard-statuses',
    key: 'omitStandardStatuses',
    kind: 'boolean',
    description: 'Omit standard error statuses; the success status of each operation stays',
    default: false,
  },
  {
    flag: '--swagger-methods',
    key: 'methods',
    kind: 'methods',
    description: 'Comma-separated HTTP methods to include, e.g. "get, post" (head and options are accepted, and not documented)',
    default: HTTP_METHODS.join(', '),
  },
  {
    flag: '--swagger-path-filter',
    key: 'pathFilter',
    kind: 'string',
    description: 'Only emit paths starting with this, e.g. "/data/example-jukebox:jukebox/library"',
  },
  {
    flag: '--swagger-max-depth',
    key: 'maxDepth',
    kind: 'positive-integer',
    description: 'Only emit resources for data nodes at most this many levels below /data (-1: no limit, as yanger)',
  },
  { flag: '--swagger-only-actions', key: 'onlyActions', kind: 'boolean', description: 'Only emit the resources of YANG actions', default: false },
  // yanger flags with nothing to do in yangkit: accepted so that scripts written for yanger keep working.
  {
    flag: '--swagger-int64-as-string',
    kind: 'boolean',
    description: 'No effect: 64-bit integers are always JSON strings (RFC 7951 6.1); accepted for yanger compatibility',
    default: false,
  },
  {
    flag: '--swagger-only-nso-services',
    kind: 'boolean',
    description: 'No effect: yangkit knows no NSO services; accepted for yanger compatibility',
    default: false,
  },
  {
    flag: '--swagger-hide-nso-services-data',
    kind: 'boolean',
    description: 'No effect: yangkit knows no NSO services; accepted for yanger compatibility',
    default: false,
  },
  {
    flag: '--swagger-only-list-keys',
    kind: 'boolean',
    description: 'No effect: list entries are always documented in full; accepted for yanger compatibility',
    default: false,
  },
  {
    flag: '--swagger-unhide',
    kind: 'string',
    description: 'No effect: yangkit hides no nodes (tailf:hidden is not honoured); accepted for yanger compatibility',
  },
  {
    flag: '--swagger-unhide-all',
    kind: 'boolean',
    description: 'No effect: yangkit hides no nodes (tailf:hidden is not honoured); accepted for yanger compatibility',
    default: false,
  },
];

/** Methods yanger accepts but yangkit does not document (RFC 8040 allows them on every resource). */
const UNDOCUMENTED_METHODS = ['head', 'options'];

export class SwaggerOptionError extends Error {
  override name = 'SwaggerOptionError';
}

/**
 * Builds options from parsed command-line flags. Each option is looked up by its
 * flag name without dashes (`swagger-host`) or by commander's camelCase attribute
 * (`swaggerHost`); unknown keys are ignored since the CLI passes all its flags.
 */
export function swaggerOptionsFromFlags(flags: Record<string, unknown>): SwaggerOptions {
  const options: SwaggerOptions = { ...defaultSwaggerOptions, methods: [...defaultSwaggerOptions.methods] };
  const target = options as unknown as Record<string, unknown>;
  for (const def of swaggerOptionDefinitions) {
    const name = def.flag.slice(2);
    const raw = flags[name] ?? flags[camelCase(name)];
    if (raw === undefined) continue;
    const value = parseValue(def, raw);
    if (def.key) target[def.key] = value;
  }
  if (options.licenseUrl !== undefined && options.licenseName === undefined) {
    throw new SwaggerOptionError('--swagger-license-url needs --swagger-license-name: a license object must have a name');
  }
  return options;
}

function parseValue(def: SwaggerOptionDefinition, raw: unknown): unknown {
  switch (def.kind) {
    case 'string':
      if (typeof raw !== 'string') throw new SwaggerOptionError(`${def.flag} expects a string, got ${JSON.stringify(raw)}`);
      return raw;
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new SwaggerOptionError(`${def.flag} expects true or false, got ${JSON.stringify(raw)}`);
    case 'choice':
      if (typeof raw === 'string' && def.choices!.includes(raw)) return raw;
      throw new SwaggerOptionError(`${def.flag} expects one of ${def.choices!.join(', ')}, got ${JSON.stringify(raw)}`);
    case 'methods':
      return parseMethods(def.flag, raw);
    case 'positive-integer': {
      // yanger's default, "no limit".
      if (raw === -1 || raw === '-1') return undefined;
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < 1) throw new SwaggerOptionError(`${def.flag} expects a positive integer, got ${JSON.stringify(raw)}`);
      return n;
    }
  }
}

function parseMethods(flag: string, raw: unknown): HttpMethod[] {
  const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
  if (!parts) throw new SwaggerOptionError(`${flag} expects a comma-separated list of methods, got ${JSON.stringify(raw)}`);
  const methods = new Set<HttpMethod>();
  for (const part of parts) {
    const m = String(part).trim().toLowerCase();
    if (m === '' || UNDOCUMENTED_METHODS.includes(m)) continue;
    if (!(HTTP_METHODS as readonly string[]).includes(m)) {
      throw new SwaggerOptionError(`${flag}: unsupported method '${m}' (expected ${[...HTTP_METHODS, ...UNDOCUMENTED_METHODS].join(', ')})`);
    }
    methods.add(m as HttpMethod);
  }
  if (methods.size === 0) throw new SwaggerOptionError(`${flag} needs at least one method`);
  return HTTP_METHODS.filter((m) => methods.has(m));
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
