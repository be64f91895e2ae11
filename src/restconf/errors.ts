/**
 * RESTCONF error reporting (RFC 8040 section 7): every failure is a
 * RestconfError carrying one or more `ietf-restconf:errors` entries and the
 * HTTP status the error-tag maps to.
 */
import type { JsonObject } from './schema-index.js';

export type ErrorTag =
  | 'in-use'
  | 'invalid-value'
  | 'too-big'
  | 'missing-attribute'
  | 'bad-attribute'
  | 'unknown-attribute'
  | 'bad-element'
  | 'unknown-element'
  | 'unknown-namespace'
  | 'access-denied'
  | 'lock-denied'
  | 'resource-denied'
  | 'rollback-failed'
  | 'data-exists'
  | 'data-missing'
  | 'operation-not-supported'
  | 'operation-failed'
  | 'partial-operation'
  | 'malformed-message';

export type ErrorType = 'transport' | 'rpc' | 'protocol' | 'application';

/** RFC 8040 section 7 table; where it allows several codes this is the usual one, callers pick others explicitly. */
const STATUS_BY_TAG: Record<ErrorTag, number> = {
  'in-use': 409,
  'invalid-value': 400,
  'too-big': 413,
  'missing-attribute': 400,
  'bad-attribute': 400,
  'unknown-attribute': 400,
  'bad-element': 400,
  'unknown-element': 400,
  'unknown-namespace': 400,
  'access-denied': 401,
  'lock-denied': 409,
  'resource-denied': 409,
  'rollback-failed': 500,
  'data-exists': 409,
  'data-missing': 409,
  'operation-not-supported': 405,
  'operation-failed': 500,
  'partial-operation': 500,
  'malformed-message': 400,
};

export interface ErrorEntry {
  type: ErrorType;
  tag: ErrorTag;
  appTag?: string;
  /** Instance identifier in RFC 7951 form, e.g. `/example-jukebox:jukebox/library/artist[name='x']`. */
  path?: string;
  message?: string;
}

export interface ErrorOptions {
  status?: number;
  type?: ErrorType;
  path?: string;
  appTag?: string;
}

export class RestconfError extends Error {
  /** Extra response headers the error needs (Allow for 405, WWW-Authenticate for 401). */
  headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly errors: ErrorEntry[],
  ) {
    super(errors.map((e) => e.message ?? e.tag).join('; '));
    this.name = 'RestconfError';
  }

  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }

  static of(tag: ErrorTag, message: string, o: ErrorOptions = {}): RestconfError {
    const entry: ErrorEntry = { type: o.type ?? 'protocol', tag, message };
    if (o.path) entry.path = o.path;
    if (o.appTag) entry.appTag = o.appTag;
    return new RestconfError(o.status ?? STATUS_BY_TAG[tag], [entry]);
  }
}

/** Validation failures in request content (application layer, 400 unless the tag says otherwise). */
export function invalidValue(path: string, message: string, appTag?: string): RestconfError {
  return RestconfError.of('invalid-value', message, { type: 'application', path, ...(appTag ? { appTag } : {}) });
}

export function notFound(path: string): RestconfError {
  return RestconfError.of('invalid-value', 'resource not found', { status: 404, path });
}

/** Query parameter problems: the seed (NSO) sets both error-tag and error-app-tag to invalid-value. */
export function badQuery(message: string): RestconfError {
  return RestconfError.of('invalid-value', message, { appTag: 'invalid-value' });
}

export function errorEntriesJson(errors: ErrorEntry[]): JsonObject {
  return {
    error: errors.map((e) => {
      const o: JsonObject = { 'error-type': e.type, 'error-tag': e.tag };
      if (e.appTag) o['error-app-tag'] = e.appTag;
      if (e.path) o['error-path'] = e.path;
      if (e.message) o['error-message'] = e.message;
      return o;
    }),
  };
}

export function errorsJson(errors: ErrorEntry[]): JsonObject {
  return { 'ietf-restconf:errors': errorEntriesJson(errors) };
}
