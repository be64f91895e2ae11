import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { namesIn, REFERRING_KEYWORDS, type DefinitionKind } from './names.js';
import { walk, type Outline } from './outline.js';

const TYPES = ['keyword', 'namespace', 'type', 'class', 'enumMember', 'macro', 'property', 'decorator'] as const;
type TokenType = (typeof TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: ['declaration'] };

const BY_DEFINITION: Readonly<Record<DefinitionKind, TokenType>> = { typedef: 'type', grouping: 'class', identity: 'enumMember', feature: 'macro' };
const DATA_NODES = new Set(['container', 'leaf', 'leaf-list', 'list', 'choice', 'case', 'anydata', 'anyxml', 'rpc', 'action', 'notification']);

/**
 * Semantic tokens (LSP 3.16): statement keywords, extension prefixes and names,
 * definitions and the names referring to them (prefix apart), data node names.
 */
export function semanticTokens(doc: TextDocument, outline: Outline): SemanticTokens {
  const text = doc.getText();
  const tokens: { start: number; length: number; type: TokenType; declaration?: boolean }[] = [];
  for (const n of walk(outline.roots)) {
    if (n.prefix !== undefined) {
      tokens.push({ start: n.start, length: n.prefix.length, type: 'namespace' });
      tokens.push({ start: n.start + n.prefix.length + 1, length: n.keyword.length, type: 'decorator' });
      continue;
    }
    tokens.push({ start: n.start, length: n.keywordEnd - n.start, type: 'keyword' });
    const defined = BY_DEFINITION[n.keyword as DefinitionKind] ?? (DATA_NODES.has(n.keyword) ? 'property' : undefined);
    if (defined && n.arg && n.argStart !== undefined && !/["'\s]/.test(text.slice(n.argStart, n.argEnd))) {
      tokens.push({ start: n.argStart, length: n.argEnd! - n.argStart, type: defined, declaration: true });
    }
    const kind = REFERRING_KEYWORDS[n.keyword];
    if (!kind) continue;
    for (const ref of namesIn(n, text)) {
      if (ref.prefix !== undefined) tokens.push({ start: ref.start, length: ref.prefix.length, type: 'namespace' });
      const nameStart = ref.prefix === undefined ? ref.start : ref.start + ref.prefix.length + 1;
      tokens.push({ start: nameStart, length: ref.end - nameStart, type: BY_DEFINITION[kind] });
    }
  }
  tokens.sort((a, b) => a.start - b.start);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    const p = doc.positionAt(t.start);
    data.push(p.line - line, p.line === line ? p.character - char : p.character, t.length, TYPES.indexOf(t.type), t.declaration ? 1 : 0);
    line = p.line;
    char = p.character;
  }
  return { data };
}
