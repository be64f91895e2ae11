/**
 * The XPath 1.0 data types and their conversions (XPath 1.0 sections 4.2-4.4, 5): node-sets,
 * strings, numbers (IEEE 754 doubles) and booleans.
 */
import type { LeafValue } from '../values/check.js';
import type { XNode } from './node.js';

/** Node-sets are sorted in document order, without duplicates. */
export type XValue = XNode[] | string | number | boolean;

/** A leaf value as XPath text: its RFC 7951 lexical form (`empty` is ''). */
function leafText(v: LeafValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

/**
 * XPath string-value (XPath 1.0 5.1, 5.2): a leaf's or leaf-list entry's lexical form; for the
 * root and inner nodes, the values of the leaves below them concatenated in document order.
 */
export function stringValue(n: XNode): string {
  if (n.value !== undefined) return leafText(n.value);
  let out = '';
  const stack: XNode[] = [n];
  while (stack.length) {
    const m = stack.pop()!;
    if (m.value !== undefined) out += leafText(m.value);
    for (let i = m.children.length - 1; i >= 0; i--) stack.push(m.children[i]!);
  }
  return out;
}

/**
 * number -> string (XPath 1.0 4.2): NaN, Infinity, -Infinity; integers without a decimal point,
 * -0 as "0"; otherwise decimal notation, never an exponent.
 */
export function numberToString(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return x === 0 ? '0' : String(x);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  const s = String(x);
  const e = s.indexOf('e');
  return e < 0 ? s : expandExponent(s.slice(0, e), Number(s.slice(e + 1)));
}

/** `mantissa` x 10^exp written out in decimals (JavaScript switches to exponents below 1e-6 and from 1e21). */
function expandExponent(mantissa: string, exp: number): string {
  const negative = mantissa.startsWith('-');
  const [int, frac = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  const digits = int! + frac;
  const point = int!.length + exp; // position of the decimal point within `digits`
  let text: string;
  if (point <= 0) text = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = digits.slice(0, point) + '.' + digits.slice(point);
  return (negative ? '-' : '') + text;
}

/** XPath 1.0 3.7 Number with optional minus, surrounded by optional whitespace (no exponent, no '+'). */
const NUMBER_TEXT = /^[\x20\t\r\n]*-?(?:\d+(?:\.\d*)?|\.\d+)[\x20\t\r\n]*$/;

/** string -> number (XPath 1.0 4.4): NaN unless the whole string is an XPath Number. */
export function stringToNumber(s: string): number {
  return NUMBER_TEXT.test(s) ? Number(s) : NaN;
}

export function toStringValue(v: XValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v.length ? stringValue(v[0]!) : '';
}

export function toNumber(v: XValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return stringToNumber(toStringValue(v));
}

export function toBoolean(v: XValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v.length > 0;
}
