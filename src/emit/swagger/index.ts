/**
 * Swagger 2.0 document of the RESTCONF API (RFC 8040) of one YANG module,
 * in the spirit of `yanger -f swagger` (same options), with RFC 7951 bodies.
 */
import type { OpenAPIV2 } from 'openapi-types';
import type { SchemaSet } from '../../ir/types.js';
import { buildApiModel, operationHeader, YANG_DATA_JSON, type ApiOperation, type ApiParameter, type ApiPath, type ApiRequestBody, type ApiResponse } from './api-model.js';
import type { JsonSchema } from './json-schema.js';
import { Interner, mapValues } from './objects.js';
import type { SwaggerOptions } from './options.js';
import { Members, materialize } from './serialize.js';
import { Swagger2Schemas } from './swagger2-schema.js';

export * from './options.js';
export { buildApiModel, type ApiModel } from './api-model.js';
export { serializeDocument, serializeJson, writeJson, documentFormat, materialize, Members, type DocumentFormat } from './serialize.js';

export function emitSwagger(schema: SchemaSet, module: string, opts: SwaggerOptions): OpenAPIV2.Document {
  return materialize(swaggerDocument(schema, module, opts)) as OpenAPIV2.Document;
}

/** The document of `emitSwagger`, each path item built when asked for (see `Members`). */
export function swaggerDocument(schema: SchemaSet, module: string, opts: SwaggerOptions): Members {
  const model = buildApiModel(schema, module, opts);
  const interner = new Interner();
  const w = new Swagger2Writer(new Swagger2Schemas(model.schemas, interner), interner);
  const used = new Set<string>();
  w.schemas.collectRefs(used);
  function* pathItems(): Generator<[string, OpenAPIV2.PathItemObject]> {
    for (const p of model.paths) yield [p.path, w.pathItem(p)];
  }
  // The sections after the paths are built after them: the definitions are those the paths and parameters refer to.
  function* members(): Generator<[keyof OpenAPIV2.Document, unknown]> {
    yield ['swagger', '2.0'];
    yield ['info', model.info];
    if (model.host) yield ['host', model.host];
    yield ['basePath', model.basePath];
    yield ['consumes', [YANG_DATA_JSON]];
    yield ['produces', [YANG_DATA_JSON]];
    yield ['tags', model.tags];
    yield ['securityDefinitions', { basicAuth: { type: 'basic' } }];
    yield ['security', [{ basicAuth: [] }]];
    yield ['paths', new Members(pathItems())];
    // Swagger 2.0 request bodies are parameters too.
    yield ['parameters', { ...mapValues(model.parameters, (p) => w.parameter(p)), ...mapValues(model.requestBodies, (b) => w.bodyParameter(b)) }];
    yield ['responses', mapValues(model.responses, (r) => w.response(r))];
    yield ['definitions', reachableDefinitions(model.schemas, w.schemas, used)];
  }
  return new Members(members());
}

/**
 * The definitions `used` refers to, directly or not, in their model order: union members
 * named in 3.1 can be flattened away in 2.0, leaving their schemas unused.
 */
function reachableDefinitions(named: Record<string, JsonSchema>, schemas: Swagger2Schemas, used: Set<string>): OpenAPIV2.DefinitionsObject {
  const converted = new Map<string, { schema: OpenAPIV2.SchemaObject; refs: Set<string> }>();
  for (const [name, schema] of Object.entries(named)) {
    const refs = new Set<string>();
    schemas.collectRefs(refs);
    converted.set(name, { schema: schemas.schema(schema), refs });
  }
  const pending = [...used];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const ref of converted.get(name)?.refs ?? []) {
      if (!used.has(ref)) {
        used.add(ref);
        pending.push(ref);
      }
    }
  }
  return Object.fromEntries([...converted].filter(([name]) => used.has(name)).map(([name, { schema }]) => [name, schema]));
}

class Swagger2Writer {
  constructor(
    readonly schemas: Swagger2Schemas,
    private readonly interner: Interner,
  ) {}

  pathItem(p: ApiPath): OpenAPIV2.PathItemObject {
    return {
      ...(p.parameters.length ? { parameters: this.parameterRefs(p.parameters.map((param) => param.shared)) } : {}),
      ...Object.fromEntries(p.operations.map((op) => [op.method, this.operation(op)])),
    };
  }

  parameter(p: ApiParameter): OpenAPIV2.GeneralParameterObject {
    return {
      name: p.name,
      in: p.in,
      required: p.required,
      ...(p.description ? { description: p.description } : {}),
      ...this.schemas.parameterType(p.schema),
    } as OpenAPIV2.GeneralParameterObject;
  }

  response(r: ApiResponse): OpenAPIV2.ResponseObject {
    return {
      description: r.description,
      ...(r.schema ? { schema: this.schemas.schema(r.schema) } : {}),
      ...(r.headers
        ? { headers: mapValues(r.headers, (h) => ({ description: h.description, ...this.schemas.parameterType(h.schema) }) as OpenAPIV2.HeaderObject) }
        : {}),
    };
  }

  bodyParameter({ name, description, schema }: ApiRequestBody): OpenAPIV2.InBodyParameterObject {
    return { name, in: 'body', required: true, ...(description ? { description } : {}), schema: this.schemas.schema(schema) };
  }

  private operation(op: ApiOperation): OpenAPIV2.OperationObject {
    const body = op.requestBody;
    const names = op.parameters.map((p) => p.shared);
    const parameters: OpenAPIV2.Parameters =
      body && !('shared' in body) ? [...this.parameterRefs(names), this.bodyParameter(body)] : this.parameterRefs(body ? [...names, body.shared] : names);
    return {
      ...operationHeader(op, this.interner),
      ...(parameters.length ? { parameters } : {}),
      responses: this.responses(op.responses),
    };
  }

  /** Lists of references recur from path to path: one array each. */
  private parameterRefs(names: string[]): OpenAPIV2.ReferenceObject[] {
    return this.interner.get(`parameters ${names.join(' ')}`, () => names.map((n) => this.interner.ref(`#/parameters/${n}`)));
  }

  /** Responses without a schema (references, `204 Deleted`, ...) recur from operation to operation: one object each. */
  private responses(responses: ApiOperation['responses']): OpenAPIV2.ResponsesObject {
    const write = () =>
      Object.fromEntries(responses.map(({ status, response: r }) => [status, 'shared' in r ? this.interner.ref(`#/responses/${r.shared}`) : this.response(r)]));
    return responses.some(({ response: r }) => 'schema' in r && r.schema) ? write() : this.interner.get(`responses ${JSON.stringify(responses)}`, write);
  }
}
