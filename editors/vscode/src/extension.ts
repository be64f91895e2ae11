/**
 * The VS Code client: starts `yangkit lsp` (stdio) for .yang files. The server reads the
 * `yangkit.searchPaths` setting and the workspace folders when it starts, so a change of
 * either, or of `yangkit.path`, restarts it.
 */
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { isExecutableFile, locateServer } from './locate-server';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('yangkit', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('yangkit.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('yangkit.path') || e.affectsConfiguration('yangkit.searchPaths')) void restart();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void restart()),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(): Promise<void> {
  const location = locateServer({
    setting: vscode.workspace.getConfiguration('yangkit').get<string>('path'),
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    pathEnv: process.env.PATH,
    pathExt: process.env.PATHEXT,
    platform: process.platform,
    home: homedir(),
    isExecutable: isExecutableFile,
  });
  if (!location.found) {
    output?.error(location.message);
    const choice = await vscode.window.showErrorMessage(location.message, 'Open Settings');
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'yangkit.path');
    return;
  }
  output?.info(`starting ${location.command} lsp (found via ${location.from})`);
  // The client appends --stdio for TransportKind.stdio; a path with spaces needs quotes under a shell.
  const command = location.shell ? `"${location.command}"` : location.command;
  const serverOptions: ServerOptions = { command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: location.shell } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yang' }],
    outputChannel: output,
  };
  client = new LanguageClient('yangkit', 'yangkit', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    void vscode.window.showErrorMessage(`yangkit: the language server did not start (${location.command} lsp): ${(err as Error).message}`);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

async function restart(): Promise<void> {
  await stop();
  await start();
}
