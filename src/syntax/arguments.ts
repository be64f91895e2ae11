/**
 * Argument syntax of YANG statements (RFC 7950 section 14, RFC 6020 section 12), one
 * checker per argument kind. The statement table (statement-table.ts) names each
 * statement's kind; the grammar check calls `checkArgument` with the module's yang-version.
 * This is the ABNF (plus calendar dates); semantic limits such as the int32 range of an
 * enum value or a range inside its base type stay with the compiler. Where yanglint and
 * pyang both accept more than the ABNF, so does this, as real modules rely on it: a "+"
 * or leading zeros in range numbers, whitespace after a range or around an if-feature
 * expression, whitespace and line breaks in and around leafref path predicates.
 */
import type { Statement } from './statement.js';

export type YangVersion = '1' | '1.1';

/** The yang-version of a module or submodule: its own yang-version statement (RFC 7950 7.1.2). */
export function yangVersionOf(root: Statement): YangVersion {
  const v = root.children.find((c) => c.keyword === 'yang-version' && c.prefix === undefined);
  return v?.arg === '1.1' ? '1.1' : '1';
}

export type ArgKind =
  | 'string' // any string
  | 'identifier' // RFC 7950 6.2
  | 'identifier-ref' // [prefix ":"] identifier
  | 'boolean' // true | false
  | 'status' // current | obsolete | deprecated
  | 'ordered-by' // user | system
  | 'yang-version' // "1" (RFC 6020) | "1.1"
  | 'date' // YYYY-MM-DD, a real date
  | 'uri' // namespace: RFC 3986 URI
  | 'range' // range-arg
  | 'length' // length-arg
  | 'fraction-digits' // 1..18
  | 'modifier' // invert-match
  | 'integer' // enum value: integer-value (its int32 range is a compiler check)
  | 'non-negative-integer' // position, min-elements
  | 'max-elements' // unbounded | positive-integer
  | 'path' // leafref path-arg (RFC 7950 9.9.2)
  | 'key' // key-arg: node-identifiers separated by spaces
  | 'unique' // unique-arg: descendant-schema-nodeids separated by spaces
  | 'absolute-schema-nodeid' // deviation, top-level augment
  | 'descendant-schema-nodeid' // refine, augment inside uses
  | 'deviate' // not-supported | add | replace | delete
  | 'if-feature-expr' // RFC 7950 7.20.2 (RFC 6020: identifier-ref only)
  | 'enum-name'; // non-empty, no leading or trailing whitespace (RFC 7950 9.6.4)

/**
 * The diagnostic code for a bad argument of each kind. Kinds the compiler checked
 * before the grammar check existed keep the code it used.
 */
export const ARGUMENT_CODE: Readonly<Record<ArgKind, string>> = {
  string: 'bad-value',
  identifier: 'bad-identifier',
  'identifier-ref': 'bad-identifier',
  boolean: 'bad-value',
  status: 'bad-value',
  'ordered-by': 'bad-value',
  'yang-version': 'bad-yang-version',
  date: 'bad-revision-date',
  uri: 'bad-namespace',
  range: 'bad-range',
  length: 'bad-length',
  'fraction-digits': 'bad-fraction-digits',
  modifier: 'bad-value',
  integer: 'bad-enum-value', // the argument of an enum's value statement
  'non-negative-integer': 'bad-value',
  'max-elements': 'bad-value',
  path: 'bad-path',
  key: 'bad-key',
  unique: 'bad-unique',
  'absolute-schema-nodeid': 'bad-schema-nodeid',
  'descendant-schema-nodeid': 'bad-schema-nodeid',
  deviate: 'bad-value',
  'if-feature-expr': 'bad-if-feature',
  'enum-name': 'bad-enum-name',
};

/**
 * A message saying what is wrong with `arg` as an argument of `kind`, or undefined when
 * it is valid. `keyword` (the statement's keyword) only names the statement in the message.
 */
export function checkArgument(kind: ArgKind, arg: string, version: YangVersion, keyword: string = kind): string | undefined {
  const problem = CHECKS[kind](arg, version);
  if (problem === undefined) return undefined;
  const shown = arg.length > 80 ? `${arg.slice(0, 77)}...` : arg;
  return `"${shown}" is not a valid value for ${keyword}: ${problem}`;
}

/** A revision date (RFC 7950 7.1.9, date-arg of section 14): YYYY-MM-DD naming a day that exists. */
export function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** What is wrong with an argument, worded to follow `"arg" is not a valid value for <keyword>: `. */
type Check = (arg: string, version: YangVersion) => string | undefined;

// --- section 14 building blocks ---------------------------------------------------------

const ID = '[A-Za-z_][A-Za-z0-9_.-]*';
const NODE_ID = `(?:${ID}:)?${ID}`;
const IDENTIFIER = new RegExp(`^${ID}$`);
const NODE_IDENTIFIER = new RegExp(`^${NODE_ID}$`);
const ABSOLUTE_SCHEMA_NODEID = new RegExp(`^(?:/${NODE_ID})+$`);
const DESCENDANT_SCHEMA_NODEID = new RegExp(`^${NODE_ID}(?:/${NODE_ID})*$`);
/** `sep` / `optsep`: spaces, tabs and line breaks (CRLF is already LF). */
const SEP = /[ \t\r\n]+/;
const EDGE_SEP = /^[ \t\r\n]|[ \t\r\n]$/;

/**
 * RFC 3986 appendix A `URI` (hexadecimal digits in either case, as ABNF strings are). The
 * IP-literal alternative makes the expression slow to compile, and "[" can appear only in an
 * IP-literal: an argument without one is checked with the expression that leaves it out.
 */
function uriRegExp(withIpLiteral: boolean): RegExp {
  const hex = '[0-9A-Fa-f]';
  const unreserved = '[A-Za-z0-9._~-]';
  const pct = `%${hex}{2}`;
  const subDelims = "[!$&'()*+,;=]";
  const pchar = `(?:${unreserved}|${pct}|${subDelims}|[:@])`;
  const decOctet = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
  const ipv4 = `${decOctet}(?:\\.${decOctet}){3}`;
  const h16 = `${hex}{1,4}`;
  const ls32 = `(?:${h16}:${h16}|${ipv4})`;
  const upTo = (n: number) => `(?:(?:${h16}:){0,${n}}${h16})?`;
  const ipv6 = [
    `(?:${h16}:){6}${ls32}`,
    `::(?:${h16}:){5}${ls32}`,
    `${upTo(0)}::(?:${h16}:){4}${ls32}`,
    `${upTo(1)}::(?:${h16}:){3}${ls32}`,
    `${upTo(2)}::(?:${h16}:){2}${ls32}`,
    `${upTo(3)}::${h16}:${ls32}`,
    `${upTo(4)}::${ls32}`,
    `${upTo(5)}::${h16}`,
    `${upTo(6)}::`,
  ].join('|');
  const ipLiteral = withIpLiteral ? `\\[(?:${ipv6}|v${hex}+\\.(?:${unreserved}|${subDelims}|:)+)\\]|` : '';
  const host = `(?:${ipLiteral}(?:${unreserved}|${pct}|${subDelims})*)`; // reg-name covers IPv4address
  const authority = `(?:(?:${unreserved}|${pct}|${subDelims}|:)*@)?${host}(?::[0-9]*)?`;
  const hierPart = `(?://${authority}(?:/${pchar}*)*|/(?:${pchar}+(?:/${pchar}*)*)?|${pchar}+(?:/${pchar}*)*|)`;
  const query = `(?:${pchar}|[/?])*`;
  return new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${hierPart}(?:\\?${query})?(?:#${query})?$`);
}

const URI_WITHOUT_IP_LITERAL = uriRegExp(false);
let uriWithIpLiteral: RegExp | undefined;
const URI = {
  test: (arg: string): boolean => (arg.includes('[') ? (uriWithIpLiteral ??= uriRegExp(true)) : URI_WITHOUT_IP_LITERAL).test(arg),
};

// --- checks -----------------------------------------------------------------------------

function oneOf(...allowed: string[]): Check {
  const set = new Set(allowed);
  const quoted = allowed.map((a) => `"${a}"`);
  const expected = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return (arg) => (set.has(arg) ? undefined : `expected ${expected}`);
}

function matching(re: Pick<RegExp, 'test'>, what: string): Check {
  return (arg) => (re.test(arg) ? undefined : `expected ${what}`);
}

function checkIdentifier(arg: string, version: YangVersion): string | undefined {
  if (!IDENTIFIER.test(arg)) return 'expected an identifier (a letter or "_", then letters, digits, "_", "-" or ".")';
  // RFC 6020 section 12: a YANG 1 identifier must not start with "xml" in any case; RFC 7950 lifted this.
  if (version === '1' && /^xml/i.test(arg)) return 'an identifier must not start with "xml" in a YANG version 1 module';
  return undefined;
}

/** key-arg and unique-arg: items separated by `sep`, nothing before the first or after the last. */
function separatedList(item: RegExp, what: string): Check {
  return (arg) => {
    if (arg === '' || EDGE_SEP.test(arg)) return `expected ${what}s separated by whitespace, with none before or after`;
    const parts = arg.split(SEP);
    const bad = parts.find((part) => !item.test(part));
    if (bad === undefined) return undefined;
    return parts.length === 1 ? `expected ${what}s separated by whitespace` : `"${bad}" is not a ${what}`;
  };
}

function checkEnumName(arg: string): string | undefined {
  if (arg === '') return 'an enum name must not be empty';
  if (/^\p{White_Space}|\p{White_Space}$/u.test(arg)) return 'an enum name must not begin or end with whitespace';
  return undefined;
}

/** A cursor over an argument for the kinds whose ABNF is more than one token. */
class Scanner {
  pos = 0;

  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** Consumes a match of the sticky regex `re` at the cursor. */
  take(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.pos = re.lastIndex;
    return m[0];
  }

  /** Consumes `s` if the text continues with it. */
  eat(s: string): boolean {
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  /** `expected <what>, found "..."` (or `at the end`) for the text at the cursor. */
  expected(what: string): string {
    if (this.done) return `expected ${what} at the end`;
    const rest = this.text.slice(this.pos);
    return `expected ${what}, found "${rest.length > 20 ? `${rest.slice(0, 17)}...` : rest}"`;
  }
}

const OPTSEP = /[ \t\r\n]*/y;
/** Whitespace in and around path predicates (the ABNF has `*WSP`; both tools allow line breaks too). */
const PREDICATE_SPACE = /[ \t\r\n]*/y;
const PREDICATE_START = /[ \t\r\n]*\[/y;
const NODE_ID_AT = new RegExp(NODE_ID, 'y');
const RANGE_BOUNDARY = /min|max|[+-]?[0-9]+(?:\.[0-9]+)?/y;
const LENGTH_BOUNDARY = /min|max|[0-9]+/y;

/**
 * range-arg / length-arg: `part *(optsep "|" optsep part)`, `part = boundary [optsep ".." optsep boundary]`.
 * Decimals need digits on both sides of the "."; length boundaries have no sign.
 */
function rangeArg(boundary: RegExp, what: string): Check {
  return (arg) => {
    const s = new Scanner(arg);
    for (;;) {
      if (s.take(boundary) === undefined) return s.expected(what);
      s.take(OPTSEP);
      if (s.eat('..')) {
        s.take(OPTSEP);
        if (s.take(boundary) === undefined) return s.expected(what);
        s.take(OPTSEP);
      }
      if (s.done) return undefined;
      if (!s.eat('|')) return s.expected('"..", "|" or the end');
      s.take(OPTSEP);
    }
  };
}

/**
 * path-arg (RFC 7950 9.9.2 and section 14; the same in RFC 6020):
 *   absolute-path = 1*("/" (node-identifier *path-predicate))
 *   relative-path = 1*("../") descendant-path
 *   descendant-path = node-identifier [*path-predicate absolute-path]
 */
function checkPathArg(arg: string): string | undefined {
  const s = new Scanner(arg);
  if (s.eat('../')) {
    while (s.eat('../'));
    if (s.take(NODE_ID_AT) === undefined) return s.expected('"../" or a node name');
    let predicates = false;
    while (s.take(PREDICATE_START) !== undefined) {
      const problem = pathPredicate(s);
      if (problem) return problem;
      predicates = true;
    }
    if (s.done) return predicates ? 'expected a "/" step after the predicate of a relative path' : undefined;
  } else if (!arg.startsWith('/')) return s.expected('"/" or "../"');
  do {
    if (!s.eat('/')) return s.expected('"/", "[" or the end');
    if (s.take(NODE_ID_AT) === undefined) return s.expected('a node name');
    while (s.take(PREDICATE_START) !== undefined) {
      const problem = pathPredicate(s);
      if (problem) return problem;
    }
  } while (!s.done);
  return undefined;
}

/**
 * path-predicate after its "[" (and whitespace after its "]"):
 *   *WSP node-identifier *WSP "=" *WSP current *WSP "(" *WSP ")" *WSP "/" *WSP
 *   1*(".." *WSP "/" *WSP) *(node-identifier *WSP "/" *WSP) node-identifier *WSP "]"
 */
function pathPredicate(s: Scanner): string | undefined {
  s.take(PREDICATE_SPACE);
  if (s.take(NODE_ID_AT) === undefined) return s.expected('a key name in the predicate');
  s.take(PREDICATE_SPACE);
  if (!s.eat('=')) return s.expected('"="');
  s.take(PREDICATE_SPACE);
  if (!s.eat('current')) return s.expected('"current()"');
  for (const token of ['(', ')', '/']) {
    s.take(PREDICATE_SPACE);
    if (!s.eat(token)) return s.expected(`"${token}" in "current()/"`);
  }
  s.take(PREDICATE_SPACE);
  if (!s.eat('..')) return s.expected('".." after "current()/"');
  for (;;) {
    s.take(PREDICATE_SPACE);
    if (!s.eat('/')) return s.expected('"/"');
    s.take(PREDICATE_SPACE);
    if (!s.eat('..')) break;
  }
  for (;;) {
    if (s.take(NODE_ID_AT) === undefined) return s.expected('a node name');
    s.take(PREDICATE_SPACE);
    if (s.eat(']')) {
      s.take(PREDICATE_SPACE);
      return undefined;
    }
    if (!s.eat('/')) return s.expected('"/" or "]"');
    s.take(PREDICATE_SPACE);
  }
}

const IF_FEATURE_TOKEN = /([ \t\r\n]*)([()]|[^ \t\r\n()]+)/y;

/**
 * if-feature-expr (RFC 7950 7.20.2 and section 14): feature names joined by "and" and
 * "or", "not" before a factor, parentheses. Operators need whitespace on both sides,
 * parentheses need none. Checked as a token sequence with a nesting count (no recursion,
 * so deep nesting cannot exhaust the stack); precedence does not change which strings parse.
 */
function checkIfFeatureExpr(arg: string): string | undefined {
  let depth = 0;
  let wantOperand = true;
  let operator: string | undefined; // the last "not"/"and"/"or": whitespace must follow it
  let pos = 0;
  for (;;) {
    IF_FEATURE_TOKEN.lastIndex = pos;
    const m = IF_FEATURE_TOKEN.exec(arg);
    if (!m) break;
    pos = IF_FEATURE_TOKEN.lastIndex;
    const space = m[1]!;
    const token = m[2]!;
    if (operator && space === '') return `expected whitespace after "${operator}"`;
    operator = undefined;
    if (wantOperand) {
      if (token === 'not') operator = token;
      else if (token === '(') depth++;
      else if (token !== 'and' && token !== 'or' && NODE_IDENTIFIER.test(token)) wantOperand = false;
      else return `expected a feature name, "not" or "(", found "${token}"`;
    } else if (token === 'and' || token === 'or') {
      if (space === '') return `expected whitespace before "${token}"`;
      operator = token;
      wantOperand = true;
    } else if (token === ')' && depth > 0) depth--;
    else return `expected "and", "or"${depth > 0 ? ' or ")"' : ''}, found "${token}"`;
  }
  if (wantOperand) return 'expected a feature name at the end';
  return depth > 0 ? 'missing ")"' : undefined;
}

const CHECKS: Record<ArgKind, Check> = {
  string: () => undefined,
  identifier: checkIdentifier,
  'identifier-ref': matching(NODE_IDENTIFIER, 'an identifier, with a prefix or without ("prefix:name")'),
  boolean: oneOf('true', 'false'),
  status: oneOf('current', 'deprecated', 'obsolete'),
  'ordered-by': oneOf('user', 'system'),
  // RFC 7950 7.1.2: "1" marks a YANG version 1 module (RFC 6020), "1.1" one of RFC 7950.
  'yang-version': oneOf('1', '1.1'),
  date: (arg) => (isValidDate(arg) ? undefined : 'expected a date YYYY-MM-DD that exists in the calendar'),
  uri: matching(URI, 'a URI (RFC 3986), such as "urn:example:name" or "http://example.com/ns"'),
  range: rangeArg(RANGE_BOUNDARY, 'a number, "min" or "max"'),
  length: rangeArg(LENGTH_BOUNDARY, 'a non-negative integer, "min" or "max"'),
  'fraction-digits': matching(/^(?:[1-9]|1[0-8])$/, 'an integer from 1 to 18'),
  modifier: oneOf('invert-match'),
  integer: matching(/^-?(?:0|[1-9][0-9]*)$/, 'an integer (no "+", no leading zeros)'),
  'non-negative-integer': matching(/^(?:0|[1-9][0-9]*)$/, 'a non-negative integer (no sign, no leading zeros)'),
  'max-elements': matching(/^(?:unbounded|[1-9][0-9]*)$/, 'a positive integer (no sign, no leading zeros) or "unbounded"'),
  path: checkPathArg,
  key: separatedList(NODE_IDENTIFIER, 'node identifier'),
  unique: separatedList(DESCENDANT_SCHEMA_NODEID, 'descendant schema node identifier'),
  'absolute-schema-nodeid': matching(ABSOLUTE_SCHEMA_NODEID, 'an absolute schema node identifier ("/prefix:name/...")'),
  'descendant-schema-nodeid': matching(DESCENDANT_SCHEMA_NODEID, 'a descendant schema node identifier ("prefix:name/...", no leading "/")'),
  deviate: oneOf('not-supported', 'add', 'replace', 'delete'),
  'if-feature-expr': (arg, version) =>
    // RFC 6020 7.18.2: in YANG version 1 if-feature names one feature; expressions came with RFC 7950 7.20.2.
    version === '1' ? (NODE_IDENTIFIER.test(arg) ? undefined : 'expected a feature name (if-feature expressions need yang-version 1.1)') : checkIfFeatureExpr(arg),
  'enum-name': checkEnumName,
};
