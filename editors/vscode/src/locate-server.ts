/**
 * Where the `yangkit` executable that serves `yangkit lsp` is. Kept apart from the `vscode`
 * module (and given its file system, environment and platform as arguments) so that it is
 * testable without VS Code and for Windows on any platform.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

export interface LocateOptions {
  /** The `yangkit.path` setting: when set, it is the only place looked at. */
  setting?: string;
  /** Workspace folders, as file system paths; their `node_modules/.bin` come first. */
  workspaceFolders: readonly string[];
  /**
   * Whether the user trusts the workspace (VS Code's workspace trust). An untrusted
   * workspace's own files are never run: not its node_modules/.bin, not a relative `yangkit.path`.
   */
  trusted: boolean;
  /** The PATH environment variable. */
  pathEnv?: string;
  /** Windows: the PATHEXT environment variable (executable extensions). */
  pathExt?: string;
  platform: NodeJS.Platform;
  home: string;
  /** Whether `file` is an executable file. */
  isExecutable: (file: string) => boolean;
}

export type ServerLocation =
  | {
      found: true;
      command: string;
      /** A Windows .cmd/.bat shim, which Node can only start through the shell. */
      shell: boolean;
      from: 'setting' | 'workspace' | 'path';
    }
  | { found: false; message: string };

const WINDOWS_DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';

export function locateServer(opts: LocateOptions): ServerLocation {
  const windows = opts.platform === 'win32';
  const path = windows ? win32 : posix;
  // npm's shims on Windows: yangkit.cmd (and a `yangkit` shell script that cmd cannot run).
  const extensions = windows ? (opts.pathExt || WINDOWS_DEFAULT_PATHEXT).split(';').filter(Boolean) : [''];
  const executable = (base: string) => {
    const candidates = windows && path.extname(base) ? [base] : extensions.map((ext) => base + ext);
    return candidates.find((file) => opts.isExecutable(file));
  };
  const onPath = (name: string) => {
    for (const dir of (opts.pathEnv ?? '').split(path.delimiter)) {
      // A relative entry would be relative to the server's working folder, the workspace.
      const file = path.isAbsolute(dir) && executable(path.join(dir, name));
      if (file) return file;
    }
    return undefined;
  };
  const found = (command: string, from: 'setting' | 'workspace' | 'path'): ServerLocation => ({
    found: true,
    command,
    shell: windows && /\.(cmd|bat)$/i.test(command),
    from,
  });

  const setting = opts.setting?.trim();
  if (setting) {
    const expanded = setting === '~' ? opts.home : /^~[/\\]/.test(setting) ? path.join(opts.home, setting.slice(2)) : setting;
    const isBareName = !/[/\\]/.test(expanded);
    const base = opts.workspaceFolders[0];
    if (!isBareName && !path.isAbsolute(expanded) && !opts.trusted) {
      return { found: false, message: `yangkit: the setting "yangkit.path" is "${setting}", a path in the workspace, which is not trusted.` };
    }
    const file = isBareName ? onPath(expanded) : executable(base ? path.resolve(base, expanded) : path.resolve(expanded));
    if (file) return found(file, 'setting');
    return {
      found: false,
      message: `yangkit: the setting "yangkit.path" is "${setting}", but no executable is ${isBareName ? 'by that name on PATH' : 'there'}.`,
    };
  }
  for (const folder of opts.trusted ? opts.workspaceFolders : []) {
    const file = executable(path.join(folder, 'node_modules', '.bin', 'yangkit'));
    if (file) return found(file, 'workspace');
  }
  const file = onPath('yangkit');
  if (file) return found(file, 'path');
  return {
    found: false,
    message: opts.trusted
      ? 'yangkit: cannot find the yangkit executable (looked in node_modules/.bin of the workspace folders, then on PATH). ' +
        'Install it in the workspace (npm install --save-dev yangkit) or set "yangkit.path".'
      : 'yangkit: cannot find the yangkit executable on PATH; node_modules/.bin of this workspace is not used until you trust the workspace.',
  };
}

/** The real file system's answer to `isExecutable`. */
export function isExecutableFile(file: string): boolean {
  try {
    // On Windows X_OK is the same as F_OK: the extension (PATHEXT) decides.
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
