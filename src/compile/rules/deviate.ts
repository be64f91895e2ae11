import type { SchemaNode } from '../../ir/types.js';
import type { Statement } from '../../syntax/statement.js';
import { STATEMENTS, substatementsOf } from '../../syntax/statement-table.js';
import { argLoc, childrenOf, type Compilation } from '../context.js';

type Kind = SchemaNode['kind'];

/** Node kinds that have each property (the substatement tables of RFC 7950 7.5-7.16). */
const HOLDERS: Record<string, ReadonlySet<Kind>> = {
  type: new Set(['leaf', 'leaf-list']),
  units: new Set(['leaf', 'leaf-list']),
  default: new Set(['leaf', 'leaf-list', 'choice']),
  config: new Set(['container', 'leaf', 'leaf-list', 'list', 'choice', 'anydata', 'anyxml']),
  mandatory: new Set(['leaf', 'choice', 'anydata', 'anyxml']),
  'min-elements': new Set(['list', 'leaf-list']),
  'max-elements': new Set(['list', 'leaf-list']),
  must: new Set(['container', 'leaf', 'leaf-list', 'list', 'anydata', 'anyxml', 'notification']),
  unique: new Set(['list']),
};

/** Properties a node has at most once; the others (must, unique, leaf-list default) are lists. */
const SINGLE = new Set(['type', 'units', 'config', 'mandatory', 'min-elements', 'max-elements']);

/**
 * Property values of each deviated node as deviations see them: what its statement
 * wrote (and refine set), updated by each deviate in turn. Keyed by node objects,
 * which belong to one compile.
 */
const properties = new WeakMap<SchemaNode, Map<string, string[]>>();

function propertiesOf(c: Compilation, node: SchemaNode): Map<string, string[]> {
  let props = properties.get(node);
  if (props) return props;
  props = new Map();
  const stmt = c.statements.get(node);
  for (const keyword of Object.keys(HOLDERS)) {
    const written = stmt ? childrenOf(stmt, keyword).map((s) => s.arg ?? '') : [];
    if (written.length) props.set(keyword, written);
  }
  // What refine set on the node, which its own statement does not show.
  const explicit = c.explicitConfig.get(node);
  props.delete('config');
  if (explicit !== undefined) props.set('config', [String(explicit)]);
  if ('mandatory' in node && node.mandatory && !props.has('mandatory')) props.set('mandatory', ['true']);
  if ('minElements' in node && node.minElements > 0 && !props.has('min-elements')) props.set('min-elements', [String(node.minElements)]);
  if ('maxElements' in node && node.maxElements !== undefined && !props.has('max-elements')) props.set('max-elements', [String(node.maxElements)]);
  if (node.must?.length) props.set('must', node.must.map((m) => m.expr));
  if (node.kind === 'list' && node.unique.length) props.set('unique', node.unique.map((u) => u.join(' ')));
  properties.set(node, props);
  return props;
}

/**
 * Checks one `deviate add|delete|replace` against its target (RFC 7950 7.20.3.2): the
 * property fits the deviate argument and the node kind; add needs a single-valued
 * property absent, replace needs it present, delete needs the same value present.
 * Returns the property statements that may be applied.
 */
export function checkDeviate(c: Compilation, node: SchemaNode, d: Statement): Statement[] {
  const op = d.arg ?? '';
  const props = propertiesOf(c, node);
  const ok: Statement[] = [];
  const version = c.mods.get(node.module)?.ir.yangVersion;
  const allowed = substatementsOf(STATEMENTS.get('deviate')!, version ?? '1.1', op);
  const seen = new Set<string>();
  for (const p of d.children) {
    if (p.prefix !== undefined || !(p.keyword in HOLDERS)) continue;
    const { keyword } = p;
    const value = p.arg ?? '';
    const current = props.get(keyword) ?? [];
    // What each deviate argument may carry, and how often, is the statement grammar's
    // (RFC 7950 section 14), reported there: such a property is not applied.
    const rule = allowed.get(keyword);
    if (!rule || (rule.cardinality === '0..1' && seen.has(keyword))) continue;
    seen.add(keyword);
    if (!HOLDERS[keyword]!.has(node.kind) || (version === '1' && keyword === 'default' && node.kind === 'leaf-list')) {
      c.sink.error('bad-deviate-property', p.loc, `a ${node.kind} has no "${keyword}" to ${op} ("${node.name}")`);
    } else if (op === 'add' && current.length && (SINGLE.has(keyword) || (keyword === 'default' && node.kind !== 'leaf-list'))) {
      c.sink.error('bad-deviate-add', p.loc, `cannot add "${keyword}" to "${node.name}": it has one already (use deviate replace)`);
    } else if (op === 'replace' && !current.length && keyword !== 'type') {
      c.sink.error('bad-deviate-replace', p.loc, `cannot replace "${keyword}" of "${node.name}": it has none (use deviate add)`);
    } else if (op === 'delete' && !current.includes(value)) {
      const has = current.length ? ` (it has ${current.map((v) => `"${v}"`).join(', ')})` : '';
      c.sink.error('bad-deviate-delete', argLoc(p), `cannot delete ${keyword} "${value}" from "${node.name}": it has no such ${keyword}${has}`);
    } else {
      ok.push(p);
      if (op === 'add') props.set(keyword, [...current, value]);
      else if (op === 'replace') props.set(keyword, [value]);
      else props.set(keyword, current.filter((v) => v !== value));
      if (keyword.endsWith('-elements')) checkBounds(c, node, props, p);
    }
  }
  return [...d.children.filter((p) => p.prefix !== undefined || !(p.keyword in HOLDERS)), ...ok];
}

/** RFC 7950 7.7.5, 7.7.6: the deviated min-elements must not exceed max-elements. */
function checkBounds(c: Compilation, node: SchemaNode, props: Map<string, string[]>, p: Statement): void {
  const min = Number(props.get('min-elements')?.[0] ?? 0);
  const max = props.get('max-elements')?.[0];
  if (max !== undefined && max !== 'unbounded' && min > Number(max)) {
    c.sink.error('bad-min-max', p.loc, `deviation leaves "${node.name}" with min-elements ${min} above max-elements ${max}`);
  }
}

/**
 * Checks a `deviation`'s deviate statements as a whole: "not-supported" stands alone
 * (RFC 7950 section 14, deviation-stmt) and cannot remove a list's key leaf, which the
 * list needs (7.8.2). Returns false when nothing of the deviation should be applied.
 */
export function checkDeviation(c: Compilation, dev: Statement, node: SchemaNode, parentOf: () => SchemaNode | undefined): boolean {
  const deviates = childrenOf(dev, 'deviate');
  const notSupported = deviates.find((d) => d.arg === 'not-supported');
  if (!notSupported) return true;
  if (deviates.length > 1) {
    c.sink.error('bad-deviate-not-supported', notSupported.loc, `"deviate not-supported" cannot be combined with other deviate statements`);
    return false;
  }
  const parent = node.kind === 'leaf' ? parentOf() : undefined;
  if (parent?.kind === 'list' && node.kind === 'leaf' && parent.keys.includes(node.name) && parent.module === node.module) {
    c.sink.error('bad-deviate-key', argLoc(notSupported), `key leaf "${node.name}" of list "${parent.name}" cannot be not-supported`);
    return false;
  }
  return true;
}

