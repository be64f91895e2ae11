/**
 * What the evaluator and the function library share: the environment of an evaluation, its fixed
 * inputs, and the shape of a compiled expression.
 */
import type { IdentityIR, XPathIR } from '../ir/types.js';
import type { NodeTestFn } from './axes.js';
import type { XPathEvalError } from './errors.js';
import type { XNode } from './node.js';
import type { XValue } from './values.js';

export interface XPathEnv {
  /** Module of unprefixed names: the module of the node the expression belongs to. */
  defaultModule: string;
  /** current() (RFC 7950 10.1.1): the node the expression belongs to; defaults to the context node. */
  current?: XNode;
  /** Every identity of the schema, for derived-from()/derived-from-or-self() (SchemaSet.identities). */
  identities: Record<string, IdentityIR>;
  /** Namespace URI of a module, for namespace-uri() ('' when absent or unknown). */
  namespaceOf?: (module: string) => string | undefined;
  /**
   * Indexes of list entries by key value, reused across evaluations over one tree: give the same
   * cache to every evaluation of one validation pass, and a new one once the tree changes.
   */
  cache?: XPathCache;
}

/** Indexes over one unchanged tree (see XPathEnv.cache). */
export class XPathCache {
  /** parent -> step node test -> key node test -> key value -> entries in document order; null when unindexable. */
  readonly keyIndexes = new WeakMap<XNode, Map<NodeTestFn, Map<NodeTestFn, Map<string, XNode[]> | null>>>();
  /** root -> leafref path that is a constant of the tree -> default module -> target value -> targets in document order. */
  readonly leafrefTargets = new WeakMap<XNode, Map<CompiledXPath, Map<string, Map<string, XNode[]>>>>();
}

export interface CompiledXPath {
  /** The expression and prefixes compiled (a copy: one compiled expression serves every equal XPathIR). */
  readonly source: XPathIR;
}

/** One evaluation's fixed inputs. */
export interface Runtime {
  readonly env: XPathEnv;
  readonly current: XNode;
  /** The expression's prefix -> module table. */
  readonly prefixes: Record<string, string>;
}

/** A compiled expression: the value for a context node, its proximity position and the context size. */
export type Eval = (node: XNode, position: number, size: number, rt: Runtime) => XValue;

/** What compiling needs besides the AST: the expression's text and prefix table. */
export interface CompileScope {
  readonly source: XPathIR;
  fail(code: XPathEvalError['code'], offset: number, message: string): never;
}

/** Expects a node-set: the operand of a step, a filter predicate or `|`. */
export function nodeSet(v: XValue, scope: CompileScope, offset: number, what: string): XNode[] {
  if (!Array.isArray(v)) scope.fail('not-a-node-set', offset, `${what} needs a node-set, not a ${typeof v}`);
  return v;
}
