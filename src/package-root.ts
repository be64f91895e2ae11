import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (package.json, yang/, templates/, src/emit/types/runtime/):
 * the nearest folder above this file holding a package.json. Found rather than written as
 * a relative path because this code runs from src/, from dist/ and from the bundled CLI
 * (dist/cli/), each at a different depth.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) throw new Error(`no package.json above ${dir}`);
  }
}
