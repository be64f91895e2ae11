import type { Unit } from '../modules/loader.js';
import type { Statement } from '../syntax/statement.js';
import { argLoc, moduleOfPrefix, splitQName, type Compilation } from './context.js';
import { LIMITS, tooDeepMessage } from '../limits.js';

/** Whether a feature of a module is enabled: selected (default all) and its own if-features hold. */
export function featureEnabled(c: Compilation, module: string, feature: string, seen = new Set<string>()): boolean {
  const key = `${module}:${feature}`;
  const cached = c.featureCache.get(key);
  if (cached !== undefined) return cached;
  const mod = c.mods.get(module);
  const def = mod?.features.get(feature);
  if (!mod || !def || seen.has(key)) return false;
  seen.add(key);
  const selected = c.featureSelection?.[module];
  let on = selected === undefined || selected.includes(feature);
  if (on) on = ifFeaturesHold(c, def.stmt, def.unit, seen);
  c.featureCache.set(key, on);
  return on;
}

/**
 * True when every if-feature under `stmt` evaluates to true. Called for every node, enum and
 * bit: nothing is allocated for a statement without if-feature.
 */
export function ifFeaturesHold(c: Compilation, stmt: Statement, unit: Unit, seen?: Set<string>): boolean {
  for (const iff of stmt.children) {
    if (iff.keyword !== 'if-feature' || iff.prefix !== undefined) continue;
    if (!evaluateIfFeature(c, iff, unit, (seen ??= new Set<string>()))) return false;
  }
  return true;
}

/** Evaluates an if-feature expression (RFC 7950 7.20.2: not, and, or, parentheses). */
function evaluateIfFeature(c: Compilation, stmt: Statement, unit: Unit, seen: Set<string>): boolean {
  const text = stmt.arg ?? '';
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  let depth = 0;
  let failed = false;
  const fail = (msg: string): boolean => {
    if (!failed) c.sink.error('bad-if-feature', argLoc(stmt), `invalid if-feature expression "${text}": ${msg}`);
    failed = true;
    return false;
  };
  const primary = (): boolean => {
    const t = tokens[i++];
    if (t === undefined) return fail('unexpected end');
    if ((t === 'not' || t === '(') && ++depth > LIMITS.xpathNesting) {
      // Each 'not' and '(' recurses once: bound them instead of overflowing the stack.
      if (!failed) c.sink.error('too-deep', argLoc(stmt), `invalid if-feature expression: ${tooDeepMessage('"not" or parenthesis', LIMITS.xpathNesting)}`);
      failed = true;
      i = tokens.length; // nothing more to evaluate
      return false;
    }
    if (t === 'not') {
      const v = !primary();
      depth--;
      return v;
    }
    if (t === '(') {
      const v = or();
      depth--;
      if (tokens[i++] !== ')') return fail('missing ")"');
      return v;
    }
    if (t === ')' || t === 'and' || t === 'or') return fail(`unexpected "${t}"`);
    return feature(t);
  };
  const and = (): boolean => {
    let v = primary();
    while (tokens[i] === 'and') {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === 'or') {
      i++;
      v = and() || v;
    }
    return v;
  };
  const feature = (qname: string): boolean => {
    const [prefix, name] = splitQName(qname);
    const mod = moduleOfPrefix(c, unit, prefix, argLoc(stmt));
    if (!mod) {
      failed = true;
      return false;
    }
    if (!mod.features.has(name)) {
      c.sink.error('unknown-feature', argLoc(stmt), `feature "${qname}" is not defined in module "${mod.name}"`);
      failed = true;
      return false;
    }
    return featureEnabled(c, mod.name, name, seen);
  };
  const value = or();
  if (i < tokens.length) fail(`unexpected "${tokens[i]}"`);
  return failed ? false : value;
}
