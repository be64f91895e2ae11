import type { SchemaNode } from '../ir/types.js';
import { newScope, type Compilation, type ModCtx } from './context.js';
import { buildChildren } from './nodes.js';
import { schemaChildren } from './targets.js';

/**
 * Records each top-level grouping of a module with its body compiled on its own, uses
 * expanded (ModuleIR.groupings). Runs after every check: the bodies were checked where
 * used or as unused groupings, so what building them again reports is dropped, and no
 * check meets these copies.
 */
export function recordGroupings(c: Compilation, mod: ModCtx): void {
  for (const unit of mod.units) {
    for (const stmt of unit.stmt.children) {
      if (stmt.keyword !== 'grouping' || stmt.prefix !== undefined) continue;
      const outer = c.groupingScopes.get(stmt)!;
      const scope = newScope(c, stmt, unit, outer);
      const nodes = c.sink.quiet(() => buildChildren({ c, ns: mod.name, scope, groupings: [stmt], depth: 0 }, stmt));
      markBody(c, nodes, undefined);
      (mod.ir.groupings ??= []).push({ name: stmt.arg ?? '', nodes });
    }
  }
}

/** What finalize.ts computes for placed nodes and a tree needs here: written config, keys. */
function markBody(c: Compilation, nodes: SchemaNode[], inherited: boolean | undefined): void {
  for (const n of nodes) {
    const written = c.explicitConfig.get(n) ?? inherited;
    if (written !== undefined) n.writtenConfig = written;
    if (n.kind === 'list') {
      for (const k of n.children) if (k.kind === 'leaf' && n.keys.includes(k.name)) k.isKey = true;
    }
    const below = n.kind === 'rpc' || n.kind === 'action' ? [...(n.input ?? []), ...(n.output ?? [])] : schemaChildren(n);
    markBody(c, below, written);
  }
}
