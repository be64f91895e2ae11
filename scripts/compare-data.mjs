// The instance-data suite side by side: yangkit's verdict on each case of
// test/validate/data-cases/ beside yanglint's (libyang 2), with totals. A report: exits 0.
//
//   node scripts/compare-data.mjs [substring]   (only cases whose folder/name contains it)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, compileSuite, errorKey, loadSuites, runYangkit, runYanglint, yanglintVersion } from './data-cases.mjs';

const filter = process.argv[2] ?? '';
const entry = join(ROOT, 'dist/index.js');
if (!existsSync(entry)) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const lib = await import(entry);
const version = yanglintVersion();
console.log(version ? `yangkit vs ${version}` : 'yanglint is not installed: yangkit verdicts only');

/** One line, safe inside a markdown table cell. */
const cell = (s) => String(s ?? '').replaceAll('|', '\\|').replace(/\s+/g, ' ').trim();
const ykText = (c, errors) => (errors.length ? errors.map((e) => errorKey(c, e)).join(', ') : 'valid');

let total = 0;
let agree = 0;
let expectedMet = 0;
const differ = [];
console.log('\n| case | type | yangkit | yanglint | agree |');
console.log('|---|---|---|---|---|');
for (const suite of loadSuites()) {
  let schema;
  try {
    schema = compileSuite(suite, lib);
  } catch (err) {
    console.log(`| ${suite.name} | | ${cell(err.message)} | | |`);
    continue;
  }
  for (const c of suite.cases) {
    const id = `${suite.name}/${c.name}`;
    if (!id.includes(filter)) continue;
    total++;
    let yk;
    try {
      yk = runYangkit(schema, c, lib);
    } catch (err) {
      yk = [{ rule: 'CRASH', message: err.message }];
    }
    const keys = (errors) => JSON.stringify(errors.map((e) => errorKey(c, e)).sort());
    if (keys(yk) === keys(c.errors)) expectedMet++;
    const yl = version ? runYanglint(suite, c) : undefined;
    const same = yl ? yl.ok === (yk.length === 0) : undefined;
    if (same) agree++;
    else if (yl) differ.push({ id, note: c.yanglint });
    const ylText = !yl ? '' : yl.ok ? 'valid' : `invalid${yl.line ? `@${yl.line}` : ''}: ${yl.message}`;
    console.log(`| ${id} | ${c.type} | ${cell(ykText(c, yk))} | ${cell(ylText)} | ${same === undefined ? '' : same ? 'yes' : 'NO'} |`);
  }
}
console.log(`\n${total} cases: yangkit gives the expected verdict (rules and lines) on ${expectedMet}.`);
if (version) {
  console.log(`yanglint agrees on valid/invalid for ${agree} of ${total}; ${differ.length} differ:`);
  for (const d of differ) console.log(`  ${d.id}: ${d.note ?? '(no explanation recorded)'}`);
}
