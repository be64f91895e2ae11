import type { SchemaNode, TypeIR } from '../ir/types.js';
import type { Statement } from '../syntax/statement.js';
import { LIMITS } from '../limits.js';
import type { Compilation } from './context.js';

/**
 * The nodes of a grouping used in more than one place, built once per namespace and copied at
 * its other uses (RFC 7950 7.13: each use brings in the same nodes, in the using module's
 * namespace). Building from statements runs much code once per node; in a new process that
 * code is still unoptimized, and copying plain objects costs a fraction of it.
 *
 * A copy is what building again would give only when building depends on nothing but the
 * grouping and the namespace: so only a build that reported nothing (no diagnostic depends on
 * the use site then) is kept, and it is reused only where the nesting limit is not reached.
 * Refine, augment, when and if-feature of a `uses` are applied by the caller to the copy, as
 * to a new build. The side tables of the built nodes (their files, statements, written config,
 * default sites, typedef extras, leafref files) are copied with them.
 */
export interface GroupingCopies {
  /** Whether the grouping `def` is worth keeping: its name is written in more than one `uses`. */
  worthKeeping(def: Statement): boolean;
  /** A copy of the nodes kept for `def` in namespace `ns`, if they can be used at `depth`. */
  copy(def: Statement, ns: string, depth: number): SchemaNode[] | undefined;
  /** Builds `def`'s nodes with `build` at `depth`, keeping a copy when that reported nothing. */
  build(def: Statement, ns: string, depth: number, build: () => SchemaNode[]): SchemaNode[];
  /** Called with each nesting level checked against LIMITS.schemaNesting while building. */
  reached(depth: number): void;
}

interface Kept {
  nodes: SchemaNode[];
  /** Nesting levels below the use that building went down to. */
  height: number;
}

const byCompilation = new WeakMap<Compilation, GroupingCopies>();

export function groupingCopies(c: Compilation): GroupingCopies {
  let copies = byCompilation.get(c);
  if (!copies) byCompilation.set(c, (copies = new Copies(c)));
  return copies;
}

class Copies implements GroupingCopies {
  private readonly kept = new Map<Statement, Map<string, Kept>>();
  private usesByName: Map<string, number> | undefined;
  private deepest = 0;

  constructor(private readonly c: Compilation) {}

  worthKeeping(def: Statement): boolean {
    this.usesByName ??= countUses(this.c);
    return (this.usesByName.get(def.arg ?? '') ?? 0) > 1;
  }

  copy(def: Statement, ns: string, depth: number): SchemaNode[] | undefined {
    const kept = this.kept.get(def)?.get(ns);
    if (!kept || depth + kept.height >= LIMITS.schemaNesting) return undefined;
    this.reached(depth + kept.height);
    return copyNodes(this.c, kept.nodes);
  }

  build(def: Statement, ns: string, depth: number, build: () => SchemaNode[]): SchemaNode[] {
    const outer = this.deepest;
    const reports = this.c.sink.reported;
    this.deepest = depth;
    const nodes = build();
    const height = this.deepest - depth;
    this.deepest = Math.max(outer, this.deepest);
    if (this.c.sink.reported === reports) {
      let forDef = this.kept.get(def);
      if (!forDef) this.kept.set(def, (forDef = new Map()));
      forDef.set(ns, { nodes: copyNodes(this.c, nodes), height });
    }
    return nodes;
  }

  reached(depth: number): void {
    if (depth > this.deepest) this.deepest = depth;
  }
}

/** How many `uses` statements of all loaded files name each grouping (by its name without prefix). */
function countUses(c: Compilation): Map<string, number> {
  const counts = new Map<string, number>();
  const stack: Statement[] = [];
  for (const mod of c.mods.values()) for (const unit of mod.units) stack.push(unit.stmt);
  while (stack.length) {
    const s = stack.pop()!;
    if (s.keyword === 'uses' && s.prefix === undefined && s.arg !== undefined) {
      const name = s.arg.slice(s.arg.indexOf(':') + 1);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    for (const k of s.children) stack.push(k);
  }
  return counts;
}

function copyNodes(c: Compilation, nodes: readonly SchemaNode[]): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const n of nodes) out.push(copyNode(c, n));
  return out;
}

/** A node and everything below it as new objects (fields in the same order), types as buildLeaf makes them, with its side-table entries. */
function copyNode(c: Compilation, n: SchemaNode): SchemaNode {
  const from = n as unknown as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key in from) {
    const v = from[key];
    if (key === 'children' || key === 'cases' || key === 'input' || key === 'output') copy[key] = copyNodes(c, v as SchemaNode[]);
    else if (key === 'type') copy[key] = copyType(c, v as TypeIR);
    else if (key === 'loc' || typeof v !== 'object' || v === null) copy[key] = v;
    else copy[key] = copyValue(v);
  }
  const node = copy as unknown as SchemaNode;
  const unit = c.nodeUnits.get(n);
  if (unit) c.nodeUnits.set(node, unit);
  const stmt = c.statements.get(n);
  if (stmt) c.statements.set(node, stmt);
  const config = c.explicitConfig.get(n);
  if (config !== undefined) c.explicitConfig.set(node, config);
  const sites = c.defaultSites.get(n);
  if (sites) c.defaultSites.set(node, [...sites]);
  const mandatory = c.mandatorySites.get(n);
  if (mandatory) c.mandatorySites.set(node, mandatory);
  return node;
}

/** JSON-like data of a node (when, must, extensions, keys...): new arrays and objects, as a new build makes them. */
function copyValue(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(copyValue);
  const out: Record<string, unknown> = {};
  for (const key in v) out[key] = copyValue((v as Record<string, unknown>)[key]);
  return out;
}

/**
 * A new type object, as resolveType returns one per leaf: its leafref (filled in per leaf by
 * leafref.ts) and union members copied, the rest (enums, patterns, ranges) shared as with the typedef.
 */
function copyType(c: Compilation, t: TypeIR): TypeIR {
  const copy: TypeIR = { ...t };
  if (t.leafref) {
    copy.leafref = { ...t.leafref };
    const unit = c.leafrefUnits.get(t.leafref);
    if (unit) c.leafrefUnits.set(copy.leafref, unit);
  }
  if (t.union) copy.union = t.union.map((m) => copyType(c, m));
  const extras = c.typedefExtras.get(t);
  if (extras) c.typedefExtras.set(copy, extras);
  return copy;
}
