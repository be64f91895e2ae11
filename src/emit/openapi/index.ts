/**
 * OpenAPI 3.1 document of the RESTCONF API (RFC 8040) of one YANG module: the
 * same API model as the Swagger 2.0 emitter, whose schemas are already 3.1.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import type { SchemaSet } from '../../ir/types.js';
import {
  buildApiModel,
  operationHeader,
  YANG_DATA_JSON,
  YANG_DATA_XML,
  type ApiOperation,
  type ApiParameter,
  type ApiPath,
  type ApiRequestBody,
  type ApiResponse,
} from '../swagger/api-model.js';
import type { JsonSchema } from '../swagger/json-schema.js';
import { Interner, mapValues } from '../swagger/objects.js';
import type { SwaggerOptions } from '../swagger/options.js';
import { ERROR_STATUSES, type ErrorStatus } from '../swagger/restconf.js';
import { Members, materialize } from '../swagger/serialize.js';
import { ErrorRanges } from './error-ranges.js';

export function emitOpenApi(schema: SchemaSet, module: string, opts: SwaggerOptions): OpenAPIV3_1.Document {
  return materialize(openApiDocument(schema, module, opts)) as OpenAPIV3_1.Document;
}

/** The document of `emitOpenApi`, each path item built when asked for (see `Members`). */
export function openApiDocument(schema: SchemaSet, module: string, opts: SwaggerOptions): Members {
  const model = buildApiModel(schema, module, opts);
  const serverUrl = model.host ? `https://${model.host}${model.basePath}` : model.basePath;
  const w = new OpenApiWriter();
  function* pathItems(): Generator<[string, OpenAPIV3_1.PathItemObject]> {
    for (const p of model.paths) yield [p.path, w.pathItem(p)];
  }
  function* members(): Generator<[keyof OpenAPIV3_1.Document, unknown]> {
    yield ['openapi', '3.1.0'];
    yield ['info', model.info];
    yield ['servers', [{ url: serverUrl }]];
    yield ['tags', model.tags];
    yield ['security', [{ basicAuth: [] }]];
    yield ['paths', new Members(pathItems())];
    // Built after the paths: the model's responses by error status are replaced by the ranges the operations used.
    const shared = Object.fromEntries(Object.entries(model.responses).filter(([name]) => !(name in ERROR_STATUSES)));
    yield [
      'components',
      {
        schemas: model.schemas as Record<string, OpenAPIV3_1.SchemaObject>,
        parameters: mapValues(model.parameters, parameter),
        requestBodies: mapValues(model.requestBodies, requestBody),
        responses: mapValues({ ...w.errorRanges.responses(), ...shared }, response),
        securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } },
      } satisfies OpenAPIV3_1.ComponentsObject,
    ];
  }
  return new Members(members());
}

/** Operations, with the references, tag lists and responses they repeat held once (see `Interner`). */
class OpenApiWriter {
  private readonly interner = new Interner();
  readonly errorRanges = new ErrorRanges();

  pathItem(p: ApiPath): OpenAPIV3_1.PathItemObject {
    return {
      ...(p.parameters.length ? { parameters: this.parameterRefs(p.parameters.map((param) => param.shared)) } : {}),
      ...Object.fromEntries(p.operations.map((op) => [op.method, this.operation(op)])),
    };
  }

  private operation(op: ApiOperation): OpenAPIV3_1.OperationObject {
    const body = op.requestBody;
    return {
      ...operationHeader(op, this.interner),
      ...(op.parameters.length ? { parameters: this.parameterRefs(op.parameters.map((p) => p.shared)) } : {}),
      ...(body ? { requestBody: 'shared' in body ? this.interner.ref(`#/components/requestBodies/${body.shared}`) : requestBody(body) } : {}),
      responses: this.responses(op.responses),
    };
  }

  private parameterRefs(names: string[]): OpenAPIV3_1.ReferenceObject[] {
    return this.interner.get(`parameters ${names.join(' ')}`, () => names.map((n) => this.interner.ref(`#/components/parameters/${n}`)));
  }

  /** Error statuses are listed by range (see `ErrorRanges`), after the others. */
  private responses(responses: ApiOperation['responses']): OpenAPIV3_1.ResponsesObject {
    const isError = (status: string) => status in ERROR_STATUSES;
    const write = () =>
      Object.fromEntries([
        ...responses
          .filter(({ status }) => !isError(status))
          .map(({ status, response: r }) => [status, 'shared' in r ? this.interner.ref(`#/components/responses/${r.shared}`) : response(r)]),
        ...this.errorRanges
          .of(responses.filter(({ status }) => isError(status)).map(({ status }) => status as ErrorStatus))
          .map(({ range, name }) => [range, this.interner.ref(`#/components/responses/${name}`)]),
      ]);
    return responses.some(({ response: r }) => 'schema' in r && r.schema) ? write() : this.interner.get(`responses ${JSON.stringify(responses)}`, write);
  }
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
    ...(r.headers ? { headers: mapValues(r.headers, (h) => ({ description: h.description, schema: h.schema as OpenAPIV3_1.HeaderObject['schema'] })) } : {}),
    ...(r.schema ? { content: content(r.schema) } : {}),
  };
}

/** Both RESTCONF encodings; the schema describes the JSON one (RFC 7951) only. */
function content(schema: JsonSchema): Record<string, OpenAPIV3_1.MediaTypeObject> {
  return { [YANG_DATA_JSON]: { schema: schema as OpenAPIV3_1.SchemaObject }, [YANG_DATA_XML]: {} };
}
