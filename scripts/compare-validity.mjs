// Gives every validity case (test/validity/cases) to yangkit and to yanglint and prints
// both verdicts side by side; a difference must be explained on the case's line 2
// (`// yanglint: ...`), and the unexplained ones are listed at the end. A report: exits 0.
//
//   node scripts/compare-validity.mjs [substring]   (only cases whose id contains it)
import { readFileSync } from 'node:fs';
import { loadYangkit, mapBounded, runYanglint, yanglintVersion } from './corpus.mjs';
import { loadCases } from './validity-cases.mjs';

const filter = process.argv[2] ?? '';
const cases = loadCases().filter((c) => c.id.includes(filter));
const { compileYang } = await loadYangkit();
const version = yanglintVersion();

const cell = (s) => s.replaceAll('|', '\\|').replace(/\s+/g, ' ').trim();
const short = (s, n = 90) => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

const yangkit = cases.map((c) => {
  const { diagnostics } = compileYang({ files: c.files, searchPaths: [c.dir] });
  const codes = (sev) => [...new Set(diagnostics.filter((d) => d.severity === sev).map((d) => d.code))];
  return { errors: codes('error'), warnings: codes('warning') };
});
// -p the case folder only; a case's modules are all inputs, so all are implemented. Its
// submodules are reached through their modules' includes: yanglint refuses one given as input.
const isSubmodule = (file) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*submodule\b/.test(readFileSync(file, 'latin1'));
const yanglint = version ? await mapBounded(cases, 2, (c) => runYanglint(c.files.filter((f) => !isSubmodule(f)), [c.dir])) : [];

console.log(`# Validity cases: yangkit and ${version ?? 'yanglint (not installed: apt-get install libyang2-tools)'}\n`);
console.log('| case | rule | yangkit | yanglint | why they differ |');
console.log('|---|---|---|---|---|');
let agree = 0;
const unexplained = [];
cases.forEach((c, i) => {
  const yk = yangkit[i];
  const ykVerdict = yk.errors.length ? `error ${yk.errors.join(', ')}` : yk.warnings.length ? `ok, warning ${yk.warnings.join(', ')}` : 'ok';
  const yl = yanglint[i];
  const ylWarned = yl && /libyang warn/.test(yl.stderr);
  const ylVerdict = !yl ? 'n/a' : yl.ok ? (ylWarned ? 'ok, warning' : 'ok') : `error: ${short(yl.firstError.replace(/^libyang err\w*\s*:\s*/, ''))}`;
  const same = !yl || yl.ok === (yk.errors.length === 0);
  if (same) agree++;
  else if (!c.yanglint) unexplained.push(c.id);
  console.log(`| ${c.id} | ${cell(short(c.rule, 70))} | ${cell(ykVerdict)} | ${cell(ylVerdict)} | ${same ? '' : cell(c.yanglint || 'UNEXPLAINED')} |`);
});
console.log(`\n${cases.length} cases: ${agree} same verdict, ${cases.length - agree} differ (${unexplained.length} unexplained).`);
if (unexplained.length) console.log(`Unexplained differences: ${unexplained.join(', ')}`);
