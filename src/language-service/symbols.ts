import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { argSpan, type Outline, type OutlineNode } from './outline.js';

/** Symbol kinds of the statements shown in the outline; others (description, type, ...) are left out. */
const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
  module: SymbolKind.Module,
  submodule: SymbolKind.Module,
  import: SymbolKind.Package,
  include: SymbolKind.Package,
  revision: SymbolKind.Event,
  feature: SymbolKind.Boolean,
  identity: SymbolKind.EnumMember,
  typedef: SymbolKind.TypeParameter,
  grouping: SymbolKind.Class,
  extension: SymbolKind.Operator,
  container: SymbolKind.Struct,
  list: SymbolKind.Array,
  leaf: SymbolKind.Field,
  'leaf-list': SymbolKind.Array,
  choice: SymbolKind.Enum,
  case: SymbolKind.EnumMember,
  anydata: SymbolKind.Object,
  anyxml: SymbolKind.Object,
  uses: SymbolKind.Interface,
  augment: SymbolKind.Namespace,
  deviation: SymbolKind.Namespace,
  rpc: SymbolKind.Function,
  action: SymbolKind.Method,
  input: SymbolKind.Object,
  output: SymbolKind.Object,
  notification: SymbolKind.Event,
};

/** The statement outline: definitions and schema statements, nested as written. */
export function documentSymbols(doc: TextDocument, outline: Outline): DocumentSymbol[] {
  const range = (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
  const convert = (nodes: readonly OutlineNode[]): DocumentSymbol[] =>
    nodes.flatMap((n) => {
      const kind = n.prefix === undefined ? SYMBOL_KINDS[n.keyword] : undefined;
      if (kind === undefined) return [];
      const span = argSpan(n);
      return [{ name: n.arg ?? n.keyword, detail: n.keyword, kind, range: range(n.start, n.end), selectionRange: range(span.start, span.end), children: convert(n.children) }];
    });
  return convert(outline.roots);
}

/** Blocks spanning several lines, and multi-line comments and strings (descriptions). */
export function foldingRanges(doc: TextDocument, outline: Outline): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (nodes: readonly OutlineNode[]) => {
    for (const n of nodes) {
      const startLine = doc.positionAt(n.start).line;
      const endLine = doc.positionAt(n.end).line;
      if (n.blockStart !== undefined && endLine > startLine) out.push({ startLine, endLine: endLine - 1 });
      else if (n.argStart !== undefined && endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Comment });
      visit(n.children);
    }
  };
  visit(outline.roots);
  return out;
}
