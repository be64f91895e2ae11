/** What one request carries through the handlers, and what they hand back to the transport. */
import type { IncomingMessage } from 'node:http';
import type { Snapshot } from './datastore.js';
import type { Encoding } from './media.js';
import { MEDIA_JSON, MEDIA_XML } from './media.js';

export interface Exchange {
  req: IncomingMessage;
  method: string;
  /** The request path as received (percent-encoded), without the query. */
  path: string;
  /** The query string without "?". */
  search: string;
  /** Negotiated response encoding. */
  encoding: Encoding;
  /** The authenticated user, when authentication is on. */
  user?: string;
  /** `scheme://host` of this server as the client addressed it. */
  origin: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A document, or the bytes of a file (the API explorer's assets). */
  body?: string | Uint8Array;
}

export function contentTypeOf(encoding: Encoding): string {
  return encoding === 'json' ? MEDIA_JSON : MEDIA_XML;
}

/** A reply carrying a document in the exchange's encoding. */
export function documentReply(status: number, encoding: Encoding, body: string, headers: Record<string, string> = {}): Reply {
  return { status, body, headers: { 'Content-Type': contentTypeOf(encoding), ...headers } };
}

export function versionHeaders(snap: Snapshot): Record<string, string> {
  return { ETag: snap.etag, 'Last-Modified': snap.lastModified.toUTCString() };
}
