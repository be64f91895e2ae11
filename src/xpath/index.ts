/**
 * XPath 1.0 (W3C, sections 2-4) with the YANG functions of RFC 7950 section 10, evaluated over
 * YANG instance trees (`XNode`). Expressions compile once into closures and are cached.
 *
 * Where the YANG data model leaves XPath a choice (RFC 7950 6.4.1), this engine:
 * - has element nodes and a root only: the attribute and namespace axes are empty, comment()
 *   and processing-instruction() match nothing, id() is empty and lang() false;
 * - treats a leaf's value as its text, as libyang does: the leaf stands for its own text node
 *   (`leaf/text()` is the leaf, see `textAxis`);
 * - gives name() as `module:name` (RFC 7951 names modules, instances have no prefixes);
 * - compares identityref leaves with strings as qualified names (RFC 7950 9.10.3).
 */
export type { XNode } from './node.js';
export type { XValue } from './evaluate.js';
export { XPathCache, type XPathEnv, type CompiledXPath } from './runtime.js';
export { compileXPath, evaluate, evaluateBoolean, referencedNodes } from './evaluate.js';
export { stringValue } from './values.js';
export { instanceTargets } from './instance.js';
export { readLeafrefPath, type LeafrefPath, type LeafrefPathStep, type PathKeyPredicate, type PathNodeId } from './leafref-path.js';
export { usedPrefixMap, xpathPrefixes } from './parse.js';
export { XPathSyntaxError, XPathEvalError, type XPathEvalErrorCode } from './errors.js';
