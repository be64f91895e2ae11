/**
 * The structure of a leafref path (RFC 7950 9.9.2, section 14 `path-arg`), read from the XPath
 * AST: `up` parent steps (`../`) or an absolute start, then node names, each with key predicates
 * `[key = current()/../a/b]`. Prefixes are left as written: the caller maps them (a file's
 * prefix table at compile time, the leafref's `prefixes` over instance data).
 */
import { type NodeTest, type XPathExpr, parseXPath } from './parse.js';

export interface PathNodeId {
  prefix?: string;
  name: string;
}

/** `[key = current()/<up times ..>/down...]`. */
export interface PathKeyPredicate {
  key: PathNodeId;
  up: number;
  down: PathNodeId[];
}

export interface LeafrefPathStep extends PathNodeId {
  predicates: PathKeyPredicate[];
}

export interface LeafrefPath {
  absolute: boolean;
  /** Parent steps before the first name (0 for an absolute path). */
  up: number;
  steps: LeafrefPathStep[];
}

function nodeId(test: NodeTest): PathNodeId | undefined {
  if (test.kind !== 'name' || test.local === '*') return undefined;
  return test.prefix === undefined ? { name: test.local } : { prefix: test.prefix, name: test.local };
}

function isParentStep(s: { axis: string; test: NodeTest; predicates: unknown[] }): boolean {
  return s.axis === 'parent' && s.test.kind === 'node-type' && s.test.type === 'node' && !s.predicates.length;
}

/** `current()/../../a/b`: at least one `..`, at least one name (path-key-expr). */
function keyExpr(e: XPathExpr): { up: number; down: PathNodeId[] } | undefined {
  if (e.kind !== 'path' || !e.filter || e.filter.kind !== 'call' || e.filter.name !== 'current' || e.filter.prefix || e.filter.args.length) return undefined;
  let up = 0;
  const down: PathNodeId[] = [];
  for (const s of e.steps) {
    if (isParentStep(s) && !down.length) up++;
    else {
      const id = s.axis === 'child' && !s.predicates.length ? nodeId(s.test) : undefined;
      if (!id) return undefined;
      down.push(id);
    }
  }
  return up && down.length ? { up, down } : undefined;
}

function keyPredicate(p: XPathExpr): PathKeyPredicate | undefined {
  if (p.kind !== 'binary' || p.op !== '=' || p.left.kind !== 'path' || p.left.absolute || p.left.filter || p.left.steps.length !== 1) return undefined;
  const keyStep = p.left.steps[0]!;
  const key = keyStep.axis === 'child' && !keyStep.predicates.length ? nodeId(keyStep.test) : undefined;
  const rhs = keyExpr(p.right);
  return key && rhs ? { key, ...rhs } : undefined;
}

/** The structure of `path`, or undefined when it is outside the 9.9.2 grammar (deref(), other functions, other axes). */
export function readLeafrefPath(path: string): LeafrefPath | undefined {
  const parsed = parseXPath(path);
  if (!('ast' in parsed) || parsed.ast.kind !== 'path' || parsed.ast.filter) return undefined;
  const { absolute, steps: xsteps } = parsed.ast;
  let up = 0;
  const steps: LeafrefPathStep[] = [];
  for (const s of xsteps) {
    if (!absolute && !steps.length && isParentStep(s)) {
      up++;
      continue;
    }
    const id = s.axis === 'child' ? nodeId(s.test) : undefined;
    if (!id) return undefined;
    const predicates: PathKeyPredicate[] = [];
    for (const p of s.predicates) {
      const key = keyPredicate(p);
      if (!key) return undefined;
      predicates.push(key);
    }
    steps.push({ ...id, predicates });
  }
  return steps.length ? { absolute, up, steps } : undefined;
}
