import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RenameRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../cli/run.js';
import { CORPUS } from '../corpus/paths.js';

const IETF = join(CORPUS, 'ietf');

/** A module of the workspace using ietf-interfaces (found through the yangkit.searchPaths setting) and ietf-inet-types (built in). */
const MODULE = `module ex-lsp {
  yang-version 1.1;
  namespace "urn:ex:lsp";
  prefix exl;
  import ietf-interfaces {
    prefix if;
  }
  import ietf-inet-types {
    prefix inet;
  }
  typedef port {
    type inet:port-number;
  }
  augment "/if:interfaces/if:interface" {
    leaf listen {
      type port;
      description "Where the interface listens.";
    }
  }
}
`;

describe('yangkit lsp over stdio', () => {
  let dir: string;
  let connection: ProtocolConnection;
  let exited: Promise<number | null>;
  const diagnostics: PublishDiagnosticsParams[] = [];
  let uri: string;

  /** Resolves with the first diagnostics published for `uri` after now that satisfy `test`. */
  const nextDiagnostics = (test: (p: PublishDiagnosticsParams) => boolean) =>
    new Promise<PublishDiagnosticsParams>((resolve) => {
      const seen = diagnostics.length;
      const poll = setInterval(() => {
        const found = diagnostics.slice(seen).find((p) => p.uri === uri && test(p));
        if (found) {
          clearInterval(poll);
          resolve(found);
        }
      }, 10);
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yangkit-lsp-'));
    writeFileSync(join(dir, 'ex-lsp.yang'), MODULE);
    writeFileSync(join(dir, 'ex-broken.yang'), 'module ex-broken {\n  namespace "urn:ex:broken";\n  prefix exb;\n  leaf x {\n    type nonexistent;\n  }\n}\n');
    uri = pathToFileURL(join(dir, 'ex-lsp.yang')).href;
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    exited = new Promise((resolve) => child.on('exit', resolve));
    connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      diagnostics.push(p);
    });
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      initializationOptions: { searchPaths: [IETF] },
    });
    expect(result.capabilities.completionProvider).toBeDefined();
    await connection.sendNotification(InitializedNotification.type, {});
  }, 60_000);

  afterAll(async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    connection.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the diagnostics of the workspace once initialized', async () => {
    const broken = pathToFileURL(join(dir, 'ex-broken.yang')).href;
    await expect.poll(() => diagnostics.find((p) => p.uri === broken)?.diagnostics.map((d) => d.range.start), { timeout: 30_000 }).toEqual([{ line: 4, character: 9 }]);
  }, 60_000);

  it('publishes diagnostics after didOpen and didChange', async () => {
    const broken = MODULE.replace('type port;', 'type portt;');
    const published = nextDiagnostics((p) => p.diagnostics.length > 0);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yang', version: 1, text: broken } });
    const { diagnostics: [d] } = await published;
    expect(d).toMatchObject({ range: { start: { line: 15, character: 11 }, end: { line: 15, character: 16 } }, severity: 1, source: 'yangkit' });
    const cleared = nextDiagnostics((p) => p.diagnostics.length === 0);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 15, character: 11 }, end: { line: 15, character: 16 } }, text: 'port' }],
    });
    await cleared;
  }, 60_000);

  it('answers completion, hover, definition, references and rename', async () => {
    const items = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 15, character: 11 } });
    const labels = (Array.isArray(items) ? items : (items?.items ?? [])).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['port', 'inet:port-number', 'inet:ipv4-address', 'string']));

    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 14, character: 10 } });
    expect(JSON.stringify(hover?.contents)).toContain('port → ex-lsp:port → ietf-inet-types:port-number → uint16');

    const definition = await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 11, character: 14 } });
    expect(definition).toMatchObject([{ uri: expect.stringMatching(/ietf-inet-types@[\d-]+\.yang$/) }]);

    const references = await connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 10, character: 12 }, context: { includeDeclaration: true } });
    expect(references?.map((r) => [r.uri, r.range.start.line])).toEqual([
      [uri, 10],
      [uri, 15],
    ]);

    const edit = await connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 10, character: 12 }, newName: 'listen-port' });
    expect(edit?.changes?.[uri]?.map((e) => e.range.start.line)).toEqual([10, 15]);
  }, 60_000);
});

describe('yangkit lsp --node-ipc', () => {
  it('answers over the Node IPC channel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yangkit-lsp-ipc-'));
    writeFileSync(join(dir, 'ex-lsp.yang'), MODULE);
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'lsp', '--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
    expect(result.serverInfo?.name).toBe('yangkit');
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    connection.dispose();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
