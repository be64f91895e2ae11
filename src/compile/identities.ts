import type { IdentityIR, SchemaSet } from '../ir/types.js';
import { argLoc, childArg, childrenOf, type Compilation, type ModCtx } from './context.js';
import { ifFeaturesHold } from './features.js';
import { statusOf } from './nodes.js';
import { ReuseMismatch } from './reuse.js';
import { resolveIdentityName } from './types.js';

/**
 * Collects every identity of the set with its bases resolved, then the derived
 * closure of each (RFC 7950 7.18.2), skipping identities whose if-features are false.
 *
 * With the table of a previous compile of the set (a partial compile): the modules kept take
 * their entries from it, and the modules compiled must come out with the same entries (else
 * `ReuseMismatch`: a changed identity may reach any module). Same bases everywhere give the
 * same derived lists, so the previous table is taken as it is, without the closure.
 */
export function compileIdentities(c: Compilation, previous?: SchemaSet['identities']): void {
  for (const mod of c.mods.values()) {
    if (previous && !c.rebuild(mod.name)) keepIdentities(c, mod, previous);
    else c.sink.as(mod.name, () => collectIdentities(c, mod));
  }
  if (previous) {
    if (!sameDefinitions(c.identities, previous)) throw new ReuseMismatch();
    for (const q in previous) c.identities[q] = previous[q]!;
    return;
  }
  // Identities are numbered in sorted order, so a derived list is a sorted list of numbers.
  const qnames = Object.keys(c.identities).sort();
  const number = new Map(qnames.map((q, i) => [q, i]));
  const bases = qnames.map((q) => {
    const known: number[] = [];
    for (const b of c.identities[q]!.bases) {
      const n = number.get(b);
      if (n !== undefined) known.push(n);
    }
    return known;
  });
  const derived = derivedClosure(bases) ?? walkAncestors(bases, (i) => reportCircular(c, qnames[i]!));
  qnames.forEach((q, i) => (c.identities[q]!.derived = derived[i]!.map((d) => qnames[d]!)));
}

/**
 * Derived lists built from the leaves up, each a copy of its children's (bulk copies, no per-pair
 * work beyond the result's size); undefined when the bases form a cycle.
 */
function derivedClosure(bases: number[][]): number[][] | undefined {
  const children: number[][] = bases.map(() => []);
  bases.forEach((bs, i) => new Set(bs).forEach((b) => children[b]!.push(i)));
  const pending = children.map((ch) => ch.length);
  const ready = pending.flatMap((n, i) => (n === 0 ? [i] : []));
  const derived: number[][] = [];
  for (let done = 0; done < ready.length; done++) {
    const i = ready[done]!;
    derived[i] = closureOf(children[i]!, derived);
    for (const b of new Set(bases[i])) if (--pending[b] === 0) ready.push(b);
  }
  return ready.length === bases.length ? derived : undefined;
}

function closureOf(children: number[], derived: number[][]): number[] {
  if (children.length === 0) return [];
  if (children.length === 1) {
    const child = children[0]!;
    const list = derived[child]!.slice();
    list.splice(sortedIndex(list, child), 0, child);
    return list;
  }
  const all = Int32Array.from(children.flatMap((ch) => [ch, ...derived[ch]!])).sort();
  return [...all].filter((v, k) => k === 0 || all[k - 1] !== v);
}

function sortedIndex(list: number[], v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * With a cycle among the bases (an error): each identity's ancestors are walked, stopping where
 * the walk comes back to it. Walking in number order builds every derived list sorted.
 */
function walkAncestors(bases: number[][], circular: (i: number) => void): number[][] {
  const derived: number[][] = bases.map(() => []);
  const lastWalk = new Int32Array(bases.length).fill(-1);
  for (let i = 0; i < bases.length; i++) {
    const stack = [...bases[i]!];
    while (stack.length) {
      const base = stack.pop()!;
      if (base === i) {
        circular(i);
        break;
      }
      if (lastWalk[base] === i) continue;
      lastWalk[base] = i;
      derived[base]!.push(i);
      stack.push(...bases[base]!);
    }
  }
  return derived;
}

function reportCircular(c: Compilation, qname: string): void {
  const id = c.identities[qname]!;
  const { stmt } = c.mods.get(id.module)!.identities.get(id.name)!;
  c.sink.as(id.module, () => c.sink.error('circular-identity', argLoc(stmt), `identity "${qname}" is derived from itself`));
}

/** A kept module's entries, as the previous compile collected them (in the same order). */
function keepIdentities(c: Compilation, mod: ModCtx, previous: SchemaSet['identities']): void {
  for (const name of mod.identities.keys()) {
    const q = `${mod.name}:${name}`;
    const id = previous[q];
    if (id) c.identities[q] = id;
  }
}

/**
 * Whether two identity tables hold the same identities in the same order with the same fields
 * (all of `IdentityIR` but `derived`, which follows from the bases); compared field by field,
 * stopping at the first difference.
 */
function sameDefinitions(a: SchemaSet['identities'], b: SchemaSet['identities']): boolean {
  const names = Object.keys(a);
  const others = Object.keys(b);
  if (names.length !== others.length) return false;
  return names.every((q, i) => {
    const x = a[q]!;
    const y = b[q]!;
    return (
      q === others[i] &&
      (x === y ||
        (x.module === y.module &&
          x.name === y.name &&
          x.status === y.status &&
          x.description === y.description &&
          x.bases.length === y.bases.length &&
          x.bases.every((v, k) => v === y.bases[k])))
    );
  });
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
