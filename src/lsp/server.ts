/**
 * `yangkit lsp`: the language service behind the Language Server Protocol. Workspace
 * folders (all of them) are the compiled inputs; search paths come from
 * yangkit.config.json (the file `yangkit build` reads), else from the client setting
 * `yangkit.searchPaths`, else the workspace folders alone; the built-in base modules
 * are always found (src/modules/repository.ts).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, loadConfig } from '../incremental/config.js';
import { LanguageService, SEMANTIC_TOKENS_LEGEND, type FileDiagnostics } from '../language-service/index.js';

/** Compile after typing pauses this long (ms): one recompile for a burst of keystrokes. */
const DEBOUNCE_MS = 150;

export interface WorkspaceSetup {
  inputs: string[];
  searchPaths: string[];
  cacheDir?: string;
  features?: Record<string, string[]>;
  /** Where the search paths came from, for the log. */
  from: 'config' | 'settings' | 'workspace';
}

/**
 * Inputs and search paths for a workspace, by the precedence described above. In a
 * workspace the user has not trusted (`trusted: false`, VS Code's workspace trust) the
 * config's cache folder is not used: nothing is written where the workspace says.
 */
export function workspaceSetup(folders: readonly string[], settingPaths: readonly string[] | undefined, trusted = true): WorkspaceSetup {
  for (const folder of folders) {
    const file = join(folder, CONFIG_FILE);
    if (!existsSync(file)) continue;
    const config = loadConfig(file);
    const searchPaths = [...new Set(config.jobs.flatMap((j) => j.searchPaths))];
    const features = config.jobs.length === 1 ? config.jobs[0]!.features : undefined;
    return { inputs: [...folders], searchPaths, ...(config.cacheDir && trusted ? { cacheDir: config.cacheDir } : {}), ...(features ? { features } : {}), from: 'config' };
  }
  if (settingPaths?.length) {
    const base = folders[0] ?? process.cwd();
    const expand = (p: string) => resolve(base, p === '~' ? homedir() : p.startsWith('~/') ? join(homedir(), p.slice(2)) : p);
    return { inputs: [...folders], searchPaths: settingPaths.map(expand), from: 'settings' };
  }
  return { inputs: [...folders], searchPaths: [], from: 'workspace' };
}

/** What a client may pass in `initialize` (the VS Code client sends `workspaceTrusted`). */
interface InitializationOptions {
  searchPaths?: string[];
  /** false: the user has not trusted the workspace, so its config's cache folder is not written. */
  workspaceTrusted?: boolean;
}

const toPath = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);
const toUri = (file: string) => pathToFileURL(file).href;

/** Serves one client on `connection` until it exits. */
export function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let service: LanguageService | undefined;
  let folders: string[] = [];
  let initOptions: InitializationOptions = {};
  let timer: NodeJS.Timeout | undefined;
  let canConfigure = false;
  let canWatch = false;

  let idle: NodeJS.Immediate | undefined;
  /** After a compile, once the events waiting are handled: the next description edit's work done ahead. */
  const prepareWhenIdle = () => {
    idle ??= setImmediate(() => {
      idle = undefined;
      if (service && !timer) service.compiler.prepareForEdits();
    });
  };
  const publish = (updates: readonly FileDiagnostics[]) => {
    prepareWhenIdle();
    for (const u of updates) {
      const diagnostics = u.diagnostics.map((d) =>
        d.relatedInformation ? { ...d, relatedInformation: d.relatedInformation.map((r) => ({ ...r, location: { ...r.location, uri: toUri(r.location.uri) } })) } : d,
      );
      void connection.sendDiagnostics({ uri: toUri(u.file), diagnostics });
    }
  };
  /** Compiles the edits waiting for typing to pause, if any. */
  const flush = () => {
    if (!timer) return;
    clearTimeout(timer);
    timer = undefined;
    if (service) publish(service.flush());
  };
  const locations = (list: Location[]) => list.map((l) => ({ ...l, uri: toUri(l.uri) }));

  connection.onInitialize((params: InitializeParams) => {
    folders = (params.workspaceFolders ?? []).map((f) => toPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders = [toPath(params.rootUri)];
    initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    canConfigure = params.capabilities.workspace?.configuration === true;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' '] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: true,
        documentFormattingProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      },
      serverInfo: { name: 'yangkit' },
    };
  });

  connection.onInitialized(async () => {
    // Files changed outside the editor (a git checkout, a generator) reach the compiler too.
    if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.yang' }] });
    let settingPaths = initOptions.searchPaths;
    if (!settingPaths && canConfigure) {
      const settings = (await connection.workspace.getConfiguration('yangkit')) as { searchPaths?: string[] } | null;
      settingPaths = settings?.searchPaths;
    }
    let setup: WorkspaceSetup;
    try {
      setup = workspaceSetup(folders, settingPaths, initOptions.workspaceTrusted !== false);
    } catch (err) {
      connection.window.showErrorMessage(`yangkit: ${(err as Error).message}`);
      setup = workspaceSetup([], undefined);
      setup.inputs = folders;
    }
    const start = performance.now();
    service = new LanguageService(setup);
    // Documents opened before the service existed (the client may send didOpen at once).
    for (const doc of documents.all()) service.edit([{ file: toPath(doc.uri), text: doc.getText(), version: doc.version }]);
    publish(service.flush()); // every file's diagnostics: none were handed out yet
    connection.console.info(
      `yangkit: ${Object.keys(service.compiler.schema.modules).length} modules from ${folders.length} folder(s), search paths from ${setup.from}, ready in ${(performance.now() - start).toFixed(0)} ms`,
    );
  });

  documents.onDidOpen(({ document }) => {
    if (service) publish(service.open(toPath(document.uri), document.getText(), document.version));
  });
  documents.onDidChangeContent(({ document }) => {
    if (!service) return;
    service.edit([{ file: toPath(document.uri), text: document.getText(), version: document.version }]);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });
  documents.onDidClose(({ document }) => {
    if (service) publish(service.close(toPath(document.uri)));
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (service) publish(service.filesChanged(changes.map((c) => ({ file: toPath(c.uri), deleted: c.type === 3 }))));
  });

  connection.onCompletion(({ textDocument, position }) => service?.completion(toPath(textDocument.uri), position) ?? []);
  // Hover and definition read the compiled schema by source position: compile pending edits first.
  connection.onHover(({ textDocument, position }) => {
    flush();
    return service?.hover(toPath(textDocument.uri), position) ?? null;
  });
  connection.onDefinition(({ textDocument, position }) => {
    flush();
    return locations(service?.definition(toPath(textDocument.uri), position) ?? []);
  });
  connection.onReferences(({ textDocument, position, context }) => locations(service?.references(toPath(textDocument.uri), position, context.includeDeclaration) ?? []));
  connection.onPrepareRename(({ textDocument, position }) => service?.prepareRename(toPath(textDocument.uri), position) ?? null);
  connection.onRenameRequest(({ textDocument, position, newName }): WorkspaceEdit | null => {
    const edit = service?.rename(toPath(textDocument.uri), position, newName);
    return edit?.changes ? { changes: Object.fromEntries(Object.entries(edit.changes).map(([f, edits]) => [toUri(f), edits])) } : null;
  });
  connection.onDocumentSymbol(({ textDocument }) => service?.documentSymbols(toPath(textDocument.uri)) ?? []);
  connection.onFoldingRanges(({ textDocument }) => service?.foldingRanges(toPath(textDocument.uri)) ?? []);
  connection.onDocumentFormatting(({ textDocument, options }) => service?.format(toPath(textDocument.uri), options) ?? []);
  connection.languages.semanticTokens.on(({ textDocument }) => service?.semanticTokens(toPath(textDocument.uri)) ?? { data: [] });
  connection.onCodeAction(({ textDocument, context }) => {
    const file = toPath(textDocument.uri);
    return (service?.codeActions(file, context.diagnostics) ?? []).map((a) => ({
      ...a,
      ...(a.edit?.changes ? { edit: { changes: Object.fromEntries(Object.entries(a.edit.changes).map(([f, edits]) => [toUri(f), edits])) } } : {}),
    }));
  });
  connection.onShutdown(() => {
    flush();
    service?.compiler.save();
  });

  documents.listen(connection);
  connection.listen();
}
