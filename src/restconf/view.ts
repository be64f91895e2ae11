/**
 * Shapes retrieved data for a GET: with-defaults (RFC 6243), content,
 * fields/exclude and depth (RFC 8040 section 4.8). Each pass works on objects
 * whose schema context is known, building new objects rather than mutating the
 * datastore snapshot.
 */
import type { DataNode, LeafListNode, LeafNode, SchemaNode } from '../ir/types.js';
import type { Selection } from './fields.js';
import type { ContentParam } from './query.js';
import { type JsonObject, type JsonValue, type SchemaIndex, childrenOf, isDataNode, isObject, lookupChild } from './schema-index.js';
import type { Siblings } from './tree.js';
import { checkValue } from '../values/check.js';
import { sameValue } from './values.js';

const WITH_DEFAULTS_TAG = { 'ietf-netconf-with-defaults:default': true };

function inner(node: DataNode): Siblings {
  return { children: childrenOf(node), parentModule: node.module };
}

function memberNode(where: Siblings, member: string): DataNode | undefined {
  const node = lookupChild(where.children, where.parentModule, member)?.node;
  return node && isDataNode(node) ? node : undefined;
}

/** Maps each member of `obj` through `fn`; members `fn` returns undefined for are dropped. */
function mapMembers(obj: JsonObject, where: Siblings, fn: (node: DataNode, value: JsonValue, member: string) => JsonValue | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [member, value] of Object.entries(obj)) {
    const node = memberNode(where, member);
    if (!node) continue;
    const v = fn(node, value, member);
    if (v !== undefined) out[member] = v;
  }
  return out;
}

/** Applies `fn` to a node's value: each entry of a list, or the object of a container. */
export function mapInstances(node: DataNode, value: JsonValue, fn: (obj: JsonObject) => JsonObject | undefined): JsonValue | undefined {
  if (node.kind === 'list' && Array.isArray(value)) {
    const entries = value.filter(isObject).map(fn).filter((e): e is JsonObject => e !== undefined);
    return entries.length ? entries : undefined;
  }
  if (isObject(value) && (node.kind === 'container' || node.kind === 'list')) return fn(value);
  return value;
}

export class DefaultValues {
  private readonly cache = new Map<SchemaNode, JsonValue | undefined>();

  constructor(private readonly index: SchemaIndex) {}

  /** A default as written may use the YANG prefix of an identity's module; JSON needs the module name. */
  private moduleForPrefix(node: SchemaNode, prefix: string): string | undefined {
    const m = this.index.module(node.module);
    if (!m) return undefined;
    if (m.prefix === prefix) return m.name;
    return m.imports.find((i) => i.prefix === prefix)?.module;
  }

  private parse(node: LeafNode | LeafListNode, text: string): JsonValue | undefined {
    let r = checkValue(node.type, text, 'lexical', node.module);
    const colon = text.indexOf(':');
    if (!r.ok && colon > 0) {
      const module = this.moduleForPrefix(node, text.slice(0, colon));
      if (module) r = checkValue(node.type, `${module}:${text.slice(colon + 1)}`, 'lexical', node.module);
    }
    return r.ok ? r.value : undefined;
  }

  /** The canonical default of a leaf (a scalar) or leaf-list (an array), if any. */
  of(node: DataNode): JsonValue | undefined {
    if (this.cache.has(node)) return this.cache.get(node);
    let v: JsonValue | undefined;
    if (node.kind === 'leaf' && node.default !== undefined) v = this.parse(node, node.default);
    if (node.kind === 'leaf-list' && node.default?.length) {
      const values = node.default.map((d) => this.parse(node, d));
      v = values.every((x) => x !== undefined) ? (values as JsonValue[]) : undefined;
    }
    this.cache.set(node, v);
    return v;
  }

  /** Adds the defaults in force below `obj` (report-all); returns a new object. */
  addTo(obj: JsonObject, nodes: readonly SchemaNode[]): JsonObject {
    const out: JsonObject = { ...obj };
    this.fill(out, nodes);
    return out;
  }

  private fill(out: JsonObject, nodes: readonly SchemaNode[]): void {
    for (const n of nodes) {
      switch (n.kind) {
        case 'choice': {
          const active = n.cases.find((c) => c.children.some((ch) => this.hasData(out, ch)));
          const chosen = active ?? n.cases.find((c) => c.name === n.default);
          if (chosen) this.fill(out, chosen.children);
          break;
        }
        case 'leaf':
        case 'leaf-list': {
          const d = this.of(n);
          if (out[n.jsonName] === undefined && d !== undefined && !n.when) out[n.jsonName] = d;
          break;
        }
        case 'container': {
          const current = out[n.jsonName];
          if (isObject(current)) out[n.jsonName] = this.addTo(current, n.children);
          else if (!n.presence && !n.when) {
            const filled = this.addTo({}, n.children);
            if (Object.keys(filled).length) out[n.jsonName] = filled;
          }
          break;
        }
        case 'list': {
          const current = out[n.jsonName];
          if (Array.isArray(current)) out[n.jsonName] = current.map((e) => (isObject(e) ? this.addTo(e, n.children) : e));
          break;
        }
        default:
          break;
      }
    }
  }

  private hasData(obj: JsonObject, n: SchemaNode): boolean {
    if (n.kind === 'choice') return n.cases.some((c) => c.children.some((ch) => this.hasData(obj, ch)));
    return n.kind !== 'case' && obj[n.jsonName] !== undefined;
  }

  /** Drops leaves and leaf-lists equal to their default (trim). */
  trim(obj: JsonObject, where: Siblings): JsonObject {
    return mapMembers(obj, where, (node, value) => {
      if (node.kind === 'leaf' || node.kind === 'leaf-list') return sameValue(value, this.of(node)) ? undefined : value;
      return mapInstances(node, value, (o) => this.trim(o, inner(node)));
    });
  }

  /** Marks leaves equal to their default with the RFC 6243 annotation (report-all-tagged). */
  tag(obj: JsonObject, where: Siblings): JsonObject {
    const out: JsonObject = {};
    for (const [member, value] of Object.entries(obj)) {
      const node = memberNode(where, member);
      if (!node) {
        out[member] = value;
        continue;
      }
      if (node.kind === 'leaf' && sameValue(value, this.of(node))) out[`@${member}`] = WITH_DEFAULTS_TAG;
      out[member] = mapInstances(node, value, (o) => this.tag(o, inner(node))) ?? value;
    }
    return out;
  }
}

/** `kept` with the keys of list entry `entry` in front, so a filtered entry stays identifiable. */
export function withKeys(node: DataNode, entry: JsonObject, kept: JsonObject): JsonObject {
  if (node.kind !== 'list') return kept;
  return { ...Object.fromEntries(node.keys.filter((k) => k in entry).map((k) => [k, entry[k]!])), ...kept };
}

/** Keeps config or non-config nodes; list keys stay with entries that keep anything. */
export function filterContent(obj: JsonObject, where: Siblings, content: ContentParam): JsonObject {
  if (content === 'all') return obj;
  return mapMembers(obj, where, (node, value) => {
    if (!node.config) return content === 'nonconfig' ? value : undefined;
    if (content === 'config') return mapInstances(node, value, (o) => filterContent(o, inner(node), content));
    if (node.kind === 'container') {
      const kept = filterContent(value as JsonObject, inner(node), content);
      return Object.keys(kept).length ? kept : undefined;
    }
    if (node.kind === 'list') {
      return mapInstances(node, value, (entry) => {
        const kept = filterContent(entry, inner(node), content);
        return Object.keys(kept).length ? withKeys(node, entry, kept) : undefined;
      });
    }
    return undefined;
  });
}

/** Cuts the tree below `depth` levels; members of `obj` are at `level`. */
export function limitDepth(obj: JsonObject, where: Siblings, depth: number, level = 1): JsonObject {
  if (level > depth) return {};
  return mapMembers(obj, where, (node, value) => mapInstances(node, value, (o) => limitDepth(o, inner(node), depth, level + 1)) ?? []);
}

/**
 * Keeps only selected nodes. A wholly selected node keeps its subtree, cut to
 * `depth` counted from that node (RFC 8040: depth applies to fields-selected nodes).
 * List entries on a selection path keep their keys so they stay identifiable.
 */
export function selectFields(obj: JsonObject, where: Siblings, sel: Selection, depth: number | undefined): JsonObject {
  return mapMembers(obj, where, (node, value) => {
    if (!sel.has(node)) return undefined;
    const sub = sel.get(node);
    if (sub === null || sub === undefined) {
      if (depth === undefined) return value;
      return mapInstances(node, value, (o) => limitDepth(o, inner(node), depth, 2)) ?? [];
    }
    return mapInstances(node, value, (o) => {
      const kept = selectFields(o, inner(node), sub, depth);
      return Object.keys(kept).length ? withKeys(node, o, kept) : undefined;
    });
  });
}

/** Removes selected nodes (NSO `exclude`). */
export function excludeFields(obj: JsonObject, where: Siblings, sel: Selection): JsonObject {
  return mapMembers(obj, where, (node, value) => {
    if (!sel.has(node)) return value;
    const sub = sel.get(node);
    if (sub === null || sub === undefined) return undefined;
    return mapInstances(node, value, (o) => excludeFields(o, inner(node), sub)) ?? [];
  });
}
