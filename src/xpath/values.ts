import type { XNode } from './node.js';

/** XPath string-value (XPath 1.0 5.1, 5.2): a leaf's lexical form; an inner node's descendant leaf values in document order. */
export function stringValue(n: XNode): string {
  throw new Error('not implemented');
}
