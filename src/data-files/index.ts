/**
 * Instance documents from files: JSON (RFC 7951) or XML by extension, with
 * positions, several files merged into one tree.
 */
import { readFileSync } from 'node:fs';
import type { SchemaSet } from '../ir/types.js';
import { type JsonObject, type JsonValue, SchemaIndex, isObject } from '../restconf/schema-index.js';
import { readJsonData } from './json.js';
import { mergeData } from './merge.js';
import { DataFileError, DataPositions } from './positions.js';
import { readXmlData } from './xml.js';

export { readJsonData } from './json.js';
export { readXmlData, type XmlDataOptions } from './xml.js';
export { mergeData } from './merge.js';
export { DataFileError, DataPositions, LineIndex, formatLoc, type MemberKey } from './positions.js';

export type DataEncoding = 'json' | 'xml';

export interface DataDocument {
  /** The RFC 7951 tree (XML leaf values as strings: validate with encoding 'lexical'). */
  document: JsonObject;
  encoding: DataEncoding;
}

export interface ReadDataOptions {
  /** What rpc/action instances carry: input (default) or output (a reply). */
  operations?: 'input' | 'output';
}

/** RFC 8040 3.4.1 / 6.4 envelopes a JSON document may come in; their content is the document. */
const JSON_WRAPPERS = ['ietf-restconf:data', 'ietf-restconf:notification'];

function unwrapJson(value: JsonValue, file: string, positions: DataPositions): JsonObject {
  if (!isObject(value)) throw new DataFileError('an instance document must be a JSON object', (Array.isArray(value) && positions.start(value)) || { file });
  const members = Object.keys(value);
  const inner = members.length === 1 && JSON_WRAPPERS.includes(members[0]!) ? value[members[0]!] : undefined;
  if (inner === undefined) return value;
  if (!isObject(inner)) throw new DataFileError(`"${members[0]}" must hold an object`, positions.member(value, members[0]!) ?? { file });
  // The notification envelope's eventTime is not part of the notification (RFC 8040 6.4).
  if (members[0] === 'ietf-restconf:notification') delete inner.eventTime;
  return inner;
}

export function encodingOf(file: string): DataEncoding | undefined {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return ext === 'json' ? 'json' : ext === 'xml' ? 'xml' : undefined;
}

/** Reads one data file; every failure (unreadable, unknown extension, malformed) is a DataFileError. */
export function readDataFile(file: string, schema: SchemaSet, positions: DataPositions, options: ReadDataOptions = {}): DataDocument {
  const encoding = encodingOf(file);
  if (!encoding) throw new DataFileError('data files must be .json or .xml', { file }, 'unreadable');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DataFileError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file }, 'unreadable');
  }
  if (encoding === 'xml') return { encoding, document: readXmlData(text, file, schema, positions, options) };
  return { encoding, document: unwrapJson(readJsonData(text, file, positions), file, positions) };
}

/** JSON values as the XML encoding writes them (strings; empty for `[null]`), for validating JSON and XML together. */
export function toLexical(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    if (value.length === 1 && value[0] === null) return '';
    value.forEach((v, i) => (value[i] = toLexical(v)));
    return value;
  }
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) value[k] = toLexical(v);
    return value;
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

export interface MergedData {
  document: JsonObject;
  /** 'lexical' when any file is XML (JSON files' values are then turned into strings too). */
  encoding: 'json' | 'lexical';
}

/**
 * Merges documents read with readDataFile, in order (later leaves win). `lexical` (default: when any
 * is XML) turns JSON values into strings so that one encoding applies to the whole tree.
 */
export function mergeDocuments(docs: DataDocument[], schema: SchemaSet, positions: DataPositions, lexical = docs.some((d) => d.encoding === 'xml')): MergedData {
  const [first, ...rest] = docs.map((d) => (lexical && d.encoding === 'json' ? (toLexical(d.document) as JsonObject) : d.document));
  const document = first ?? {};
  if (rest.length) {
    const topLevel = new SchemaIndex(schema).topLevel;
    for (const doc of rest) mergeData(document, doc, topLevel, undefined, positions);
  }
  return { document, encoding: lexical ? 'lexical' : 'json' };
}
