/**
 * XML instance documents (RFC 7950 section 9 value encodings, RFC 6241
 * content) read into the RFC 7951 tree with the position of every element:
 * the RESTCONF server's reader (src/restconf/xml.ts) does the conversion,
 * this adds positions, several top-level elements and the NETCONF/RESTCONF wrappers.
 * Leaf values stay strings as written (validate them with encoding 'lexical').
 */
import type { SchemaSet } from '../ir/types.js';
import { type JsonObject, SchemaIndex, isObject } from '../restconf/schema-index.js';
import { RestconfError } from '../restconf/errors.js';
import { RESTCONF_NS, XmlCodec, type XmlElement, readXmlElements, xmlErrorPlace } from '../restconf/xml.js';
import { DataFileError, type DataPositions, LineIndex } from './positions.js';

const NETCONF_NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
const NOTIFICATION_NS = 'urn:ietf:params:xml:ns:netconf:notification:1.0';

export interface XmlDataOptions {
  /** What rpc/action elements carry: their input (default) or output (a reply). */
  operations?: 'input' | 'output';
}

const indexes = new WeakMap<SchemaSet, SchemaIndex>();

function schemaIndex(schema: SchemaSet): SchemaIndex {
  let index = indexes.get(schema);
  if (!index) indexes.set(schema, (index = new SchemaIndex(schema)));
  return index;
}

/**
 * The top-level elements of the document: a `<data>`/`<config>` wrapper (NETCONF, RESTCONF) is
 * looked through, and so is an RFC 5277 `<notification>` envelope (its eventTime left out).
 */
function topElements(roots: XmlElement[]): XmlElement[] {
  const only = roots.length === 1 ? roots[0]! : undefined;
  if (!only) return roots;
  if ((only.ns === NETCONF_NS || only.ns === RESTCONF_NS) && (only.local === 'data' || only.local === 'config')) return only.children;
  if (only.ns === NOTIFICATION_NS && only.local === 'notification') return only.children.filter((c) => c.local !== 'eventTime');
  return roots;
}

/** Reads `text` (the contents of `file`) against the schema; throws DataFileError, located, when it cannot. */
export function readXmlData(text: string, file: string, schema: SchemaSet, positions: DataPositions, options: XmlDataOptions = {}): JsonObject {
  const lines = new LineIndex(text, file);
  const codec = new XmlCodec(schemaIndex(schema), {
    operations: options.operations ?? 'input',
    metadata: true,
    onMember: (holder, key, el) => {
      positions.setMember(holder, key, lines, el.offset);
      const value = (holder as Record<string | number, unknown>)[key];
      if (isObject(value) || Array.isArray(value)) positions.setStart(value, lines, el.offset);
    },
  });
  try {
    const tops = topElements(readXmlElements(text));
    const document: XmlElement = { local: '', ns: '', scope: new Map(), children: tops, text: '', offset: tops[0]?.offset ?? 0 };
    const out = codec.childObject(document, schemaIndex(schema).topLevel, undefined, '');
    positions.setStart(out, lines, document.offset);
    return out;
  } catch (err) {
    if (!(err instanceof RestconfError)) throw err;
    const place = xmlErrorPlace(err);
    throw new DataFileError(err.message, !place ? { file } : 'offset' in place ? lines.loc(place.offset) : { file, ...place }, err.errors[0]?.tag);
  }
}
