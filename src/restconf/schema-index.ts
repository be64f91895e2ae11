/**
 * Look-ups over the schema IR that every other module needs: modules by name
 * and namespace, children of a node by RFC 7951 member name (choice and case
 * are transparent in instance data), and which case a child belongs to.
 */
import type {
  CaseNode,
  ChoiceNode,
  DataNode,
  ModuleIR,
  NotificationNode,
  OperationNode,
  SchemaNode,
  SchemaSet,
} from '../ir/types.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [member: string]: JsonValue;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Choice/case membership of a child, outermost first. */
export interface CaseMembership {
  choice: ChoiceNode;
  case: CaseNode;
}

export interface ChildEntry {
  node: DataNode | OperationNode | NotificationNode;
  cases: CaseMembership[];
}

export function isDataNode(n: SchemaNode): n is DataNode {
  return n.kind === 'container' || n.kind === 'list' || n.kind === 'leaf' || n.kind === 'leaf-list' || n.kind === 'anydata' || n.kind === 'anyxml';
}

export function qualifiedName(n: { module: string; name: string }): string {
  return `${n.module}:${n.name}`;
}

const tables = new WeakMap<readonly SchemaNode[], Map<string, ChildEntry>>();

/** Children keyed by `module:name`, choice and case flattened away. Cached per children array. */
export function childTable(children: readonly SchemaNode[]): Map<string, ChildEntry> {
  let table = tables.get(children);
  if (table) return table;
  table = new Map();
  const add = (nodes: readonly SchemaNode[], cases: CaseMembership[]): void => {
    for (const n of nodes) {
      if (n.kind === 'choice') for (const c of n.cases) add(c.children, [...cases, { choice: n, case: c }]);
      else if (n.kind !== 'case') table!.set(qualifiedName(n), { node: n, cases });
    }
  };
  add(children, []);
  tables.set(children, table);
  return table;
}

/**
 * Resolves an RFC 7951 member name (or RFC 8040 api-identifier) against a parent's
 * children. An unqualified name is in the parent's module; a needlessly qualified
 * one is accepted too. At top level (`parentModule` undefined) names must be qualified.
 */
export function lookupChild(children: readonly SchemaNode[], parentModule: string | undefined, member: string): ChildEntry | undefined {
  const colon = member.indexOf(':');
  if (colon < 0 && parentModule === undefined) return undefined;
  const key = colon < 0 ? `${parentModule}:${member}` : member;
  return childTable(children).get(key);
}

/** Children of an instance-bearing node (the empty list for leaves and anydata). */
export function childrenOf(node: DataNode): SchemaNode[] {
  return node.kind === 'container' || node.kind === 'list' ? node.children : [];
}

/** The set of modules being served, with the look-ups the protocol layer needs. */
export class SchemaIndex {
  /** Top-level schema nodes of every module (choices included), as one children array. */
  readonly topLevel: SchemaNode[];
  private readonly byNamespace = new Map<string, ModuleIR>();

  constructor(readonly schema: SchemaSet) {
    this.topLevel = Object.values(schema.modules).flatMap((m) => [...m.data, ...m.rpcs, ...m.notifications]);
    for (const m of Object.values(schema.modules)) this.byNamespace.set(m.namespace, m);
  }

  module(name: string): ModuleIR | undefined {
    return this.schema.modules[name];
  }

  moduleByNamespace(ns: string): ModuleIR | undefined {
    return this.byNamespace.get(ns);
  }

  namespaceOf(module: string): string | undefined {
    return this.schema.modules[module]?.namespace;
  }

  rpcs(): OperationNode[] {
    return Object.values(this.schema.modules).flatMap((m) => m.rpcs);
  }
}
