import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/corpus` beside the repository. */
export const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

export function yangFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = join(dir, e);
      return statSync(p).isDirectory() ? yangFiles(p) : p.endsWith('.yang') ? [p] : [];
    });
}

/** Search paths as a pyang user would give them for each part of the corpus. */
export function searchPathsFor(file: string): string[] {
  return file.includes('/openconfig/')
    ? [join(CORPUS, 'openconfig'), join(CORPUS, 'ietf'), join(CORPUS, 'iana')]
    : [join(CORPUS, 'ietf'), join(CORPUS, 'iana'), join(CORPUS, 'ieee')];
}

/** Every module the corpus test compiles: all of OpenConfig's release models and the IETF RFC modules. */
export function corpusModules(): string[] {
  return [...yangFiles(join(CORPUS, 'openconfig/release/models')), ...yangFiles(join(CORPUS, 'ietf'))];
}

/** `../shared/reference` beside the repository: other tools' outputs on corpus modules. */
export const REFERENCE = resolve(CORPUS, '../reference');

/** The rows of a reference folder's MANIFEST.tsv, split on tabs. */
export function referenceManifest(folder: string): string[][] {
  return readFileSync(join(REFERENCE, folder, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
}
