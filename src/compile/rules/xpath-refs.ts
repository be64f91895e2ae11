import type { SchemaNode } from '../../ir/types.js';
import type { Unit } from '../../modules/loader.js';
import type { Statement } from '../../syntax/statement.js';
import { argLoc, child, childrenOf, type Compilation, type ModCtx } from '../context.js';
import { dataChildren, moduleRoots, schemaChildren } from '../targets.js';
import { parseXPath, type Step, type XPathExpr } from '../../xpath/parse.js';

/** The root of the accessible tree (RFC 7950 6.4.1), parent of every top-level node. */
const ROOT = Symbol('root');
type XNode = SchemaNode | typeof ROOT;
/** A node-set as schema nodes; undefined when it cannot be followed (other axes, deref, values). */
type XSet = Set<XNode> | undefined;

interface XContext {
  c: Compilation;
  unit: Unit;
  /** The context node, which current() returns. */
  current: XNode;
  /** Namespaces an unprefixed name may be in: the context node's and the expression's module. */
  local: Set<string>;
  /** Top nodes of the tree absolute paths start from. */
  roots: SchemaNode[];
}

/**
 * Warns about when and must expressions whose location paths name schema nodes that do not
 * exist, as yanglint does: each step is followed through the schema tree (choice and case
 * are transparent, `..`, `.`, current() and predicates understood); other axes, deref() and
 * paths from values are not followed. Each statement is reported once, however often its
 * grouping is used.
 */
export function checkXPathReferences(c: Compilation, mods: ModCtx[]): void {
  const reported = new Set<Statement>();
  let everyRoot: SchemaNode[] | undefined;
  const datastore = (): SchemaNode[] => (everyRoot ??= dataChildren([...c.mods.values()].flatMap((m) => moduleRoots(m))));
  for (const n of withConditions.get(c) ?? []) {
    const stmt = c.statements.get(n);
    const unit = c.nodeUnits.get(n);
    if (!stmt || !unit) continue;
    for (const s of [child(stmt, 'when'), ...childrenOf(stmt, 'must')]) {
      if (s && !reported.has(s)) c.sink.as(n.module, () => checkExpression(c, s, unit, contextOf(c, n, s), datastore, reported));
    }
  }
  for (const mod of mods) {
    for (const aug of mod.ir.augments) {
      const stmt = c.statements.get(aug);
      const when = stmt && child(stmt, 'when');
      const target = c.augmentTargets.get(aug)?.node;
      const unit = when && mod.units.find((u) => u.stmt.children.includes(stmt!));
      if (when && target && unit && !reported.has(when)) {
        c.sink.as(mod.name, () => checkExpression(c, when, unit, dataNodeOrSelf(c, target), datastore, reported));
      }
    }
  }
}

/** Nodes of each compile with a when or must, noted as they are finalized, so no second walk of the tree is needed. */
const withConditions = new WeakMap<Compilation, SchemaNode[]>();

export function noteConditions(c: Compilation, n: SchemaNode): void {
  if (n.when === undefined && !n.must?.length) return;
  let list = withConditions.get(c);
  if (!list) withConditions.set(c, (list = []));
  list.push(n);
}

/** Parsed when/must arguments, by statement: parsed files are shared between compiles. */
const parsedXPath = new WeakMap<Statement, XPathExpr | null>();

function parsedArgument(c: Compilation, s: Statement, unit: Unit): XPathExpr | null {
  let ast = parsedXPath.get(s);
  if (ast === undefined) {
    const r = parseXPath(s.arg ?? '', { yangVersion: c.mods.get(unit.moduleName)?.ir.yangVersion });
    parsedXPath.set(s, (ast = 'error' in r ? null : r.ast));
  }
  return ast;
}

/** RFC 7950 7.21.5: the when of a choice or case has the closest data ancestor as context. */
function contextOf(c: Compilation, n: SchemaNode, s: Statement): XNode {
  return s.keyword === 'when' && (n.kind === 'choice' || n.kind === 'case') ? dataParent(c, n) : n;
}

function dataNodeOrSelf(c: Compilation, n: SchemaNode): XNode {
  return n.kind === 'choice' || n.kind === 'case' ? dataParent(c, n) : n;
}

function dataParent(c: Compilation, n: SchemaNode): XNode {
  let p = c.parents.get(n);
  while (p && (p.kind === 'choice' || p.kind === 'case')) p = c.parents.get(p);
  return p ?? ROOT;
}

function checkExpression(c: Compilation, s: Statement, unit: Unit, current: XNode, datastore: () => SchemaNode[], reported: Set<Statement>): void {
  const ast = parsedArgument(c, s, unit);
  if (!ast) return; // reported where the statement was read
  const local = new Set([unit.moduleName]);
  if (current !== ROOT) local.add(current.module);
  for (const m of local) c.readsTreeOf?.(m);
  const ctx: XContext = { c, unit, current, local, roots: documentOfNode(c, current) ?? datastore() };
  const missing = evaluate(ctx, ast, new Set([current]));
  if (typeof missing === 'string') {
    reported.add(s);
    c.sink.warning('xpath-node-not-found', argLoc(s), `${s.keyword} "${s.arg}" refers to "${missing}", which is not a schema node there`);
  }
}

/** Data nodes at the top of the yang-data or structure the node is in, where its absolute paths start. */
function documentOfNode(c: Compilation, current: XNode): SchemaNode[] | undefined {
  if (current === ROOT) return undefined;
  let top = current;
  for (let p = c.parents.get(top); p; p = c.parents.get(top)) top = p;
  const doc = c.documentRoots.get(top);
  return doc && dataChildren(doc);
}

/**
 * The node-set an expression selects from `context`, or the text of the first step that
 * selects nothing (a string), which stops the evaluation.
 */
function evaluate(ctx: XContext, e: XPathExpr, context: Set<XNode>): XSet | string {
  switch (e.kind) {
    case 'path': {
      let set: XSet | string = context;
      if (e.filter) set = evaluate(ctx, e.filter, context);
      else if (e.absolute) set = new Set([ROOT]);
      for (const step of e.steps) {
        if (set === undefined || typeof set === 'string') return set;
        set = applyStep(ctx, step, set);
      }
      return set;
    }
    case 'filter': {
      const set = evaluate(ctx, e.primary, context);
      if (typeof set === 'string') return set;
      return predicates(ctx, e.predicates, set) ?? set;
    }
    case 'call': {
      for (const a of e.args) {
        const r = evaluate(ctx, a, context);
        if (typeof r === 'string') return r;
      }
      return e.name === 'current' && e.prefix === undefined ? new Set([ctx.current]) : undefined;
    }
    case 'binary': {
      const l = evaluate(ctx, e.left, context);
      if (typeof l === 'string') return l;
      const r = evaluate(ctx, e.right, context);
      if (typeof r === 'string') return r;
      return e.op === '|' && l && r ? new Set([...l, ...r]) : undefined;
    }
    case 'negate': {
      const r = evaluate(ctx, e.operand, context);
      return typeof r === 'string' ? r : undefined;
    }
    default:
      return undefined;
  }
}

/** Evaluates predicates from each node of `set`; returns the first missing name, if any. */
function predicates(ctx: XContext, preds: XPathExpr[], set: XSet): string | undefined {
  if (!set) return undefined;
  for (const p of preds) {
    for (const n of set) {
      const r = evaluate(ctx, p, new Set([n]));
      if (typeof r === 'string') return r;
    }
  }
  return undefined;
}

function applyStep(ctx: XContext, step: Step, set: Set<XNode>): XSet | string {
  let out: Set<XNode>;
  if (step.axis === 'self' && step.test.kind === 'node-type') out = set;
  else if (step.axis === 'parent' && step.test.kind === 'node-type') {
    out = new Set();
    for (const n of set) if (n !== ROOT) out.add(dataParent(ctx.c, n));
  } else if (step.axis === 'child') {
    out = new Set();
    const test = step.test;
    for (const n of set) {
      // Any name at the top of the datastore: the top nodes of every module.
      if (n === ROOT && (test.kind === 'node-type' || (test.local === '*' && test.prefix === undefined))) for (const m of ctx.c.mods.keys()) ctx.c.readsTreeOf?.(m);
      for (const k of dataTreeChildren(ctx, n)) if (test.kind === 'node-type' || matches(ctx, k, test.prefix, test.local)) out.add(k);
    }
    if (out.size === 0 && set.size > 0 && test.kind === 'name') return test.prefix ? `${test.prefix}:${test.local}` : test.local;
  } else return undefined;
  return predicates(ctx, step.predicates, out) ?? out;
}

function matches(ctx: XContext, n: SchemaNode, prefix: string | undefined, local: string): boolean {
  if (local !== '*' && n.name !== local) return false;
  if (prefix === undefined) return local === '*' || ctx.local.has(n.module);
  return ctx.unit.prefixes.get(prefix) === n.module;
}

/** Children of a node in the data tree: choice and case looked through, an operation's input and output merged. */
function dataTreeChildren(ctx: XContext, n: XNode): SchemaNode[] {
  if (n === ROOT) return ctx.roots;
  if (n.kind === 'rpc' || n.kind === 'action') return dataChildren([...(n.input ?? []), ...(n.output ?? [])]);
  return dataChildren(schemaChildren(n));
}
