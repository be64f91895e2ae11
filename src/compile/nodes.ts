import type {
  AnyNode,
  CaseNode,
  ContainerNode,
  ChoiceNode,
  ExtensionUseIR,
  LeafListNode,
  LeafNode,
  ListNode,
  MustIR,
  NodeBase,
  NotificationNode,
  OperationNode,
  SchemaNode,
  Status,
  WhenIR,
  XPathIR,
} from '../ir/types.js';
import type { Unit } from '../modules/loader.js';
import type { Statement } from '../syntax/statement.js';
import { argLoc, child, childArg, childrenOf, findDefinition, newScope, type Compilation, type Scope, type Target } from './context.js';
import { ifFeaturesHold } from './features.js';
import { resolveType } from './types.js';
import { checkXPath, unboundVariable, usedPrefixMap, xpathPrefixes, type XPathErrorKind } from '../xpath/parse.js';
import { inheritedSites, setDefaultSites } from './defaults.js';
import { findTarget, removeNode } from './targets.js';
import { checkAugmentContent } from './rules/augment.js';
import { LIMITS, tooDeepMessage } from '../limits.js';

/** Where statements are being turned into nodes. */
export interface BuildCtx {
  c: Compilation;
  /** Module whose namespace new nodes get (the using module for grouping contents). */
  ns: string;
  scope: Scope;
  /** Groupings being expanded, innermost last, to catch circular uses. */
  groupings: Statement[];
  /** Levels of children and groupings being built, bounded by LIMITS.schemaNesting. */
  depth: number;
  /**
   * Building an unused grouping only to check it (definitions.ts): a `uses` of a grouping
   * already checked is not expanded again, unless nodes inside it are needed (refine, augment).
   */
  checkOnly?: boolean;
}

const DATA_DEF = new Set(['rpc', 'container', 'leaf', 'leaf-list', 'list', 'choice', 'anydata', 'anyxml', 'uses', 'case', 'action', 'notification']);

/**
 * Keywords that open a new lexical scope for typedefs and groupings; groupings and
 * augments get theirs from the code that expands them.
 */
const SCOPING = new Set(['container', 'list', 'rpc', 'action', 'input', 'output', 'notification']);

function withScope(b: BuildCtx, stmt: Statement): BuildCtx {
  if (!SCOPING.has(stmt.keyword) || !declaresDefinitions(stmt)) return b;
  return { ...b, scope: newScope(b.c, stmt, b.scope.unit, b.scope) };
}

/** Whether typedefs or groupings are declared directly in `stmt`; without any, its scope is its parent's. */
function declaresDefinitions(stmt: Statement): boolean {
  for (const s of stmt.children) if ((s.keyword === 'typedef' || s.keyword === 'grouping') && s.prefix === undefined) return true;
  return false;
}

/** Builds the data-definition children of `parent` (uses expanded, if-features applied). */
export function buildChildren(b: BuildCtx, parent: Statement): SchemaNode[] {
  const out: SchemaNode[] = [];
  if (b.depth >= LIMITS.schemaNesting) {
    b.c.sink.error('too-deep', parent.loc, tooDeepMessage('schema node', LIMITS.schemaNesting));
    return out;
  }
  const scoped = withScope(b, parent);
  const inner: BuildCtx = { c: b.c, ns: b.ns, scope: scoped.scope, groupings: b.groupings, depth: b.depth + 1, checkOnly: b.checkOnly };
  for (const s of parent.children) {
    if (s.prefix !== undefined || !DATA_DEF.has(s.keyword)) continue;
    addNode(inner, s, out);
  }
  return out;
}

/** One statement to zero (if-feature false), one or many (uses) nodes. */
export function buildNode(b: BuildCtx, s: Statement): SchemaNode[] {
  const out: SchemaNode[] = [];
  addNode(b, s, out);
  return out;
}

/** buildNode, appending to `out`: no array per node in the hot loop of buildChildren. */
function addNode(b: BuildCtx, s: Statement, out: SchemaNode[]): void {
  if (!ifFeaturesHold(b.c, s, b.scope.unit)) return;
  if (s.keyword === 'uses') {
    for (const n of expandUses(b, s)) out.push(n);
    return;
  }
  const node = buildOne(b, s);
  if (!node) return;
  b.c.nodeUnits.set(node, b.scope.unit);
  b.c.statements.set(node, s);
  const config = childArg(s, 'config');
  if (config !== undefined) b.c.explicitConfig.set(node, config === 'true');
  out.push(node);
}

function buildOne(b: BuildCtx, s: Statement): SchemaNode | undefined {
  switch (s.keyword) {
    case 'container': {
      const node = withKind<ContainerNode>(common(b, s), 'container');
      node.children = buildChildren(b, s);
      const presence = childArg(s, 'presence');
      if (presence !== undefined) node.presence = presence;
      return node;
    }
    case 'list':
      return buildList(b, s);
    case 'leaf':
      return buildLeaf(b, s);
    case 'leaf-list':
      return buildLeafList(b, s);
    case 'choice':
      return buildChoice(b, s);
    case 'case':
    case 'notification': {
      const node = withKind<CaseNode | NotificationNode>(common(b, s), s.keyword);
      node.children = buildChildren(b, s);
      return node;
    }
    case 'anydata':
    case 'anyxml': {
      const node = withKind<AnyNode>(common(b, s), s.keyword);
      node.mandatory = childArg(s, 'mandatory') === 'true';
      return node;
    }
    case 'action':
    case 'rpc':
      return buildOperation(b, s);
    default:
      return undefined;
  }
}

/**
 * A node of `kind` from its common fields, its own fields assigned after: in the order a
 * spread `{ ...common(b, s), kind, ... }` gives (the IR's JSON keeps it), without copying
 * objects of many shapes, which a new process does slowly.
 */
function withKind<T extends SchemaNode>(base: NodeBase, kind: T['kind']): T {
  const node = base as T;
  node.kind = kind;
  return node;
}

function common(b: BuildCtx, s: Statement): NodeBase {
  const { c } = b;
  const unit = b.scope.unit;
  const node: NodeBase = {
    name: s.arg ?? '',
    module: b.ns,
    jsonName: '',
    path: '',
    schemaPath: '',
    config: false,
    status: statusOf(s),
    loc: s.loc,
  };
  const description = childArg(s, 'description');
  if (description !== undefined) node.description = description;
  const reference = childArg(s, 'reference');
  if (reference !== undefined) node.reference = reference;
  const ifFeatures = childrenOf(s, 'if-feature').map((f) => f.arg ?? '');
  if (ifFeatures.length) node.ifFeatures = ifFeatures;
  const when = child(s, 'when');
  if (when) node.when = [checkedXPath(c, when, unit)];
  const must = mustsOf(c, s, unit);
  if (must.length) node.must = must;
  const extensions = extensionsOf(c, s, unit);
  if (extensions.length) node.extensions = extensions;
  return node;
}

export function statusOf(s: Statement): Status {
  const v = childArg(s, 'status');
  return v === 'deprecated' || v === 'obsolete' ? v : 'current';
}

export function mustsOf(c: Compilation, s: Statement, unit: Unit): MustIR[] {
  return childrenOf(s, 'must').map((m) => {
    const must: MustIR = checkedXPath(c, m, unit);
    const msg = childArg(m, 'error-message');
    if (msg !== undefined) must.errorMessage = msg;
    const tag = childArg(m, 'error-app-tag');
    if (tag !== undefined) must.errorAppTag = tag;
    return must;
  });
}

/** Diagnostic code for each kind of XPath problem. */
const XPATH_CODES: Record<XPathErrorKind, string> = {
  syntax: 'bad-xpath',
  'unknown-function': 'unknown-xpath-function',
  'unknown-variable': 'unknown-xpath-variable',
  arguments: 'bad-xpath-arguments',
  'too-deep': 'too-deep',
};

/** What checkedXPath found in a when or must statement's argument, by statement. */
const xpathSyntax = new WeakMap<Statement, { yangVersion?: string; problem: ReturnType<typeof checkXPath>; prefixes: string[] }>();

/** Checks a when/must argument (syntax, functions of the module's yang-version, imported prefixes); returns it with its prefixes. */
export function checkedXPath(c: Compilation, s: Statement, unit: Unit): XPathIR {
  const expr = s.arg ?? '';
  const yangVersion = c.mods.get(unit.moduleName)?.ir.yangVersion;
  // A grouping's when and must are checked at every use of the grouping: parse each statement once per version.
  let syntax = xpathSyntax.get(s);
  if (!syntax || syntax.yangVersion !== yangVersion) {
    const problem = checkXPath(expr, { yangVersion }) ?? unboundVariable(expr, { yangVersion });
    xpathSyntax.set(s, (syntax = { yangVersion, problem, prefixes: problem ? [] : xpathPrefixes(expr) }));
  }
  const { problem } = syntax;
  if (problem) c.sink.error(XPATH_CODES[problem.kind], argLoc(s), `invalid XPath in ${s.keyword} "${expr}": ${problem.error}`);
  else {
    for (const p of syntax.prefixes) {
      if (!unit.prefixes.has(p)) c.sink.error('unknown-prefix', argLoc(s), `prefix "${p}" in ${s.keyword} "${expr}" is not defined`);
    }
  }
  return { expr, prefixes: usedPrefixMap(expr, unit.prefixes) };
}

/** Adds the condition of a `uses` or `augment` to each node it brings in (RFC 7950 7.21.5). */
export function addParentCondition(nodes: readonly SchemaNode[], when: XPathIR): void {
  const condition: WhenIR = { ...when, onParent: true };
  for (const n of nodes) n.when = [...(n.when ?? []), condition];
}

export function extensionsOf(c: Compilation, s: Statement, unit: Unit): ExtensionUseIR[] {
  const out: ExtensionUseIR[] = [];
  for (const e of s.children) {
    if (e.prefix === undefined) continue;
    // Unknown prefixes and extensions are reported once per file by checkExtensionUses.
    const name = unit.prefixes.get(e.prefix);
    const mod = name === undefined ? undefined : c.mods.get(name);
    if (!mod?.extensions.has(e.keyword)) continue;
    if (mod.name === 'ietf-yang-schema-mount' && e.keyword === 'mount-point' && s.keyword !== 'container' && s.keyword !== 'list') {
      c.sink.error('bad-extension-placement', e.loc, `yangmnt:mount-point is allowed only in a container or list, not in ${s.keyword} "${s.arg}" (RFC 8528 3.1)`);
    }
    out.push(e.arg === undefined ? { module: mod.name, name: e.keyword } : { module: mod.name, name: e.keyword, arg: e.arg });
  }
  return out;
}

function elementBounds(c: Compilation, s: Statement): { minElements: number; maxElements?: number } {
  const minS = child(s, 'min-elements');
  const maxS = child(s, 'max-elements');
  const min = minS ? Number(minS.arg) : 0;
  if (minS && !/^\d+$/.test(minS.arg ?? '')) c.sink.error('bad-value', argLoc(minS), `min-elements must be a non-negative integer, not "${minS.arg}"`);
  if (maxS && maxS.arg !== 'unbounded' && !/^[1-9]\d*$/.test(maxS.arg ?? '')) {
    c.sink.error('bad-value', argLoc(maxS), `max-elements must be a positive integer or "unbounded", not "${maxS.arg}"`);
  }
  const max = maxS && maxS.arg !== 'unbounded' ? Number(maxS.arg) : undefined;
  if (max !== undefined && min > max) c.sink.error('bad-min-max', argLoc(maxS!), `max-elements ${max} is less than min-elements ${min}`);
  return max === undefined || Number.isNaN(max) ? { minElements: min || 0 } : { minElements: min || 0, maxElements: max };
}

function orderedBy(s: Statement): 'system' | 'user' {
  return childArg(s, 'ordered-by') === 'user' ? 'user' : 'system';
}

function buildList(b: BuildCtx, s: Statement): ListNode {
  const keys = (childArg(s, 'key') ?? '').split(/\s+/).filter(Boolean).map((k) => k.slice(k.indexOf(':') + 1));
  const unique = childrenOf(s, 'unique').map((u) => (u.arg ?? '').split(/\s+/).filter(Boolean));
  const node = withKind<ListNode>(common(b, s), 'list');
  node.keys = keys;
  node.unique = unique;
  setBounds(node, elementBounds(b.c, s));
  node.orderedBy = orderedBy(s);
  node.children = buildChildren(b, s);
  return node;
}

function setBounds(node: ListNode | LeafListNode, bounds: ReturnType<typeof elementBounds>): void {
  node.minElements = bounds.minElements;
  if (bounds.maxElements !== undefined) node.maxElements = bounds.maxElements;
}

function typeOf(b: BuildCtx, s: Statement) {
  const typeStmt = child(s, 'type');
  // A missing type was reported by the grammar check; compile on with a string.
  if (!typeStmt) return { type: { base: 'string' as const, name: 'string' } };
  const type = resolveType(b.c, typeStmt, b.scope);
  return { type, typeStmt, extras: b.c.typedefExtras.get(type) };
}

/** Records where the node's defaults come from: its own `default` statements, else its typedef's. */
function recordDefaults(b: BuildCtx, node: LeafNode | LeafListNode, s: Statement, { typeStmt, extras }: ReturnType<typeof typeOf>): void {
  const own = childrenOf(s, 'default');
  if (own.length) setDefaultSites(b.c, node, own.map((stmt) => ({ stmt, unit: b.scope.unit })));
  else if (typeStmt && extras) setDefaultSites(b.c, node, inheritedSites(b.c, typeStmt, extras));
}

function buildLeaf(b: BuildCtx, s: Statement): LeafNode {
  const typed = typeOf(b, s);
  const { type, extras } = typed;
  const leaf = withKind<LeafNode>(common(b, s), 'leaf');
  leaf.type = type;
  leaf.mandatory = childArg(s, 'mandatory') === 'true';
  leaf.isKey = false;
  const value = childArg(s, 'default') ?? (leaf.mandatory ? undefined : extras?.default);
  if (value !== undefined) leaf.default = value;
  recordDefaults(b, leaf, s, typed);
  const units = childArg(s, 'units') ?? extras?.units;
  if (units !== undefined) leaf.units = units;
  return leaf;
}

function buildLeafList(b: BuildCtx, s: Statement): LeafListNode {
  const typed = typeOf(b, s);
  const { type, extras } = typed;
  // YANG 1.0 has type empty for leafs only (RFC 6020 9.11: "a leaf that does not have any
  // value"); leaf-lists of it came with 1.1. pyang and libyang refuse it in a 1.0 module.
  if (type.base === 'empty' && b.c.mods.get(b.scope.unit.moduleName)?.ir.yangVersion === '1') {
    b.c.sink.error('empty-leaf-list', child(s, 'type')?.loc ?? s.loc, 'a leaf-list of type empty is allowed only in YANG 1.1 modules');
  }
  const node = withKind<LeafListNode>(common(b, s), 'leaf-list');
  node.type = type;
  setBounds(node, elementBounds(b.c, s));
  node.orderedBy = orderedBy(s);
  const defaults = childrenOf(s, 'default').map((d) => d.arg ?? '');
  if (defaults.length) node.default = defaults;
  else if (extras?.default !== undefined && node.minElements === 0) node.default = [extras.default];
  recordDefaults(b, node, s, typed);
  const units = childArg(s, 'units') ?? extras?.units;
  if (units !== undefined) node.units = units;
  return node;
}

function buildChoice(b: BuildCtx, s: Statement): ChoiceNode {
  const choice = withKind<ChoiceNode>(common(b, s), 'choice');
  choice.mandatory = childArg(s, 'mandatory') === 'true';
  choice.cases = asCases(b, buildChildren(b, s));
  const def = child(s, 'default');
  if (def?.arg !== undefined) {
    choice.default = def.arg;
    setDefaultSites(b.c, choice, [{ stmt: def, unit: b.scope.unit }]);
  }
  return choice;
}

/** Wraps shorthand case members (RFC 7950 7.9.2) into real case nodes. */
export function asCases(b: BuildCtx, nodes: SchemaNode[]): CaseNode[] {
  return nodes.map((n) => {
    if (n.kind === 'case') return n;
    const implicit: CaseNode = {
      kind: 'case',
      name: n.name,
      module: n.module,
      jsonName: '',
      path: '',
      schemaPath: '',
      config: false,
      status: n.status,
      loc: n.loc,
      children: [n],
    };
    const unit = b.c.nodeUnits.get(n);
    if (unit) b.c.nodeUnits.set(implicit, unit);
    return implicit;
  });
}

function buildOperation(b: BuildCtx, s: Statement): OperationNode {
  const inner = withScope(b, s);
  const op = withKind<OperationNode>(common(b, s), s.keyword === 'rpc' ? 'rpc' : 'action');
  for (const io of ['input', 'output'] as const) {
    const st = child(s, io);
    if (st) op[io] = buildChildren(inner, st);
  }
  return op;
}

function expandUses(b: BuildCtx, s: Statement): SchemaNode[] {
  const { c } = b;
  const def = findDefinition(c, b.scope, 'grouping', s.arg ?? '', argLoc(s));
  if (def === null) return [];
  if (!def) {
    c.sink.error('unknown-grouping', argLoc(s), `grouping "${s.arg}" is not defined`);
    return [];
  }
  if (b.groupings.includes(def)) {
    c.sink.error('circular-uses', argLoc(s), `grouping "${def.arg}" uses itself`);
    return [];
  }
  if (b.depth >= LIMITS.schemaNesting) {
    c.sink.error('too-deep', argLoc(s), tooDeepMessage('uses of a grouping', LIMITS.schemaNesting));
    return [];
  }
  const needsNodes = s.children.some((k) => (k.keyword === 'refine' || k.keyword === 'augment') && k.prefix === undefined);
  if (b.checkOnly && c.expandedGroupings.has(def) && !needsNodes) {
    const when = child(s, 'when');
    if (when) checkedXPath(c, when, b.scope.unit);
    return [];
  }
  c.expandedGroupings.add(def);
  const gscope = c.groupingScopes.get(def)!;
  const scope = declaresDefinitions(def) ? newScope(c, def, gscope.unit, gscope) : gscope;
  const inner = { ...b, scope, groupings: [...b.groupings, def], checkOnly: b.checkOnly && !needsNodes };
  const nodes = buildChildren(inner, def);
  for (const n of nodes) n.fromUses = [s.arg ?? '', ...(n.fromUses ?? [])];
  inheritIfFeatures(nodes, s);
  const when = child(s, 'when');
  if (when) addParentCondition(nodes, checkedXPath(c, when, b.scope.unit));
  // An absolute target path is a syntax error the grammar check reported.
  const descendant = (x: Statement) => !x.arg?.startsWith('/');
  for (const r of childrenOf(s, 'refine')) if (descendant(r)) applyRefine(b, nodes, r);
  for (const a of childrenOf(s, 'augment')) {
    if (!descendant(a) || !ifFeaturesHold(c, a, b.scope.unit)) continue;
    const target = findTarget(nodes, a.arg ?? '', b.scope.unit);
    if (!target) {
      c.sink.error('bad-augment-target', argLoc(a), `augment target "${a.arg}" not found in grouping "${def.arg}"`);
      continue;
    }
    const grafted = buildChildren({ ...b, scope: newScope(c, a, b.scope.unit, b.scope) }, a);
    inheritIfFeatures(grafted, a);
    const augmentWhen = child(a, 'when');
    if (augmentWhen) addParentCondition(grafted, checkedXPath(c, augmentWhen, b.scope.unit));
    graft(b, target, grafted, a);
  }
  return nodes;
}

/**
 * The nodes a `uses` or `augment` brings in hold only while its if-features do, so they
 * carry them after their own (pyang shows them so); repeats are left out.
 */
export function inheritIfFeatures(nodes: SchemaNode[], from: Statement): void {
  const inherited = childrenOf(from, 'if-feature').map((f) => f.arg ?? '');
  if (!inherited.length) return;
  for (const n of nodes) {
    const own = n.ifFeatures ?? [];
    const added = inherited.filter((f, i) => !own.includes(f) && inherited.indexOf(f) === i);
    if (added.length) n.ifFeatures = [...own, ...added];
  }
}

/** RFC 7950 7.13.2: refine changes properties of a node inside the used grouping. */
/**
 * The node kinds each refinement applies to (RFC 7950 7.13.2); description, reference,
 * config and if-feature apply to any node (yanglint and pyang accept if-feature on choices
 * and cases too).
 */
const REFINABLE: Readonly<Record<string, readonly SchemaNode['kind'][]>> = {
  presence: ['container'],
  must: ['container', 'leaf', 'leaf-list', 'list', 'anydata', 'anyxml'],
  default: ['leaf', 'leaf-list', 'choice'],
  mandatory: ['leaf', 'choice', 'anydata', 'anyxml'],
  'min-elements': ['list', 'leaf-list'],
  'max-elements': ['list', 'leaf-list'],
};

function applyRefine(b: BuildCtx, nodes: SchemaNode[], r: Statement): void {
  const { c } = b;
  const unit = b.scope.unit;
  const target = findTarget(nodes, r.arg ?? '', unit)?.node;
  if (!target) {
    c.sink.error('bad-refine-target', argLoc(r), `refine target "${r.arg}" not found`);
    return;
  }
  const t = target as unknown as Record<string, unknown>;
  let bounds: Statement | undefined;
  for (const p of r.children) {
    if (p.prefix !== undefined) {
      target.extensions = [...(target.extensions ?? []), ...extensionsOf(c, { ...r, children: [p] }, unit)];
      continue;
    }
    const kinds = REFINABLE[p.keyword];
    if (kinds && !kinds.includes(target.kind)) {
      c.sink.error('bad-refine', p.loc, `a ${target.kind} cannot be refined with "${p.keyword}" (RFC 7950 7.13.2)`);
      continue;
    }
    // RFC 6020 7.12.2: in YANG 1.0 only a leaf or a choice gets a default by refine (leaf-list defaults are new in 1.1).
    if (p.keyword === 'default' && target.kind === 'leaf-list' && c.mods.get(unit.moduleName)?.ir.yangVersion === '1') {
      c.sink.error('bad-refine', p.loc, `a leaf-list cannot be refined with "default" in a YANG 1.0 module`);
      continue;
    }
    switch (p.keyword) {
      case 'description':
      case 'reference':
      case 'presence':
        t[p.keyword] = p.arg;
        break;
      case 'config':
        c.explicitConfig.set(target, p.arg === 'true');
        break;
      case 'mandatory':
        t.mandatory = p.arg === 'true';
        c.mandatorySites.set(target, p);
        break;
      case 'default':
        if (target.kind === 'leaf-list') {
          const all = childrenOf(r, 'default');
          if (p === all[0]) {
            target.default = all.map((d) => d.arg ?? '');
            setDefaultSites(c, target, all.map((stmt) => ({ stmt, unit })));
          }
        } else {
          t.default = p.arg;
          setDefaultSites(c, target, [{ stmt: p, unit }]);
        }
        break;
      case 'min-elements':
      case 'max-elements': {
        // The grammar check reported a malformed number; the refined node keeps its bound then.
        const n = p.arg === 'unbounded' ? undefined : Number(p.arg);
        if (n !== undefined && !Number.isSafeInteger(n)) break;
        if (p.keyword === 'min-elements') t.minElements = n;
        else if (n === undefined) delete t.maxElements;
        else t.maxElements = n;
        bounds = p;
        break;
      }
      case 'must':
        target.must = [...(target.must ?? []), ...mustsOf(c, { ...r, children: [p] }, unit)];
        break;
      case 'if-feature':
        target.ifFeatures = [...(target.ifFeatures ?? []), p.arg ?? ''];
        if (!ifFeaturesHold(c, { ...r, children: [p] }, unit)) removeNode(nodes, target);
        break;
    }
  }
  // RFC 7950 7.7.5: the refined bounds still need min-elements <= max-elements.
  const { minElements, maxElements } = target as { minElements?: number; maxElements?: number };
  if (bounds && maxElements !== undefined && (minElements ?? 0) > maxElements) {
    c.sink.error('bad-min-max', argLoc(bounds), `max-elements ${maxElements} is less than min-elements ${minElements} after refine "${r.arg}"`);
  }
}

/** Adds augment (or uses-augment) content to its target, checking the target can hold it. */
export function graft(b: BuildCtx, target: Target, all: SchemaNode[], stmt: Statement): void {
  const { node, io } = target;
  const rejected = checkAugmentContent(b.c, stmt, target);
  const nodes = rejected.size ? all.filter((n) => !rejected.has(b.c.statements.get(n)!)) : all;
  if (io) {
    const op = node as { input?: SchemaNode[]; output?: SchemaNode[] };
    (op[io] ??= []).push(...nodes);
    return;
  }
  switch (node.kind) {
    case 'choice':
      node.cases.push(...asCases(b, nodes));
      return;
    case 'container':
    case 'list':
    case 'case':
    case 'notification':
      node.children.push(...nodes);
      return;
    default:
      b.c.sink.error('bad-augment-target', argLoc(stmt), `augment target "${stmt.arg}" is a ${node.kind}, which cannot have children`);
  }
}
