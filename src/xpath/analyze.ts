/**
 * Static facts about an AST the compiler uses to evaluate predicates set-at-a-time: whether a
 * subexpression depends on the context node, and whether a predicate compares a key-like child
 * (or the node itself) with such a context-independent value, as list-key predicates and leafref
 * paths do (`[name = current()/../ifname]`, `[. = 'x']`).
 */
import { SWAPPED, type CompareOp } from './compare.js';
import type { NodeTest, Step, XPathExpr } from './parse.js';

/** Functions whose value depends on the context node, position or size when called as written. */
function callUsesContext(e: Extract<XPathExpr, { kind: 'call' }>): boolean {
  if (e.name === 'position' || e.name === 'last') return true;
  // The optional argument of these defaults to the context node (XPath 1.0 4.1, 4.2, 4.4).
  const defaultsToContext = ['string', 'number', 'string-length', 'normalize-space', 'local-name', 'namespace-uri', 'name'];
  return e.args.length === 0 && defaultsToContext.includes(e.name);
}

/**
 * The value is the same for every context node of one tree (and one current()): literals,
 * absolute paths, paths from current(), and operators and functions over such operands.
 */
export function contextFree(e: XPathExpr): boolean {
  switch (e.kind) {
    case 'literal':
    case 'number':
      return true;
    case 'variable':
      return false;
    case 'negate':
      return contextFree(e.operand);
    case 'binary':
      return contextFree(e.left) && contextFree(e.right);
    case 'call':
      return !callUsesContext(e) && e.args.every(contextFree);
    case 'filter':
      return contextFree(e.primary);
    case 'path':
      return e.absolute || (e.filter !== undefined && contextFree(e.filter));
  }
}

/** Whether current() is called anywhere in the expression, predicates included. */
export function usesCurrent(e: XPathExpr): boolean {
  const inSteps = (steps: Step[]) => steps.some((s) => s.predicates.some(usesCurrent));
  switch (e.kind) {
    case 'negate':
      return usesCurrent(e.operand);
    case 'binary':
      return usesCurrent(e.left) || usesCurrent(e.right);
    case 'call':
      return e.name === 'current' || e.args.some(usesCurrent);
    case 'filter':
      return usesCurrent(e.primary) || e.predicates.some(usesCurrent);
    case 'path':
      return (e.filter !== undefined && usesCurrent(e.filter)) || inSteps(e.steps);
    default:
      return false;
  }
}

/** The node a key-like operand reads from a candidate: one of its children by name, or itself. */
export type KeyOperand = { kind: 'child'; test: NodeTest & { kind: 'name' }; offset: number } | { kind: 'self' };

function keyOperand(e: XPathExpr): KeyOperand | undefined {
  if (e.kind !== 'path' || e.absolute || e.filter || e.steps.length !== 1) return undefined;
  const s: Step = e.steps[0]!;
  if (s.predicates.length) return undefined;
  if (s.axis === 'child' && s.test.kind === 'name' && s.test.local !== '*') return { kind: 'child', test: s.test, offset: s.offset };
  if (s.axis === 'self' && s.test.kind === 'node-type' && s.test.type === 'node') return { kind: 'self' };
  return undefined;
}

/** `key op value` with `value` context-free; operands swapped (and the operator flipped) when written `value op key`. */
export interface KeyPredicate {
  key: KeyOperand;
  op: CompareOp;
  value: XPathExpr;
}

export function keyPredicate(e: XPathExpr): KeyPredicate | undefined {
  if (e.kind !== 'binary' || !(e.op in SWAPPED)) return undefined;
  const op = e.op as CompareOp;
  const left = keyOperand(e.left);
  if (left && contextFree(e.right)) return { key: left, op, value: e.right };
  const right = keyOperand(e.right);
  if (right && contextFree(e.left)) return { key: right, op: SWAPPED[op], value: e.left };
  return undefined;
}
