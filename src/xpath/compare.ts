/**
 * Comparisons of XPath 1.0 3.4: node-sets compare through their nodes' string-values (true when
 * SOME node or pair of nodes satisfies the comparison, so an empty node-set makes every
 * comparison false), `<`, `<=`, `>`, `>=` always compare numbers. Identityref leaves compare with
 * strings as qualified names (RFC 7950 9.10.3): see `qualify`.
 */
import type { Runtime } from './runtime.js';
import type { XNode } from './node.js';
import { holdsIdentity } from './types.js';
import { stringToNumber, stringValue, toBoolean, toNumber, type XValue } from './values.js';

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** The same comparison with its operands swapped. */
export const SWAPPED: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * A string compared with (or naming) an identity, as a qualified name `module:identity`
 * (RFC 7950 9.10.3): its prefix mapped through the expression's prefixes, or already a module
 * name; an unprefixed name is in the default module.
 */
export function qualify(s: string, rt: Runtime): string {
  const colon = s.indexOf(':');
  if (colon < 0) return `${rt.env.defaultModule}:${s}`;
  const module = rt.prefixes[s.slice(0, colon)];
  return module === undefined ? s : module + s.slice(colon);
}

function numbers(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** Two values neither of which is a node-set (3.4, last paragraphs). */
function atoms(op: CompareOp, a: string | number | boolean, b: string | number | boolean): boolean {
  if (op === '=' || op === '!=') {
    let equal: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') equal = toBoolean(a) === toBoolean(b);
    else if (typeof a === 'number' || typeof b === 'number') equal = toNumber(a) === toNumber(b);
    else equal = a === b;
    return op === '=' ? equal : !equal;
  }
  return numbers(op, toNumber(a), toNumber(b));
}

/** An identityref value is always `module:identity`: only a text with a colon needs the type looked up. */
export function nodeEquals(n: XNode, text: string, s: string, rt: Runtime): boolean {
  return text === s || (text.includes(':') && holdsIdentity(n) && text === qualify(s, rt));
}

/** A node-set compared with a string, number or boolean, the node-set on the left. */
function nodesWith(op: CompareOp, nodes: XNode[], other: string | number | boolean, rt: Runtime): boolean {
  if (typeof other === 'boolean') return atoms(op, nodes.length > 0, other);
  if (typeof other === 'number' || (op !== '=' && op !== '!=')) {
    const b = toNumber(other);
    for (const n of nodes) if (numbers(op, stringToNumber(stringValue(n)), b)) return true;
    return false;
  }
  const want = op === '=';
  for (const n of nodes) if (nodeEquals(n, stringValue(n), other, rt) === want) return true;
  return false;
}

/** Two node-sets: some pair of nodes, one from each, satisfies the comparison. */
function nodesWithNodes(op: CompareOp, a: XNode[], b: XNode[], rt: Runtime): boolean {
  if (!a.length || !b.length) return false;
  if (op === '=' || op === '!=') {
    if (b.length === 1) return nodesWith(op, a, stringValue(b[0]!), rt);
    if (a.length === 1) return nodesWith(op, b, stringValue(a[0]!), rt);
    const bs = b.map(stringValue);
    if (op === '=') {
      const set = new Set(bs);
      for (const n of a) {
        const s = stringValue(n);
        if (set.has(s) || (holdsIdentity(n) && bs.some((t) => nodeEquals(n, s, t, rt)))) return true;
      }
      return false;
    }
    // Some pair differs unless every node of both sets has one same value.
    const first = stringValue(a[0]!);
    return bs.some((s) => s !== first) || a.some((n) => stringValue(n) !== first);
  }
  // Relational: compare the extreme numbers (NaN satisfies nothing).
  const extremes = (nodes: XNode[]) => {
    let min = Infinity;
    let max = -Infinity;
    let any = false;
    for (const n of nodes) {
      const x = stringToNumber(stringValue(n));
      if (Number.isNaN(x)) continue;
      any = true;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    return any ? { min, max } : undefined;
  };
  const ea = extremes(a);
  const eb = extremes(b);
  if (!ea || !eb) return false;
  return op === '<' || op === '<=' ? numbers(op, ea.min, eb.max) : numbers(op, ea.max, eb.min);
}

export function compare(op: CompareOp, a: XValue, b: XValue, rt: Runtime): boolean {
  const an = Array.isArray(a);
  const bn = Array.isArray(b);
  if (an && bn) return nodesWithNodes(op, a, b, rt);
  if (an) return nodesWith(op, a, b as string | number | boolean, rt);
  if (bn) return nodesWith(SWAPPED[op], b, a, rt);
  return atoms(op, a, b);
}
