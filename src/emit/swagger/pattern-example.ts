/**
 * A string matching every YANG pattern of a type (and its length), for schema examples:
 * candidates are generated from the ECMAScript form of the patterns with a few simple
 * strategies (shortest repetitions or longer ones, first or last alternatives) and the
 * first one that really matches all patterns is kept. Undefined when none does.
 */
import type { Interval, PatternIR } from '../../ir/types.js';

/** Characters tried, in order, for a character class or `.`. */
const PREFERRED = [...'a0A1x_-.:/ '];
const STRETCHES = [0, 1, 2, 4, 8, 16];

export function patternExample(patterns: readonly PatternIR[], length: readonly Interval[] | undefined): string | undefined {
  // The leaves of a typedef or grouping share its pattern list: openconfig-network-instance
  // asks 1,500 times for the examples of 21 lists.
  let byLength = examples.get(patterns);
  if (!byLength) examples.set(patterns, (byLength = new Map()));
  if (!byLength.has(length)) byLength.set(length, sampleMatching(patterns, length));
  return byLength.get(length);
}

/** Examples by pattern list and length restriction (IR objects, never changed once compiled). */
const examples = new WeakMap<readonly PatternIR[], Map<readonly Interval[] | undefined, string | undefined>>();

function sampleMatching(patterns: readonly PatternIR[], length: readonly Interval[] | undefined): string | undefined {
  const regexes = patterns.map((p) => ({ re: new RegExp(p.ecma, 'u'), invert: p.invertMatch }));
  const fits = (s: string) =>
    regexes.every(({ re, invert }) => re.test(s) !== invert) &&
    (!length?.length || length.some((i) => [...s].length >= Number(i.min) && [...s].length <= Number(i.max)));
  const sources = patterns.filter((p) => !p.invertMatch).map((p) => p.ecma);
  for (const source of sources.length ? sources : ['^$', '^a*$']) {
    for (const stretch of STRETCHES) {
      for (const lastAlternative of [false, true]) {
        const candidate = new Sampler(source, stretch, lastAlternative).sample();
        if (candidate !== undefined && fits(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

/** Walks a regex source once, writing one string it (probably) matches. */
class Sampler {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly stretch: number,
    private readonly lastAlternative: boolean,
  ) {}

  sample(): string | undefined {
    try {
      return this.alternation();
    } catch {
      return undefined;
    }
  }

  private alternation(): string {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return this.lastAlternative ? branches[branches.length - 1]! : branches[0]!;
  }

  private sequence(): string {
    let out = '';
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      out += this.repeat(atom);
    }
    return out;
  }

  /** Consumes one atom (character, class, escape or group) and returns a text for it. */
  private atom(): string {
    const c = this.src[this.i++]!;
    switch (c) {
      case '^':
      case '$':
        return '';
      case '(': {
        if (this.src[this.i] === '?') {
          const kind = this.src.slice(this.i, this.i + 2);
          this.i += 2;
          const inner = this.alternation();
          this.expect(')');
          // Lookarounds consume nothing; whether they hold is left to the final check.
          return kind === '?:' ? inner : '';
        }
        const inner = this.alternation();
        this.expect(')');
        return inner;
      }
      case '[':
        return this.charClass();
      case '.':
        return PREFERRED[0]!;
      case '\\':
        return this.escape();
      default:
        return c;
    }
  }

  private repeat(text: string): string {
    const c = this.src[this.i];
    let min = 1;
    let max = 1;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        this.i += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      }
    }
    if (this.src[this.i] === '?' && (c === '*' || c === '+' || c === '?' || c === '{')) this.i++;
    return text.repeat(Math.min(max, min + this.stretch));
  }

  private charClass(): string {
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const ranges: [number, number][] = [];
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length) throw new Error('unterminated class');
      const from = this.classChar();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']') {
        this.i++;
        const to = this.classChar();
        ranges.push([from.codePointAt(0)!, to.codePointAt(0)!]);
      } else ranges.push([from.codePointAt(0)!, from.codePointAt(0)!]);
    }
    this.i++;
    const inClass = (ch: string) => ranges.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b);
    const preferred = PREFERRED.find((ch) => inClass(ch) !== negated);
    if (preferred !== undefined) return preferred;
    if (negated || ranges.length === 0) throw new Error('no character');
    return String.fromCodePoint(ranges[0]![0]);
  }

  /** One character of a class; an escape standing for a set gives a representative of it. */
  private classChar(): string {
    const c = this.src[this.i++]!;
    return c === '\\' ? this.escape() : c;
  }

  private escape(): string {
    const c = this.src[this.i++]!;
    switch (c) {
      case 'd':
        return '0';
      case 'w':
        return 'a';
      case 's':
        return ' ';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'p':
      case 'P': {
        const end = this.src.indexOf('}', this.i);
        const name = this.src.slice(this.i + 1, end);
        this.i = end + 1;
        return c === 'p' && name.startsWith('N') ? '0' : 'a';
      }
      case 'u': {
        const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
        if (!m) return 'u';
        this.i += m[0].length;
        return String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16));
      }
      case 'x': {
        const hex = this.src.slice(this.i, this.i + 2);
        this.i += 2;
        return String.fromCodePoint(parseInt(hex, 16));
      }
      default:
        return c;
    }
  }

  private expect(c: string): void {
    if (this.src[this.i++] !== c) throw new Error(`expected ${c}`);
  }
}
