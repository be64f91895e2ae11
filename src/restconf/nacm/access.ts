/**
 * NACM enforcement (RFC 8341 section 3.4) for the RESTCONF runtime: who the
 * user is in which groups, and for each request the rules that decide
 * read (reads leave out what is denied), create/update/delete (an edit
 * needing a denied access is refused whole), exec (rpcs and actions) and
 * notification delivery. There is no recovery session over RESTCONF
 * (RFC 8341 section 3.2.2 names it for NETCONF sessions only), so every
 * request is checked.
 */
import type { DataNode, NotificationNode, OperationNode, SchemaNode } from '../../ir/types.js';
import { parseInstanceIdentifier } from '../../values/instance-identifier.js';
import { type ErrorEntry, RestconfError } from '../errors.js';
import { keyPredicate, leafListPredicate } from '../instance-path.js';
import { type JsonObject, type JsonValue, type SchemaIndex, childrenOf, isDataNode, isObject, lookupChild } from '../schema-index.js';
import type { Siblings } from '../tree.js';
import { sameValue } from '../values.js';
import { NACM_MEMBER, NACM_MODULE } from './module.js';
import { type AccessOperation, type NacmStep, type Policy, type Rule, pathMatches, pathReachesBelow, readPolicy } from './policy.js';

/** `nacm:default-deny-*` in force for a node: written on it or on an ancestor (RFC 8341 section 3.4.5, steps 9 and 10). */
interface DefaultDeny {
  all: boolean;
  write: boolean;
}

const NO_DEFAULT_DENY: DefaultDeny = { all: false, write: false };

function defaultDenyBelow(outer: DefaultDeny, node: SchemaNode): DefaultDeny {
  const ext = node.extensions?.filter((e) => e.module === NACM_MODULE);
  if (!ext?.length) return outer;
  return {
    all: outer.all || ext.some((e) => e.name === 'default-deny-all'),
    write: outer.write || ext.some((e) => e.name === 'default-deny-write'),
  };
}

function defaultDenyOf(steps: readonly NacmStep[]): DefaultDeny {
  return steps.reduce<DefaultDeny>((d, s) => defaultDenyBelow(d, s.node), NO_DEFAULT_DENY);
}

/** The `error-path` of an instance (RFC 7951 instance-identifier). */
function instancePath(steps: readonly NacmStep[]): string {
  let path = '';
  let module: string | undefined;
  for (const { node, keys, value } of steps) {
    path += `/${node.module === module ? node.name : `${node.module}:${node.name}`}`;
    if (keys && node.kind === 'list') path += keyPredicate(node, keys);
    else if (value !== undefined) path += leafListPredicate(value);
    module = node.module;
  }
  return path || '/';
}

function inner(node: DataNode): Siblings {
  return { children: childrenOf(node), parentModule: node.module };
}

/** The instance an error path (RFC 7951 instance-identifier) names, as steps; undefined when it names no data node. */
function pathSteps(top: Siblings, path: string): NacmStep[] | undefined {
  const parsed = parseInstanceIdentifier(path);
  if ('error' in parsed) return undefined;
  const steps: NacmStep[] = [];
  let where = top;
  for (const { prefix, name, predicates } of parsed.steps) {
    const node = lookupChild(where.children, where.parentModule, prefix ? `${prefix}:${name}` : name)?.node;
    if (!node || !isDataNode(node)) return undefined;
    const step: NacmStep = { node };
    const predicate = (kind: 'key' | 'value', name?: string) => {
      const p = predicates.find((q) => q.kind === kind && (q.kind !== 'key' || q.name === name));
      return p && 'value' in p ? p.value : undefined;
    };
    if (node.kind === 'list' && predicates.length) step.keys = node.keys.map((k) => predicate('key', k) ?? null);
    const value = predicate('value');
    if (value !== undefined) step.value = value;
    steps.push(step);
    where = inner(node);
  }
  return steps;
}

/** A path in double quotes in an error message, as the validator quotes instances. */
const QUOTED_PATH = /"(\/[^"]*)"/g;

const listEntries = (v: JsonValue | undefined): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);
const entryKeys = (node: DataNode & { keys: string[] }, entry: JsonObject): JsonValue[] => node.keys.map((k) => entry[k] ?? null);
const hasValue = (list: readonly JsonValue[], v: JsonValue): boolean => list.some((x) => sameValue(x, v));

function accessDenied(message: string, path?: string): RestconfError {
  return RestconfError.of('access-denied', message, { status: 403, type: 'application', ...(path ? { path } : {}) });
}

/** The denied-operation counters of the `nacm` container (state data, since the server started). */
export interface NacmCounters {
  'denied-operations': number;
  'denied-data-writes': number;
  'denied-notifications': number;
}

export class Nacm {
  readonly counters: NacmCounters = { 'denied-operations': 0, 'denied-data-writes': 0, 'denied-notifications': 0 };
  private readonly policies = new WeakMap<JsonObject, Policy>();
  private readonly noRules = new WeakMap<JsonObject, Policy>();

  constructor(private readonly index: SchemaIndex) {}

  /** The access `user` has under the rules in `data` (a datastore snapshot's content). */
  session(user: string | undefined, data: JsonObject): NacmSession {
    const config = data[NACM_MEMBER];
    const key = isObject(config) ? config : data;
    const cache = isObject(config) ? this.policies : this.noRules;
    let policy = cache.get(key);
    if (!policy) {
      policy = readPolicy(this.index, data);
      cache.set(key, policy);
    }
    return new NacmSession(policy, user, this.counters);
  }
}

export class NacmSession {
  /** The user's rules, rule-lists in order (RFC 8341 section 3.4.5, steps 3 to 5); empty for a user in no group. */
  private readonly rules: readonly Rule[];
  private readonly readMemo = new Map<SchemaNode, boolean>();

  constructor(
    private readonly policy: Policy,
    readonly user: string | undefined,
    private readonly counters: NacmCounters,
  ) {
    const groups = user === undefined ? undefined : policy.groupsByUser.get(user);
    this.rules = groups?.size
      ? policy.ruleLists.filter((rl) => rl.groups.some((g) => g === '*' || groups.has(g))).flatMap((rl) => rl.rules)
      : [];
  }

  private ruleMatches(rule: Rule, op: AccessOperation, steps: readonly NacmStep[]): boolean {
    const node = steps.at(-1)!.node;
    if (rule.module !== '*' && rule.module !== node.module) return false;
    if (rule.operations && !rule.operations.has(op)) return false;
    switch (rule.type.kind) {
      case 'any':
        return true;
      case 'rpc':
        return node.kind === 'rpc' && (rule.type.name === '*' || rule.type.name === node.name);
      case 'notification':
        return node.kind === 'notification' && (rule.type.name === '*' || rule.type.name === node.name);
      case 'path':
        return pathMatches(rule.type.steps, steps);
    }
  }

  /**
   * The decision for `op` on the node at the end of `steps`: the first
   * matching rule, else the default-deny extensions, else the `*-default`
   * leaf (RFC 8341 sections 3.4.4 to 3.4.6).
   */
  allows(op: AccessOperation, steps: readonly NacmStep[], deny: DefaultDeny): boolean {
    const { policy } = this;
    if (!policy.enabled) return true;
    for (const rule of this.rules) if (this.ruleMatches(rule, op, steps)) return rule.permit;
    if (deny.all) return false;
    if (op === 'read') return policy.readDefault;
    if (op === 'exec') return policy.execDefault;
    return !deny.write && policy.writeDefault;
  }

  /** Whether the user may read the node at the end of `steps` (itself: what it holds may be readable still). */
  reads(steps: readonly NacmStep[]): boolean {
    return this.allows('read', steps, defaultDenyOf(steps));
  }

  /** Read access, remembered per schema node when no rule depends on instance values. */
  private mayRead(steps: readonly NacmStep[], deny: DefaultDeny): boolean {
    if (this.policy.instanceSpecific) return this.allows('read', steps, deny);
    const node = steps.at(-1)!.node;
    let v = this.readMemo.get(node);
    if (v === undefined) this.readMemo.set(node, (v = this.allows('read', steps, deny)));
    return v;
  }

  // ---- read (RFC 8341 section 3.4.5): denied nodes are left out silently

  /**
   * `obj` (members at `where`, below the instance `ancestors`) without what the
   * user may not read. A denied container or list entry still appears when
   * something below it may be read, as the path to that data (list keys kept).
   */
  filterRead(obj: JsonObject, where: Siblings, ancestors: readonly NacmStep[]): JsonObject {
    if (!this.policy.enabled) return obj;
    return this.filterMembers(obj, where, [...ancestors], defaultDenyOf(ancestors));
  }

  private filterMembers(obj: JsonObject, where: Siblings, steps: NacmStep[], deny: DefaultDeny): JsonObject {
    const out: JsonObject = {};
    for (const [member, value] of Object.entries(obj)) {
      if (member.startsWith('@')) continue;
      const node = lookupChild(where.children, where.parentModule, member)?.node;
      if (!node || !isDataNode(node)) continue;
      const kept = this.filterNode(node, value, steps, defaultDenyBelow(deny, node));
      if (kept !== undefined) out[member] = kept;
    }
    // Metadata (RFC 7952, e.g. with-defaults tags) stays with the member it annotates.
    for (const [member, value] of Object.entries(obj)) if (member.startsWith('@') && member.slice(1) in out) out[member] = value;
    return out;
  }

  /** `node`'s value as readable, with `steps` ending at the node's instance (the caller pushes and pops it). */
  private filterNode(node: DataNode, value: JsonValue, steps: NacmStep[], deny: DefaultDeny): JsonValue | undefined {
    switch (node.kind) {
      case 'leaf-list': {
        if (!Array.isArray(value)) return undefined;
        const kept = value.filter((v) => this.at(steps, { node, value: v }, () => this.mayRead(steps, deny)));
        return kept.length ? kept : undefined;
      }
      case 'list': {
        if (!Array.isArray(value)) return undefined;
        const children = inner(node);
        const kept: JsonObject[] = [];
        for (const entry of value) {
          if (!isObject(entry)) continue;
          const readable = this.at(steps, { node, keys: node.keys.map((k) => entry[k] ?? null) }, () => {
            const below = this.filterMembers(entry, children, steps, deny);
            const keys = node.keys.filter((k) => k in entry);
            // A denied entry stays only as the path to something readable below it.
            if (!this.mayRead(steps, deny) && Object.keys(below).every((m) => keys.includes(m))) return undefined;
            for (const k of keys) below[k] = entry[k]!;
            return below;
          });
          if (readable) kept.push(readable);
        }
        return kept.length ? kept : undefined;
      }
      case 'container': {
        if (!isObject(value)) return undefined;
        return this.at(steps, { node }, () => {
          const below = this.filterMembers(value, inner(node), steps, deny);
          return this.mayRead(steps, deny) || Object.keys(below).length ? below : undefined;
        });
      }
      default:
        return this.at(steps, { node }, () => (this.mayRead(steps, deny) ? value : undefined));
    }
  }

  /** Runs `fn` with `step` at the end of `steps`. */
  private at<T>(steps: NacmStep[], step: NacmStep, fn: () => T): T {
    steps.push(step);
    try {
      return fn();
    } finally {
      steps.pop();
    }
  }

  // ---- write (RFC 8341 sections 3.2.4 and 3.4.5): every node the edit creates, changes or deletes

  /**
   * Throws 403 access-denied, counting a denied data write, when turning
   * `before` into `after` (whole datastore contents) creates, updates or
   * deletes a node the user may not. Non-presence containers only structure
   * data: their descendants are checked, not they themselves.
   */
  authorizeWrite(before: JsonObject, after: JsonObject, top: Siblings): void {
    if (!this.policy.enabled) return;
    const denied = this.diffMembers(before, after, top, [], NO_DEFAULT_DENY);
    if (denied) throw this.deniedData(denied);
  }

  // ---- rewrite (RFC 8341 section 3.4.5): what a PUT or merge writes again, changed or not

  /**
   * Throws 403 access-denied, counting a denied data write, unless the user
   * may update what a PUT or merge (its value `written`) writes over existing
   * data: the target instance `steps` names when it exists (`before`, its
   * current value; no steps: the datastore, `before` its content at `top`),
   * and each leaf, leaf-list entry and anydata of `written` that exists
   * already. Writing a node the value it holds is still an update of it:
   * RFC 8341 section 3.4.5 checks each node the request writes ("the request
   * is rejected" when one is not permitted), whatever the outcome, and a no-op
   * allowed where a change is refused would tell a user who may not read the
   * data whether the value sent is the one held. A non-presence container, a
   * list key and a container or list entry below the target only lead to what
   * they hold (the target and the values are written). Creations and
   * deletions are checked by authorizeWrite.
   */
  authorizeRewrite(steps: readonly NacmStep[], before: JsonValue | undefined, written: JsonValue, top: Siblings): void {
    if (!this.policy.enabled || before === undefined) return;
    const path = [...steps];
    const last = path.at(-1);
    let denied: Denial | undefined;
    if (!last) denied = this.rewriteBelow(before, written, top, path, NO_DEFAULT_DENY);
    else {
      const node = last.node as DataNode;
      const deny = defaultDenyOf(path);
      const structure = node.kind === 'container' && !node.presence;
      denied = structure ? undefined : this.check('update', path, deny);
      if (!denied && (node.kind === 'container' || node.kind === 'list')) denied = this.rewriteBelow(before, written, inner(node), path, deny);
    }
    if (denied) throw this.deniedData(denied);
  }

  /** The members of `written` (an object at `where`) that exist in `before`. */
  private rewriteBelow(before: JsonValue, written: JsonValue, where: Siblings, steps: NacmStep[], deny: DefaultDeny): Denial | undefined {
    if (!isObject(before) || !isObject(written)) return undefined;
    for (const [member, value] of Object.entries(written)) {
      const old = before[member];
      const node = old === undefined ? undefined : lookupChild(where.children, where.parentModule, member)?.node;
      if (!node || !isDataNode(node)) continue;
      const denied = this.rewriteNode(node, old!, value, steps, defaultDenyBelow(deny, node));
      if (denied) return denied;
    }
    return undefined;
  }

  private rewriteNode(node: DataNode, old: JsonValue, value: JsonValue, steps: NacmStep[], deny: DefaultDeny): Denial | undefined {
    switch (node.kind) {
      case 'container':
        return this.at(steps, { node }, () => this.rewriteBelow(old, value, inner(node), steps, deny));
      case 'list': {
        const keyOf = (e: JsonObject) => JSON.stringify(entryKeys(node, e));
        const existing = new Map(listEntries(old).map((e) => [keyOf(e), e]));
        for (const e of listEntries(value)) {
          const prev = existing.get(keyOf(e));
          const denied = prev && this.at(steps, { node, keys: entryKeys(node, e) }, () => this.rewriteBelow(prev, e, inner(node), steps, deny));
          if (denied) return denied;
        }
        return undefined;
      }
      case 'leaf-list': {
        const held = Array.isArray(old) ? old : [];
        for (const v of Array.isArray(value) ? value : []) {
          const denied = hasValue(held, v) && this.at(steps, { node, value: v }, () => this.check('update', steps, deny));
          if (denied) return denied;
        }
        return undefined;
      }
      default:
        return node.kind === 'leaf' && node.isKey ? undefined : this.at(steps, { node }, () => this.check('update', steps, deny));
    }
  }

  private check(op: AccessOperation, steps: NacmStep[], deny: DefaultDeny): Denial | undefined {
    return this.allows(op, steps, deny) ? undefined : { op, steps: [...steps] };
  }

  private diffMembers(before: JsonObject | undefined, after: JsonObject | undefined, where: Siblings, steps: NacmStep[], deny: DefaultDeny): Denial | undefined {
    const members = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
    for (const member of members) {
      const node = lookupChild(where.children, where.parentModule, member)?.node;
      if (!node || !isDataNode(node)) continue;
      const denied = this.diffNode(node, before?.[member], after?.[member], steps, defaultDenyBelow(deny, node));
      if (denied) return denied;
    }
    return undefined;
  }

  private diffNode(node: DataNode, before: JsonValue | undefined, after: JsonValue | undefined, steps: NacmStep[], deny: DefaultDeny): Denial | undefined {
    const at = (step: NacmStep, fn: () => Denial | undefined): Denial | undefined => this.at(steps, step, fn);
    switch (node.kind) {
      case 'container': {
        const b = isObject(before) ? before : undefined;
        const a = isObject(after) ? after : undefined;
        return at({ node }, () => {
          if (node.presence && !b !== !a) {
            const denied = this.check(a ? 'create' : 'delete', steps, deny);
            if (denied) return denied;
          }
          return this.diffMembers(b, a, inner(node), steps, deny);
        });
      }
      case 'list': {
        const keyOf = (e: JsonObject) => JSON.stringify(entryKeys(node, e));
        const old = new Map(listEntries(before).map((e) => [keyOf(e), e]));
        const now = listEntries(after);
        const kept = new Set(now.map(keyOf).filter((k) => old.has(k)));
        // Moving entries of an ordered-by user list updates them; adding or removing others does not.
        const reordered = node.orderedBy === 'user' && !sameValue([...old.keys()].filter((k) => kept.has(k)), [...kept]);
        for (const e of now) {
          const prev = old.get(keyOf(e));
          old.delete(keyOf(e));
          const denied = at({ node, keys: entryKeys(node, e) }, () =>
            (prev ? (reordered ? this.check('update', steps, deny) : undefined) : this.check('create', steps, deny)) ??
            this.diffMembers(prev, e, inner(node), steps, deny),
          );
          if (denied) return denied;
        }
        for (const e of old.values()) {
          const denied = at({ node, keys: entryKeys(node, e) }, () => this.check('delete', steps, deny) ?? this.diffMembers(e, undefined, inner(node), steps, deny));
          if (denied) return denied;
        }
        return undefined;
      }
      case 'leaf-list': {
        const old = Array.isArray(before) ? before : [];
        const now = Array.isArray(after) ? after : [];
        const reordered = node.orderedBy === 'user' && !sameValue(old.filter((v) => hasValue(now, v)), now.filter((v) => hasValue(old, v)));
        for (const v of now) {
          const op = !hasValue(old, v) ? 'create' : reordered ? 'update' : undefined;
          const denied = op && at({ node, value: v }, () => this.check(op, steps, deny));
          if (denied) return denied;
        }
        for (const v of old) {
          const denied = !hasValue(now, v) && at({ node, value: v }, () => this.check('delete', steps, deny));
          if (denied) return denied;
        }
        return undefined;
      }
      default: {
        if (sameValue(before, after)) return undefined;
        const op = before === undefined ? 'create' : after === undefined ? 'delete' : 'update';
        return at({ node }, () => this.check(op, steps, deny));
      }
    }
  }

  /**
   * Access checked before an edit looks at the data (RFC 8341 section 3.4.5:
   * access control first), so that the answer does not tell whether the target
   * exists: throws 403 access-denied, counting a denied data write, unless the
   * user may do one of `ops` on the instance `steps` names. A non-presence
   * container is not written itself (see authorizeWrite), only its descendants:
   * it is refused only when no rule could allow the operation below it either.
   */
  authorizeTarget(ops: readonly AccessOperation[], steps: readonly NacmStep[]): void {
    if (!this.policy.enabled) return;
    const deny = defaultDenyOf(steps);
    if (ops.some((op) => this.allows(op, steps, deny))) return;
    const node = steps.at(-1)!.node;
    if (node.kind === 'container' && !node.presence && ops.some((op) => this.mayPermitBelow(op, steps))) return;
    throw this.deniedWrite(ops.join(' or '), steps);
  }

  /** Whether one of the user's permit rules for `op` could apply to a node below the instance `steps` names. */
  private mayPermitBelow(op: AccessOperation, steps: readonly NacmStep[]): boolean {
    return this.rules.some(
      (r) => r.permit && (!r.operations || r.operations.has(op)) && (r.type.kind === 'any' || (r.type.kind === 'path' && pathReachesBelow(r.type.steps, steps))),
    );
  }

  /**
   * `err`, an answer that tells whether the instance `steps` names exists
   * (data-exists, data-missing, not found), for a user who may read that
   * instance; any other user gets 403 access-denied, the answer it would get
   * had the data been otherwise (RFC 8040 section 4.3: no exposure of unreadable data).
   */
  existenceError(err: RestconfError, steps: readonly NacmStep[]): RestconfError {
    if (!this.policy.enabled || this.reads(steps)) return err;
    return this.deniedWrite('write', steps);
  }

  private deniedWrite(op: string, steps: readonly NacmStep[]): RestconfError {
    this.counters['denied-data-writes']++;
    const path = instancePath(steps);
    return accessDenied(`access denied: ${op} of ${path}`, path);
  }

  /**
   * A denial found in the data (not named by the request): the node and the
   * operation (which tells whether the node existed) only when the user may
   * read that node, else the nearest ancestor it may read. RFC 8341 section
   * 3.4.5: the contents of restricted nodes must not be exposed in errors.
   */
  private deniedData({ op, steps }: Denial): RestconfError {
    const readable = this.readablePrefix(steps);
    if (readable === steps.length) return this.deniedWrite(op, steps);
    this.counters['denied-data-writes']++;
    if (readable === 0) return accessDenied('access denied: write');
    const path = instancePath(steps.slice(0, readable));
    return accessDenied(`access denied: write below ${path}`, path);
  }

  /** How many of `steps` lead to a node the user may read: all of them, or up to the nearest readable ancestor (0: none). */
  private readablePrefix(steps: readonly NacmStep[]): number {
    let n = steps.length;
    while (n > 0 && !this.reads(steps.slice(0, n))) n--;
    return n;
  }

  /** `path` if the user may read the instance it names (or it names none), else the nearest ancestor it may read (undefined: none). */
  private readablePath(path: string, top: Siblings): string | undefined {
    const steps = pathSteps(top, path);
    if (!steps) return path;
    const n = this.readablePrefix(steps);
    return n === steps.length ? path : n ? instancePath(steps.slice(0, n)) : undefined;
  }

  /**
   * The violations an edit's validation found (RFC 7950 section 8), without
   * what the user may not read (RFC 8341 section 3.4.5: the contents of
   * restricted nodes must not be exposed in errors): an error-path naming such
   * a node becomes its nearest readable ancestor (or goes), its message a
   * generic one, and instance paths quoted in other messages (unique names
   * both entries) are cut the same way. Error tags and app tags stay.
   */
  redactErrors(err: RestconfError, top: Siblings): RestconfError {
    if (!this.policy.enabled) return err;
    const errors = err.errors.map((e): ErrorEntry => {
      const message = e.message?.replace(QUOTED_PATH, (_quoted, path: string) => `"${this.readablePath(path, top) ?? '/'}"`);
      const path = e.path === undefined ? undefined : this.readablePath(e.path, top);
      if (path === e.path) return message === e.message ? e : { ...e, message: message! };
      const { path: _hidden, ...rest } = e;
      return { ...rest, message: 'the edit would leave data the user may not read invalid', ...(path ? { path } : {}) };
    });
    return errors.every((e, i) => e === err.errors[i]) ? err : new RestconfError(err.status, errors);
  }

  // ---- exec (RFC 8341 section 3.4.4) and notifications (section 3.4.6)

  /** Whether the user may invoke `op` (an action below the instance `ancestors`). */
  mayExec(op: OperationNode, ancestors: readonly NacmStep[] = []): boolean {
    const steps = [...ancestors, { node: op }];
    return this.allows('exec', steps, defaultDenyOf(steps));
  }

  /** Throws 403 access-denied, counting a denied operation, unless the user may invoke `op` (an action below the instance `ancestors`). */
  authorizeExec(op: OperationNode, ancestors: readonly NacmStep[]): void {
    if (this.mayExec(op, ancestors)) return;
    this.counters['denied-operations']++;
    throw accessDenied(`access denied: exec of ${instancePath([...ancestors, { node: op }])}`);
  }

  /**
   * Throws `hidden` (the answer to a missing instance), counting a denied
   * operation, unless the user may read the instance `ancestors` names, the
   * one an action is invoked on: RFC 8341 section 3.4.4 asks exec access to
   * the action and read access to the data node it belongs to (netopeer2
   * checks the action's parent the same way). The answer is the one GET gives
   * for data the user may not read, the same whether the instance exists or
   * not (RFC 8040 section 4.3, RFC 8341 section 3.4.5), so call this before
   * looking the instance up.
   */
  authorizeActionInstance(ancestors: readonly NacmStep[], hidden: RestconfError): void {
    if (!this.policy.enabled || this.reads(ancestors)) return;
    this.counters['denied-operations']++;
    throw hidden;
  }

  /** Whether the user receives `notification`; a withheld one is counted (denied-notifications). */
  receives(notification: NotificationNode): boolean {
    const steps = [{ node: notification }];
    if (this.allows('read', steps, defaultDenyOf(steps))) return true;
    this.counters['denied-notifications']++;
    return false;
  }
}

interface Denial {
  op: AccessOperation;
  steps: NacmStep[];
}

/** The datastore tree with the nacm counters (state data) filled in. */
export function withCounters(tree: JsonObject, counters: NacmCounters): JsonObject {
  const current = tree[NACM_MEMBER];
  return { ...tree, [NACM_MEMBER]: { ...(isObject(current) ? current : {}), ...counters } };
}
