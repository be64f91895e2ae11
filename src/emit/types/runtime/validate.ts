/**
 * The checker behind the validators yangkit generates, copied verbatim into the
 * output as `_validate.ts` (so it must stay free of imports).
 *
 * Each generated module holds a compact description of its data tree (`SchemaSpec`);
 * `validate` walks an RFC 7951 JSON value against it and reports every YANG constraint
 * the value breaks: value types, ranges, lengths, patterns, enums, identities, bits,
 * list keys (present and unique), element counts, mandatory nodes, choices and
 * unknown members. Needs ES2020 (BigInt) at run time.
 */

export interface ValidationError {
  /** Instance path of the offending node, e.g. `/ietf-interfaces:interfaces/interface[name='eth0']/enabled`. */
  path: string;
  message: string;
}

/** What a document holds: configuration only, or configuration and state (`config false`) data. */
export type View = 'config' | 'data';

/** Inclusive [min, max] intervals as decimal strings, exact for 64-bit and decimal64 bounds. */
export type Intervals = readonly (readonly [string, string])[];

export interface PatternSpec {
  /** Anchored ECMAScript source, used with the `u` flag. */
  readonly ecma: string;
  readonly invert?: true;
  readonly message?: string;
}

/** A leaf's value space. int8..uint32 are JSON numbers (`int`); int64, uint64 and decimal64 are JSON strings. */
export type ValueSpec =
  | { readonly base: 'int' | 'int64'; readonly range: Intervals }
  | { readonly base: 'decimal64'; readonly fractionDigits: number; readonly range: Intervals }
  | { readonly base: 'string'; readonly length?: Intervals; readonly patterns?: readonly PatternSpec[] }
  | { readonly base: 'binary'; readonly length?: Intervals }
  | { readonly base: 'boolean' | 'empty' | 'instance-identifier' }
  | { readonly base: 'enumeration' | 'identityref' | 'bits'; readonly names: readonly string[] }
  /** Member types as indexes into `SchemaSpec.types`. */
  | { readonly base: 'union'; readonly members: readonly number[] };

export interface ObjectSpec {
  /** Members by RFC 7951 member name, including those inside choices. */
  readonly members: { readonly [name: string]: NodeSpec };
  readonly choices?: readonly ChoiceSpec[];
}

export interface ChoiceSpec {
  readonly name: string;
  readonly mandatory?: true;
  /** Set where `config false` starts: the choice is left out of configuration. */
  readonly state?: true;
  readonly cases: readonly CaseSpec[];
}

export interface CaseSpec {
  readonly name: string;
  /** Member names in this case, nested choices' included. */
  readonly members: readonly string[];
  readonly choices?: readonly ChoiceSpec[];
}

/**
 * `state` is set where `config false` starts (descendants inherit it); `type` indexes
 * `SchemaSpec.types`; a `required` container is a non-presence container with
 * mandatory descendants, which must then be present.
 */
export type NodeSpec = { readonly state?: true } & (
  | { readonly kind: 'leaf'; readonly type: number; readonly required?: true }
  | { readonly kind: 'leaf-list'; readonly type: number; readonly min?: number; readonly max?: number }
  | (ObjectSpec & { readonly kind: 'container'; readonly required?: true })
  | (ObjectSpec & { readonly kind: 'list'; readonly keys?: readonly string[]; readonly min?: number; readonly max?: number })
  | { readonly kind: 'anydata' | 'anyxml'; readonly required?: true }
);

export interface SchemaSpec {
  /** Every value space used, shared by index so repeated types are written once. */
  readonly types: readonly ValueSpec[];
  /** The objects a validator may start from, by the name of their generated type. */
  readonly roots: { readonly [typeName: string]: ObjectSpec };
}

interface Context {
  readonly types: readonly ValueSpec[];
  readonly config: boolean;
  readonly errors: ValidationError[];
}

/**
 * Checks a JSON value against root `root` of `schema`: an RFC 7951 instance document
 * (top-level members qualified), or the contents of an operation's input or output or
 * of a notification. Paths in errors start at that value.
 */
export function validate(schema: SchemaSpec, root: string, value: unknown, view: View): ValidationError[] {
  const spec = has(schema.roots, root) ? schema.roots[root] : undefined;
  if (!spec) return [{ path: '/', message: `no root "${root}" in the schema` }];
  const cx: Context = { types: schema.types, config: view === 'config', errors: [] };
  checkObject(cx, spec, value, '');
  return cx.errors;
}

function report(cx: Context, path: string, message: string): void {
  cx.errors.push({ path: path || '/', message });
}

type JsonObject = { readonly [name: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property test, so names like `constructor` are never taken from the prototype. */
function has(object: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, name);
}

function checkObject(cx: Context, spec: ObjectSpec, value: unknown, path: string): void {
  if (!isObject(value)) return report(cx, path, 'expected a JSON object');
  const inactive = new Set<string>();
  checkChoices(cx, spec.choices ?? [], value, path, inactive);
  for (const [name, member] of Object.entries(value)) {
    const node = has(spec.members, name) ? spec.members[name] : undefined;
    const memberPath = `${path}/${name}`;
    if (!node) report(cx, memberPath, 'unknown member');
    else if (cx.config && node.state) report(cx, memberPath, 'state data (config false) is not allowed in configuration');
    else checkNode(cx, node, member, memberPath);
  }
  for (const [name, node] of Object.entries(spec.members)) {
    if (!has(value, name) && !inactive.has(name) && !(cx.config && node.state)) checkAbsent(cx, node, `${path}/${name}`);
  }
}

/** Reports combined or missing cases, and collects the members of cases not taken (exempt from mandatory checks). */
function checkChoices(cx: Context, choices: readonly ChoiceSpec[], value: JsonObject, path: string, inactive: Set<string>): void {
  for (const choice of choices) {
    if (cx.config && choice.state) continue;
    const taken = choice.cases.filter((c) => c.members.some((m) => has(value, m)));
    if (taken.length > 1) {
      const names = taken.map((c) => `"${c.name}"`).join(' and ');
      report(cx, path, `choice "${choice.name}": members of cases ${names} cannot be combined`);
    } else if (taken.length === 0 && choice.mandatory) {
      report(cx, path, `choice "${choice.name}" is mandatory: one of its cases must be present`);
    }
    for (const c of choice.cases) {
      if (taken.includes(c)) checkChoices(cx, c.choices ?? [], value, path, inactive);
      else for (const m of c.members) inactive.add(m);
    }
  }
}

function checkAbsent(cx: Context, node: NodeSpec, path: string): void {
  switch (node.kind) {
    case 'leaf':
    case 'anydata':
    case 'anyxml':
      if (node.required) report(cx, path, 'mandatory node is missing');
      break;
    case 'leaf-list':
    case 'list':
      if (node.min) report(cx, path, `at least ${node.min} entries are required`);
      break;
    case 'container':
      // An absent non-presence container behaves as an empty one: its mandatory descendants are missing.
      if (node.required) checkObject(cx, node, {}, path);
      break;
  }
}

function checkNode(cx: Context, node: NodeSpec, value: unknown, path: string): void {
  switch (node.kind) {
    case 'leaf':
      return checkValue(cx, node.type, value, path);
    case 'container':
      return checkObject(cx, node, value, path);
    case 'anydata':
      if (!isObject(value)) report(cx, path, 'expected a JSON object');
      return;
    case 'anyxml':
      return;
    case 'leaf-list': {
      if (!checkEntries(cx, node, value, path)) return;
      const seen = new Set<string>();
      value.forEach((entry, i) => {
        const entryPath = `${path}[${i + 1}]`;
        checkValue(cx, node.type, entry, entryPath);
        // RFC 7950 7.7: configuration leaf-list values are unique.
        const key = JSON.stringify(entry);
        if (!node.state && seen.has(key)) report(cx, entryPath, `duplicate value ${key}`);
        seen.add(key);
      });
      return;
    }
    case 'list': {
      if (!checkEntries(cx, node, value, path)) return;
      const keys = node.keys ?? [];
      const seen = new Set<string>();
      value.forEach((entry, i) => {
        const entryPath = `${path}${entryPredicate(keys, entry, i)}`;
        checkObject(cx, node, entry, entryPath);
        if (keys.length === 0 || !isObject(entry) || !keys.every((k) => has(entry, k))) return;
        const key = JSON.stringify(keys.map((k) => entry[k]));
        if (seen.has(key)) report(cx, entryPath, 'duplicate key: another entry has the same key values');
        seen.add(key);
      });
      return;
    }
  }
}

function checkEntries(cx: Context, node: { readonly min?: number; readonly max?: number }, value: unknown, path: string): value is unknown[] {
  if (!Array.isArray(value)) {
    report(cx, path, 'expected a JSON array');
    return false;
  }
  if (node.min !== undefined && value.length < node.min) report(cx, path, `at least ${node.min} entries are required, found ${value.length}`);
  if (node.max !== undefined && value.length > node.max) report(cx, path, `at most ${node.max} entries are allowed, found ${value.length}`);
  return true;
}

/** `[name='eth0']` when every key is a scalar, else the 1-based position `[3]`. */
function entryPredicate(keys: readonly string[], entry: unknown, index: number): string {
  if (keys.length === 0 || !isObject(entry)) return `[${index + 1}]`;
  const parts: string[] = [];
  for (const k of keys) {
    const v = entry[k];
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return `[${index + 1}]`;
    const text = String(v);
    parts.push(text.includes("'") ? `[${k}="${text}"]` : `[${k}='${text}']`);
  }
  return parts.join('');
}

function checkValue(cx: Context, type: number, value: unknown, path: string): void {
  const problem = valueProblem(cx, type, value);
  if (problem !== undefined) report(cx, path, problem);
}

/** Why `value` is not in the value space `types[type]`, or undefined if it is. */
function valueProblem(cx: Context, type: number, value: unknown): string | undefined {
  const spec = cx.types[type];
  if (!spec) return `no value space #${type} in the schema`;
  switch (spec.base) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'expected an integer (JSON number)';
      return rangeProblem(String(value), 0, spec.range);
    case 'int64':
      if (typeof value !== 'string' || !/^[+-]?\d+$/.test(value)) return 'expected an integer as a JSON string';
      return rangeProblem(value, 0, spec.range);
    case 'decimal64':
      if (typeof value !== 'string' || scaled(value, spec.fractionDigits) === undefined) {
        return `expected a decimal number with at most ${spec.fractionDigits} fraction digits as a JSON string`;
      }
      return rangeProblem(value, spec.fractionDigits, spec.range);
    case 'string':
      if (typeof value !== 'string') return 'expected a string';
      return lengthProblem(Array.from(value).length, spec.length) ?? patternProblem(value, spec.patterns ?? []);
    case 'binary': {
      if (typeof value !== 'string' || !BASE64.test(value)) return 'expected base64-encoded binary data';
      const octets = (value.length / 4) * 3 - (value.match(/=/g) ?? []).length;
      return lengthProblem(octets, spec.length);
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'empty':
      return Array.isArray(value) && value.length === 1 && value[0] === null ? undefined : 'expected [null] (type empty)';
    case 'instance-identifier':
      return typeof value === 'string' && value.startsWith('/') ? undefined : 'expected an instance identifier (a string starting with "/")';
    case 'enumeration':
      if (typeof value === 'string' && spec.names.includes(value)) return undefined;
      return `expected one of ${spec.names.map((n) => JSON.stringify(n)).join(', ')}`;
    case 'identityref':
      if (typeof value === 'string' && spec.names.includes(value)) return undefined;
      return 'expected an allowed identity: module:identity, or identity alone when defined in the leaf\'s module';
    case 'bits':
      return bitsProblem(value, spec.names);
    case 'union':
      return spec.members.some((m) => valueProblem(cx, m, value) === undefined) ? undefined : 'matches none of the union member types';
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A decimal string as an integer scaled by 10^digits; undefined if malformed or too precise. */
function scaled(text: string, digits: number): bigint | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const fraction = m[3] ?? '';
  if (fraction.length > digits) return undefined;
  const magnitude = BigInt(`${m[2] ?? ''}${fraction.padEnd(digits, '0')}`);
  return m[1] === '-' ? -magnitude : magnitude;
}

function formatIntervals(intervals: Intervals): string {
  return intervals.map(([min, max]) => (min === max ? min : `${min}..${max}`)).join(' | ');
}

function rangeProblem(text: string, digits: number, range: Intervals): string | undefined {
  const v = scaled(text, digits);
  const inside = (bound: string, cmp: (b: bigint) => boolean): boolean => {
    const b = scaled(bound, digits);
    return b !== undefined && cmp(b);
  };
  if (v !== undefined && range.some(([min, max]) => inside(min, (b) => b <= v) && inside(max, (b) => v <= b))) return undefined;
  return `${text} is outside the range ${formatIntervals(range)}`;
}

function lengthProblem(length: number, allowed: Intervals | undefined): string | undefined {
  if (!allowed || allowed.some(([min, max]) => Number(min) <= length && length <= Number(max))) return undefined;
  return `length ${length} is outside the allowed lengths ${formatIntervals(allowed)}`;
}

const compiled = new Map<string, RegExp>();

function patternProblem(value: string, patterns: readonly PatternSpec[]): string | undefined {
  for (const p of patterns) {
    let regex = compiled.get(p.ecma);
    if (!regex) compiled.set(p.ecma, (regex = new RegExp(p.ecma, 'u')));
    if (regex.test(value) === !p.invert) continue;
    return p.message ?? `${JSON.stringify(value)} ${p.invert ? 'matches' : 'does not match'} the pattern ${p.ecma}`;
  }
  return undefined;
}

function bitsProblem(value: unknown, names: readonly string[]): string | undefined {
  if (typeof value !== 'string') return 'expected a string of space-separated bit names';
  const set = value.split(' ').filter((b) => b !== '');
  const unknown = set.find((b) => !names.includes(b));
  if (unknown !== undefined) return `unknown bit "${unknown}"`;
  if (new Set(set).size !== set.length) return 'a bit is named twice';
  return undefined;
}
