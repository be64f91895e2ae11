import type { SchemaNode, Status, TypeIR } from '../ir/types.js';
import type { Compilation } from './context.js';
import { dataChildren, moduleRoots, pathChildren, schemaChildren } from './targets.js';
import { LIMITS, tooDeepMessage } from '../limits.js';
import { leafrefLoc } from './rules/leafref-loc.js';
import { readLeafrefPath, type PathKeyPredicate, type PathNodeId } from '../xpath/leafref-path.js';

type Leafref = NonNullable<TypeIR['leafref']>;

/**
 * Resolves every leafref path to its target leaf and copies the target's type in,
 * so emitters and validators see `leafref.type` without walking paths themselves.
 */
export function resolveLeafrefs(c: Compilation): void {
  const resolving = new Set<Leafref>();
  let tooDeep = false;
  const visitType = (t: TypeIR, node: SchemaNode): void => {
    if (!t.leafref || t.leafref.type) {
      // nothing to resolve here
    } else if (resolving.size < LIMITS.leafrefChain) {
      resolve(c, t as TypeIR & { leafref: Leafref }, node, resolving, visitType);
    } else if (!tooDeep) {
      // Targets are resolved before their referrers, recursively: bound the chain. Reported once:
      // the rest of a too long chain would only repeat it.
      tooDeep = true;
      c.sink.error('too-deep', node.loc, tooDeepMessage('chain of leafrefs', LIMITS.leafrefChain));
    }
    for (const m of t.union ?? []) visitType(m, node);
  };
  const visit = (nodes: SchemaNode[] | undefined): void => {
    for (const n of nodes ?? []) {
      if (n.kind === 'leaf' || n.kind === 'leaf-list') visitType(n.type, n);
      else if (n.kind === 'rpc' || n.kind === 'action') {
        visit(n.input);
        visit(n.output);
      } else visit(schemaChildren(n));
    }
  };
  for (const mod of c.mods.values()) {
    if (!c.rebuild(mod.name)) continue;
    c.sink.as(mod.name, () => {
      visit(moduleRoots(mod));
      for (const doc of mod.ir.yangData ?? []) visit(doc.nodes);
    });
  }
}

function resolve(
  c: Compilation,
  t: TypeIR & { leafref: Leafref },
  node: SchemaNode,
  resolving: Set<Leafref>,
  visitType: (t: TypeIR, n: SchemaNode) => void,
): void {
  const lr = t.leafref;
  const unit = c.leafrefUnits.get(lr) ?? c.nodeUnits.get(node);
  if (resolving.has(lr)) {
    // RFC 7950 9.9: the chain of leafrefs from this leaf's target leads back to it.
    c.sink.error('circular-leafref', node.loc, `leafref path "${lr.path}" of "${node.name}" leads back to itself through a chain of leafrefs`);
    return;
  }
  if (!unit || !lr.path || lr.path.includes('deref(')) return;
  // A malformed path was reported where it is written (bad-path).
  const path = readLeafrefPath(lr.path);
  if (!path) return;
  const fail = (code: string, why: string): void => {
    c.sink.error(code, leafrefLoc(c, node, lr.path), `leafref path "${lr.path}" of "${node.name}" ${why}`);
  };
  const walk = new PathWalk(c, node, unit.prefixes);
  let at: Position = path.absolute ? TOP : node;
  for (let i = 0; i < path.up; i++) {
    if (at === TOP) return fail('leafref-target-not-found', 'has more ".." than the leaf has ancestors');
    at = walk.up(at);
  }
  for (const step of path.steps) {
    const next = walk.down(at, step, path.absolute);
    if (!next) return fail('leafref-target-not-found', `does not lead to a node (no "${idText(step)}")`);
    if (step.predicates.length && !checkPredicates(walk, next, step.predicates, fail)) return;
    at = next;
  }
  if (at === TOP || (at.kind !== 'leaf' && at.kind !== 'leaf-list')) return fail('leafref-target-not-found', 'does not lead to a leaf or leaf-list');
  // RFC 7950 9.9 (RFC 6020 9.9 without require-instance): configuration may only require configuration.
  if (node.config && !at.config && t.requireInstance !== false && !documentOf(c, node)) {
    return fail('leafref-config', `is configuration, so it cannot require an instance of "${at.path}", which is state data (RFC 7950 9.9)`);
  }
  // RFC 7950 7.21.2: a current definition references no deprecated or obsolete one of its own module.
  if (at.status !== 'current' && at.module === node.module) {
    const referrer = effectiveStatus(c, node);
    if (STATUS_RANK[at.status] > STATUS_RANK[referrer]) {
      c.sink.error('bad-status-reference', leafrefLoc(c, node, lr.path), `${referrer} leaf "${node.name}" references ${at.status} ${at.kind} "${at.name}" in its leafref path`);
    }
  }
  const target = at;
  resolving.add(lr);
  visitType(target.type, target);
  resolving.delete(lr);
  lr.target = target.path;
  lr.type = target.type;
}

/** Above the top-level nodes: where absolute paths start. */
const TOP = null;
type Position = SchemaNode | typeof TOP;

function idText(id: PathNodeId): string {
  return id.prefix === undefined ? id.name : `${id.prefix}:${id.name}`;
}

/** Steps through the schema tree as a leafref path of `node` does. */
class PathWalk {
  constructor(
    readonly c: Compilation,
    readonly node: SchemaNode,
    readonly prefixes: ReadonlyMap<string, string>,
  ) {}

  up(at: SchemaNode): Position {
    return dataParent(this.c, at) ?? TOP;
  }

  /** The data node named `id` below `at`; unprefixed names of an absolute path are in the node's module. */
  down(at: Position, id: PathNodeId, absolute: boolean): SchemaNode | undefined {
    const module = id.prefix === undefined ? (absolute ? this.node.module : undefined) : this.prefixes.get(id.prefix);
    let candidates: SchemaNode[];
    if (at !== TOP) candidates = pathChildren(at);
    else {
      const document = documentOf(this.c, this.node);
      const mod = module === undefined ? undefined : this.c.mods.get(module);
      candidates = document ?? (mod ? [mod] : [...this.c.mods.values()]).flatMap((m) => moduleRoots(m));
    }
    return dataChildren(candidates).find((n) => n.name === id.name && (module === undefined || n.module === module));
  }
}

/**
 * Key predicates of a path step (RFC 7950 9.9.2, as pyang and libyang check them): only on a
 * list, each naming one of its keys once, compared with a `current()` path that leads to a leaf.
 */
function checkPredicates(walk: PathWalk, list: SchemaNode, predicates: PathKeyPredicate[], fail: (code: string, why: string) => void): boolean {
  if (list.kind !== 'list') {
    fail('leafref-bad-predicate', `has a predicate on "${list.name}", which is not a list`);
    return false;
  }
  const compared = new Set<string>();
  for (const p of predicates) {
    const keyModule = p.key.prefix === undefined ? list.module : walk.prefixes.get(p.key.prefix);
    if (!list.keys.includes(p.key.name) || keyModule !== list.module) {
      fail('leafref-bad-predicate', `compares "${idText(p.key)}", which is not a key of list "${list.name}"`);
      return false;
    }
    if (compared.has(p.key.name)) {
      fail('leafref-bad-predicate', `compares key "${p.key.name}" more than once`);
      return false;
    }
    compared.add(p.key.name);
    let at: Position = walk.node;
    for (let i = 0; i < p.up; i++) {
      if (at === TOP) {
        fail('leafref-bad-predicate', `has more ".." in the predicate on "${p.key.name}" than the leaf has ancestors`);
        return false;
      }
      at = walk.up(at);
    }
    for (const id of p.down) {
      const next: SchemaNode | undefined = walk.down(at, id, false);
      if (!next) {
        fail('leafref-bad-predicate', `compares key "${p.key.name}" with a path that does not lead to a node (no "${idText(id)}")`);
        return false;
      }
      at = next;
    }
    if (at === TOP || at.kind !== 'leaf') {
      fail('leafref-bad-predicate', `compares key "${p.key.name}" with "${at === TOP ? '/' : at.name}", which is not a leaf`);
      return false;
    }
  }
  return true;
}

/** The top nodes of the yang-data or structure a node is in, where its absolute paths start. */
function documentOf(c: Compilation, node: SchemaNode): SchemaNode[] | undefined {
  let top = node;
  for (let p = c.parents.get(top); p; p = c.parents.get(top)) top = p;
  return c.documentRoots.get(top);
}

const STATUS_RANK: Readonly<Record<Status, number>> = { current: 0, deprecated: 1, obsolete: 2 };

/** A node's status, or a less current one of an ancestor it is written in (as rules/status.ts reads it). */
function effectiveStatus(c: Compilation, node: SchemaNode): Status {
  let status = node.status;
  for (let p = c.parents.get(node); p && status !== 'obsolete'; p = c.parents.get(p)) {
    if (STATUS_RANK[p.status] > STATUS_RANK[status]) status = p.status;
  }
  return status;
}

/** Data parent: the nearest ancestor that is not a choice or case. */
function dataParent(c: Compilation, node: SchemaNode | undefined): SchemaNode | undefined {
  let p = node ? c.parents.get(node) : undefined;
  while (p && (p.kind === 'choice' || p.kind === 'case')) p = c.parents.get(p);
  return p;
}

