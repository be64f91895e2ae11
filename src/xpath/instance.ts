/**
 * Instance-identifier values (RFC 7950 9.13) in their RFC 7951 6.11 form: every step's prefix is
 * a module name, an unprefixed step is in the module of the step before it.
 */
import { parseInstanceIdentifier, type InstancePredicate } from '../values/instance-identifier.js';
import type { XNode } from './node.js';
import { stringValue } from './values.js';

function keyMatches(entry: XNode, p: Extract<InstancePredicate, { kind: 'key' }>, module: string): boolean {
  const keyModule = p.prefix ?? module;
  for (const c of entry.children) if (c.name === p.name && c.module === keyModule) return stringValue(c) === p.value;
  return false;
}

/** The nodes an RFC 7951 instance-identifier value (module-name prefixes) names from `root`; none when it does not parse. */
export function instanceTargets(root: XNode, value: string): XNode[] {
  const parsed = parseInstanceIdentifier(value);
  if ('error' in parsed) return [];
  let nodes: XNode[] = [root];
  let module: string | undefined;
  for (const step of parsed.steps) {
    module = step.prefix ?? module;
    if (module === undefined) return []; // the first step must name its module
    const next: XNode[] = [];
    for (const parent of nodes) {
      let found = parent.children.filter((c) => c.name === step.name && c.module === module);
      for (const p of step.predicates) {
        if (p.kind === 'position') found = found.length >= p.position ? [found[p.position - 1]!] : [];
        else if (p.kind === 'value') found = found.filter((c) => stringValue(c) === p.value);
        else found = found.filter((c) => keyMatches(c, p, module!));
      }
      next.push(...found);
    }
    if (!next.length) return [];
    nodes = next;
  }
  return nodes;
}
