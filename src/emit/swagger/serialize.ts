/** Writes an emitted document as JSON or YAML, chosen by the output file's extension. */
import { stringify } from 'yaml';

export type DocumentFormat = 'json' | 'yaml';

export function documentFormat(file: string): DocumentFormat {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  throw new Error(`cannot tell the format of '${file}': use a .json, .yaml or .yml extension`);
}

export function serializeDocument(doc: object, file: string): string {
  return documentFormat(file) === 'json'
    ? serializeJson(doc)
    : // No anchors/aliases for repeated objects, no folding of long patterns and descriptions.
      stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** A document longer than this written one operation a line is written so; a smaller one is indented throughout. */
const LARGE_DOCUMENT = 4 * 2 ** 20;
/** Objects nested less deep than this get a line per member: the document, its sections, each path and each named component. */
const LINE_DEPTH = 3;

/**
 * JSON text of a document, indented by two spaces, ending with a newline. A large
 * document (openconfig-network-instance's has 6,000 paths and 27,000 operations) is
 * indented down to its operations and named components only, each operation on one
 * line: indenting everything would make a third of it whitespace, for the tools that
 * read such a document (and people, who read it through them, or grep it by line).
 */
export function serializeJson(doc: object): string {
  const lines = lineJson(doc, 0, '');
  return `${lines.length > LARGE_DOCUMENT ? lines : JSON.stringify(doc, null, 2)}\n`;
}

function lineJson(value: unknown, depth: number, indent: string): string {
  if (depth >= LINE_DEPTH || value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const members = Object.entries(value).filter(([, v]) => v !== undefined);
  if (members.length === 0) return '{}';
  const inner = `${indent}  `;
  return `{\n${members.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${lineJson(v, depth + 1, inner)}`).join(',\n')}\n${indent}}`;
}
