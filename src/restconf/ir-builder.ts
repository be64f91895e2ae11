/**
 * Builds small SchemaSet fragments by hand: the server's built-in
 * ietf-yang-library / ietf-restconf-monitoring nodes, and test fixtures.
 * Callers give names, kinds and types; `buildModule` fills in the derived
 * fields (module, jsonName, path, schemaPath, effective config) the compiler
 * would compute, so hand-built nodes look exactly like compiled ones.
 */
import type {
  AnyNode,
  CaseNode,
  ChoiceNode,
  ContainerNode,
  IdentityIR,
  LeafListNode,
  LeafNode,
  ListNode,
  ModuleIR,
  NodeBase,
  NotificationNode,
  OperationNode,
  SchemaNode,
  SchemaSet,
  WhenIR,
  TypeIR,
} from '../ir/types.js';

const BUILTIN_LOC = { file: '<builtin>', line: 0, col: 0 };

/** Options common to every node; `module` defaults to the enclosing node's module. */
export interface NodeOpts {
  module?: string;
  config?: boolean;
  when?: WhenIR[];
  description?: string;
}

type Draft<N> = N & { explicitConfig?: boolean };

function base(name: string, o: NodeOpts = {}): NodeBase & { explicitConfig?: boolean } {
  return {
    name,
    module: o.module ?? '',
    jsonName: '',
    path: '',
    schemaPath: '',
    config: true,
    status: 'current',
    loc: BUILTIN_LOC,
    explicitConfig: o.config,
    ...(o.when ? { when: o.when } : {}),
    ...(o.description ? { description: o.description } : {}),
  };
}

export function type(base: TypeIR['base'], extra: Partial<TypeIR> = {}): TypeIR {
  return { base, name: base, ...extra };
}

export function container(
  name: string,
  children: SchemaNode[],
  o: NodeOpts & { presence?: string } = {},
): ContainerNode {
  return { ...base(name, o), kind: 'container', children, ...(o.presence ? { presence: o.presence } : {}) };
}

export function list(
  name: string,
  keys: string[],
  children: SchemaNode[],
  o: NodeOpts & Partial<Pick<ListNode, 'minElements' | 'maxElements' | 'orderedBy' | 'unique'>> = {},
): ListNode {
  const keySet = new Set(keys);
  for (const c of children) if (c.kind === 'leaf' && keySet.has(c.name)) c.isKey = true;
  return {
    ...base(name, o),
    kind: 'list',
    keys,
    unique: o.unique ?? [],
    minElements: o.minElements ?? 0,
    orderedBy: o.orderedBy ?? 'system',
    children,
    ...(o.maxElements !== undefined ? { maxElements: o.maxElements } : {}),
  };
}

export function leaf(
  name: string,
  t: TypeIR,
  o: NodeOpts & { mandatory?: boolean; default?: string; units?: string } = {},
): LeafNode {
  return {
    ...base(name, o),
    kind: 'leaf',
    type: t,
    mandatory: o.mandatory ?? false,
    isKey: false,
    ...(o.default !== undefined ? { default: o.default } : {}),
    ...(o.units ? { units: o.units } : {}),
  };
}

export function leafList(
  name: string,
  t: TypeIR,
  o: NodeOpts & Partial<Pick<LeafListNode, 'minElements' | 'maxElements' | 'orderedBy' | 'default'>> = {},
): LeafListNode {
  return {
    ...base(name, o),
    kind: 'leaf-list',
    type: t,
    minElements: o.minElements ?? 0,
    orderedBy: o.orderedBy ?? 'system',
    ...(o.maxElements !== undefined ? { maxElements: o.maxElements } : {}),
    ...(o.default ? { default: o.default } : {}),
  };
}

export function choice(name: string, cases: CaseNode[], o: NodeOpts & { mandatory?: boolean; default?: string } = {}): ChoiceNode {
  return { ...base(name, o), kind: 'choice', mandatory: o.mandatory ?? false, cases, ...(o.default ? { default: o.default } : {}) };
}

export function caseNode(name: string, children: SchemaNode[], o: NodeOpts = {}): CaseNode {
  return { ...base(name, o), kind: 'case', children };
}

export function anydata(name: string, o: NodeOpts & { mandatory?: boolean } = {}): AnyNode {
  return { ...base(name, o), kind: 'anydata', mandatory: o.mandatory ?? false };
}

export function rpc(name: string, input?: SchemaNode[], output?: SchemaNode[], o: NodeOpts = {}): OperationNode {
  return { ...base(name, o), kind: 'rpc', ...(input ? { input } : {}), ...(output ? { output } : {}) };
}

export function action(name: string, input?: SchemaNode[], output?: SchemaNode[], o: NodeOpts = {}): OperationNode {
  return { ...base(name, o), kind: 'action', ...(input ? { input } : {}), ...(output ? { output } : {}) };
}

export function notification(name: string, children: SchemaNode[], o: NodeOpts = {}): NotificationNode {
  return { ...base(name, o), kind: 'notification', children };
}

interface Scope {
  module: string;
  /** Module of the nearest enclosing data node; undefined at top level. */
  parentModule?: string;
  dataPath: string;
  schemaPath: string;
  config: boolean;
}

function finalize(node: SchemaNode, scope: Scope): void {
  const draft = node as Draft<SchemaNode>;
  node.module ||= scope.module;
  const explicit = draft.explicitConfig;
  delete draft.explicitConfig;
  node.config = scope.config && explicit !== false;
  node.jsonName = node.module === scope.parentModule ? node.name : `${node.module}:${node.name}`;
  node.schemaPath = `${scope.schemaPath}/${node.module}:${node.name}`;
  const transparent = node.kind === 'choice' || node.kind === 'case';
  node.path = transparent ? scope.dataPath : `${scope.dataPath}/${node.jsonName}`;
  const inner: Scope = {
    module: node.module,
    parentModule: transparent ? scope.parentModule : node.module,
    dataPath: node.path,
    schemaPath: node.schemaPath,
    config: node.config,
  };
  switch (node.kind) {
    case 'container':
    case 'list':
    case 'case':
      for (const c of node.children) finalize(c, inner);
      break;
    case 'choice':
      for (const c of node.cases) finalize(c, inner);
      break;
    case 'rpc':
    case 'action':
    case 'notification': {
      node.config = false;
      const opScope = { ...inner, config: false };
      if (node.kind === 'notification') for (const c of node.children) finalize(c, opScope);
      else {
        for (const c of node.input ?? []) finalize(c, { ...opScope, schemaPath: `${node.schemaPath}/${node.module}:input` });
        for (const c of node.output ?? []) finalize(c, { ...opScope, schemaPath: `${node.schemaPath}/${node.module}:output` });
      }
      break;
    }
    default:
      break;
  }
}

export interface ModuleSpec {
  name: string;
  namespace: string;
  prefix: string;
  revision?: string;
  /** Identity names defined by this module, each with its local base names. */
  identities?: Record<string, string[]>;
  data?: SchemaNode[];
  rpcs?: OperationNode[];
  notifications?: NotificationNode[];
  imports?: string[];
}

/** Turns drafts into a ModuleIR; nodes are finalized in place. */
export function buildModule(spec: ModuleSpec): ModuleIR {
  const top: Scope = { module: spec.name, dataPath: '', schemaPath: '', config: true };
  for (const n of [...(spec.data ?? []), ...(spec.rpcs ?? []), ...(spec.notifications ?? [])]) finalize(n, top);
  return {
    name: spec.name,
    namespace: spec.namespace,
    prefix: spec.prefix,
    yangVersion: '1.1',
    file: `<builtin>/${spec.name}.yang`,
    imports: (spec.imports ?? []).map((m) => ({ module: m, prefix: m })),
    submodules: [],
    features: [],
    identities: Object.keys(spec.identities ?? {}),
    typedefs: [],
    extensions: [],
    data: spec.data ?? [],
    rpcs: spec.rpcs ?? [],
    notifications: spec.notifications ?? [],
    augments: [],
    deviatedBy: [],
    ...(spec.revision ? { revision: spec.revision } : {}),
  };
}

/** Assembles a SchemaSet, computing identity derivation from each module spec's identities. */
export function buildSchemaSet(specs: ModuleSpec[]): SchemaSet {
  const identities: Record<string, IdentityIR> = {};
  for (const s of specs) {
    for (const [name, bases] of Object.entries(s.identities ?? {})) {
      identities[`${s.name}:${name}`] = {
        module: s.name,
        name,
        bases: bases.map((b) => (b.includes(':') ? b : `${s.name}:${b}`)),
        derived: [],
        status: 'current',
      };
    }
  }
  // Transitive derivation: every identity is derived from each of its ancestors.
  for (const q of Object.keys(identities)) {
    const stack = [...identities[q]!.bases];
    const seen = new Set<string>();
    while (stack.length) {
      const b = stack.pop()!;
      if (seen.has(b) || !identities[b]) continue;
      seen.add(b);
      identities[b]!.derived.push(q);
      stack.push(...identities[b]!.bases);
    }
  }
  const modules = Object.fromEntries(specs.map((s) => [s.name, buildModule(s)]));
  return { modules, identities, inputs: specs.map((s) => s.name) };
}
