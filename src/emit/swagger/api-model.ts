/**
 * The REST API of one module, independent of the OpenAPI version: built once
 * from the IR and options, then serialised by the Swagger 2.0 and OpenAPI 3.1
 * emitters. Schemas are in the 3.1 dialect (see `json-schema.ts`).
 */
import type { DataNode, LeafListNode, LeafNode, ModuleIR, OperationNode, SchemaNode, SchemaSet } from '../../ir/types.js';
import { DataSchemas, RESTCONF_DATA, dataChildren, qualifiedName, uniqueName, wrap } from './data-schemas.js';
import { typeSchema, schemaRef, type JsonSchema } from './json-schema.js';
import { definedOnly, Interner } from './objects.js';
import { HTTP_METHODS, type HttpMethod, type SwaggerOptions } from './options.js';
import { collectResources, type Resource } from './resources.js';
import {
  ERROR_STATUSES,
  ERRORS_SCHEMA,
  ERRORS_SCHEMA_NAME,
  READ_ERRORS,
  SHARED_PARAMETERS,
  WRITE_ERRORS,
  type ApiParameter,
  type ErrorStatus,
  type SharedParameterName,
} from './restconf.js';

export type { ApiParameter } from './restconf.js';

export interface ApiModel {
  info: {
    title: string;
    description?: string;
    version: string;
    termsOfService?: string;
    contact?: { name?: string; url?: string; email?: string };
    license?: { name: string; url?: string };
  };
  host?: string;
  basePath: string;
  tags: { name: string; description: string }[];
  paths: ApiPath[];
  /**
   * Named schemas referenced as `#/components/schemas/<name>`: data node contents,
   * typedefs, and resource bodies that several resources share.
   */
  schemas: Record<string, JsonSchema>;
  /**
   * Parameters declared once and referenced by name: the RESTCONF query and header
   * parameters some operation uses, then the path parameters (list keys, leaf-list
   * values), one per distinct parameter, named as in URLs (`-2`, ... when one URL name
   * stands for different keys).
   */
  parameters: Record<string, ApiParameter>;
  /** Request bodies that several resources share, named as their schema. */
  requestBodies: Record<string, ApiRequestBody>;
  /** The error responses some operation uses, by status, then the responses that several resources share. */
  responses: Record<string, ApiResponse>;
}

export interface ApiPath {
  /** Relative to the RESTCONF root, e.g. `/data/dhcp:dhcp`. */
  path: string;
  /** Path parameters (list keys, leaf-list values), common to all its operations, by name in `ApiModel.parameters`. */
  parameters: { shared: string }[];
  operations: ApiOperation[];
}

export interface ApiOperation {
  method: HttpMethod;
  tags: string[];
  summary: string;
  description?: string;
  operationId: string;
  /** The target node is deprecated or obsolete. */
  deprecated?: true;
  /** Query and header parameters, by name. */
  parameters: { shared: SharedParameterName }[];
  requestBody?: ApiRequestBody | { shared: string };
  responses: { status: string; response: ApiResponse | { shared: string } }[];
}

/**
 * The members both document versions open an operation with, in their order (the tag
 * lists, which recur from operation to operation, held once by `interner`).
 */
export function operationHeader(op: ApiOperation, interner: Interner) {
  return {
    tags: interner.get(`tags ${op.tags.join(' ')}`, () => op.tags),
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: op.operationId,
    ...(op.deprecated ? { deprecated: true } : {}),
  };
}

export interface ApiRequestBody {
  /** Swagger 2.0 names body parameters. */
  name: string;
  description?: string;
  schema: JsonSchema;
}

export interface ApiResponse {
  description: string;
  schema?: JsonSchema;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

/** RFC 8040 11.3.2; the schemas describe this encoding only. */
export const YANG_DATA_JSON = 'application/yang-data+json';
/** RFC 8040 11.3.1; accepted and returned by servers, but not described by the JSON schemas. */
export const YANG_DATA_XML = 'application/yang-data+xml';

const TAG_DESCRIPTIONS: Record<string, string> = {
  root: 'RESTCONF root resource and ietf-yang-library version (RFC 8040 3.1, 3.3.3)',
  operations: 'RPC operations (RFC 8040 3.3.2, 3.6)',
  data: 'Datastore, data resources and actions (RFC 8040 3.3.1, 3.5, 3.6)',
  get: 'Retrieve',
  post: 'Create a child resource, or invoke an operation',
  put: 'Create or replace',
  patch: 'Merge',
  delete: 'Delete',
};

const NO_ERRORS: readonly ErrorStatus[] = [];

export function buildApiModel(schema: SchemaSet, moduleName: string, opts: SwaggerOptions): ApiModel {
  const module = schema.modules[moduleName];
  if (!module) throw new Error(`module '${moduleName}' is not in the compiled schema set`);
  return new ApiModelBuilder(schema, module, opts).build();
}

class ApiModelBuilder {
  private readonly data: DataSchemas;
  private readonly parameters: Partial<Record<SharedParameterName, ApiParameter>> = {};
  private readonly responses: Partial<Record<ErrorStatus, ApiResponse>> = {};
  // Swagger 2.0 lists path and body parameters in one section: their names must differ.
  private readonly pathParameters: Declarations<ApiParameter> = new Declarations((name) => name in this.parameters || name in this.requestBodies.declared);
  private readonly requestBodies: Declarations<ApiRequestBody> = new Declarations((name) => name in this.parameters || name in this.pathParameters.declared);
  private readonly sharedResponses: Declarations<ApiResponse> = new Declarations((name) => name in this.responses);
  /** Bodies of data resources, built once per resource for all its methods (see `shareBodies`). */
  private readonly bodies = new Map<DataNode, ResourceBody>();
  private readonly createBodies = new Map<DataNode, ResourceBody>();
  private readonly operationIds = new Set<string>();
  private readonly interner = new Interner();
  /** Path parameters by key leaf (or leaf-list) and URL name: each is declared once. */
  private readonly pathParameterNames = new Map<LeafNode | LeafListNode, Map<string, string>>();
  private readonly tags = new Set<string>();
  private readonly errorEntries = new Map<readonly ErrorStatus[], { status: string; response: { shared: string } }[]>();

  constructor(
    schemaSet: SchemaSet,
    private readonly module: ModuleIR,
    private readonly opts: SwaggerOptions,
  ) {
    this.data = new DataSchemas(schemaSet, module);
  }

  build(): ApiModel {
    const { module, opts } = this;
    const resources = collectResources(module, opts.topResource, opts.maxDepth).filter(
      (r) => (opts.pathFilter === undefined || r.path.startsWith(opts.pathFilter)) && (!opts.onlyActions || isAction(r)),
    );
    const paths = resources
      .map((r) => ({ r, operations: this.operations(r) }))
      .filter((p) => p.operations.length > 0)
      .map(({ r, operations }) => ({ path: r.path, parameters: this.pathParams(r), operations }));
    this.shareBodies(paths);
    const contact = { name: opts.contactName, url: opts.contactUrl, email: opts.contactEmail };
    return {
      info: {
        title: module.name,
        ...(module.description ? { description: module.description } : {}),
        version: opts.version ?? module.revision ?? 'unrevised',
        ...(opts.terms ? { termsOfService: opts.terms } : {}),
        ...(Object.values(contact).some((v) => v !== undefined) ? { contact: definedOnly(contact) } : {}),
        ...(opts.licenseName ? { license: definedOnly({ name: opts.licenseName, url: opts.licenseUrl }) } : {}),
      },
      ...(opts.host ? { host: opts.host } : {}),
      basePath: opts.basePath,
      tags: Object.keys(TAG_DESCRIPTIONS)
        .filter((t) => this.tags.has(t))
        .map((name) => ({ name, description: TAG_DESCRIPTIONS[name]! })),
      paths,
      schemas: Object.keys(this.responses).length ? { ...this.data.schemas, [ERRORS_SCHEMA_NAME]: structuredClone(ERRORS_SCHEMA) } : this.data.schemas,
      parameters: { ...this.parameters, ...this.pathParameters.declared },
      requestBodies: this.requestBodies.declared,
      responses: { ...this.responses, ...this.sharedResponses.declared },
    };
  }

  /** A list key is in the path of every descendant of its list: each distinct parameter is declared once. */
  private pathParams(r: Resource): { shared: string }[] {
    if (this.opts.omitPathParams) return [];
    return r.pathParams.map((p) => {
      let names = this.pathParameterNames.get(p.source);
      if (!names) this.pathParameterNames.set(p.source, (names = new Map()));
      let name = names.get(p.name);
      if (name === undefined) {
        const param: ApiParameter = {
          name: p.name,
          in: 'path',
          required: true,
          ...(p.source.description ? { description: p.source.description } : {}),
          schema: typeSchema(p.source.type, p.source.module),
        };
        names.set(p.name, (name = this.pathParameters.declare(p.name, param)));
      }
      return this.interner.get(`parameter ${name}`, () => ({ shared: name }));
    });
  }

  /**
   * A body that several resources have in common (those of the uses of a grouping, or
   * the `config` and `state` containers of OpenConfig, whose leaves are alike) is declared
   * once, as a named schema `body.<name>` (`create.<name>` for a POST) after the first
   * resource, and as the request body and the response that carry it; a body of one
   * resource stays inline, however many of its methods carry it.
   */
  private shareBodies(paths: ApiPath[]): void {
    const groups = new Map<string, ResourceBody[]>();
    for (const [kind, bodies] of [
      ['body', this.bodies],
      ['create', this.createBodies],
    ] as const) {
      for (const body of bodies.values()) {
        const key = `${kind} ${JSON.stringify(body.schema)}`;
        const group = groups.get(key);
        if (group) group.push(body);
        else groups.set(key, [body]);
      }
    }
    const names = new Map<JsonSchema, string>();
    for (const [key, group] of groups) {
      if (group.length < 2) continue;
      const [first] = group as [ResourceBody];
      const name = this.data.register(first, `${key.slice(0, key.indexOf(' '))}.${this.data.nameOf(first.node)}`, () => first.schema);
      for (const body of group) names.set(body.schema, name);
    }
    if (names.size === 0) return;
    for (const op of paths.flatMap((p) => p.operations)) {
      const body = op.requestBody;
      const bodyName = body && 'schema' in body ? names.get(body.schema) : undefined;
      if (bodyName !== undefined)
        op.requestBody = { shared: this.requestBodies.declare(bodyName, { ...(body as ApiRequestBody), schema: schemaRef(bodyName) }) };
      for (const entry of op.responses) {
        const response = entry.response;
        if ('shared' in response || !response.schema) continue;
        const responseName = names.get(response.schema);
        if (responseName !== undefined)
          entry.response = { shared: this.sharedResponses.declare(responseName, { ...response, schema: schemaRef(responseName) }) };
      }
    }
  }

  private operations(r: Resource): ApiOperation[] {
    const idBase = operationIdBase(r.path);
    return this.methodsOf(r)
      .filter((m) => this.opts.methods.includes(m))
      .map((m) => this.operation(r, m, idBase));
  }

  private methodsOf(r: Resource): HttpMethod[] {
    const t = r.target;
    switch (t.kind) {
      case 'api-root':
      case 'yang-library-version':
      case 'operations':
        return ['get'];
      case 'operation':
        return ['post'];
      case 'datastore': {
        const configTop = dataChildren(t.nodes).some((n) => n.config);
        return configTop ? ['get', 'post', 'put', 'patch'] : ['get'];
      }
      case 'data': {
        if (!t.node.config) return ['get'];
        return HTTP_METHODS.filter((m) => m !== 'post' || creatableChildren(t.node).length > 0);
      }
    }
  }

  private operation(r: Resource, method: HttpMethod, idBase: string): ApiOperation {
    const spec = this.spec(r, method);
    const tagMode = this.opts.tagMode;
    const tags = this.interner.get(`tags ${r.top} ${method}`, () => [...(tagMode === 'methods' ? [] : [r.top]), ...(tagMode === 'resources' ? [] : [method])]);
    tags.forEach((t) => this.tags.add(t));
    const shared = [...(this.opts.omitQueryParams ? [] : spec.query), ...(this.opts.omitHeaderParams ? [] : spec.headers)];
    // Copied, so that callers changing a document cannot change the next one.
    for (const name of shared) this.parameters[name] ??= structuredClone(SHARED_PARAMETERS[name]);
    return {
      method,
      tags,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      operationId: this.operationId(idBase, method),
      ...(isOutdated(r) ? { deprecated: true } : {}),
      parameters: this.interner.get(`parameters ${shared.join(' ')}`, () => shared.map((name) => ({ shared: name }))),
      ...(spec.body && !this.opts.omitBodyParams ? { requestBody: { ...spec.body, schema: spec.body.schema() } } : {}),
      responses: [
        ...spec.success.map(([status, response]) => ({ status, response })),
        ...this.errorResponses(this.opts.omitStandardStatuses ? NO_ERRORS : spec.errors),
      ],
    };
  }

  /** The responses of a list of error statuses, declared and made once per list: operations share a few lists. */
  private errorResponses(errors: readonly ErrorStatus[]): { status: string; response: { shared: string } }[] {
    let entries = this.errorEntries.get(errors);
    if (!entries) {
      for (const status of errors) this.responses[status] ??= { description: ERROR_STATUSES[status], schema: schemaRef(ERRORS_SCHEMA_NAME) };
      entries = errors.map((status) => this.interner.get(`error ${status}`, () => ({ status, response: { shared: status } })));
      this.errorEntries.set(errors, entries);
    }
    return entries;
  }

  /** What RFC 8040 says about `method` on the target of `r`. */
  private spec(r: Resource, method: HttpMethod): OperationSpec {
    const t = r.target;
    switch (t.kind) {
      case 'api-root':
        return readOnlySpec('Retrieve the RESTCONF root resource', 'The top-level resource (RFC 8040 3.3).', 'ietf-restconf:restconf', {
          type: 'object',
          properties: { data: { type: 'object' }, operations: { type: 'object' }, 'yang-library-version': { type: 'string' } },
        });
      case 'yang-library-version':
        return readOnlySpec(
          'Retrieve the ietf-yang-library revision',
          'The revision date of the ietf-yang-library module the server implements (RFC 8040 3.3.3).',
          'ietf-restconf:yang-library-version',
          { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
        );
      case 'operations':
        return readOnlySpec('List the RPC operations', 'Each operation the server supports, as an empty leaf (RFC 8040 3.3.2).', 'ietf-restconf:operations', {
          type: 'object',
          properties: Object.fromEntries(this.module.rpcs.map((rpc) => [qualifiedName(rpc), typeSchema({ base: 'empty', name: 'empty' }, this.module.name)])),
        });
      case 'operation':
        return this.operationSpec(t.node);
      case 'datastore':
        return this.dataSpec(method, 'the datastore', 'The combined configuration and state data resources (RFC 8040 3.3.1).', {
          member: RESTCONF_DATA,
          value: () => this.data.datastore(t.nodes),
          creatable: createChoices(t.nodes),
          bodyName: 'data',
          orderedByUser: false,
        });
      case 'data':
        return this.dataSpec(method, `${t.node.kind} ${qualifiedName(t.node)}`, t.node.description, {
          member: qualifiedName(t.node),
          node: t.node,
          value: () => this.data.resourceValue(t.node),
          creatable: creatableChildren(t.node),
          bodyName: t.node.name,
          orderedByUser: (t.node.kind === 'list' || t.node.kind === 'leaf-list') && t.node.orderedBy === 'user',
        });
    }
  }

  private dataSpec(method: HttpMethod, label: string, description: string | undefined, target: DataTarget): OperationSpec {
    // Lazy, so that a method filter leaves no unused named schemas behind.
    const body = () => this.resourceBody(this.bodies, target.node, () => wrap(target.member, target.value()));
    const common = { ...(description ? { description } : {}) };
    switch (method) {
      case 'get':
        return {
          ...common,
          summary: `Retrieve ${label}`,
          query: ['content', 'depth', 'fields', 'with-defaults'],
          headers: ['If-None-Match', 'If-Modified-Since'],
          success: [['200', { description: 'OK', schema: body() }]],
          errors: READ_ERRORS,
        };
      case 'post': {
        const created = target.creatable;
        return {
          ...common,
          summary: `Create a child resource of ${label}`,
          query: created.some(isOrderedByUser) ? ['insert', 'point'] : [],
          headers: ['If-Match', 'If-Unmodified-Since'],
          body: {
            name: target.bodyName,
            description: 'The child resource to create.',
            schema: () => this.resourceBody(this.createBodies, target.node, () => this.createBody(created)),
          },
          success: [['201', { description: 'Created', headers: { Location: { description: 'URL of the created resource.', schema: { type: 'string' } } } }]],
          errors: WRITE_ERRORS,
        };
      }
      case 'put':
        return {
          ...common,
          summary: `Create or replace ${label}`,
          query: target.orderedByUser ? ['insert', 'point'] : [],
          headers: ['If-Match', 'If-Unmodified-Since'],
          body: { name: target.bodyName, schema: body },
          success: [
            ['201', { description: 'Created' }],
            ['204', { description: 'Replaced' }],
          ],
          errors: WRITE_ERRORS,
        };
      case 'patch':
        return {
          ...common,
          summary: `Merge into ${label}`,
          query: [],
          headers: ['If-Match', 'If-Unmodified-Since'],
          body: { name: target.bodyName, schema: body },
          success: [['204', { description: 'Updated' }]],
          errors: WRITE_ERRORS,
        };
      case 'delete':
        return {
          ...common,
          summary: `Delete ${label}`,
          query: [],
          headers: ['If-Match', 'If-Unmodified-Since'],
          success: [['204', { description: 'Deleted' }]],
          errors: WRITE_ERRORS,
        };
    }
  }

  /** The body of a data resource, built once for all its methods; the datastore's (no node) is not shared. */
  private resourceBody(bodies: Map<DataNode, ResourceBody>, node: DataNode | undefined, build: () => JsonSchema): JsonSchema {
    if (!node) return build();
    let body = bodies.get(node);
    if (!body) bodies.set(node, (body = { node, schema: build() }));
    return body.schema;
  }

  /** POST creates exactly one child resource, named `module:name` (RFC 8040 4.4.1). */
  private createBody(children: DataNode[]): JsonSchema {
    return {
      type: 'object',
      properties: Object.fromEntries(children.map((c) => [qualifiedName(c), this.data.resourceValue(c)])),
      minProperties: 1,
      maxProperties: 1,
    };
  }

  /** Input and output are wrapped in `module:input` / `module:output` (RFC 8040 3.6.1, 3.6.2). */
  private operationSpec(op: OperationNode): OperationSpec {
    const output = op.output?.length ? wrap(`${op.module}:output`, this.data.operationContent(op, 'output')) : undefined;
    return {
      ...(op.description ? { description: op.description } : {}),
      summary: `Invoke ${op.kind} ${qualifiedName(op)}`,
      query: [],
      headers: [],
      ...(op.input ? { body: { name: 'input', schema: () => wrap(`${op.module}:input`, this.data.operationContent(op, 'input')) } } : {}),
      success: [output ? ['200', { description: 'OK', schema: output }] : ['204', { description: 'No Content' }]],
      errors: READ_ERRORS,
    };
  }

  /** yanger's operation ids: the path with separators as `_` (see `operationIdBase`), then the method. */
  private operationId(idBase: string, method: HttpMethod): string {
    const id = uniqueName(`${idBase}_${method}`, this.operationIds);
    this.operationIds.add(id);
    return id;
  }
}

/** The path part of the operation ids of a resource, worked out once for all its methods. */
function operationIdBase(path: string): string {
  return path === '/'
    ? 'root'
    : path
        .slice(1)
        .replace(/[{}]/g, '')
        .replace(/[/:=,-]/g, '_');
}

interface OperationSpec {
  summary: string;
  description?: string;
  query: SharedParameterName[];
  headers: SharedParameterName[];
  /** Built only when emitted, so omitted bodies leave no unused named schemas behind. */
  body?: { name: string; description?: string; schema: () => JsonSchema };
  success: [string, ApiResponse][];
  errors: ErrorStatus[];
}

interface DataTarget {
  /** Member name of the resource in message bodies. */
  member: string;
  /** The data node of a data resource; absent for the datastore. */
  node?: DataNode;
  value: () => JsonSchema;
  /** Children a POST may create. */
  creatable: DataNode[];
  bodyName: string;
  /** PUT on an entry of an ordered-by user list or leaf-list may say where it goes. */
  orderedByUser: boolean;
}

interface ResourceBody {
  node: DataNode;
  schema: JsonSchema;
}

/** Components declared once: equal values share one name; a name taken by another value gets `-2`, `-3`, ... */
class Declarations<T> {
  readonly declared: Record<string, T> = {};
  private readonly names = new Map<string, string>();

  /** @param takenElsewhere names this section must not use (another section shares its namespace) */
  constructor(private readonly takenElsewhere: (name: string) => boolean) {}

  /** The name of `value`, declared under `baseName` (made unique) if no equal value is. */
  declare(baseName: string, value: T): string {
    const text = JSON.stringify(value);
    let name = this.names.get(text);
    if (name === undefined) {
      name = uniqueName(baseName, (n) => n in this.declared || this.takenElsewhere(n));
      this.declared[name] = value;
      this.names.set(text, name);
    }
    return name;
  }
}

function readOnlySpec(summary: string, description: string, member: string, value: JsonSchema): OperationSpec {
  return { summary, description, query: [], headers: [], success: [['200', { description: 'OK', schema: wrap(member, value) }]], errors: READ_ERRORS };
}

function isAction(r: Resource): boolean {
  return r.target.kind === 'operation' && r.target.node.kind === 'action';
}

function isOutdated(r: Resource): boolean {
  return (r.target.kind === 'data' || r.target.kind === 'operation') && r.target.node.status !== 'current';
}

function createChoices(children: SchemaNode[]): DataNode[] {
  return dataChildren(children).filter((c) => c.config);
}

/** What a POST on a data resource may create: its config children, but not a list entry's own keys (they name the entry). */
function creatableChildren(node: DataNode): DataNode[] {
  if (node.kind !== 'container' && node.kind !== 'list') return [];
  return createChoices(node.children).filter((c) => !(c.kind === 'leaf' && c.isKey));
}

function isOrderedByUser(node: DataNode): boolean {
  return (node.kind === 'list' || node.kind === 'leaf-list') && node.orderedBy === 'user';
}
