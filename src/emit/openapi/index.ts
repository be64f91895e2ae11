/**
 * OpenAPI 3.1 document of the RESTCONF API (RFC 8040) of one YANG module: the
 * same API model as the Swagger 2.0 emitter, whose schemas are already 3.1.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import type { SchemaSet } from '../../ir/types.js';
import {
  buildApiModel,
  YANG_DATA_JSON,
  YANG_DATA_XML,
  type ApiOperation,
  type ApiParameter,
  type ApiPath,
  type ApiRequestBody,
  type ApiResponse,
} from '../swagger/api-model.js';
import type { JsonSchema } from '../swagger/json-schema.js';
import { mapValues } from '../swagger/objects.js';
import type { SwaggerOptions } from '../swagger/options.js';

export function emitOpenApi(schema: SchemaSet, module: string, opts: SwaggerOptions): OpenAPIV3_1.Document {
  const model = buildApiModel(schema, module, opts);
  const serverUrl = model.host ? `https://${model.host}${model.basePath}` : model.basePath;
  return {
    openapi: '3.1.0',
    info: model.info,
    servers: [{ url: serverUrl }],
    tags: model.tags,
    security: [{ basicAuth: [] }],
    paths: Object.fromEntries(model.paths.map((p) => [p.path, pathItem(p)])),
    components: {
      schemas: model.schemas as Record<string, OpenAPIV3_1.SchemaObject>,
      parameters: mapValues(model.parameters, parameter),
      requestBodies: mapValues(model.requestBodies, requestBody),
      responses: mapValues(model.responses, response),
      securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } },
    },
  };
}

function pathItem(p: ApiPath): OpenAPIV3_1.PathItemObject {
  return {
    ...(p.parameters.length ? { parameters: p.parameters.map((param) => ({ $ref: `#/components/parameters/${param.shared}` })) } : {}),
    ...Object.fromEntries(p.operations.map((op) => [op.method, operation(op)])),
  };
}

function operation(op: ApiOperation): OpenAPIV3_1.OperationObject {
  return {
    tags: op.tags,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: op.operationId,
    ...(op.deprecated ? { deprecated: true } : {}),
    ...(op.parameters.length ? { parameters: op.parameters.map((p) => ({ $ref: `#/components/parameters/${p.shared}` })) } : {}),
    ...(op.requestBody
      ? { requestBody: 'shared' in op.requestBody ? { $ref: `#/components/requestBodies/${op.requestBody.shared}` } : requestBody(op.requestBody) }
      : {}),
    responses: Object.fromEntries(
      op.responses.map(({ status, response: r }) => [status, 'shared' in r ? { $ref: `#/components/responses/${r.shared}` } : response(r)]),
    ),
  };
}

function requestBody(b: ApiRequestBody): OpenAPIV3_1.RequestBodyObject {
  return { required: true, ...(b.description ? { description: b.description } : {}), content: content(b.schema) };
}

function parameter(p: ApiParameter): OpenAPIV3_1.ParameterObject {
  return {
    name: p.name,
    in: p.in,
    required: p.required,
    ...(p.description ? { description: p.description } : {}),
    // openapi-types reuses the 3.0 parameter type here; the schema is a 3.1 one.
    schema: p.schema as OpenAPIV3_1.ParameterObject['schema'],
  };
}

function response(r: ApiResponse): OpenAPIV3_1.ResponseObject {
  return {
    description: r.description,
    ...(r.headers
      ? { headers: mapValues(r.headers, (h) => ({ description: h.description, schema: h.schema as OpenAPIV3_1.HeaderObject['schema'] })) }
      : {}),
    ...(r.schema ? { content: content(r.schema) } : {}),
  };
}

/** Both RESTCONF encodings; the schema describes the JSON one (RFC 7951) only. */
function content(schema: JsonSchema): Record<string, OpenAPIV3_1.MediaTypeObject> {
  return { [YANG_DATA_JSON]: { schema: schema as OpenAPIV3_1.SchemaObject }, [YANG_DATA_XML]: {} };
}
