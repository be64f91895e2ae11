// Benchmark section: requests/second of the server `yangkit server` generates for
// example-jukebox, built with the repository's tsc and run as `node dist/main.js --http`
// (plain HTTP, so the figures are the server's, not TLS's), loaded by autocannon on loopback.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, ROOT, loadYangkit } from './corpus.mjs';

const DURATION_S = 5;
const CONNECTIONS = 10;
const START_TIMEOUT_MS = 15_000;
const JSON_TYPE = { 'Content-Type': 'application/yang-data+json' };
const LIBRARY = '/restconf/data/example-jukebox:jukebox/library';

async function buildProject(dir) {
  const { compileYang } = await loadYangkit();
  const { emitServerProject } = await import(join(ROOT, 'dist/emit/server/index.js'));
  const { writeFilesAtomic } = await import(join(ROOT, 'dist/cli/write-atomic.js'));
  const { schema } = compileYang({ files: [join(CORPUS, 'examples/example-jukebox.yang')], searchPaths: [CORPUS] });
  writeFilesAtomic(dir, await emitServerProject(schema));
  // `npm install` without the registry: this repository is the yangkit dependency.
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules/yangkit'), 'dir');
  symlinkSync(join(ROOT, 'node_modules/@types/node'), join(dir, 'node_modules/@types/node'), 'dir');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { stdio: 'inherit', timeout: 120_000 });
}

/** Starts the built server on a free port; resolves to its origin and the child process. */
function startServer(dir) {
  const child = spawn(process.execPath, ['dist/main.js', '--http', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the generated server did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = /listening on (\S+)\n/.exec(output);
      if (!m) return;
      clearTimeout(timer);
      resolve({ child, origin: new URL(m[1]).origin });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the generated server exited with ${code}`));
    });
  });
}

/** SIGTERM, then SIGKILL if it has not exited within 5 s. */
async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A library of 100 artists with 3 albums each, so reads and edits work on a realistic tree. */
async function seed(origin) {
  const artist = (i) => ({ name: `artist ${i}`, album: [1, 2, 3].map((n) => ({ name: `album ${n}`, year: 2000 + n })) });
  const body = { 'example-jukebox:jukebox': { library: { artist: Array.from({ length: 100 }, (_, i) => artist(i)) } } };
  const res = await fetch(`${origin}/restconf/data`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`seeding answered ${res.status}: ${await res.text()}`);
}

async function load(url, opts = {}) {
  const r = await autocannon({ url, duration: DURATION_S, connections: CONNECTIONS, ...opts });
  if (r.non2xx || r.errors) throw new Error(`${opts.method ?? 'GET'} ${url}: ${r.non2xx} non-2xx replies, ${r.errors} errors`);
  return `${r.requests.average.toFixed(0)} (p99 latency ${r.latency.p99} ms, ${r.requests.total} requests)`;
}

export async function benchGeneratedServer() {
  const work = mkdtempSync(join(tmpdir(), 'yangkit-bench-server-'));
  let server;
  try {
    const project = join(work, 'jukebox-server');
    const start = performance.now();
    await buildProject(project);
    const buildMs = performance.now() - start;
    server = await startServer(project);
    await seed(server.origin);
    const album = `${server.origin}${LIBRARY}/artist=artist%2042/album=album%202`;
    return {
      'generate + tsc build': `${(buildMs / 1000).toFixed(2)} s`,
      load: `${CONNECTIONS} connections, ${DURATION_S} s each, 127.0.0.1, HTTP, 100 artists x 3 albums`,
      'GET album, requests/s': await load(album),
      'PUT album year, requests/s': await load(`${album}/year`, { method: 'PUT', headers: JSON_TYPE, body: JSON.stringify({ 'example-jukebox:year': 2024 }) }),
    };
  } finally {
    if (server) await stopServer(server.child);
    rmSync(work, { recursive: true, force: true });
  }
}
