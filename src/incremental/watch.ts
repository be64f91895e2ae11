import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface Watcher {
  close(): void;
}

/**
 * Calls `onChange` with the files that changed under `folders` (recursively) and
 * among `files`, after `quietMs` without further events, so an editor's save or a
 * checkout of many files makes one call.
 *
 * Each folder gets its own non-recursive watcher: Node 20's `recursive` option on
 * Linux stops reporting a file once an editor has replaced it by a rename.
 */
export function watchPaths(folders: readonly string[], files: readonly string[], onChange: (changed: string[]) => void, quietMs = 60): Watcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const note = (file: string): void => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending].sort();
      pending.clear();
      onChange(changed);
    }, quietMs);
  };

  const watchers = new Map<string, FSWatcher>();
  const watchFolder = (dir: string, recursive: boolean, accept: (path: string) => boolean = () => true): void => {
    if (watchers.has(dir)) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
      const watcher = watch(dir, (_event, name) => {
        if (!name) return;
        const path = join(dir, name.toString());
        if (recursive) watchFolder(path, true); // a new subfolder; not a folder: nothing happens
        if (accept(path)) note(path);
      });
      watcher.on('error', () => {
        watcher.close(); // the folder went away
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
    } catch {
      return; // not a folder (any more)
    }
    if (recursive) for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) watchFolder(join(dir, e.name), true);
  };

  for (const folder of folders) watchFolder(resolve(folder), true);
  // A file's folder, not the file: a save that replaces the file would end a watcher on the file.
  const wanted = new Set(files.map((f) => resolve(f)));
  for (const file of wanted) watchFolder(dirname(file), false, (path) => wanted.has(path));
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
