import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'generated' ? [] : sourceFiles(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of a file, resolved to paths under src/. */
function importsOf(file: string): string[] {
  const specs = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map((m) => m[1]!);
  return specs.map((s) => relative(SRC, join(file, '..', s)));
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
});
