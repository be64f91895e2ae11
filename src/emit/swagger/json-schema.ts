/**
 * JSON schemas of RFC 7951 values of YANG types.
 *
 * Schemas are built once in the OpenAPI 3.1 dialect (JSON Schema 2020-12 subset);
 * the Swagger 2.0 emitter downgrades them (see `swagger2-schema.ts`).
 */
import { identityValueSpellings } from '../../ir/identity-values.js';
import type { Interval, PatternIR, TypeIR } from '../../ir/types.js';
import { formatIntervals, restrictedRange } from '../types/restrictions.js';
import { rangePattern } from './range-pattern.js';

export interface JsonSchema {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
  format?: string;
  description?: string;
  enum?: (string | null)[];
  default?: unknown;
  example?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minProperties?: number;
  maxProperties?: number;
  readOnly?: boolean;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  /** A YANG range no JSON Schema keyword states (see `stringRangeSchema`), e.g. `1..10 | 20..max`. */
  'x-yang-range'?: string;
  /** Set on unions, whose `anyOf` lists member types (other `anyOf`s list intervals of one type). */
  'x-yang-type'?: 'union';
}

/** Where named schemas live in the neutral model; Swagger 2 rewrites the prefix to `#/definitions/`. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export function schemaRef(name: string): JsonSchema {
  return { $ref: SCHEMA_REF_PREFIX + name };
}

/** Built-in bounds of the integer types RFC 7951 encodes as JSON numbers. */
const NUMBER_BOUNDS: Partial<Record<TypeIR['base'], [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

/** RFC 7951 6.1: 64-bit integers and decimal64 are JSON strings, so the lexical form is matched instead. */
const INT64_PATTERN = '^[-+]?[0-9]+$';
const UINT64_PATTERN = '^[+]?[0-9]+$';
/** Longer exact range patterns are replaced by a note: tools choke on them and people cannot read them. */
const MAX_RANGE_PATTERN_LENGTH = 2000;

/**
 * The schema of a value of type `t` in RFC 7951 JSON, held by a leaf of `leafModule`
 * (which decides the identities that may go unprefixed). Union members and leafref
 * targets go through `nested`, which may name them instead.
 */
export function typeSchema(t: TypeIR, leafModule: string, nested: (t: TypeIR) => JsonSchema = (n) => typeSchema(n, leafModule)): JsonSchema {
  switch (t.base) {
    case 'boolean':
      return { type: 'boolean' };
    case 'int8':
    case 'int16':
    case 'int32':
    case 'uint8':
    case 'uint16':
    case 'uint32':
      return integerSchema(t);
    case 'int64':
      return stringRangeSchema(t, 0, INT64_PATTERN);
    case 'uint64':
      return stringRangeSchema(t, 0, UINT64_PATTERN);
    case 'decimal64': {
      const digits = t.fractionDigits ?? 18;
      return stringRangeSchema(t, digits, `^[-+]?[0-9]+(\\.[0-9]{1,${digits}})?$`);
    }
    case 'string':
      return withPatterns({ type: 'string', ...lengthBounds(t.length) }, t.patterns);
    case 'enumeration':
      return { type: 'string', enum: (t.enums ?? []).map((e) => e.name) };
    case 'bits':
      return { type: 'string', pattern: bitsPattern((t.bits ?? []).map((b) => b.name)) };
    case 'binary':
      return { type: 'string', format: 'byte' };
    case 'empty':
      // RFC 7951 6.9: an empty leaf is `[null]`.
      return { type: 'array', items: { type: 'null' }, minItems: 1, maxItems: 1 };
    case 'identityref': {
      const values = t.identityref?.values ?? [];
      return values.length > 0 ? { type: 'string', enum: identityValueSpellings(values, leafModule) } : { type: 'string' };
    }
    case 'instance-identifier':
      return { type: 'string' };
    case 'leafref':
      return t.leafref?.type ? nested(t.leafref.type) : { type: 'string' };
    case 'union': {
      const members = t.union ?? [];
      return { ...unionSchema(members.map(nested)), 'x-yang-type': 'union', description: `Union of: ${members.map((m) => m.name).join(', ')}` };
    }
  }
}

/** The hull of several intervals in `minimum`/`maximum` (what Swagger 2.0 keeps), each interval in `anyOf`. */
function integerSchema(t: TypeIR): JsonSchema {
  const [lo, hi] = NUMBER_BOUNDS[t.base]!;
  const minimum = t.range?.length ? Math.min(...t.range.map((i) => Number(i.min))) : lo;
  const maximum = t.range?.length ? Math.max(...t.range.map((i) => Number(i.max))) : hi;
  const intervals = t.range && t.range.length > 1 ? { anyOf: t.range.map((i) => ({ minimum: Number(i.min), maximum: Number(i.max) })) } : {};
  return { type: 'integer', format: t.base === 'uint32' ? 'int64' : 'int32', minimum, maximum, ...intervals };
}

/**
 * int64, uint64 and decimal64 values are strings: a restricted range becomes an exact
 * pattern, or (too long a pattern) the lexical pattern with the range in the description
 * and `x-yang-range`.
 */
function stringRangeSchema(t: TypeIR, fractionDigits: number, lexical: string): JsonSchema {
  const range = restrictedRange(t);
  if (!range) return { type: 'string', pattern: lexical };
  const exact = rangePattern(range, fractionDigits);
  if (exact.length <= MAX_RANGE_PATTERN_LENGTH) return { type: 'string', pattern: exact };
  const text = formatIntervals(range);
  return { type: 'string', pattern: lexical, description: `Range: ${text}`, 'x-yang-range': text };
}

/** Like ranges: the hull in `minLength`/`maxLength`, several intervals each in `anyOf`. */
function lengthBounds(length: Interval[] | undefined): Pick<JsonSchema, 'minLength' | 'maxLength' | 'anyOf'> {
  if (!length?.length) return {};
  const bounds = (min: number, max: number) => ({
    ...(min > 0 ? { minLength: min } : {}),
    ...(Number.isSafeInteger(max) ? { maxLength: max } : {}),
  });
  const hull = bounds(Math.min(...length.map((i) => Number(i.min))), Math.max(...length.map((i) => Number(i.max))));
  return length.length > 1 ? { ...hull, anyOf: length.map((i) => bounds(Number(i.min), Number(i.max))) } : hull;
}

/** A value must match every YANG pattern: one goes in `pattern`, more (and inverted ones) in `allOf`. */
function withPatterns(schema: JsonSchema, patterns: PatternIR[] | undefined): JsonSchema {
  if (!patterns?.length) return schema;
  if (patterns.length === 1 && !patterns[0]!.invertMatch) return { ...schema, pattern: patterns[0]!.ecma };
  return {
    ...schema,
    allOf: patterns.map((p) => (p.invertMatch ? { not: { pattern: p.ecma } } : { pattern: p.ecma })),
  };
}

/** Space-separated bit names (RFC 7950 9.7.2), in any order. */
function bitsPattern(names: string[]): string {
  const alternatives = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return `^\\s*((?:${alternatives})(?:\\s+|$))*$`;
}

/** Member types may overlap (string and a restricted string), so `anyOf`, not `oneOf`. */
function unionSchema(members: JsonSchema[]): JsonSchema {
  const unique = new Map<string, JsonSchema>();
  // A member that is itself an unnamed union contributes its members.
  for (const m of members.flatMap((m) => (m['x-yang-type'] === 'union' && m.anyOf ? m.anyOf : [m]))) {
    unique.set(JSON.stringify(m), m);
  }
  const schemas = [...unique.values()];
  return schemas.length === 1 ? schemas[0]! : { anyOf: schemas };
}

/**
 * The RFC 7951 JSON value of a lexical value (a YANG default) of type `t`.
 * Union members are tried in order, as YANG does, by their JSON kind.
 */
export function jsonValue(t: TypeIR, lexical: string): unknown {
  switch (t.base) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'uint8':
    case 'uint16':
    case 'uint32':
      return Number(lexical);
    case 'boolean':
      return lexical === 'true';
    case 'identityref':
      return qualifiedIdentity(t, lexical);
    case 'leafref':
      return t.leafref?.type ? jsonValue(t.leafref.type, lexical) : lexical;
    case 'union': {
      const member = t.union?.find((m) => fits(m, lexical));
      return member ? jsonValue(member, lexical) : lexical;
    }
    default:
      return lexical;
  }
}

function fits(t: TypeIR, lexical: string): boolean {
  switch (t.base) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'uint8':
    case 'uint16':
    case 'uint32': {
      if (!/^[-+]?[0-9]+$/.test(lexical)) return false;
      const s = integerSchema(t);
      const n = Number(lexical);
      return n >= s.minimum! && n <= s.maximum!;
    }
    case 'boolean':
      return lexical === 'true' || lexical === 'false';
    case 'enumeration':
      return (t.enums ?? []).some((e) => e.name === lexical);
    case 'empty':
      return lexical === '';
    case 'leafref':
      return !t.leafref?.type || fits(t.leafref.type, lexical);
    case 'union':
      return (t.union ?? []).some((m) => fits(m, lexical));
    default:
      return true;
  }
}

/**
 * Defaults are kept as written, with the YANG prefix of the defining module;
 * RFC 7951 needs the module name, found among the allowed values by identity name.
 */
function qualifiedIdentity(t: TypeIR, lexical: string): string {
  const values = t.identityref?.values ?? [];
  if (values.includes(lexical)) return lexical;
  const local = lexical.slice(lexical.indexOf(':') + 1);
  const candidates = values.filter((v) => v.slice(v.indexOf(':') + 1) === local);
  return candidates.length === 1 ? candidates[0]! : lexical;
}
