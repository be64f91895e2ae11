// `yangkit types` of openconfig-network-instance in a new process, next to yanglint's tree of
// the same module (issue 15's target: at most 3x yanglint's time, at most 200 MB), with a CPU
// profile summary of one run. Sections for bench.mjs; needs the built CLI (`npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, ROOT, searchPathsFor, yanglintVersion } from './corpus.mjs';

const CLI = join(ROOT, 'dist/cli/main.js');
const MODULE = join(CORPUS, 'openconfig/release/models/network-instance/openconfig-network-instance.yang');
const RUNS = 3;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Wall time (ms) and, with GNU time, peak RSS (KB) and CPU time (ms, steadier on a loaded machine) of one process; throws when it fails. */
function run(cmd, args) {
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'MAXRSS_KB %M CPU %U %S', cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const r = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(0, 2000)}`);
  const measured = /MAXRSS_KB (\d+) CPU (\S+) (\S+)\s*$/.exec(r.stderr);
  return { ms, rssKb: measured ? Number(measured[1]) : undefined, cpuMs: measured ? (Number(measured[2]) + Number(measured[3])) * 1000 : undefined };
}

/** The fastest of RUNS runs (the least disturbed by other load), with the largest peak RSS, as text. */
function best(cmd, args) {
  const runs = Array.from({ length: RUNS }, () => run(cmd, args));
  const ms = Math.min(...runs.map((r) => r.ms));
  if (!GNU_TIME) return { ms, text: `${secs(ms)} (peak RSS and CPU time need /usr/bin/time)` };
  const cpu = Math.min(...runs.map((r) => r.cpuMs));
  return { ms, text: `${secs(ms)} (CPU ${secs(cpu)}), peak RSS ${(Math.max(...runs.map((r) => r.rssKb)) / 1024).toFixed(0)} MiB` };
}

/** Self time of a CPU profile by where the code comes from. */
function profileSummary(profileFile) {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byGroup = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { url, functionName } = nodes.get(id);
    const group = url.includes('/node_modules/')
      ? url.replace(/.*\/node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1')
      : url.includes('/dist/cli/')
        ? 'yangkit (compile and emit)'
        : functionName === '(garbage collector)'
          ? 'garbage collection'
          : url.startsWith('node:')
            ? 'node (module loading, fs)'
            : 'other';
    const dt = profile.timeDeltas[i] ?? 0;
    byGroup.set(group, (byGroup.get(group) ?? 0) + dt);
    total += dt;
  });
  return [...byGroup]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([group, us]) => `${group} ${((100 * us) / total).toFixed(0)}%`)
    .join(', ');
}

async function typesNetworkInstance() {
  if (!existsSync(CLI)) return 'dist/cli/main.js is missing: run `npm run build`';
  const out = mkdtempSync(join(tmpdir(), 'yangkit-bench-types-'));
  const paths = searchPathsFor(MODULE).flatMap((d) => ['-p', d]);
  try {
    const figures = {};
    const types = best('node', [CLI, 'types', '-o', join(out, 'plain'), MODULE, ...paths]);
    const validators = best('node', [CLI, 'types', '--validators', '-o', join(out, 'validators'), MODULE, ...paths]);
    const lines = readdirSync(join(out, 'plain')).reduce((n, f) => n + readFileSync(join(out, 'plain', f), 'utf8').split('\n').length - 1, 0);
    figures['generated files / lines'] = `${readdirSync(join(out, 'plain')).length} / ${lines}`;
    figures['yangkit types (best of 3)'] = types.text;
    figures['yangkit types --validators'] = validators.text;
    const version = yanglintVersion();
    if (version) {
      const tree = best('yanglint', ['-i', '-f', 'tree', ...paths, MODULE]);
      figures['yanglint -i -f tree (best of 3)'] = tree.text;
      figures['types / yanglint tree'] = `${(types.ms / tree.ms).toFixed(2)}x (target: at most 3x, 200 MB)`;
    } else figures['yanglint'] = 'not installed';
    const profDir = join(out, 'profile');
    spawnSync('node', ['--cpu-prof', '--cpu-prof-dir', profDir, CLI, 'types', '-o', join(out, 'profiled'), MODULE, ...paths]);
    const [profile] = readdirSync(profDir);
    figures['profile (self time)'] = profile ? profileSummary(join(profDir, profile)) : 'n/a';
    return figures;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export const typesSections = [{ name: 'types for openconfig-network-instance (new process, vs yanglint tree)', run: typesNetworkInstance }];
