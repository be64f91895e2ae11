import type { SchemaNode } from '../ir/types.js';
import type { Compilation, ModCtx } from './context.js';
import { schemaChildren } from './targets.js';
import { checkDefaultCase, checkList } from './rules/lists.js';
import { checkConfigIgnored, checkOperationPlace } from './rules/operations.js';
import { noteConditions } from './rules/xpath-refs.js';

interface Parent {
  /** Module of the nearest data-node ancestor; undefined at top level. */
  module?: string;
  path: string;
  schemaPath: string;
  config: boolean;
  /** Inside an rpc, action or notification (or a yang-data document), where config does not apply. */
  inOperation: boolean;
  /** Inside yang-data or a structure: config does not apply, yet writing it is no mistake (pyang shows it). */
  inDocument?: boolean;
  /** In a document, the config a written statement above gives (NodeBase.writtenConfig). */
  writtenConfig?: boolean;
  node?: SchemaNode;
}

/**
 * Computes what depends on a node's final place in the tree (JSON name, paths,
 * effective config) and checks what can only be checked there (keys, unique,
 * duplicate names). Runs once, after augments and deviations.
 */
export function finalizeModule(c: Compilation, mod: ModCtx): void {
  const top: Parent = { path: '', schemaPath: '', config: true, inOperation: false };
  // Top-level data nodes, rpcs and notifications share one namespace (RFC 7950 6.2.1).
  checkDuplicates(c, [...mod.ir.data, ...mod.ir.rpcs, ...mod.ir.notifications]);
  for (const n of mod.ir.data) finalizeNode(c, n, top);
  for (const n of mod.ir.rpcs) finalizeNode(c, n, top);
  for (const n of mod.ir.notifications) finalizeNode(c, n, { ...top, inOperation: true });
  for (const doc of mod.ir.yangData ?? []) finalizeNodes(c, doc.nodes, { ...top, config: false, inOperation: true, inDocument: true });
}

function finalizeNodes(c: Compilation, nodes: SchemaNode[], parent: Parent): void {
  checkDuplicates(c, nodes);
  for (const n of nodes) finalizeNode(c, n, parent);
}

function finalizeNode(c: Compilation, n: SchemaNode, parent: Parent): void {
  c.parents.set(n, parent.node);
  n.jsonName = parent.module === n.module ? n.name : `${n.module}:${n.name}`;
  n.schemaPath = `${parent.schemaPath}/${n.module}:${n.name}`;
  const inOperation = parent.inOperation || n.kind === 'rpc' || n.kind === 'action' || n.kind === 'notification';
  const explicit = c.explicitConfig.get(n);
  if (explicit === true && !parent.config && !parent.inOperation) {
    c.sink.error('bad-config', n.loc, `"${n.name}" is config true inside a config false node`);
  }
  n.config = inOperation ? false : (explicit ?? parent.config);
  const writtenConfig = parent.inDocument ? (explicit ?? parent.writtenConfig) : undefined;
  if (writtenConfig !== undefined) n.writtenConfig = writtenConfig;
  checkOperationPlace(c, n);
  noteConditions(c, n);
  if (parent.inOperation && !parent.inDocument && explicit !== undefined) checkConfigIgnored(c, n);
  const isData = n.kind !== 'choice' && n.kind !== 'case';
  n.path = isData ? `${parent.path}/${n.jsonName}` : parent.path;
  const below: Parent = {
    module: isData ? n.module : parent.module,
    path: n.path,
    schemaPath: n.schemaPath,
    config: n.config,
    inOperation,
    inDocument: parent.inDocument,
    writtenConfig,
    node: n,
  };
  if (n.kind === 'rpc' || n.kind === 'action') {
    for (const io of ['input', 'output'] as const) {
      const kids = n[io];
      if (kids) finalizeNodes(c, kids, { ...below, schemaPath: `${n.schemaPath}/${n.module}:${io}` });
    }
  } else if (n.kind === 'choice') {
    for (const k of n.cases) finalizeNode(c, k, below);
  } else {
    const kids = schemaChildren(n);
    if (kids.length) finalizeNodes(c, kids, below);
  }
  if (n.kind === 'list') checkList(c, n);
  if (n.kind === 'choice') checkDefaultCase(c, n);
}

/**
 * Names below one data node share a namespace across choices and cases; the cases of a choice
 * have a namespace of their own (RFC 7950 6.2.1).
 */
function checkDuplicates(c: Compilation, nodes: SchemaNode[]): void {
  const seen = new Set<string>();
  const visit = (list: SchemaNode[]): void => {
    for (const n of list) {
      if (n.kind === 'case') {
        visit(n.children);
        continue;
      }
      const id = `${n.module}:${n.name}`;
      if (seen.has(id)) c.sink.error('duplicate-node', n.loc, `"${n.name}" is already defined among its siblings`);
      seen.add(id);
      if (n.kind === 'choice') {
        const cases = new Set<string>();
        for (const k of n.cases) {
          const caseId = `${k.module}:${k.name}`;
          if (cases.has(caseId)) c.sink.error('duplicate-node', k.loc, `case "${k.name}" is already defined in choice "${n.name}"`);
          cases.add(caseId);
        }
        visit(n.cases);
      }
    }
  };
  visit(nodes);
}
