/**
 * The resolved schema IR: the one contract every emitter reads.
 *
 * Everything here is plain JSON-serialisable data (no classes, no cycles, no Maps),
 * so the incremental core can cache it and tests can compare it with `toEqual`.
 * Groupings, typedef chains, augments, deviations, refines and if-features are
 * already applied: emitters never resolve anything themselves.
 */
import type { SourceLoc } from '../diagnostics/index.js';

export type { SourceLoc };

/** A set of modules compiled together (the input modules plus everything they import). */
export interface SchemaSet {
  /** Implemented and imported modules by name (one revision per name). */
  modules: Record<string, ModuleIR>;
  /** Every identity of every loaded module, keyed by qualified name `module:identity`. */
  identities: Record<string, IdentityIR>;
  /** Names of the modules given as inputs (the rest were loaded as imports). */
  inputs: string[];
}

export interface ModuleIR {
  name: string;
  revision?: string;
  namespace: string;
  prefix: string;
  yangVersion: '1' | '1.1';
  file: string;
  organization?: string;
  contact?: string;
  description?: string;
  reference?: string;
  imports: ImportIR[];
  /** Submodules included (directly or transitively); their content is merged into this module. */
  submodules: { name: string; revision?: string; file: string; /** The submodule's own imports (its prefixes are its own). */ imports: ImportIR[] }[];
  features: FeatureIR[];
  /** Identities defined by this module (also present in `SchemaSet.identities`). */
  identities: string[];
  /** Top-level typedefs, for emitters that give named types (e.g. TypeScript aliases). */
  typedefs: TypedefIR[];
  extensions: ExtensionDefIR[];
  /**
   * Top-level data nodes defined by this module, with augments from every loaded
   * module already grafted in (an augmented node keeps its own `module`).
   */
  data: SchemaNode[];
  rpcs: OperationNode[];
  notifications: NotificationNode[];
  /** Augments this module makes into other modules' trees (same node objects as grafted). */
  augments: AugmentIR[];
  /**
   * Data structures outside the datastore, defined with `rc:yang-data` (RFC 8040)
   * or `sx:structure` (RFC 8791); present only when the module has some.
   */
  yangData?: YangDataIR[];
  /** Metadata annotations defined with `md:annotation` (RFC 7952); present only when the module has some. */
  annotations?: AnnotationIR[];
  /**
   * Top-level groupings of an input module and its submodules, in source order, each body
   * compiled once on its own (uses expanded, no refine from a use); present only when the
   * module has some, and only when compiled with the `groupings` option.
   */
  groupings?: GroupingIR[];
  /** Names of the modules whose deviations were applied to this module. */
  deviatedBy: string[];
}

export interface ImportIR {
  module: string;
  prefix: string;
  revision?: string;
}

export interface FeatureIR {
  name: string;
  enabled: boolean;
  description?: string;
}

export interface IdentityIR {
  module: string;
  name: string;
  /** Qualified names (`module:identity`) of direct bases. */
  bases: string[];
  /** Qualified names of every identity derived from this one, directly or not, in all loaded modules. */
  derived: string[];
  description?: string;
  status: Status;
}

export interface TypedefIR {
  name: string;
  type: TypeIR;
  units?: string;
  default?: string;
  description?: string;
  status: Status;
}

export interface ExtensionDefIR {
  name: string;
  argument?: string;
  description?: string;
}

export interface AugmentIR {
  /** The target as written, e.g. `/if:interfaces/if:interface`. */
  target: string;
  /** The target resolved to a schema path with module names, e.g. `/ietf-interfaces:interfaces/ietf-interfaces:interface`. */
  targetSchemaPath: string;
  /** The module owning the target node. */
  targetModule: string;
  when?: XPathIR;
  nodes: SchemaNode[];
}

/**
 * A `rc:yang-data` or `sx:structure` definition. A structure's nodes are one
 * container named after the structure (its RFC 7951 document member); yang-data
 * nodes are its data definitions as written.
 */
export interface YangDataIR {
  extension: 'yang-data' | 'structure';
  name: string;
  nodes: SchemaNode[];
}

/** An `md:annotation` (RFC 7952 section 3): the name of the metadata and the type of its value. */
export interface AnnotationIR {
  name: string;
  type: TypeIR;
}

export interface GroupingIR {
  name: string;
  nodes: SchemaNode[];
}

export type Status = 'current' | 'deprecated' | 'obsolete';

/** An extension statement found on a node (e.g. `nacm:default-deny-all`). */
export interface ExtensionUseIR {
  /** Module that defines the extension. */
  module: string;
  name: string;
  arg?: string;
}

/** An XPath expression as written, with what evaluating it away from its source needs. */
export interface XPathIR {
  expr: string;
  /**
   * Every prefix the expression uses (in names and in `prefix:name` string literals such as
   * identityref values) mapped to the module it names in the file where the expression is
   * written (RFC 7950 6.4.1). Unprefixed names belong to the module of the node the
   * expression is evaluated for.
   */
  prefixes: Record<string, string>;
}

/**
 * A `when` condition of a node. Conditions written on a `uses` or `augment` are copied to
 * every node they bring in, with `onParent` set: their context node is the closest ancestor
 * data node, rpc, action or notification, not the node itself (RFC 7950 7.21.5). Choice and
 * case conditions use that context too.
 */
export interface WhenIR extends XPathIR {
  onParent?: true;
}

export interface MustIR extends XPathIR {
  errorMessage?: string;
  errorAppTag?: string;
}

// ---------------------------------------------------------------------------
// Schema nodes

export type SchemaNode =
  | ContainerNode
  | ListNode
  | LeafNode
  | LeafListNode
  | ChoiceNode
  | CaseNode
  | AnyNode
  | OperationNode
  | NotificationNode;

/** Nodes that appear in data (instance) trees: not choice/case/operations/notifications. */
export type DataNode = ContainerNode | ListNode | LeafNode | LeafListNode | AnyNode;

export interface NodeBase {
  name: string;
  /** Name of the module whose namespace the node is in (the augmenting module for augmented nodes). */
  module: string;
  /**
   * RFC 7951 member name: `module:name` where the namespace differs from the
   * parent data node's (or at top level), else `name`. Choice and case carry
   * the name their children would use; they never appear in instance data.
   */
  jsonName: string;
  /**
   * Data path in RFC 7951 style, choice/case/input/output left out, module
   * name only where the namespace changes, e.g. `/ietf-interfaces:interfaces/interface/ietf-ip:ipv4`.
   * Operations: `/example-jukebox:play`, action inputs under the action's path.
   */
  path: string;
  /** Schema node identifier with every step qualified by module name, choice/case included. */
  schemaPath: string;
  /** Effective `config` (RFC 7950 7.21.1). Always false inside operations and notifications. */
  config: boolean;
  /**
   * Inside yang-data, a structure or a grouping body (ModuleIR.groupings), where `config`
   * does not apply: the value of a `config` statement written on this node or on an ancestor
   * there. Tree diagrams show it as pyang does (`rw`/`ro`).
   */
  writtenConfig?: boolean;
  status: Status;
  description?: string;
  reference?: string;
  /** if-feature expressions as written (all true for the enabled feature set, else the node is absent). */
  ifFeatures?: string[];
  /**
   * The `uses` statements that brought this node in at its own level (not its ancestors'),
   * outermost first, as the grouping names they write. Trees without expanding uses show them.
   */
  fromUses?: string[];
  /** Every condition the node exists under: its own and those of the uses/augment that brought it in. */
  when?: WhenIR[];
  must?: MustIR[];
  extensions?: ExtensionUseIR[];
  loc: SourceLoc;
}

export interface ContainerNode extends NodeBase {
  kind: 'container';
  /** The presence statement's text, if this is a presence container. */
  presence?: string;
  children: SchemaNode[];
}

export interface ListNode extends NodeBase {
  kind: 'list';
  /** Key leaf names (local names, in key order). Empty for keyless (state) lists. */
  keys: string[];
  /** Each unique statement as descendant paths relative to the list entry. */
  unique: string[][];
  minElements: number;
  maxElements?: number;
  orderedBy: 'system' | 'user';
  children: SchemaNode[];
}

export interface LeafNode extends NodeBase {
  kind: 'leaf';
  type: TypeIR;
  mandatory: boolean;
  /** True for list keys. */
  isKey: boolean;
  /**
   * Effective default (from the leaf, else from its typedef chain) as written, except
   * that identityref defaults are module-qualified (`module:identity`) as in RFC 7951.
   */
  default?: string;
  units?: string;
}

export interface LeafListNode extends NodeBase {
  kind: 'leaf-list';
  type: TypeIR;
  default?: string[];
  minElements: number;
  maxElements?: number;
  orderedBy: 'system' | 'user';
  units?: string;
}

export interface ChoiceNode extends NodeBase {
  kind: 'choice';
  mandatory: boolean;
  /** Name of the default case. */
  default?: string;
  /** Shorthand cases are expanded into real case nodes. */
  cases: CaseNode[];
}

export interface CaseNode extends NodeBase {
  kind: 'case';
  children: SchemaNode[];
}

export interface AnyNode extends NodeBase {
  kind: 'anydata' | 'anyxml';
  mandatory: boolean;
}

/** An rpc (top level) or action (inside a container or list). */
export interface OperationNode extends NodeBase {
  kind: 'rpc' | 'action';
  /** Absent when the operation declares no input statement. */
  input?: SchemaNode[];
  output?: SchemaNode[];
}

export interface NotificationNode extends NodeBase {
  kind: 'notification';
  children: SchemaNode[];
}

// ---------------------------------------------------------------------------
// Types

export type BuiltinType =
  | 'binary'
  | 'bits'
  | 'boolean'
  | 'decimal64'
  | 'empty'
  | 'enumeration'
  | 'identityref'
  | 'instance-identifier'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'leafref'
  | 'string'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'union';

/**
 * An interval of a range or length restriction. Bounds are decimal strings so
 * int64/uint64/decimal64 bounds keep full precision; `Number()` them where that is safe.
 */
export interface Interval {
  min: string;
  max: string;
}

export interface PatternIR {
  /** The pattern as written (XSD regular expression, implicitly anchored). */
  regex: string;
  /** The same pattern as an anchored ECMAScript regex source (use with the `u` flag). */
  ecma: string;
  invertMatch: boolean;
  errorMessage?: string;
  errorAppTag?: string;
}

export interface EnumIR {
  name: string;
  value: number;
  description?: string;
  status: Status;
}

export interface BitIR {
  name: string;
  position: number;
  description?: string;
  status: Status;
}

/** A fully resolved type: restrictions of the whole typedef chain are merged in. */
export interface TypeIR {
  /** The built-in type this resolves to. */
  base: BuiltinType;
  /** The type name as written at the use site, e.g. `inet:ipv4-address` or `uint32`. */
  name: string;
  /** The nearest typedef, if the type is derived: module that defines it and its name. */
  typedef?: { module: string; name: string };
  /** Effective range: every interval allowed (numeric types and decimal64). */
  range?: Interval[];
  /** Effective length (string and binary). */
  length?: Interval[];
  /** All patterns of the chain; a value must match every one. */
  patterns?: PatternIR[];
  fractionDigits?: number;
  /** Effective enums (after restriction by derived types). */
  enums?: EnumIR[];
  bits?: BitIR[];
  /** Member types of a union, in order. */
  union?: TypeIR[];
  /** leafref: the path as written with the prefixes it uses (see XPathIR), its target's data path, and the target's resolved type. */
  leafref?: { path: string; prefixes: Record<string, string>; target?: string; type?: TypeIR };
  /** identityref: qualified bases and every qualified identity a value may name. */
  identityref?: { bases: string[]; values: string[] };
  /** leafref and instance-identifier: whether the referenced instance must exist (the compiler always sets it for these; YANG's default is true). */
  requireInstance?: boolean;
}
