/**
 * Checks one parsed file against the statement grammar (statement-table.ts) right after
 * parsing, before any resolution: keywords, arguments, which substatements may appear
 * where and how often, YANG 1.1-only statements, and the module section order.
 * Extension statements (prefixed keywords) are left to the compiler, which knows their
 * definitions; inside them only unprefixed keywords are checked.
 */
import type { Diagnostic, SourceLoc } from '../diagnostics/index.js';
import { ARGUMENT_CODE, checkArgument, yangVersionOf, type YangVersion } from './arguments.js';
import {
  SECTION_ORDER,
  STATEMENTS,
  TOP_LEVEL,
  argumentKind,
  isYang11Only,
  substatementsOf,
  type StatementRule,
  type SubstatementRule,
} from './statement-table.js';
import type { Statement } from './statement.js';

/** A missing type keeps the code the compiler gave it before the grammar check existed. */
const MISSING_CODE: Readonly<Record<string, string>> = { type: 'missing-type' };

export interface GrammarResult {
  diagnostics: Diagnostic[];
  /** Every extension statement of the file, for the compiler to check against its definition. */
  extensionUses: Statement[];
}

/** Grammar diagnostics of one file whose top statement is `root`. */
export function checkGrammar(root: Statement): GrammarResult {
  // A submodule is checked against its own yang-version (RFC 7950 7.2).
  const checker = new GrammarChecker(yangVersionOf(root));
  // Anything else at the top is reported by the loader (not-a-module).
  if (root.prefix === undefined && TOP_LEVEL.includes(root.keyword)) checker.check(root, STATEMENTS.get(root.keyword)!);
  return { diagnostics: checker.out, extensionUses: checker.extensionUses };
}

/**
 * Statements still to check, with their rule (null inside an extension statement) and their rule
 * in the parent: three parallel stacks, not an array per statement.
 */
class Pending {
  readonly stmts: Statement[] = [];
  readonly rules: (StatementRule | null)[] = [];
  readonly subs: (SubstatementRule | undefined)[] = [];

  push(stmt: Statement, rule: StatementRule | null, sub: SubstatementRule | undefined): void {
    this.stmts.push(stmt);
    this.rules.push(rule);
    this.subs.push(sub);
  }
}

class GrammarChecker {
  readonly out: Diagnostic[] = [];
  readonly extensionUses: Statement[] = [];
  /** Occurrences of each substatement keyword of the statement being checked (one map, cleared for each). */
  private readonly counts = new Map<string, number>();

  constructor(private readonly version: YangVersion) {}

  /** Iterative walk: deep nesting must not exhaust the call stack. */
  check(root: Statement, rootRule: StatementRule): void {
    const stack = new Pending();
    stack.push(root, rootRule, undefined);
    const counts = this.counts;
    while (stack.stmts.length > 0) {
      const stmt = stack.stmts.pop()!;
      const rule = stack.rules.pop()!;
      const sub = stack.subs.pop();
      if (rule === null) {
        this.checkKeywordsOnly(stmt, stack);
        continue;
      }
      this.checkArgument(stmt, rule, sub);
      const allowed = substatementsOf(rule, this.version, stmt.arg);
      if (stmt.children.length === 0 && allowed.size === 0) continue; // the common case: a simple statement
      counts.clear();
      let nameless: Statement[] | undefined;
      for (const child of stmt.children) {
        if (child.prefix !== undefined) {
          this.extensionUses.push(child); // checked by the compiler against its definition
          stack.push(child, null, undefined);
          continue;
        }
        const childRule = STATEMENTS.get(child.keyword);
        if (!childRule) {
          this.error('unknown-statement', child.loc, `unknown statement "${child.keyword}"`);
          continue;
        }
        const childSub = allowed.get(child.keyword);
        if (!childSub) {
          this.error('unexpected-statement', child.loc, `"${child.keyword}" is not allowed in ${describe(stmt)}`);
          continue;
        }
        if (this.version === '1' && isYang11Only(childSub)) {
          this.error('requires-yang11', child.loc, `"${child.keyword}" in ${describe(stmt)} needs yang-version 1.1`);
        }
        const n = (counts.get(child.keyword) ?? 0) + 1;
        counts.set(child.keyword, n);
        if (n > 1 && (childSub.cardinality === '0..1' || childSub.cardinality === '1')) {
          this.error('too-many-statements', child.loc, `${describe(stmt)} may have only one "${child.keyword}" statement`);
        }
        stack.push(child, childRule, childSub);
        if (child.arg === undefined && argumentKind(childRule, childSub) !== null) (nameless ??= []).push(child);
      }
      // A statement without its required argument is reported (missing-argument) and left out
      // of the tree, so later passes do not report a nameless leaf or an empty path again.
      if (nameless) stmt.children = stmt.children.filter((c) => !nameless.includes(c));
      for (const s of mandatoryOf(allowed)) {
        if (!counts.has(s.keyword)) this.error(MISSING_CODE[s.keyword] ?? 'missing-statement', stmt.loc, `${describe(stmt)} needs a "${s.keyword}" statement`);
      }
      if (rule.requiresOneOf && !rule.requiresOneOf.some((k) => counts.has(k))) {
        this.error('missing-statement', stmt.loc, `${describe(stmt)} needs a data definition statement`);
      }
      if (stmt === root) this.checkSectionOrder(stmt, allowed);
    }
  }

  /**
   * Inside an extension statement the grammar is the extension's, but an unprefixed
   * keyword must still be a YANG keyword (RFC 7950 section 14, unknown-statement).
   */
  private checkKeywordsOnly(stmt: Statement, stack: Pending): void {
    for (const child of stmt.children) {
      if (child.prefix !== undefined) this.extensionUses.push(child);
      else if (!STATEMENTS.has(child.keyword)) {
        this.error('unknown-statement', child.loc, `unknown statement "${child.keyword}"`);
        continue;
      }
      stack.push(child, null, undefined);
    }
  }

  private checkArgument(stmt: Statement, rule: StatementRule, sub: SubstatementRule | undefined): void {
    const kind = argumentKind(rule, sub);
    if (kind === null) {
      if (stmt.arg !== undefined) this.error('unexpected-argument', stmt.argLoc ?? stmt.loc, `"${stmt.keyword}" takes no argument`);
      return;
    }
    if (stmt.arg === undefined) {
      this.error('missing-argument', stmt.loc, `"${stmt.keyword}" needs an argument`);
      return;
    }
    const problem = checkArgument(kind, stmt.arg, this.version, stmt.keyword);
    if (problem !== undefined) this.error(ARGUMENT_CODE[kind], stmt.argLoc ?? stmt.loc, problem);
  }

  /** RFC 7950 7.1 / 7.2: header, linkage, meta, revision, body; any order within a section. */
  private checkSectionOrder(root: Statement, allowed: ReadonlyMap<string, SubstatementRule>): void {
    let reached = 0;
    let reachedBy: Statement | undefined;
    for (const child of root.children) {
      const section = child.prefix === undefined ? allowed.get(child.keyword)?.section : undefined;
      if (section === undefined) continue;
      const index = SECTION_ORDER.indexOf(section);
      if (index < reached) {
        this.error('bad-statement-order', child.loc, `"${child.keyword}" (${section} statement) must come before "${reachedBy!.keyword}" (${SECTION_ORDER[reached]} statement)`);
      } else if (index > reached) {
        reached = index;
        reachedBy = child;
      }
    }
  }

  private error(code: string, loc: SourceLoc, message: string): void {
    this.out.push({ code, severity: 'error', message, loc });
  }
}

const mandatoryCache = new WeakMap<ReadonlyMap<string, SubstatementRule>, SubstatementRule[]>();

/** The substatements that must appear (cardinality 1 or 1..n), computed once per rule and version. */
function mandatoryOf(allowed: ReadonlyMap<string, SubstatementRule>): SubstatementRule[] {
  let list = mandatoryCache.get(allowed);
  if (!list) {
    list = [...allowed.values()].filter((s) => s.cardinality === '1' || s.cardinality === '1..n');
    mandatoryCache.set(allowed, list);
  }
  return list;
}

function describe(stmt: Statement): string {
  return stmt.arg === undefined ? `"${stmt.keyword}"` : `${stmt.keyword} "${stmt.arg}"`;
}
