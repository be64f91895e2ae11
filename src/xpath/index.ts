/**
 * XPath 1.0 (W3C, sections 2-4) with the YANG functions of RFC 7950 section 10, evaluated
 * over YANG instance trees (`XNode`). Expressions compile once into closures and are cached.
 */
export type { XNode } from './node.js';
export type { XValue, XPathEnv, CompiledXPath } from './evaluate.js';
export { compileXPath, evaluate, evaluateBoolean } from './evaluate.js';
export { stringValue } from './values.js';
export { instanceTargets } from './instance.js';
export { XPathSyntaxError, XPathEvalError, type XPathEvalErrorCode } from './errors.js';
