// Benchmarks of the incremental compiler (createCompiler) over the whole corpus, as two
// module sets: OpenConfig's release models, and the newest revision of every IETF module
// (one set holds one revision per module, so older IETF revisions are left out).
//
// Sections for bench.mjs; `node scripts/bench-incremental.mjs --child <cacheDir>` is the
// fresh process the cold and warm starts are timed in.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS, ROOT, loadYangkit } from './corpus.mjs';

const OPENCONFIG = join(CORPUS, 'openconfig/release/models');
const INTERFACES = join(OPENCONFIG, 'interfaces/openconfig-interfaces.yang');
const YANG_TYPES = join(CORPUS, 'ietf/ietf-yang-types@2025-12-22.yang');

/** The newest revision of each module of the IETF folder. */
function newestIetf() {
  const newest = new Map();
  for (const f of readdirSync(join(CORPUS, 'ietf')).filter((f) => f.endsWith('.yang')).sort()) newest.set(f.replace(/(@.*)?\.yang$/, ''), join(CORPUS, 'ietf', f));
  return [...newest.values()];
}

const SETS = () => [
  { name: 'OpenConfig', inputs: [OPENCONFIG], searchPaths: ['openconfig', 'ietf', 'iana'].map((d) => join(CORPUS, d)) },
  { name: 'IETF', inputs: newestIetf(), searchPaths: ['ietf', 'iana', 'ieee'].map((d) => join(CORPUS, d)) },
];

async function loadCompiler() {
  await loadYangkit(); // builds dist/ when it is missing
  return (await import(join(ROOT, 'dist/incremental/compiler.js'))).createCompiler;
}

const ms = (v) => (v < 1000 ? `${v.toFixed(0)} ms` : `${(v / 1000).toFixed(2)} s`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** In a fresh process: both sets compiled (or read from the cache), with timings as JSON on stdout. */
async function child(cacheDir) {
  const createCompiler = await loadCompiler();
  const sets = SETS().map((set) => {
    const start = performance.now();
    const c = createCompiler({ ...set, cacheDir });
    return { name: set.name, ms: performance.now() - start, origin: c.origin, modules: Object.keys(c.schema.modules).length };
  });
  process.stdout.write(JSON.stringify({ sets, uptime: performance.now() }));
}

function timedChild(cacheDir) {
  const start = performance.now();
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', cacheDir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return { wall: performance.now() - start, ...JSON.parse(out) };
}

/** Cold start (empty disk cache), then warm start (the cache it left), each in a new process. */
async function coldThenWarm() {
  await loadCompiler();
  const cacheDir = mkdtempSync(join(tmpdir(), 'yangkit-bench-cache-'));
  try {
    const cold = timedChild(cacheDir);
    const warm = timedChild(cacheDir);
    const inProcess = (r) => r.sets.reduce((sum, s) => sum + s.ms, 0);
    return {
      sets: SETS().map((s) => `${s.name} (${s.inputs.length === 1 ? 'folder' : `${s.inputs.length} files`})`).join(' + '),
      'modules per set': cold.sets.map((s) => `${s.name} ${s.modules}`).join(', '),
      'cold: compile (in process)': `${ms(inProcess(cold))} (${cold.sets.map((s) => `${s.name} ${ms(s.ms)}`).join(', ')}), parse trees and IR written to the cache`,
      'cold: process wall time': ms(cold.wall),
      'warm: from cache (in process)': `${ms(inProcess(warm))} (${warm.sets.map((s) => `${s.name} ${s.origin}`).join(', ')})`,
      'warm: process wall time': ms(warm.wall),
      'warm / cold, in process': `${(inProcess(warm) / inProcess(cold)).toFixed(3)} (target < 0.25)`,
      'warm / cold, wall': `${(warm.wall / cold.wall).toFixed(3)}`,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Edits applied to compilers kept in one process: what an editor or `build --watch` sees. */
async function editsInProcess() {
  const createCompiler = await loadCompiler();
  const [oc, ietf] = SETS().map((set) => createCompiler(set));
  const interfaces = readFileSync(INTERFACES, 'utf8');
  const reworded = (i) => interfaces.replace(/(leaf mtu \{[^}]*?description\s*")/, `$1Reworded ${i}: `);
  if (reworded(0) === interfaces) return 'the mtu leaf of openconfig-interfaces.yang was not found';

  const doc = [];
  for (let i = 1; i <= 7; i++) doc.push(oc.update(INTERFACES, reworded(i)));
  const later = doc.slice(1);
  const leaf = oc.update(INTERFACES, interfaces.replace('leaf mtu {', 'leaf mtu-bench {\n      type uint16;\n    }\n\n    leaf mtu {'));
  oc.update(INTERFACES); // back to the file on disk

  const types = readFileSync(YANG_TYPES, 'utf8').replace('typedef counter32 {', 'typedef counter31 {\n    type uint32;\n  }\n\n  typedef counter32 {');
  const typeEdits = [oc, ietf].map((c) => c.update(YANG_TYPES, types));
  const describe = (r) => `${ms(r.ms)} (${r.how}; ${r.compiled ? `${r.compiled.length} modules compiled, ` : ''}${r.changed.length} module${r.changed.length === 1 ? '' : 's'} changed)`;
  return {
    'one leaf description, openconfig-interfaces: first edit': `${describe(doc[0])}, indexes the set's nodes by position`,
    'one leaf description: later edits': `median ${ms(median(later.map((r) => r.ms)))}, max ${ms(Math.max(...later.map((r) => r.ms)))} of ${later.length} (${later[0].how}; target < 50 ms)`,
    'one leaf added, openconfig-interfaces': describe(leaf),
    [`typedef added, ${basename(YANG_TYPES)}`]: `OpenConfig set ${describe(typeEdits[0])}; IETF set ${describe(typeEdits[1])}`,
  };
}

/**
 * `yangkit build` as new processes on a copy of the OpenConfig models (with the IETF and IANA
 * folders as search paths) in a temp folder, emitting the tree of every module: cold (empty
 * cache), nothing changed, one leaf description of openconfig-interfaces reworded, one leaf
 * added to it. `cli` is the yangkit to run (another checkout's, to compare).
 */
async function buildsInNewProcesses(cli = join(ROOT, 'dist/cli/main.js')) {
  await loadYangkit(); // builds dist/ when it is missing
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-bench-build-'));
  try {
    for (const d of ['openconfig/release/models', 'ietf', 'iana']) cpSync(join(CORPUS, d), join(dir, d), { recursive: true });
    const config = { cacheDir: '.yangkit-cache', jobs: [{ name: 'oc', inputs: ['openconfig/release/models'], searchPaths: ['ietf', 'iana'], emit: [{ emitter: 'tree', out: 'out/tree' }] }] };
    writeFileSync(join(dir, 'yangkit.config.json'), JSON.stringify(config));
    const interfaces = join(dir, 'openconfig/release/models/interfaces/openconfig-interfaces.yang');
    const original = readFileSync(interfaces, 'utf8');
    // CPU time (user + system, from GNU time when there is one) next to wall time: the machine may be shared.
    const timed = existsSync('/usr/bin/time');
    const build = () => {
      const start = performance.now();
      const r = spawnSync(timed ? '/usr/bin/time' : process.execPath, [...(timed ? ['-f', 'CPU %U %S', process.execPath] : []), cli, 'build'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`yangkit build failed: ${r.stderr}`);
      const cpu = /^CPU ([\d.]+) ([\d.]+)$/m.exec(r.stderr);
      return { ms: performance.now() - start, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined, line: r.stdout.trim().split('\n').pop().replace(/^yangkit: job "oc": /, '') };
    };
    const cold = build();
    const runs = {
      'nothing changed': build(),
      'one leaf description reworded (openconfig-interfaces)': (writeFileSync(interfaces, original.replace(/(leaf mtu \{[^}]*?description\s*")/, '$1Reworded: ')), build()),
      'one leaf added (openconfig-interfaces)': (writeFileSync(interfaces, original.replace('leaf mtu {', 'leaf mtu-bench {\n      type uint16;\n    }\n\n    leaf mtu {')), build()),
    };
    const cpu = (r) => (r.cpuMs === undefined ? '' : `, ${ms(r.cpuMs)} CPU`);
    const ratio = (r) => `${(r.ms / cold.ms).toFixed(2)} of cold${r.cpuMs === undefined ? '' : ` (CPU ${(r.cpuMs / cold.cpuMs).toFixed(2)})`}`;
    const figures = { yangkit: cli, 'cold build': `${ms(cold.ms)} wall${cpu(cold)}: ${cold.line}` };
    for (const [name, r] of Object.entries(runs)) figures[name] = `${ms(r.ms)} wall${cpu(r)}, ${ratio(r)} (target <= 0.25): ${r.line}`;
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const incrementalSections = [
  { name: 'incremental: full corpus cold, then warm from the disk cache (new processes)', run: coldThenWarm },
  { name: 'incremental: edits to the full corpus in one process', run: editsInProcess },
  { name: 'incremental: yangkit build of OpenConfig in new processes (cold, nothing changed, one edit)', run: () => buildsInNewProcesses() },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') await child(process.argv[3]);
  // `node scripts/bench-incremental.mjs --builds [path/to/cli/main.js]`: the new-process builds alone, e.g. of another checkout.
  if (process.argv[2] === '--builds') console.log(await buildsInNewProcesses(process.argv[3]));
}
