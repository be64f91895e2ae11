import { readFileSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { moduleFileName, Repository, type ModuleFile } from '../modules/repository.js';

/**
 * The files a compiler sees: the disk, overlaid with in-memory texts and with
 * files marked removed. Paths are absolute.
 */
export class SourceOverlay {
  /** Text by path; `null` marks a file removed even if it is still on disk. */
  private readonly entries = new Map<string, string | null>();

  set(file: string, text: string): void {
    this.entries.set(file, text);
  }

  markRemoved(file: string): void {
    this.entries.set(file, null);
  }

  /** Back to whatever the disk holds. */
  clear(file: string): void {
    this.entries.delete(file);
  }

  /** Whether the overlay decides what the file holds (text in memory, or removed), rather than the disk. */
  overrides(file: string): boolean {
    return this.entries.has(file);
  }

  isRemoved(file: string): boolean {
    return this.entries.get(file) === null;
  }

  /**
   * Reads a file as the compiler sees it: unsaved text, else the bytes on disk (decoded by the
   * parser, which reports invalid UTF-8); throws ENOENT for a removed file, like the disk would.
   */
  read(file: string): string | Uint8Array {
    const text = this.entries.get(file);
    if (text === null) throw Object.assign(new Error(`ENOENT: no such file, open '${file}'`), { code: 'ENOENT' });
    return text ?? readFileSync(file);
  }

  /** In-memory files (not removed) that are not necessarily on disk. */
  inMemoryFiles(): string[] {
    return [...this.entries].filter(([, text]) => text !== null).map(([file]) => file);
  }
}

/**
 * A repository scanned from disk as usual, plus the overlay's in-memory files lying
 * under a search directory, minus removed files. It records which module names
 * were looked up, so a compiler can tell whether a new file could change a result.
 */
export class OverlayRepository extends Repository {
  readonly lookedUp = new Set<string>();
  private readonly extra = new Map<string, ModuleFile[]>();

  constructor(
    searchPaths: readonly string[],
    private readonly overlay: SourceOverlay,
  ) {
    super(searchPaths);
    const dirs = searchPaths.map((d) => resolve(d) + sep);
    for (const file of overlay.inMemoryFiles()) {
      const mf = moduleFileName(file);
      if (!mf || !dirs.some((d) => file.startsWith(d))) continue;
      const list = this.extra.get(mf.name) ?? [];
      list.push(mf);
      this.extra.set(mf.name, list);
    }
  }

  override candidates(name: string): readonly ModuleFile[] {
    this.lookedUp.add(name);
    return super.candidates(name);
  }

  protected override searched(name: string): readonly ModuleFile[] {
    const onDisk = super.searched(name).filter((mf) => !this.overlay.isRemoved(mf.file));
    const inMemory = (this.extra.get(name) ?? []).filter((mf) => !onDisk.some((d) => basename(d.file) === basename(mf.file)));
    return [...onDisk, ...inMemory];
  }
}
