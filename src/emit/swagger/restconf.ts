/**
 * Fixed parts of RFC 8040 that every generated document shares: query and
 * header parameters, error statuses and the `ietf-restconf:errors` body.
 */
import type { JsonSchema } from './json-schema.js';

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  description?: string;
  required: boolean;
  schema: JsonSchema;
}

export const QUERY_PARAMETERS = {
  content: {
    name: 'content',
    in: 'query',
    required: false,
    description: 'Select configuration, non-configuration or all descendant data nodes (RFC 8040 4.8.1).',
    schema: { type: 'string', enum: ['config', 'nonconfig', 'all'] },
  },
  depth: {
    name: 'depth',
    in: 'query',
    required: false,
    description: 'Limit the depth of returned descendant nodes: 1 to 65535, or "unbounded" (RFC 8040 4.8.2).',
    schema: { type: 'string', pattern: '^(unbounded|[1-9][0-9]{0,4})$' },
  },
  fields: {
    name: 'fields',
    in: 'query',
    required: false,
    description: 'Return only these descendant data nodes, e.g. "name;album(name;year)" (RFC 8040 4.8.3).',
    schema: { type: 'string' },
  },
  'with-defaults': {
    name: 'with-defaults',
    in: 'query',
    required: false,
    description: 'How to report default values (RFC 8040 4.8.9, RFC 6243).',
    schema: { type: 'string', enum: ['report-all', 'trim', 'explicit', 'report-all-tagged'] },
  },
  insert: {
    name: 'insert',
    in: 'query',
    required: false,
    description: 'Where to put the entry in an ordered-by user list or leaf-list (RFC 8040 4.8.5).',
    schema: { type: 'string', enum: ['first', 'last', 'before', 'after'] },
  },
  point: {
    name: 'point',
    in: 'query',
    required: false,
    description: 'The entry that insert=before or insert=after is relative to, as a data resource path (RFC 8040 4.8.6).',
    schema: { type: 'string' },
  },
} satisfies Record<string, ApiParameter>;

/** Conditional requests on the datastore's entity tag and timestamp (RFC 8040 3.4.1, 3.5.1). */
export const HEADER_PARAMETERS = {
  'If-Match': {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'Apply the change only if the entity tag matches; else 412 Precondition Failed.',
    schema: { type: 'string' },
  },
  'If-None-Match': {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'Return the data only if the entity tag differs; else 304 Not Modified.',
    schema: { type: 'string' },
  },
  'If-Modified-Since': {
    name: 'If-Modified-Since',
    in: 'header',
    required: false,
    description: 'Return the data only if modified after this HTTP date; else 304 Not Modified.',
    schema: { type: 'string' },
  },
  'If-Unmodified-Since': {
    name: 'If-Unmodified-Since',
    in: 'header',
    required: false,
    description: 'Apply the change only if not modified after this HTTP date; else 412 Precondition Failed.',
    schema: { type: 'string' },
  },
} satisfies Record<string, ApiParameter>;

export type SharedParameterName = keyof typeof QUERY_PARAMETERS | keyof typeof HEADER_PARAMETERS;

export const SHARED_PARAMETERS: Record<SharedParameterName, ApiParameter> = { ...QUERY_PARAMETERS, ...HEADER_PARAMETERS };

export const ERROR_STATUSES = {
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '405': 'Method Not Allowed',
  '409': 'Conflict',
  '412': 'Precondition Failed',
  '500': 'Internal Server Error',
} as const;

export type ErrorStatus = keyof typeof ERROR_STATUSES;

/** The error statuses listed for a retrieval or an operation invocation, and for an edit (RFC 8040 4, 7). */
export const READ_ERRORS: ErrorStatus[] = ['400', '401', '403', '404', '500'];
export const WRITE_ERRORS: ErrorStatus[] = ['400', '401', '403', '404', '405', '409', '412', '500'];

export const ERRORS_SCHEMA_NAME = 'ietf-restconf.errors';

/** The JSON error report of RFC 8040 7.1 (`ietf-restconf:errors`). */
export const ERRORS_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RESTCONF error report (RFC 8040 7.1).',
  properties: {
    'ietf-restconf:errors': {
      type: 'object',
      properties: {
        error: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              'error-type': { type: 'string', enum: ['transport', 'rpc', 'protocol', 'application'] },
              'error-tag': {
                type: 'string',
                enum: [
                  'in-use',
                  'invalid-value',
                  'too-big',
                  'missing-attribute',
                  'bad-attribute',
                  'unknown-attribute',
                  'missing-element',
                  'bad-element',
                  'unknown-element',
                  'unknown-namespace',
                  'access-denied',
                  'lock-denied',
                  'resource-denied',
                  'rollback-failed',
                  'data-exists',
                  'data-missing',
                  'operation-not-supported',
                  'operation-failed',
                  'partial-operation',
                  'malformed-message',
                ],
              },
              'error-app-tag': { type: 'string' },
              'error-path': { type: 'string', description: 'Instance identifier of the node in error.' },
              'error-message': { type: 'string' },
              'error-info': { type: 'object' },
            },
            required: ['error-type', 'error-tag'],
          },
        },
      },
    },
  },
  required: ['ietf-restconf:errors'],
};
