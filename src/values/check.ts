/**
 * Leaf values: checks a value against its resolved type and returns the
 * canonical RFC 7951 JSON form. Shared by the compiler (defaults in YANG source)
 * and the RESTCONF server (request data). Three input encodings:
 * - `json`: RFC 7951 typing (32-bit-and-smaller integers are numbers,
 *   int64/uint64/decimal64 are strings, empty is [null]);
 * - `lexical`: the YANG string form, as in XML and URI keys;
 * - `yang`: a `default` statement's argument: the lexical form, where integers
 *   may also be hexadecimal or octal (RFC 7950 9.2.1), names carry the prefixes
 *   of the module they are written in, and type empty has no value (9.11).
 */
import type { Interval, TypeIR } from '../ir/types.js';
import { parseInstanceIdentifier, type InstanceStep } from './instance-identifier.js';

export type Encoding = 'json' | 'lexical' | 'yang';

/** A leaf's value in RFC 7951 JSON: `[null]` for empty. */
export type LeafValue = boolean | number | string | [null];

export type ValueResult = { ok: true; value: LeafValue } | { ok: false; message: string; appTag?: string };

/** What a value written in YANG source (encoding `yang`) needs to resolve the names in it. */
export interface SourceNames {
  /** Prefix -> module name in the file the value is written in (RFC 7950 9.10.3, 9.13.2). */
  prefixes: ReadonlyMap<string, string>;
  /** Why an instance-identifier's steps name no instance in the schema, or undefined when they do. */
  instanceProblem?: (steps: InstanceStep[]) => string | undefined;
}

const INT_BOUNDS: Record<string, [bigint, bigint]> = {
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-2147483648n, 2147483647n],
  int64: [-9223372036854775808n, 9223372036854775807n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 4294967295n],
  uint64: [0n, 18446744073709551615n],
};

const fail = (message: string, appTag?: string): ValueResult => ({ ok: false, message, ...(appTag ? { appTag } : {}) });
const ok = (value: LeafValue): ValueResult => ({ ok: true, value });

const regexCache = new Map<string, RegExp>();
function compiled(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = new RegExp(source, 'u');
    regexCache.set(source, re);
  }
  return re;
}

function inIntervals(v: bigint, intervals: Interval[] | undefined, parse: (s: string) => bigint | undefined, lo: bigint, hi: bigint): boolean {
  if (!intervals?.length) return true;
  return intervals.some((iv) => {
    const min = iv.min === 'min' ? lo : parse(iv.min);
    const max = iv.max === 'max' ? hi : parse(iv.max);
    return min !== undefined && max !== undefined && v >= min && v <= max;
  });
}

function rangeText(intervals: Interval[]): string {
  return intervals.map((i) => (i.min === i.max ? i.min : `${i.min}..${i.max}`)).join(' | ');
}

function parseBigInt(s: string): bigint | undefined {
  return /^[+-]?\d+$/.test(s) ? BigInt(s) : undefined;
}

/** Decimal, or in a YANG default also `0x..` hexadecimal and `0..` octal, each with an optional sign (RFC 7950 9.2.1). */
function parseSourceInteger(s: string): bigint | undefined {
  const m = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0([0-7]+)|(0|[1-9]\d*))$/.exec(s);
  if (!m) return undefined;
  const magnitude = m[2] !== undefined ? BigInt(`0x${m[2]}`) : m[3] !== undefined ? BigInt(`0o${m[3]}`) : BigInt(m[4]!);
  return m[1] === '-' ? -magnitude : magnitude;
}

function checkInteger(t: TypeIR, raw: unknown, enc: Encoding): ValueResult {
  const wide = t.base === 'int64' || t.base === 'uint64';
  let text: string;
  if (enc === 'json' && !wide) {
    if (typeof raw !== 'number' || !Number.isInteger(raw)) return fail(`expected a JSON number (${t.base})`);
    text = String(raw);
  } else {
    if (typeof raw !== 'string') return fail(`expected a ${wide && enc === 'json' ? 'JSON string (RFC 7951 encodes 64-bit integers as strings)' : 'string'} (${t.base})`);
    text = enc === 'yang' ? raw : raw.trim();
  }
  const v = enc === 'yang' ? parseSourceInteger(text) : parseBigInt(text);
  if (v === undefined) return fail(`"${text}" is not an integer`);
  const [lo, hi] = INT_BOUNDS[t.base]!;
  if (v < lo || v > hi) return fail(`${text} is out of the ${t.base} range`);
  if (!inIntervals(v, t.range, parseBigInt, lo, hi)) return fail(`${text} is not in range ${rangeText(t.range!)}`, 'range-violation');
  return ok(wide ? v.toString() : Number(v));
}

/** Decimal64 as a scaled integer, or undefined when not a decimal or too many fraction digits. */
function scaleDecimal(text: string, fd: number): bigint | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  if (frac.replace(/0+$/, '').length > fd) return undefined;
  const digits = `${m[2]}${frac.padEnd(fd, '0').slice(0, fd)}`;
  return BigInt(digits) * (m[1] === '-' ? -1n : 1n);
}

function decimalCanonical(scaled: bigint, fd: number): string {
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(fd + 1, '0');
  const int = digits.slice(0, digits.length - fd);
  const frac = digits.slice(digits.length - fd).replace(/0+$/, '') || '0';
  return `${neg ? '-' : ''}${int}.${frac}`;
}

function checkDecimal(t: TypeIR, raw: unknown, enc: Encoding): ValueResult {
  const fd = t.fractionDigits ?? 1;
  if (typeof raw !== 'string') return fail('expected a string (RFC 7951 encodes decimal64 as a string)');
  const text = enc === 'yang' ? raw : raw.trim();
  const v = scaleDecimal(text, fd);
  if (v === undefined) return fail(`"${text}" is not a decimal64 with at most ${fd} fraction digits`);
  const lo = -(2n ** 63n);
  const hi = 2n ** 63n - 1n;
  if (v < lo || v > hi) return fail(`${text} is out of the decimal64 range`);
  if (!inIntervals(v, t.range, (s) => scaleDecimal(s, fd), lo, hi)) return fail(`${text} is not in range ${rangeText(t.range!)}`, 'range-violation');
  return ok(decimalCanonical(v, fd));
}

function checkLength(len: number, t: TypeIR): ValueResult | undefined {
  if (!inIntervals(BigInt(len), t.length, parseBigInt, 0n, 2n ** 64n)) {
    return fail(`length ${len} is not in ${rangeText(t.length!)}`, 'length-violation');
  }
  return undefined;
}

/**
 * A character outside yang-char (RFC 7950 9.4 and section 14): a control other than
 * tab, LF and CR, a surrogate or a noncharacter. XML 1.0 cannot carry these either.
 */
const NOT_YANG_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\p{Cs}\p{Noncharacter_Code_Point}]/u;

function checkString(t: TypeIR, raw: unknown): ValueResult {
  if (typeof raw !== 'string') return fail('expected a string');
  const bad = NOT_YANG_CHAR.exec(raw)?.[0];
  if (bad !== undefined) return fail(`U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} is not allowed in a YANG string`);
  const lengthError = checkLength([...raw].length, t);
  if (lengthError) return lengthError;
  for (const p of t.patterns ?? []) {
    if (compiled(p.ecma).test(raw) === p.invertMatch) {
      return fail(p.errorMessage ?? `"${raw}" does not match pattern ${p.invertMatch ? 'inverted ' : ''}'${p.regex}'`, p.errorAppTag ?? 'pattern-violation');
    }
  }
  return ok(raw);
}

/**
 * Base64 (RFC 4648 section 4), length counted in bytes (RFC 7950 9.8). Nothing outside the
 * alphabet, whitespace and line breaks included: RFC 4648 3.3 has them rejected unless the
 * referring specification allows them, and RFC 7950 does not.
 */
function checkBinary(t: TypeIR, raw: unknown): ValueResult {
  if (typeof raw !== 'string') return fail('expected a base64 string');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(raw)) return fail(`"${raw}" is not valid base64`);
  return checkLength(Buffer.from(raw, 'base64').length, t) ?? ok(raw);
}

function checkBits(t: TypeIR, raw: unknown): ValueResult {
  if (typeof raw !== 'string') return fail('expected a string of bit names');
  const names = raw.split(/\s+/).filter(Boolean);
  const known = new Map((t.bits ?? []).map((b) => [b.name, b.position]));
  const seen = new Set<string>();
  for (const n of names) {
    if (!known.has(n)) return fail(`unknown bit "${n}"`);
    if (seen.has(n)) return fail(`bit "${n}" given twice`);
    seen.add(n);
  }
  return ok(names.sort((a, b) => known.get(a)! - known.get(b)!).join(' '));
}

/** `prefix:name` -> `module:name`: a prefix is a module name (RFC 7951), or in YANG source one of its file's prefixes. */
function qualify(raw: string, module: string, source: SourceNames | undefined): string | undefined {
  const colon = raw.indexOf(':');
  if (colon < 0) return `${module}:${raw}`;
  if (!source) return raw;
  const owner = source.prefixes.get(raw.slice(0, colon));
  return owner === undefined ? undefined : `${owner}:${raw.slice(colon + 1)}`;
}

function checkIdentityref(t: TypeIR, raw: unknown, module: string, source: SourceNames | undefined): ValueResult {
  if (typeof raw !== 'string') return fail('expected an identity name');
  const qualified = qualify(raw, module, source);
  if (qualified === undefined) return fail(`the prefix of "${raw}" is not defined`);
  const allowed = t.identityref?.values ?? [];
  if (!allowed.includes(qualified)) return fail(`"${raw}" is not an identity derived from ${(t.identityref?.bases ?? []).join(', ')}`);
  return ok(qualified);
}

function checkInstanceIdentifier(raw: unknown, source: SourceNames | undefined): ValueResult {
  if (typeof raw !== 'string') return fail('expected an instance identifier');
  const parsed = parseInstanceIdentifier(raw);
  if ('error' in parsed) return fail(`"${raw}" is not an instance-identifier: ${parsed.error}`);
  if (source) {
    // RFC 7950 9.13.2: every node name is qualified with a prefix.
    const bare = parsed.steps.find((s) => s.prefix === undefined || s.predicates.some((p) => p.kind === 'key' && p.prefix === undefined));
    if (bare) return fail(`"${raw}" is not an instance-identifier: every node name needs a prefix`);
    const problem = source.instanceProblem?.(parsed.steps);
    if (problem) return fail(`"${raw}" names no instance: ${problem}`);
  }
  return ok(raw);
}

/**
 * Checks `raw` against `t` and returns the canonical JSON value. `module`
 * qualifies unprefixed identityref values: the leaf's module (RFC 7951 section
 * 6.8) or, for a YANG default, the module it is written in (with `source`).
 */
export function checkValue(t: TypeIR, raw: unknown, enc: Encoding, module: string, source?: SourceNames): ValueResult {
  switch (t.base) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
      return checkInteger(t, raw, enc);
    case 'decimal64':
      return checkDecimal(t, raw, enc);
    case 'string':
      return checkString(t, raw);
    case 'binary':
      return checkBinary(t, raw);
    case 'boolean':
      if (enc === 'json') return typeof raw === 'boolean' ? ok(raw) : fail('expected true or false');
      return raw === 'true' || raw === 'false' ? ok(raw === 'true') : fail('expected true or false');
    case 'empty':
      if (enc === 'yang') return fail('type empty cannot have a default value');
      if (enc === 'json') return Array.isArray(raw) && raw.length === 1 && raw[0] === null ? ok([null]) : fail('an empty leaf is encoded as [null]');
      return raw === '' ? ok([null]) : fail('an empty leaf has no value');
    case 'enumeration':
      return typeof raw === 'string' && (t.enums ?? []).some((e) => e.name === raw) ? ok(raw) : fail(`"${String(raw)}" is not one of ${(t.enums ?? []).map((e) => e.name).join(', ')}`);
    case 'bits':
      return checkBits(t, raw);
    case 'identityref':
      return checkIdentityref(t, raw, module, enc === 'yang' ? source : undefined);
    case 'instance-identifier':
      return checkInstanceIdentifier(raw, enc === 'yang' ? source : undefined);
    case 'leafref': {
      const target = t.leafref?.type;
      if (target) return checkValue(target, raw, enc, module, source);
      return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? ok(raw) : fail('expected a scalar value');
    }
    case 'union': {
      for (const member of t.union ?? []) {
        const r = checkValue(member, raw, enc, module, source);
        if (r.ok) return r;
      }
      return fail(`${JSON.stringify(raw)} matches no member of the union`);
    }
  }
}
