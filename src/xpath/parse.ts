/**
 * Parser of XPath 1.0 expressions (W3C XPath 1.0 sections 2-4), as used by YANG `when`, `must`
 * and leafref `path` (RFC 7950 sections 6.4, 9.9.2, 10). A tokenizer applying the lexical
 * disambiguation rules of section 3.7 feeds a recursive-descent parser that builds an AST with
 * the abbreviations of section 2.5 expanded, and checks function names and arities against the
 * XPath 1.0 core library and the YANG functions of the module's yang-version.
 */
import { LIMITS, tooDeepMessage } from '../limits.js';

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

/** What is wrong with an expression: its syntax, a function call, or its nesting depth. */
export type XPathErrorKind = 'syntax' | 'unknown-function' | 'unknown-variable' | 'arguments' | 'too-deep';

class XPathError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly kind: XPathErrorKind = 'syntax',
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

// ---- AST ----------------------------------------------------------------------------------

export type Axis =
  | 'ancestor' | 'ancestor-or-self' | 'attribute' | 'child' | 'descendant' | 'descendant-or-self' | 'following'
  | 'following-sibling' | 'namespace' | 'parent' | 'preceding' | 'preceding-sibling' | 'self';

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | 'div' | 'mod' | '|';

/** [7] NodeTest: a name test (`local` may be `*`) or a node type test. */
export type NodeTest =
  | { kind: 'name'; prefix?: string; local: string }
  | { kind: 'node-type'; type: 'node' | 'text' | 'comment' | 'processing-instruction'; literal?: string };

/** [4] Step, abbreviations expanded: `.` is self::node(), `..` parent::node(), `@x` attribute::x. */
export interface Step {
  axis: Axis;
  test: NodeTest;
  predicates: XPathExpr[];
  /** Offset of the step in the expression text. */
  offset: number;
}

/** Every node carries the offset in the expression text where it starts. */
export type XPathExpr =
  | { kind: 'binary'; op: BinaryOp; left: XPathExpr; right: XPathExpr; offset: number }
  | { kind: 'negate'; operand: XPathExpr; offset: number }
  /**
   * [1]/[19] A location path: from the root (`absolute`), from the node-set of `filter`, or from
   * the context node. `//` is expanded to a descendant-or-self::node() step.
   */
  | { kind: 'path'; absolute: boolean; filter?: XPathExpr; steps: Step[]; offset: number }
  /** [20] FilterExpr with predicates; a primary without predicates is returned as itself. */
  | { kind: 'filter'; primary: XPathExpr; predicates: XPathExpr[]; offset: number }
  | { kind: 'literal'; value: string; offset: number }
  | { kind: 'number'; value: number; offset: number }
  | { kind: 'variable'; name: string; offset: number }
  | { kind: 'call'; name: string; prefix?: string; args: XPathExpr[]; offset: number };

// ---- Function library ---------------------------------------------------------------------

/** Arity and first yang-version of each function: XPath 1.0 section 4 and RFC 7950 section 10. */
export const XPATH_FUNCTIONS: Readonly<Record<string, { min: number; max: number; since: '1' | '1.1' }>> = {
  // 4.1 node-set functions
  last: { min: 0, max: 0, since: '1' },
  position: { min: 0, max: 0, since: '1' },
  count: { min: 1, max: 1, since: '1' },
  id: { min: 1, max: 1, since: '1' },
  'local-name': { min: 0, max: 1, since: '1' },
  'namespace-uri': { min: 0, max: 1, since: '1' },
  name: { min: 0, max: 1, since: '1' },
  // 4.2 string functions
  string: { min: 0, max: 1, since: '1' },
  concat: { min: 2, max: Infinity, since: '1' },
  'starts-with': { min: 2, max: 2, since: '1' },
  contains: { min: 2, max: 2, since: '1' },
  'substring-before': { min: 2, max: 2, since: '1' },
  'substring-after': { min: 2, max: 2, since: '1' },
  substring: { min: 2, max: 3, since: '1' },
  'string-length': { min: 0, max: 1, since: '1' },
  'normalize-space': { min: 0, max: 1, since: '1' },
  translate: { min: 3, max: 3, since: '1' },
  // 4.3 boolean functions
  boolean: { min: 1, max: 1, since: '1' },
  not: { min: 1, max: 1, since: '1' },
  true: { min: 0, max: 0, since: '1' },
  false: { min: 0, max: 0, since: '1' },
  lang: { min: 1, max: 1, since: '1' },
  // 4.4 number functions
  number: { min: 0, max: 1, since: '1' },
  sum: { min: 1, max: 1, since: '1' },
  floor: { min: 1, max: 1, since: '1' },
  ceiling: { min: 1, max: 1, since: '1' },
  round: { min: 1, max: 1, since: '1' },
  // RFC 6020 6.4.1 / RFC 7950 10.1.1
  current: { min: 0, max: 0, since: '1' },
  // RFC 7950 10.2-10.6: YANG 1.1 only
  're-match': { min: 2, max: 2, since: '1.1' },
  deref: { min: 1, max: 1, since: '1.1' },
  'derived-from': { min: 2, max: 2, since: '1.1' },
  'derived-from-or-self': { min: 2, max: 2, since: '1.1' },
  'enum-value': { min: 1, max: 1, since: '1.1' },
  'bit-is-set': { min: 2, max: 2, since: '1.1' },
};

function arityText(min: number, max: number): string {
  if (min === max) return String(min);
  return max === Infinity ? `at least ${min}` : `${min} or ${max}`;
}

// ---- Parser -------------------------------------------------------------------------------

export interface XPathOptions {
  /** yang-version of the module the expression is written in ('1' has no YANG 1.1 functions). */
  yangVersion?: '1' | '1.1';
}

const NODE_STEP = (axis: Axis, offset: number): Step => ({ axis, test: { kind: 'node-type', type: 'node' }, predicates: [], offset });

/** Recursive descent over the XPath 1.0 grammar (productions [1]-[39]); depth bounded by LIMITS.xpathNesting. */
class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly yangVersion: '1' | '1.1',
  ) {}

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

  parse(): XPathExpr {
    const ast = this.nested();
    if (!this.is('eof')) this.unexpected('expected an operator or end of expression');
    return ast;
  }

  /** An Expr inside parentheses, a predicate or an argument list: one level deeper. */
  private nested(): XPathExpr {
    if (++this.depth > LIMITS.xpathNesting) {
      throw new XPathError(tooDeepMessage('expression', LIMITS.xpathNesting), this.tok.pos, 'too-deep');
    }
    const e = this.expr();
    this.depth--;
    return e;
  }

  // [14]-[21]: binary operators by precedence level, loosest first; all left-associative.
  private static readonly LEVELS: BinaryOp[][] = [['or'], ['and'], ['=', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', 'div', 'mod']];

  private expr(level = 0): XPathExpr {
    if (level === Parser.LEVELS.length) return this.unary();
    let left = this.expr(level + 1);
    while (this.is('op', ...Parser.LEVELS[level])) {
      const op = this.tok.value as BinaryOp;
      this.i++;
      if (this.is('eof')) this.unexpected(`expected an expression after '${op}'`);
      left = { kind: 'binary', op, left, right: this.expr(level + 1), offset: left.offset };
    }
    return left;
  }

  // [27] UnaryExpr ::= UnionExpr | '-' UnaryExpr ; [18] UnionExpr ::= PathExpr ('|' PathExpr)*
  private unary(): XPathExpr {
    const minuses: number[] = [];
    while (this.is('op', '-')) {
      minuses.push(this.tok.pos);
      this.i++;
    }
    let e = this.path();
    while (this.is('op', '|')) {
      this.i++;
      e = { kind: 'binary', op: '|', left: e, right: this.path(), offset: e.offset };
    }
    for (let k = minuses.length - 1; k >= 0; k--) e = { kind: 'negate', operand: e, offset: minuses[k] };
    return e;
  }

  // [19] PathExpr ::= LocationPath | FilterExpr (('/' | '//') RelativeLocationPath)?
  private path(): XPathExpr {
    const t = this.tok;
    if (t.kind === 'var' || t.kind === 'literal' || t.kind === 'number' || t.kind === 'func' || this.is('punct', '(')) {
      let filter = this.primary();
      const predicates = this.predicates();
      if (predicates.length) filter = { kind: 'filter', primary: filter, predicates, offset: t.pos };
      if (!this.is('op', '/', '//')) return filter;
      if (this.is('op', '/')) this.i++;
      return { kind: 'path', absolute: false, filter, steps: this.relativePath(), offset: t.pos };
    }
    if (this.is('op', '/')) {
      this.i++;
      // A lone '/' selects the root.
      return { kind: 'path', absolute: true, steps: this.startsStep() ? this.relativePath() : [], offset: t.pos };
    }
    if (this.is('op', '//')) return { kind: 'path', absolute: true, steps: this.relativePath(), offset: t.pos };
    if (this.startsStep()) return { kind: 'path', absolute: false, steps: this.relativePath(), offset: t.pos };
    this.unexpected('expected an expression');
  }

  // [15] PrimaryExpr ; [16] FunctionCall ::= FunctionName '(' ( Argument ( ',' Argument )* )? ')'
  private primary(): XPathExpr {
    const t = this.tok;
    this.i++;
    switch (t.kind) {
      case 'var':
        return { kind: 'variable', name: t.value.slice(1), offset: t.pos };
      case 'literal':
        return { kind: 'literal', value: t.value.slice(1, -1), offset: t.pos };
      case 'number':
        return { kind: 'number', value: Number(t.value), offset: t.pos };
      case 'func': {
        this.expect('punct', '(', `after function name '${t.value}'`);
        const args: XPathExpr[] = [];
        if (!this.is('punct', ')')) {
          args.push(this.nested());
          while (this.is('punct', ',')) {
            this.i++;
            args.push(this.nested());
          }
        }
        this.expect('punct', ')', `to close the arguments of '${t.value}('`);
        this.checkCall(t, args.length);
        const local = t.prefix === undefined ? t.value : t.value.slice(t.prefix.length + 1);
        return t.prefix === undefined
          ? { kind: 'call', name: local, args, offset: t.pos }
          : { kind: 'call', name: local, prefix: t.prefix, args, offset: t.pos };
      }
      default: {
        const e = this.nested();
        this.expect('punct', ')', 'to close the parenthesis');
        return e;
      }
    }
  }

  /** XPath 1.0 section 4 and RFC 7950 section 10: a known function of this yang-version, with its arity. */
  private checkCall(t: Token, count: number): void {
    const f = t.prefix === undefined ? XPATH_FUNCTIONS[t.value] : undefined;
    if (!f || (f.since === '1.1' && this.yangVersion === '1')) {
      const why = f ? ' in a YANG 1.0 module' : '';
      throw new XPathError(`unknown XPath function "${t.value}"${why}`, t.pos, 'unknown-function');
    }
    if (count < f.min || count > f.max) {
      throw new XPathError(
        `wrong number of arguments for "${t.value}": expected ${arityText(f.min, f.max)}, got ${count}`,
        t.pos,
        'arguments',
      );
    }
  }

  private startsStep(): boolean {
    return this.is('name') || this.is('nodetype') || this.is('axis') || this.is('punct', '@', '.', '..');
  }

  /**
   * [3] RelativeLocationPath ::= Step (('/' | '//') Step)*, entered on its first step or on a
   * leading '//' (which the caller has not consumed).
   */
  private relativePath(): Step[] {
    const steps: Step[] = [];
    if (this.is('op', '//')) {
      steps.push(NODE_STEP('descendant-or-self', this.tok.pos));
      this.i++;
    }
    steps.push(this.step());
    while (this.is('op', '/', '//')) {
      if (this.tok.value === '//') steps.push(NODE_STEP('descendant-or-self', this.tok.pos));
      this.i++;
      steps.push(this.step());
    }
    return steps;
  }

  // [4] Step ::= AxisSpecifier NodeTest Predicate* | '.' | '..'
  private step(): Step {
    const offset = this.tok.pos;
    if (this.is('punct', '.', '..')) {
      const axis = this.tok.value === '.' ? 'self' : 'parent';
      this.i++;
      return NODE_STEP(axis, offset);
    }
    let axis: Axis = 'child';
    if (this.is('axis')) {
      axis = this.tok.value as Axis;
      this.i++;
      this.expect('punct', '::', 'after the axis name');
    } else if (this.is('punct', '@')) {
      axis = 'attribute';
      this.i++;
    }
    // [7] NodeTest ::= NameTest | NodeType '(' ')' | 'processing-instruction' '(' Literal ')'
    let test: NodeTest;
    if (this.is('nodetype')) {
      const type = this.tok.value as 'node' | 'text' | 'comment' | 'processing-instruction';
      this.i++;
      this.expect('punct', '(', `after '${type}'`);
      test = { kind: 'node-type', type };
      if (type === 'processing-instruction' && this.is('literal')) {
        test.literal = this.tok.value.slice(1, -1);
        this.i++;
      }
      this.expect('punct', ')', `to close '${type}('`);
    } else if (this.is('name')) {
      const t = this.tok;
      this.i++;
      test = t.prefix === undefined ? { kind: 'name', local: t.value } : { kind: 'name', prefix: t.prefix, local: t.value.slice(t.prefix.length + 1) };
    } else {
      this.unexpected('expected a location step');
    }
    return { axis, test, predicates: this.predicates(), offset };
  }

  // [8] Predicate ::= '[' Expr ']'
  private predicates(): XPathExpr[] {
    const out: XPathExpr[] = [];
    while (this.is('punct', '[')) {
      this.i++;
      out.push(this.nested());
      this.expect('punct', ']', 'to close the predicate');
    }
    return out;
  }
}

export type XPathParse = { ast: XPathExpr } | { error: string; offset: number; kind: XPathErrorKind };

/**
 * Parsed expressions by yang-version and text. A module set repeats its expressions in every
 * use of a grouping and every compile of an importer, so each is parsed once; bounded, for
 * long-running hosts (watch mode, a language server).
 */
const parsed = new Map<string, XPathParse>();
const MAX_PARSED = 50_000;

/**
 * Parses an XPath 1.0 expression into its AST (shared between callers: read it, never change
 * it). An error names the offset in `expr` where it was found and its kind (syntax, unknown
 * function, wrong arity, nesting too deep).
 */
export function parseXPath(expr: string, options: XPathOptions = {}): XPathParse {
  const version = options.yangVersion ?? '1.1';
  const key = `${version} ${expr}`;
  let r = parsed.get(key);
  if (r) return r;
  try {
    r = { ast: new Parser(tokenize(expr), version).parse() };
  } catch (e) {
    if (!(e instanceof XPathError)) throw e;
    r = { error: e.message, offset: e.offset, kind: e.kind };
  }
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(key, r);
  return r;
}

/** Returns undefined when `expr` is a valid XPath expression for the yang-version. */
export function checkXPath(expr: string, options: XPathOptions = {}): { error: string; offset: number; kind: XPathErrorKind } | undefined {
  const r = parseXPath(expr, options);
  return 'error' in r ? r : undefined;
}

/** RFC 7950 6.4.1: the XPath context of a YANG statement binds no variables, so a reference to one is an error. */
export function unboundVariable(expr: string, options: XPathOptions = {}): { error: string; offset: number; kind: XPathErrorKind } | undefined {
  const r = parseXPath(expr, options);
  const v = 'ast' in r ? firstVariable(r.ast) : undefined;
  return v && { error: `variable "$${v.name}" is not defined (YANG binds no variables)`, offset: v.offset, kind: 'unknown-variable' };
}

function firstVariable(e: XPathExpr | undefined): Extract<XPathExpr, { kind: 'variable' }> | undefined {
  const firstOf = (list: XPathExpr[]) => {
    for (const x of list) {
      const v = firstVariable(x);
      if (v) return v;
    }
    return undefined;
  };
  switch (e?.kind) {
    case 'variable':
      return e;
    case 'negate':
      return firstVariable(e.operand);
    case 'binary':
      return firstVariable(e.left) ?? firstVariable(e.right);
    case 'call':
      return firstOf(e.args);
    case 'filter':
      return firstVariable(e.primary) ?? firstOf(e.predicates);
    case 'path':
      return firstVariable(e.filter) ?? firstOf(e.steps.flatMap((s) => s.predicates));
    default:
      return undefined;
  }
}

/**
 * Namespace prefixes used by name tests (`p:l`, `p:*`) and function names (`p:f(...)`, themselves unknown functions), in
 * order of first use, so the caller can check each is imported. Prefixes inside string
 * literals (identityref values such as `derived-from(., 'x:y')`) are not included.
 * For an expression with a lexical error, only the prefixes before the error are returned.
 */
export function xpathPrefixes(expr: string): string[] {
  return [...namePrefixes(expr)];
}

/** Candidate prefixes of `prefix:name` string literals (identityref values, instance-identifiers). */
const LITERAL_PREFIX = /([A-Za-z_][A-Za-z0-9_.-]*):[A-Za-z_]/g;

/**
 * Prefixes an evaluator may need: those of names and of `prefix:name` literals, each mapped
 * through `declared` (the file's prefix -> module table); undeclared ones are left out.
 */
export function usedPrefixMap(expr: string, declared: ReadonlyMap<string, string>): Record<string, string> {
  // A grouping's when, must and leafref path are met again at every use of the grouping: one map per expression and table.
  let known = prefixMaps.get(declared);
  if (!known) prefixMaps.set(declared, (known = new Map()));
  let out = known.get(expr);
  if (!out) known.set(expr, (out = prefixMapOf(expr, declared)));
  return out;
}

/** usedPrefixMap's results by prefix table (one per file: collected with it) and expression; callers never change them. */
const prefixMaps = new WeakMap<ReadonlyMap<string, string>, Map<string, Record<string, string>>>();

function prefixMapOf(expr: string, declared: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (p: string): void => {
    const module = declared.get(p);
    if (module !== undefined) out[p] = module;
  };
  for (const p of namePrefixes(expr)) add(p);
  for (const m of expr.matchAll(LITERAL_PREFIX)) add(m[1]!);
  return out;
}

function namePrefixes(expr: string): Set<string> {
  const tokens: Token[] = [];
  try {
    tokenize(expr, tokens);
  } catch (e) {
    if (!(e instanceof XPathError)) throw e;
  }
  const prefixes = new Set<string>();
  for (const t of tokens) if (t.prefix) prefixes.add(t.prefix);
  return prefixes;
}
