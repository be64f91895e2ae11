/**
 * Leafref targets (RFC 7950 9.9) without quadratic work: the path grammar of
 * 9.9.2 (`../`-steps or an absolute path, node names, `[key = current()/../k]`
 * predicates) is resolved over the instance tree with per-list value indexes,
 * and the target value set of an absolute predicate-free path is computed once.
 * A path outside that grammar (deref() and the like) goes to the XPath engine.
 */
import type { TypeIR } from '../ir/types.js';
import { type PathNodeId, compileXPath, evaluate, readLeafrefPath, type XPathEnv } from '../xpath/index.js';
import type { LeafValue } from '../values/check.js';
import type { Element } from './instance.js';

interface QName {
  module: string;
  name: string;
}

interface NameStep extends QName {
  /** `[name = current()/up.../down...]` predicates. */
  predicates: (QName & { up: number; down: QName[] })[];
}

/** A leafref path in the 9.9.2 grammar: from the root (`up` undefined) or `up` parents above the leaf. */
interface LeafrefPlan {
  up: number | undefined;
  steps: NameStep[];
}

type Leafref = NonNullable<TypeIR['leafref']>;

export function valueKey(v: LeafValue | undefined): string {
  return JSON.stringify(v ?? null);
}

/** The path's structure with its prefixes mapped to module names (unprefixed: the leaf's module), or undefined outside the grammar. */
function planOf(ref: Leafref, defaultModule: string): LeafrefPlan | undefined {
  const path = readLeafrefPath(ref.path);
  if (!path) return undefined;
  let known = true;
  const qname = (id: PathNodeId): QName => {
    const module = id.prefix === undefined ? defaultModule : ref.prefixes[id.prefix];
    if (module === undefined) known = false;
    return { module: module ?? '', name: id.name };
  };
  const steps = path.steps.map((s) => ({
    ...qname(s),
    predicates: s.predicates.map((p) => ({ ...qname(p.key), up: p.up, down: p.down.map(qname) })),
  }));
  return known ? { up: path.absolute ? undefined : path.up, steps } : undefined;
}

/** Resolves leafref values over one instance tree; build one per validation run. */
export class LeafrefResolver {
  /** Plans per leafref (IR object) and module of the leaf (a grouping's type may serve several modules). */
  private readonly plans = new WeakMap<Leafref, Map<string, { key: string; plan: LeafrefPlan | null }>>();
  /** Target value sets of absolute predicate-free paths, per root and path. */
  private readonly valueSets = new WeakMap<Element, Map<string, Set<string>>>();
  /** Children of an element by `module:name`, then by the value of one of their leaf children. */
  private readonly indexes = new WeakMap<Element, Map<string, Map<string, Element[]>>>();

  constructor(private readonly env: Omit<XPathEnv, 'defaultModule' | 'current'>) {}

  /** Whether some instance the leafref of `leaf` points to has the leaf's value. */
  hasTarget(leaf: Element, ref: Leafref): boolean {
    const defaultModule = leaf.module;
    let byModule = this.plans.get(ref);
    if (!byModule) this.plans.set(ref, (byModule = new Map()));
    let planned = byModule.get(defaultModule);
    if (!planned) {
      planned = { key: `${defaultModule} ${ref.path} ${JSON.stringify(ref.prefixes)}`, plan: planOf(ref, defaultModule) ?? null };
      byModule.set(defaultModule, planned);
    }
    const { key: planKey, plan } = planned;
    const wanted = valueKey(leaf.value);
    if (!plan) {
      const found = evaluate(compileXPath({ expr: ref.path, prefixes: ref.prefixes }), leaf, { ...this.env, defaultModule, current: leaf });
      return Array.isArray(found) && found.some((n) => valueKey(n.value) === wanted);
    }
    const start = this.start(leaf, plan.up);
    if (!start) return false;
    // An absolute path without predicates names the same instances for every leaf: one value set.
    if (plan.up === undefined && plan.steps.every((s) => !s.predicates.length)) return this.valueSet(start, planKey, plan).has(wanted);
    return this.walk(leaf, [start], plan).some((n) => valueKey(n.value) === wanted);
  }

  private start(leaf: Element, up: number | undefined): Element | undefined {
    let n: Element | undefined = leaf;
    if (up === undefined) {
      while (n?.parent) n = n.parent;
      return n;
    }
    for (let i = 0; i < up && n; i++) n = n.parent;
    return n;
  }

  private valueSet(start: Element, planKey: string, plan: LeafrefPlan): Set<string> {
    let byPath = this.valueSets.get(start);
    if (!byPath) this.valueSets.set(start, (byPath = new Map()));
    let set = byPath.get(planKey);
    if (!set) {
      set = new Set(this.walk(start, [start], plan).map((n) => valueKey(n.value)));
      byPath.set(planKey, set);
    }
    return set;
  }

  private walk(leaf: Element, from: Element[], plan: LeafrefPlan): Element[] {
    let nodes = from;
    for (const s of plan.steps) {
      const next: Element[] = [];
      const [first, ...rest] = s.predicates;
      const firstValues = first ? this.keyValues(leaf, first) : undefined;
      for (const n of nodes) {
        const candidates = first ? firstValues!.flatMap((v) => this.index(n, s, first).get(v) ?? []) : n.children.filter((c) => c.name === s.name && c.module === s.module);
        for (const c of candidates) if (rest.every((p) => this.matches(leaf, c, p))) next.push(c);
      }
      nodes = next;
    }
    return nodes;
  }

  /** The values of `current()/../..` in a predicate. */
  private keyValues(leaf: Element, p: NameStep['predicates'][number]): string[] {
    let nodes: Element[] = [];
    const top = this.start(leaf, p.up);
    if (top) nodes = [top];
    for (const d of p.down) nodes = nodes.flatMap((n) => n.children.filter((c) => c.name === d.name && c.module === d.module));
    return [...new Set(nodes.map((n) => valueKey(n.value)))];
  }

  private matches(leaf: Element, entry: Element, p: NameStep['predicates'][number]): boolean {
    const values = new Set(this.keyValues(leaf, p));
    return entry.children.some((c) => c.name === p.name && c.module === p.module && values.has(valueKey(c.value)));
  }

  /** Children `step` of `parent` by the value of their child `key`. */
  private index(parent: Element, step: NameStep, key: { module: string; name: string }): Map<string, Element[]> {
    let byStep = this.indexes.get(parent);
    if (!byStep) this.indexes.set(parent, (byStep = new Map()));
    const id = `${step.module}:${step.name}/${key.module}:${key.name}`;
    let index = byStep.get(id);
    if (!index) {
      index = new Map();
      for (const c of parent.children) {
        if (c.name !== step.name || c.module !== step.module) continue;
        for (const k of c.children) {
          if (k.name !== key.name || k.module !== key.module) continue;
          const v = valueKey(k.value);
          const list = index.get(v);
          if (list) list.push(c);
          else index.set(v, [c]);
        }
      }
      byStep.set(id, index);
    }
    return index;
  }
}
