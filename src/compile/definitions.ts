import type { Unit } from '../modules/loader.js';
import type { Statement } from '../syntax/statement.js';
import { childrenOf, newScope, splitQName, type Compilation, type ModCtx, type Scope } from './context.js';
import { featureEnabled } from './features.js';
import { buildChildren } from './nodes.js';
import { resolveTypedef } from './types.js';
import { schemaChildren } from './targets.js';
import type { SchemaNode } from '../ir/types.js';

/**
 * RFC 7950 5.5, 7.3, 7.12: typedefs and groupings are checked where they are defined, whether
 * used or not. Used groupings were checked when expanded; each other grouping is built once
 * here, as libyang's grouping mode does, and the nodes thrown away. Leafref paths relative to
 * a grouping are not resolved outside a use. Nested typedefs not yet resolved are resolved
 * (cached, so used ones cost nothing).
 */
export function checkDefinitions(c: Compilation, mod: ModCtx): void {
  // Past a nesting limit, building the rest of a too deep chain would only repeat that error.
  const buildGroupings = !c.sink.all.some((d) => d.code === 'too-deep');
  for (const unit of mod.units) {
    const top: Scope = { ...mod.top, unit };
    const scopes: Scope[] = [];
    for (const { stmt, parent } of scopeEntries(unit.stmt)) {
      const scope = newScope(c, stmt, unit, parent < 0 ? top : scopes[parent]);
      scopes.push(scope);
      // A typedef reported as a duplicate (addDefinitions) has no scope and is not resolved.
      for (const td of childrenOf(stmt, 'typedef')) if (c.typedefScopes.has(td)) resolveTypedef(c, td);
      if (buildGroupings && stmt.keyword === 'grouping' && !c.expandedGroupings.has(stmt)) {
        c.expandedGroupings.add(stmt);
        const nodes = buildChildren({ c, ns: mod.name, scope, groupings: [stmt], depth: 0, checkOnly: true }, stmt);
        checkWrittenConfig(c, nodes, false);
        c.unusedGroupingNodes.set(mod.name, [...(c.unusedGroupingNodes.get(mod.name) ?? []), ...nodes]);
      }
    }
  }
}

/**
 * RFC 7950 7.21.1 within an unused grouping's body, which finalize never sees: no config true
 * below a config false node (in operations and notifications config is ignored).
 */
function checkWrittenConfig(c: Compilation, nodes: SchemaNode[], underFalse: boolean): void {
  for (const n of nodes) {
    if (n.kind === 'rpc' || n.kind === 'action' || n.kind === 'notification') continue;
    const explicit = c.explicitConfig.get(n);
    if (explicit === true && underFalse) c.sink.error('bad-config', n.loc, `"${n.name}" is config true inside a config false node`);
    checkWrittenConfig(c, schemaChildren(n), underFalse || explicit === false);
  }
}

/** A statement that opens a lexical scope (a grouping, or one with typedefs or groupings), with the index of its enclosing one (-1: the module). */
interface ScopeEntry {
  stmt: Statement;
  parent: number;
}

const scopeEntriesCache = new WeakMap<Statement, ScopeEntry[]>();

/** Statements under which a typedef or grouping may be found (RFC 7950 5.5, 7.5-7.17). */
const CAN_HOLD_DEFINITIONS = new Set([
  'grouping', 'container', 'list', 'rpc', 'action', 'input', 'output', 'notification', 'augment', 'choice', 'case', 'uses',
]);

/** Scope-opening statements of a parsed file in pre-order; computed once per parsed file. */
function scopeEntries(root: Statement): ScopeEntry[] {
  let entries = scopeEntriesCache.get(root);
  if (entries) return entries;
  entries = [];
  const stack: [Statement, number][] = root.children.map((s) => [s, -1]);
  stack.reverse();
  while (stack.length) {
    const [s, parent] = stack.pop()!;
    if (s.prefix !== undefined) continue;
    let inner = parent;
    if (s.keyword === 'grouping' || s.children.some((k) => (k.keyword === 'typedef' || k.keyword === 'grouping') && k.prefix === undefined)) {
      inner = entries.length;
      entries.push({ stmt: s, parent });
    }
    if (!CAN_HOLD_DEFINITIONS.has(s.keyword)) continue;
    for (let i = s.children.length - 1; i >= 0; i--) stack.push([s.children[i], inner]);
  }
  scopeEntriesCache.set(root, entries);
  return entries;
}

/**
 * RFC 7950 7.20.1: a feature must not reference itself through if-feature, directly or not.
 * Walks the if-feature graph of the whole set without recursion, reports each cycle at the
 * if-feature that closes it, and evaluates features dependencies first so that evaluating a
 * long chain later never recurses deeply.
 */
export function checkFeatureCycles(c: Compilation): void {
  const state = new Map<string, 'open' | 'done'>();
  for (const mod of c.mods.values()) {
    for (const name of mod.features.keys()) {
      const start = `${mod.name}:${name}`;
      if (state.has(start)) continue;
      const stack = [{ key: start, edges: featureEdges(c, mod.name, name), i: 0 }];
      state.set(start, 'open');
      while (stack.length) {
        const top = stack[stack.length - 1];
        const edge = top.edges[top.i++];
        if (!edge) {
          stack.pop();
          state.set(top.key, 'done');
          if (top.edges.length === 0) continue; // evaluating it cannot recurse
          const [m, f] = splitQName(top.key);
          c.sink.as(m!, () => featureEnabled(c, m!, f));
          continue;
        }
        const s = state.get(edge.target);
        if (s === 'open') {
          const [m, f] = splitQName(edge.target);
          c.featureCache.set(edge.target, false);
          const owner = splitQName(top.key)[0]!;
          if (c.rebuild(owner)) {
            c.sink.as(owner, () => c.sink.error('circular-feature', edge.stmt.loc, `feature "${f}" of module "${m}" references itself through if-feature "${edge.stmt.arg}"`));
          }
        } else if (s === undefined) {
          const [m, f] = splitQName(edge.target);
          state.set(edge.target, 'open');
          stack.push({ key: edge.target, edges: featureEdges(c, m!, f), i: 0 });
        }
      }
    }
  }
}

/** Features named in the if-features of a feature, as `module:feature`; unknown ones are reported elsewhere. */
function featureEdges(c: Compilation, module: string, feature: string): { target: string; stmt: Statement }[] {
  const def = c.mods.get(module)?.features.get(feature);
  if (!def) return [];
  const out: { target: string; stmt: Statement }[] = [];
  for (const iff of childrenOf(def.stmt, 'if-feature')) {
    for (const token of (iff.arg ?? '').match(/[^\s()]+/g) ?? []) {
      if (token === 'not' || token === 'and' || token === 'or') continue;
      const target = featureKey(c, def.unit, token);
      if (target) out.push({ target, stmt: iff });
    }
  }
  return out;
}

function featureKey(c: Compilation, unit: Unit, qname: string): string | undefined {
  const [prefix, name] = splitQName(qname);
  const module = prefix === undefined ? unit.moduleName : unit.prefixes.get(prefix);
  return module !== undefined && c.mods.get(module)?.features.has(name) ? `${module}:${name}` : undefined;
}
