import type { BitIR, BuiltinType, EnumIR, Interval, PatternIR, Status, TypeIR } from '../ir/types.js';
import type { Statement } from '../syntax/statement.js';
import { argLoc, child, childArg, childrenOf, findDefinition, moduleOfPrefix, peekDefinition, splitQName, type Compilation, type ResolvedTypedef, type Scope } from './context.js';
import { ifFeaturesHold } from './features.js';
import { decimal64Range, INTEGER_RANGES, isIntegerType, LENGTH_RANGE, parseIntervals, scaled } from './numbers.js';
import { xsdToEcma } from './xsd-regex.js';
import { usedPrefixMap } from '../xpath/parse.js';
import { BUILTIN_TYPES } from './builtin-types.js';

const BUILTINS = BUILTIN_TYPES;

const FALLBACK = (name: string): TypeIR => ({ base: 'string', name });

/** Resolves a `type` statement written in `scope` into a fully merged TypeIR. */
export function resolveType(c: Compilation, stmt: Statement, scope: Scope): TypeIR {
  const name = stmt.arg ?? '';
  let t: TypeIR;
  if (BUILTINS.has(name)) {
    t = { base: name as BuiltinType, name };
    if (isIntegerType(t.base)) t.range = [INTEGER_RANGES[t.base]!];
  } else {
    const def = findDefinition(c, scope, 'typedef', name, argLoc(stmt));
    if (def === null) return FALLBACK(name);
    if (!def) {
      c.sink.error('unknown-type', argLoc(stmt), `type "${name}" is not defined`);
      return FALLBACK(name);
    }
    const resolved = resolveTypedef(c, def);
    if (!resolved) return FALLBACK(name);
    const owner = c.typedefScopes.get(def)!.unit.moduleName;
    t = instantiate(c, { ...resolved.type, name, typedef: { module: owner, name: def.arg! } });
    c.typedefExtras.set(t, resolved);
  }
  applyRestrictions(c, t, stmt, scope, BUILTINS.has(name));
  return t;
}

/** A typedef's type, units and default, each inherited along the chain (cached; null if circular or broken). */
export function resolveTypedef(c: Compilation, def: Statement): ResolvedTypedef | null {
  const cached = c.typedefCache.get(def);
  if (cached !== undefined) return cached;
  // `def` and the typedefs it derives from, nearest first, resolved deepest first so that a
  // long chain recurses one level at a time instead of once per typedef of the chain.
  const chain = [def];
  const inChain = new Set(chain);
  for (let d = def; ; ) {
    const name = child(d, 'type')?.arg ?? '';
    const scope = c.typedefScopes.get(d);
    const next = BUILTINS.has(name) || !scope ? undefined : peekDefinition(c, scope, 'typedef', name);
    if (!next || c.typedefCache.has(next) || c.typedefsInProgress.has(next)) break;
    if (inChain.has(next)) {
      c.sink.error('circular-typedef', next.loc, `typedef "${next.arg}" is defined in terms of itself`);
      for (const member of chain.slice(chain.indexOf(next))) c.typedefCache.set(member, null);
      break;
    }
    chain.push(next);
    inChain.add(next);
    d = next;
  }
  for (let i = chain.length - 1; i >= 0; i--) resolveOne(c, chain[i]);
  return c.typedefCache.get(def) ?? null;
}

function resolveOne(c: Compilation, def: Statement): ResolvedTypedef | null {
  const cached = c.typedefCache.get(def);
  if (cached !== undefined) return cached;
  if (c.typedefsInProgress.has(def)) {
    c.sink.error('circular-typedef', def.loc, `typedef "${def.arg}" is defined in terms of itself`);
    return null;
  }
  const typeStmt = child(def, 'type');
  const scope = c.typedefScopes.get(def)!;
  if (!typeStmt) {
    c.typedefCache.set(def, null); // reported by the grammar check
    return null;
  }
  const baseDef = BUILTINS.has(typeStmt.arg ?? '') ? undefined : findDefinition(c, scope, 'typedef', typeStmt.arg ?? '', argLoc(typeStmt));
  c.typedefsInProgress.add(def);
  const type = resolveType(c, typeStmt, scope);
  const base = baseDef ? c.typedefCache.get(baseDef) : undefined;
  const own = childArg(def, 'default');
  const result: ResolvedTypedef = {
    type,
    units: childArg(def, 'units') ?? base?.units,
    default: own ?? base?.default,
    defaultOf: own !== undefined ? def : base?.defaultOf,
  };
  c.typedefsInProgress.delete(def);
  c.typedefCache.set(def, result);
  return result;
}

/** Copies the parts of a type a use site may fill in (leafref targets), so typedefs stay shared. */
function instantiate(c: Compilation, t: TypeIR): TypeIR {
  if (t.leafref) {
    const leafref = { path: t.leafref.path, prefixes: t.leafref.prefixes };
    const unit = c.leafrefUnits.get(t.leafref);
    if (unit) c.leafrefUnits.set(leafref, unit);
    return { ...t, leafref };
  }
  if (t.union) return { ...t, union: t.union.map((m) => instantiate(c, m)) };
  return t;
}

function applyRestrictions(c: Compilation, t: TypeIR, stmt: Statement, scope: Scope, builtin: boolean): void {
  const unit = scope.unit;
  const yang10 = c.mods.get(unit.moduleName)?.ir.yangVersion === '1';
  const bad = (s: Statement): void =>
    c.sink.error('bad-restriction', s.loc, `"${s.keyword}" cannot restrict type "${t.name}" (${t.base})`);

  const fd = child(stmt, 'fraction-digits');
  if (t.base === 'decimal64') {
    if (builtin) {
      const n = Number(fd?.arg);
      if (!fd) c.sink.error('missing-fraction-digits', stmt.loc, 'decimal64 needs a fraction-digits statement');
      else if (!Number.isInteger(n) || n < 1 || n > 18) c.sink.error('bad-fraction-digits', argLoc(fd), `fraction-digits must be 1..18, not "${fd.arg}"`);
      t.fractionDigits = Number.isInteger(n) && n >= 1 && n <= 18 ? n : 2;
      t.range = [decimal64Range(t.fractionDigits)];
    } else if (fd) bad(fd);
  } else if (fd) bad(fd);

  let ownPatterns: PatternIR[] | undefined;
  for (const s of stmt.children) {
    if (s.prefix !== undefined) continue;
    switch (s.keyword) {
      case 'range': {
        if (!t.range) {
          bad(s);
          break;
        }
        const digits = t.fractionDigits;
        const ok = (v: string): boolean =>
          scaled(v) !== undefined && (digits === undefined ? !v.includes('.') : (v.split('.')[1] ?? '').length <= digits);
        t.range = restrictIntervals(c, s, t.range, ok, 'range');
        break;
      }
      case 'length':
        if (t.base !== 'string' && t.base !== 'binary') bad(s);
        else t.length = restrictIntervals(c, s, t.length ?? [LENGTH_RANGE], (v) => /^\d+$/.test(v), 'length');
        break;
      case 'pattern': {
        if (t.base !== 'string') {
          bad(s);
          break;
        }
        const regex = s.arg ?? '';
        const converted = xsdToEcma(regex);
        if ('error' in converted) {
          c.sink.error('bad-pattern', argLoc(s), `invalid pattern "${regex}": ${converted.error}`);
          break;
        }
        const modifier = childArg(s, 'modifier');
        // The base's list is shared with the typedef: copied once, by the first pattern written here.
        if (!ownPatterns) t.patterns = ownPatterns = [...(t.patterns ?? [])];
        ownPatterns.push({
          regex,
          ecma: converted.source,
          invertMatch: modifier === 'invert-match',
          errorMessage: childArg(s, 'error-message'),
          errorAppTag: childArg(s, 'error-app-tag'),
        });
        break;
      }
      case 'path':
        if (t.base !== 'leafref' || !builtin) bad(s);
        else {
          t.leafref = { path: s.arg ?? '', prefixes: usedPrefixMap(s.arg ?? '', unit.prefixes) };
          c.leafrefUnits.set(t.leafref, unit);
        }
        break;
      case 'require-instance':
        // RFC 7950 9.9.3: leafref takes require-instance from YANG 1.1 on (RFC 6020 erratum 2949).
        if (t.base !== 'leafref' && t.base !== 'instance-identifier') bad(s);
        else if (t.base === 'leafref' && yang10) {
          c.sink.error('bad-restriction', s.loc, `"require-instance" cannot restrict a leafref in a YANG 1.0 module`);
        } else t.requireInstance = s.arg !== 'false';
        break;
      case 'base':
        if (t.base !== 'identityref' || !builtin) bad(s);
        break;
      case 'type':
        if (t.base !== 'union' || !builtin) bad(s);
        break;
      case 'enum':
      case 'bit':
        if (t.base !== (s.keyword === 'enum' ? 'enumeration' : 'bits')) bad(s);
        // RFC 7950 section 1.1: enumerations and bits can be subtyped from YANG 1.1 on.
        else if (!builtin && yang10) c.sink.error('bad-restriction', s.loc, `"${s.keyword}" cannot restrict a derived ${t.base} type in a YANG 1.0 module`);
        break;
    }
  }
  if (t.base === 'enumeration') t.enums = restrictEnums(c, t, stmt, unit, builtin);
  if (t.base === 'bits') t.bits = restrictBits(c, t, stmt, unit, builtin);
  if (t.base === 'leafref' && builtin && !t.leafref) {
    c.sink.error('missing-path', stmt.loc, 'leafref needs a path statement');
    t.leafref = { path: '', prefixes: {} };
  }
  if ((t.base === 'leafref' || t.base === 'instance-identifier') && t.requireInstance === undefined) t.requireInstance = true;
  if (t.base === 'identityref' && builtin) t.identityref = identityrefValues(c, stmt, scope);
  if (t.base === 'union' && builtin) {
    const members = childrenOf(stmt, 'type');
    if (members.length === 0) c.sink.error('missing-type', stmt.loc, 'union needs at least one member type');
    t.union = members.map((m) => resolveType(c, m, scope));
    // RFC 6020 9.12: in YANG 1.0 no member type may be empty or leafref (RFC 7950 section 1.1 lifted this).
    if (yang10) {
      members.forEach((m, i) => {
        const base = t.union![i]?.base;
        if (base === 'empty' || base === 'leafref') c.sink.error('bad-union-member', m.loc, `a union cannot have a member of type ${base} in a YANG 1.0 module`);
      });
    }
  }
}

function restrictIntervals(
  c: Compilation,
  s: Statement,
  base: Interval[],
  ok: (v: string) => boolean,
  what: 'range' | 'length',
): Interval[] {
  const r = parseIntervals(s.arg ?? '', base, ok);
  if ('error' in r) {
    c.sink.error(r.outside ? `${what}-outside-base` : `bad-${what}`, argLoc(s), `invalid ${what} "${s.arg}": ${r.error}`);
    return base;
  }
  return r.intervals;
}

function statusOf(s: Statement): Status {
  const v = childArg(s, 'status');
  return v === 'deprecated' || v === 'obsolete' ? v : 'current';
}

function restrictEnums(c: Compilation, t: TypeIR, stmt: Statement, unit: Scope['unit'], builtin: boolean): EnumIR[] {
  const written = childrenOf(stmt, 'enum').filter((e) => ifFeaturesHold(c, e, unit));
  if (!builtin) return written.length ? restrictNamed(c, t.enums ?? [], written, 'value', 'enum') : (t.enums ?? []);
  if (written.length === 0) c.sink.error('missing-enum', stmt.loc, 'enumeration needs at least one enum');
  const out: EnumIR[] = [];
  const names = new Set<string>();
  const values = new Set<number>();
  let next = 0;
  for (const e of written) {
    const name = e.arg ?? '';
    if (names.has(name)) c.sink.error('duplicate-enum', argLoc(e), `enum "${name}" is defined twice`);
    names.add(name);
    const v = child(e, 'value');
    let value = next;
    // RFC 7950 9.6.4.2: after the value 2147483647 every enum needs an explicit value.
    if (!v && next > 2147483647) c.sink.error('bad-enum-value', argLoc(e), `enum "${name}" needs a value: the previous value is 2147483647`);
    if (v) {
      value = Number(v.arg);
      if (!/^[+-]?\d+$/.test(v.arg ?? '') || value < -2147483648 || value > 2147483647) {
        c.sink.error('bad-enum-value', argLoc(v), `enum value "${v.arg}" is not an int32`);
      } else if (values.has(value)) {
        c.sink.error('duplicate-enum', argLoc(v), `enum value ${value} is used twice`);
      }
    }
    values.add(value);
    next = value + 1;
    out.push(conditional(c, e, { name, value, description: childArg(e, 'description'), status: statusOf(e) }));
  }
  return out;
}

function restrictBits(c: Compilation, t: TypeIR, stmt: Statement, unit: Scope['unit'], builtin: boolean): BitIR[] {
  const written = childrenOf(stmt, 'bit').filter((e) => ifFeaturesHold(c, e, unit));
  if (!builtin) return written.length ? restrictNamed(c, t.bits ?? [], written, 'position', 'bit') : (t.bits ?? []);
  if (written.length === 0) c.sink.error('missing-bit', stmt.loc, 'bits needs at least one bit');
  const out: BitIR[] = [];
  const names = new Set<string>();
  const positions = new Set<number>();
  let next = 0;
  for (const b of written) {
    const name = b.arg ?? '';
    if (names.has(name)) c.sink.error('duplicate-bit', argLoc(b), `bit "${name}" is defined twice`);
    names.add(name);
    const p = child(b, 'position');
    let position = next;
    // RFC 7950 9.7.4.2: after the position 4294967295 every bit needs an explicit position.
    if (!p && next > 4294967295) c.sink.error('bad-bit-position', argLoc(b), `bit "${name}" needs a position: the previous position is 4294967295`);
    if (p) {
      position = Number(p.arg);
      if (!/^\d+$/.test(p.arg ?? '') || position > 4294967295) c.sink.error('bad-bit-position', argLoc(p), `bit position "${p.arg}" is not a uint32`);
      else if (positions.has(position)) c.sink.error('duplicate-bit', argLoc(p), `bit position ${position} is used twice`);
    }
    positions.add(position);
    next = position + 1;
    out.push(conditional(c, b, { name, position, description: childArg(b, 'description'), status: statusOf(b) }));
  }
  return out;
}

/** Remembers the enums and bits that have an if-feature, which no default may name (RFC 7950 7.6.4). */
function conditional<T extends EnumIR | BitIR>(c: Compilation, s: Statement, item: T): T {
  if (child(s, 'if-feature')) c.conditionalItems.add(item);
  return item;
}

/** A derived enumeration or bits type may only keep a subset of its base's items, unchanged (RFC 7950 9.6.4, 9.7.4). */
function restrictNamed<T extends { name: string }>(
  c: Compilation,
  base: T[],
  written: Statement[],
  numberKey: 'value' | 'position',
  what: 'enum' | 'bit',
): T[] {
  const byName = new Map<string, T>();
  for (const b of base) if (!byName.has(b.name)) byName.set(b.name, b);
  const out: T[] = [];
  for (const s of written) {
    const item = byName.get(s.arg ?? '');
    if (!item) {
      c.sink.error(`bad-${what}`, argLoc(s), `${what} "${s.arg}" is not in the base type`);
      continue;
    }
    const n = child(s, numberKey);
    if (n && Number(n.arg) !== (item as unknown as Record<string, number>)[numberKey]) {
      c.sink.error(`bad-${what}`, argLoc(n), `${what} "${s.arg}" must keep its ${numberKey} from the base type`);
    }
    out.push(item);
  }
  return out;
}

/** Every identity a value of this identityref may name: derived from all bases (RFC 7950 9.10.2). */
function identityrefValues(c: Compilation, stmt: Statement, scope: Scope): { bases: string[]; values: string[] } {
  const bases: string[] = [];
  for (const b of childrenOf(stmt, 'base')) {
    const q = resolveIdentityName(c, b, scope.unit);
    if (q) bases.push(q);
  }
  if (childrenOf(stmt, 'base').length === 0) c.sink.error('missing-base', stmt.loc, 'identityref needs a base statement');
  let values: string[] | undefined;
  for (const b of bases) {
    const derived = new Set(c.identities[b]?.derived);
    values = values ? values.filter((v) => derived.has(v)) : [...derived];
  }
  return { bases, values: values ?? [] };
}

/** `prefix:identity` written in `unit` -> `module:identity`, reporting unknown ones. */
export function resolveIdentityName(c: Compilation, s: Statement, unit: Scope['unit']): string | undefined {
  const [prefix, name] = splitQName(s.arg ?? '');
  const mod = moduleOfPrefix(c, unit, prefix, argLoc(s));
  if (!mod) return undefined;
  if (!mod.identities.has(name)) {
    c.sink.error('unknown-identity', argLoc(s), `identity "${s.arg}" is not defined in module "${mod.name}"`);
    return undefined;
  }
  return `${mod.name}:${name}`;
}
