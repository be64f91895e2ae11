/**
 * Compiles XPath 1.0 expressions (W3C XPath 1.0 sections 2-4, RFC 7950 6.4.1) into closure trees
 * once, then evaluates them over XNode trees without walking the AST again.
 */
import type { TypeIR, XPathIR } from '../ir/types.js';
import { contextFree, keyPredicate, usesCurrent } from './analyze.js';
import { AXES, REVERSE_AXES, rootOf, textAxis, type AxisFn, type NodeTestFn } from './axes.js';
import { compare, nodeEquals, type CompareOp } from './compare.js';
import { XPathEvalError, XPathSyntaxError } from './errors.js';
import { FUNCTIONS, onFirstNode, type Builder } from './functions.js';
import { instanceTargets } from './instance.js';
import type { XNode } from './node.js';
import { parseXPath, type NodeTest, type Step, type XPathExpr } from './parse.js';
import { nodeSet, type CompiledXPath, type CompileScope, type Eval, type Runtime, type XPathCache, type XPathEnv } from './runtime.js';
import { holdsIdentity, leafType, memberTypes } from './types.js';
import { stringValue, toBoolean, toNumber, type XValue } from './values.js';

export type { XValue };

interface Compiled extends CompiledXPath {
  readonly run: Eval;
  /** The value depends on the tree only (not on the context node nor on current()). */
  readonly treeConstant: boolean;
}

// ---- Caches: per XPathIR object, and per (expr, prefixes) text for equal expressions of distinct objects.

const byObject = new WeakMap<XPathIR, Compiled>();
const byText = new Map<string, Compiled>();
const MAX_BY_TEXT = 50_000;

/** Compiled once per XPathIR object (WeakMap) and per distinct (expr, prefixes); throws XPathSyntaxError on bad syntax. */
export function compileXPath(x: XPathIR): CompiledXPath {
  let c = byObject.get(x);
  if (c) return c;
  const key = `${x.expr}\n${Object.keys(x.prefixes)
    .sort()
    .map((p) => `${p}=${x.prefixes[p]}`)
    .join(' ')}`;
  c = byText.get(key);
  if (!c) {
    const parsed = parseXPath(x.expr);
    if ('error' in parsed) throw new XPathSyntaxError(x.expr, parsed.offset, parsed.kind, parsed.error);
    const scope = scopeOf({ expr: x.expr, prefixes: { ...x.prefixes } });
    const treeConstant = contextFree(parsed.ast) && !usesCurrent(parsed.ast);
    c = { source: scope.source, run: compileExpr(parsed.ast, scope), treeConstant };
    if (byText.size >= MAX_BY_TEXT) byText.clear();
    byText.set(key, c);
  }
  byObject.set(x, c);
  return c;
}

export function evaluate(x: CompiledXPath, context: XNode, env: XPathEnv): XValue {
  return (x as Compiled).run(context, 1, 1, { env, current: env.current ?? context, prefixes: x.source.prefixes });
}

export function isTreeConstant(x: CompiledXPath): boolean {
  return (x as Compiled).treeConstant;
}

export function evaluateBoolean(x: CompiledXPath, context: XNode, env: XPathEnv): boolean {
  return toBoolean(evaluate(x, context, env));
}

function scopeOf(source: XPathIR): CompileScope {
  return {
    source,
    fail(code, offset, message) {
      throw new XPathEvalError(code, source.expr, offset, `${message} in "${source.expr}"`);
    },
  };
}

// ---- Expressions --------------------------------------------------------------------------

const COMPARISONS = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);

function compileExpr(e: XPathExpr, scope: CompileScope): Eval {
  switch (e.kind) {
    case 'literal': {
      const v = e.value;
      return () => v;
    }
    case 'number': {
      const v = e.value;
      return () => v;
    }
    case 'variable':
      return () => scope.fail('unknown-variable', e.offset, `unknown variable "$${e.name}" (YANG binds none)`);
    case 'negate': {
      const operand = compileExpr(e.operand, scope);
      return (n, p, s, rt) => -toNumber(operand(n, p, s, rt));
    }
    case 'call': {
      // The parser accepts only the known, unprefixed functions with their arities.
      const args = e.args.map((a) => compileExpr(a, scope));
      return LIBRARY[e.name]!(args, scope, e.offset);
    }
    case 'filter': {
      const primary = compileExpr(e.primary, scope);
      const predicates = e.predicates.map((p) => compileExpr(p, scope));
      return (n, p, s, rt) => {
        let nodes = nodeSet(primary(n, p, s, rt), scope, e.offset, 'a predicate');
        // A filter's predicates count along the child axis: document order (XPath 1.0 3.3).
        for (const pred of predicates) nodes = filterByPredicate(nodes, pred, rt);
        return nodes;
      };
    }
    case 'path':
      return compilePath(e, scope);
    case 'binary':
      return compileBinary(e, scope);
  }
}

function compileBinary(e: Extract<XPathExpr, { kind: 'binary' }>, scope: CompileScope): Eval {
  const left = compileExpr(e.left, scope);
  const right = compileExpr(e.right, scope);
  const op = e.op;
  if (COMPARISONS.has(op)) {
    return (n, p, s, rt) => compare(op as CompareOp, left(n, p, s, rt), right(n, p, s, rt), rt);
  }
  switch (op) {
    case 'or':
      return (n, p, s, rt) => toBoolean(left(n, p, s, rt)) || toBoolean(right(n, p, s, rt));
    case 'and':
      return (n, p, s, rt) => toBoolean(left(n, p, s, rt)) && toBoolean(right(n, p, s, rt));
    case '+':
      return (n, p, s, rt) => toNumber(left(n, p, s, rt)) + toNumber(right(n, p, s, rt));
    case '-':
      return (n, p, s, rt) => toNumber(left(n, p, s, rt)) - toNumber(right(n, p, s, rt));
    case '*':
      return (n, p, s, rt) => toNumber(left(n, p, s, rt)) * toNumber(right(n, p, s, rt));
    case 'div':
      return (n, p, s, rt) => toNumber(left(n, p, s, rt)) / toNumber(right(n, p, s, rt));
    case 'mod':
      // XPath 1.0 3.5: the remainder of a truncating division, as JavaScript's %.
      return (n, p, s, rt) => toNumber(left(n, p, s, rt)) % toNumber(right(n, p, s, rt));
    default:
      return (n, p, s, rt) =>
        union(
          nodeSet(left(n, p, s, rt), scope, e.left.offset, "'|'"),
          nodeSet(right(n, p, s, rt), scope, e.right.offset, "'|'"),
        );
  }
}

/** Merge of two node-sets in document order, without duplicates. */
function union(a: XNode[], b: XNode[]): XNode[] {
  if (!a.length) return b;
  if (!b.length) return a;
  const out: XNode[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x.order < y.order) (out.push(x), i++);
    else if (y.order < x.order) (out.push(y), j++);
    else (out.push(x), i++, j++);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Keeps the nodes for which the predicate holds at their proximity position (XPath 1.0 2.4): a number compares with the position. */
function filterByPredicate(nodes: XNode[], pred: Eval, rt: Runtime): XNode[] {
  const out: XNode[] = [];
  const size = nodes.length;
  for (let i = 0; i < size; i++) {
    const v = pred(nodes[i]!, i + 1, size, rt);
    if (typeof v === 'number' ? v === i + 1 : toBoolean(v)) out.push(nodes[i]!);
  }
  return out;
}

// ---- Location paths -----------------------------------------------------------------------

type StepFn = (input: XNode[], rt: Runtime) => XNode[];

function compilePath(e: Extract<XPathExpr, { kind: 'path' }>, scope: CompileScope): Eval {
  const steps = e.steps.map((s) => compileStep(s, scope));
  const filter = e.filter && compileExpr(e.filter, scope);
  const start: Eval = e.absolute
    ? (n) => [rootOf(n)]
    : filter
      ? (n, p, s, rt) => nodeSet(filter(n, p, s, rt), scope, e.offset, 'a location step')
      : (n) => [n];
  return (n, p, s, rt) => {
    let nodes = start(n, p, s, rt) as XNode[];
    for (let i = 0; i < steps.length && nodes.length; i++) nodes = steps[i]!(nodes, rt);
    return nodes;
  };
}

/** Sorts into document order and drops duplicates, unless already so (the common case, checked in one pass). */
function documentOrder(nodes: XNode[]): XNode[] {
  let sorted = true;
  for (let i = 1; i < nodes.length && sorted; i++) sorted = nodes[i - 1]!.order < nodes[i]!.order;
  if (sorted) return nodes;
  nodes.sort((a, b) => a.order - b.order);
  let k = 0;
  for (let i = 0; i < nodes.length; i++) if (k === 0 || nodes[k - 1] !== nodes[i]) nodes[k++] = nodes[i]!;
  nodes.length = k;
  return nodes;
}

/**
 * A predicate `key op value` whose `value` does not depend on the candidate (list keys, leafref
 * paths): `value` is evaluated once per step, not once per candidate, and with `=` on the child
 * axis the candidates come from a key index when the environment has a cache.
 */
interface KeyedPredicate {
  /** The candidate's child the key names; undefined for `.` (the candidate itself). */
  key: ((rt: Runtime) => NodeTestFn) | undefined;
  op: CompareOp;
  value: Eval;
}

function compilePredicate(p: XPathExpr, scope: CompileScope): { run: Eval; keyed?: KeyedPredicate } {
  const run = compileExpr(p, scope);
  const k = keyPredicate(p);
  if (!k) return { run };
  const key = k.key.kind === 'child' ? compileNodeTest(k.key.test, k.key.offset, scope) : undefined;
  return { run, keyed: { key, op: k.op, value: compileExpr(k.value, scope) } };
}

function keysOf(candidate: XNode, keyTest: NodeTestFn | undefined): XNode[] {
  return keyTest ? candidate.children.filter(keyTest) : [candidate];
}

function keyedFilter(nodes: XNode[], keyTest: NodeTestFn | undefined, op: CompareOp, value: XValue, rt: Runtime): XNode[] {
  // A one-node set compares as its string-value (XPath 1.0 3.4), so convert it once.
  if (Array.isArray(value) && value.length === 1) value = stringValue(value[0]!);
  const out: XNode[] = [];
  if (typeof value === 'string' && (op === '=' || op === '!=')) {
    // The common case without building each candidate's key node-set.
    const want = op === '=';
    for (const m of nodes) {
      if (!keyTest) {
        if (nodeEquals(m, stringValue(m), value, rt) === want) out.push(m);
        continue;
      }
      for (const c of m.children) {
        if (keyTest(c) && nodeEquals(c, stringValue(c), value, rt) === want) {
          out.push(m);
          break;
        }
      }
    }
    return out;
  }
  for (const m of nodes) if (compare(op, keysOf(m, keyTest), value, rt)) out.push(m);
  return out;
}

const SELF_KEY: NodeTestFn = () => true;

/** The children of `parent` passing `test`, by the string-values of their keys; null where identities make string equality inexact. */
function keyIndex(cache: XPathCache, parent: XNode, test: NodeTestFn, keyTest: NodeTestFn | undefined): Map<string, XNode[]> | null {
  let byTest = cache.keyIndexes.get(parent);
  if (!byTest) cache.keyIndexes.set(parent, (byTest = new Map()));
  let byKey = byTest.get(test);
  if (!byKey) byTest.set(test, (byKey = new Map()));
  let index = byKey.get(keyTest ?? SELF_KEY);
  if (index !== undefined) return index;
  index = new Map<string, XNode[]>();
  for (const c of parent.children) {
    if (!test(c)) continue;
    for (const k of keysOf(c, keyTest)) {
      if (holdsIdentity(k)) {
        index = null;
        break;
      }
      const v = stringValue(k);
      const entries = index.get(v);
      if (!entries) index.set(v, [c]);
      else if (entries[entries.length - 1] !== c) entries.push(c);
    }
    if (!index) break;
  }
  byKey.set(keyTest ?? SELF_KEY, index);
  return index;
}

/** The candidates `parent/child::test[key = value]` from the key index, or undefined when it cannot answer exactly. */
function fromIndex(parent: XNode, test: NodeTestFn, keyTest: NodeTestFn | undefined, value: XValue, rt: Runtime): XNode[] | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (Array.isArray(value) && value.length === 1 && !holdsIdentity(value[0]!)) text = stringValue(value[0]!);
  else return undefined;
  const index = keyIndex(rt.env.cache!, parent, test, keyTest);
  if (!index) return undefined;
  return index.get(text)?.slice() ?? [];
}

function compileStep(step: Step, scope: CompileScope): StepFn {
  const isText = step.test.kind === 'node-type' && step.test.type === 'text';
  const axis: AxisFn = isText ? textAxis(step.axis) : AXES[step.axis];
  const reverse = REVERSE_AXES.has(step.axis);
  const predicates = step.predicates.map((p) => compilePredicate(p, scope));
  const makeTest = compileNodeTest(step.test, step.offset, scope);
  const first = predicates[0]?.keyed;
  const indexable = step.axis === 'child' && !isText && first?.op === '=';

  if (!predicates.length) {
    return (input, rt) => {
      const test = makeTest(rt);
      const out: XNode[] = [];
      for (const n of input) {
        const from = out.length;
        axis(n, test, out);
        if (reverse) reverseFrom(out, from);
      }
      return input.length > 1 ? documentOrder(out) : out;
    };
  }

  return (input, rt) => {
    const test = makeTest(rt);
    // Values of keyed predicates, computed on first use by this step.
    const values: (XValue | undefined)[] = [];
    const valueOf = (i: number, n: XNode): XValue => (values[i] ??= predicates[i]!.keyed!.value(n, 1, 1, rt));
    let out: XNode[] = [];
    for (const n of input) {
      let found: XNode[] | undefined;
      let i = 0;
      if (indexable && rt.env.cache) {
        found = fromIndex(n, test, first!.key?.(rt), valueOf(0, n), rt);
        if (found) i = 1;
      }
      if (!found) axis(n, test, (found = []));
      for (; i < predicates.length && found.length; i++) {
        const keyed = predicates[i]!.keyed;
        found = keyed
          ? keyedFilter(found, keyed.key?.(rt), keyed.op, valueOf(i, n), rt)
          : filterByPredicate(found, predicates[i]!.run, rt);
      }
      if (reverse) found.reverse();
      if (input.length === 1) return found;
      for (const m of found) out.push(m);
    }
    return documentOrder(out);
  };
}

function reverseFrom(a: XNode[], from: number): void {
  for (let i = from, j = a.length - 1; i < j; i++, j--) {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

const anyNode: NodeTestFn = () => true;
const noNode: NodeTestFn = () => false;
const anyElement: NodeTestFn = (n) => n.kind === 'element';

/**
 * Node tests (XPath 1.0 2.3) bound to an evaluation: a QName's prefix names a module through the
 * expression's prefixes, an unprefixed name is in the default module (RFC 7950 6.4.1). The
 * principal node type of every axis here is element; comment() and processing-instruction()
 * match nothing (there are none), text() is handled by its axis (see `textAxis`).
 */
function compileNodeTest(test: NodeTest, offset: number, scope: CompileScope): (rt: Runtime) => NodeTestFn {
  if (test.kind === 'node-type') {
    const fn = test.type === 'node' || test.type === 'text' ? anyNode : noNode;
    return () => fn;
  }
  const local = test.local;
  if (test.prefix === undefined) {
    if (local === '*') return () => anyElement;
    // Unprefixed: the module depends on the evaluation; one test per default module.
    const tests = new Map<string, NodeTestFn>();
    return (rt) => {
      const module = rt.env.defaultModule;
      let fn = tests.get(module);
      if (!fn) tests.set(module, (fn = (n) => n.name === local && n.module === module && n.kind === 'element'));
      return fn;
    };
  }
  const module = scope.source.prefixes[test.prefix];
  if (module === undefined) {
    const prefix = test.prefix;
    return () => scope.fail('unknown-prefix', offset, `unknown prefix "${prefix}"`);
  }
  const fn: NodeTestFn = local === '*' ? (n) => n.module === module && n.kind === 'element' : (n) => n.name === local && n.module === module && n.kind === 'element';
  return () => fn;
}

// ---- deref() and require-instance (RFC 7950 9.9, 9.13, 10.3.1): what a leafref or instance-identifier
// leaf refers to. A leafref's path is evaluated here, so this belongs to the evaluator (deref() is in its library).

/** The function library, with deref(), which evaluates the leafref's path. */
const LIBRARY: Readonly<Record<string, Builder>> = {
  ...FUNCTIONS,
  // 10.3.1
  deref: onFirstNode('deref', (n, rt) => (n ? referencedNodes(n, rt.env) : [])),
};

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
