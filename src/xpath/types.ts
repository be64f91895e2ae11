/** What the evaluator reads of a leaf's YANG type: its effective member types and identityref-ness. */
import type { TypeIR } from '../ir/types.js';
import type { XNode } from './node.js';

/** The type itself, then each union member and leafref target type, depth first. */
export function* memberTypes(type: TypeIR): Generator<TypeIR> {
  yield type;
  if (type.union) for (const m of type.union) yield* memberTypes(m);
  if (type.leafref?.type) yield* memberTypes(type.leafref.type);
}

export function leafType(n: XNode): TypeIR | undefined {
  const s = n.schema;
  return s && (s.kind === 'leaf' || s.kind === 'leaf-list') ? s.type : undefined;
}

const identityrefTypes = new WeakMap<TypeIR, boolean>();

/** Whether values of the node may be identities (identityref, or a union or leafref reaching one): RFC 7950 9.10.3. */
export function holdsIdentity(n: XNode): boolean {
  const t = leafType(n);
  if (!t) return false;
  let r = identityrefTypes.get(t);
  if (r === undefined) {
    r = false;
    for (const m of memberTypes(t)) if (m.base === 'identityref') r = true;
    identityrefTypes.set(t, r);
  }
  return r;
}
