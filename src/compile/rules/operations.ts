import type { SchemaNode } from '../../ir/types.js';
import { child, type Compilation } from '../context.js';

const OPERATION = new Set(['rpc', 'action', 'notification']);

/**
 * RFC 7950 7.15 and 7.16: an action or a (nested) notification is tied to a data node: it
 * MUST NOT have an rpc, action or notification among its schema ancestors, nor a list
 * without a key, and cannot sit at the top level (action) or in a case. Placements written
 * directly are the statement grammar's to report; this catches those that come through
 * `uses` or `augment`, and the ancestors further up. Runs once the node's parent is known.
 */
export function checkOperationPlace(c: Compilation, n: SchemaNode): void {
  if (n.kind !== 'action' && n.kind !== 'notification') return;
  const parent = c.parents.get(n);
  const direct = writtenIn(c, n, parent);
  if (!parent) {
    if (n.kind === 'action' && !direct && !c.documentRoots.has(n)) {
      c.sink.error('bad-operation-placement', n.loc, `action "${n.name}" cannot be defined at the top level of a module`);
    }
    return;
  }
  if ((parent.kind === 'case' || parent.kind === 'choice') && !direct) {
    c.sink.error('bad-operation-placement', n.loc, `${n.kind} "${n.name}" cannot be defined in a case`);
  }
  for (let a: SchemaNode | undefined = parent; a; a = c.parents.get(a)) {
    if (OPERATION.has(a.kind)) {
      if (a !== parent || !direct) c.sink.error('bad-operation-placement', n.loc, `${n.kind} "${n.name}" cannot be defined within ${a.kind} "${a.name}"`);
      return;
    }
    if (a.kind === 'list' && a.keys.length === 0) {
      c.sink.error('bad-operation-placement', n.loc, `${n.kind} "${n.name}" cannot be defined below list "${a.name}", which has no key`);
      return;
    }
  }
}

/**
 * RFC 7950 7.21.1: config does not apply inside an rpc, action or notification; a
 * `config` written there is ignored, with a warning as pyang gives (CONFIG_IGNORED).
 * Nodes from groupings are left alone, where the same grouping may serve data too.
 */
export function checkConfigIgnored(c: Compilation, n: SchemaNode): void {
  const config = c.statements.get(n)?.children.find((s) => s.keyword === 'config' && s.prefix === undefined);
  if (config && writtenIn(c, n, c.parents.get(n))) c.sink.warning('config-ignored', config.loc, `"config" of "${n.name}" is ignored inside an rpc, action or notification`);
}

/** Whether `n`'s statement is written directly in its parent's (or the module's) body. */
function writtenIn(c: Compilation, n: SchemaNode, parent: SchemaNode | undefined): boolean {
  const stmt = c.statements.get(n);
  if (!stmt) return false;
  const holder = parent ? c.statements.get(parent) : c.nodeUnits.get(n)?.stmt;
  if (!holder) return false;
  const bodies = [holder, child(holder, 'input'), child(holder, 'output')];
  return bodies.some((b) => b?.children.includes(stmt));
}
