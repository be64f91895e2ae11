import type { SourceLoc } from '../../diagnostics/index.js';
import type { ChoiceNode, LeafNode, ListNode, SchemaNode } from '../../ir/types.js';
import { argLoc, child, childrenOf, splitQName, type Compilation } from '../context.js';
import { schemaChildren } from '../targets.js';
import { mandatoryCause, mandatoryLoc } from './mandatory.js';

/**
 * Checks a list's `key` (RFC 7950 7.8.2) and `unique` (7.8.3) statements against its
 * final children; runs after config is known. Problems point at the key or unique argument.
 */
export function checkList(c: Compilation, list: ListNode): void {
  const stmt = c.statements.get(list);
  const keyStmt = stmt && child(stmt, 'key');
  const at = keyStmt ? argLoc(keyStmt) : list.loc;
  const seen = new Set<string>();
  for (const token of (keyStmt?.arg ?? '').split(/\s+/).filter(Boolean)) {
    const leaf = keyLeaf(c, list, token, at);
    if (!leaf) continue;
    if (seen.has(leaf.name)) {
      c.sink.error('bad-key', at, `key "${token}" is listed twice in list "${list.name}"`);
      continue;
    }
    seen.add(leaf.name);
    leaf.isKey = true;
    checkKeyLeaf(c, list, leaf, at);
  }
  if (list.config && !keyStmt) c.sink.error('missing-key', list.loc, `config list "${list.name}" has no key`);
  const uniques = stmt ? childrenOf(stmt, 'unique') : [];
  for (const u of list.unique) {
    const written = uniques.find((s) => (s.arg ?? '').split(/\s+/).filter(Boolean).join(' ') === u.join(' '));
    checkUnique(c, list, u, written ? argLoc(written) : list.loc);
  }
}

/** The direct child leaf a key token names, in the list's own namespace. */
function keyLeaf(c: Compilation, list: ListNode, token: string, at: SourceLoc): LeafNode | undefined {
  const [prefix, name] = splitQName(token);
  const unit = c.nodeUnits.get(list);
  if (prefix !== undefined && unit && unit.prefixes.get(prefix) !== unit.moduleName) {
    c.sink.error('bad-key', at, `key "${token}" of list "${list.name}" must be in the list's own module`);
    return undefined;
  }
  const leaf = list.children.find((k) => k.name === name && k.module === list.module);
  if (!leaf || leaf.kind !== 'leaf') {
    c.sink.error('bad-key', at, `key "${token}" of list "${list.name}" is not a leaf of the list`);
    return undefined;
  }
  return leaf;
}

function checkKeyLeaf(c: Compilation, list: ListNode, leaf: LeafNode, at: SourceLoc): void {
  const version = c.mods.get(list.module)?.ir.yangVersion;
  if (leaf.type.base === 'empty' && version === '1') {
    c.sink.error('bad-key', at, `key leaf "${leaf.name}" cannot be of type empty in YANG 1.0 (RFC 6020 7.8.2)`);
  }
  if (leaf.config !== list.config) {
    c.sink.error('bad-key-config', at, `key leaf "${leaf.name}" must have the same config as list "${list.name}" (RFC 7950 7.8.2)`);
  }
  // RFC 7950 7.8.2: defaults and "mandatory" of key leafs are ignored; pyang warns of both.
  const stmt = c.statements.get(leaf);
  for (const s of stmt?.children ?? []) {
    if (s.prefix === undefined && (s.keyword === 'default' || (s.keyword === 'mandatory' && s.arg === 'false'))) {
      c.sink.warning('key-property-ignored', s.loc, `"${s.keyword}" of key leaf "${leaf.name}" is ignored`);
    }
  }
  // RFC 7950 1.1: YANG 1.1 made "when" and "if-feature" illegal on list keys.
  if (version !== '1.1') return;
  if (leaf.when !== undefined) c.sink.error('bad-key-condition', at, `key leaf "${leaf.name}" cannot have a "when" condition in YANG 1.1`);
  if (leaf.ifFeatures?.length) c.sink.error('bad-key-condition', at, `key leaf "${leaf.name}" cannot have an "if-feature" in YANG 1.1`);
}

/** RFC 7950 7.8.3: descendant schema node identifiers of leaves, all config or all state. */
function checkUnique(c: Compilation, list: ListNode, paths: string[], at: SourceLoc): void {
  const unit = c.nodeUnits.get(list);
  let config: boolean | undefined;
  for (const path of paths) {
    if (path.startsWith('/')) {
      c.sink.error('bad-unique', at, `unique "${path}" of list "${list.name}" must be a descendant schema node identifier`);
      continue;
    }
    let found: SchemaNode | undefined = list;
    for (const step of path.split('/')) {
      // Schema node identifiers name choices and cases too (RFC 7950 6.5); lists are not crossed.
      const kids: SchemaNode[] = found === list || (found && found.kind !== 'list') ? schemaChildren(found!) : [];
      const [prefix, name] = splitQName(step);
      const module = prefix === undefined ? list.module : unit?.prefixes.get(prefix);
      found = kids.find((n) => n.name === name && n.module === module);
      if (!found) break;
    }
    if (!found || found.kind !== 'leaf') {
      c.sink.error('bad-unique', at, `unique "${path}" of list "${list.name}" does not name a leaf of the list entry`);
      continue;
    }
    if (config !== undefined && config !== found.config) {
      c.sink.error('bad-unique', at, `unique of list "${list.name}" mixes configuration and state leaves`);
    }
    config ??= found.config;
  }
}

/** RFC 7950 7.9.3: no mandatory nodes directly under a choice's default case. */
export function checkDefaultCase(c: Compilation, choice: ChoiceNode): void {
  const k = choice.default === undefined ? undefined : choice.cases.find((x) => x.name === choice.default);
  for (const n of k?.children ?? []) {
    const cause = mandatoryCause(n);
    if (cause) c.sink.error('mandatory-in-default-case', mandatoryLoc(c, cause), `"${cause.name}" is mandatory but in the default case "${k!.name}" of choice "${choice.name}"`);
  }
}
