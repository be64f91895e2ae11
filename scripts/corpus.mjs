// Shared by compare-yanglint.mjs and bench.mjs: the corpus file set, its search
// paths, loading the built library, and running yanglint in bounded batches.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus');

/** All `.yang` files under dir, sorted, recursively. */
function yangFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? yangFiles(join(dir, e.name)) : e.name.endsWith('.yang') ? [join(dir, e.name)] : []));
}

/** True when the file's first statement (after comments) is `submodule`. */
function isSubmodule(file) {
  return /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*submodule\b/.test(readFileSync(file, 'utf8'));
}

/**
 * The corpus modules compared and benchmarked: OpenConfig's release models and the
 * IETF RFC modules. Submodules are skipped as inputs (yanglint refuses them too);
 * they are still compiled through the modules that include them.
 */
export function corpusModules() {
  if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  const all = [...yangFiles(join(CORPUS, 'openconfig/release/models')), ...yangFiles(join(CORPUS, 'ietf'))];
  return all.filter((f) => !isSubmodule(f));
}

/** Search paths as a pyang/yanglint user gives them for each part of the corpus (searched recursively). */
export function searchPathsFor(file) {
  const dirs = file.includes('/openconfig/') ? ['openconfig', 'ietf', 'iana'] : ['ietf', 'iana', 'ieee'];
  return dirs.map((d) => join(CORPUS, d));
}

/** Path relative to the corpus, for printing. */
export const rel = (file) => relative(CORPUS, file);

/** Imports the built compiler from dist/, building it first when dist/ is missing. */
export async function loadYangkit() {
  const entry = join(ROOT, 'dist/compile/index.js');
  if (!existsSync(entry)) {
    console.log('dist/ is missing: running `npm run build` ...');
    // tsc still emits on type errors, so a failing build can leave a usable dist/.
    try {
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    } catch {
      /* checked below */
    }
    if (!existsSync(entry)) {
      console.error('Could not build dist/. Run `npm run build` and fix its errors first.');
      process.exit(1);
    }
  }
  const { compileYang, ParseCache } = await import(entry);
  const { formatDiagnostic } = await import(join(ROOT, 'dist/diagnostics/index.js'));
  return { compileYang, ParseCache, formatDiagnostic };
}

/** yanglint's version line, or null when it is not installed. */
export function yanglintVersion() {
  try {
    return execFileSync('yanglint', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

export const YANGLINT_TIMEOUT_MS = 60_000;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * yanglint's flags besides the search paths. -i makes the imported modules that are
 * referenced (by leafref, augment, identityref defaults...) implemented: yangkit compiles
 * every module fully, while libyang without it rejects e.g. identityref defaults whose
 * identity is in an import-only module. -D: no search in the cwd. Features: all enabled
 * in implemented modules, as in yangkit. Override with YANGLINT_FLAGS="-ii", etc.
 */
const YANGLINT_FLAGS = (process.env.YANGLINT_FLAGS ?? '-i').split(' ').filter(Boolean);

/**
 * Runs yanglint on one file (or several compiled together) with the corpus search paths, or
 * the given ones. Resolves to { ok, timedOut, firstError, stderr, ms, maxRssKb };
 * maxRssKb comes from GNU time when /usr/bin/time exists, else it is null.
 */
export async function runYanglint(file, searchPaths = searchPathsFor([file].flat()[0])) {
  const args = [...YANGLINT_FLAGS, '-D', ...searchPaths.flatMap((d) => ['-p', d]), ...[file].flat()];
  const { code, timedOut, stderr, ms, maxRssKb } = await runMeasured('yanglint', args, YANGLINT_TIMEOUT_MS);
  const ok = code === 0 && !timedOut;
  const lines = stderr.split('\n');
  const firstError = timedOut
    ? `timed out after ${YANGLINT_TIMEOUT_MS / 1000} s`
    : (lines.find((l) => l.startsWith('libyang err') || l.startsWith('YANGLINT[E]')) ?? (ok ? '' : lines[0]));
  return { ok, timedOut, firstError: firstError.replaceAll(CORPUS + '/', ''), stderr, ms, maxRssKb };
}

/**
 * Runs a command to completion, or until `timeoutMs` (then kills it). Resolves to
 * { code, timedOut, stderr, ms, maxRssKb }; maxRssKb comes from GNU time when
 * /usr/bin/time exists, else it is null.
 */
export function runMeasured(command, args, timeoutMs) {
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'MAXRSS_KB %M', command, ...args]] : [command, args];
  const start = performance.now();
  return new Promise((done) => {
    // Own process group, so a timeout kills the command and not just the `time` wrapper.
    const child = spawn(cmd, argv, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => (stderr += `${e.message}\n`));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      let maxRssKb = null;
      stderr = stderr.replace(/^(?:Command exited with non-zero status \d+\n)?MAXRSS_KB (\d+)\n?$/m, (_, kb) => {
        maxRssKb = Number(kb);
        return '';
      });
      done({ code, timedOut, stderr, ms, maxRssKb });
    });
  });
}

/** Maps items through an async fn with at most `limit` in flight; results keep input order. */
export async function mapBounded(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
