import type { IdentityIR } from '../ir/types.js';
import { argLoc, childArg, childrenOf, type Compilation, type ModCtx } from './context.js';
import { ifFeaturesHold } from './features.js';
import { statusOf } from './nodes.js';
import { resolveIdentityName } from './types.js';

/**
 * Collects every identity of the set with its bases resolved, then the derived
 * closure of each (RFC 7950 7.18.2), skipping identities whose if-features are false.
 */
export function compileIdentities(c: Compilation): void {
  for (const mod of c.mods.values()) c.sink.as(mod.name, () => collectIdentities(c, mod));
  for (const [qname, id] of Object.entries(c.identities)) {
    const seen = new Set<string>();
    const stack = [...id.bases];
    while (stack.length) {
      const base = stack.pop()!;
      if (base === qname) {
        const { stmt } = c.mods.get(id.module)!.identities.get(id.name)!;
        c.sink.as(id.module, () => c.sink.error('circular-identity', argLoc(stmt), `identity "${qname}" is derived from itself`));
        break;
      }
      if (seen.has(base)) continue;
      seen.add(base);
      const b = c.identities[base];
      if (!b) continue;
      b.derived.push(qname);
      stack.push(...b.bases);
    }
  }
  for (const id of Object.values(c.identities)) id.derived.sort();
}

function collectIdentities(c: Compilation, mod: ModCtx): void {
  for (const [name, { stmt, unit }] of mod.identities) {
    if (!ifFeaturesHold(c, stmt, unit)) continue;
    const id: IdentityIR = { module: mod.name, name, bases: [], derived: [], status: statusOf(stmt) };
    const description = childArg(stmt, 'description');
    if (description !== undefined) id.description = description;
    for (const b of childrenOf(stmt, 'base')) {
      const q = resolveIdentityName(c, b, unit);
      if (q) id.bases.push(q);
    }
    c.identities[`${mod.name}:${name}`] = id;
    if (c.rebuild(mod.name)) mod.ir.identities.push(name);
  }
}
