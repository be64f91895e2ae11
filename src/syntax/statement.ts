import type { SourceLoc } from '../diagnostics/index.js';

/**
 * One YANG statement (RFC 7950 section 6.3): `keyword [argument] (";" | "{" ... "}")`.
 * For extension statements `prefix` holds the prefix and `keyword` the local name.
 * `arg` is the argument after quote processing and `+` concatenation.
 */
export interface Statement {
  keyword: string;
  prefix?: string;
  arg?: string;
  children: Statement[];
  /** Position of the keyword. */
  loc: SourceLoc;
  /** Position of the first character of the argument (its opening quote if quoted). */
  argLoc?: SourceLoc;
}
