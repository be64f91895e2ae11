import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Documents } from './documents.js';
import { headerOf, type SourceView } from './names.js';
import { argSpan, walk, type OutlineNode } from './outline.js';

const DATA_DEF = new Set(['container', 'leaf', 'leaf-list', 'list', 'choice', 'case', 'anydata', 'anyxml', 'rpc', 'action', 'notification']);

/** The compiler's diagnostics grouped by file, as LSP diagnostics. */
export function diagnosticsByFile(all: readonly Diagnostic[], docs: Documents, view: SourceView): Map<string, LspDiagnostic[]> {
  const out = new Map<string, LspDiagnostic[]>();
  for (const d of all) {
    const list = out.get(d.loc.file) ?? [];
    out.set(d.loc.file, list);
    const related = d.code.startsWith('duplicate-') ? otherDefinitions(d, docs, view) : [];
    list.push({
      range: docs.tokenRange(d.loc),
      severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: d.code,
      source: 'yangkit',
      message: d.message,
      ...(related.length ? { relatedInformation: related } : {}),
    });
  }
  return out;
}

/**
 * For a duplicate definition: where the other statements of the same name are. Siblings
 * for data nodes and nested definitions; for top-level ones, every file of the module
 * (a submodule may define the name its module or a sibling submodule also defines).
 */
function otherDefinitions(d: Diagnostic, docs: Documents, view: SourceView): DiagnosticRelatedInformation[] {
  const outline = docs.outline(d.loc.file);
  const offset = docs.offsetAt(d.loc.file, docs.positionOf(d.loc));
  const at = outline && [...walk(outline.roots)].find((n) => n.start === offset || n.argStart === offset);
  if (!at?.arg) return [];
  const same = (n: OutlineNode) => n !== at && n.arg === at.arg && n.prefix === undefined && (n.keyword === at.keyword || (DATA_DEF.has(n.keyword) && DATA_DEF.has(at.keyword)));
  const header = headerOf(outline);
  const places: { file: string; node: OutlineNode }[] = [];
  if (header && at.parent === header.root) {
    for (const file of new Set([d.loc.file, ...view.filesOfModule(header.module)])) {
      for (const n of headerOf(view.outline(file))?.root.children ?? []) if (same(n)) places.push({ file, node: n });
    }
  } else {
    for (const n of at.parent?.children ?? []) if (same(n)) places.push({ file: d.loc.file, node: n });
  }
  return places.map(({ file, node }) => {
    const span = argSpan(node);
    return { location: { uri: file, range: docs.range(file, span.start, span.end) }, message: `"${at.arg}" is also defined here` };
  });
}
