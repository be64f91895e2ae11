/**
 * The NACM rules in force (RFC 8341 section 3.5), read from the
 * `ietf-netconf-acm:nacm` configuration: defaults, groups, and rule-lists in
 * order with their rules compiled for matching. One Policy per configuration
 * object, so a commit that changes the rules takes effect on the next request.
 */
import type { DataNode, NotificationNode, OperationNode } from '../../ir/types.js';
import { parseInstanceIdentifier, type InstanceStep as PathStep } from '../../values/instance-identifier.js';
import { type JsonObject, type JsonValue, type SchemaIndex, isObject } from '../schema-index.js';
import { lexical } from '../values.js';
import { NACM_MEMBER } from './module.js';

export type AccessOperation = 'create' | 'read' | 'update' | 'delete' | 'exec';

/** One step of the instance a request touches: a data node (with its keys or leaf-list value), an operation or a notification. */
export interface NacmStep {
  node: DataNode | OperationNode | NotificationNode;
  keys?: readonly JsonValue[];
  value?: JsonValue;
}

/** A `path` rule's steps with each prefix resolved to a module name (undefined: any module, for an unprefixed first step). */
interface ResolvedStep {
  module: string | undefined;
  name: string;
  step: PathStep;
}

type RuleType =
  | { kind: 'any' }
  | { kind: 'rpc'; name: string }
  | { kind: 'notification'; name: string }
  /** `steps` undefined: the path names no node of the served modules, so the rule matches nothing. */
  | { kind: 'path'; steps: ResolvedStep[] | undefined };

export interface Rule {
  name: string;
  module: string;
  type: RuleType;
  /** undefined: `*`, every operation. */
  operations: ReadonlySet<string> | undefined;
  permit: boolean;
}

export interface RuleList {
  /** Group names; `*` matches every group. */
  groups: readonly string[];
  rules: readonly Rule[];
}

export interface Policy {
  enabled: boolean;
  readDefault: boolean;
  writeDefault: boolean;
  execDefault: boolean;
  /** Groups each user name is listed in. */
  groupsByUser: ReadonlyMap<string, ReadonlySet<string>>;
  ruleLists: readonly RuleList[];
  /** Whether some path rule has a predicate, so decisions can differ between instances of one schema node. */
  instanceSpecific: boolean;
}

const str = (v: JsonValue | undefined, fallback: string): string => (typeof v === 'string' ? v : fallback);
const array = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);
const objects = (v: JsonValue | undefined): JsonObject[] => array(v).filter(isObject);

/** Module name for a path prefix: RFC 7951 writes module names; the XML form's module prefixes are accepted too. */
function moduleOfPrefix(index: SchemaIndex, prefix: string): string | undefined {
  if (index.module(prefix)) return prefix;
  return Object.values(index.schema.modules).find((m) => m.prefix === prefix)?.name;
}

function resolvePath(index: SchemaIndex, text: string): ResolvedStep[] | undefined {
  const parsed = parseInstanceIdentifier(text.trim());
  if ('error' in parsed) return undefined;
  let module: string | undefined;
  const steps: ResolvedStep[] = [];
  for (const step of parsed.steps) {
    // An unprefixed name is in the module of the step before (RFC 7951 section 6.11).
    module = step.prefix === undefined ? module : moduleOfPrefix(index, step.prefix);
    if (step.prefix !== undefined && module === undefined) return undefined;
    steps.push({ module, name: step.name, step });
  }
  return steps;
}

function ruleType(index: SchemaIndex, rule: JsonObject): RuleType {
  if (typeof rule['rpc-name'] === 'string') return { kind: 'rpc', name: rule['rpc-name'] };
  if (typeof rule['notification-name'] === 'string') return { kind: 'notification', name: rule['notification-name'] };
  if (typeof rule.path === 'string') return { kind: 'path', steps: resolvePath(index, rule.path) };
  return { kind: 'any' };
}

function readRule(index: SchemaIndex, rule: JsonObject): Rule {
  const ops = str(rule['access-operations'], '*');
  return {
    name: str(rule.name, ''),
    module: str(rule['module-name'], '*'),
    type: ruleType(index, rule),
    operations: ops === '*' ? undefined : new Set(ops.split(/\s+/).filter(Boolean)),
    permit: rule.action === 'permit',
  };
}

/** The policy of a datastore's content (RFC 8341 defaults when it holds no `nacm` container). */
export function readPolicy(index: SchemaIndex, data: JsonObject): Policy {
  const nacm = isObject(data[NACM_MEMBER]) ? data[NACM_MEMBER] : {};
  const groupsByUser = new Map<string, Set<string>>();
  for (const group of objects(isObject(nacm.groups) ? nacm.groups.group : undefined)) {
    for (const user of array(group['user-name'])) {
      const name = lexical(user);
      if (!groupsByUser.has(name)) groupsByUser.set(name, new Set());
      groupsByUser.get(name)!.add(str(group.name, ''));
    }
  }
  const ruleLists = objects(nacm['rule-list']).map((rl) => ({
    groups: array(rl.group).map(lexical),
    rules: objects(rl.rule).map((r) => readRule(index, r)),
  }));
  return {
    enabled: nacm['enable-nacm'] !== false,
    readDefault: nacm['read-default'] !== 'deny',
    writeDefault: nacm['write-default'] === 'permit',
    execDefault: nacm['exec-default'] !== 'deny',
    groupsByUser,
    ruleLists,
    instanceSpecific: ruleLists.some((rl) => rl.rules.some((r) => r.type.kind === 'path' && r.type.steps?.some((s) => s.step.predicates.length))),
  };
}

function stepMatches(rule: ResolvedStep, at: NacmStep): boolean {
  const { node } = at;
  if (rule.name !== node.name || (rule.module !== undefined && rule.module !== node.module)) return false;
  return rule.step.predicates.every((p) => {
    if (p.kind === 'value') return at.value !== undefined && lexical(at.value) === p.value;
    if (p.kind === 'position' || node.kind !== 'list' || !at.keys) return false;
    const i = node.keys.indexOf(p.name);
    return i >= 0 && at.keys[i] !== undefined && lexical(at.keys[i]!) === p.value;
  });
}

/**
 * Whether a `path` rule covers the node at the end of `steps`: the node the
 * path names or a descendant of it (RFC 8341 section 3.4.5, step 6).
 */
export function pathMatches(steps: readonly ResolvedStep[] | undefined, instance: readonly NacmStep[]): boolean {
  if (!steps || steps.length > instance.length) return false;
  return steps.every((s, i) => stepMatches(s, instance[i]!));
}

/** Whether a `path` rule names a node below the instance at the end of `instance` (a descendant of it, whatever its own keys). */
export function pathReachesBelow(steps: readonly ResolvedStep[] | undefined, instance: readonly NacmStep[]): boolean {
  if (!steps || steps.length <= instance.length) return false;
  return instance.every((at, i) => stepMatches(steps[i]!, at));
}
