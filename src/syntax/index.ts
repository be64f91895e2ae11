import { BaseErrorListener, CommonTokenStream, Parser, PredictionMode, Token, type ATNSimulator, type RecognitionException, type Recognizer } from 'antlr4ng';
import type { Diagnostic, SourceLoc } from '../diagnostics/index.js';
import { LIMITS, tooDeepMessage } from '../limits.js';
import { yangVersionOf, type YangVersion } from './arguments.js';
import { checkCharacters, decodeUtf8 } from './characters.js';
import { YangScanner, YangTokenSource, type TokenSpan } from './lexer.js';
import { YangParser } from './generated/YangParser.js';
import type { Statement } from './statement.js';

export type { Statement } from './statement.js';

export interface ParseResult {
  /**
   * The module or submodule statement; absent when the file has syntax errors (code
   * `syntax`). Lexical errors that leave the structure intact (`bad-utf8`,
   * `bad-character`, `bad-escape`) keep it, so later checks still run.
   */
  statement?: Statement;
  /** Syntax errors (code `syntax`), lexical errors and warnings, in source order. */
  diagnostics: Diagnostic[];
}

/**
 * Parses one YANG file into a generic statement tree (RFC 7950 section 6). `source` is
 * the text, or the file's bytes, which must be UTF-8. Never throws: every problem in
 * the input becomes a diagnostic.
 */
export function parseYang(source: string | Uint8Array, file: string): ParseResult {
  let text: string;
  let lexical: Diagnostic[];
  if (typeof source === 'string') {
    text = source;
    lexical = [];
  } else {
    ({ text, diagnostics: lexical } = decodeUtf8(source, file));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // CRLF -> LF keeps line/col right and makes quoted-string processing see plain '\n'.
  if (text.includes('\r\n')) text = text.replace(/\r\n/g, '\n');
  lexical.push(...checkCharacters(text, file));
  const result = parseText(text, file);
  if (lexical.length === 0) return result;
  return { ...result, diagnostics: sortDiagnostics([...lexical, ...result.diagnostics]) };
}

function parseText(text: string, file: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  try {
    const builder = new TreeBuilder(text, file, diagnostics);
    const statement = new StatementParser(new YangScanner(text), builder).file();
    // The problems of a file that does not parse are its syntax errors alone.
    if (!statement) return { diagnostics: sortDiagnostics(syntaxErrors(text, file)) };
    builder.reportEscapes(yangVersionOf(statement));
    const ok = !diagnostics.some((d) => d.code === 'syntax');
    return ok ? { statement, diagnostics: sortDiagnostics(diagnostics) } : { diagnostics: sortDiagnostics(diagnostics) };
  } catch (e) {
    // A bug in this module must not take down the caller; report it against the file.
    diagnostics.push({
      code: 'syntax',
      severity: 'error',
      message: `internal parser error: ${e instanceof Error ? e.message : String(e)}`,
      loc: { file, line: 1, col: 1 },
    });
    return { diagnostics: sortDiagnostics(diagnostics) };
  }
}

/**
 * Recursive descent over the tokens for grammar/YangParser.g4, building statements as it goes:
 * every decision of that grammar is LL(1), so one token of lookahead decides it, and a valid
 * file (nearly every file) never needs ANTLR's parser, whose ATN is deserialized anew in every
 * process. Returns undefined at the first token that does not fit, or at nesting deeper than
 * LIMITS.statementNesting; syntaxErrors() then describes the file with ANTLR's recovery.
 */
class StatementParser {
  private token: TokenSpan;
  private depth = 0;

  constructor(
    private readonly tokens: YangScanner,
    private readonly builder: TreeBuilder,
  ) {
    this.token = tokens.nextToken();
  }

  /** file : statement EOF */
  file(): Statement | undefined {
    const stmt = this.statement();
    return stmt && this.token.type === Token.EOF ? stmt : undefined;
  }

  /** statement : UNQUOTED argument? ( SEMI | LBRACE statement* RBRACE ) */
  private statement(): Statement | undefined {
    const keyword = this.token;
    if (keyword.type !== YangParser.UNQUOTED) return undefined;
    this.token = this.tokens.nextToken();
    const parts = this.argument();
    if (!parts) return undefined;
    const stmt = this.builder.statement(keyword, parts);
    if (this.token.type === YangParser.SEMI) {
      this.token = this.tokens.nextToken();
      return stmt;
    }
    if (this.token.type !== YangParser.LBRACE || ++this.depth > LIMITS.statementNesting) return undefined;
    this.token = this.tokens.nextToken();
    while (this.token.type !== YangParser.RBRACE) {
      const child = this.statement();
      if (!child) return undefined;
      stmt.children.push(child);
    }
    this.depth--;
    this.token = this.tokens.nextToken();
    return stmt;
  }

  /**
   * argument : UNQUOTED | PLUS | ( DQ_STRING | SQ_STRING ) ( PLUS ( DQ_STRING | SQ_STRING ) )*
   * The argument's tokens (none when absent), or undefined when a '+' is not followed by a quoted string.
   */
  private argument(): TokenSpan[] | undefined {
    const first = this.token;
    if (first.type === YangParser.UNQUOTED || first.type === YangParser.PLUS) {
      this.token = this.tokens.nextToken();
      return [first];
    }
    if (!isQuoted(first)) return [];
    const parts = [first];
    for (this.token = this.tokens.nextToken(); this.token.type === YangParser.PLUS; ) {
      const plus = this.token;
      const next = this.tokens.nextToken();
      if (!isQuoted(next)) return undefined;
      parts.push(plus, next);
      this.token = this.tokens.nextToken();
    }
    return parts;
  }
}

const isQuoted = (t: TokenSpan): boolean => t.type === YangParser.DQ_STRING || t.type === YangParser.SQ_STRING;

/**
 * The diagnostics of a file that StatementParser rejected: a `too-deep` error, or ANTLR's
 * syntax errors with its default recovery (full LL prediction), in the words of SyntaxErrorListener.
 */
function syntaxErrors(text: string, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const tokens = new CommonTokenStream(new YangTokenSource(text));
  // The parser recurses once per nesting level: refuse deeper input first.
  const tooDeep = tooDeepStatement(tokens, file);
  if (tooDeep) return [tooDeep];
  const parser = new YangParser(tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(new SyntaxErrorListener(file, diagnostics));
  parser.interpreter.predictionMode = PredictionMode.LL;
  parser.file();
  if (diagnostics.length === 0) throw new Error('the statement parser and the grammar disagree');
  return diagnostics;
}

/** A `too-deep` error at the first statement nested deeper than LIMITS.statementNesting, if any. */
function tooDeepStatement(tokens: CommonTokenStream, file: string): Diagnostic | undefined {
  tokens.fill();
  let depth = 0;
  let statementStart: Token | undefined;
  let atStatementStart = true;
  for (const t of tokens.getTokens()) {
    if (t.channel !== Token.DEFAULT_CHANNEL) continue;
    if (atStatementStart) statementStart = t;
    atStatementStart = t.type === YangParser.LBRACE || t.type === YangParser.RBRACE || t.type === YangParser.SEMI;
    if (t.type === YangParser.LBRACE && ++depth > LIMITS.statementNesting) {
      const at = statementStart ?? t;
      const message = tooDeepMessage('statement', LIMITS.statementNesting);
      return { code: 'too-deep', severity: 'error', message, loc: { file, line: at.line, col: at.column + 1 } };
    }
    if (t.type === YangParser.RBRACE) depth--;
  }
  return undefined;
}

function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
}

/** Names for an expected-token set, in the words of RFC 7950 section 6. */
function describeExpected(types: number[]): string[] {
  const has = (t: number) => types.includes(t);
  const names: string[] = [];
  if (has(Token.EOF)) names.push('end of input');
  if (has(YangParser.UNQUOTED) && has(YangParser.DQ_STRING)) names.push('argument'); // after a keyword
  else if (has(YangParser.UNQUOTED)) names.push('statement'); // keyword position
  else if (has(YangParser.DQ_STRING)) names.push('quoted string'); // after '+'
  if (has(YangParser.SEMI)) names.push("';'");
  if (has(YangParser.LBRACE)) names.push("'{'");
  if (has(YangParser.RBRACE)) names.push("'}'");
  if (has(YangParser.PLUS) && !has(YangParser.UNQUOTED)) names.push("'+'"); // '+' alone is an argument
  return names;
}

function describeToken(t: Token): string {
  if (t.type === Token.EOF) return 'end of input';
  let s = t.text ?? '';
  const nl = s.indexOf('\n');
  if (nl >= 0) s = s.slice(0, nl) + '...';
  if (s.length > 40) s = s.slice(0, 37) + '...';
  return `'${s}'`;
}

function joinAlternatives(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Turns ANTLR's lexer and parser errors into `syntax` diagnostics with pyang/yanglint
 * style wording ("unexpected ';'", "missing '}' at end of input", "unterminated string").
 */
class SyntaxErrorListener extends BaseErrorListener {
  private unterminated = false;

  constructor(
    private readonly file: string,
    private readonly out: Diagnostic[],
  ) {
    super();
  }

  override syntaxError<S extends Token, T extends ATNSimulator>(
    recognizer: Recognizer<T>,
    offendingSymbol: S | null,
    line: number,
    column: number,
    msg: string,
    _e: RecognitionException | null,
  ): void {
    const t = offendingSymbol;
    let message: string;
    if (!t || !(recognizer instanceof Parser)) {
      // Lexer error (the grammar leaves almost nothing unmatched, but be safe).
      message = msg.replace(/^token recognition error at: /, 'unexpected characters ');
    } else if (t.type === YangParser.UNTERMINATED_STRING || t.type === YangParser.UNTERMINATED_COMMENT) {
      this.unterminated = true;
      message = t.type === YangParser.UNTERMINATED_STRING ? 'unterminated string' : 'unterminated comment';
    } else if (this.unterminated && t.type === Token.EOF) {
      return; // the unterminated token swallowed the rest of the file; already reported
    } else {
      const expected = describeExpected(recognizer.getExpectedTokens().toArray());
      if (msg.startsWith('missing ')) {
        const where = t.type === Token.EOF ? 'at end of input' : `before ${describeToken(t)}`;
        message = `missing ${joinAlternatives(expected)} ${where}`;
      } else if (t.type === Token.EOF && expected.includes("'}'")) {
        message = "missing '}' at end of input";
      } else {
        message = `unexpected ${describeToken(t)}`;
        if (expected.length > 0) message += `, expected ${joinAlternatives(expected)}`;
      }
    }
    this.out.push({ code: 'syntax', severity: 'error', message, loc: { file: this.file, line, col: column + 1 } });
  }
}

const KEYWORD = /^(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*$/;

/** A backslash pair other than \n \t \" \\ in a double-quoted string, reported once the version is known. */
interface BadEscape {
  loc: SourceLoc;
  next: string;
}

/** Builds Statement objects from the tokens of a statement, and collects the problems of their text. */
class TreeBuilder {
  private readonly badEscapes: BadEscape[] = [];

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** The statement of keyword token `kwTok` and argument tokens `parts` (string, '+', string, ...), children to come. */
  statement(kwTok: TokenSpan, parts: readonly TokenSpan[]): Statement {
    const kwText = this.tokenText(kwTok);
    const loc = this.loc(kwTok);
    if (!KEYWORD.test(kwText)) {
      this.diagnostics.push({ code: 'syntax', severity: 'error', message: `invalid keyword '${kwText}'`, loc });
    }
    const colon = kwText.indexOf(':');
    const stmt: Statement =
      colon < 0
        ? { keyword: kwText, children: [], loc }
        : { keyword: kwText.slice(colon + 1), prefix: kwText.slice(0, colon), children: [], loc };
    if (parts.length > 0) {
      stmt.argLoc = this.loc(parts[0]!);
      // RFC 7950 section 14: `keyword sep argument`; only a quote can end the keyword token early.
      if (parts[0]!.start === kwTok.stop + 1) {
        this.diagnostics.push({ code: 'syntax', severity: 'error', message: `expected whitespace between '${kwText}' and its argument`, loc: stmt.argLoc });
      }
      let arg = this.argPart(parts[0]!);
      for (let j = 2; j < parts.length; j += 2) arg += this.argPart(parts[j]!);
      stmt.arg = arg;
    }
    return stmt;
  }

  private loc(t: TokenSpan): SourceLoc {
    return { file: this.file, line: t.line, col: t.column + 1 };
  }

  private tokenText(t: TokenSpan): string {
    return this.text.slice(t.start, t.stop + 1);
  }

  private argPart(t: TokenSpan): string {
    const raw = this.tokenText(t);
    if (t.type === YangParser.SQ_STRING) return raw.slice(1, -1);
    if (t.type !== YangParser.DQ_STRING) return raw;
    let s = raw.slice(1, -1);
    // RFC 7950 6.1.3: whitespace trimming works on the raw text, before escapes.
    if (s.includes('\n')) s = trimLines(s, this.quoteColumn(t) + 1);
    if (s.includes('\\')) {
      const r = unescape(s);
      if (r.bad) this.collectBadEscapes(raw, t);
      s = r.value;
    }
    return s;
  }

  /** 0-based visual column of the token's first character, a tab counting as 8 columns. */
  private quoteColumn(t: TokenSpan): number {
    const start = t.start;
    let col = 0;
    for (let i = this.text.lastIndexOf('\n', start - 1) + 1; i < start; i++) {
      col += this.text.charCodeAt(i) === 9 ? 8 : 1;
    }
    return col;
  }

  /**
   * RFC 7950 6.1.3: any other character after a backslash is an error in YANG 1.1.
   * RFC 6020 did not say, so in a YANG 1 module it is a warning and the pair is kept as
   * is (pyang: ILLEGAL_ESCAPE / ILLEGAL_ESCAPE_WARN, also for a backslash before a line break).
   */
  reportEscapes(version: YangVersion): void {
    const severity = version === '1.1' ? 'error' : 'warning';
    for (const { loc, next } of this.badEscapes) {
      const what = next === '\n' ? 'backslash before a line break' : `unknown escape sequence '\\${next}'`;
      const message =
        version === '1.1' ? `${what} in double-quoted string (RFC 7950 6.1.3 allows \\n, \\t, \\" and \\\\)` : `${what} in double-quoted string, kept as is`;
      this.diagnostics.push({ code: 'bad-escape', severity, message, loc });
    }
  }

  private collectBadEscapes(raw: string, t: TokenSpan): void {
    let line = t.line;
    let col = t.column + 1;
    for (let i = 0; i < raw.length; i++, col++) {
      const c = raw[i];
      if (c === '\n') {
        line++;
        col = 0;
      } else if (c === '\\') {
        const next = raw[i + 1];
        if (next !== 'n' && next !== 't' && next !== '"' && next !== '\\') this.badEscapes.push({ loc: { file: this.file, line, col }, next: next! });
        if (next === '\n') {
          line++;
          col = 0;
        } else {
          col++;
        }
        i++;
      }
    }
  }
}

/**
 * Double-quoted string layout rules (RFC 7950 6.1.3): drop trailing spaces/tabs before
 * each line break, and on every later line strip leading whitespace up to `indent`
 * columns (the columns up to and including the opening quote). A tab counts as 8
 * columns; one that straddles the limit is replaced by the spaces left over.
 */
function trimLines(s: string, indent: number): string {
  const lines = s.split('\n');
  const last = lines.length - 1;
  for (let n = 0; n <= last; n++) {
    let line = lines[n];
    if (n < last) {
      let end = line.length;
      while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
      line = line.slice(0, end);
    }
    if (n > 0) {
      let col = 0;
      let i = 0;
      let pad = '';
      while (i < line.length && col < indent) {
        const c = line.charCodeAt(i);
        if (c === 32) col++;
        else if (c === 9) {
          if (col + 8 > indent) pad = ' '.repeat(col + 8 - indent);
          col += 8;
        } else break;
        i++;
      }
      line = pad + line.slice(i);
    }
    lines[n] = line;
  }
  return lines.join('\n');
}

/** Interprets \n \t \" \\; any other backslash pair is kept verbatim and flagged. */
function unescape(s: string): { value: string; bad: boolean } {
  let out = '';
  let from = 0;
  let bad = false;
  for (let i = s.indexOf('\\'); i >= 0; i = s.indexOf('\\', i)) {
    const next = s[i + 1];
    let rep: string;
    if (next === 'n') rep = '\n';
    else if (next === 't') rep = '\t';
    else if (next === '"' || next === '\\') rep = next;
    else {
      bad = true;
      i += 2;
      continue;
    }
    out += s.slice(from, i) + rep;
    i += 2;
    from = i;
  }
  return { value: out + s.slice(from), bad };
}
