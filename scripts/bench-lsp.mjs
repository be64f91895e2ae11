// The language server over the whole corpus as one workspace (issue 14, "Scale"):
// time to first diagnostics through the protocol (a `yangkit lsp` child process over
// stdio) beside a cold `yangkit check` of the same files; keystrokes in
// openconfig-interfaces.yang and peak memory measured in a fresh process running the
// language service (`node scripts/bench-lsp.mjs --child`).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS, ROOT, loadYangkit } from './corpus.mjs';

const INTERFACES = join(CORPUS, 'openconfig/release/models/interfaces/openconfig-interfaces.yang');
const CLI = join(ROOT, 'dist/cli/main.js');

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
  const timed = (next) => {
    start = performance.now();
    const published = service.change([{ file: INTERFACES, text: next }]);
    return { ms: performance.now() - start, how: service.lastUpdate.how, published: published.length };
  };
  const results = {
    ready,
    modules: Object.keys(service.compiler.schema.modules).length,
    filesWithDiagnostics: files.length,
    description: timed(description),
    back1: timed(text),
    newLeaf: timed(newLeaf),
    back2: timed(text),
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(JSON.stringify(results));
}

/** `yangkit lsp` started, initialized on the corpus folder, until its first publishDiagnostics. */
async function firstDiagnosticsOverStdio() {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification } =
    await import('vscode-languageserver-protocol/node');
  const start = performance.now();
  const server = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const first = new Promise((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, () => resolve(performance.now() - start)));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(CORPUS).href, name: 'corpus' }] });
  await connection.sendNotification(InitializedNotification.type, {});
  const elapsed = await first;
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  return elapsed;
}

async function benchLanguageServer() {
  await loadYangkit(); // builds dist/ when it is missing
  const files = yangFilesUnder(CORPUS);
  let start = performance.now();
  spawnSync(process.execPath, [CLI, 'check', ...files], { stdio: 'ignore' });
  const check = performance.now() - start;
  const stdio = await firstDiagnosticsOverStdio();
  const r = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  const keystroke = (t) => `${ms(t.ms)} (${t.how}, ${t.published} file(s) republished)`;
  return {
    'workspace files': files.length,
    'modules compiled': r.modules,
    'files with diagnostics': r.filesWithDiagnostics,
    'cold `yangkit check` of them': ms(check),
    'first diagnostics over stdio': `${ms(stdio)} (incl. process start)`,
    'ready, in process': ms(r.ready),
    'keystroke: leaf description': keystroke(r.description),
    'keystroke: new leaf': keystroke(r.newLeaf),
    'keystroke: new leaf undone': keystroke(r.back2),
    'peak RSS (process maxRSS)': mb(r.maxRss),
  };
}

export const lspSections = [{ name: 'language server: whole corpus as one workspace', run: benchLanguageServer }];

if (process.argv[2] === '--child') await child();
