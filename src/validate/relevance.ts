/**
 * Which default nodes are worth adding to the instance tree. A default leaf or an
 * implicit non-presence container that no XPath expression can name, that carries no
 * rule of its own and holds nothing that must be checked, changes no verdict: adding
 * it for every list entry of a large document (OpenConfig has dozens per interface)
 * only costs time. Names are collected from every must, when and leafref path of the
 * schema set and every unique argument; a wildcard or node() step on a child or
 * descendant axis makes every node relevant.
 */
import type { SchemaNode, SchemaSet, TypeIR } from '../ir/types.js';
import { type XPathExpr, parseXPath } from '../xpath/parse.js';

const ALL = 'all';

function collectNames(expr: XPathExpr, names: Set<string>): boolean {
  switch (expr.kind) {
    case 'binary':
      return collectNames(expr.left, names) && collectNames(expr.right, names);
    case 'negate':
      return collectNames(expr.operand, names);
    case 'call':
      return expr.args.every((a) => collectNames(a, names));
    case 'filter':
      return collectNames(expr.primary, names) && expr.predicates.every((p) => collectNames(p, names));
    case 'path': {
      if (expr.filter && !collectNames(expr.filter, names)) return false;
      for (const s of expr.steps) {
        if (s.test.kind === 'name' && s.test.local !== '*') names.add(s.test.local);
        else if (s.axis !== 'self' && s.axis !== 'parent' && s.axis !== 'ancestor' && s.axis !== 'ancestor-or-self') return false;
        if (!s.predicates.every((p) => collectNames(p, names))) return false;
      }
      return true;
    }
    default:
      return true;
  }
}

/** Names used by the expressions of the schema set, or ALL when some step matches any name. */
function referencedNames(schema: SchemaSet): Set<string> | typeof ALL {
  const names = new Set<string>();
  let all = false;
  const expression = (text: string): void => {
    const parsed = parseXPath(text);
    if ('ast' in parsed && !collectNames(parsed.ast, names)) all = true;
  };
  const type = (t: TypeIR): void => {
    if (t.leafref) expression(t.leafref.path);
    t.union?.forEach(type);
  };
  const visit = (n: SchemaNode): void => {
    n.must?.forEach((m) => expression(m.expr));
    n.when?.forEach((w) => expression(w.expr));
    switch (n.kind) {
      case 'leaf':
      case 'leaf-list':
        type(n.type);
        break;
      case 'list':
        for (const u of n.unique) for (const p of u) for (const part of p.split('/')) names.add(part.slice(part.indexOf(':') + 1));
        n.children.forEach(visit);
        break;
      case 'container':
      case 'notification':
        n.children.forEach(visit);
        break;
      case 'choice':
        n.cases.forEach(visit);
        break;
      case 'case':
        n.children.forEach(visit);
        break;
      case 'rpc':
      case 'action':
        n.input?.forEach(visit);
        n.output?.forEach(visit);
        break;
      default:
        break;
    }
  };
  for (const m of Object.values(schema.modules)) [...m.data, ...m.rpcs, ...m.notifications].forEach(visit);
  return all ? ALL : names;
}

const filters = new WeakMap<SchemaSet, (n: SchemaNode) => boolean>();

/** Whether a default node for `n` (a leaf, leaf-list, container or choice) can matter to any rule. */
export function defaultRelevance(schema: SchemaSet): (n: SchemaNode) => boolean {
  let filter = filters.get(schema);
  if (filter) return filter;
  const names = referencedNames(schema);
  if (names === ALL) filter = () => true;
  else {
    const memo = new WeakMap<SchemaNode, boolean>();
    const relevant = (n: SchemaNode): boolean => {
      let r = memo.get(n);
      if (r !== undefined) return r;
      memo.set(n, false); // no cycles in the IR; guards against none the less
      switch (n.kind) {
        case 'leaf':
        case 'leaf-list': {
          const ref = n.type.base === 'leafref' || n.type.base === 'instance-identifier';
          r = names.has(n.name) || !!n.must?.length || (ref && n.type.requireInstance !== false) || (n.kind === 'leaf' ? n.mandatory : n.minElements > 0);
          break;
        }
        case 'anydata':
        case 'anyxml':
          r = n.mandatory;
          break;
        case 'list':
          r = n.minElements > 0;
          break;
        case 'container':
          r = names.has(n.name) || !!n.must?.length || n.children.some(relevant);
          break;
        case 'choice':
          r = n.mandatory || n.cases.some((c) => c.children.some(relevant));
          break;
        default:
          r = true;
      }
      memo.set(n, r);
      return r;
    };
    filter = relevant;
  }
  filters.set(schema, filter);
  return filter;
}
