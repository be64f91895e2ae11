// Benchmarks of compile time against the size of one construct (enumerations, bits, identities,
// unions), of process start-up and of `yangkit tree` beside yanglint. Sections for bench.mjs.
//
// Each size is compiled in a new process (`yangkit check` of a generated module), so the times
// include start-up; the doubling columns show the growth: about 2x per doubling is linear.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, ROOT, loadYangkit, searchPathsFor, yanglintVersion } from './corpus.mjs';
import { profileSummary } from './profile-summary.mjs';

const CLI = join(ROOT, 'dist/cli/main.js');
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

/** Module bodies with n of one construct; each is used by a leaf, so the compiler resolves it in full. */
const MODELS = {
  // n enums, then a derived type keeping half of them (RFC 7950 9.6.4 restriction).
  enumeration: (n) =>
    `typedef big { type enumeration {\n${range(n, (i) => `  enum e${i};`)}\n} }\n` +
    `leaf all { type big; }\nleaf half { type big { ${range(n / 2, (i) => `enum e${i};`)} } }`,
  bits: (n) => `typedef big { type bits {\n${range(n, (i) => `  bit b${i};`)}\n} }\nleaf all { type big; }\nleaf half { type big { ${range(n / 2, (i) => `bit b${i};`)} } }`,
  // Each identity derived from the one before: the derived lists hold n²/2 names in all.
  'identity chain': (n) => `identity i0;\n${range(n - 1, (i) => `identity i${i + 1} { base i${i}; }`)}\nleaf x { type identityref { base i0; } }`,
  'identities, one base': (n) => `identity i0;\n${range(n - 1, (i) => `identity i${i + 1} { base i0; }`)}\nleaf x { type identityref { base i0; } }`,
  union: (n) => `leaf x { type union {\n${range(n, (i) => `  type string { length ${i}; }`)}\n} }`,
};

const SIZES = { enumeration: [25000, 50000, 100000], bits: [25000, 50000, 100000], 'identity chain': [750, 1500, 3000], 'identities, one base': [25000, 50000, 100000], union: [5000, 10000, 20000] };

function moduleText(kind, n) {
  return `module big { yang-version 1.1; namespace "urn:big"; prefix b;\n${MODELS[kind](n)}\n}\n`;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * Wall time of one process and, with GNU time, its CPU time (user + system), in ms, and its
 * peak RSS in bytes: on a loaded machine the CPU time is the steadier figure. Throws when the
 * process fails.
 */
function timed(cmd, args) {
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'CPU %U %S %M', cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const r = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const m = /CPU (\S+) (\S+) (\d+)\s*$/.exec(r.stderr);
  return m ? { wall, cpu: (Number(m[1]) + Number(m[2])) * 1000, rss: Number(m[3]) * 1024 } : { wall };
}

const ms = (v) => (v < 1000 ? `${v.toFixed(0)} ms` : `${(v / 1000).toFixed(2)} s`);
const both = (t) => (t.cpu === undefined ? ms(t.wall) : `${ms(t.wall)} (CPU ${ms(t.cpu)})`);

async function constructSizes() {
  await loadYangkit();
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-bench-sizes-'));
  try {
    const out = {};
    for (const [kind, sizes] of Object.entries(SIZES)) {
      const times = sizes.map((n) => {
        const file = join(dir, `${kind.replace(/\W+/g, '-')}-${n}.yang`);
        writeFileSync(file, moduleText(kind, n));
        return timed(process.execPath, [CLI, 'check', file]);
      });
      const cpu = times.every((t) => t.cpu !== undefined);
      const growth = cpu ? times[2].cpu / times[1].cpu : times[2].wall / times[1].wall;
      out[`${kind} ${sizes.join(' / ')}`] = `${times.map(both).join(' / ')}; last doubling x${growth.toFixed(1)}`;
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median wall and CPU times of `runs` runs of each command, interleaved so that load affects all alike. */
function interleavedMedians(commands, runs) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach(([cmd, args], k) => times[k].push(timed(cmd, args)));
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(runs / 2)];
  const measured = (t, key) => (t[0][key] === undefined ? undefined : median(t.map((x) => x[key])));
  return times.map((t) => ({ wall: median(t.map((x) => x.wall)), cpu: measured(t, 'cpu'), rss: measured(t, 'rss') }));
}

/** `yangkit check samples/dhcp.yang` (with its two imports) against a bare `node -e 0` and yanglint. */
async function startUp() {
  await loadYangkit();
  const file = join(ROOT, 'samples/dhcp.yang');
  const yanglint = yanglintVersion();
  const commands = [
    [process.execPath, ['-e', '0']],
    [process.execPath, [CLI, 'check', file]],
    ...(yanglint ? [['yanglint', ['-p', join(ROOT, 'yang'), file]]] : []),
  ];
  const runs = 11;
  const [bare, check, lint] = interleavedMedians(commands, runs);
  const ratio = (key) => (check[key] === undefined ? '' : `, ${key} ${(check[key] / bare[key]).toFixed(2)}x`);
  return {
    runs: `${runs}, interleaved, medians`,
    'node -e 0': both(bare),
    'yangkit check samples/dhcp.yang': `${both(check)}: wall ${(check.wall / bare.wall).toFixed(2)}x node -e 0${ratio('cpu')} (target <= 2x)`,
    'yanglint samples/dhcp.yang': lint === undefined ? 'not installed' : both(lint),
  };
}

const mib = (bytes) => (bytes === undefined ? '' : `, peak RSS ${(bytes / 2 ** 20).toFixed(0)} MiB`);

/**
 * `yangkit tree` of openconfig-network-instance with its imports against `yanglint -i -f tree`
 * (each a new process, interleaved, medians), then where yangkit's time goes: the functions
 * with the most self time in one `node --cpu-prof` run, and the share of garbage collection.
 */
async function treeBesideYanglint() {
  await loadYangkit();
  const file = join(CORPUS, 'openconfig/release/models/network-instance/openconfig-network-instance.yang');
  const paths = searchPathsFor(file).flatMap((dir) => ['-p', dir]);
  const yanglint = yanglintVersion();
  const tree = [CLI, 'tree', file, ...paths];
  const runs = 3;
  const [yk, lint] = interleavedMedians([[process.execPath, tree], ...(yanglint ? [['yanglint', ['-i', '-f', 'tree', ...paths, file]]] : [])], runs);
  const figures = {
    runs: `${runs}, interleaved, medians`,
    'yangkit tree': `${both(yk)}${mib(yk.rss)}${lint ? `: wall ${(yk.wall / lint.wall).toFixed(2)}x yanglint` : ''} (target <= 1x, <= 200 MiB)`,
    'yanglint -i -f tree': lint ? `${both(lint)}${mib(lint.rss)}` : 'not installed',
  };
  const profile = profileSummary(tree);
  figures['profile (one run, --cpu-prof)'] = `${ms(profile.totalMs)} sampled, garbage collection ${profile.gcShare}`;
  profile.top.forEach(({ name, ms: t, share }, i) => (figures[`  self time #${i + 1}`] = `${share.padStart(6)} ${ms(t).padStart(7)}  ${name}`));
  return figures;
}

export const sizeSections = [
  { name: 'compile time against construct size (new process each)', run: constructSizes },
  { name: 'start-up: yangkit check of one small module', run: startUp },
  { name: 'tree of openconfig-network-instance (yangkit vs yanglint)', run: treeBesideYanglint },
];
