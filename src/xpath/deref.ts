/**
 * What a leafref or instance-identifier leaf refers to (RFC 7950 9.9, 9.13, 10.3.1): deref(),
 * and the require-instance checks of a validator.
 */
import type { TypeIR, XPathIR } from '../ir/types.js';
import { rootOf } from './axes.js';
import { compileXPath, evaluate, isTreeConstant, type CompiledXPath, type XPathCache, type XPathEnv } from './evaluate.js';
import { instanceTargets } from './instance.js';
import type { XNode } from './node.js';
import { leafType, memberTypes } from './types.js';
import { stringValue } from './values.js';

const leafrefPaths = new WeakMap<NonNullable<TypeIR['leafref']>, XPathIR>();

/** The leafref's path as an expression (one object per leafref, so it compiles once). */
function pathOf(leafref: NonNullable<TypeIR['leafref']>): XPathIR {
  let x = leafrefPaths.get(leafref);
  if (!x) leafrefPaths.set(leafref, (x = { expr: leafref.path, prefixes: leafref.prefixes }));
  return x;
}

/** The targets of a path that does not depend on the leaf, by value, computed once per tree. */
function targetsByValue(cache: XPathCache, path: CompiledXPath, leaf: XNode, env: XPathEnv): Map<string, XNode[]> {
  const root = rootOf(leaf);
  let byPath = cache.leafrefTargets.get(root);
  if (!byPath) cache.leafrefTargets.set(root, (byPath = new Map()));
  let byModule = byPath.get(path);
  if (!byModule) byPath.set(path, (byModule = new Map()));
  let index = byModule.get(env.defaultModule);
  if (!index) {
    index = new Map();
    const targets = evaluate(path, leaf, env);
    for (const t of Array.isArray(targets) ? targets : []) {
      const v = stringValue(t);
      const list = index.get(v);
      if (list) list.push(t);
      else index.set(v, [t]);
    }
    byModule.set(env.defaultModule, index);
  }
  return index;
}

/**
 * The nodes a leafref or instance-identifier leaf refers to, in document order (empty for other
 * leaves). A leafref's path is evaluated with the leaf as context node and current(), its
 * unprefixed names in the leaf's module, keeping the nodes whose value is the leaf's (RFC 7950
 * 9.9); with `env.cache`, a path that does not depend on the leaf is evaluated once per tree.
 * Throws XPathSyntaxError / XPathEvalError when the path itself is wrong.
 */
export function referencedNodes(leaf: XNode, env: XPathEnv): XNode[] {
  const type = leaf.value !== undefined ? leafType(leaf) : undefined;
  if (!type) return [];
  const value = stringValue(leaf);
  for (const t of memberTypes(type)) {
    if (t.base === 'instance-identifier') return instanceTargets(rootOf(leaf), value);
    if (t.base === 'leafref' && t.leafref) {
      const path = compileXPath(pathOf(t.leafref));
      const pathEnv: XPathEnv = { ...env, defaultModule: leaf.module, current: leaf };
      if (env.cache && isTreeConstant(path)) return targetsByValue(env.cache, path, leaf, pathEnv).get(value)?.slice() ?? [];
      const targets = evaluate(path, leaf, pathEnv);
      return Array.isArray(targets) ? targets.filter((m) => stringValue(m) === value) : [];
    }
  }
  return [];
}
