/**
 * The fast path for the most common edit: rewording a description. When two
 * parses of a file differ only in the text of descriptions of data nodes, with
 * every statement at the same position, the compiled IR differs only in the
 * `description` of the nodes built from those statements, and those nodes are
 * found by their source position (`loc`), wherever groupings copied them.
 */
import type { ModuleIR, SchemaNode, SchemaSet, SourceLoc } from '../ir/types.js';
import type { Statement } from '../syntax/statement.js';

/** A description whose text changed, and the statement it describes. */
export interface DescriptionEdit {
  owner: Statement;
  before: string;
  after: string;
}

/** Statements that become IR nodes whose `description` is their description child's text. */
const NODE_KEYWORDS = new Set(['container', 'list', 'leaf', 'leaf-list', 'choice', 'case', 'anydata', 'anyxml', 'rpc', 'action', 'notification']);

/**
 * The description edits turning `before` into `after`, or undefined when anything
 * else differs: a keyword, an argument, a position, or a description of a
 * statement that does not become a node.
 */
export function descriptionEdits(before: Statement, after: Statement): DescriptionEdit[] | undefined {
  const edits: DescriptionEdit[] = [];
  const same = (a: Statement, b: Statement, owner: Statement | undefined): boolean => {
    if (a.keyword !== b.keyword || a.prefix !== b.prefix || !sameLoc(a.loc, b.loc) || !sameLoc(a.argLoc, b.argLoc)) return false;
    if (a.arg !== b.arg) {
      if (a.keyword !== 'description' || a.prefix !== undefined || !owner || !NODE_KEYWORDS.has(owner.keyword) || owner.prefix !== undefined) return false;
      edits.push({ owner, before: a.arg ?? '', after: b.arg ?? '' });
    }
    if (a.children.length !== b.children.length) return false;
    return a.children.every((c, i) => same(c, b.children[i]!, a));
  };
  return same(before, after, undefined) ? edits : undefined;
}

function sameLoc(a: SourceLoc | undefined, b: SourceLoc | undefined): boolean {
  return a === b || (!!a && !!b && a.line === b.line && a.col === b.col && a.file === b.file);
}

/** Description texts set by `refine` statements: a node may carry one of those instead of its own. */
export function refineDescriptions(statements: Iterable<Statement>): Set<string> {
  const texts = new Set<string>();
  for (const s of statements) for (const text of refineDescriptionsOf(s)) texts.add(text);
  return texts;
}

/** Per parse tree (kept while its file is unchanged): every wave of a recompile reads the same trees. */
const refinedByTree = new WeakMap<Statement, string[]>();

function refineDescriptionsOf(root: Statement): string[] {
  let texts = refinedByTree.get(root);
  if (texts) return texts;
  const found: string[] = [];
  const visit = (s: Statement): void => {
    if (s.keyword === 'refine' && s.prefix === undefined) {
      for (const c of s.children) if (c.keyword === 'description' && c.prefix === undefined && c.arg !== undefined) found.push(c.arg);
    }
    s.children.forEach(visit);
  };
  visit(root);
  refinedByTree.set(root, (texts = found));
  return texts;
}

interface Entry {
  node: SchemaNode;
  /** Usually one; two for an augment's node, held by the augmenting and the augmented module. */
  modules: string[];
}

/** Calls `visit` once for every schema node of a module's trees (data, operations, notifications, augments, yang-data). */
export function forEachNode(mod: ModuleIR, visit: (node: SchemaNode) => void): void {
  const seen = new Set<SchemaNode>(); // an augment's nodes are in the module's trees too when it augments itself
  const walk = (nodes: readonly SchemaNode[] | undefined): void => {
    for (const node of nodes ?? []) {
      if (seen.has(node)) continue;
      seen.add(node);
      visit(node);
      if (node.kind === 'choice') walk(node.cases);
      else if (node.kind === 'rpc' || node.kind === 'action') {
        walk(node.input);
        walk(node.output);
      } else if ('children' in node) walk(node.children);
    }
  };
  walk(mod.data);
  walk(mod.rpcs);
  walk(mod.notifications);
  for (const aug of mod.augments) walk(aug.nodes);
  for (const doc of mod.yangData ?? []) walk(doc.nodes);
}

/** Where the statements that built the nodes of a module's trees are: file -> positions (see `position`). */
export function nodePlaces(mod: ModuleIR): Record<string, number[]> {
  const places = new Map<string, Set<number>>();
  forEachNode(mod, (node) => addPlace(places, node.loc));
  return Object.fromEntries([...places].map(([file, at]) => [file, [...at]]));
}

/** The places of the statements whose descriptions the edits change, as `nodePlaces` gives them. */
export function editPlaces(edits: readonly DescriptionEdit[]): Map<string, Set<number>> {
  const places = new Map<string, Set<number>>();
  for (const { owner } of edits) addPlace(places, owner.loc);
  return places;
}

function addPlace(places: Map<string, Set<number>>, loc: SourceLoc): void {
  let at = places.get(loc.file);
  if (!at) places.set(loc.file, (at = new Set()));
  at.add(position(loc));
}

/** Nodes of a schema set by source position, with the modules whose IR holds them; modules are indexed when asked for. */
export class NodeIndex {
  /** File -> line and column (as one number) -> nodes built from the statement there. */
  private readonly byLoc = new Map<string, Map<number, Entry[]>>();
  private readonly entries = new Map<SchemaNode, Entry>();
  private readonly indexed = new Set<string>();

  constructor(private readonly schema: SchemaSet) {}

  /** Indexes the nodes of those of `modules` not indexed yet. */
  cover(modules: Iterable<string>): void {
    for (const name of modules) {
      if (this.indexed.has(name)) continue;
      this.indexed.add(name);
      forEachNode(this.schema.modules[name]!, (node) => this.add(node, name));
    }
  }

  /**
   * Applies the edits to the IR in place and returns the modules whose IR changed (of those
   * covered: cover every module that may hold a node at one of `editPlaces(edits)` first),
   * or undefined (nothing touched) when a node may owe its description to a refine.
   */
  apply(edits: readonly DescriptionEdit[], refined: ReadonlySet<string>): Set<string> | undefined {
    if (edits.some((e) => refined.has(e.before))) return undefined;
    const changed = new Set<string>();
    for (const { owner, before, after } of edits) {
      for (const { node, modules } of this.byLoc.get(owner.loc.file)?.get(position(owner.loc)) ?? []) {
        if (node.description !== before) continue; // an implicit case shares its member's position
        node.description = after;
        for (const m of modules) changed.add(m);
      }
    }
    return changed;
  }

  private add(node: SchemaNode, module: string): void {
    const known = this.entries.get(node);
    if (known) {
      if (!known.modules.includes(module)) known.modules.push(module);
      return;
    }
    const entry = { node, modules: [module] };
    this.entries.set(node, entry);
    let file = this.byLoc.get(node.loc.file);
    if (!file) this.byLoc.set(node.loc.file, (file = new Map()));
    const at = position(node.loc);
    const list = file.get(at);
    if (list) list.push(entry);
    else file.set(at, [entry]);
  }
}

/** Line and column as one number. */
const position = (loc: SourceLoc): number => loc.line * 0x10000 + loc.col;
