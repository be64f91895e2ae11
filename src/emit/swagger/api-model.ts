/**
 * The REST API of one module, independent of the OpenAPI version: built once
 * from the IR and options, then serialised by the Swagger 2.0 and OpenAPI 3.1
 * emitters. Schemas are in the 3.1 dialect (see `json-schema.ts`).
 */
import type { DataNode, ModuleIR, OperationNode, SchemaNode, SchemaSet } from '../../ir/types.js';
import { DataSchemas, RESTCONF_DATA, dataChildren, qualifiedName, uniqueName, wrap } from './data-schemas.js';
import { typeSchema, schemaRef, type JsonSchema } from './json-schema.js';
import { definedOnly } from './objects.js';
import { HTTP_METHODS, type HttpMethod, type SwaggerOptions } from './options.js';
import { collectResources, type Resource } from './resources.js';
import {
  ERROR_STATUSES,
  ERRORS_SCHEMA,
  ERRORS_SCHEMA_NAME,
  SHARED_PARAMETERS,
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
  /** Named schemas referenced as `#/components/schemas/<name>`. */
  schemas: Record<string, JsonSchema>;
  /** Shared (query and header) parameters used by some operation. */
  parameters: Partial<Record<SharedParameterName, ApiParameter>>;
  /** Shared error responses used by some operation, by status. */
  responses: Partial<Record<ErrorStatus, ApiResponse>>;
}

export interface ApiPath {
  /** Relative to the RESTCONF root, e.g. `/data/dhcp:dhcp`. */
  path: string;
  /** Path parameters (list keys, leaf-list values), common to all its operations. */
  parameters: ApiParameter[];
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
  requestBody?: { name: string; description?: string; schema: JsonSchema };
  responses: { status: string; response: ApiResponse | { shared: ErrorStatus } }[];
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

const READ_ERRORS: ErrorStatus[] = ['400', '401', '403', '404', '500'];
const WRITE_ERRORS: ErrorStatus[] = ['400', '401', '403', '404', '405', '409', '412', '500'];

export function buildApiModel(schema: SchemaSet, moduleName: string, opts: SwaggerOptions): ApiModel {
  const module = schema.modules[moduleName];
  if (!module) throw new Error(`module '${moduleName}' is not in the compiled schema set`);
  return new ApiModelBuilder(schema, module, opts).build();
}

class ApiModelBuilder {
  private readonly data: DataSchemas;
  private readonly parameters: ApiModel['parameters'] = {};
  private readonly responses: ApiModel['responses'] = {};
  private readonly operationIds = new Set<string>();
  private readonly tags = new Set<string>();

  constructor(
    schemaSet: SchemaSet,
    private readonly module: ModuleIR,
    private readonly opts: SwaggerOptions,
  ) {
    this.data = new DataSchemas(schemaSet);
  }

  build(): ApiModel {
    const { module, opts } = this;
    const resources = collectResources(module, opts.topResource, opts.maxDepth).filter(
      (r) => (opts.pathFilter === undefined || r.path.startsWith(opts.pathFilter)) && (!opts.onlyActions || isAction(r)),
    );
    const paths = resources
      .map((r) => ({ path: r.path, parameters: this.pathParameters(r), operations: this.operations(r) }))
      .filter((p) => p.operations.length > 0);
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
      tags: Object.keys(TAG_DESCRIPTIONS).filter((t) => this.tags.has(t)).map((name) => ({ name, description: TAG_DESCRIPTIONS[name]! })),
      paths,
      schemas: Object.keys(this.responses).length ? { ...this.data.schemas, [ERRORS_SCHEMA_NAME]: ERRORS_SCHEMA } : this.data.schemas,
      parameters: this.parameters,
      responses: this.responses,
    };
  }

  private pathParameters(r: Resource): ApiParameter[] {
    if (this.opts.omitPathParams) return [];
    return r.pathParams.map((p) => ({
      name: p.name,
      in: 'path',
      required: true,
      ...(p.source.description ? { description: p.source.description } : {}),
      schema: typeSchema(p.source.type, p.source.module),
    }));
  }

  private operations(r: Resource): ApiOperation[] {
    return this.methodsOf(r)
      .filter((m) => this.opts.methods.includes(m))
      .map((m) => this.operation(r, m));
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

  private operation(r: Resource, method: HttpMethod): ApiOperation {
    const spec = this.spec(r, method);
    const tagMode = this.opts.tagMode;
    const tags = [...(tagMode === 'methods' ? [] : [r.top]), ...(tagMode === 'resources' ? [] : [method])];
    tags.forEach((t) => this.tags.add(t));
    const shared = [
      ...(this.opts.omitQueryParams ? [] : spec.query),
      ...(this.opts.omitHeaderParams ? [] : spec.headers),
    ];
    for (const name of shared) this.parameters[name] = SHARED_PARAMETERS[name];
    const errors = this.opts.omitStandardStatuses ? [] : spec.errors;
    for (const status of errors) {
      this.responses[status] = { description: ERROR_STATUSES[status], schema: schemaRef(ERRORS_SCHEMA_NAME) };
    }
    return {
      method,
      tags,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      operationId: this.operationId(r.path, method),
      ...(isOutdated(r) ? { deprecated: true } : {}),
      parameters: shared.map((name) => ({ shared: name })),
      ...(spec.body && !this.opts.omitBodyParams ? { requestBody: { ...spec.body, schema: spec.body.schema() } } : {}),
      responses: [
        ...spec.success.map(([status, response]) => ({ status, response })),
        ...errors.map((status) => ({ status, response: { shared: status } })),
      ],
    };
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
          value: () => this.data.resourceValue(t.node),
          creatable: creatableChildren(t.node),
          bodyName: t.node.name,
          orderedByUser: (t.node.kind === 'list' || t.node.kind === 'leaf-list') && t.node.orderedBy === 'user',
        });
    }
  }

  private dataSpec(method: HttpMethod, label: string, description: string | undefined, target: DataTarget): OperationSpec {
    // Lazy, so that a method filter leaves no unused named schemas behind.
    const body = () => wrap(target.member, target.value());
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
          body: { name: target.bodyName, description: 'The child resource to create.', schema: () => this.createBody(created) },
          success: [
            [
              '201',
              {
                description: 'Created',
                headers: { Location: { description: 'URL of the created resource.', schema: { type: 'string' } } },
              },
            ],
          ],
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

  /** yanger's operation ids: the path with separators as `_`, then the method. */
  private operationId(path: string, method: HttpMethod): string {
    const base = `${path === '/' ? 'root' : path.slice(1).replace(/[{}]/g, '').replace(/[/:=,-]/g, '_')}_${method}`;
    const id = uniqueName(base, this.operationIds);
    this.operationIds.add(id);
    return id;
  }
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
  value: () => JsonSchema;
  /** Children a POST may create. */
  creatable: DataNode[];
  bodyName: string;
  /** PUT on an entry of an ordered-by user list or leaf-list may say where it goes. */
  orderedByUser: boolean;
}

function readOnlySpec(summary: string, description: string, member: string, value: JsonSchema): OperationSpec {
  return {
    summary,
    description,
    query: [],
    headers: [],
    success: [['200', { description: 'OK', schema: wrap(member, value) }]],
    errors: READ_ERRORS,
  };
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
