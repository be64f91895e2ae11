import type { SourceLoc } from '../../diagnostics/index.js';
import type { Status } from '../../ir/types.js';
import type { Unit } from '../../modules/loader.js';
import type { Statement } from '../../syntax/statement.js';
import { argLoc, childArg, splitQName, type Compilation, type ModCtx } from '../context.js';

/** Typedefs and groupings declared in one statement body, linked to the enclosing body's. */
interface LocalScope {
  typedefs: Map<string, Statement>;
  groupings: Map<string, Statement>;
  parent?: LocalScope;
}

const RANK: Record<Status, number> = { current: 0, deprecated: 1, obsolete: 2 };

/**
 * RFC 7950 7.21.2: a "current" definition MUST NOT reference a "deprecated" or "obsolete"
 * definition within the same module, nor a "deprecated" one an "obsolete" one. Checks the
 * references by name (type -> typedef, uses -> grouping, base -> identity, if-feature ->
 * feature) of each file of the module. A definition without a status statement has the
 * status of the definition it is written in.
 */
export function checkStatusReferences(c: Compilation, mod: ModCtx): void {
  // The result depends on the module's own files only, whose parses the parse cache shares between compiles.
  const units = mod.units.map((u) => u.stmt);
  let cached = findings.get(mod.main.stmt);
  if (!cached || cached.units.length !== units.length || cached.units.some((u, i) => u !== units[i])) {
    findings.set(mod.main.stmt, (cached = { units, found: statusFindings(mod) }));
  }
  for (const f of cached.found) c.sink.error('bad-status-reference', f.loc, f.message);
}

const findings = new WeakMap<Statement, { units: Statement[]; found: { loc: SourceLoc; message: string }[] }>();

function statusFindings(mod: ModCtx): { loc: SourceLoc; message: string }[] {
  const out: { loc: SourceLoc; message: string }[] = [];
  for (const unit of mod.units) {
    const stack: { stmt: Statement; status: Status; scope?: LocalScope }[] = [];
    // A statement without substatements names nothing and holds nothing that could: not visited.
    const push = (body: Statement, status: Status, scope: LocalScope | undefined): void => {
      for (let i = body.children.length - 1; i >= 0; i--) {
        const stmt = body.children[i]!;
        if (stmt.prefix === undefined && stmt.children.length > 0) stack.push({ stmt, status, scope });
      }
    };
    // The file's own statement first: a top-level uses references from there.
    stack.push({ stmt: unit.stmt, status: 'current' });
    while (stack.length) {
      const { stmt, status: inherited, scope: outer } = stack.pop()!;
      const own = childArg(stmt, 'status');
      const status: Status = own === 'deprecated' || own === 'obsolete' || own === 'current' ? own : inherited;
      const scope = localScope(stmt, outer);
      for (const [ref, def] of referencedDefinitions(mod, unit, stmt, scope)) {
        const target = statusOf(def);
        if (RANK[target] > RANK[status]) {
          out.push({ loc: argLoc(ref), message: `${status} definition references ${target} ${def.keyword} "${def.arg}"` });
        }
      }
      push(stmt, status, scope);
    }
  }
  return out;
}

function statusOf(def: Statement): Status {
  const s = childArg(def, 'status');
  return s === 'deprecated' || s === 'obsolete' ? s : 'current';
}

function localScope(body: Statement, parent: LocalScope | undefined): LocalScope | undefined {
  let scope: LocalScope | undefined;
  for (const s of body.children) {
    if (s.prefix !== undefined || s.arg === undefined || (s.keyword !== 'typedef' && s.keyword !== 'grouping')) continue;
    scope ??= { typedefs: new Map(), groupings: new Map(), parent };
    (s.keyword === 'typedef' ? scope.typedefs : scope.groupings).set(s.arg, s);
  }
  return scope ?? parent;
}

/** The same-module definitions a statement names through its own substatements, with the naming statement. */
function referencedDefinitions(mod: ModCtx, unit: Unit, stmt: Statement, scope: LocalScope | undefined): [Statement, Statement][] {
  const out: [Statement, Statement][] = [];
  const local = (qname: string): string | undefined => {
    const [prefix, name] = splitQName(qname);
    return prefix === undefined || unit.prefixes.get(prefix) === mod.name ? name : undefined;
  };
  for (const ref of stmt.children) {
    if (ref.prefix !== undefined || ref.arg === undefined) continue;
    let defs: (Statement | undefined)[] = [];
    if (ref.keyword === 'type' || ref.keyword === 'uses') {
      const name = local(ref.arg);
      const kind = ref.keyword === 'type' ? 'typedefs' : 'groupings';
      if (name !== undefined) defs = [lookup(scope, kind, name) ?? mod.top[kind].get(name)];
    } else if (ref.keyword === 'base' && (stmt.keyword === 'identity' || stmt.keyword === 'type')) {
      const name = local(ref.arg);
      if (name !== undefined) defs = [mod.identities.get(name)?.stmt];
    } else if (ref.keyword === 'if-feature') {
      defs = (ref.arg.match(/[^\s()]+/g) ?? [])
        .filter((t) => t !== 'and' && t !== 'or' && t !== 'not')
        .map((t) => {
          const name = local(t);
          return name === undefined ? undefined : mod.features.get(name)?.stmt;
        });
    }
    for (const d of defs) if (d) out.push([ref, d]);
  }
  return out;
}

function lookup(scope: LocalScope | undefined, kind: 'typedefs' | 'groupings', name: string): Statement | undefined {
  for (let s = scope; s; s = s.parent) {
    const hit = s[kind].get(name);
    if (hit) return hit;
  }
  return undefined;
}
