import { Option, type Command } from 'commander';

interface LspFlags {
  stdio?: boolean;
  nodeIpc?: boolean;
}

export function registerLspCommand(program: Command): void {
  program
    .command('lsp')
    .description('run the YANG language server (Language Server Protocol over stdio, or Node IPC)')
    .option('--stdio', 'talk over stdin/stdout (the default)')
    .option('--node-ipc', 'talk over the Node IPC channel of the process that started this one')
    // vscode-languageclient adds it; the server watches the client's process id from `initialize` anyway.
    .addOption(new Option('--clientProcessId <pid>').hideHelp())
    .action(async (opts: LspFlags) => {
      // Loaded on use: the other commands start without the protocol libraries.
      const { createConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-languageserver/node');
      const { serve } = await import('../../lsp/server.js');
      serve(opts.nodeIpc ? createConnection(new IPCMessageReader(process), new IPCMessageWriter(process)) : createConnection(process.stdin, process.stdout));
    });
}
