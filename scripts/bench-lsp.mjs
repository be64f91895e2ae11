// The language server over the whole corpus as one workspace (issue 14, "Scale"):
// time to first diagnostics through the protocol (a `yangkit lsp` child process over
// stdio) beside a cold `yangkit check` of the same files; keystrokes in
// openconfig-interfaces.yang and peak memory measured in a fresh process running the
// language service (`node scripts/bench-lsp.mjs --child`).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS, ROOT, loadYangkit } from './corpus.mjs';

const INTERFACES = join(CORPUS, 'openconfig/release/models/interfaces/openconfig-interfaces.yang');
const CLI = join(ROOT, 'dist/cli/main.js');

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const RUSAGE = /^RUSAGE ([\d.]+) ([\d.]+) (\d+)$/m;

/** A node process under GNU time when there is one; `rusage()` gives its CPU seconds and peak RSS once it exited. */
function spawnTimed(args, stdio) {
  const child = GNU_TIME ? spawn(GNU_TIME, ['-f', 'RUSAGE %U %S %M', process.execPath, ...args], { stdio }) : spawn(process.execPath, args, { stdio });
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const rusage = async () => {
    await exited;
    const m = RUSAGE.exec(err);
    return m ? { cpuMs: (Number(m[1]) + Number(m[2])) * 1000, maxRss: Number(m[3]) * 1024 } : undefined;
  };
  return { child, rusage };
}

const ms = (v) => (v < 1000 ? `${v.toFixed(0)} ms` : `${(v / 1000).toFixed(2)} s`);
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function yangFilesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name.startsWith('.') ? [] : yangFilesUnder(join(dir, e.name))) : e.name.endsWith('.yang') ? [join(dir, e.name)] : [],
  );
}

/** Two edits of a leaf in a grouping of openconfig-interfaces: its description reworded, a new leaf beside it. */
function edits(text) {
  const description = text.replace('"Reference to a base interface.', '"Reference to a base (edited) interface.');
  const newLeaf = text.replace('    leaf subinterface {', '    leaf bench-extra {\n      type string;\n    }\n\n    leaf subinterface {');
  if (description === text || newLeaf === text) throw new Error('openconfig-interfaces.yang changed: update the edits of bench-lsp.mjs');
  return { description, newLeaf };
}

/** In a fresh process: the language service opened on the corpus, then keystrokes, as JSON on stdout. */
async function child() {
  const { LanguageService } = await import(join(ROOT, 'dist/language-service/index.js'));
  let start = performance.now();
  const service = new LanguageService({ inputs: [CORPUS] });
  const files = service.diagnostics();
  const ready = performance.now() - start;
  const text = readFileSync(INTERFACES, 'utf8');
  service.open(INTERFACES, text);
  const { description, newLeaf } = edits(text);
  // As `yangkit lsp` does when idle after each compile (not timed: it is not in a keystroke's path).
  const prepareMs = () => {
    const t = performance.now();
    service.compiler.prepareForEdits();
    return performance.now() - t;
  };
  const timed = (next) => {
    const prepared = prepareMs();
    start = performance.now();
    const cpu = process.cpuUsage();
    const published = service.change([{ file: INTERFACES, text: next }]);
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, prepared, how: service.lastUpdate.how, compiled: service.lastUpdate.compiled?.length, published: published.length };
  };
  const results = {
    ready,
    readyCpu: process.cpuUsage().user / 1000,
    modules: Object.keys(service.compiler.schema.modules).length,
    filesWithDiagnostics: files.length,
    description: timed(description),
    back1: timed(text),
    description2: timed(description),
    back2: timed(text),
    newLeaf: timed(newLeaf),
    back3: timed(text),
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(JSON.stringify(results));
}

/** `yangkit lsp` started, initialized on the corpus folder, until its first publishDiagnostics. */
async function firstDiagnosticsOverStdio() {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification } =
    await import('vscode-languageserver-protocol/node');
  const start = performance.now();
  const { child: server, rusage } = spawnTimed([CLI, 'lsp', '--stdio'], ['pipe', 'pipe', 'pipe']);
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const first = new Promise((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, () => resolve(performance.now() - start)));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(CORPUS).href, name: 'corpus' }] });
  await connection.sendNotification(InitializedNotification.type, {});
  const elapsed = await first;
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  return { ms: elapsed, usage: await rusage() };
}

async function benchLanguageServer() {
  await loadYangkit(); // builds dist/ when it is missing
  const files = yangFilesUnder(CORPUS);
  const start = performance.now();
  const checking = spawnTimed([CLI, 'check', ...files], ['ignore', 'ignore', 'pipe']);
  const checkUsage = await checking.rusage();
  const check = performance.now() - start;
  const stdio = await firstDiagnosticsOverStdio();
  const cpu = (usage) => (usage ? `, ${ms(usage.cpuMs)} CPU` : '');
  const r = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  const keystroke = (t) => `${ms(t.ms)} wall, ${ms(t.cpuMs)} CPU (${t.how}${t.compiled === undefined ? '' : `, ${t.compiled} of ${r.modules} modules compiled`}, ${t.published} file(s) republished; ${ms(t.prepared)} of work done before it, when idle)`;
  return {
    'workspace files': files.length,
    'modules compiled': r.modules,
    'files with diagnostics': r.filesWithDiagnostics,
    'cold `yangkit check` of them': `${ms(check)} wall${cpu(checkUsage)}`,
    'first diagnostics over stdio': `${ms(stdio.ms)} wall (incl. process start)${cpu(stdio.usage)} (whole server run)`,
    'peak RSS of the server': stdio.usage ? mb(stdio.usage.maxRss) : 'n/a (needs /usr/bin/time)',
    'ready, in process': `${ms(r.ready)} wall, ${ms(r.readyCpu)} CPU`,
    'keystroke: leaf description (1st)': keystroke(r.description),
    'keystroke: leaf description (2nd)': keystroke(r.description2),
    'keystroke: new leaf': keystroke(r.newLeaf),
    'keystroke: new leaf undone': keystroke(r.back3),
    'peak RSS, in process, after edits': mb(r.maxRss),
  };
}

export const lspSections = [{ name: 'language server: whole corpus as one workspace', run: benchLanguageServer }];

if (process.argv[2] === '--child') await child();
