/** Telling a type's own restrictions from the value space its built-in type always has. */
import type { Interval, TypeIR } from '../../ir/types.js';

const INTEGER_RANGES: Partial<Record<TypeIR['base'], string>> = {
  int8: '-128..127',
  int16: '-32768..32767',
  int32: '-2147483648..2147483647',
  int64: '-9223372036854775808..9223372036854775807',
  uint8: '0..255',
  uint16: '0..65535',
  uint32: '0..4294967295',
  uint64: '0..18446744073709551615',
};

const FULL_LENGTH = '0..18446744073709551615';

export function formatIntervals(intervals: readonly Interval[]): string {
  return intervals.map((i) => (i.min === i.max ? i.min : `${i.min}..${i.max}`)).join(' | ');
}

/** The decimal64 value space with `digits` fraction digits: the int64 range scaled down. */
function decimal64Range(digits: number): string {
  const shift = (int64: string): string => {
    const [sign, magnitude] = int64.startsWith('-') ? ['-', int64.slice(1)] : ['', int64];
    return `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  };
  return `${shift('-9223372036854775808')}..${shift('9223372036854775807')}`;
}

function builtinRange(type: TypeIR): string | undefined {
  if (type.base === 'decimal64') return type.fractionDigits === undefined ? undefined : decimal64Range(type.fractionDigits);
  return INTEGER_RANGES[type.base];
}

/** The range, unless it is just the built-in type's. */
export function restrictedRange(type: TypeIR): Interval[] | undefined {
  return type.range && formatIntervals(type.range) !== builtinRange(type) ? type.range : undefined;
}

/** The length, unless it allows every length. */
export function restrictedLength(type: TypeIR): Interval[] | undefined {
  return type.length && formatIntervals(type.length) !== FULL_LENGTH ? type.length : undefined;
}

/** The range every value must lie in: the effective one, else the built-in type's. */
export function effectiveRange(type: TypeIR): Interval[] {
  if (type.range) return type.range;
  const builtin = builtinRange(type);
  if (builtin === undefined) return [];
  const [min = '', max = ''] = builtin.split('..');
  return [{ min, max }];
}
