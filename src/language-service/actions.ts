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
 * own gets "import that module" (RFC 7950 7.1.5); a YANG 1.1 statement in a YANG 1
 * module gets "set yang-version 1.1" (7.1.2).
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
