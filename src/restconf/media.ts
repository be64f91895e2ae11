/** Media types and content negotiation (RFC 8040 sections 5.2 and 11.3, RFC 8072). */
import { RestconfError } from './errors.js';

export const MEDIA_JSON = 'application/yang-data+json';
export const MEDIA_XML = 'application/yang-data+xml';
export const MEDIA_PATCH_JSON = 'application/yang-patch+json';
export const MEDIA_PATCH_XML = 'application/yang-patch+xml';
export const MEDIA_EVENT_STREAM = 'text/event-stream';

export type Encoding = 'json' | 'xml';

const RESPONSE_TYPES: Record<string, Encoding> = {
  [MEDIA_JSON]: 'json',
  'application/json': 'json',
  [MEDIA_XML]: 'xml',
  'application/xml': 'xml',
  'text/xml': 'xml',
  '*/*': 'json',
  'application/*': 'json',
};

interface MediaRange {
  type: string;
  q: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map((part) => {
      const [type, ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => /^q=/i.test(p));
      return { type: (type ?? '').toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.type && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q);
}

/** The response encoding the Accept header prefers; JSON without one; 406 when nothing fits. */
export function responseEncoding(accept: string | undefined): Encoding {
  if (!accept?.trim()) return 'json';
  for (const r of parseAccept(accept)) {
    const enc = RESPONSE_TYPES[r.type];
    if (enc) return enc;
  }
  throw RestconfError.of('invalid-value', `none of "${accept}" can be produced; use ${MEDIA_JSON} or ${MEDIA_XML}`, { status: 406 });
}

export function acceptsEventStream(accept: string | undefined): boolean {
  return !!accept && parseAccept(accept).some((r) => r.type === MEDIA_EVENT_STREAM || r.type === 'text/*' || r.type === '*/*');
}

export interface BodyKind {
  encoding: Encoding;
  /** A YANG Patch document (RFC 8072) rather than plain data. */
  yangPatch: boolean;
}

/** Classifies a request Content-Type; 415 for anything else. */
export function requestBodyKind(contentType: string | undefined): BodyKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  switch (type) {
    case MEDIA_JSON:
    case 'application/json':
      return { encoding: 'json', yangPatch: false };
    case MEDIA_XML:
    case 'application/xml':
    case 'text/xml':
      return { encoding: 'xml', yangPatch: false };
    case MEDIA_PATCH_JSON:
      return { encoding: 'json', yangPatch: true };
    case MEDIA_PATCH_XML:
      return { encoding: 'xml', yangPatch: true };
    default:
      throw RestconfError.of('invalid-value', `unsupported Content-Type "${contentType ?? ''}"; use ${MEDIA_JSON} or ${MEDIA_XML}`, { status: 415 });
  }
}
