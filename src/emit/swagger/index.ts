/**
 * Swagger 2.0 document of the RESTCONF API (RFC 8040) of one YANG module,
 * in the spirit of `yanger -f swagger` (same options), with RFC 7951 bodies.
 */
import type { OpenAPIV2 } from 'openapi-types';
import type { SchemaSet } from '../../ir/types.js';
import {
  buildApiModel,
  YANG_DATA_JSON,
  type ApiOperation,
  type ApiParameter,
  type ApiPath,
  type ApiRequestBody,
  type ApiResponse,
} from './api-model.js';
import { mapValues } from './objects.js';
import type { SwaggerOptions } from './options.js';
import { Swagger2Schemas } from './swagger2-schema.js';

export * from './options.js';
export { buildApiModel, type ApiModel } from './api-model.js';
export { serializeDocument, documentFormat, type DocumentFormat } from './serialize.js';

export function emitSwagger(schema: SchemaSet, module: string, opts: SwaggerOptions): OpenAPIV2.Document {
  const model = buildApiModel(schema, module, opts);
  const w = new Swagger2Writer(new Swagger2Schemas(model.schemas));
  const doc: OpenAPIV2.Document = {
    swagger: '2.0',
    info: model.info,
    ...(model.host ? { host: model.host } : {}),
    basePath: model.basePath,
    consumes: [YANG_DATA_JSON],
    produces: [YANG_DATA_JSON],
    tags: model.tags,
    securityDefinitions: { basicAuth: { type: 'basic' } },
    security: [{ basicAuth: [] }],
    paths: Object.fromEntries(model.paths.map((p) => [p.path, w.pathItem(p)])),
    // Swagger 2.0 request bodies are parameters too.
    parameters: { ...mapValues(model.parameters, (p) => w.parameter(p)), ...mapValues(model.requestBodies, (b) => w.bodyParameter(b)) },
    responses: mapValues(model.responses, (r) => w.response(r)),
    definitions: mapValues(model.schemas, (s) => w.schemas.schema(s)),
  };
  doc.definitions = reachableDefinitions(doc);
  return doc;
}

/** Union members referenced by name in 3.1 can be flattened away in 2.0, leaving their schemas unused. */
function reachableDefinitions(doc: OpenAPIV2.Document): OpenAPIV2.DefinitionsObject {
  const definitions = doc.definitions ?? {};
  const reached = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) {
          const name = v.slice('#/definitions/'.length);
          if (!reached.has(name)) {
            reached.add(name);
            visit(definitions[name]);
          }
        } else visit(v);
      }
    }
  };
  visit({ ...doc, definitions: undefined });
  return Object.fromEntries(Object.entries(definitions).filter(([name]) => reached.has(name)));
}

class Swagger2Writer {
  constructor(readonly schemas: Swagger2Schemas) {}

  pathItem(p: ApiPath): OpenAPIV2.PathItemObject {
    return {
      ...(p.parameters.length ? { parameters: p.parameters.map((param) => ({ $ref: `#/parameters/${param.shared}` })) } : {}),
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
        ? {
            headers: mapValues(r.headers, (h) => ({ description: h.description, ...this.schemas.parameterType(h.schema) }) as OpenAPIV2.HeaderObject),
          }
        : {}),
    };
  }

  bodyParameter({ name, description, schema }: ApiRequestBody): OpenAPIV2.InBodyParameterObject {
    return { name, in: 'body', required: true, ...(description ? { description } : {}), schema: this.schemas.schema(schema) };
  }

  private operation(op: ApiOperation): OpenAPIV2.OperationObject {
    const parameters: OpenAPIV2.Parameters = op.parameters.map((p) => ({ $ref: `#/parameters/${p.shared}` }));
    const body = op.requestBody;
    if (body) parameters.push('shared' in body ? { $ref: `#/parameters/${body.shared}` } : this.bodyParameter(body));
    return {
      tags: op.tags,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      operationId: op.operationId,
      ...(op.deprecated ? { deprecated: true } : {}),
      ...(parameters.length ? { parameters } : {}),
      responses: Object.fromEntries(
        op.responses.map(({ status, response: r }) => [status, 'shared' in r ? { $ref: `#/responses/${r.shared}` } : this.response(r)]),
      ),
    };
  }
}
