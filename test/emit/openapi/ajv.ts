import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { OpenAPIV3_1 } from 'openapi-types';
import { expect } from 'vitest';

const JSON_TYPE = 'application/yang-data+json';

/**
 * A JSON Schema 2020-12 validator (ajv) for the JSON request body of one operation of an
 * OpenAPI 3.1 document, its `#/components/...` references resolved in the same document.
 */
export function requestBodyValidator(doc: OpenAPIV3_1.Document, path: string, method: 'put' | 'post' | 'patch'): ValidateFunction {
  const op = doc.paths?.[path]?.[method];
  expect(op, `${method} ${path}`).toBeDefined();
  const body = op!.requestBody as OpenAPIV3_1.RequestBodyObject;
  const schema = body.content[JSON_TYPE]!.schema as object;
  // Not strict: OpenAPI keywords (example, x-*) are not JSON Schema vocabulary; formats such as `byte` are OpenAPI's.
  return new Ajv2020({ strict: false, validateFormats: false }).compile({ ...schema, components: doc.components });
}
