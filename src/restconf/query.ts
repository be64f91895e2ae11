/**
 * RESTCONF query parameters (RFC 8040 section 4.8, plus NSO's `exclude`):
 * which are allowed for which method and resource, and their syntax.
 */
import { badQuery } from './errors.js';

export type ContentParam = 'config' | 'nonconfig' | 'all';
export type WithDefaults = 'report-all' | 'trim' | 'explicit' | 'report-all-tagged';
export type InsertWhere = 'first' | 'last' | 'before' | 'after';

export interface QueryParams {
  content: ContentParam;
  /** Undefined means unbounded. */
  depth?: number;
  fields?: string;
  exclude?: string;
  withDefaults: WithDefaults;
  insert?: InsertWhere;
  point?: string;
}

/** What the request addresses, as far as query parameters care. */
export type ResourceKind = 'data' | 'operation' | 'other';

const RETRIEVAL = ['GET', 'HEAD'];
const CREATION = ['POST', 'PUT'];

const PARAM_METHODS: Record<string, string[]> = {
  content: RETRIEVAL,
  depth: RETRIEVAL,
  fields: RETRIEVAL,
  exclude: RETRIEVAL,
  'with-defaults': RETRIEVAL,
  insert: CREATION,
  point: CREATION,
};

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw badQuery(`${name}=${value}: expected one of ${allowed.join(', ')}`);
  return value as T;
}

function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw badQuery(`bad percent-encoding in query "${s}"`);
  }
}

/** The decoded parameters of `search` (without the "?"), each given at most once. */
export function queryParameters(search: string): Map<string, string> {
  const raw = new Map<string, string>();
  for (const part of search.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
    if (raw.has(name)) throw badQuery(`query parameter "${name}" given more than once`);
    raw.set(name, value);
  }
  return raw;
}

/** Parses `search` (without the "?") for `method` on a resource of `kind`; every problem is a 400. */
export function parseQuery(search: string, method: string, kind: ResourceKind): QueryParams {
  const raw = queryParameters(search);
  const q: QueryParams = { content: 'all', withDefaults: 'explicit' };
  if (raw.size && kind === 'operation') throw badQuery('query parameters are not allowed when invoking an operation');
  for (const [name, value] of raw) {
    const methods = PARAM_METHODS[name];
    if (!methods) throw badQuery(`query parameter "${name}" is not supported${['filter', 'start-time', 'stop-time'].includes(name) ? ' here (only on event streams)' : ''}`);
    if (kind !== 'data' || !methods.includes(method)) throw badQuery(`query parameter "${name}" is not allowed for ${method} on this resource`);
    switch (name) {
      case 'content':
        q.content = oneOf(name, value, ['config', 'nonconfig', 'all'] as const);
        break;
      case 'depth':
        if (value !== 'unbounded') {
          if (!/^\d+$/.test(value) || +value < 1 || +value > 65535) throw badQuery(`depth=${value}: expected 1..65535 or "unbounded"`);
          q.depth = +value;
        }
        break;
      case 'fields':
      case 'exclude':
        if (!value) throw badQuery(`${name} needs a value`);
        q[name] = value;
        break;
      case 'with-defaults':
        q.withDefaults = oneOf(name, value, ['report-all', 'trim', 'explicit', 'report-all-tagged'] as const);
        break;
      case 'insert':
        q.insert = oneOf(name, value, ['first', 'last', 'before', 'after'] as const);
        break;
      case 'point':
        q.point = value;
        break;
    }
  }
  if (q.fields && q.exclude) throw badQuery('fields and exclude cannot be used together');
  const needsPoint = q.insert === 'before' || q.insert === 'after';
  if (needsPoint && q.point === undefined) throw badQuery(`insert=${q.insert} requires a point parameter`);
  if (!needsPoint && q.point !== undefined) throw badQuery('point is only allowed with insert=before or insert=after');
  return q;
}
