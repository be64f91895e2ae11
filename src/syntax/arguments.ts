/**
 * Argument syntax of YANG statements (RFC 7950 section 14, RFC 6020 section 12), one
 * checker per argument kind. The statement table (statement-table.ts) names each
 * statement's kind; the grammar check calls `checkArgument` with the module's yang-version.
 */
export type YangVersion = '1' | '1.1';

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
  | 'integer' // enum value: int32
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

/** A message saying what is wrong with `arg` as an argument of `kind`, or undefined when it is valid. */
export function checkArgument(kind: ArgKind, arg: string, version: YangVersion): string | undefined {
  void kind;
  void arg;
  void version;
  return undefined; // filled in by the argument-syntax work; the interface is fixed here
}
