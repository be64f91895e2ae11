import type { SchemaNode, SchemaSet } from '../ir/types.js';
import { pathChildren } from '../compile/targets.js';

/** Compiled schema nodes found by where they are written, by data path and by schema node path. */
export class SchemaIndex {
  private readonly byLoc = new Map<string, SchemaNode[]>();
  private readonly byPath = new Map<string, SchemaNode>();
  private readonly bySchemaPath = new Map<string, SchemaNode>();

  constructor(readonly schema: SchemaSet) {
    const seen = new Set<SchemaNode>();
    const visit = (nodes: readonly SchemaNode[] | undefined) => {
      for (const n of nodes ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        const key = locKey(n.loc.file, n.loc.line, n.loc.col);
        const list = this.byLoc.get(key);
        if (list) list.push(n);
        else this.byLoc.set(key, [n]);
        if (!this.byPath.has(n.path)) this.byPath.set(n.path, n);
        if (!this.bySchemaPath.has(n.schemaPath)) this.bySchemaPath.set(n.schemaPath, n);
        visit(childrenOf(n));
      }
    };
    for (const m of Object.values(schema.modules)) {
      visit(m.data);
      visit(m.rpcs);
      visit(m.notifications);
      for (const a of m.augments) visit(a.nodes);
      for (const y of m.yangData ?? []) visit(y.nodes);
      for (const g of m.groupings ?? []) visit(g.nodes);
    }
  }

  /** The nodes compiled from the statement at a 1-based line and column (several for a grouping's node used more than once). */
  at(file: string, line: number, col: number): readonly SchemaNode[] {
    return this.byLoc.get(locKey(file, line, col)) ?? [];
  }

  byDataPath(path: string): SchemaNode | undefined {
    return this.byPath.get(path);
  }

  bySchemaNodePath(path: string): SchemaNode | undefined {
    return this.bySchemaPath.get(path);
  }
}

const locKey = (file: string, line: number, col: number) => `${file}\n${line}:${col}`;

/** The schema nodes one step below a node (cases of a choice, input and output contents of an operation). */
export function childrenOf(node: SchemaNode | undefined): readonly SchemaNode[] {
  return node ? pathChildren(node) : [];
}
