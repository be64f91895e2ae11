/** Errors of the XPath engine: a syntax error when compiling, a typed error when evaluating. */
import type { XPathErrorKind } from './parse.js';

/** The expression does not parse (XPath 1.0 grammar, function names and arities). */
export class XPathSyntaxError extends Error {
  constructor(
    readonly expr: string,
    /** Offset in `expr` where the error was found. */
    readonly offset: number,
    readonly kind: XPathErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'XPathSyntaxError';
  }
}

/** Why an evaluation failed: the expression is wrong for this data, never a crash on the data itself. */
export type XPathEvalErrorCode =
  | 'unknown-prefix' // a name's prefix is not in the expression's prefix table
  | 'not-a-node-set' // a step, predicate filter or node-set function applied to a string, number or boolean
  | 'unknown-variable' // YANG binds no variables (RFC 7950 6.4.1)
  | 'invalid-pattern'; // re-match() with a pattern that is not an XSD regular expression

export class XPathEvalError extends Error {
  constructor(
    readonly code: XPathEvalErrorCode,
    readonly expr: string,
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'XPathEvalError';
  }
}
