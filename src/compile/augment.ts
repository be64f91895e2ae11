import type { AugmentIR, SchemaNode } from '../ir/types.js';
import type { Unit } from '../modules/loader.js';
import { checkArgument } from '../syntax/arguments.js';
import type { Statement } from '../syntax/statement.js';
import { argLoc, child, newScope, splitQName, type Compilation, type ModCtx, type Scope, type Target } from './context.js';
import { ifFeaturesHold } from './features.js';
import { addParentCondition, buildChildren, checkedXPath, graft, inheritIfFeatures } from './nodes.js';
import { findTarget, moduleRoots } from './targets.js';
import { ReuseMismatch } from './reuse.js';

/**
 * Resolves an absolute schema node identifier written in `unit`. `mod` is the
 * target's module (absent when it is not loaded, which the import already reported).
 */
export function resolveAbsolute(
  path: string,
  unit: Unit,
  c: Compilation,
  rootsOf: (mod: ModCtx) => SchemaNode[] = moduleRoots,
): { target?: Target; mod?: ModCtx; error?: [string, string] } {
  // A malformed identifier (e.g. "/a:top/") names no target: nothing is grafted or
  // deviated. Its syntax is reported by the grammar check (bad-schema-nodeid).
  if (checkArgument('absolute-schema-nodeid', path, '1.1') !== undefined) return {};
  const [prefix] = splitQName(path.slice(1).split('/')[0]!);
  const name = prefix === undefined ? unit.moduleName : unit.prefixes.get(prefix);
  if (name === undefined) return { error: ['unknown-prefix', `prefix "${prefix}" is not defined`] };
  const mod = c.mods.get(name);
  if (!mod) return {};
  return { target: findTarget(rootsOf(mod), path, unit), mod };
}

interface PendingAugment {
  mod: ModCtx;
  unit: Unit;
  scope: Scope;
  stmt: Statement;
  /** An `sx:augment-structure` (RFC 8791), whose target is inside a structure. */
  structure: boolean;
}

/**
 * Applies every top-level augment of the set. An augment may target a node that
 * another augment adds, so unresolved ones are retried while any makes progress.
 */
export function applyAugments(c: Compilation): void {
  let pending: PendingAugment[] = [];
  for (const mod of c.mods.values()) {
    if (!c.rebuild(mod.name)) continue; // its augments are in the IR it keeps
    for (const unit of mod.units) {
      const scope: Scope = { ...mod.top, unit };
      for (const stmt of unit.stmt.children) {
        const structure = stmt.prefix !== undefined && stmt.keyword === 'augment-structure' && unit.prefixes.get(stmt.prefix) === 'ietf-yang-structure-ext';
        if ((structure || (stmt.keyword === 'augment' && stmt.prefix === undefined)) && ifFeaturesHold(c, stmt, unit)) {
          pending.push({ mod, unit, scope, stmt, structure });
        }
      }
    }
  }
  while (pending.length) {
    const retry: PendingAugment[] = [];
    for (const p of pending) {
      if (!c.sink.as(p.mod.name, () => applyAugment(c, p, false))) retry.push(p);
    }
    if (retry.length === pending.length) {
      for (const p of retry) c.sink.as(p.mod.name, () => applyAugment(c, p, true));
      return;
    }
    pending = retry;
  }
}

function applyAugment(c: Compilation, p: PendingAugment, report: boolean): boolean {
  const { stmt, unit, mod } = p;
  const path = stmt.arg ?? '';
  const rootsOf = p.structure ? (m: ModCtx) => (m.ir.yangData ?? []).flatMap((d) => d.nodes) : moduleRoots;
  if (p.structure) {
    // The grammar check does not see extension arguments: an augment-structure's is checked here.
    const problem = checkArgument('absolute-schema-nodeid', path, '1.1', `${stmt.prefix}:${stmt.keyword}`);
    if (problem) {
      c.sink.error('bad-schema-nodeid', argLoc(stmt), problem);
      return true;
    }
  }
  const { target, mod: targetMod, error } = resolveAbsolute(path, unit, c, rootsOf);
  if (error) {
    if (report) c.sink.error(error[0], argLoc(stmt), error[1]);
    return false;
  }
  if (!targetMod) return true; // target module missing: its import was reported
  if (!target) {
    if (report) c.sink.error('bad-augment-target', argLoc(stmt), `augment target "${path}" not found`);
    return false;
  }
  if (!c.rebuild(targetMod.name)) throw new ReuseMismatch(); // a kept module would change
  const b = { c, ns: mod.name, scope: newScope(c, stmt, unit, p.scope), groupings: [], depth: 0 };
  const nodes = buildChildren(b, stmt);
  inheritIfFeatures(nodes, stmt);
  const whenStmt = child(stmt, 'when');
  const when = whenStmt && checkedXPath(c, whenStmt, unit);
  if (when) addParentCondition(nodes, when);
  graft(b, target, nodes, stmt);
  const ir: AugmentIR = {
    target: path,
    targetSchemaPath: '',
    targetModule: targetMod.name,
    nodes,
  };
  if (when) ir.when = when;
  mod.ir.augments.push(ir);
  c.augmentTargets.set(ir, target);
  c.statements.set(ir, stmt);
  return true;
}
