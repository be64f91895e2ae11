import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'generated' ? [] : sourceFiles(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** `import`/`export ... from` (also `import type`, multi-line), side-effect `import '...'` and `import('...')`: the relative specifiers. */
const IMPORT_FORMS = [
  /^\s*(?:import|export)\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\}|\w+(?:\s*,\s*(?:\{[^}]*\}|\*\s+as\s+\w+))?)\s*from\s*['"](\.[^'"]+)['"]/gm,
  /^\s*import\s*['"](\.[^'"]+)['"]/gm,
  /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g,
];

function relativeSpecifiers(text: string): string[] {
  return IMPORT_FORMS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

/** Relative imports of a file, resolved to paths under src/ (`x.js` names the source `x.ts`). */
function importsOf(file: string): string[] {
  return relativeSpecifiers(readFileSync(file, 'utf8')).map((s) => relative(SRC, join(file, '..', s)).replace(/\.js$/, '.ts'));
}

/** The strongly connected components of more than one file, or of one file importing itself (Tarjan). */
function importCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('the data flows one way', () => {
  const files = sourceFiles(SRC);

  it('nothing outside src/cli imports src/cli', () => {
    const offending = files
      .filter((f) => !relative(SRC, f).startsWith('cli/'))
      .flatMap((f) => importsOf(f).filter((i) => i.startsWith('cli/')).map((i) => `${relative(SRC, f)} -> ${i}`));
    expect(offending).toEqual([]);
  });

  it('the compiler does not import the emitters, the runtime or the build core', () => {
    const offending = files
      .filter((f) => /^(syntax|modules|compile|ir|diagnostics)\//.test(relative(SRC, f)))
      .flatMap((f) => importsOf(f).filter((i) => /^(emit|restconf|incremental|cli)\//.test(i)).map((i) => `${relative(SRC, f)} -> ${i}`));
    expect(offending).toEqual([]);
  });

  it('no import cycles among src/ files, counting `import type` and `import()` edges too', () => {
    const graph = new Map(files.map((f) => [relative(SRC, f), importsOf(f)]));
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('the import scanner', () => {
  it('sees multi-line, type-only, re-exporting, side-effect and dynamic imports, and nothing else', () => {
    const text = [
      "import {\n  a,\n  type B,\n} from './one.js';",
      "import type { C } from '../two.js';",
      "import d, { e } from './three.js';",
      "import * as f from \"./four.js\";",
      "export { g } from './five.js';",
      "export * from './six.js';",
      "export type {\n  H,\n} from './seven.js';",
      "import './eight.js';",
      "const i = await import('./nine.js');",
      "import { j } from 'node:fs';",
      "const k = 'from ./not-an-import.js';",
    ].join('\n');
    expect(relativeSpecifiers(text).sort()).toEqual(
      ['../two.js', './eight.js', './five.js', './four.js', './nine.js', './one.js', './seven.js', './six.js', './three.js'].sort(),
    );
  });
});
