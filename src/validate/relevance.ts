/**
 * Which default nodes are worth adding to the instance tree. A default leaf or an
 * implicit non-presence container that no XPath expression can name, that carries no
 * rule of its own and holds nothing that must be checked, changes no verdict: adding
 * it for every list entry of a large document (OpenConfig has dozens per interface)
 * only costs time. Names are collected from every must, when and leafref path of the
 * schema set and every unique argument; a wildcard or node() step on a child or
 * descendant axis, or an instance-identifier leaf (its value may name any node), makes
 * every node relevant. deref() of a leafref reaches the nodes its path names, collected
 * with the leafref paths. (Not covered: the string-value of a
 * container, which concatenates its descendants' values; YANG models do not compare those.)
 */
import type { SchemaNode, SchemaSet, TypeIR } from '../ir/types.js';
import { type XPathExpr, parseXPath } from '../xpath/parse.js';

const ALL = 'all';

interface Names {
  /** Every name a step tests, as `module:name` (unprefixed: the module of the node holding the expression). */
  any: Set<string>;
  /** Local names of unique arguments (written with prefixes the IR does not resolve). */
  unique: Set<string>;
  /** Names tested by the last step of a path: the nodes whose existence or value the expression reads (a container named only on the way to its children matters through them). */
  last: Set<string>;
}

/** Where an expression is written: module of its unprefixed names, its prefix table. */
interface Scope {
  module: string;
  prefixes: Record<string, string>;
}

function collectNames(expr: XPathExpr, names: Names, scope: Scope): boolean {
  const sub = (e: XPathExpr): boolean => collectNames(e, names, scope);
  switch (expr.kind) {
    case 'binary':
      return sub(expr.left) && sub(expr.right);
    case 'negate':
      return sub(expr.operand);
    case 'call':
      return expr.args.every(sub);
    case 'filter':
      return sub(expr.primary) && expr.predicates.every(sub);
    case 'path': {
      if (expr.filter && !sub(expr.filter)) return false;
      for (const [i, s] of expr.steps.entries()) {
        if (s.test.kind === 'name' && s.test.local !== '*') {
          const module = s.test.prefix === undefined ? scope.module : (scope.prefixes[s.test.prefix] ?? s.test.prefix);
          const name = `${module}:${s.test.local}`;
          names.any.add(name);
          if (i === expr.steps.length - 1) names.last.add(name);
        } else if (s.axis !== 'self' && s.axis !== 'parent' && s.axis !== 'ancestor' && s.axis !== 'ancestor-or-self') return false;
        if (!s.predicates.every(sub)) return false;
      }
      return true;
    }
    default:
      return true;
  }
}

/** Names used by the expressions of the schema set, or ALL when some step matches any name. */
function referencedNames(schema: SchemaSet): Names | typeof ALL {
  const names: Names = { any: new Set(), unique: new Set(), last: new Set() };
  let all = false;
  const expression = (text: string, scope: Scope): void => {
    const parsed = parseXPath(text);
    if ('ast' in parsed && !collectNames(parsed.ast, names, scope)) all = true;
  };
  const type = (t: TypeIR, module: string): void => {
    if (t.leafref) expression(t.leafref.path, { module, prefixes: t.leafref.prefixes });
    // An instance-identifier value may name any node, a default leaf included (RFC 7950 6.4.1,
    // 7.6.1: it exists in the accessible tree), for require-instance and for deref().
    if (t.base === 'instance-identifier') all = true;
    t.union?.forEach((u) => type(u, module));
  };
  const visit = (n: SchemaNode): void => {
    n.must?.forEach((m) => expression(m.expr, { module: n.module, prefixes: m.prefixes }));
    n.when?.forEach((w) => expression(w.expr, { module: n.module, prefixes: w.prefixes }));
    switch (n.kind) {
      case 'leaf':
      case 'leaf-list':
        type(n.type, n.module);
        break;
      case 'list':
        for (const u of n.unique) for (const p of u) for (const part of p.split('/')) names.unique.add(part.slice(part.indexOf(':') + 1));
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
          r = names.any.has(`${n.module}:${n.name}`) || names.unique.has(n.name) || !!n.must?.length || (ref && n.type.requireInstance !== false) || (n.kind === 'leaf' ? n.mandatory : n.minElements > 0);
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
          r = names.last.has(`${n.module}:${n.name}`) || !!n.must?.length || n.children.some(relevant);
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
