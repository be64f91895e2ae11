/**
 * The `{root}/data` resources (RFC 8040 sections 3.3 and 4): retrieval with
 * query parameters, and the edits POST (create), PUT (create or replace),
 * PATCH (merge) and DELETE.
 */
import type { DataNode } from '../ir/types.js';
import { type ParsedBody, bodyMember, datastoreBody, singleInstance } from './body.js';
import { evaluatePreconditions } from './conditional.js';
import type { EditAccess, EditOptions, RestconfCore } from './core.js';
import { RestconfError, invalidValue, notFound } from './errors.js';
import { type Exchange, type Reply, documentReply, versionHeaders } from './exchange.js';
import { type Selection, parseFields } from './fields.js';
import { keyPredicate, leafListPredicate } from './instance-path.js';
import type { QueryParams } from './query.js';
import { type JsonObject, type JsonValue, childrenOf, qualifiedName } from './schema-index.js';
import {
  type InsertSpec,
  type Siblings,
  mergeInstance,
  mergeObject,
  missingPoint,
  parentInstance,
  readInstance,
  removeInstance,
  siblingsAt,
  writeInstance,
} from './tree.js';
import { type InstanceStep, type Target, parseDataPath } from './uri.js';
import { lexical, sameValue } from './values.js';
import { excludeFields, filterContent, limitDepth, mapInstances, selectFields, withKeys } from './view.js';
import { RESTCONF_NS } from './xml.js';
import type { AccessOperation } from './nacm/index.js';

type DataTarget = Extract<Target, { kind: 'data' }>;

const READ = ['GET', 'HEAD', 'OPTIONS'];

/** Methods a data resource supports: edits only on config instances; POST only into containers and list entries. */
export function allowedDataMethods(target: Target): string[] {
  if (target.kind === 'datastore') return [...READ, 'POST', 'PUT', 'PATCH'];
  if (target.kind === 'action') return ['POST', 'OPTIONS'];
  const last = target.steps.at(-1)!;
  const { node } = last;
  const wholeCollection = (node.kind === 'list' && !last.keys) || (node.kind === 'leaf-list' && last.value === undefined);
  if (!node.config || wholeCollection) return READ;
  const post = node.kind === 'container' || node.kind === 'list' ? ['POST'] : [];
  return [...READ, ...post, 'PUT', 'PATCH', 'DELETE'];
}

function isOrderedByUser(node: DataNode): boolean {
  return (node.kind === 'list' || node.kind === 'leaf-list') && node.orderedBy === 'user';
}

/** The URI segment (RFC 8040 section 3.5.3) naming one instance, for Location headers. */
function uriSegment(step: InstanceStep, parentModule: string | undefined): string {
  const { node } = step;
  const name = node.module === parentModule ? node.name : qualifiedName(node);
  if (step.keys) return `${name}=${step.keys.map((k) => encodeURIComponent(lexical(k))).join(',')}`;
  if (step.value !== undefined) return `${name}=${encodeURIComponent(lexical(step.value))}`;
  return name;
}

/**
 * A PUT or merge creates its target or updates it (an existing one is written
 * again even when nothing changes, see NacmSession.authorizeRewrite): refused
 * (403) before the target's existence is looked at when the user may do neither.
 */
export function authorizeReplaceOrMerge(access: EditAccess, steps: readonly InstanceStep[]): void {
  access.authorizeTarget(REPLACE_OR_MERGE, steps);
}

const REPLACE_OR_MERGE: readonly AccessOperation[] = ['create', 'update'];

/**
 * Writes `value` over the instance `steps` names in `draft` by `write`, after
 * checking that the user may update what it writes over (NacmSession.authorizeRewrite).
 */
export function rewrite<T>(
  core: RestconfCore,
  access: EditAccess,
  draft: JsonObject,
  steps: readonly InstanceStep[],
  value: JsonValue,
  write: (parent: JsonObject, where: Siblings) => T,
): T {
  const parent = parentInstance(draft, steps, core.index.topLevel, true)!;
  access.authorizeRewrite(steps, readInstance(parent, steps.at(-1)!), value, core.top);
  return write(parent, siblingsAt(steps, steps.length - 1, core.index.topLevel));
}

/**
 * Refuses an insertion point the user may not read as a missing one is
 * refused: data it may not read does not exist for it (RFC 8341 section 3.4.5),
 * so positioning does not tell whether an entry it cannot see is there.
 */
export function requireReadablePoint(access: EditAccess, node: DataNode, insert: InsertSpec | undefined): void {
  if (insert?.pointSteps && !access.reads(insert.pointSteps)) throw missingPoint(node, insert.point);
}

/** The instance `steps` names (holding `value`) as the member a retrieval of it returns, and where that member is. */
function targetMember(core: RestconfCore, steps: readonly InstanceStep[], value: JsonValue): { wrapper: JsonObject; where: Siblings } {
  const last = steps.at(-1)!;
  const asArray = last.keys !== undefined || last.value !== undefined;
  return {
    wrapper: { [qualifiedName(last.node)]: asArray ? [value] : value },
    where: { children: siblingsAt(steps, steps.length - 1, core.index.topLevel).children, parentModule: undefined },
  };
}

function sameParent(a: readonly InstanceStep[], b: readonly InstanceStep[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => s.node === b[i]!.node && sameValue(s.keys ?? null, b[i]!.keys ?? null) && sameValue(s.value ?? null, b[i]!.value ?? null))
  );
}

/**
 * The decoded instance an edit body carries for the last of `steps` (whose
 * instance path is `path`), checked against the keys or leaf-list value the path names.
 */
export function instanceValue(core: RestconfCore, steps: readonly InstanceStep[], path: string, body: ParsedBody): JsonValue {
  const last = steps.at(-1)!;
  const where: Siblings = { children: siblingsAt(steps, steps.length - 1, core.index.topLevel).children, parentModule: undefined };
  const member = bodyMember(body, where, steps.length > 1 ? steps.at(-2)!.path : '', core.codec);
  if (member.node !== last.node) throw invalidValue(path, `the body must contain ${qualifiedName(last.node)}, not ${qualifiedName(member.node)}`);
  const value = singleInstance(member, path);
  if (last.keys && last.node.kind === 'list') {
    const keys = last.node.keys;
    keys.forEach((k, i) => {
      if (!sameValue((value as JsonObject)[k], last.keys![i])) throw invalidValue(`${path}/${k}`, `key ${k} in the body does not match the target`);
    });
  }
  if (last.value !== undefined && !sameValue(value, last.value)) throw invalidValue(path, 'the leaf-list value in the body does not match the target');
  return value;
}

export class DataResource {
  constructor(private readonly core: RestconfCore) {}

  /**
   * Edit options saying whether the instance named by `steps` exists (no steps:
   * the datastore) for the user: what it may not read does not exist for it
   * (RFC 8341 section 3.4.5, as GET answers 404 for it), so that `*` in
   * If-Match or If-None-Match does not tell it more than a GET would: a 412 or
   * not, whether the data exists or not (RFC 7232 sections 3.1 and 3.2 take `*`
   * to match "a current representation", and the user is shown none).
   */
  private existing(steps: readonly InstanceStep[]): EditOptions {
    const last = steps.at(-1);
    if (!last) return {};
    return {
      exists: (data, access) => {
        const parent = parentInstance(data, steps, this.core.index.topLevel, false);
        const value = parent && readInstance(parent, last);
        if (value === undefined) return false;
        const { wrapper, where } = targetMember(this.core, steps, value);
        return Object.keys(access.filterRead(wrapper, where, steps.slice(0, -1))).length > 0;
      },
    };
  }

  /** insert/point for an entry of `node` whose parent instance is named by `parentSteps`. */
  private insertSpec(q: QueryParams, node: DataNode, parentSteps: readonly InstanceStep[], path: string): InsertSpec | undefined {
    if (!q.insert) return undefined;
    if (!isOrderedByUser(node)) throw invalidValue(path, `insert is only allowed for ordered-by user lists and leaf-lists; ${node.name} is not`);
    if (q.point === undefined) return { where: q.insert };
    const point = parseDataPath(this.core.index, q.point);
    const pointStep = point.kind === 'data' ? point.steps.at(-1) : undefined;
    if (!pointStep || pointStep.node !== node || !sameParent(point.kind === 'data' ? point.steps.slice(0, -1) : [], parentSteps)) {
      throw invalidValue(path, `point "${q.point}" is not an entry of the same ${node.name} list`);
    }
    const at = pointStep.keys ?? pointStep.value;
    if (at === undefined) throw invalidValue(path, `point "${q.point}" must name one entry`);
    return { where: q.insert, point: at, pointSteps: (point as DataTarget).steps };
  }

  // ---- retrieval

  async get(x: Exchange, target: Exclude<Target, { kind: 'action' }>, q: QueryParams): Promise<Reply> {
    const { core } = this;
    const snap = core.datastore.current();
    // Whether the target exists is known only after reading, so a retrieval takes `*` to match (a missing target with If-None-Match: * gets 304, not 404).
    const pre = evaluatePreconditions(x.req.headers, snap, x.method, () => true);
    if (pre === 'not-modified') return { status: 304, headers: versionHeaders(snap) };
    if (pre === 'failed') return { status: 412, headers: versionHeaders(snap) };
    const tree = await core.readTree(x, snap, q.content);
    let wrapper: JsonObject;
    let where: Siblings;
    let node: DataNode | undefined;
    if (target.kind === 'datastore') {
      wrapper = tree;
      where = core.top;
    } else {
      const { steps } = target;
      const last = steps.at(-1)!;
      node = last.node;
      const parent = parentInstance(tree, steps, core.index.topLevel, false);
      let value = parent && readInstance(parent, last);
      const reportAll = q.withDefaults === 'report-all' || q.withDefaults === 'report-all-tagged';
      if (value === undefined && parent && reportAll && node.kind === 'leaf' && !node.when) value = core.defaults.of(node);
      if (value === undefined) throw notFound(target.path);
      ({ wrapper, where } = targetMember(core, steps, value));
    }
    // NACM (RFC 8341 section 3.4.5): what the user may not read is left out. A target
    // nothing of which may be read is a 404 below, the answer to one that does not
    // exist (RFC 8040 section 4.3 allows it, and it does not tell that the data exist).
    const nacm = core.nacm?.session(x.user, snap.data);
    const ancestors = target.kind === 'datastore' ? [] : target.steps.slice(0, -1);
    if (nacm) wrapper = nacm.filterRead(wrapper, where, ancestors);
    wrapper = this.shape(wrapper, where, node, q);
    // Defaults added by report-all are data too: those of nodes the user may not read go as well.
    if (nacm && q.withDefaults?.startsWith('report-all')) wrapper = nacm.filterRead(wrapper, where, ancestors);
    if (node && Object.keys(wrapper).length === 0) throw notFound((target as DataTarget).path);
    const headers = versionHeaders(snap);
    if (x.encoding === 'json') {
      const doc = target.kind === 'datastore' ? { 'ietf-restconf:data': wrapper } : wrapper;
      return documentReply(200, 'json', JSON.stringify(doc, null, 2), headers);
    }
    const xml = target.kind === 'datastore' ? core.codec.writeWrapped('data', RESTCONF_NS, wrapper, where) : core.codec.writeMember(wrapper, where);
    return documentReply(200, 'xml', xml, headers);
  }

  /** with-defaults, content, exclude/fields and depth, in that order (see view.ts). */
  private shape(wrapper: JsonObject, where: Siblings, node: DataNode | undefined, q: QueryParams): JsonObject {
    const { defaults } = this.core;
    const children = node ? childrenOf(node) : this.core.index.topLevel;
    const module = node?.module;
    const inner: Siblings = { children, parentModule: module };
    /** Applies `fn` to the target's own object(s): the datastore root, a container, or list entries. */
    const onTarget = (fn: (o: JsonObject) => JsonObject): JsonObject => {
      if (!node) return fn(wrapper);
      const out: JsonObject = {};
      for (const [member, value] of Object.entries(wrapper)) {
        const v = mapInstances(node, value, fn);
        if (v !== undefined) out[member] = v;
      }
      return out;
    };
    if (q.withDefaults === 'report-all' || q.withDefaults === 'report-all-tagged') wrapper = onTarget((o) => defaults.addTo(o, children));
    wrapper = filterContent(wrapper, where, q.content);
    if (q.withDefaults === 'trim') wrapper = defaults.trim(wrapper, where);
    if (q.exclude) {
      const sel: Selection = parseFields(q.exclude, 'exclude', children, module);
      wrapper = onTarget((o) => excludeFields(o, inner, sel));
    }
    if (q.fields) {
      const sel: Selection = parseFields(q.fields, 'fields', children, module);
      wrapper = onTarget((o) => {
        const kept = selectFields(o, inner, sel, q.depth);
        return node ? withKeys(node, o, kept) : kept;
      });
    } else if (q.depth !== undefined) wrapper = limitDepth(wrapper, where, q.depth);
    if (q.withDefaults === 'report-all-tagged') wrapper = defaults.tag(wrapper, where);
    return wrapper;
  }

  // ---- edits

  /** POST: creates the one child the body carries inside the target (RFC 8040 section 4.4.1). */
  async post(x: Exchange, target: Exclude<Target, { kind: 'action' }>, q: QueryParams, body: ParsedBody): Promise<Reply> {
    const { core } = this;
    const steps = target.kind === 'datastore' ? [] : target.steps;
    const parentNode = steps.at(-1)?.node;
    const targetPath = target.kind === 'datastore' ? '' : target.path;
    const where: Siblings = { children: parentNode ? childrenOf(parentNode) : core.index.topLevel, parentModule: undefined };
    const member = bodyMember(body, where, targetPath, core.codec);
    const { node } = member;
    const value = singleInstance(member, `${targetPath}/${node.jsonName}`);
    const child: InstanceStep = { node, path: `${targetPath}/${node.jsonName}` };
    if (node.kind === 'list') {
      child.keys = node.keys.map((k) => (value as JsonObject)[k]!);
      child.path += keyPredicate(node, child.keys);
    } else if (node.kind === 'leaf-list') {
      child.value = value;
      child.path += leafListPredicate(value);
    }
    const childSteps = [...steps, child];
    const insert = this.insertSpec(q, node, steps, child.path);
    const location = `${x.path.replace(/\/$/, '')}/${uriSegment(child, parentNode?.module)}`;
    return core.edit(x, (draft, access) => {
      const last = steps.at(-1);
      const mustExist = last && (last.node.kind === 'list' || (last.node.kind === 'container' && last.node.presence));
      if (mustExist) {
        const grand = parentInstance(draft, steps, core.index.topLevel, false);
        if (!grand || readInstance(grand, last) === undefined) throw access.existenceError(notFound(targetPath), steps);
      }
      const parent = parentInstance(draft, childSteps, core.index.topLevel, true)!;
      requireReadablePoint(access, node, insert);
      if (readInstance(parent, child) !== undefined) {
        throw access.existenceError(RestconfError.of('data-exists', `${child.path} already exists`, { type: 'application', path: child.path }), childSteps);
      }
      writeInstance(parent, siblingsAt(childSteps, childSteps.length - 1, core.index.topLevel), child, value, insert);
      return { status: 201, headers: { Location: location } };
    }, { ...this.existing(steps), authorize: (access) => access.authorizeTarget(['create'], childSteps) });
  }

  /** PUT: creates or replaces the target (RFC 8040 section 4.5). */
  async put(x: Exchange, target: Exclude<Target, { kind: 'action' }>, q: QueryParams, body: ParsedBody): Promise<Reply> {
    const { core } = this;
    if (target.kind === 'datastore') {
      if (q.insert) throw invalidValue('/', 'insert is not allowed on the datastore');
      const data = datastoreBody(body, core.index, core.codec);
      return core.edit(x, (draft, access) => {
        access.authorizeRewrite([], draft, data, core.top);
        for (const k of Object.keys(draft)) delete draft[k];
        Object.assign(draft, data);
        return { status: 204 };
      });
    }
    const { steps } = target;
    const value = instanceValue(core, target.steps, target.path, body);
    const last = steps.at(-1)!;
    const insert = this.insertSpec(q, last.node, steps.slice(0, -1), target.path);
    return core.edit(x, (draft, access) => {
      requireReadablePoint(access, last.node, insert);
      const outcome = rewrite(core, access, draft, steps, value, (parent, where) => writeInstance(parent, where, last, value, insert));
      return { status: outcome === 'created' ? 201 : 204 };
    }, { ...this.existing(steps), authorize: (access) => authorizeReplaceOrMerge(access, steps) });
  }

  /** PATCH with plain data: merges into the existing target (RFC 8040 section 4.6.1). */
  async merge(x: Exchange, target: Exclude<Target, { kind: 'action' }>, body: ParsedBody): Promise<Reply> {
    const { core } = this;
    if (target.kind === 'datastore') {
      const data = datastoreBody(body, core.index, core.codec);
      return core.edit(x, (draft, access) => {
        access.authorizeRewrite([], draft, data, core.top);
        mergeObject(draft, data, core.top);
        return { status: 204 };
      });
    }
    const { steps } = target;
    const value = instanceValue(core, target.steps, target.path, body);
    const last = steps.at(-1)!;
    return core.edit(x, (draft, access) => {
      const parent = parentInstance(draft, steps, core.index.topLevel, false);
      if (!parent || readInstance(parent, last) === undefined) throw access.existenceError(notFound(target.path), steps);
      rewrite(core, access, draft, steps, value, (p, where) => mergeInstance(p, where, last, value));
      return { status: 204 };
    }, { ...this.existing(steps), authorize: (access) => authorizeReplaceOrMerge(access, steps) });
  }

  /** DELETE: removes the target; a missing target is data-missing (NETCONF delete semantics). */
  async delete(x: Exchange, target: DataTarget): Promise<Reply> {
    const { core } = this;
    const { steps } = target;
    return core.edit(x, (draft, access) => {
      const parent = parentInstance(draft, steps, core.index.topLevel, false);
      if (!parent || !removeInstance(parent, steps.at(-1)!)) {
        throw access.existenceError(RestconfError.of('data-missing', `${target.path} does not exist`, { type: 'application', path: target.path }), steps);
      }
      return { status: 204 };
    }, { ...this.existing(steps), authorize: (access) => access.authorizeTarget(['delete'], steps) });
  }
}
