/**
 * The function library: XPath 1.0 section 4 and the YANG functions of RFC 7950 section 10.
 * Each entry turns the compiled arguments into the compiled call; arities are checked by the
 * parser (XPATH_FUNCTIONS), so an entry may rely on them. deref() evaluates a path, so the
 * evaluator adds it (evaluate.ts LIBRARY).
 */
import { xsdToEcma } from '../compile/xsd-regex.js';
import { qualify } from './compare.js';
import { nodeSet, type CompileScope, type Eval, type Runtime } from './runtime.js';
import type { XNode } from './node.js';
import { holdsIdentity, leafType, memberTypes } from './types.js';
import { stringToNumber, stringValue, toBoolean, toNumber, toStringValue, type XValue } from './values.js';

export type Builder = (args: Eval[], scope: CompileScope, offset: number) => Eval;

/** The argument as a node-set, or the context node when the optional argument is absent (4.1, 4.2). */
function nodesArg(arg: Eval | undefined, scope: CompileScope, offset: number, name: string): Eval {
  if (!arg) return (n) => [n];
  return (n, p, s, rt) => nodeSet(arg(n, p, s, rt), scope, offset, `${name}()`);
}

/** A function of the string-values of its arguments (the context node's when the optional one is absent). */
function onStrings<T extends XValue>(f: (...s: string[]) => T): Builder {
  return (args) => {
    if (args.length === 0) return (n) => f(stringValue(n));
    if (args.length === 1) {
      const [a] = args as [Eval];
      return (n, p, s, rt) => f(toStringValue(a(n, p, s, rt)));
    }
    return (n, p, s, rt) => f(...args.map((a) => toStringValue(a(n, p, s, rt))));
  };
}

function onNumber(f: (x: number) => number): Builder {
  return ([a]) => (n, p, s, rt) => f(toNumber(a!(n, p, s, rt)));
}

/** The first node of a node-set argument (document order), for functions that read one node. */
export function onFirstNode<T extends XValue>(name: string, f: (n: XNode | undefined, rt: Runtime, rest: XValue[]) => T): Builder {
  return (args, scope, offset) => {
    const nodes = nodesArg(args[0], scope, offset, name);
    const rest = args.slice(1);
    return (n, p, s, rt) => f((nodes(n, p, s, rt) as XNode[])[0], rt, rest.map((a) => a(n, p, s, rt)));
  };
}

// ---- Strings are sequences of characters, not UTF-16 units (XPath 1.0 4.2).

const SURROGATE = /[\uD800-\uDFFF]/;
const chars = (s: string): string[] | string => (SURROGATE.test(s) ? Array.from(s) : s);
const length = (s: string): number => (SURROGATE.test(s) ? Array.from(s).length : s.length);

/** substring() (4.2): the characters at positions p with round(start) <= p < round(start) + round(length). */
function substring(s: string, start: number, len: number | undefined): string {
  const first = Math.round(start);
  const c = chars(s);
  const from = Math.max(first, 1);
  const to = len === undefined ? c.length + 1 : Math.min(first + Math.round(len), c.length + 1);
  if (!(from < to)) return ''; // also when NaN
  return typeof c === 'string' ? c.slice(from - 1, to - 1) : c.slice(from - 1, to - 1).join('');
}

const XML_SPACE = /[\x20\t\r\n]+/g;

function translate(s: string, from: string, to: string): string {
  const f = Array.from(from);
  const t = Array.from(to);
  let out = '';
  for (const ch of s) {
    const i = f.indexOf(ch);
    if (i < 0) out += ch;
    else if (i < t.length) out += t[i];
  }
  return out;
}

// ---- YANG (RFC 7950 section 10)

const patterns = new Map<string, RegExp | string>();

/** re-match (10.2.1): the whole string matches the XSD regular expression. */
function reMatch(scope: CompileScope, offset: number, subject: string, pattern: string): boolean {
  let re = patterns.get(pattern);
  if (re === undefined) {
    const r = xsdToEcma(pattern);
    re = 'error' in r ? r.error : new RegExp(r.source, 'u');
    patterns.set(pattern, re);
  }
  if (typeof re === 'string') scope.fail('invalid-pattern', offset, `invalid regular expression "${pattern}": ${re}`);
  return re.test(subject);
}

/** derived-from / derived-from-or-self (10.4.1, 10.5.1): some identityref node names an identity derived from `base`. */
function derivedFrom(nodes: XNode[], baseName: string, orSelf: boolean, rt: Runtime): boolean {
  const base = qualify(baseName, rt);
  const { identities } = rt.env;
  for (const n of nodes) {
    if (!holdsIdentity(n) || typeof n.value !== 'string') continue;
    if (orSelf && n.value === base) return true;
    // Walk up the bases (YANG 1.1 allows several per identity).
    const seen = new Set<string>();
    const todo = [n.value];
    while (todo.length) {
      for (const b of identities[todo.pop()!]?.bases ?? []) {
        if (b === base) return true;
        if (!seen.has(b)) (seen.add(b), todo.push(b));
      }
    }
  }
  return false;
}

function enumValue(n: XNode | undefined): number {
  const type = n && leafType(n);
  if (!type || typeof n.value !== 'string') return NaN;
  for (const t of memberTypes(type)) {
    const e = t.base === 'enumeration' ? t.enums?.find((x) => x.name === n.value) : undefined;
    if (e) return e.value;
  }
  return NaN;
}

function bitIsSet(n: XNode | undefined, bit: string): boolean {
  const type = n && leafType(n);
  if (!type || typeof n.value !== 'string') return false;
  for (const t of memberTypes(type)) if (t.base === 'bits' && t.bits?.some((b) => b.name === bit)) return n.value.split(/\s+/).includes(bit);
  return false;
}

export const FUNCTIONS: Record<string, Builder> = {
  // 4.1 node-set functions
  last: () => (_n, _p, size) => size,
  position: () => (_n, position) => position,
  count: ([a], scope, offset) => {
    const nodes = nodesArg(a, scope, offset, 'count');
    return (n, p, s, rt) => (nodes(n, p, s, rt) as XNode[]).length;
  },
  // The YANG data model has no ID attributes.
  id: () => () => [],
  'local-name': onFirstNode('local-name', (n) => n?.name ?? ''),
  'namespace-uri': onFirstNode('namespace-uri', (n, rt) => (n?.kind === 'element' ? (rt.env.namespaceOf?.(n.module) ?? '') : '')),
  // The QName of the node with its module name as prefix (the prefix XPath would show is the instance's choice; RFC 7951 names modules).
  name: onFirstNode('name', (n) => (n?.kind === 'element' ? `${n.module}:${n.name}` : '')),

  // 4.2 string functions
  string: (args) => {
    const [a] = args;
    return a ? (n, p, s, rt) => toStringValue(a(n, p, s, rt)) : (n) => stringValue(n);
  },
  concat: onStrings((...s) => s.join('')),
  'starts-with': onStrings((s, t) => s!.startsWith(t!)),
  contains: onStrings((s, t) => s!.includes(t!)),
  'substring-before': onStrings((s, t) => {
    const i = s!.indexOf(t!);
    return i < 0 ? '' : s!.slice(0, i);
  }),
  'substring-after': onStrings((s, t) => {
    const i = s!.indexOf(t!);
    return i < 0 ? '' : s!.slice(i + t!.length);
  }),
  substring: ([a, start, len]) => (n, p, s, rt) =>
    substring(toStringValue(a!(n, p, s, rt)), toNumber(start!(n, p, s, rt)), len && toNumber(len(n, p, s, rt))),
  'string-length': onStrings((s) => length(s!)),
  'normalize-space': onStrings((s) => s!.replace(XML_SPACE, ' ').replace(/^ | $/g, '')),
  translate: onStrings((s, from, to) => translate(s!, from!, to!)),

  // 4.3 boolean functions
  boolean: ([a]) => (n, p, s, rt) => toBoolean(a!(n, p, s, rt)),
  not: ([a]) => (n, p, s, rt) => !toBoolean(a!(n, p, s, rt)),
  true: () => () => true,
  false: () => () => false,
  // Instance data carries no xml:lang.
  lang: () => () => false,

  // 4.4 number functions
  number: (args) => {
    const [a] = args;
    return a ? (n, p, s, rt) => toNumber(a(n, p, s, rt)) : (n) => stringToNumber(stringValue(n));
  },
  sum: ([a], scope, offset) => {
    const nodes = nodesArg(a, scope, offset, 'sum');
    return (n, p, s, rt) => {
      let total = 0;
      for (const m of nodes(n, p, s, rt) as XNode[]) total += stringToNumber(stringValue(m));
      return total;
    };
  },
  floor: onNumber(Math.floor),
  ceiling: onNumber(Math.ceil),
  // Math.round is XPath's round: ties toward positive infinity, -0 for [-0.5, -0), NaN and infinities unchanged.
  round: onNumber(Math.round),

  // RFC 7950 10.1.1
  current: () => (_n, _p, _s, rt) => [rt.current],
  // 10.2.1
  're-match': ([a, b], scope, offset) => (n, p, s, rt) =>
    reMatch(scope, offset, toStringValue(a!(n, p, s, rt)), toStringValue(b!(n, p, s, rt))),
  // 10.4.1, 10.5.1
  'derived-from': derivedFromBuilder(false),
  'derived-from-or-self': derivedFromBuilder(true),
  // 10.5.1
  'enum-value': onFirstNode('enum-value', (n) => enumValue(n)),
  // 10.6.1
  'bit-is-set': onFirstNode('bit-is-set', (n, _rt, [bit]) => bitIsSet(n, toStringValue(bit!))),
};

function derivedFromBuilder(orSelf: boolean): Builder {
  return ([a, b], scope, offset) => {
    const nodes = nodesArg(a, scope, offset, orSelf ? 'derived-from-or-self' : 'derived-from');
    return (n, p, s, rt) => derivedFrom(nodes(n, p, s, rt) as XNode[], toStringValue(b!(n, p, s, rt)), orSelf, rt);
  };
}
