// Compiles every corpus module with yangkit and with yanglint (libyang 2) and lists
// the modules where one reports an error and the other does not. A report: exits 0.
//
//   node scripts/compare-yanglint.mjs [substring]   (only files whose path contains it)
import { corpusModules, loadYangkit, mapBounded, rel, runYanglint, searchPathsFor, yanglintVersion } from './corpus.mjs';

const filter = process.argv[2] ?? '';
const files = corpusModules().filter((f) => rel(f).includes(filter));
const { compileYang, ParseCache, formatDiagnostic } = await loadYangkit();

/** One line, corpus-relative, safe inside a markdown table cell. */
const cell = (s) => s.replaceAll('|', '\\|').replace(/\s+/g, ' ').trim();

// yangkit: in-process, one ParseCache shared so each file is parsed once.
const cache = new ParseCache();
const yangkit = files.map((file) => {
  try {
    const { diagnostics } = compileYang({ files: [file], searchPaths: searchPathsFor(file), parseCache: cache });
    const first = diagnostics.find((d) => d.severity === 'error');
    return { ok: !first, firstError: first ? rel(formatDiagnostic(first)) : '' };
  } catch (e) {
    return { ok: false, firstError: `CRASH: ${e?.stack?.split('\n').slice(0, 2).join(' ') ?? e}` };
  }
});
console.log(`yangkit: ${files.length} modules, ${yangkit.filter((r) => !r.ok).length} with errors`);

const version = yanglintVersion();
if (!version) {
  console.log('yanglint is not installed (apt-get install libyang2-tools): comparison skipped.');
  for (const [i, r] of yangkit.entries()) if (!r.ok) console.log(`  ${rel(files[i])}: ${r.firstError}`);
  process.exit(0);
}

// yanglint: one process per file, 2 at a time, each with a timeout.
console.log(`${version}: running ${files.length} modules, 2 at a time ...`);
const yl = await mapBounded(files, 2, (f) => runYanglint(f));

const verdict = (r) => (r.ok ? 'ok' : r.timedOut ? 'timeout' : 'error');
const differ = files.flatMap((file, i) =>
  yangkit[i].ok === yl[i].ok ? [] : [{ file, yk: yangkit[i], yl: yl[i] }],
);

console.log(`\n## Verdicts that differ (${differ.length})\n`);
console.log('| module | yangkit | yangkit first error | yanglint | yanglint first error |');
console.log('|---|---|---|---|---|');
for (const { file, yk, yl } of differ) {
  console.log(`| ${rel(file)} | ${verdict(yk)} | ${cell(yk.firstError)} | ${verdict(yl)} | ${cell(yl.firstError)} |`);
}

const bothBad = files.filter((_, i) => !yangkit[i].ok && !yl[i].ok);
const timeouts = files.filter((_, i) => yl[i].timedOut);
console.log(`\n${files.length} modules: ${files.length - differ.length} agree (${bothBad.length} of them both report errors), ${differ.length} differ.`);
if (bothBad.length) console.log(`Both report errors: ${bothBad.map(rel).join(', ')}`);
if (timeouts.length) console.log(`yanglint timed out on: ${timeouts.map(rel).join(', ')}`);
