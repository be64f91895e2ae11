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
    ? `${JSON.stringify(doc, null, 2)}\n`
    : // No anchors/aliases for repeated objects, no folding of long patterns and descriptions.
      stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}
