/**
 * Nesting limits, in one place. Deep input is legal YANG, but the parser, the compiler and the
 * emitters walk trees recursively: past these depths they stop with a located `too-deep`
 * diagnostic instead of overflowing Node's default stack. Real models stay far below them
 * (the deepest corpus schema trees are a few dozen levels).
 */
export const LIMITS = {
  /** Statements nested in one another in a file (`{` inside `{`). */
  statementNesting: 300,
  /**
   * Levels of schema nodes and of `uses` being expanded, counted together while the schema tree
   * is built (a container in a container, a grouping using a grouping ...).
   */
  schemaNesting: 300,
  /** Leafrefs whose target is a leafref whose target is a leafref ... */
  leafrefChain: 300,
  /** Parentheses, predicates and function arguments nested in one XPath expression; parentheses in an if-feature expression. */
  xpathNesting: 128,
} as const;

export function tooDeepMessage(what: string, limit: number): string {
  return `${what} nested deeper than ${limit}`;
}
