/**
 * Definitions and references between modules, read from outlines: prefixes (RFC 7950
 * 7.1.4, 7.1.5), typedefs and groupings with their lexical scope (5.5), identities
 * and bases (7.18), features and if-feature expressions (7.20).
 */
import { childOf, walk, type Outline, type OutlineNode } from './outline.js';

/** What the language service knows of the workspace's files. */
export interface SourceView {
  outline(file: string): Outline | undefined;
  /** Files of a module of the compiled set: its own file first, then its submodules'. */
  filesOfModule(module: string): readonly string[];
  /** Every file of the compiled set plus the open documents. */
  allFiles(): Iterable<string>;
}

export type DefinitionKind = 'typedef' | 'grouping' | 'identity' | 'feature';

/** The statements whose argument names a definition of each kind. */
export const REFERRING_KEYWORDS: Readonly<Record<string, DefinitionKind>> = { type: 'typedef', uses: 'grouping', base: 'identity', 'if-feature': 'feature' };

export interface Header {
  kind: 'module' | 'submodule';
  name: string;
  /** The module this file belongs to (itself for a module). */
  module: string;
  /** The prefix the file uses for its own module. */
  prefix?: string;
  /** Imported modules by prefix, with the import statement. */
  imports: Map<string, { module: string; node: OutlineNode }>;
  yangVersion: '1' | '1.1';
  root: OutlineNode;
}

export function headerOf(outline: Outline | undefined): Header | undefined {
  const root = outline?.roots.find((r) => (r.keyword === 'module' || r.keyword === 'submodule') && r.prefix === undefined && r.arg);
  if (!root) return undefined;
  const belongsTo = root.keyword === 'submodule' ? childOf(root, 'belongs-to') : undefined;
  const imports = new Map<string, { module: string; node: OutlineNode }>();
  for (const imp of root.children) {
    const p = imp.keyword === 'import' && imp.prefix === undefined ? childOf(imp, 'prefix')?.arg : undefined;
    if (p && imp.arg) imports.set(p, { module: imp.arg, node: imp });
  }
  return {
    kind: root.keyword as 'module' | 'submodule',
    name: root.arg!,
    module: belongsTo ? (belongsTo.arg ?? root.arg!) : root.arg!,
    prefix: childOf(belongsTo ?? root, 'prefix')?.arg,
    imports,
    yangVersion: childOf(root, 'yang-version')?.arg === '1.1' ? '1.1' : '1',
    root,
  };
}

/** A name as written: `prefix:name` or `name`, with its offsets in the text. */
export interface NameRef {
  prefix?: string;
  name: string;
  start: number;
  end: number;
}

/**
 * The names a statement's argument refers to, with their offsets: one for type, uses
 * and base; every feature of an if-feature expression. The offsets are exact when the
 * argument is written without escapes (always so for identifiers).
 */
export function namesIn(node: OutlineNode, text: string): NameRef[] {
  if (node.argStart === undefined || node.arg === undefined) return [];
  const quoted = text[node.argStart] === '"' || text[node.argStart] === "'";
  const base = node.argStart + (quoted ? 1 : 0);
  const out: NameRef[] = [];
  for (const m of node.arg.matchAll(/[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/g)) {
    if (node.keyword === 'if-feature' && (m[0] === 'and' || m[0] === 'or' || m[0] === 'not')) continue;
    const colon = m[0].indexOf(':');
    out.push({ ...(colon < 0 ? { name: m[0] } : { prefix: m[0].slice(0, colon), name: m[0].slice(colon + 1) }), start: base + m.index, end: base + m.index + m[0].length });
    if (node.keyword !== 'if-feature') break;
  }
  return out;
}

export interface Definition {
  kind: DefinitionKind;
  module: string;
  name: string;
  file: string;
  node: OutlineNode;
}

/** The module a prefix stands for in a file; undefined for an unknown prefix. */
export function moduleOfPrefix(header: Header, prefix: string | undefined): string | undefined {
  if (prefix === undefined || prefix === header.prefix) return header.module;
  return header.imports.get(prefix)?.module;
}

/** Top-level definitions of `kind` named `name` in a module and its submodules. */
function topLevel(view: SourceView, module: string, kind: DefinitionKind, name: string): Definition | undefined {
  for (const file of view.filesOfModule(module)) {
    const root = headerOf(view.outline(file))?.root;
    const node = root?.children.find((c) => c.keyword === kind && c.prefix === undefined && c.arg === name);
    if (node) return { kind, module, name, file, node };
  }
  return undefined;
}

/**
 * The definition a name written at `at` (a statement of `file`) refers to. Typedefs and
 * groupings are looked up in the enclosing blocks first (RFC 7950 5.5), then at the top
 * of the module and its submodules; the file's own top level comes first, so a
 * submodule outside the compiled set still resolves its own names.
 */
export function resolveName(view: SourceView, file: string, at: OutlineNode, ref: NameRef, kind: DefinitionKind): Definition | undefined {
  const header = headerOf(view.outline(file));
  if (!header) return undefined;
  const module = moduleOfPrefix(header, ref.prefix);
  if (module === undefined) return undefined;
  if (module === header.module) {
    const scoped = kind === 'typedef' || kind === 'grouping';
    for (let p = scoped ? at.parent : header.root; p; p = p.parent) {
      const node = p.children.find((c) => c.keyword === kind && c.prefix === undefined && c.arg === ref.name);
      if (node) return { kind, module, name: ref.name, file, node };
    }
  }
  return topLevel(view, module, kind, ref.name);
}

/** The definition statement at `node` itself (a typedef, grouping, identity or feature), as a Definition. */
export function definitionAt(view: SourceView, file: string, node: OutlineNode): Definition | undefined {
  const kind = node.keyword as DefinitionKind;
  if (node.prefix !== undefined || !node.arg || !['typedef', 'grouping', 'identity', 'feature'].includes(kind)) return undefined;
  const module = headerOf(view.outline(file))?.module;
  return module === undefined ? undefined : { kind, module, name: node.arg, file, node };
}

export interface Reference {
  file: string;
  ref: NameRef;
}

/** Every name in the workspace that refers to `def` (not the definition itself). */
export function referencesTo(view: SourceView, def: Definition, textOf: (file: string) => string | undefined): Reference[] {
  const out: Reference[] = [];
  for (const file of view.allFiles()) {
    const outline = view.outline(file);
    const header = headerOf(outline);
    const text = textOf(file);
    if (!header || text === undefined) continue;
    if (header.module !== def.module && ![...header.imports.values()].some((i) => i.module === def.module)) continue;
    for (const node of walk(outline!.roots)) {
      if (node.prefix !== undefined || REFERRING_KEYWORDS[node.keyword] !== def.kind) continue;
      for (const ref of namesIn(node, text)) {
        if (ref.name !== def.name) continue;
        const target = resolveName(view, file, node, ref, def.kind);
        if (target && target.file === def.file && target.node.start === def.node.start) out.push({ file, ref });
      }
    }
  }
  return out;
}

/** Definitions of `kind` a file can name: scoped ones around `at`, top-level ones of its module and of every import (prefixed). */
export function visibleDefinitions(view: SourceView, file: string, at: OutlineNode | undefined, kind: DefinitionKind): { label: string; def: Definition }[] {
  const header = headerOf(view.outline(file));
  if (!header) return [];
  const out: { label: string; def: Definition }[] = [];
  const seen = new Set<string>();
  const add = (label: string, def: Definition) => {
    if (seen.has(label)) return;
    seen.add(label);
    out.push({ label, def });
  };
  if (kind === 'typedef' || kind === 'grouping') {
    for (let p = at; p && p !== header.root; p = p.parent) {
      for (const c of p.children) if (c.keyword === kind && c.prefix === undefined && c.arg) add(c.arg, { kind, module: header.module, name: c.arg, file, node: c });
    }
  }
  const modules: [string | undefined, string][] = [[undefined, header.module], ...[...header.imports].map(([p, i]): [string, string] => [p, i.module])];
  for (const [prefix, module] of modules) {
    const files = module === header.module ? [file, ...view.filesOfModule(module).filter((f) => f !== file)] : view.filesOfModule(module);
    for (const f of files) {
      const root = headerOf(view.outline(f))?.root;
      for (const c of root?.children ?? []) {
        if (c.keyword === kind && c.prefix === undefined && c.arg) add(prefix ? `${prefix}:${c.arg}` : c.arg, { kind, module, name: c.arg, file: f, node: c });
      }
    }
  }
  return out;
}
