/**
 * Whether an instance-identifier value (RFC 7951 6.11 form) can name an instance at all:
 * RFC 7950 9.13 makes a value whose path names no schema node invalid, whatever its
 * require-instance (that only asks whether the instance exists in the data).
 */
import type { SchemaNode } from '../ir/types.js';
import { isDataNode, lookupChild } from '../restconf/schema-index.js';
import { parseInstanceIdentifier } from '../values/instance-identifier.js';

/** Why `value` names no data node of the schema (top-level nodes `top`), or undefined when its steps and keys do. */
export function instanceSchemaProblem(top: readonly SchemaNode[], value: string): string | undefined {
  const parsed = parseInstanceIdentifier(value);
  if ('error' in parsed) return parsed.error;
  let children = top;
  let module: string | undefined;
  for (const step of parsed.steps) {
    const member = step.prefix === undefined ? step.name : `${step.prefix}:${step.name}`;
    const node = lookupChild(children, module, member)?.node;
    if (!node || !isDataNode(node)) return `no data node "${member}"${module === undefined ? '' : ` in "${module}"`}`;
    module = node.module;
    for (const p of step.predicates) {
      if (p.kind !== 'key') continue;
      if (node.kind !== 'list' || !node.keys.includes(p.name) || (p.prefix ?? module) !== module) return `"${p.name}" is not a key of "${node.name}"`;
    }
    children = node.kind === 'container' || node.kind === 'list' ? node.children : [];
  }
  return undefined;
}
