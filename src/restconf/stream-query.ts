/**
 * Query parameters of an event stream resource (RFC 8040 4.8): `filter`
 * (4.8.4), `start-time` (4.8.7) and `stop-time` (4.8.8). Every problem is a
 * 400 invalid-value.
 */
import type { SchemaSet } from '../ir/types.js';
import { badQuery } from './errors.js';
import { type EventFilter, compileFilter } from './notification-filter.js';
import { queryParameters } from './query.js';

export interface StreamQuery {
  /** Replay from this time (ms since the epoch); live only when absent. */
  start?: number;
  /** The subscription ends once this time (ms) has passed. */
  stop?: number;
  filter?: EventFilter;
}

/** yang:date-and-time (RFC 6991, after RFC 3339 section 5.6). */
const DATE_AND_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch of a date-and-time value, or undefined when it is not one. */
export function parseDateAndTime(text: string): number | undefined {
  const m = DATE_AND_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Second 60 is a leap second (RFC 3339 5.6); it counts as the next second's start.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) return undefined;
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second, fraction));
  utc.setUTCFullYear(year); // Date.UTC maps years 0..99 to 1900..1999
  return utc.getTime() - offset;
}

function time(name: string, value: string): number {
  const t = parseDateAndTime(value);
  if (t === undefined) throw badQuery(`${name}=${value}: expected a date-and-time such as 2024-05-01T10:00:00Z`);
  return t;
}

/** `replaySupported` is the stream's `replay-support`; `now` the server's clock (ms). */
export function parseStreamQuery(search: string, schema: SchemaSet, replaySupported: boolean, now: number): StreamQuery {
  const q: StreamQuery = {};
  for (const [name, value] of queryParameters(search)) {
    switch (name) {
      case 'start-time':
        // 4.8.7: a stream without replay support refuses start-time.
        if (!replaySupported) throw badQuery('start-time: this stream does not support replay (replay-support is false)');
        q.start = time(name, value);
        // 4.8.7: "It is not valid to specify start times that are later than the current time."
        if (q.start > now) throw badQuery(`start-time=${value} is later than the current time`);
        break;
      case 'stop-time':
        q.stop = time(name, value);
        break;
      case 'filter':
        q.filter = compileFilter(schema, value);
        break;
      default:
        throw badQuery(`query parameter "${name}" is not allowed on an event stream (filter, start-time and stop-time are)`);
    }
  }
  if (q.stop !== undefined) {
    // 4.8.8: stop-time "MUST be used with, and have a value later than, the start-time parameter"; future values are valid.
    if (q.start === undefined) throw badQuery('stop-time needs start-time');
    if (q.stop <= q.start) throw badQuery('stop-time must be later than start-time');
  }
  return q;
}
