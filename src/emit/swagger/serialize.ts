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
  const chunks: string[] = [];
  let length = 0;
  lineJson(doc, 0, '', (text) => {
    chunks.push(text);
    length += text.length;
  });
  // One join at the end: the large document's text is built once, not once per level.
  return length > LARGE_DOCUMENT ? `${chunks.join('')}\n` : `${JSON.stringify(doc, null, 2)}\n`;
}

function lineJson(value: unknown, depth: number, indent: string, write: (text: string) => void): void {
  if (depth >= LINE_DEPTH || value === null || typeof value !== 'object' || Array.isArray(value)) return write(JSON.stringify(value));
  const members = Object.entries(value).filter(([, v]) => v !== undefined);
  if (members.length === 0) return write('{}');
  const inner = `${indent}  `;
  write('{');
  members.forEach(([key, member], i) => {
    write(`${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `);
    lineJson(member, depth + 1, inner, write);
  });
  write(`\n${indent}}`);
}
