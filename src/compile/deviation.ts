import type { OperationNode, SchemaNode } from '../ir/types.js';
import type { Statement } from '../syntax/statement.js';
import { argLoc, childrenOf, type Compilation, type ModCtx, type Scope } from './context.js';
import { ReuseMismatch } from './reuse.js';
import { deviateDefaultSites, retypedDefaultSites } from './defaults.js';
import { ifFeaturesHold } from './features.js';
import { mustsOf } from './nodes.js';
import { resolveAbsolute } from './augment.js';
import { moduleRoots, removeNode } from './targets.js';
import { resolveType } from './types.js';
import { checkDeviate, checkDeviation } from './rules/deviate.js';

/** Applies every deviation of the set to its target (RFC 7950 7.20.3). */
export function applyDeviations(c: Compilation): void {
  for (const mod of c.mods.values()) {
    if (c.rebuild(mod.name)) c.sink.as(mod.name, () => applyModuleDeviations(c, mod));
  }
}

function applyModuleDeviations(c: Compilation, mod: ModCtx): void {
  for (const unit of mod.units) {
    const scope: Scope = { ...mod.top, unit };
    for (const dev of unit.stmt.children) {
      if (dev.keyword !== 'deviation' || dev.prefix !== undefined || !ifFeaturesHold(c, dev, unit)) continue;
      const path = dev.arg ?? '';
      const { target, mod: targetMod, error } = resolveAbsolute(path, unit, c);
      if (error) {
        c.sink.error(error[0], argLoc(dev), error[1]);
        continue;
      }
      if (!targetMod) continue;
      if (!target) {
        c.sink.error('bad-deviation-target', argLoc(dev), `deviation target "${path}" not found`);
        continue;
      }
      if (!c.rebuild(targetMod.name)) throw new ReuseMismatch(); // a kept module would change
      if (target.io) {
        deviateOperationPart(c, dev, target.node as OperationNode, target.io);
        continue;
      }
      const parentPath = path.slice(0, path.lastIndexOf('/'));
      const parent = () => (parentPath ? resolveAbsolute(parentPath, unit, c).target?.node : undefined);
      if (!checkDeviation(c, dev, target.node, parent)) continue;
      if (!targetMod.ir.deviatedBy.includes(mod.name) && targetMod !== mod) targetMod.ir.deviatedBy.push(mod.name);
      for (const d of childrenOf(dev, 'deviate')) {
        if (d.arg === 'not-supported') {
          removeNode([...moduleRoots(targetMod)], target.node);
          for (const key of ['data', 'rpcs', 'notifications'] as const) {
            const list = targetMod.ir[key] as SchemaNode[];
            const i = list.indexOf(target.node);
            if (i >= 0) list.splice(i, 1);
          }
        } else if (d.arg === 'add' || d.arg === 'replace' || d.arg === 'delete') {
          deviate(c, target.node, d, scope);
        } // any other argument is a syntax error the grammar check reported
      }
    }
  }
}

/**
 * A deviation of an rpc's or action's input or output (RFC 7950 7.20.3): not-supported removes
 * it; of its properties only `must` exists to add or delete, and the IR keeps no musts there.
 */
function deviateOperationPart(c: Compilation, dev: Statement, op: OperationNode, io: 'input' | 'output'): void {
  for (const d of childrenOf(dev, 'deviate')) {
    if (d.arg === 'not-supported') delete op[io];
    for (const p of d.children) {
      if (p.prefix !== undefined || p.keyword === 'must') continue;
      c.sink.error('bad-deviate-property', p.loc, `the ${io} of "${op.name}" has no "${p.keyword}" to ${d.arg}`);
    }
  }
}

function deviate(c: Compilation, node: SchemaNode, d: Statement, scope: Scope): void {
  const n = node as unknown as Record<string, unknown>;
  const op = d.arg;
  for (const p of checkDeviate(c, node, d)) {
    if (p.prefix !== undefined) continue;
    switch (p.keyword) {
      case 'units':
      case 'mandatory':
      case 'default':
        if (op === 'delete') {
          if (p.keyword === 'default' && node.kind === 'leaf-list') node.default = node.default?.filter((v) => v !== p.arg);
          else delete n[p.keyword];
        } else if (p.keyword === 'mandatory') n.mandatory = p.arg === 'true';
        else if (p.keyword === 'default' && node.kind === 'leaf-list') node.default = [...(op === 'add' ? (node.default ?? []) : []), p.arg ?? ''];
        else n[p.keyword] = p.arg;
        if (p.keyword === 'default') deviateDefaultSites(c, node, d, p, scope.unit);
        else if (p.keyword === 'mandatory' && op !== 'delete') c.mandatorySites.set(node, p);
        break;
      case 'config':
        c.explicitConfig.set(node, p.arg === 'true');
        break;
      case 'min-elements':
        n.minElements = Number(p.arg);
        break;
      case 'max-elements':
        if (p.arg === 'unbounded') delete n.maxElements;
        else n.maxElements = Number(p.arg);
        break;
      case 'must': {
        const musts = mustsOf(c, { ...d, children: [p] }, scope.unit);
        node.must = op === 'delete' ? node.must?.filter((m) => m.expr !== p.arg) : [...(node.must ?? []), ...musts];
        break;
      }
      case 'unique':
        if (node.kind === 'list') {
          const u = (p.arg ?? '').split(/\s+/).filter(Boolean);
          node.unique = op === 'delete' ? node.unique.filter((x) => x.join(' ') !== u.join(' ')) : [...node.unique, u];
        }
        break;
      case 'type':
        // Only deviate replace may hold a type (the grammar check reports it elsewhere).
        if (op === 'replace' && (node.kind === 'leaf' || node.kind === 'leaf-list')) {
          node.type = resolveType(c, p, scope);
          retypedDefaultSites(c, node, p);
        }
        break;
    }
  }
}
