import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Validity cases: small YANG inputs, each about one rule, with what the compiler must say.
 *
 * A case is a `.yang` file, or a folder of `.yang` files compiled together (all of them
 * inputs, the folder the search path), under `cases/<area>/`. The first line of the case
 * (of its first file, by name) is a comment naming the rule: `// RFC 7950 9.2.1: ...`.
 * A line that must carry a diagnostic ends with a marker comment, one or more of
 * `//~ error CODE` and `//~ warning CODE`. A case without error markers must compile
 * without errors; a case with them must give exactly those errors (code and line).
 * The same files are what `npm run compare` gives yanglint.
 */
export interface ValidityCase {
  /** `area/name`, relative to the cases folder. */
  id: string;
  /** The rule the first line names, e.g. `RFC 7950 9.2.1: ...`. */
  rule: string;
  dir: string;
  files: string[];
  expected: Expected[];
}

export interface Expected {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  code: string;
}

export const CASES_DIR = join(import.meta.dirname, 'cases');

const MARKER = /\/\/~\s*(error|warning)\s+([a-z0-9-]+)/g;

export function loadCases(root = CASES_DIR): ValidityCase[] {
  const cases: ValidityCase[] = [];
  for (const area of readdirSync(root).sort()) {
    const areaDir = join(root, area);
    if (!statSync(areaDir).isDirectory()) continue;
    for (const entry of readdirSync(areaDir).sort()) {
      const path = join(areaDir, entry);
      if (statSync(path).isDirectory()) {
        const files = readdirSync(path).filter((f) => f.endsWith('.yang')).sort().map((f) => join(path, f));
        cases.push(makeCase(`${area}/${entry}`, path, files));
      } else if (entry.endsWith('.yang')) {
        cases.push(makeCase(`${area}/${basename(entry, '.yang')}`, areaDir, [path]));
      }
    }
  }
  return cases;
}

function makeCase(id: string, dir: string, files: string[]): ValidityCase {
  const expected: Expected[] = [];
  let rule = '';
  for (const file of files) {
    const lines = readFileSync(file, 'latin1').split('\n');
    if (file === files[0]) rule = /^\/\/\s*(.*)$/.exec(lines[0] ?? '')?.[1]?.trim() ?? '';
    lines.forEach((text, i) => {
      for (const m of text.matchAll(MARKER)) expected.push({ file, line: i + 1, severity: m[1] as Expected['severity'], code: m[2]! });
    });
  }
  return { id, rule, dir, files, expected };
}
