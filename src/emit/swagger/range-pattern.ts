/**
 * Exact regular expressions for YANG ranges of the types RFC 7951 encodes as JSON strings
 * (int64, uint64, decimal64), where JSON Schema's `minimum`/`maximum` cannot apply.
 * Built digit by digit, as for any numeric range: a value matches iff it is in the range.
 */
import type { Interval } from '../../ir/types.js';

/** `^...$` source matching the lexical values in `intervals`, scaled by 10^fractionDigits (0 for integers). */
export function rangePattern(intervals: readonly Interval[], fractionDigits: number): string {
  const alternatives = intervals.flatMap((i) => signedAlternatives(scaled(i.min, fractionDigits), scaled(i.max, fractionDigits), fractionDigits));
  return `^(?:${alternatives.join('|')})$`;
}

/** A decimal bound as an integer scaled by 10^digits (bounds are exact decimal strings). */
function scaled(bound: string, digits: number): bigint {
  const [whole = '0', fraction = ''] = bound.replace(/^[+-]/, '').split('.');
  const magnitude = BigInt(whole + fraction.padEnd(digits, '0').slice(0, digits));
  return bound.startsWith('-') ? -magnitude : magnitude;
}

function signedAlternatives(min: bigint, max: bigint, digits: number): string[] {
  const out: string[] = [];
  const zero = 0n;
  if (min < zero) out.push(`-${unsigned(max < zero ? -max : zero, -min, digits)}`);
  if (max >= zero) out.push(`\\+?${unsigned(min > zero ? min : zero, max, digits)}`);
  return out;
}

/** Unsigned lexical values from `lo` to `hi` (scaled), leading zeros allowed. */
function unsigned(lo: bigint, hi: bigint, digits: number): string {
  if (digits === 0) return integerDigits(lo, hi);
  const unit = 10n ** BigInt(digits);
  const [loWhole, loFraction] = [lo / unit, lo % unit];
  const [hiWhole, hiFraction] = [hi / unit, hi % unit];
  if (loWhole === hiWhole) return integerDigits(loWhole, loWhole) + fractionDigits(loFraction, hiFraction, digits);
  const parts = [integerDigits(loWhole, loWhole) + fractionDigits(loFraction, unit - 1n, digits)];
  if (hiWhole - loWhole > 1n) parts.push(integerDigits(loWhole + 1n, hiWhole - 1n) + fractionDigits(0n, unit - 1n, digits));
  parts.push(integerDigits(hiWhole, hiWhole) + fractionDigits(0n, hiFraction, digits));
  return `(?:${parts.join('|')})`;
}

/** Digit strings (leading zeros allowed) whose value is in [lo, hi]. */
function integerDigits(lo: bigint, hi: bigint): string {
  const parts: string[] = [];
  const [loText, hiText] = [lo.toString(), hi.toString()];
  for (let width = loText.length; width <= hiText.length; width++) {
    const from = width === loText.length ? loText : `1${'0'.repeat(width - 1)}`;
    const to = width === hiText.length ? hiText : '9'.repeat(width);
    parts.push(sameWidth(from, to));
  }
  return `0*(?:${parts.join('|')})`;
}

/**
 * The optional fraction `.ddd` (1 to `digits` digits, trailing zeros optional) whose value,
 * scaled by 10^digits, is in [lo, hi]; no fraction at all stands for 0.
 */
function fractionDigits(lo: bigint, hi: bigint, digits: number): string {
  const alternatives: string[] = [];
  for (let width = 1; width <= digits; width++) {
    const step = 10n ** BigInt(digits - width);
    const from = (lo + step - 1n) / step;
    const to = hi / step;
    if (from <= to) alternatives.push(sameWidth(from.toString().padStart(width, '0'), to.toString().padStart(width, '0')));
  }
  // Never empty when lo <= hi: the widest fraction has every value.
  const fraction = `\\.(?:${alternatives.join('|')})`;
  return lo > 0n ? fraction : `(?:${fraction})?`;
}

/** Digit strings of the width of `lo` and `hi` between them. */
function sameWidth(lo: string, hi: string): string {
  if (lo === hi) return lo;
  const rest = lo.length - 1;
  const any = rest > 0 ? `[0-9]{${rest}}` : '';
  if (/^0*$/.test(lo.slice(1)) && /^9*$/.test(hi.slice(1))) return `${digitClass(lo[0]!, hi[0]!)}${any}`;
  if (lo[0] === hi[0]) return lo[0] + sameWidth(lo.slice(1), hi.slice(1));
  const parts = [lo[0] + sameWidth(lo.slice(1), '9'.repeat(rest))];
  const [first, last] = [Number(lo[0]) + 1, Number(hi[0]) - 1];
  if (first <= last) parts.push(`${digitClass(String(first), String(last))}${any}`);
  parts.push(hi[0] + sameWidth('0'.repeat(rest), hi.slice(1)));
  return `(?:${parts.join('|')})`;
}

function digitClass(from: string, to: string): string {
  return from === to ? from : `[${from}-${to}]`;
}
