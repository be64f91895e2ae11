/**
 * Request bodies: parsing by Content-Type and extracting the one data member a
 * RESTCONF edit carries (RFC 8040 sections 4.4-4.6), decoded against the IR.
 */
import type { IncomingMessage } from 'node:http';
import type { DataNode } from '../ir/types.js';
import { decodeNode, decodeObject } from './decode.js';
import { RestconfError, invalidValue } from './errors.js';
import type { Encoding } from './media.js';
import { type JsonObject, type JsonValue, type SchemaIndex, isDataNode, isObject, lookupChild } from './schema-index.js';
import type { Siblings } from './tree.js';
import { RESTCONF_NS, type XmlCodec, type XmlElement, readXml } from './xml.js';

export type ParsedBody = { encoding: 'json'; json: unknown } | { encoding: 'xml'; root: XmlElement };

/** Fatal: invalid UTF-8 is refused rather than stored as U+FFFD (RFC 8259 section 8.1, XML 1.0 section 4.3.3). */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw RestconfError.of('too-big', `request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    throw RestconfError.of('malformed-message', 'request body is not valid UTF-8');
  }
}

export function parseBody(text: string, encoding: Encoding): ParsedBody {
  if (encoding === 'xml') return { encoding, root: readXml(text) };
  try {
    return { encoding, json: JSON.parse(text) as unknown };
  } catch (err) {
    throw RestconfError.of('malformed-message', `body is not valid JSON: ${(err as Error).message}`);
  }
}

/** Decoding options for datastore edits in the body's encoding. */
function editOptions(body: ParsedBody) {
  return { encoding: body.encoding === 'json' ? ('json' as const) : ('lexical' as const), rejectState: true };
}

export interface BodyMember {
  node: DataNode;
  /** Decoded value; for a list or leaf-list an array of entries or values. */
  value: JsonValue;
}

/**
 * The single top-level member of an edit body, which must be one of `where`'s
 * children (named module-qualified, RFC 7951 section 4). `parentPath` is the
 * instance path of the object that will hold it.
 */
export function bodyMember(body: ParsedBody, where: Siblings, parentPath: string, codec: XmlCodec): BodyMember {
  let node: DataNode;
  let raw: unknown;
  if (body.encoding === 'xml') {
    ({ node, value: raw } = codec.rootMember(body.root, where, parentPath));
  } else {
    if (!isObject(body.json)) throw RestconfError.of('malformed-message', 'the body must be a JSON object');
    const members = Object.keys(body.json);
    if (members.length !== 1) throw RestconfError.of('malformed-message', `the body must have exactly one member, found ${members.length}`);
    const entry = lookupChild(where.children, undefined, members[0]!);
    if (!entry || !isDataNode(entry.node)) {
      throw RestconfError.of('unknown-element', `"${members[0]}" is not a module-qualified data node allowed here`, { path: `${parentPath}/${members[0]}` });
    }
    node = entry.node;
    raw = body.json[members[0]!];
    // A list entry is often sent as a bare object; RFC 7951 wants an array of one.
    if (node.kind === 'list' && isObject(raw)) raw = [raw];
  }
  return { node, value: decodeNode(node, raw, `${parentPath}/${node.jsonName}`, editOptions(body)) };
}

/** The single instance an edit body carries for a list or leaf-list entry (arrays of exactly one). */
export function singleInstance(member: BodyMember, path: string): JsonValue {
  const { node, value } = member;
  if (node.kind !== 'list' && node.kind !== 'leaf-list') return value;
  const items = value as JsonValue[];
  if (items.length !== 1) throw invalidValue(path, `the body must contain exactly one ${node.name} entry, found ${items.length}`);
  return items[0]!;
}

/** A whole-datastore body: `{"ietf-restconf:data": {...}}` or `<data xmlns="...ietf-restconf">`. */
export function datastoreBody(body: ParsedBody, index: SchemaIndex, codec: XmlCodec): JsonObject {
  if (body.encoding === 'xml') {
    if (body.root.local !== 'data' || body.root.ns !== RESTCONF_NS) throw RestconfError.of('malformed-message', `the root element must be <data xmlns="${RESTCONF_NS}">`);
    return decodeObject(index.topLevel, undefined, codec.childObject(body.root, index.topLevel, undefined, ''), '', editOptions(body));
  }
  const data = isObject(body.json) ? body.json['ietf-restconf:data'] : undefined;
  if (!isObject(body.json) || Object.keys(body.json).length !== 1 || data === undefined) {
    throw RestconfError.of('malformed-message', 'a datastore body must be {"ietf-restconf:data": {...}}');
  }
  return decodeObject(index.topLevel, undefined, data, '', editOptions(body));
}
