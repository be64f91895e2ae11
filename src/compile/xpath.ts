/**
 * Syntax check of XPath 1.0 expressions (W3C XPath 1.0 sections 2-3), as used by YANG `when`,
 * `must` and leafref `path` (RFC 7950 sections 6.4, 9.9.2). A tokenizer applying the lexical
 * disambiguation rules of section 3.7 feeds a recursive-descent recognizer; nothing is built.
 */

type Kind =
  | 'op' // and or mod div * / // | + - = != < <= > >=
  | 'punct' // ( ) [ ] . .. @ , ::
  | 'name' // NameTest: *, p:*, p:l, l
  | 'nodetype' // comment text processing-instruction node (followed by '(')
  | 'func' // FunctionName, possibly prefixed (followed by '(')
  | 'axis' // AxisName (followed by '::')
  | 'literal'
  | 'number'
  | 'var'
  | 'eof';

interface Token {
  kind: Kind;
  value: string;
  pos: number;
  /** Namespace prefix of a name test or function name. */
  prefix?: string;
}

class XPathError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const AXES = new Set([
  'ancestor', 'ancestor-or-self', 'attribute', 'child', 'descendant', 'descendant-or-self', 'following',
  'following-sibling', 'namespace', 'parent', 'preceding', 'preceding-sibling', 'self',
]);
const NODE_TYPES = new Set(['comment', 'text', 'processing-instruction', 'node']);
const OPERATOR_NAMES = new Set(['and', 'or', 'mod', 'div']);

// NCName (XML Namespaces): approximated with Unicode properties instead of the XML tables.
const NCNAME = /[\p{L}_][\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\u00B7.-]*/uy;
const NUMBER = /\d+(?:\.\d*)?|\.\d+/y;
const SPACE = /[ \t\r\n]*/y;

function match(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  return re.exec(text)?.[0];
}

/** Appends to `tokens` as it goes, so a caller catching an error still sees the tokens before it. */
function tokenize(expr: string, tokens: Token[] = []): Token[] {
  let pos = 0;
  const skip = (p: number) => p + match(SPACE, expr, p)!.length;

  for (pos = skip(0); pos < expr.length; pos = skip(pos)) {
    const start = pos;
    const prev = tokens[tokens.length - 1];
    // Section 3.7: after a token that ends an operand, '*' and NCNames are operators.
    const operatorExpected =
      prev !== undefined && prev.kind !== 'op' && !(prev.kind === 'punct' && '@ :: ( [ ,'.split(' ').includes(prev.value));
    const push = (kind: Kind, value: string, prefix?: string) => {
      tokens.push({ kind, value, pos: start, prefix });
      pos = start + value.length;
    };
    const c = expr[pos];
    const two = expr.slice(pos, pos + 2);

    if (c === '"' || c === "'") {
      const end = expr.indexOf(c, pos + 1);
      if (end < 0) throw new XPathError('unterminated string literal', pos);
      push('literal', expr.slice(pos, end + 1));
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(expr[pos + 1] ?? ''))) {
      push('number', match(NUMBER, expr, pos)!);
    } else if (two === '..' || two === '::') {
      push('punct', two);
    } else if ('()[].@,'.includes(c)) {
      push('punct', c);
    } else if (two === '//' || two === '!=' || two === '<=' || two === '>=') {
      push('op', two);
    } else if ('/|+-=<>'.includes(c)) {
      push('op', c);
    } else if (c === '*') {
      push(operatorExpected ? 'op' : 'name', '*');
    } else if (c === '$') {
      const name = qname(expr, pos + 1);
      if (!name) throw new XPathError("expected a variable name after '$'", pos);
      push('var', '$' + name.text);
    } else {
      const name = match(NCNAME, expr, pos);
      if (!name) throw new XPathError(`unexpected character '${c}'`, pos);
      if (operatorExpected) {
        if (!OPERATOR_NAMES.has(name)) throw new XPathError(`expected an operator, found '${name}'`, pos);
        push('op', name);
        continue;
      }
      const after = skip(pos + name.length);
      if (expr.startsWith('::', after)) {
        if (!AXES.has(name)) throw new XPathError(`unknown axis '${name}'`, pos);
        push('axis', name);
        continue;
      }
      // QName or 'prefix:*': no whitespace is allowed around the ':'.
      let value = name;
      let prefix: string | undefined;
      if (expr[pos + name.length] === ':' && expr[pos + name.length + 1] !== ':') {
        const local = expr[pos + name.length + 1] === '*' ? '*' : match(NCNAME, expr, pos + name.length + 1);
        if (!local) throw new XPathError(`expected a local name or '*' after '${name}:'`, pos + name.length + 1);
        prefix = name;
        value = `${name}:${local}`;
      }
      const isCall = expr[skip(pos + value.length)] === '(' && !value.endsWith('*');
      if (isCall) push(!prefix && NODE_TYPES.has(name) ? 'nodetype' : 'func', value, prefix);
      else push('name', value, prefix);
    }
  }
  tokens.push({ kind: 'eof', value: '', pos: expr.length });
  return tokens;
}

function qname(text: string, pos: number): { text: string } | undefined {
  const first = match(NCNAME, text, pos);
  if (!first) return undefined;
  const local = text[pos + first.length] === ':' ? match(NCNAME, text, pos + first.length + 1) : undefined;
  return { text: local ? `${first}:${local}` : first };
}

/** Recursive descent over the XPath 1.0 grammar (productions [1]-[39]), recognising only. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private get tok(): Token {
    return this.tokens[this.i];
  }

  private is(kind: Kind, ...values: string[]): boolean {
    return this.tok.kind === kind && (values.length === 0 || values.includes(this.tok.value));
  }

  private expect(kind: Kind, value: string, context: string): void {
    if (!this.is(kind, value)) this.unexpected(`expected '${value}' ${context}`);
    this.i++;
  }

  private unexpected(message: string): never {
    const t = this.tok;
    throw new XPathError(`${message}, found ${t.kind === 'eof' ? 'end of expression' : `'${t.value}'`}`, t.pos);
  }

  parse(): void {
    this.expr();
    if (!this.is('eof')) this.unexpected('expected an operator or end of expression');
  }

  // [14]-[21]: binary operators by precedence level, loosest first; all left-associative.
  private static readonly LEVELS = [['or'], ['and'], ['=', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', 'div', 'mod']];

  private expr(level = 0): void {
    if (level === Parser.LEVELS.length) return this.unary();
    this.expr(level + 1);
    while (this.is('op', ...Parser.LEVELS[level])) {
      const op = this.tok.value;
      this.i++;
      if (this.is('eof')) this.unexpected(`expected an expression after '${op}'`);
      this.expr(level + 1);
    }
  }

  // [27] UnaryExpr ::= UnionExpr | '-' UnaryExpr ; [18] UnionExpr ::= PathExpr ('|' PathExpr)*
  private unary(): void {
    while (this.is('op', '-')) this.i++;
    this.path();
    while (this.is('op', '|')) {
      this.i++;
      this.path();
    }
  }

  // [19] PathExpr ::= LocationPath | FilterExpr (('/' | '//') RelativeLocationPath)?
  private path(): void {
    const t = this.tok;
    if (t.kind === 'var' || t.kind === 'literal' || t.kind === 'number' || t.kind === 'func' || this.is('punct', '(')) {
      this.primary();
      while (this.is('punct', '[')) this.predicate();
      if (this.is('op', '/', '//')) {
        this.i++;
        this.relativePath();
      }
    } else if (this.is('op', '/')) {
      this.i++;
      if (this.startsStep()) this.relativePath(); // a lone '/' selects the root
    } else if (this.is('op', '//')) {
      this.i++;
      this.relativePath();
    } else if (this.startsStep()) {
      this.relativePath();
    } else {
      this.unexpected('expected an expression');
    }
  }

  // [15] PrimaryExpr ; [16] FunctionCall ::= FunctionName '(' ( Argument ( ',' Argument )* )? ')'
  private primary(): void {
    const t = this.tok;
    this.i++;
    if (t.kind === 'func') {
      this.expect('punct', '(', `after function name '${t.value}'`);
      if (!this.is('punct', ')')) {
        this.expr();
        while (this.is('punct', ',')) {
          this.i++;
          this.expr();
        }
      }
      this.expect('punct', ')', `to close the arguments of '${t.value}('`);
    } else if (t.kind === 'punct') {
      this.expr();
      this.expect('punct', ')', 'to close the parenthesis');
    }
  }

  private startsStep(): boolean {
    return this.is('name') || this.is('nodetype') || this.is('axis') || this.is('punct', '@', '.', '..');
  }

  // [3] RelativeLocationPath ::= Step (('/' | '//') Step)*
  private relativePath(): void {
    this.step();
    while (this.is('op', '/', '//')) {
      this.i++;
      this.step();
    }
  }

  // [4] Step ::= AxisSpecifier NodeTest Predicate* | '.' | '..'
  private step(): void {
    if (this.is('punct', '.', '..')) {
      this.i++;
      return;
    }
    if (this.is('axis')) {
      this.i++;
      this.expect('punct', '::', 'after the axis name');
    } else if (this.is('punct', '@')) {
      this.i++;
    }
    // [7] NodeTest ::= NameTest | NodeType '(' ')' | 'processing-instruction' '(' Literal ')'
    if (this.is('nodetype')) {
      const type = this.tok.value;
      this.i++;
      this.expect('punct', '(', `after '${type}'`);
      if (type === 'processing-instruction' && this.is('literal')) this.i++;
      this.expect('punct', ')', `to close '${type}('`);
    } else if (this.is('name')) {
      this.i++;
    } else {
      this.unexpected('expected a location step');
    }
    while (this.is('punct', '[')) this.predicate();
  }

  // [8] Predicate ::= '[' Expr ']'
  private predicate(): void {
    this.i++;
    this.expr();
    this.expect('punct', ']', 'to close the predicate');
  }
}

/** Returns undefined when `expr` is a syntactically valid XPath 1.0 expression. */
export function checkXPath(expr: string): { error: string; offset: number } | undefined {
  try {
    new Parser(tokenize(expr)).parse();
    return undefined;
  } catch (e) {
    if (e instanceof XPathError) return { error: e.message, offset: e.offset };
    throw e;
  }
}

/**
 * Namespace prefixes used by name tests (`p:l`, `p:*`) and function names (`p:f(...)`), in
 * order of first use, so the caller can check each is imported. Prefixes inside string
 * literals (identityref values such as `derived-from(., 'x:y')`) are not included.
 * For an expression with a lexical error, only the prefixes before the error are returned.
 */
export function xpathPrefixes(expr: string): string[] {
  const tokens: Token[] = [];
  try {
    tokenize(expr, tokens);
  } catch (e) {
    if (!(e instanceof XPathError)) throw e;
  }
  const prefixes = new Set<string>();
  for (const t of tokens) if (t.prefix) prefixes.add(t.prefix);
  return [...prefixes];
}
