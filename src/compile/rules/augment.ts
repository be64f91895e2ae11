import type { SchemaNode } from '../../ir/types.js';
import type { Statement } from '../../syntax/statement.js';
import type { Compilation, Target } from '../context.js';
import { mandatoryCause, mandatoryLoc } from './mandatory.js';

/**
 * What an augment may add to each kind of target (RFC 7950 7.17): data definitions
 * everywhere; `action` and `notification` only to a container or list; `case` only to
 * a choice, which takes cases or shorthand cases (7.9.2) and no operations.
 */
const FORBIDDEN: Record<string, ReadonlySet<string>> = {
  container: new Set(['case']),
  list: new Set(['case']),
  choice: new Set(['action', 'notification', 'uses']),
  case: new Set(['case', 'action', 'notification']),
  io: new Set(['case', 'action', 'notification']),
  notification: new Set(['case', 'action', 'notification']),
};

/**
 * Reports the statements of an augment (top-level or in a uses) that its target cannot
 * hold; returns them, so that they are left out rather than reported again where they land.
 */
export function checkAugmentContent(c: Compilation, stmt: Statement, target: Target): Set<Statement> {
  const rejected = new Set<Statement>();
  const forbidden = FORBIDDEN[target.io ? 'io' : target.node.kind];
  if (!forbidden) return rejected; // not a target that takes children: reported by graft
  const what = target.io ?? target.node.kind;
  for (const s of stmt.children) {
    if (s.prefix === undefined && forbidden.has(s.keyword)) {
      c.sink.error('bad-augment-content', s.loc, `"${s.keyword}" cannot be added by an augment to ${what} "${target.node.name}"`);
      rejected.add(s);
    }
  }
  return rejected;
}

/**
 * RFC 7950 7.17: mandatory configuration nodes added to another module's node need a
 * `when` on the augment. RFC 6020 7.15 (YANG 1.0): nodes added to another module's node
 * must not be mandatory at all. Runs after config is known.
 */
export function checkAugmentMandatory(c: Compilation): void {
  for (const [aug, target] of c.augmentTargets) {
    const stmt = c.statements.get(aug);
    const module = aug.nodes[0]?.module;
    if (!stmt || module === undefined || module === target.node.module) continue;
    const yang10 = c.mods.get(module)?.ir.yangVersion === '1';
    if (!yang10 && aug.when !== undefined) continue;
    for (const n of aug.nodes) {
      const cause = mandatoryCause(n);
      if (cause && (yang10 || cause.config)) {
        c.sink.as(module, () => c.sink.error('augment-mandatory', mandatoryLoc(c, cause), augmentMessage(cause, target.node, yang10)));
      }
    }
  }
}

function augmentMessage(cause: SchemaNode, target: SchemaNode, yang10: boolean): string {
  const where = `node "${target.name}" of module "${target.module}"`;
  return yang10
    ? `cannot add mandatory node "${cause.name}" to ${where} (RFC 6020 7.15)`
    : `cannot add mandatory node "${cause.name}" to ${where} without a "when" on the augment (RFC 7950 7.17)`;
}
