/**
 * Which handler modules a generated server has: one per top-level data
 * resource that carries operational (config false) data, one per rpc and one
 * per action, for the input modules and the modules they augment (the modules
 * `yangkit types` generates in full, so every handler finds its types).
 */
import type { DataNode, OperationNode, SchemaNode, SchemaSet } from '../../ir/types.js';
import { camelCase, NameRegistry } from '../types/names.js';

export interface ResourcePlan {
  node: DataNode;
  /** Project-relative path, e.g. `src/handlers/example-jukebox/jukebox.ts`. */
  file: string;
  /** Its member in instance data, e.g. `example-jukebox:jukebox`. */
  member: string;
  /** For a configuration resource: its topmost state nodes, as data paths below it (`library/artist-count`). */
  stateNodes: string[];
}

export interface OperationPlan {
  node: OperationNode;
  file: string;
  /** The function the module exports. */
  functionName: string;
  /** Its key in the runtime's handler table: `module:rpc` for rpcs, the action's data path for actions. */
  key: string;
  /** RFC 8040 URI template of the operation resource, e.g. `{+restconf}/data/example-jukebox:jukebox/library/artist={name}/album={name}/rate`. */
  url: string;
}

export interface HandlerPlan {
  resources: ResourcePlan[];
  operations: OperationPlan[];
}

/** The modules handlers are generated for: inputs, plus the modules they augment. */
export function servedModules(schema: SchemaSet): string[] {
  const names = new Set<string>();
  for (const input of schema.inputs) {
    const module = schema.modules[input];
    if (!module) continue;
    names.add(input);
    for (const augment of module.augments) if (schema.modules[augment.targetModule]) names.add(augment.targetModule);
  }
  return [...names];
}

/** Children as they appear in instance data: choices and cases dissolved. */
function dataChildren(children: readonly SchemaNode[]): SchemaNode[] {
  return children.flatMap((c) => (c.kind === 'choice' ? c.cases.flatMap((k) => dataChildren(k.children)) : c.kind === 'case' ? dataChildren(c.children) : [c]));
}

const childrenOf = (node: SchemaNode): SchemaNode[] => (node.kind === 'container' || node.kind === 'list' ? dataChildren(node.children) : []);

function topmostStateNodes(node: SchemaNode, prefix = ''): string[] {
  return childrenOf(node).flatMap((child) => {
    if (child.kind === 'action' || child.kind === 'notification') return [];
    const path = `${prefix}${child.jsonName}`;
    return child.config ? topmostStateNodes(child, `${path}/`) : [path];
  });
}

/** The URI template step of a data node: its name, and for a list entry its keys. */
function uriStep(node: SchemaNode): string {
  return node.kind === 'list' && node.keys.length ? `${node.jsonName}=${node.keys.map((k) => `{${k}}`).join(',')}` : node.jsonName;
}

function actionsBelow(node: SchemaNode, url: string): { action: OperationNode; url: string }[] {
  const here = `${url}/${uriStep(node)}`;
  return childrenOf(node).flatMap((child) => (child.kind === 'action' ? [{ action: child, url: `${here}/${child.jsonName}` }] : actionsBelow(child, here)));
}

const isDataNode = (n: SchemaNode): n is DataNode => ['container', 'list', 'leaf', 'leaf-list', 'anydata', 'anyxml'].includes(n.kind);

/** `/example-jukebox:jukebox/library/artist/album/rate` -> `jukebox-library-artist-album-rate`. */
function localSteps(dataPath: string): string {
  return dataPath
    .split('/')
    .filter(Boolean)
    .map((step) => step.slice(step.indexOf(':') + 1))
    .join('-');
}

export function planHandlers(schema: SchemaSet): HandlerPlan {
  const taken = new Set<string>();
  const file = (module: string, base: string): string => {
    let path = `src/handlers/${module}/${base}.ts`;
    for (let n = 2; taken.has(path); n++) path = `src/handlers/${module}/${base}-${n}.ts`;
    taken.add(path);
    return path;
  };
  // Per file, so only reserved words get a suffix.
  const functionName = (node: OperationNode): string => new NameRegistry().claim(camelCase(node.name));
  const resources: ResourcePlan[] = [];
  const operations: OperationPlan[] = [];

  for (const name of servedModules(schema)) {
    const module = schema.modules[name]!;
    for (const node of dataChildren(module.data).filter(isDataNode)) {
      const stateNodes = node.config ? topmostStateNodes(node) : [];
      if (!node.config || stateNodes.length) resources.push({ node, file: file(node.module, node.name), member: `${node.module}:${node.name}`, stateNodes });
      for (const { action, url } of actionsBelow(node, '{+restconf}/data')) {
        operations.push({ node: action, file: file(action.module, `action-${localSteps(action.path)}`), functionName: functionName(action), key: action.path, url });
      }
    }
    for (const rpc of module.rpcs) {
      const key = `${rpc.module}:${rpc.name}`;
      operations.push({ node: rpc, file: file(rpc.module, `rpc-${rpc.name}`), functionName: functionName(rpc), key, url: `{+restconf}/operations/${key}` });
    }
  }
  return { resources, operations };
}
