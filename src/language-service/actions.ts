import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModuleIR } from '../ir/types.js';
import { childOf, type Outline, type OutlineNode } from './outline.js';
import { headerOf } from './names.js';

export interface CodeActionInputs {
  file: string;
  doc: TextDocument;
  outline: Outline;
  diagnostics: readonly Diagnostic[];
  /** Modules the workspace knows, candidates for a missing import. */
  modules: readonly ModuleIR[];
}

/**
 * Quick fixes for diagnostics: an unknown prefix that a known module declares as its
 * own gets "import that module" (RFC 7950 7.1.5), one close to a prefix of the file gets
 * "change it to that prefix"; a YANG 1.1 statement in a YANG 1 module gets "set
 * yang-version 1.1" (7.1.2).
 */
export function codeActions(input: CodeActionInputs): CodeAction[] {
  const header = headerOf(input.outline);
  if (!header) return [];
  const out: CodeAction[] = [];
  const fix = (title: string, edit: TextEdit, diagnostic: Diagnostic): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [input.file]: [edit] } },
  });
  const indent = indentOf(input.doc, header.root.children[0]) ?? '  ';
  for (const d of input.diagnostics) {
    if (d.code === 'unknown-prefix') {
      const prefix = /prefix "([^"]+)"/.exec(typeof d.message === 'string' ? d.message : d.message.value)?.[1];
      if (!prefix || header.imports.has(prefix)) continue;
      for (const m of input.modules.filter((m) => m.prefix === prefix && m.name !== header.module)) {
        const text = `import ${m.name} {\n${indent}${indent}prefix ${prefix};\n${indent}}`;
        out.push(fix(`Add "import ${m.name}"`, insertAfter(input.doc, lastLinkageAnchor(header.root), text, indent), d));
      }
      out.push(...prefixFixes(input, d, prefix, [header.prefix, ...header.imports.keys()].filter((p): p is string => p !== undefined)));
    } else if (d.code === 'requires-yang11') {
      const existing = childOf(header.root, 'yang-version');
      if (existing?.argStart !== undefined) {
        const range = { start: input.doc.positionAt(existing.argStart), end: input.doc.positionAt(existing.argEnd!) };
        out.push(fix('Set "yang-version 1.1"', { range, newText: '1.1' }, d));
      } else {
        const at = input.doc.positionAt(header.root.blockStart === undefined ? header.root.end : header.root.blockStart + 1);
        out.push(fix('Add "yang-version 1.1"', { range: { start: at, end: at }, newText: `\n${indent}yang-version 1.1;` }, d));
      }
    }
  }
  return out;
}

/** The statement an import goes after: the last import, else the header's last statement. */
function lastLinkageAnchor(root: OutlineNode): OutlineNode | undefined {
  const header = ['yang-version', 'namespace', 'prefix', 'belongs-to', 'import'];
  return [...root.children].reverse().find((c) => c.prefix === undefined && header.includes(c.keyword));
}

function insertAfter(doc: TextDocument, anchor: OutlineNode | undefined, text: string, indent: string): TextEdit {
  const at = doc.positionAt(anchor?.end ?? 0);
  return { range: { start: at, end: at }, newText: `\n${indent}${text}` };
}

/** The whitespace before a statement on its line. */
function indentOf(doc: TextDocument, node: OutlineNode | undefined): string | undefined {
  if (!node) return undefined;
  const p = doc.positionAt(node.start);
  const line = doc.getText({ start: { line: p.line, character: 0 }, end: p });
  return /^\s*$/.test(line) ? line : undefined;
}

/** A prefix written wrong: the file's prefixes within two edits of it, each as a fix of the uses of it in the argument at fault. */
function prefixFixes(input: CodeActionInputs, d: Diagnostic, wrong: string, known: readonly string[]): CodeAction[] {
  const start = input.doc.offsetAt(d.range.start);
  const argument = input.doc.getText(d.range);
  const uses = [...argument.matchAll(new RegExp(`(?<![\\w.:-])${wrong.replace(/[.]/g, '\\.')}:`, 'g'))].map((m) => start + m.index);
  if (uses.length === 0) return [];
  return known
    .filter((p) => p !== wrong && editDistance(p, wrong) <= 2)
    .map((p) => ({
      title: `Change prefix "${wrong}" to "${p}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [input.file]: uses.map((at) => ({ range: { start: input.doc.positionAt(at), end: input.doc.positionAt(at + wrong.length) }, newText: p })) } },
    }));
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}
