// Benchmarks, as named sections run in order in one process; each prints its figures.
//
//   node scripts/bench.mjs [section-substring ...]   (default: every section)
//
// To add a benchmark, append { name, run } to SECTIONS: run() resolves to an object of
// figures ({ label: value }) or to a string saying why it was skipped.
import { resourceUsage } from 'node:process';
import { benchGeneratedServer } from './bench-server.mjs';
import { benchValidateOpenConfig } from './bench-validate.mjs';
import { incrementalSections } from './bench-incremental.mjs';
import { lspSections } from './bench-lsp.mjs';
import { sizeSections } from './bench-sizes.mjs';
import { swaggerSections } from './bench-swagger.mjs';
import { typesSections } from './bench-types.mjs';
import { corpusModules, loadYangkit, mapBounded, runYanglint, searchPathsFor, yanglintVersion } from './corpus.mjs';

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rate = (n, ms) => `${(n / (ms / 1000)).toFixed(1)}`;

const files = corpusModules();

/** yangkit over the corpus: one compile per module file, one fresh ParseCache shared by all. */
async function compileCorpusYangkit() {
  const { compileYang, ParseCache } = await loadYangkit();
  const rssBefore = process.memoryUsage().rss;
  const cache = new ParseCache();
  let withErrors = 0;
  let loaded = 0; // modules compiled, counting each file's imports again
  const start = performance.now();
  for (const file of files) {
    const { schema, diagnostics } = compileYang({ files: [file], searchPaths: searchPathsFor(file), parseCache: cache });
    loaded += Object.keys(schema.modules).length;
    if (diagnostics.some((d) => d.severity === 'error')) withErrors++;
  }
  const ms = performance.now() - start;
  return {
    'modules (input files)': files.length,
    'modules compiled incl. imports': loaded,
    'with errors': withErrors,
    'wall time': secs(ms),
    'modules/second': rate(files.length, ms),
    'RSS before': mb(rssBefore),
    'peak RSS (process maxRSS)': mb(resourceUsage().maxRSS * 1024),
  };
}

/** yanglint over the same files: one process per file, run sequentially (no parallelism). */
async function compileCorpusYanglint() {
  const version = yanglintVersion();
  if (!version) return 'yanglint is not installed (apt-get install libyang2-tools)';
  const start = performance.now();
  const results = await mapBounded(files, 1, (f) => runYanglint(f));
  const ms = performance.now() - start;
  const peaks = results.map((r) => r.maxRssKb).filter((kb) => kb !== null);
  return {
    version,
    'modules (input files)': files.length,
    'with errors': results.filter((r) => !r.ok).length,
    'timed out': results.filter((r) => r.timedOut).length,
    'wall time (sequential)': secs(ms),
    'modules/second': rate(files.length, ms),
    'peak RSS (largest process)': peaks.length ? mb(Math.max(...peaks) * 1024) : 'n/a (needs /usr/bin/time)',
  };
}

const SECTIONS = [
  { name: 'compile corpus, cold (yangkit)', run: compileCorpusYangkit },
  { name: 'compile corpus (yanglint)', run: compileCorpusYanglint },
  ...swaggerSections,
  { name: 'generated RESTCONF server (example-jukebox)', run: benchGeneratedServer },
  { name: 'validate 5,000 OpenConfig interfaces (yangkit vs yanglint)', run: benchValidateOpenConfig },
  ...incrementalSections,
  ...lspSections,
  ...sizeSections,
  ...typesSections,
];

const wanted = process.argv.slice(2);
console.log(`corpus: ${files.length} module files (OpenConfig release models + IETF), node ${process.version}`);
for (const { name, run } of SECTIONS) {
  if (wanted.length && !wanted.some((w) => name.includes(w))) continue;
  console.log(`\n## ${name}`);
  const figures = await run();
  if (typeof figures === 'string') console.log(`  skipped: ${figures}`);
  else for (const [label, value] of Object.entries(figures)) console.log(`  ${label.padEnd(32)} ${value}`);
}
