import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, basename } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** The IETF base modules every YANG tool ships (ietf-inet-types, ietf-yang-types, ...), in the package's `yang/` folder. */
export const BUILTIN_MODULES_DIR = join(PACKAGE_ROOT, 'yang');

/** A `.yang` file found on the search path, named `name.yang` or `name@revision.yang`. */
export interface ModuleFile {
  name: string;
  /** Revision from the file name, if it carries one. */
  revision?: string;
  file: string;
}

const FILE_NAME = /^([A-Za-z_][A-Za-z0-9_.-]*?)(?:@(\d{4}-\d{2}-\d{2}))?\.yang$/;

/** Parses `name@rev.yang` / `name.yang`; undefined for other files. */
export function moduleFileName(file: string): ModuleFile | undefined {
  const m = FILE_NAME.exec(basename(file));
  return m ? { name: m[1]!, revision: m[2], file } : undefined;
}

/**
 * The `.yang` files under a list of search directories (searched recursively, as
 * `pyang -p` and yanglint do), indexed by module name. Directories listed first win
 * when the same file name appears twice. The built-in base modules come last: only
 * for a module that no search directory holds, so a user's own copy always wins.
 */
export class Repository {
  private readonly byName = new Map<string, ModuleFile[]>();
  private static builtins: Repository | undefined;

  constructor(searchPaths: readonly string[]) {
    for (const dir of searchPaths) this.scan(dir, 0);
  }

  /** Every file that may hold module `name`, in search-path order. */
  candidates(name: string): readonly ModuleFile[] {
    const own = this.searched(name);
    if (own.length > 0) return own;
    Repository.builtins ??= new Repository([BUILTIN_MODULES_DIR]);
    return Repository.builtins.searched(name);
  }

  /** The files for `name` found in the search directories. */
  protected searched(name: string): readonly ModuleFile[] {
    return this.byName.get(name) ?? [];
  }

  private scan(dir: string, depth: number): void {
    let entries: Dirent[];
    try {
      // With the entries' types: no stat() per entry, except for symbolic links.
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a missing search directory is not an error, as in pyang
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.name.endsWith('.yang')) {
        const mf = moduleFileName(path);
        if (mf) this.add(mf);
      } else if (!entry.name.startsWith('.') && depth < 32 && (entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path)))) {
        this.scan(path, depth + 1);
      }
    }
  }

  private add(mf: ModuleFile): void {
    const list = this.byName.get(mf.name);
    if (!list) this.byName.set(mf.name, [mf]);
    else if (!list.some((x) => basename(x.file) === basename(mf.file))) list.push(mf);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
