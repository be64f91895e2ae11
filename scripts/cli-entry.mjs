#!/usr/bin/env node
// The `yangkit` command (dist/cli/main.js, written by scripts/bundle-cli.mjs from this file).
//
// Node 20 has no compile cache for ES modules, and compiling the CLI's source is about a third
// of a small `yangkit check`. So the CLI is one CommonJS-style bundle (yangkit.cjs), compiled
// here with vm.Script and V8's code cache: the first run saves the code V8 compiled (at exit,
// so it holds every function the command ran) and later runs start from it. The cache is
// keyed by the bundle's hash and Node's V8 version and V8 rejects one it cannot use, in which
// case this just compiles the source. Writing the cache is best effort: the install folder
// may be read-only (then the user cache folder is tried) and no failure reaches the command.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const BUNDLE_HASH = '__BUNDLE_HASH__'; // replaced by scripts/bundle-cli.mjs

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, 'yangkit.cjs');
const cacheName = `yangkit-${BUNDLE_HASH}-${process.versions.v8}-${process.arch}.v8cache`;

/** Where the cache may be: beside the bundle, else the user's cache folder. */
function cacheDirs() {
  const home = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) || join(homedir(), '.cache');
  return [here, join(home, 'yangkit')];
}

function readCache() {
  for (const dir of cacheDirs()) {
    try {
      return readFileSync(join(dir, cacheName));
    } catch {
      // not there: try the next folder
    }
  }
  return undefined;
}

/**
 * Writes V8's code cache to the first folder that takes it, through a temporary file (readers
 * never see half a file). The cache is serialized only once a file is open for it.
 */
function writeCache() {
  for (const dir of cacheDirs()) {
    const tmp = join(dir, `${cacheName}.${process.pid}.tmp`);
    let fd;
    try {
      mkdirSync(dir, { recursive: true });
      fd = openSync(tmp, 'w');
      writeSync(fd, script.createCachedData());
      closeSync(fd);
      fd = undefined;
      renameSync(tmp, join(dir, cacheName));
      return;
    } catch {
      // read-only or missing: try the next folder
      try {
        if (fd !== undefined) closeSync(fd);
        rmSync(tmp, { force: true });
      } catch {
        // nothing was written there
      }
    }
  }
}

const cachedData = readCache();
// The CommonJS wrapper, with import.meta.url of the bundled ES modules as a parameter.
const source = `(function (exports, require, module, __filename, __dirname, __yangkitBundleUrl) {${readFileSync(bundle, 'utf8')}\n})`;
const script = new Script(source, { filename: bundle, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      writeCache();
    } catch {
      // a cache is an optimisation: never fail the command for it
    }
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, here, pathToFileURL(bundle).href);
