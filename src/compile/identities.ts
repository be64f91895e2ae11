import type { IdentityIR, SchemaSet } from '../ir/types.js';
import { argLoc, childArg, childrenOf, type Compilation, type ModCtx } from './context.js';
import { ifFeaturesHold } from './features.js';
import { statusOf } from './nodes.js';
import { ReuseMismatch } from './reuse.js';
import { resolveIdentityName } from './types.js';

/**
 * Collects every identity of the set with its bases resolved, then the derived
 * closure of each (RFC 7950 7.18.2), skipping identities whose if-features are false.
 * With the table of a previous compile of the set, see `reuseIdentities`.
 */
export function compileIdentities(c: Compilation, previous?: SchemaSet['identities']): void {
  if (previous) return reuseIdentities(c, previous);
  for (const mod of c.mods.values()) {
    for (const id of c.sink.as(mod.name, () => collectIdentities(c, mod))) c.identities[`${id.module}:${id.name}`] = id;
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

/**
 * A partial compile: the modules compiled must come out with the identities they had, in the
 * same places of the table (else `ReuseMismatch`: a changed identity may reach any module). The
 * same bases everywhere give the same derived lists, so the previous table is taken as it is.
 */
function reuseIdentities(c: Compilation, previous: SchemaSet['identities']): void {
  const names = Object.keys(previous);
  let i = 0; // the next entry of `previous`, whose module comes next in the set
  for (const mod of c.mods.values()) {
    if (!c.rebuild(mod.name)) {
      while (i < names.length && previous[names[i]!]!.module === mod.name) i++;
      continue;
    }
    for (const id of c.sink.as(mod.name, () => collectIdentities(c, mod))) {
      const q = names[i++];
      if (q === undefined || !sameIdentity(id, previous[q]!)) throw new ReuseMismatch();
    }
  }
  if (i !== names.length) throw new ReuseMismatch();
  c.identities = previous;
}

/** Same fields, but for `derived` (which follows from the bases of the whole table). */
function sameIdentity(x: IdentityIR, y: IdentityIR): boolean {
  return (
    x.module === y.module &&
    x.name === y.name &&
    x.status === y.status &&
    x.description === y.description &&
    x.bases.length === y.bases.length &&
    x.bases.every((v, k) => v === y.bases[k])
  );
}

/** A module's identities whose if-features hold, in source order. */
function collectIdentities(c: Compilation, mod: ModCtx): IdentityIR[] {
  const out: IdentityIR[] = [];
  for (const [name, { stmt, unit }] of mod.identities) {
    if (!ifFeaturesHold(c, stmt, unit)) continue;
    const id: IdentityIR = { module: mod.name, name, bases: [], derived: [], status: statusOf(stmt) };
    const description = childArg(stmt, 'description');
    if (description !== undefined) id.description = description;
    for (const b of childrenOf(stmt, 'base')) {
      const q = resolveIdentityName(c, b, unit);
      if (q) id.bases.push(q);
    }
    out.push(id);
    if (c.rebuild(mod.name)) mod.ir.identities.push(name);
  }
  return out;
}
