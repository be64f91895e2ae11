import type { SchemaNode, TypeIR } from '../ir/types.js';
import type { Compilation } from './context.js';
import { dataChildren } from './finalize.js';
import { moduleRoots } from './augment.js';
import { schemaChildren } from './targets.js';
import { LIMITS, tooDeepMessage } from '../limits.js';
import { leafrefLoc } from './rules/leafref-loc.js';

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
      resolve(c, t.leafref, node, resolving, visitType);
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
  lr: Leafref,
  node: SchemaNode,
  resolving: Set<Leafref>,
  visitType: (t: TypeIR, n: SchemaNode) => void,
): void {
  const unit = c.leafrefUnits.get(lr) ?? c.nodeUnits.get(node);
  if (resolving.has(lr)) {
    // RFC 7950 9.9: the chain of leafrefs from this leaf's target leads back to it.
    c.sink.error('circular-leafref', node.loc, `leafref path "${lr.path}" of "${node.name}" leads back to itself through a chain of leafrefs`);
    return;
  }
  if (!unit || !lr.path || lr.path.includes('deref(')) return;
  const steps = stripPredicates(lr.path).split('/').map((s) => s.trim());
  const absolute = steps[0] === '';
  let current: SchemaNode | undefined = absolute ? undefined : node;
  let candidates: SchemaNode[] = [];
  for (const [i, step] of steps.entries()) {
    if (i === 0 && absolute) continue;
    if (step === '..') {
      current = dataParent(c, current);
      continue;
    }
    if (step === '.' ) continue;
    const colon = step.indexOf(':');
    const name = step.slice(colon + 1);
    // Unprefixed names are in the namespace of the node holding the leafref (the using module for groupings).
    const module = colon < 0 ? (absolute ? node.module : undefined) : unit.prefixes.get(step.slice(0, colon));
    const document = absolute && current === undefined ? documentOf(c, node) : undefined;
    if (document) candidates = document;
    else if (current === undefined) {
      candidates = [];
      const mod = module ? c.mods.get(module) : undefined;
      for (const m of mod ? [mod] : c.mods.values()) candidates.push(...moduleRoots(m));
    } else candidates = childrenForPath(current);
    const next: SchemaNode | undefined = dataChildren(candidates).find((n) => n.name === name && (module === undefined || n.module === module));
    if (!next) {
      c.sink.error('leafref-target-not-found', leafrefLoc(c, node, lr.path), `leafref path "${lr.path}" of "${node.name}" does not lead to a node (no "${step}")`);
      return;
    }
    current = next;
  }
  if (!current || (current.kind !== 'leaf' && current.kind !== 'leaf-list')) {
    c.sink.error('leafref-target-not-found', leafrefLoc(c, node, lr.path), `leafref path "${lr.path}" of "${node.name}" does not lead to a leaf or leaf-list`);
    return;
  }
  resolving.add(lr);
  visitType(current.type, current);
  resolving.delete(lr);
  lr.target = current.path;
  lr.type = current.type;
}

/** The top nodes of the yang-data or structure a node is in, where its absolute paths start. */
function documentOf(c: Compilation, node: SchemaNode): SchemaNode[] | undefined {
  let top = node;
  for (let p = c.parents.get(top); p; p = c.parents.get(top)) top = p;
  return c.documentRoots.get(top);
}

/** Data parent: the nearest ancestor that is not a choice or case. */
function dataParent(c: Compilation, node: SchemaNode | undefined): SchemaNode | undefined {
  let p = node ? c.parents.get(node) : undefined;
  while (p && (p.kind === 'choice' || p.kind === 'case')) p = c.parents.get(p);
  return p;
}

function childrenForPath(n: SchemaNode): SchemaNode[] {
  if (n.kind === 'rpc' || n.kind === 'action') return [...(n.input ?? []), ...(n.output ?? [])];
  return schemaChildren(n);
}

/** Drops `[...]` predicates (nesting-aware); they constrain instances, not the target node. */
function stripPredicates(path: string): string {
  let out = '';
  let depth = 0;
  let quote = '';
  for (const ch of path) {
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (depth > 0 && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}
