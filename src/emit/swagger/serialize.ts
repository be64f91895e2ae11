/** Writes an emitted document as JSON or YAML, chosen by the output file's extension. */
import { stringify } from 'yaml';

export type DocumentFormat = 'json' | 'yaml';

export function documentFormat(file: string): DocumentFormat {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  throw new Error(`cannot tell the format of '${file}': use a .json, .yaml or .yml extension`);
}

/**
 * An object given member by member, each built when asked for (a generator's members are
 * built one at a time, once: iterate it once). A document whose `paths` are one is written
 * path by path (`writeJson`), never held whole as objects or text; `materialize` makes it a
 * plain object. A `Members` may hold others; a plain object holds none.
 */
export class Members {
  constructor(readonly entries: Iterable<readonly [string, unknown]>) {}
}

/** The plain value of `value`, its `Members` built (a member that is undefined is kept, as JSON drops it). */
export function materialize(value: unknown): unknown {
  if (!(value instanceof Members)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of value.entries) out[key] = materialize(member);
  return out;
}

export function serializeDocument(doc: object, file: string): string {
  return documentFormat(file) === 'json'
    ? serializeJson(doc)
    : // No anchors/aliases for repeated objects, no folding of long patterns and descriptions.
      stringify(materialize(doc), { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** A document longer than this written one operation a line is written so; a smaller one is indented throughout. */
const LARGE_DOCUMENT = 4 * 2 ** 20;
/** Objects nested less deep than this get a line per member: the document, its sections, each path and each named component. */
const LINE_DEPTH = 3;

/**
 * JSON text of a document, indented by two spaces, ending with a newline. A large
 * document (openconfig-network-instance's has 6,000 paths and 14,000 operations) is
 * indented down to its operations and named components only, each operation on one
 * line: indenting everything would make a third of it whitespace, for the tools that
 * read such a document (and people, who read it through them, or grep it by line).
 */
export function serializeJson(doc: object): string {
  const chunks: string[] = [];
  writeJson(doc, (text) => chunks.push(text));
  return chunks.join('');
}

/**
 * Writes the text of `serializeJson(doc)` through `write`, piece by piece. The first
 * LARGE_DOCUMENT characters of the large layout are held back until the layout is known;
 * past them the text goes out as it is made, so that a large document whose paths are
 * `Members` is built one path at a time. A smaller document is indented throughout from
 * the text held back: parsed again, it is the document (JSON keeps the order of members).
 */
export function writeJson(doc: object, write: (text: string) => void): void {
  const held: string[] = [];
  let length = 0;
  let large = false;
  lineJson(doc, 0, '', (text) => {
    if (large) return write(text);
    held.push(text);
    length += text.length;
    if (length > LARGE_DOCUMENT) {
      large = true;
      write(held.join(''));
      held.length = 0;
    }
  });
  write(large ? '\n' : `${JSON.stringify(JSON.parse(held.join('')), null, 2)}\n`);
}

function lineJson(value: unknown, depth: number, indent: string, write: (text: string) => void): void {
  if (depth >= LINE_DEPTH || value === null || typeof value !== 'object' || Array.isArray(value)) return write(JSON.stringify(materialize(value)));
  const inner = `${indent}  `;
  let empty = true;
  for (const [key, member] of value instanceof Members ? value.entries : Object.entries(value)) {
    if (member === undefined) continue;
    write(`${empty ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
    empty = false;
    lineJson(member, depth + 1, inner, write);
  }
  write(empty ? '{}' : `\n${indent}}`);
}
