// Issue 15's Swagger/OpenAPI figures for openconfig-network-instance: `yangkit swagger` and
// `yangkit openapi` as processes (wall time and peak RSS, beside `yanglint -i -f tree`),
// the size of the documents they write, and how long Spectral (spectral:oas) and Redocly
// take to lint them (both documents each). Needs `npm run build` first; GNU time for peak RSS.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, ROOT, runMeasured, yanglintVersion } from './corpus.mjs';

const MODULE = 'openconfig-network-instance';
const FILE = join(CORPUS, 'openconfig/release/models/network-instance/openconfig-network-instance.yang');
const SEARCH = ['openconfig', 'ietf', 'iana'].flatMap((d) => ['-p', join(CORPUS, d)]);
const BIN = (name) => join(ROOT, 'node_modules/.bin', name);
const SPECTRAL_TIMEOUT_S = 120;
const REDOCLY_TIMEOUT_S = 300;

const secs = (s) => `${s.toFixed(2)} s`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const rss = (kb) => (kb === null ? 'n/a' : `${(kb / 1024).toFixed(0)} MiB`);

/** A command run to completion (or timeout): wall seconds, peak RSS in KB (GNU time), exit code. */
async function run(cmd, args, timeoutS) {
  const { ms, maxRssKb, code, timedOut } = await runMeasured(cmd, args, timeoutS * 1000);
  return { seconds: ms / 1000, maxRssKb, code, timedOut };
}

/** Spectral's JSON report lists problems with severity 0 for errors. */
function spectralErrors(report) {
  return existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')).filter((p) => p.severity === 0).length : 'n/a';
}

async function benchDocuments() {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) return 'dist/cli/main.js is missing: npm run build';
  const dir = mkdtempSync(join(tmpdir(), 'yangkit-bench-swagger-'));
  const figures = {};
  let treeSeconds;
  if (yanglintVersion()) {
    treeSeconds = (await run('yanglint', ['-i', '-f', 'tree', ...SEARCH, FILE], 60)).seconds;
    figures['yanglint -i -f tree'] = secs(treeSeconds);
  }
  const documents = {};
  for (const command of ['swagger', 'openapi']) {
    const out = join(dir, `${MODULE}.${command}.json`);
    const r = await run(process.execPath, [join(ROOT, 'dist/cli/main.js'), command, ...SEARCH, FILE, '-o', out], 120);
    if (r.code !== 0) return `yangkit ${command} failed (exit ${r.code})`;
    documents[command] = out;
    const ratio = treeSeconds ? ` (${(r.seconds / treeSeconds).toFixed(1)}x yanglint tree)` : '';
    figures[`yangkit ${command}`] = `${secs(r.seconds)}${ratio}, peak RSS ${rss(r.maxRssKb)}`;
    figures[`${command} document (as written)`] = mb(statSync(out).size);
  }
  const ruleset = join(dir, '.spectral.yaml');
  writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
  for (const command of ['swagger', 'openapi']) {
    const report = join(dir, `spectral.${command}.json`);
    const spectral = await run(BIN('spectral'), ['lint', '-r', ruleset, '-f', 'json', '-o', report, documents[command]], SPECTRAL_TIMEOUT_S);
    figures[`spectral lint (spectral:oas), ${command}`] = spectral.timedOut
      ? `did not finish in ${SPECTRAL_TIMEOUT_S} s`
      : `${secs(spectral.seconds)}, peak RSS ${rss(spectral.maxRssKb)}, ${spectralErrors(report)} errors`;
  }
  for (const command of ['swagger', 'openapi']) {
    const redocly = await run(BIN('redocly'), ['lint', documents[command], '--format=json'], REDOCLY_TIMEOUT_S);
    figures[`redocly lint, ${command}`] = redocly.timedOut
      ? `did not finish in ${REDOCLY_TIMEOUT_S} s`
      : `${secs(redocly.seconds)}, peak RSS ${rss(redocly.maxRssKb)}`;
  }
  return figures;
}

export const swaggerSections = [{ name: 'swagger for openconfig-network-instance', run: benchDocuments }];
