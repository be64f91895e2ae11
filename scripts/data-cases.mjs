// The differential instance-data suite (test/validate/data-cases/*/cases.json), shared by
// test/validate/data-cases.test.ts (yangkit's verdicts asserted) and
// scripts/compare-data.mjs (yangkit beside yanglint).
//
// cases.json of a folder:
//   {
//     "modules": ["ietf/ietf-interfaces@2018-02-20.yang", "./local.yang"],  // corpus-relative, or "./" = in the folder
//     "path": ["ietf", "iana"],                  // search directories, corpus-relative (or "./...")
//     "features": ["ietf-interfaces:if-mib"],    // optional, as -F
//     "yanglintFlags": ["-i"],                   // optional, more yanglint options (-i: imports implemented, as yangkit compiles them)
//     "cases": [{
//       "name": "mtu-out-of-range",
//       "data": ["mtu-out-of-range.json"],       // several files merge into one tree
//       "type": "config",                        // data (default) | config | get-reply | edit | rpc | rpc-reply | notification
//       "operational": "datastore.json",         // optional, as -O
//       "errors": [{ "rule": "invalid-value", "line": 9 }],  // yangkit's expected errors; [] = valid
//                                                // ("file": "x.json" too when the case has several files)
//       "yanglint": "why yanglint's verdict differs (when it does)"
//     }]
//   }
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const CASES_DIR = join(ROOT, 'test/validate/data-cases');
export const CORPUS = resolve(ROOT, '../shared/corpus');

/** yanglint's name for each -t TYPE. */
const YANGLINT_TYPE = {
  data: 'data',
  config: 'config',
  'get-reply': 'get',
  edit: 'edit',
  rpc: 'rpc',
  'rpc-reply': 'reply',
  notification: 'notif',
};

/** Every folder's manifest with paths made absolute. */
export function loadSuites() {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(CASES_DIR, e.name, 'cases.json')))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((e) => {
      const dir = join(CASES_DIR, e.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'));
      const abs = (p) => (p.startsWith('./') ? join(dir, p) : join(CORPUS, p));
      return {
        name: e.name,
        dir,
        modules: manifest.modules.map(abs),
        path: (manifest.path ?? []).map(abs),
        features: manifest.features ?? [],
        yanglintFlags: manifest.yanglintFlags ?? [],
        cases: manifest.cases.map((c) => ({
          ...c,
          type: c.type ?? 'data',
          data: c.data.map((f) => join(dir, f)),
          operational: c.operational ? join(dir, c.operational) : undefined,
        })),
      };
    });
}

/** `mod:f1,f2` flags as compileYang's features option. */
function featureMap(features) {
  if (!features.length) return undefined;
  return Object.fromEntries(features.map((f) => [f.slice(0, f.indexOf(':')), f.slice(f.indexOf(':') + 1).split(',').filter(Boolean)]));
}

/** Compiles a suite's modules with the library `lib` (src/ in tests, dist/ in the script). */
export function compileSuite(suite, lib) {
  const { schema, diagnostics } = lib.compileYang({ files: suite.modules, searchPaths: suite.path, features: featureMap(suite.features) });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`${suite.name}: modules do not compile: ${errors.map(lib.formatDiagnostic).join('; ')}`);
  return schema;
}

/** yangkit's verdict on one case: its errors as { rule, line, message, path } (line undefined when unknown). */
export function runYangkit(schema, c, lib) {
  const positions = new lib.DataPositions();
  const operations = c.type === 'rpc-reply' ? 'output' : 'input';
  let docs;
  let operational = [];
  try {
    docs = c.data.map((f) => lib.readDataFile(f, schema, positions, { operations }));
    if (c.operational) operational = [lib.readDataFile(c.operational, schema, positions)];
  } catch (err) {
    if (!(err instanceof lib.DataFileError)) throw err;
    return [{ rule: err.rule, file: basename(err.loc.file), line: err.loc.line, message: err.message, path: '' }];
  }
  const lexical = [...docs, ...operational].some((d) => d.encoding === 'xml');
  const data = lib.mergeDocuments(docs, schema, positions, lexical);
  const datastore = operational.length ? lib.mergeDocuments(operational, schema, positions, lexical).document : undefined;
  const errors = lib.validateData(schema, data.document, { type: c.type, encoding: data.encoding, ...(datastore ? { datastore } : {}) });
  return errors.map((e) => {
    const loc = positions.locate(e.at);
    return { rule: e.rule, file: loc && basename(loc.file), line: loc?.line, message: e.message, path: e.path };
  });
}

/** An error as the suite compares it: rule, then file (when the case has several) and line. */
export function errorKey(c, e) {
  return `${e.rule}@${c.data.length > 1 ? `${e.file ?? '?'}:` : ''}${e.line ?? '?'}`;
}

export function yanglintVersion() {
  try {
    return execFileSync('yanglint', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** yanglint's verdict: ok, and its first error (libyang stops at the first) with the line it names. */
export function runYanglint(suite, c) {
  const args = ['-D', ...suite.yanglintFlags, ...suite.path.flatMap((p) => ['-p', p]), ...suite.features.flatMap((f) => ['-F', f]), '-t', YANGLINT_TYPE[c.type]];
  if (c.operational) args.push('-O', c.operational);
  if (c.data.length > 1) args.push('-m');
  args.push(...suite.modules, ...c.data);
  const r = spawnSync('yanglint', args, { encoding: 'utf8', timeout: 60_000 });
  const first = (r.stderr ?? '').split('\n').find((l) => l.startsWith('libyang err')) ?? (r.stderr ?? '').split('\n').find(Boolean) ?? '';
  const line = /line number (\d+)/.exec(first)?.[1];
  return { ok: r.status === 0, message: first.replace(/^libyang err : /, ''), line: line ? Number(line) : undefined };
}
