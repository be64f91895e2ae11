import type { SourceLoc } from '../../diagnostics/index.js';
import type { SchemaNode } from '../../ir/types.js';
import { child, type Compilation } from '../context.js';

/**
 * The node that makes `n` a mandatory node (RFC 7950 section 3): `n` itself when it is a
 * leaf, choice, anydata or anyxml with `mandatory true` or a list or leaf-list with
 * min-elements above 0; for a non-presence container, the first such node among its
 * children (recursively). Undefined when `n` is not mandatory.
 */
export function mandatoryCause(n: SchemaNode): SchemaNode | undefined {
  switch (n.kind) {
    case 'leaf':
    case 'choice':
    case 'anydata':
    case 'anyxml':
      return n.mandatory ? n : undefined;
    case 'list':
    case 'leaf-list':
      return n.minElements > 0 ? n : undefined;
    case 'container':
      if (n.presence !== undefined) return undefined;
      for (const k of n.children) {
        const cause = mandatoryCause(k);
        if (cause) return cause;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Where a mandatory node says so: its `mandatory` or `min-elements` statement, else the node. */
export function mandatoryLoc(c: Compilation, n: SchemaNode): SourceLoc {
  const stmt = c.statements.get(n);
  const s = stmt && (child(stmt, n.kind === 'list' || n.kind === 'leaf-list' ? 'min-elements' : 'mandatory'));
  return s?.loc ?? n.loc;
}
