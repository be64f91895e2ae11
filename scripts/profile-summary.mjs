// Where a process spends its time: runs it once under `node --cpu-prof` and sums the samples
// by function (self time) and by source file, with garbage collection as its own line.
// For the bench sections, which print it beside their timings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Profiles `node <args>` and returns { totalMs, gcShare, top: [{ name, ms, share }] }: the `count`
 * functions with the most self time, named `function file:line`.
 */
export function profileSummary(args, count = 12) {
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-profile-'));
  try {
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
    const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
    return summarize(profile, count);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarize({ nodes, samples, timeDeltas }, count) {
  const frames = new Map(nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map();
  let total = 0;
  samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = frames.get(id);
    const file = url.split('/').pop();
    const name = file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName;
    self.set(name, (self.get(name) ?? 0) + timeDeltas[i]);
    total += timeDeltas[i];
  });
  const share = (us) => `${((100 * us) / total).toFixed(1)}%`;
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
  return {
    totalMs: total / 1000,
    gcShare: share(self.get('(garbage collector)') ?? 0),
    top: top.map(([name, us]) => ({ name, ms: us / 1000, share: share(us) })),
  };
}
