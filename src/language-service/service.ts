import type {
  CodeAction,
  CompletionItem,
  Diagnostic as LspDiagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Location,
  Position,
  Range,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Diagnostic } from '../diagnostics/index.js';
import { createCompiler, type Compiler, type CompilerOptions, type FileChange, type UpdateResult } from '../incremental/index.js';
import type { SchemaNode } from '../ir/types.js';
import { codeActions } from './actions.js';
import { complete } from './completion.js';
import { diagnosticsByFile } from './diagnostics.js';
import { Documents } from './documents.js';
import { formatDocument } from './format.js';
import { definitionHover, schemaNodeHover } from './hover.js';
import {
  definitionAt,
  headerOf,
  moduleOfPrefix,
  namesIn,
  REFERRING_KEYWORDS,
  referencesTo,
  resolveName,
  type Definition,
  type NameRef,
  type SourceView,
} from './names.js';
import { argSpan, nodeAt, walk, type OutlineNode } from './outline.js';
import { childrenOf, SchemaIndex } from './schema-index.js';
import { semanticTokens } from './semantic-tokens.js';
import { documentSymbols, foldingRanges } from './symbols.js';

export interface LanguageServiceOptions extends Pick<CompilerOptions, 'inputs' | 'searchPaths' | 'features' | 'cacheDir' | 'cwd'> {
  /** Reads a file that is not open; default: the disk (undefined when unreadable). */
  readFile?: (file: string) => string | undefined;
}

/** New diagnostics of one file (an empty list clears what was shown). */
export interface FileDiagnostics {
  file: string;
  diagnostics: LspDiagnostic[];
}

/** What a position names: a reference or definition, a prefix, or a statement. */
type Target =
  | { kind: 'definition'; def: Definition; at?: { file: string; ref: NameRef } }
  | { kind: 'prefix'; prefix: string; module: string; file: string }
  | { kind: 'node'; node: OutlineNode };

const IDENTIFIER = /^[A-Za-z_][\w.-]*$/;

/**
 * A YANG language service over the incremental compiler, without transport: files are
 * absolute paths, and the `uri` of every location it returns is a path too (the server
 * turns them into URIs). Every edit goes to `compiler.apply` with the unsaved text; the
 * diagnostics returned after it are those of every file whose diagnostics changed,
 * so importers, augmenters and deviators of the edited module are included.
 */
export class LanguageService {
  readonly compiler: Compiler;
  private readonly docs: Documents;
  private readonly view: SourceView;
  private index: SchemaIndex | undefined;
  /** Last diagnostics handed out, by file, as the compiler's JSON (to tell what changed). */
  private published = new Map<string, string>();
  /** Open files edited since the last compile. */
  private readonly pending = new Set<string>();

  constructor(options: LanguageServiceOptions) {
    this.docs = new Documents(options.readFile);
    this.compiler = createCompiler(options);
    this.view = {
      outline: (file) => this.docs.outline(file),
      filesOfModule: (module) => this.compiler.graph.filesOf(module),
      allFiles: () => new Set([...this.compiler.graph.modules.flatMap((m) => this.compiler.graph.filesOf(m)), ...this.docs.openFiles()]),
    };
  }

  // -- documents and diagnostics ------------------------------------------------------

  /** An editor opened a file: its text replaces the disk's. */
  open(file: string, text: string, version?: number): FileDiagnostics[] {
    this.docs.open(file, text, version);
    this.pending.delete(file);
    return this.apply([{ file, text }]);
  }

  /** Several edits at once, one recompile at most. */
  change(edits: readonly { file: string; text: string; version?: number }[]): FileDiagnostics[] {
    this.edit(edits);
    return this.flush();
  }

  /**
   * Takes edits without compiling: completion, symbols and navigation see the new text at
   * once, the compiled schema (hover, diagnostics) after `flush`. A server calls this per
   * keystroke and flushes when typing pauses.
   */
  edit(edits: readonly { file: string; text: string; version?: number }[]): void {
    for (const e of edits) {
      this.docs.open(e.file, e.text, e.version);
      this.pending.add(e.file);
    }
  }

  /** Compiles the edits taken since the last flush; the diagnostics that changed. */
  flush(): FileDiagnostics[] {
    const files = [...this.pending];
    this.pending.clear();
    return this.apply(files.map((file) => ({ file, text: this.docs.text(file)! })));
  }

  /** The editor closed a file: the disk's text counts again. */
  close(file: string): FileDiagnostics[] {
    this.docs.forget(file);
    this.pending.delete(file);
    return this.apply([{ file }]);
  }

  /** Files created, changed or deleted on disk (not open ones: their editor text wins). */
  filesChanged(files: readonly { file: string; deleted: boolean }[]): FileDiagnostics[] {
    const closed = files.filter((f) => !this.docs.isOpen(f.file));
    for (const f of closed) this.docs.forget(f.file);
    return this.apply(closed.map((f) => (f.deleted ? { file: f.file, text: null } : { file: f.file })));
  }

  /** Every file's diagnostics not handed out yet, or changed since (all of them the first time). */
  diagnostics(): FileDiagnostics[] {
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of this.compiler.diagnostics) {
      const list = byFile.get(d.loc.file);
      if (list) list.push(d);
      else byFile.set(d.loc.file, [d]);
    }
    const changed: [string, Diagnostic[]][] = [];
    const now = new Map<string, string>();
    for (const [file, list] of byFile) {
      const json = JSON.stringify(list);
      now.set(file, json);
      if (this.published.get(file) !== json) changed.push([file, list]);
    }
    const cleared = [...this.published.keys()].filter((f) => !now.has(f));
    this.published = now;
    const converted = diagnosticsByFile(changed.flatMap(([, list]) => list), this.docs, this.view);
    return [...changed.map(([file]) => ({ file, diagnostics: converted.get(file) ?? [] })), ...cleared.map((file) => ({ file, diagnostics: [] }))];
  }

  /** The outcome of the last update, for figures. */
  lastUpdate: UpdateResult | undefined;

  private apply(changes: FileChange[]): FileDiagnostics[] {
    this.lastUpdate = this.compiler.apply(changes);
    if (this.lastUpdate.how === 'recompiled') this.index = undefined;
    return this.diagnostics();
  }

  // -- features -------------------------------------------------------------------------

  completion(file: string, position: Position): CompletionItem[] {
    const outline = this.docs.outline(file);
    const text = this.docs.text(file);
    const offset = this.docs.offsetAt(file, position);
    if (!outline || text === undefined || offset === undefined) return [];
    return complete({
      view: this.view,
      file,
      outline,
      text,
      offset,
      schemaNodeAt: (node) => this.schemaNodesAt(file, node)[0],
      knownModules: () => Object.keys(this.compiler.schema.modules),
      range: (start, end) => this.docs.range(file, start, end),
      schemaChildren: (path) => (path === '' ? this.topLevelNodes() : childrenOf(this.schemaIndex().bySchemaNodePath(path))),
    });
  }

  hover(file: string, position: Position): Hover | null {
    const target = this.targetAt(file, position);
    if (!target) return null;
    if (target.kind === 'definition') return definitionHover(this.compiler.schema, target.def);
    if (target.kind === 'prefix') return { contents: { kind: 'markdown', value: `prefix of module \`${target.module}\`` } };
    const nodes = this.schemaNodesAt(file, target.node);
    const module = headerOf(this.docs.outline(file))?.module;
    return nodes[0] && module ? schemaNodeHover(this.compiler.schema, nodes[0], module, nodes.length) : null;
  }

  definition(file: string, position: Position): Location[] {
    const target = this.targetAt(file, position);
    if (!target) return [];
    if (target.kind === 'definition') return [this.locationOf(target.def.file, target.def.node)];
    if (target.kind === 'prefix') {
      const header = headerOf(this.docs.outline(target.file));
      const imp = header?.imports.get(target.prefix)?.node;
      if (imp) return [this.locationOf(target.file, imp)];
      const own = this.view.filesOfModule(target.module)[0];
      return own ? [this.fileStart(own)] : [];
    }
    return this.statementTargets(file, target.node);
  }

  references(file: string, position: Position, includeDeclaration = true): Location[] {
    const target = this.targetAt(file, position);
    if (target?.kind === 'definition') {
      const refs = referencesTo(this.view, target.def, (f) => this.docs.text(f))
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.ref.start - b.ref.start))
        .map((r) => this.refLocation(r.file, r.ref));
      return includeDeclaration ? [this.locationOf(target.def.file, target.def.node), ...refs] : refs;
    }
    if (target?.kind === 'prefix') return this.prefixUses(target.file, target.prefix).map((r) => this.refLocation(target.file, r));
    return [];
  }

  /** The span of the name to rename at a position, if it names a typedef, grouping, identity or feature. */
  prepareRename(file: string, position: Position): Range | null {
    const target = this.targetAt(file, position);
    if (target?.kind !== 'definition') return null;
    if (target.at) return this.nameRange(target.at.file, target.at.ref);
    const span = this.unquoted(file, target.def.node);
    return this.docs.range(file, span.start, span.end);
  }

  /** Renames a typedef, grouping, identity or feature at its definition and every reference in the workspace. */
  rename(file: string, position: Position, newName: string): WorkspaceEdit | null {
    const target = this.targetAt(file, position);
    if (target?.kind !== 'definition' || !IDENTIFIER.test(newName)) return null;
    const { def } = target;
    const changes: Record<string, TextEdit[]> = {};
    const add = (f: string, range: Range) => (changes[f] ??= []).push({ range, newText: newName });
    const span = this.unquoted(def.file, def.node);
    add(def.file, this.docs.range(def.file, span.start, span.end));
    for (const r of referencesTo(this.view, def, (f) => this.docs.text(f))) add(r.file, this.nameRange(r.file, r.ref));
    return { changes };
  }

  documentSymbols(file: string): DocumentSymbol[] {
    const doc = this.docs.get(file);
    const outline = this.docs.outline(file);
    return doc && outline ? documentSymbols(doc, outline) : [];
  }

  foldingRanges(file: string): FoldingRange[] {
    const doc = this.docs.get(file);
    const outline = this.docs.outline(file);
    return doc && outline ? foldingRanges(doc, outline) : [];
  }

  /** Re-indentation edits (see format.ts). */
  format(file: string, options: FormattingOptions): TextEdit[] {
    const doc = this.docs.get(file);
    const outline = this.docs.outline(file);
    return doc && outline ? formatDocument(doc, outline, options) : [];
  }

  semanticTokens(file: string): SemanticTokens {
    const doc = this.docs.get(file);
    const outline = this.docs.outline(file);
    return doc && outline ? semanticTokens(doc, outline) : { data: [] };
  }

  codeActions(file: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
    const doc = this.docs.get(file);
    const outline = this.docs.outline(file);
    return doc && outline ? codeActions({ file, doc, outline, diagnostics, modules: Object.values(this.compiler.schema.modules) }) : [];
  }

  // -- helpers ----------------------------------------------------------------------------

  /** What the name or statement under the cursor is. */
  private targetAt(file: string, position: Position): Target | undefined {
    const outline = this.docs.outline(file);
    const text = this.docs.text(file);
    const offset = this.docs.offsetAt(file, position);
    if (!outline || text === undefined || offset === undefined) return undefined;
    const node = nodeAt(outline, offset);
    if (!node) return undefined;
    const header = headerOf(outline);
    if (node.prefix !== undefined && offset <= node.start + node.prefix.length) {
      const module = header && moduleOfPrefix(header, node.prefix);
      return module ? { kind: 'prefix', prefix: node.prefix, module, file } : undefined;
    }
    const inArg = node.argStart !== undefined && offset >= node.argStart && offset <= node.argEnd!;
    if (inArg && node.prefix === undefined) {
      const defKind = REFERRING_KEYWORDS[node.keyword];
      const ref = defKind ? namesIn(node, text).find((r) => r.start <= offset && offset <= r.end) : undefined;
      if (ref && header) {
        if (ref.prefix !== undefined && offset <= ref.start + ref.prefix.length) {
          const module = moduleOfPrefix(header, ref.prefix);
          return module ? { kind: 'prefix', prefix: ref.prefix, module, file } : undefined;
        }
        const def = resolveName(this.view, file, node, ref, defKind!);
        return def ? { kind: 'definition', def, at: { file, ref } } : undefined;
      }
      const def = definitionAt(this.view, file, node);
      if (def) return { kind: 'definition', def };
      if (node.keyword === 'prefix' && header && node.arg && (node.parent?.keyword === 'import' || node.parent === header.root || node.parent?.keyword === 'belongs-to')) {
        const module = moduleOfPrefix(header, node.arg);
        return module ? { kind: 'prefix', prefix: node.arg, module, file } : undefined;
      }
      const prefixed = header && prefixAt(text, offset);
      if (prefixed) {
        const module = moduleOfPrefix(header, prefixed);
        if (module) return { kind: 'prefix', prefix: prefixed, module, file };
      }
    }
    return { kind: 'node', node };
  }

  /** Where a statement points: an import or include to the file, an augment or deviation to its target, a leafref path to the leaf it names. */
  private statementTargets(file: string, node: OutlineNode): Location[] {
    const header = headerOf(this.docs.outline(file));
    if (!header || !node.arg || node.prefix !== undefined) return [];
    if (node.keyword === 'import' || node.keyword === 'belongs-to') {
      const target = this.view.filesOfModule(node.arg)[0];
      return target ? [this.fileStart(target)] : [];
    }
    if (node.keyword === 'include') {
      const sub = Object.values(this.compiler.schema.modules).flatMap((m) => m.submodules).find((s) => s.name === node.arg);
      return sub ? [this.fileStart(sub.file)] : [];
    }
    let target: SchemaNode | undefined;
    if ((node.keyword === 'augment' || node.keyword === 'deviation') && node.arg.startsWith('/')) {
      const schemaPath = node.arg.replace(/([A-Za-z_][\w.-]*):/g, (whole, p: string) => `${moduleOfPrefix(header, p) ?? p}:`);
      target = this.schemaIndex().bySchemaNodePath(schemaPath.replace(/\s+/g, ''));
    } else if (node.keyword === 'path' && node.parent?.keyword === 'type' && node.parent.parent) {
      const leaf = this.schemaNodesAt(file, node.parent.parent)[0];
      const path = leaf && (leaf.kind === 'leaf' || leaf.kind === 'leaf-list') ? leaf.type.leafref?.target : undefined;
      target = path === undefined ? undefined : this.schemaIndex().byDataPath(path);
    }
    return target ? [{ uri: target.loc.file, range: this.docs.tokenRange(target.loc) }] : [];
  }

  private topLevelNodes(): SchemaNode[] {
    return Object.values(this.compiler.schema.modules).flatMap((m) => [...m.data, ...m.rpcs, ...m.notifications]);
  }

  private schemaIndex(): SchemaIndex {
    if (this.index?.schema !== this.compiler.schema) this.index = new SchemaIndex(this.compiler.schema);
    return this.index;
  }

  private schemaNodesAt(file: string, node: OutlineNode): readonly SchemaNode[] {
    const doc = this.docs.get(file);
    if (!doc) return [];
    const p = doc.positionAt(node.start);
    const bom = doc.getText().charCodeAt(0) === 0xfeff && p.line === 0 ? 1 : 0;
    return this.schemaIndex().at(file, p.line + 1, p.character + 1 - bom);
  }

  /** Uses of `prefix:` in a file's statements: extension keywords and arguments. */
  private prefixUses(file: string, prefix: string): NameRef[] {
    const outline = this.docs.outline(file);
    const text = this.docs.text(file) ?? '';
    const out: NameRef[] = [];
    for (const n of walk(outline?.roots ?? [])) {
      if (n.prefix === prefix) out.push({ name: prefix, start: n.start, end: n.start + prefix.length });
      if (n.keyword === 'prefix' && n.arg === prefix && n.argStart !== undefined) {
        const span = this.unquoted(file, n);
        out.push({ name: prefix, start: span.start, end: span.end });
      }
      if (n.argStart === undefined) continue;
      const raw = text.slice(n.argStart, n.argEnd);
      for (const m of raw.matchAll(/(?<![\w.:-])([A-Za-z_][\w.-]*):(?=[A-Za-z_])/g)) {
        if (m[1] === prefix) out.push({ name: prefix, start: n.argStart + m.index, end: n.argStart + m.index + prefix.length });
      }
    }
    return out;
  }

  /** A definition's argument without its quotes. */
  private unquoted(file: string, node: OutlineNode): { start: number; end: number } {
    const span = argSpan(node);
    const text = this.docs.text(file) ?? '';
    const quoted = text[span.start] === '"' || text[span.start] === "'";
    return quoted ? { start: span.start + 1, end: span.end - 1 } : span;
  }

  private nameRange(file: string, ref: NameRef): Range {
    return this.docs.range(file, ref.prefix === undefined ? ref.start : ref.start + ref.prefix.length + 1, ref.end);
  }

  private refLocation(file: string, ref: NameRef): Location {
    return { uri: file, range: this.docs.range(file, ref.start, ref.end) };
  }

  private locationOf(file: string, node: OutlineNode): Location {
    const span = argSpan(node);
    return { uri: file, range: this.docs.range(file, span.start, span.end) };
  }

  private fileStart(file: string): Location {
    return { uri: file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
}

/** The prefix of a `prefix:name` token under the cursor, when the cursor is on the prefix. */
function prefixAt(text: string, offset: number): string | undefined {
  let start = offset;
  while (start > 0 && /[\w.-]/.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && /[\w.-]/.test(text[end]!)) end++;
  return text[end] === ':' && end > start && /[A-Za-z_]/.test(text[start]!) && /[A-Za-z_]/.test(text[end + 1] ?? '') ? text.slice(start, end) : undefined;
}
