/** A YANG language service with no transport in it (the shape of Microsoft's JSON/CSS language services). */
export { LanguageService, type FileDiagnostics, type LanguageServiceOptions } from './service.js';
export { parseOutline, type Outline, type OutlineNode } from './outline.js';
export { SEMANTIC_TOKENS_LEGEND } from './semantic-tokens.js';
