import type { ModuleIR, SchemaNode, SchemaSet } from '../../ir/types.js';

/** The type column of a leaf, leaf-list, anydata or anyxml ('' for other nodes), as pyang prints it. */
export function typeLabel(schema: SchemaSet, n: SchemaNode, moduleNamePrefix: boolean): string {
  if (n.kind === 'anydata' || n.kind === 'anyxml') return `<${n.kind}>`;
  if (n.kind !== 'leaf' && n.kind !== 'leaf-list') return '';
  const mod = schema.modules[n.module];
  const lr = n.type.leafref;
  if (n.type.name === 'leafref' && lr && mod) return `-> ${compactLeafrefPath(lr.path, mod, moduleNamePrefix)}`;
  const i = n.type.name.indexOf(':');
  if (!moduleNamePrefix || i < 0) return n.type.name;
  const owner = n.type.typedef?.module ?? moduleOfPrefix(mod, n.type.name.slice(0, i));
  return `${owner}:${n.type.name.slice(i + 1)}`;
}

/**
 * pyang's compact leafref path: split on every `/` (predicates included, as pyang does),
 * a step's prefix shown only where it differs from the previous one, starting from the
 * node's own module.
 */
function compactLeafrefPath(path: string, mod: ModuleIR, moduleNamePrefix: boolean): string {
  let current = mod.prefix;
  return path
    .split('/')
    .map((step) => {
      const i = step.indexOf(':');
      if (i < 0) return step;
      const prefix = step.slice(0, i);
      if (prefix === current) return step.slice(i + 1);
      current = prefix;
      return moduleNamePrefix ? `${moduleOfPrefix(mod, prefix)}:${step.slice(i + 1)}` : step;
    })
    .join('/');
}

/** The module a prefix names in `mod`; the prefix itself when it names none (as pyang falls back). */
function moduleOfPrefix(mod: ModuleIR | undefined, prefix: string): string {
  if (!mod) return prefix;
  if (prefix === mod.prefix) return mod.name;
  return mod.imports.find((imp) => imp.prefix === prefix)?.module ?? prefix;
}
