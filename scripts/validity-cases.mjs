// The validity cases of test/validity/cases: read by the test (validity.test.ts) and by
// `npm run compare` (compare-validity.mjs), which gives the same files to yanglint.
//
// A case is a `.yang` file, or a folder of `.yang` files compiled together (all of them
// inputs, the folder the search path), under `cases/<area>/`. Line 1 (of the first file
// by name) is a comment naming the rule: `// RFC 7950 9.2.1: ...`; an optional line 2
// `// yanglint: ...` explains where yanglint's verdict differs. A line that must carry a
// diagnostic ends with marker comments: `//~ error CODE` or `//~ warning CODE`. A case
// without error markers must compile without errors; one with them must give exactly
// those errors (code and line).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CASES_DIR = resolve(fileURLToPath(import.meta.url), '../../test/validity/cases');

const MARKER = /\/\/~\s*(error|warning)\s+([a-z0-9.-]+)/g;

export function loadCases(root = CASES_DIR) {
  const cases = [];
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

function makeCase(id, dir, files) {
  const expected = [];
  let rule = '';
  let yanglint = '';
  for (const file of files) {
    // latin1: cases about invalid UTF-8 must still be readable here.
    const lines = readFileSync(file, 'latin1').split('\n');
    if (file === files[0]) {
      rule = /^\/\/\s*(.*)$/.exec(lines[0] ?? '')?.[1]?.trim() ?? '';
      yanglint = /^\/\/\s*yanglint:\s*(.*)$/.exec(lines[1] ?? '')?.[1]?.trim() ?? '';
    }
    lines.forEach((text, i) => {
      for (const m of text.matchAll(MARKER)) expected.push({ file, line: i + 1, severity: m[1], code: m[2] });
    });
  }
  return { id, rule, yanglint, dir, files, expected };
}
