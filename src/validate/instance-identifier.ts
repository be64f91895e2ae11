/**
 * Whether an instance-identifier value (RFC 7951 6.11 form) can name an instance at all:
 * RFC 7950 9.13 makes a value whose path names no schema node invalid, whatever its
 * require-instance (that only asks whether the instance exists in the data).
 */
import type { DataNode, SchemaNode } from '../ir/types.js';
import { isDataNode, lookupChild } from '../restconf/schema-index.js';
import { parseInstanceIdentifier, type InstanceStep } from '../values/instance-identifier.js';

/**
 * Why a step's predicates do not identify one instance of its node (RFC 7950 9.13): a list with
 * keys takes one predicate per key, a keyless list one position, a leaf-list one value (or a
 * position when it is state data, whose values may repeat), any other node none. Key names
 * follow RFC 7951 6.11 like node names.
 */
function predicateProblem(node: DataNode, step: InstanceStep): string | undefined {
  const { predicates } = step;
  if (node.kind === 'list' && node.keys.length) {
    const seen = new Set<string>();
    for (const p of predicates) {
      if (p.kind !== 'key') return `list "${node.name}" is identified by its keys, not by ${p.kind === 'position' ? 'a position' : 'a value'}`;
      if (p.prefix !== undefined) return `key "${p.prefix}:${p.name}" is in the module of its list and takes no prefix`;
      if (!node.keys.includes(p.name)) return `"${p.name}" is not a key of "${node.name}"`;
      if (seen.has(p.name)) return `key "${p.name}" of "${node.name}" is given twice`;
      seen.add(p.name);
    }
    const missing = node.keys.find((k) => !seen.has(k));
    return missing === undefined ? undefined : `a predicate is missing for the key "${missing}" of list "${node.name}"`;
  }
  if (node.kind !== 'list' && node.kind !== 'leaf-list') return predicates.length ? `"${node.name}" is not a list or leaf-list and takes no predicate` : undefined;
  const [only] = predicates;
  if (!only) return `a predicate is missing for ${node.kind} "${node.name}"`;
  if (predicates.length > 1) return `${node.kind} "${node.name}" takes one predicate`;
  if (node.kind === 'list') return only.kind === 'position' ? undefined : `list "${node.name}" has no keys: only a position identifies its entries`;
  if (only.kind === 'key') return `leaf-list "${node.name}" is identified by its value`;
  return only.kind === 'position' && node.config ? `configuration leaf-list "${node.name}" is identified by its value, not by a position` : undefined;
}

/** Why `value` names no data node of the schema (top-level nodes `top`), or undefined when its steps and keys do. */
export function instanceSchemaProblem(top: readonly SchemaNode[], value: string): string | undefined {
  const parsed = parseInstanceIdentifier(value);
  if ('error' in parsed) return parsed.error;
  let children = top;
  let module: string | undefined;
  for (const step of parsed.steps) {
    // RFC 7951 6.11: a module name is given where the module changes, and only there.
    if (step.prefix !== undefined && step.prefix === module) return `"${step.prefix}:${step.name}" repeats the module of its parent node`;
    const member = step.prefix === undefined ? step.name : `${step.prefix}:${step.name}`;
    const node = lookupChild(children, module, member)?.node;
    if (!node || !isDataNode(node)) return `no data node "${member}"${module === undefined ? '' : ` in "${module}"`}`;
    const problem = predicateProblem(node, step);
    if (problem) return problem;
    module = node.module;
    children = node.kind === 'container' || node.kind === 'list' ? node.children : [];
  }
  return undefined;
}
