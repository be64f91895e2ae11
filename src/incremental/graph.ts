import type { ModuleIR } from '../ir/types.js';

/** How one module depends on another. */
export type DependencyKind = 'import' | 'augment' | 'deviation';

/** What the graph reads of a module IR (so a module not read from the disk cache can stand in as this much). */
export interface GraphModule {
  name: string;
  file: string;
  imports: readonly { module: string }[];
  submodules: readonly { file: string; imports: readonly { module: string }[] }[];
  augments: readonly { targetModule: string }[];
  deviatedBy: readonly string[];
}

/** The part of a module IR the graph reads, as small plain data. */
export function graphModule(mod: ModuleIR): GraphModule {
  const imports = (list: readonly { module: string }[]) => list.map(({ module }) => ({ module }));
  return {
    name: mod.name,
    file: mod.file,
    imports: imports(mod.imports),
    submodules: mod.submodules.map((s) => ({ file: s.file, imports: imports(s.imports) })),
    augments: mod.augments.map(({ targetModule }) => ({ targetModule })),
    deviatedBy: [...mod.deviatedBy],
  };
}

/**
 * The module dependency graph of a compiled set: imports, includes (a module's
 * files), augments and deviations, as edges from the dependent module to the
 * module it depends on.
 */
export class DependencyGraph {
  private readonly edges = new Map<string, Map<string, Set<DependencyKind>>>();
  private readonly reverse = new Map<string, Set<string>>();
  private readonly files = new Map<string, string[]>();
  private readonly fileModules = new Map<string, string>();
  private contributorSets: Map<string, ReadonlySet<string>> | undefined;

  constructor(modules: readonly GraphModule[]) {
    for (const mod of modules) {
      this.edges.set(mod.name, new Map());
      const files = [mod.file, ...mod.submodules.map((s) => s.file)];
      this.files.set(mod.name, files);
      for (const f of files) this.fileModules.set(f, mod.name);
    }
    for (const mod of modules) {
      for (const imp of [...mod.imports, ...mod.submodules.flatMap((s) => s.imports)]) this.add(mod.name, imp.module, 'import');
      for (const aug of mod.augments) this.add(mod.name, aug.targetModule, 'augment');
      for (const deviator of mod.deviatedBy) this.add(deviator, mod.name, 'deviation');
    }
  }

  get modules(): string[] {
    return [...this.edges.keys()];
  }

  /** The module a file belongs to (the module itself or one of its submodules). */
  moduleOfFile(file: string): string | undefined {
    return this.fileModules.get(file);
  }

  /** The module's own file first, then its submodules' files. */
  filesOf(module: string): string[] {
    return this.files.get(module) ?? [];
  }

  /** Modules `module` depends on, with how. */
  dependencies(module: string): ReadonlyMap<string, ReadonlySet<DependencyKind>> {
    return this.edges.get(module) ?? new Map();
  }

  /** Modules depending on `module` directly. */
  dependents(module: string): string[] {
    return [...(this.reverse.get(module) ?? [])];
  }

  /**
   * Every module whose IR can hold content or names of `module`: the modules it
   * imports (transitively), those augmenting or deviating it, and theirs in turn.
   * An emitter run for `module` reads nothing else.
   */
  contributorsTo(module: string): Set<string> {
    this.contributorSets ??= this.closures();
    const found = new Set(this.contributorSets.get(module));
    found.delete(module);
    return found;
  }

  /** Modules whose IR can hold content or names of `module`, one step away (see `contributorsTo`). */
  private contributorsNextTo(module: string): string[] {
    const next = [...this.dependencies(module).keys()];
    for (const d of this.dependents(module)) {
      const kinds = this.edges.get(d)!.get(module)!;
      if (kinds.has('augment') || kinds.has('deviation')) next.push(d);
    }
    return next;
  }

  /**
   * `contributorsTo` of every module (itself included), computed once: the modules of a cycle share
   * one set, which is the union of the sets they reach (strongly connected components, Tarjan's
   * algorithm, whose components come out after every component they reach).
   */
  private closures(): Map<string, ReadonlySet<string>> {
    const closures = new Map<string, ReadonlySet<string>>();
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    for (const root of this.edges.keys()) {
      if (order.has(root)) continue;
      // Depth-first without recursion: each frame is a module and the successors it has left to visit.
      const frames: { module: string; next: string[] }[] = [];
      const enter = (m: string): void => {
        order.set(m, order.size);
        low.set(m, order.get(m)!);
        stack.push(m);
        onStack.add(m);
        frames.push({ module: m, next: this.contributorsNextTo(m) });
      };
      enter(root);
      while (frames.length) {
        const frame = frames[frames.length - 1]!;
        const n = frame.next.pop();
        if (n !== undefined) {
          if (!order.has(n)) enter(n);
          else if (onStack.has(n)) low.set(frame.module, Math.min(low.get(frame.module)!, order.get(n)!));
          continue;
        }
        frames.pop();
        const m = frame.module;
        const parent = frames[frames.length - 1];
        if (parent) low.set(parent.module, Math.min(low.get(parent.module)!, low.get(m)!));
        if (low.get(m) !== order.get(m)) continue;
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== m);
        const closure = new Set(members);
        for (const x of members) for (const n of this.contributorsNextTo(x)) for (const c of closures.get(n) ?? []) closure.add(c);
        for (const x of members) closures.set(x, closure);
      }
    }
    return closures;
  }

  private add(from: string, to: string, kind: DependencyKind): void {
    const out = this.edges.get(from);
    if (!out || !this.edges.has(to) || from === to) return;
    const kinds = out.get(to) ?? new Set();
    kinds.add(kind);
    out.set(to, kinds);
    const rev = this.reverse.get(to) ?? new Set();
    rev.add(from);
    this.reverse.set(to, rev);
  }
}
