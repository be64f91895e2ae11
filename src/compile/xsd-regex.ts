/**
 * Translation of YANG `pattern` arguments (W3C XML Schema regular expressions, XSD 1.0
 * Part 2 Appendix F, per RFC 7950 section 9.4.5) into ECMAScript regex sources for the `u` flag.
 *
 * The input is parsed with the XSD grammar (so XSD-invalid patterns are rejected even when
 * ECMAScript would accept them, e.g. lazy `*?` or `(?:`) and re-emitted construct by construct.
 * Every XSD character-class escape is lowered to a *positive* ECMAScript class body, because
 * `u`-mode classes can hold unions only: negated forms become complemented code point ranges.
 */

type Range = [number, number];
const MAX = 0x10ffff;

// XSD general categories (\p{Lu} ...); ECMAScript `u` knows the same short names.
const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po Z Zs Zl Zp S Sm Sc Sk So C Cc Cf Co Cn'.split(' '),
);

// Unicode blocks named by XSD `\p{IsX}` (Unicode 3.1 block list, the one XSD 1.0 refers to).
const BLOCKS: Record<string, Range[]> = {};
for (const line of `
BasicLatin 0-7F|Latin-1Supplement 80-FF|LatinExtended-A 100-17F|LatinExtended-B 180-24F
IPAExtensions 250-2AF|SpacingModifierLetters 2B0-2FF|CombiningDiacriticalMarks 300-36F
Greek 370-3FF|GreekandCoptic 370-3FF|Cyrillic 400-4FF|CyrillicSupplement 500-52F|Armenian 530-58F
Hebrew 590-5FF|Arabic 600-6FF|Syriac 700-74F|Thaana 780-7BF|Devanagari 900-97F|Bengali 980-9FF
Gurmukhi A00-A7F|Gujarati A80-AFF|Oriya B00-B7F|Tamil B80-BFF|Telugu C00-C7F|Kannada C80-CFF
Malayalam D00-D7F|Sinhala D80-DFF|Thai E00-E7F|Lao E80-EFF|Tibetan F00-FFF|Myanmar 1000-109F
Georgian 10A0-10FF|HangulJamo 1100-11FF|Ethiopic 1200-137F|Cherokee 13A0-13FF
UnifiedCanadianAboriginalSyllabics 1400-167F|Ogham 1680-169F|Runic 16A0-16FF|Khmer 1780-17FF
Mongolian 1800-18AF|LatinExtendedAdditional 1E00-1EFF|GreekExtended 1F00-1FFF
GeneralPunctuation 2000-206F|SuperscriptsandSubscripts 2070-209F|CurrencySymbols 20A0-20CF
CombiningMarksforSymbols 20D0-20FF|CombiningDiacriticalMarksforSymbols 20D0-20FF
LetterlikeSymbols 2100-214F|NumberForms 2150-218F|Arrows 2190-21FF|MathematicalOperators 2200-22FF
MiscellaneousTechnical 2300-23FF|ControlPictures 2400-243F|OpticalCharacterRecognition 2440-245F
EnclosedAlphanumerics 2460-24FF|BoxDrawing 2500-257F|BlockElements 2580-259F
GeometricShapes 25A0-25FF|MiscellaneousSymbols 2600-26FF|Dingbats 2700-27BF|BraillePatterns 2800-28FF
CJKRadicalsSupplement 2E80-2EFF|KangxiRadicals 2F00-2FDF|IdeographicDescriptionCharacters 2FF0-2FFF
CJKSymbolsandPunctuation 3000-303F|Hiragana 3040-309F|Katakana 30A0-30FF|Bopomofo 3100-312F
HangulCompatibilityJamo 3130-318F|Kanbun 3190-319F|BopomofoExtended 31A0-31BF
EnclosedCJKLettersandMonths 3200-32FF|CJKCompatibility 3300-33FF
CJKUnifiedIdeographsExtensionA 3400-4DBF|CJKUnifiedIdeographs 4E00-9FFF|YiSyllables A000-A48F
YiRadicals A490-A4CF|HangulSyllables AC00-D7AF|HighSurrogates D800-DB7F
HighPrivateUseSurrogates DB80-DBFF|LowSurrogates DC00-DFFF|PrivateUse E000-F8FF,F0000-10FFFF
PrivateUseArea E000-F8FF|CJKCompatibilityIdeographs F900-FAFF|AlphabeticPresentationForms FB00-FB4F
ArabicPresentationForms-A FB50-FDFF|CombiningHalfMarks FE20-FE2F|CJKCompatibilityForms FE30-FE4F
SmallFormVariants FE50-FE6F|ArabicPresentationForms-B FE70-FEFF|Specials FEFF-FEFF,FFF0-FFFF
HalfwidthandFullwidthForms FF00-FFEF|OldItalic 10300-1032F|Gothic 10330-1034F|Deseret 10400-1044F
ByzantineMusicalSymbols 1D000-1D0FF|MusicalSymbols 1D100-1D1FF
MathematicalAlphanumericSymbols 1D400-1D7FF|CJKUnifiedIdeographsExtensionB 20000-2A6DF
CJKCompatibilityIdeographsSupplement 2F800-2FA1F|Tags E0000-E007F
`.trim().split(/[|\n]/)) {
  const [name, spec] = line.split(' ');
  BLOCKS[blockKey(name)] = spec.split(',').map((r) => r.split('-').map((h) => parseInt(h, 16)) as Range);
}

/** Block names compared loosely (case, spaces, `-`, `_`), as Unicode's loose matching does. */
function blockKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

// \i and \c: XML NameStartChar / NameChar, approximated by the BMP ranges of XML 1.1.
const NAME_START: Range[] = parseRanges(
  'A-Z a-z _ : C0-D6 D8-F6 F8-2FF 370-37D 37F-1FFF 200C-200D 2070-218F 2C00-2FEF 3001-D7FF F900-FDCF FDF0-FFFD',
);
const NAME_CHAR: Range[] = normalize([...NAME_START, ...parseRanges('- . 0-9 B7 300-36F 203F-2040')]);
const SPACE: Range[] = parseRanges('\t \n \r 20');

function parseRanges(spec: string): Range[] {
  return normalize(
    spec.split(' ').map((item) => {
      const cp = (s: string) => (s.length === 1 ? s.codePointAt(0)! : parseInt(s, 16));
      const m = /^(.+?)-(.+)$/.exec(item);
      return (m ? [cp(m[1]), cp(m[2])] : [cp(item), cp(item)]) as Range;
    }),
  );
}

function normalize(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(ranges: Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

/** One code point as it may appear inside an ECMAScript `u`-mode class. */
function classChar(cp: number): string {
  if ('\\]^-['.includes(String.fromCodePoint(cp))) return '\\' + String.fromCodePoint(cp);
  return plainChar(cp);
}

const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Printable characters verbatim, the rest as `\u{...}` so the source stays readable and safe. */
function plainChar(cp: number): string {
  if (cp === 0x0a) return '\\n';
  if (cp === 0x0d) return '\\r';
  if (cp === 0x09) return '\\t';
  const ch = String.fromCodePoint(cp);
  const visible = (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && VISIBLE.test(ch));
  return visible ? ch : `\\u{${cp.toString(16).toUpperCase()}}`;
}

/** Class body for a table of ranges; non-ASCII bounds in hex, which reads better than glyphs here. */
function rangesBody(ranges: Range[]): string {
  const ch = (cp: number) => (cp >= 0x20 && cp < 0x7f ? classChar(cp) : `\\u{${cp.toString(16).toUpperCase()}}`);
  return ranges.map(([lo, hi]) => (lo === hi ? ch(lo) : `${ch(lo)}-${ch(hi)}`)).join('');
}

class XsdError extends Error {}

export function xsdToEcma(pattern: string): { source: string } | { error: string } {
  let body: string;
  try {
    body = new Converter(pattern).convert();
  } catch (e) {
    if (e instanceof XsdError) return { error: e.message };
    throw e;
  }
  const source = `^(?:${body})$`;
  try {
    new RegExp(source, 'u');
  } catch (e) {
    // Should not happen for input the converter accepted; report rather than throw.
    return { error: `cannot translate pattern: ${(e as Error).message}` };
  }
  return { source };
}

/** Recursive-descent parser over code points, emitting ECMAScript as it goes. */
class Converter {
  private readonly cps: number[];
  /** Index into `cps`; `offsets` maps it back to a UTF-16 offset for messages. */
  private i = 0;
  private readonly offsets: number[] = [];

  constructor(private readonly text: string) {
    this.cps = [];
    for (let k = 0; k < text.length; ) {
      const cp = text.codePointAt(k)!;
      this.cps.push(cp);
      this.offsets.push(k);
      k += cp > 0xffff ? 2 : 1;
    }
    this.offsets.push(text.length);
  }

  convert(): string {
    const out = this.regExp();
    if (this.i < this.cps.length) {
      // regExp() stops only at ')' or the end, so this is an unmatched ')'.
      this.fail(`unmatched ')'`);
    }
    return out;
  }

  private peek(ahead = 0): string | undefined {
    const cp = this.cps[this.i + ahead];
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  }

  private fail(msg: string, at = this.i): never {
    throw new XsdError(`${msg} at offset ${this.offsets[Math.min(at, this.cps.length)]} of pattern '${this.text}'`);
  }

  // regExp ::= branch ( '|' branch )*
  private regExp(): string {
    const branches = [this.branch()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.branch());
    }
    return branches.join('|');
  }

  // branch ::= piece* ; piece ::= atom quantifier?
  private branch(): string {
    let out = '';
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      if ('?*+{'.includes(c)) this.fail(`quantifier '${c}' without anything to repeat`);
      out += this.atom() + this.quantifier();
    }
    return out;
  }

  private quantifier(): string {
    const c = this.peek();
    let q = '';
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      q = c;
    } else if (c === '{') {
      const start = this.i;
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.text.slice(this.offsets[start]));
      if (!m) this.fail(`malformed quantifier (expected {n}, {n,} or {n,m})`, start);
      if (m[3] && Number(m[3]) < Number(m[1])) this.fail(`quantifier ${m[0]} has max below min`, start);
      this.i += m[0].length;
      q = m[0];
    }
    // XSD has no lazy/possessive quantifiers: `a*?` or `a{2}+` is an error, not laziness.
    const n = this.peek();
    if (q && n !== undefined && '?*+{'.includes(n)) this.fail(`quantifier '${n}' follows another quantifier`);
    return q;
  }

  private atom(): string {
    const start = this.i;
    const c = this.peek()!;
    this.i++;
    switch (c) {
      case '(': {
        const inner = this.regExp();
        if (this.peek() !== ')') this.fail(`unclosed '('`, start);
        this.i++;
        return `(?:${inner})`;
      }
      case '[':
        return this.classExpr(start);
      case '.':
        // XSD '.' excludes only \n and \r; ECMAScript '.' also excludes U+2028/9.
        return '[^\\n\\r]';
      case '\\':
        return this.escape(false);
      case ']':
      case '}':
        return this.fail(`unescaped '${c}'`, start);
      default: {
        const cp = this.cps[start];
        // '^' and '$' are ordinary characters in XSD; other syntax chars were handled above.
        return c === '^' || c === '$' ? '\\' + c : plainChar(cp);
      }
    }
  }

  /**
   * After a backslash: an ECMAScript atom, or with `inClass` a class body fragment. Inside
   * classes, single-character escapes normally go through `classCharOrEsc` instead, since
   * they can be range endpoints.
   */
  private escape(inClass: boolean): string {
    const start = this.i - 1;
    const c = this.peek();
    if (c === undefined) this.fail(`dangling '\\' at end of pattern`, start);
    this.i++;
    const single = singleEscape(c);
    if (single !== undefined) return inClass ? classChar(single) : escapeOutside(single);
    let body: string;
    switch (c) {
      case 'd': body = '\\p{Nd}'; break;
      case 'D': body = '\\P{Nd}'; break;
      case 's': body = rangesBody(SPACE); break;
      case 'S': body = rangesBody(complement(SPACE)); break;
      // XSD \w = all but P, Z, C; written as the union of the remaining categories.
      case 'w': body = '\\p{L}\\p{M}\\p{N}\\p{S}'; break;
      case 'W': body = '\\p{P}\\p{Z}\\p{C}'; break;
      case 'i': body = rangesBody(NAME_START); break;
      case 'I': body = rangesBody(complement(NAME_START)); break;
      case 'c': body = rangesBody(NAME_CHAR); break;
      case 'C': body = rangesBody(complement(NAME_CHAR)); break;
      case 'p':
      case 'P':
        body = this.property(c === 'P', start);
        break;
      default:
        this.fail(`unknown escape '\\${c}'`, start);
    }
    // A lone \p{..} needs no brackets outside a class.
    return inClass || /^\\[pP]\{\w+\}$/.test(body) ? body : `[${body}]`;
  }

  // catEsc ::= '\p{' charProp '}' ; complEsc ::= '\P{' charProp '}'
  private property(negated: boolean, start: number): string {
    if (this.peek() !== '{') this.fail(`expected '{' after '\\${negated ? 'P' : 'p'}'`, start);
    let name = '';
    for (this.i++; this.peek() !== '}'; this.i++) {
      if (this.peek() === undefined) this.fail(`unterminated '\\${negated ? 'P' : 'p'}{'`, start);
      name += this.peek();
    }
    this.i++;
    if (CATEGORIES.has(name)) return `\\${negated ? 'P' : 'p'}{${name}}`;
    const block = name.startsWith('Is') ? BLOCKS[blockKey(name.slice(2))] : undefined;
    if (!block) this.fail(`unknown character property '${name}'`, start);
    return rangesBody(negated ? complement(block) : block);
  }

  // charClassExpr ::= '[' charGroup ']' ; the opening '[' is consumed.
  private classExpr(start: number): string {
    const negated = this.peek() === '^';
    if (negated) this.i++;
    let body = '';
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail(`unclosed '['`, start);
      if (c === ']') {
        if (first) this.fail(`empty character class`, start);
        this.i++;
        return `[${negated ? '^' : ''}${body}]`;
      }
      if (c === '-' && this.peek(1) === '[') {
        // charClassSub: [base-[sub]]; `u` mode has no subtraction, so exclude via lookahead.
        if (first) this.fail(`character class subtraction without a base`, this.i);
        this.i += 2;
        const sub = this.classExpr(this.i - 1);
        if (this.peek() !== ']') this.fail(`expected ']' after class subtraction`);
        this.i++;
        return `(?:(?!${sub})[${negated ? '^' : ''}${body}])`;
      }
      body += this.classItem(first);
      first = false;
    }
  }

  /** One charRange or charClassEsc inside a class. */
  private classItem(first: boolean): string {
    const at = this.i;
    const c = this.peek()!;
    if (c === '[') this.fail(`unescaped '[' in character class`);
    if (c === '\\' && !singleEscape(this.peek(1) ?? '')) {
      this.i++;
      const multi = this.escape(true);
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '[')
        this.fail(`a multi-character escape cannot start a range`, at);
      return multi;
    }
    const lo = this.classCharOrEsc();
    // '-' is literal at the start or end of a group; between two characters it makes a range.
    if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '[' && this.peek(1) !== undefined) {
      if (c === '-' && first) return classChar(lo); // `[--x]`: the leading '-' is literal
      this.i++;
      if (this.peek() === '-') this.fail(`'-' cannot be a range end; escape it as '\\-'`);
      if (this.peek() === '\\' && !singleEscape(this.peek(1) ?? ''))
        this.fail(`a multi-character escape cannot end a range`);
      const hi = this.classCharOrEsc();
      if (hi < lo) this.fail(`range out of order in character class`, at);
      return `${classChar(lo)}-${classChar(hi)}`;
    }
    if (c === '-' && !first && this.peek() !== ']' && this.peek() !== '[') this.fail(`'-' must be escaped here`, at);
    return classChar(lo);
  }

  /** charOrEsc: a literal character or single-character escape, as a code point. */
  private classCharOrEsc(): number {
    const at = this.i;
    const c = this.peek();
    if (c === undefined) this.fail(`unclosed '['`);
    this.i++;
    if (c !== '\\') return this.cps[at];
    const next = this.peek();
    if (next === undefined) this.fail(`dangling '\\' at end of pattern`, at);
    const cp = singleEscape(next);
    if (cp === undefined) this.fail(`unknown escape '\\${next}'`, at);
    this.i++;
    return cp;
  }
}

/** SingleCharEsc ::= '\' [nrt\|.?*+(){}#x2D#x5B#x5D#x5E]; returns the code point meant. */
function singleEscape(c: string): number | undefined {
  if (c === 'n') return 0x0a;
  if (c === 'r') return 0x0d;
  if (c === 't') return 0x09;
  return c.length === 1 && '\\|.?*+(){}-[]^'.includes(c) ? c.charCodeAt(0) : undefined;
}

/** A literal outside classes: ECMAScript syntax characters get a backslash, '-' does not. */
function escapeOutside(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return '\\^$.*+?()[]{}|'.includes(ch) ? '\\' + ch : plainChar(cp);
}
