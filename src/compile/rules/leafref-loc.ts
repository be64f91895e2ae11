import type { SourceLoc } from '../../diagnostics/index.js';
import type { SchemaNode } from '../../ir/types.js';
import type { Statement } from '../../syntax/statement.js';
import { child, type Compilation } from '../context.js';

/**
 * Where a leafref problem of `node` is reported (RFC 7950 9.9.2): the `path` statement
 * when the node's own type (or a union member of it) writes the path, else the node's
 * `type` statement (the path is in a typedef, but resolves from this node), else the node.
 */
export function leafrefLoc(c: Compilation, node: SchemaNode, path: string): SourceLoc {
  const type = c.statements.get(node) && child(c.statements.get(node)!, 'type');
  if (!type) return node.loc;
  const stack: Statement[] = [type];
  while (stack.length) {
    const t = stack.pop()!;
    const p = child(t, 'path');
    if (p && p.arg === path) return p.argLoc ?? p.loc;
    for (const s of t.children) if (s.keyword === 'type' && s.prefix === undefined) stack.push(s);
  }
  return type.loc;
}
