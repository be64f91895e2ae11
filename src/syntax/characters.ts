import type { Diagnostic } from '../diagnostics/index.js';

/**
 * The characters of a YANG file (RFC 7950 section 6 and the `yang-char` rule of section
 * 14): UTF-8 text without C0 control characters other than tab, LF and CR, without
 * surrogates and without noncharacters (U+FDD0..U+FDEF and the last two code points of
 * every plane). The checks are one native pass each; positions are computed only for
 * a file that fails.
 */

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

/** Decodes a file's bytes; invalid UTF-8 is an error at its first bad byte, and decodes to U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: STRICT_UTF8.decode(bytes), diagnostics: [] };
  } catch {
    const at = firstInvalidByte(bytes);
    const before = LENIENT_UTF8.decode(bytes.subarray(0, at)).replace(/\r\n/g, '\n');
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      text: LENIENT_UTF8.decode(bytes),
      diagnostics: [{ code: 'bad-utf8', severity: 'error', message: `invalid UTF-8 at byte 0x${byte}: a YANG file must be UTF-8 (RFC 7950 section 6)`, loc: { file, line, col } }],
    };
  }
}

/** Offset of the first byte that does not continue a well-formed UTF-8 sequence (RFC 3629 section 4). */
function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const trailing = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (trailing === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (i + 1 >= b.length || b[i + 1]! < low || b[i + 1]! > high) return i;
    for (let k = 2; k <= trailing; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += trailing + 1;
  }
  return b.length;
}

/** Characters outside `yang-char`; with the `u` flag a lone surrogate is one code point. */
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\p{Cs}\p{Noncharacter_Code_Point}]/u;

/**
 * The same characters and every UTF-16 surrogate, paired or not, without the `u` flag: a scan
 * of code units, several times faster than FORBIDDEN's of code points. Text it finds nothing in
 * (nearly every file) has nothing FORBIDDEN finds.
 */
const MAYBE_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** One error per character of `text` outside `yang-char` (RFC 7950 section 6 and 14). */
export function checkCharacters(text: string, file: string): Diagnostic[] {
  if (!MAYBE_FORBIDDEN.test(text) || !FORBIDDEN.test(text)) return [];
  const out: Diagnostic[] = [];
  const all = new RegExp(FORBIDDEN.source, 'gu');
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  for (const m of text.matchAll(all)) {
    for (; counted < m.index; counted++) {
      if (text.charCodeAt(counted) === 10) {
        line++;
        lineStart = counted + 1;
      }
    }
    const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    out.push({ code: 'bad-character', severity: 'error', message: `character U+${code} is not allowed in a YANG file (RFC 7950 section 6)`, loc: { file, line, col: m.index - lineStart + 1 } });
  }
  return out;
}
