/**
 * Conditional requests against the datastore's entity tag and timestamp
 * (RFC 7232, as the NSO RESTCONF seed applies them): 304 for retrievals that
 * would return what the client has, 412 for edits based on a stale view.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Snapshot } from './datastore.js';

export type Precondition = 'proceed' | 'not-modified' | 'failed';

/** The entity tags of a header; `weak` compares weakly (If-None-Match), else a weak tag never matches (If-Match, RFC 7232 3.1). */
function tagList(header: string, weak: boolean): string[] {
  return header.split(',').map((t) => (weak ? t.trim().replace(/^W\//, '') : t.trim()));
}

function parseDate(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const t = Date.parse(header);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Evaluates If-Match, If-Unmodified-Since, If-None-Match and If-Modified-Since in RFC 7232 section 6 order.
 * `exists` says whether the target has a current representation: `*` matches only then (RFC 7232 3.1, 3.2);
 * it is asked only for a `*`.
 */
export function evaluatePreconditions(headers: IncomingHttpHeaders, snap: Snapshot, method: string, exists: () => boolean): Precondition {
  const retrieval = method === 'GET' || method === 'HEAD';
  const modified = snap.lastModified.getTime();
  const ifMatch = headers['if-match'];
  if (ifMatch) {
    const tags = tagList(ifMatch, false);
    if (!(tags.includes('*') ? exists() : tags.includes(snap.etag))) return 'failed';
  } else {
    const since = parseDate(headers['if-unmodified-since']);
    if (since !== undefined && modified > since) return 'failed';
  }
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch) {
    const tags = tagList(ifNoneMatch, true);
    if (tags.includes('*') ? exists() : tags.includes(snap.etag)) return retrieval ? 'not-modified' : 'failed';
  } else if (retrieval) {
    const since = parseDate(headers['if-modified-since']);
    if (since !== undefined && modified <= since) return 'not-modified';
  }
  return 'proceed';
}
