import type { BuiltinType, Interval } from '../ir/types.js';

/** Numbers are compared as integers scaled by 10^18, exact for every int64 and decimal64 value. */
const SCALE = 10n ** 18n;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function scaled(value: string): bigint | undefined {
  if (!NUMBER.test(value)) return undefined;
  const neg = value.startsWith('-');
  const body = value.replace(/^[+-]/, '');
  const [int, frac = ''] = body.split('.');
  if (frac.length > 18) return undefined;
  const v = BigInt(int!) * SCALE + BigInt(frac.padEnd(18, '0'));
  return neg ? -v : v;
}

export const INTEGER_RANGES: Partial<Record<BuiltinType, Interval>> = {
  int8: { min: '-128', max: '127' },
  int16: { min: '-32768', max: '32767' },
  int32: { min: '-2147483648', max: '2147483647' },
  int64: { min: '-9223372036854775808', max: '9223372036854775807' },
  uint8: { min: '0', max: '255' },
  uint16: { min: '0', max: '65535' },
  uint32: { min: '0', max: '4294967295' },
  uint64: { min: '0', max: '18446744073709551615' },
};

/** The value space of decimal64 with `digits` fraction digits (RFC 7950 9.3.4). */
export function decimal64Range(digits: number): Interval {
  const shift = (v: string): string => {
    const neg = v.startsWith('-');
    const d = v.replace('-', '').padStart(digits + 1, '0');
    return `${neg ? '-' : ''}${d.slice(0, d.length - digits)}.${d.slice(d.length - digits)}`;
  };
  return { min: shift('-9223372036854775808'), max: shift('9223372036854775807') };
}

export const LENGTH_RANGE: Interval = { min: '0', max: '18446744073709551615' };

export function isIntegerType(base: BuiltinType): boolean {
  return base in INTEGER_RANGES;
}

/**
 * Parses a range or length argument (`1..10 | 20..max`) against the intervals
 * it restricts. Returns an error message for bad syntax, for bounds out of
 * order, and for a restriction that is not inside `base` (RFC 7950 9.2.4).
 */
export function parseIntervals(
  arg: string,
  base: readonly Interval[],
  valueOk: (v: string) => boolean,
): { intervals: Interval[] } | { error: string; outside?: boolean } {
  const lowest = base[0]!.min;
  const highest = base[base.length - 1]!.max;
  const out: Interval[] = [];
  for (const part of arg.split('|')) {
    const bounds = part.split('..').map((b) => b.trim());
    if (bounds.length > 2 || bounds.some((b) => b === '')) return { error: `invalid range part "${part.trim()}"` };
    const resolved = bounds.map((b) => (b === 'min' ? lowest : b === 'max' ? highest : b));
    for (const b of resolved) if (!valueOk(b)) return { error: `invalid bound "${b}"` };
    const interval = { min: resolved[0]!, max: resolved[resolved.length - 1]! };
    if (scaled(interval.min)! > scaled(interval.max)!) return { error: `bounds out of order in "${part.trim()}"` };
    const prev = out[out.length - 1];
    if (prev && scaled(prev.max)! >= scaled(interval.min)!) return { error: `intervals must be ascending and disjoint in "${arg}"` };
    const inside = base.some((b) => scaled(b.min)! <= scaled(interval.min)! && scaled(interval.max)! <= scaled(b.max)!);
    if (!inside) return { error: `"${part.trim()}" is not within the base type's range ${formatIntervals(base)}`, outside: true };
    out.push(interval);
  }
  return { intervals: out };
}

export function formatIntervals(intervals: readonly Interval[]): string {
  return intervals.map((i) => (i.min === i.max ? i.min : `${i.min}..${i.max}`)).join(' | ');
}
