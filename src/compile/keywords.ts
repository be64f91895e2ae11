import type { Statement } from '../syntax/statement.js';
import type { DiagnosticSink } from '../diagnostics/index.js';

/** Every YANG 1.1 keyword (RFC 7950 section 14); anything else unprefixed is a typo. */
const KEYWORDS = new Set([
  'action', 'anydata', 'anyxml', 'argument', 'augment', 'base', 'belongs-to', 'bit', 'case', 'choice', 'config',
  'contact', 'container', 'default', 'description', 'deviate', 'deviation', 'enum', 'error-app-tag', 'error-message',
  'extension', 'feature', 'fraction-digits', 'grouping', 'identity', 'if-feature', 'import', 'include', 'input', 'key',
  'leaf', 'leaf-list', 'length', 'list', 'mandatory', 'max-elements', 'min-elements', 'modifier', 'module', 'must',
  'namespace', 'notification', 'ordered-by', 'organization', 'output', 'path', 'pattern', 'position', 'prefix',
  'presence', 'range', 'reference', 'refine', 'require-instance', 'revision', 'revision-date', 'rpc', 'status',
  'submodule', 'type', 'typedef', 'unique', 'units', 'uses', 'value', 'when', 'yang-version', 'yin-element',
]);

/** Reports unprefixed statements that are not YANG keywords (extension statements carry a prefix). */
export function checkKeywords(sink: DiagnosticSink, stmt: Statement): void {
  for (const s of stmt.children) {
    if (s.prefix !== undefined) continue; // extension arguments may hold anything
    if (!KEYWORDS.has(s.keyword)) sink.error('unknown-statement', s.loc, `unknown statement "${s.keyword}"`);
    else checkKeywords(sink, s);
  }
}
