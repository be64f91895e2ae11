/**
 * The tree XPath expressions are evaluated over: the XPath 1.0 data model as
 * YANG uses it (RFC 7950 6.4.1), with a root node and element nodes only (no
 * attributes, namespace, text or comment nodes: a leaf's value is its text).
 * Implemented by the instance trees of `src/validate/`; the evaluator only reads it.
 */
import type { SchemaNode } from '../ir/types.js';
import type { LeafValue } from '../values/check.js';

export interface XNode {
  /** 'root' is the document root, the parent of every top-level node. */
  readonly kind: 'root' | 'element';
  /** Module whose namespace the element is in, and its local name ('' for the root). */
  readonly module: string;
  readonly name: string;
  readonly parent: XNode | undefined;
  /** Child elements in document order. */
  readonly children: readonly XNode[];
  /** Position in document order, unique in one tree and increasing in preorder (the root is 0). */
  readonly order: number;
  /** The schema node of an element (data node, rpc, action or notification); absent inside anydata. */
  readonly schema: SchemaNode | undefined;
  /**
   * Leaves and leaf-list entries: the value in its canonical RFC 7951 JSON form
   * (identityref `module:identity`, empty `[null]`, 64-bit and decimal64 as strings).
   */
  readonly value: LeafValue | undefined;
}
