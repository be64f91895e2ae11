import type { IdentityIR, XPathIR } from '../ir/types.js';
import type { XNode } from './node.js';

/** Node-sets are sorted in document order, without duplicates. */
export type XValue = XNode[] | string | number | boolean;

export interface XPathEnv {
  /** Module of unprefixed names: the module of the node the expression belongs to. */
  defaultModule: string;
  /** current() (RFC 7950 10.1.1): the node the expression belongs to; defaults to the context node. */
  current?: XNode;
  /** Every identity of the schema, for derived-from()/derived-from-or-self() (SchemaSet.identities). */
  identities: Record<string, IdentityIR>;
  /** Namespace URI of a module, for namespace-uri(); '' when absent or unknown. */
  namespaceOf?: (module: string) => string | undefined;
}

export interface CompiledXPath {
  readonly source: XPathIR;
}

/** Compiled once per XPathIR object (WeakMap) and per distinct (expr, prefixes); throws XPathSyntaxError on bad syntax. */
export function compileXPath(x: XPathIR): CompiledXPath {
  throw new Error('not implemented');
}

export function evaluate(x: CompiledXPath, context: XNode, env: XPathEnv): XValue {
  throw new Error('not implemented');
}

export function evaluateBoolean(x: CompiledXPath, context: XNode, env: XPathEnv): boolean {
  throw new Error('not implemented');
}
