/**
 * Whole-datastore validation after an edit: mandatory leaves and choices,
 * min/max-elements, unique statements and leafref require-instance. Nodes with
 * a `when` condition are skipped by the "must exist" checks because this
 * runtime does not evaluate XPath. Error tags follow RFC 7950 section 15; the
 * HTTP status is always 400 since every one of them is a problem with the
 * request content.
 */
import type { CaseNode, DataNode, ListNode, SchemaNode } from '../ir/types.js';
import { type ErrorTag, RestconfError } from './errors.js';
import { keyPredicate } from './instance-path.js';
import { type JsonObject, type JsonValue, childTable, isObject } from './schema-index.js';

function violation(tag: ErrorTag, appTag: string | undefined, path: string, message: string): RestconfError {
  return RestconfError.of(tag, message, { type: 'application', status: 400, path, ...(appTag ? { appTag } : {}) });
}

function caseHasData(obj: JsonObject, c: CaseNode): boolean {
  for (const { node } of childTable(c.children).values()) if (node.jsonName in obj) return true;
  return false;
}

/** Collects every value reachable by an RFC 7951 data path such as `/mod:a/b/c`. */
function valuesAt(tree: JsonObject, dataPath: string): JsonValue[] {
  let current: JsonValue[] = [tree];
  for (const member of dataPath.replace(/\[[^\]]*\]/g, '').split('/').filter(Boolean)) {
    const next: JsonValue[] = [];
    for (const v of current) {
      const child = isObject(v) ? v[member] : undefined;
      if (Array.isArray(child)) next.push(...child);
      else if (child !== undefined) next.push(child);
    }
    current = next;
  }
  return current;
}

class Validator {
  private readonly leafrefTargets = new Map<string, Set<string>>();

  /** `configOnly` skips config false nodes: the datastore holds configuration, not state. */
  constructor(
    private readonly tree: JsonObject,
    private readonly configOnly: boolean,
  ) {}

  private checkLeafref(node: DataNode & { kind: 'leaf' | 'leaf-list' }, value: JsonValue, path: string): void {
    const ref = node.type.base === 'leafref' ? node.type.leafref : undefined;
    if (!ref?.target || node.type.requireInstance === false) return;
    let targets = this.leafrefTargets.get(ref.target);
    if (!targets) {
      targets = new Set(valuesAt(this.tree, ref.target).map((v) => JSON.stringify(v)));
      this.leafrefTargets.set(ref.target, targets);
    }
    if (!targets.has(JSON.stringify(value))) {
      throw violation('data-missing', 'instance-required', path, `${JSON.stringify(value)} does not refer to an existing ${ref.path}`);
    }
  }

  private checkCount(node: DataNode & { minElements: number; maxElements?: number }, count: number, path: string): void {
    if (node.maxElements !== undefined && count > node.maxElements) {
      throw violation('operation-failed', 'too-many-elements', path, `${node.name} has ${count} entries, at most ${node.maxElements} allowed`);
    }
    if (count < node.minElements && !node.when) {
      throw violation('operation-failed', 'too-few-elements', path, `${node.name} has ${count} entries, at least ${node.minElements} required`);
    }
  }

  private checkUnique(list: ListNode, entries: JsonObject[], path: string): void {
    for (const leafs of list.unique) {
      const seen = new Set<string>();
      for (const e of entries) {
        const values = leafs.map((p) => valuesAt(e, p)[0]);
        if (values.some((v) => v === undefined)) continue;
        const id = JSON.stringify(values);
        if (seen.has(id)) {
          throw violation('operation-failed', 'data-not-unique', path + keyPredicate(list, list.keys.map((k) => e[k]!)), `unique (${leafs.join(' ')}) violated`);
        }
        seen.add(id);
      }
    }
  }

  /** An absent non-presence container is walked as `{}`: it exists whenever its parent does. */
  walk(obj: JsonObject, nodes: readonly SchemaNode[], path: string): void {
    for (const n of nodes) {
      if (this.configOnly && !n.config) continue;
      const nodePath = `${path}/${n.jsonName}`;
      const value = obj[n.jsonName];
      switch (n.kind) {
        case 'choice': {
          const active = n.cases.find((c) => caseHasData(obj, c));
          if (active) this.walk(obj, active.children, path);
          else if (n.mandatory && !n.when) throw violation('data-missing', 'missing-choice', path || '/', `choice ${n.name} requires one of its cases`);
          break;
        }
        case 'leaf':
          if (value === undefined) {
            if (n.mandatory && !n.when) throw violation('data-missing', 'mandatory', nodePath, `mandatory leaf ${n.name} is missing`);
          } else this.checkLeafref(n, value, nodePath);
          break;
        case 'anydata':
        case 'anyxml':
          if (value === undefined && n.mandatory && !n.when) throw violation('data-missing', 'mandatory', nodePath, `mandatory ${n.kind} ${n.name} is missing`);
          break;
        case 'leaf-list': {
          const values = Array.isArray(value) ? value : [];
          this.checkCount(n, values.length, nodePath);
          for (const v of values) this.checkLeafref(n, v, nodePath);
          break;
        }
        case 'container':
          if (isObject(value)) this.walk(value, n.children, nodePath);
          else if (!n.presence && !n.when) this.walk({}, n.children, nodePath);
          break;
        case 'list': {
          const entries = (Array.isArray(value) ? value : []).filter(isObject);
          this.checkCount(n, entries.length, nodePath);
          for (const e of entries) this.walk(e, n.children, n.keys.length ? nodePath + keyPredicate(n, n.keys.map((k) => e[k]!)) : nodePath);
          this.checkUnique(n, entries, nodePath);
          break;
        }
        default:
          break;
      }
    }
  }
}

/**
 * Checks a candidate datastore (config data) against the rules that span more
 * than one request member. Throws the first violation found. Top-level
 * mandatory nodes and list min-elements are only enforced under existing parents.
 */
export function validateDatastore(tree: JsonObject, topLevel: readonly SchemaNode[]): void {
  const v = new Validator(tree, true);
  for (const n of topLevel) {
    if (n.kind === 'rpc' || n.kind === 'notification' || n.kind === 'action') continue;
    if (n.kind === 'container' || n.kind === 'list' || n.kind === 'leaf-list') {
      if (tree[n.jsonName] !== undefined) v.walk(tree, [n], '');
    } else if (n.kind === 'choice') {
      if (n.cases.some((c) => caseHasData(tree, c))) v.walk(tree, [n], '');
    } else if (tree[n.jsonName] !== undefined) v.walk(tree, [n], '');
  }
}

/**
 * Checks operation input or output (`obj`, children `nodes`) for mandatory nodes
 * and element counts; leafrefs resolve against the datastore `tree`.
 */
export function validateContent(tree: JsonObject, obj: JsonObject, nodes: readonly SchemaNode[], path: string): void {
  new Validator(tree, false).walk(obj, nodes, path);
}
