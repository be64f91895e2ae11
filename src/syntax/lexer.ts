import { CommonTokenFactory, IntStream, Token, type CharStream, type Interval, type TokenFactory, type TokenSource } from 'antlr4ng';
import { YangParser } from './generated/YangParser.js';

const enum Char {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  DoubleQuote = 0x22,
  SingleQuote = 0x27,
  Plus = 0x2b,
  Star = 0x2a,
  Slash = 0x2f,
  Semicolon = 0x3b,
  Backslash = 0x5c,
  LeftBrace = 0x7b,
  RightBrace = 0x7d,
}

const isSpace = (c: number): boolean => c === Char.Space || c === Char.Tab || c === Char.LineFeed || c === Char.CarriageReturn;

/** Characters that end an unquoted token (a '/' ends one only when a comment starts there), as a table by code. */
const ENDS_UNQUOTED = new Uint8Array(128);
for (const c of [Char.Space, Char.Tab, Char.LineFeed, Char.CarriageReturn, Char.Semicolon, Char.LeftBrace, Char.RightBrace, Char.DoubleQuote, Char.SingleQuote]) ENDS_UNQUOTED[c] = 1;

/** A token as the statement parser reads it: type, offsets of its first and last character, line, 0-based column. */
export interface TokenSpan {
  type: number;
  start: number;
  stop: number;
  line: number;
  column: number;
}

/**
 * The tokens of grammar/YangLexer.g4, written out by hand: the rules are simple enough to
 * decide from the first characters, and ANTLR's lexer builds its DFA anew in every process,
 * which costs more than parsing a small module. Same token types, boundaries, lines and
 * columns (UTF-16 code units, as StringCharStream counts) as the generated YangLexer, which
 * test/syntax/lexer.test.ts compares it with. The input holds no '\r\n' (the parser makes
 * them '\n'), and every character belongs to some token, so there are no lexer errors.
 * Its tokens are plain objects; YangTokenSource makes ANTLR tokens of them.
 */
export class YangScanner {
  line = 1;
  column = 0;
  private pos = 0;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  nextToken(): TokenSpan {
    const text = this.text;
    const n = text.length;
    for (;;) {
      let p = this.pos;
      while (p < n && isSpace(text.charCodeAt(p))) p++;
      this.advanceTo(p);
      if (p >= n) return this.make(Token.EOF, p, p - 1);
      const c = text.charCodeAt(p);
      const next = p + 1 < n ? text.charCodeAt(p + 1) : -1;
      if (c === Char.Slash && next === Char.Slash) {
        // LINE_COMMENT, skipped: up to the line break.
        let end = p + 2;
        while (end < n && text.charCodeAt(end) !== Char.LineFeed && text.charCodeAt(end) !== Char.CarriageReturn) end++;
        this.advanceTo(end);
        continue;
      }
      if (c === Char.Slash && next === Char.Star) {
        const close = text.indexOf('*/', p + 2);
        if (close < 0) return this.token(YangParser.UNTERMINATED_COMMENT, p, n);
        this.advanceTo(close + 2); // BLOCK_COMMENT, skipped
        continue;
      }
      switch (c) {
        case Char.Semicolon:
          return this.token(YangParser.SEMI, p, p + 1);
        case Char.LeftBrace:
          return this.token(YangParser.LBRACE, p, p + 1);
        case Char.RightBrace:
          return this.token(YangParser.RBRACE, p, p + 1);
        case Char.DoubleQuote:
          return this.doubleQuoted(p);
        case Char.SingleQuote: {
          const close = text.indexOf("'", p + 1);
          return close < 0 ? this.token(YangParser.UNTERMINATED_STRING, p, n) : this.token(YangParser.SQ_STRING, p, close + 1);
        }
      }
      let end = p;
      while (end < n) {
        const ch = text.charCodeAt(end);
        if (ch < 128 && ENDS_UNQUOTED[ch] === 1) break;
        if (ch === Char.Slash && end + 1 < n) {
          const after = text.charCodeAt(end + 1);
          if (after === Char.Slash || after === Char.Star) break;
        }
        end++;
      }
      // A lone '+' is PLUS (defined before UNQUOTED, so it wins the tie of equal lengths).
      return this.token(end === p + 1 && c === Char.Plus ? YangParser.PLUS : YangParser.UNQUOTED, p, end);
    }
  }

  /** DQ_STRING, or UNTERMINATED_STRING up to the end of input when no quote closes it. */
  private doubleQuoted(p: number): TokenSpan {
    const text = this.text;
    for (let i = p + 1; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === Char.Backslash) i++;
      else if (ch === Char.DoubleQuote) return this.token(YangParser.DQ_STRING, p, i + 1);
    }
    return this.token(YangParser.UNTERMINATED_STRING, p, text.length);
  }

  /** A token of text[start, end), the position then moved past it. */
  private token(type: number, start: number, end: number): TokenSpan {
    const t = this.make(type, start, end - 1);
    this.advanceTo(end);
    return t;
  }

  private make(type: number, start: number, stop: number): TokenSpan {
    return { type, start, stop, line: this.line, column: this.column };
  }

  /** Moves to `end`, counting the line breaks passed. */
  private advanceTo(end: number): void {
    const text = this.text;
    for (let i = this.pos; i < end; i++) {
      if (text.charCodeAt(i) === Char.LineFeed) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.pos = end;
    this.column = end - this.lineStart;
  }
}

/** The hand-written tokens as an ANTLR TokenSource, for ANTLR's parser (syntax error messages) and the tests. */
export class YangTokenSource implements TokenSource {
  tokenFactory: TokenFactory<Token> = CommonTokenFactory.DEFAULT;
  readonly sourceName = '';
  readonly inputStream: CharStream;
  private readonly scanner: YangScanner;

  constructor(text: string) {
    this.inputStream = new StringCharStream(text);
    this.scanner = new YangScanner(text);
  }

  get line(): number {
    return this.scanner.line;
  }

  get column(): number {
    return this.scanner.column;
  }

  nextToken(): Token {
    const t = this.scanner.nextToken();
    return this.tokenFactory.create([this, this.inputStream], t.type, undefined, Token.DEFAULT_CHANNEL, t.start, t.stop, t.line, t.column);
  }
}

/**
 * A CharStream reading the JS string directly as UTF-16 code units. ANTLR's own
 * CharStream.fromString first copies the text into a code point array (a fifth of the
 * parse time on the corpus). Here token start/stop are plain string offsets and columns
 * count UTF-16 units (as in LSP); a surrogate pair matches the grammar's `~[...]` sets
 * like any other non-special character, so the token structure is the same.
 */
export class StringCharStream implements CharStream {
  name = '';
  index = 0;

  constructor(private readonly text: string) {}

  get size(): number {
    return this.text.length;
  }

  LA(offset: number): number {
    if (offset === 0) return 0;
    const pos = this.index + (offset < 0 ? offset : offset - 1);
    return pos >= 0 && pos < this.text.length ? this.text.charCodeAt(pos) : Token.EOF;
  }

  consume(): void {
    if (this.index >= this.text.length) throw new Error('cannot consume EOF');
    this.index++;
  }

  seek(index: number): void {
    this.index = Math.min(index, this.text.length);
  }

  reset(): void {
    this.index = 0;
  }

  mark(): number {
    return -1; // the whole input is in memory, nothing to buffer
  }

  release(): void {}

  getTextFromRange(start: number, stop: number): string {
    return this.text.slice(start, stop + 1);
  }

  getTextFromInterval(interval: Interval): string {
    return this.text.slice(interval.start, interval.stop + 1);
  }

  getSourceName(): string {
    return this.name || IntStream.UNKNOWN_SOURCE_NAME;
  }

  toString(): string {
    return this.text;
  }
}
