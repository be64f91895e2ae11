/**
 * Error responses by status range. Every RESTCONF error carries the same body, an
 * `ietf-restconf:errors` report whose error-tag tells the cause (RFC 8040 7), and the
 * OpenAPI 3 Responses Object may key a response by range (`4XX`, `5XX`), which Swagger 2.0
 * cannot: so an operation lists one reference per range instead of one per status (five to
 * eight), and the shared response's description names the statuses it stands for.
 */
import type { ApiResponse } from '../swagger/api-model.js';
import { schemaRef } from '../swagger/json-schema.js';
import { ERROR_STATUSES, ERRORS_SCHEMA_NAME, READ_ERRORS, WRITE_ERRORS, type ErrorStatus } from '../swagger/restconf.js';

/** The error status lists of the model by kind of operation; a range's response is named after the kind where the lists differ in it. */
const ERROR_LISTS: Record<string, ErrorStatus[]> = { read: READ_ERRORS, write: WRITE_ERRORS };

const RANGE_DESCRIPTIONS: Record<string, string> = { '4XX': 'Client error', '5XX': 'Server error' };

/** A range and the name of the shared response it refers to. */
export interface ErrorRange {
  range: string;
  name: string;
}

export class ErrorRanges {
  private readonly declared: Record<string, ApiResponse> = {};
  private readonly byList = new Map<string, ErrorRange[]>();

  /** The range responses operations use, by name, in name order. */
  responses(): Record<string, ApiResponse> {
    return Object.fromEntries(Object.entries(this.declared).sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** The ranges of an operation's error statuses (one of the model's lists), each response declared on first use. */
  of(statuses: ErrorStatus[]): ErrorRange[] {
    if (statuses.length === 0) return [];
    const key = statuses.join();
    let ranges = this.byList.get(key);
    if (!ranges) this.byList.set(key, (ranges = this.declare(statuses, key)));
    return ranges;
  }

  private declare(statuses: ErrorStatus[], key: string): ErrorRange[] {
    const kind = Object.keys(ERROR_LISTS).find((k) => ERROR_LISTS[k]!.join() === key);
    if (kind === undefined) throw new Error(`no kind of operation lists the error statuses ${key}`);
    return [...new Set(statuses.map(rangeOf))].map((range) => {
      const inRange = (list: ErrorStatus[]) => list.filter((s) => rangeOf(s) === range).join();
      const sameForAll = Object.values(ERROR_LISTS).every((list) => inRange(list) === inRange(statuses));
      const name = sameForAll ? range : `${range}-${kind}`;
      const listed = statuses.filter((s) => rangeOf(s) === range).map((s) => `${s} ${ERROR_STATUSES[s]}`);
      this.declared[name] ??= {
        description: `${RANGE_DESCRIPTIONS[range]} (${listed.join(', ')}): an ietf-restconf:errors report, whose error-tag tells the cause (RFC 8040 7).`,
        schema: schemaRef(ERRORS_SCHEMA_NAME),
      };
      return { range, name };
    });
  }
}

function rangeOf(status: ErrorStatus): string {
  return `${status[0]}XX`;
}
