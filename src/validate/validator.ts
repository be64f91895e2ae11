/**
 * One validation run: build the instance tree, add the defaults of the accessible
 * tree, settle `when` conditions (RFC 7950 8.3.2), then check the section 8 rules.
 * Partial documents (get-reply, edit) get the document-shape checks only.
 */
import type { SchemaNode, SchemaSet, XPathIR } from '../ir/types.js';
import { type JsonObject, isObject } from '../restconf/schema-index.js';
import { type BuildContext, buildMembers } from './build.js';
import { Conditions } from './conditions.js';
import { addDefaults } from './defaults.js';
import { ErrorSink } from './errors.js';
import type { DataError, DataKind, ValidateOptions } from './types.js';
import { Element, appendChild, keyValues, numberTree } from './instance.js';
import { LeafrefResolver, valueKey } from './leafref.js';
import { defaultRelevance } from './relevance.js';
import { checkSubtree } from './rules.js';
import { annotationsOf } from './metadata.js';

/**
 * Which rules each kind gets. get-reply and edit are partial documents: as yanglint 2.1.30's
 * `-t get`/`-t getconfig`/`-t edit` do, only member names, JSON shapes, values and key
 * presence are checked (plus state data in an edit); no mandatory, min/max-elements, must,
 * when, unique, require-instance, duplicate or choice checks.
 */
const FULL_RULES: Record<DataKind, boolean> = {
  data: true,
  config: true,
  'get-reply': false,
  edit: false,
  rpc: true,
  'rpc-reply': true,
  notification: true,
};

const OPERATION_KIND: ReadonlySet<DataKind> = new Set(['rpc', 'rpc-reply', 'notification']);

/** RFC 8040 3.8 / RFC 8639: a notification as the server sends it. */
const NOTIFICATION_WRAPPER = 'ietf-restconf:notification';

interface TopLevel {
  /** Every top-level node of every module (what a member name may name). */
  all: SchemaNode[];
  /** Top-level data nodes of the implemented modules (inputs and the modules they augment): where defaults and mandatory nodes apply. */
  implemented: SchemaNode[];
}

const topLevels = new WeakMap<SchemaSet, TopLevel>();

function topLevelOf(schema: SchemaSet): TopLevel {
  let t = topLevels.get(schema);
  if (!t) {
    const modules = Object.values(schema.modules);
    const implemented = new Set(schema.inputs);
    for (const m of schema.inputs) for (const a of schema.modules[m]?.augments ?? []) implemented.add(a.targetModule);
    t = {
      all: modules.flatMap((m) => [...m.data, ...m.rpcs, ...m.notifications]),
      implemented: [...implemented].flatMap((m) => schema.modules[m]?.data ?? []),
    };
    topLevels.set(schema, t);
  }
  return t;
}

function contentOf(el: Element, kind: DataKind, top: TopLevel): readonly SchemaNode[] | undefined {
  const s = el.schema;
  if (!s) return el.kind === 'root' ? top.implemented : undefined;
  switch (s.kind) {
    case 'container':
    case 'list':
    case 'notification':
      return s.children;
    case 'rpc':
    case 'action':
      return (kind === 'rpc-reply' ? s.output : s.input) ?? [];
    default:
      return undefined;
  }
}

/** Attaches the operation (and the data path above an action or nested notification) to the datastore tree, reusing the instances it already has. */
function graft(root: Element, operation: Element): void {
  const chain: Element[] = [];
  for (let n = operation.parent; n && n.kind === 'element'; n = n.parent) chain.unshift(n);
  let target = root;
  for (const step of [...chain, operation]) {
    const schema = step.schema;
    const same = step !== operation && schema ? target.children.find((c) => c.schema === schema && (schema.kind !== 'list' || keyValues(c, schema).map(valueKey).join() === keyValues(step, schema).map(valueKey).join())) : undefined;
    if (!same) {
      step.parent = target;
      appendChild(target, step);
      return;
    }
    target = same;
  }
}

const whenBelow = new WeakMap<SchemaNode, boolean>();

/** Whether `n` or a node below it (choices and cases included) has a when condition. */
function hasWhenBelow(n: SchemaNode): boolean {
  let r = whenBelow.get(n);
  if (r === undefined) {
    whenBelow.set(n, false);
    const below = n.kind === 'choice' ? n.cases : n.kind === 'rpc' || n.kind === 'action' ? [...(n.input ?? []), ...(n.output ?? [])] : 'children' in n ? n.children : [];
    r = !!n.when?.length || below.some(hasWhenBelow);
    whenBelow.set(n, r);
  }
  return r;
}

/** Settles when conditions to a fixpoint (a node removed may falsify another's); returns the document's nodes found false. */
function settleWhens(scope: Element, conditions: Conditions): { el: Element; when: XPathIR }[] {
  const removed: { el: Element; when: XPathIR }[] = [];
  let changed = true;
  const visit = (el: Element): void => {
    const children = el.children;
    for (let i = 0; i < children.length; ) {
      const c = children[i]!;
      const s = c.schema;
      if (!s || !(hasWhenBelow(s) || c.cases.some((m) => m.choice.when || m.case.when))) {
        i++;
        continue;
      }
      const when = conditions.failing(c);
      if (!when) {
        visit(c);
        i++;
        continue;
      }
      children.splice(i, 1);
      changed = true;
      if (!c.isDefault) removed.push({ el: c, when });
    }
  };
  while (changed) {
    changed = false;
    conditions.reset();
    visit(scope);
  }
  return removed;
}

/** Removes a node from the document (8.3.2), keeping the array positions of its siblings right. */
function removeFromDocument(el: Element): void {
  if (!Array.isArray(el.holder)) {
    delete (el.holder as JsonObject)[el.key as string];
    return;
  }
  const array = el.holder as unknown[];
  const index = el.key as number;
  array.splice(index, 1);
  for (const s of el.parent?.children ?? []) if (s.holder === array && (s.key as number) > index) s.key = (s.key as number) - 1;
  const holder = el.parent?.object;
  if (!array.length && holder) for (const [k, v] of Object.entries(holder)) if (v === array) delete holder[k];
}

function upsert<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

export function runValidation(schema: SchemaSet, document: unknown, options: ValidateOptions): DataError[] {
  const sink = new ErrorSink();
  const kind = options.type;
  if (!isObject(document)) {
    sink.add('bad-shape', '/', 'The document is not a JSON object.', undefined);
    return sink.errors;
  }
  const top = topLevelOf(schema);
  const include = kind === 'config' ? (n: SchemaNode) => n.config : () => true;
  const full = FULL_RULES[kind];
  const relevant = defaultRelevance(schema);
  const includeDefault = (n: SchemaNode): boolean => include(n) && relevant(n);
  const root = new Element(undefined, undefined);
  const annotations = annotationsOf(schema);
  const ctx: BuildContext = { kind, encoding: options.encoding ?? 'json', sink, complete: full, top: top.all, invalid: new Set(), annotations };
  let scope = root;
  if (OPERATION_KIND.has(kind)) {
    if (options.datastore) {
      buildMembers({ kind: 'data', encoding: 'json', sink: new ErrorSink(), complete: true, top: top.all, invalid: new Set(), annotations }, root, options.datastore, top.all, undefined);
      addDefaults(root, top.implemented, relevant);
    }
    const wrapped = kind === 'notification' && isObject(document[NOTIFICATION_WRAPPER]) ? (document[NOTIFICATION_WRAPPER] as JsonObject) : undefined;
    buildMembers(ctx, new Element(undefined, undefined), wrapped ?? document, top.all, undefined, wrapped ? 'eventTime' : undefined);
    if (!ctx.operation) {
      sink.add('missing-operation', '/', `No ${kind === 'notification' ? 'notification' : 'rpc or action'} found in the document.`, undefined);
      return sink.errors;
    }
    scope = ctx.operation;
    graft(root, scope);
    if (full) addDefaults(scope, contentOf(scope, kind, top)!, includeDefault);
  } else {
    buildMembers(ctx, root, document, top.all, undefined);
    if (full) addDefaults(root, top.implemented, includeDefault);
  }
  if (!full) return sink.errors;

  numberTree(root);
  const conditions = new Conditions(schema, sink);
  const falseNodes = settleWhens(scope, conditions);
  if (options.prune) {
    // Descending positions first, so splicing an array does not move entries still to remove.
    const position = (el: Element): number => (typeof el.key === 'number' ? el.key : -1);
    falseNodes.sort((a, b) => position(b.el) - position(a.el));
    for (const { el } of falseNodes) removeFromDocument(el);
  } else {
    for (const { el, when } of falseNodes) sink.on('when-false', el, `When condition "${when.expr}" not satisfied.`);
  }
  // A choice whose data were reported when-false is not missing as well (one error, as yanglint gives).
  const reportedChoices = new Map<Element, Set<SchemaNode>>();
  if (!options.prune) for (const { el } of falseNodes) for (const m of el.cases) upsert(reportedChoices, el.parent!).add(m.choice);
  const leafrefs = new LeafrefResolver({ identities: schema.identities });
  checkSubtree({ sink, conditions, leafrefs, include, root, invalid: ctx.invalid, reportedChoices, childrenOf: (el) => contentOf(el, kind, top) }, scope);
  return sink.errors;
}
