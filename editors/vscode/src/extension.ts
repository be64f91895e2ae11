/**
 * The VS Code client: starts `yangkit lsp` (stdio) for .yang files. The server reads the
 * `yangkit.searchPaths` setting and the workspace folders when it starts, so a change of
 * either, or of `yangkit.path`, restarts it; so does the user trusting the workspace (whose
 * node_modules/.bin is not run before).
 */
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { isExecutableFile, locateServer } from './locate-server';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
/** Starts and stops run one after the other: settings events can come in bursts. */
let queue: Promise<void> = Promise.resolve();
const enqueue = (task: () => Promise<void>) => (queue = queue.then(task, task));

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('yangkit', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('yangkit.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('yangkit.path') || e.affectsConfiguration('yangkit.searchPaths')) void restart();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void restart()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  await enqueue(start);
}

export async function deactivate(): Promise<void> {
  await enqueue(stop);
}

async function start(): Promise<void> {
  const location = locateServer({
    setting: vscode.workspace.getConfiguration('yangkit').get<string>('path'),
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    trusted: vscode.workspace.isTrusted,
    pathEnv: process.env.PATH,
    pathExt: process.env.PATHEXT,
    platform: process.platform,
    home: homedir(),
    isExecutable: isExecutableFile,
  });
  if (!location.found) {
    output?.error(location.message);
    // Not awaited: a restart waiting in the queue must not wait for the notification to close.
    void vscode.window.showErrorMessage(location.message, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'yangkit.path');
    });
    return;
  }
  output?.info(`starting ${location.command} lsp (found via ${location.from})`);
  // The client appends --stdio for TransportKind.stdio; a path with spaces needs quotes under a shell.
  const command = location.shell ? `"${location.command}"` : location.command;
  const serverOptions: ServerOptions = { command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: location.shell } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yang' }],
    outputChannel: output,
    // An untrusted workspace's yangkit.config.json may name a cache folder: the server does not write it.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('yangkit', 'yangkit', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    // The client has shown the failure already; the log says which executable it ran.
    client = undefined;
    output?.error(`${location.command} lsp did not start: ${(err as Error).message}`);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

function restart(): Promise<void> {
  return enqueue(async () => {
    await stop();
    await start();
  });
}
