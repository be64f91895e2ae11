import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/**
 * Writes a file so readers see the old content or the new, never half of it:
 * write a sibling temporary file, then rename over the target.
 */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, content, { flush: true });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Writes generated files under `dir`, each atomically, only after all were generated. */
export function writeFilesAtomic(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [name, content] of files) writeFileAtomic(join(dir, name), content);
}
