/** pyang's tree options (`pyang -f tree --tree-*`), with the same meanings. */
export interface TreeOptions {
  /** Levels to print; deeper children are shown as `...`. */
  depth?: number;
  /** Schema node names from the top (`/jukebox/library` as `['jukebox', 'library']`): print only that subtree. */
  path?: string[];
  /** Fold lines longer than this (type, keys and if-features move to the next line). */
  lineLength?: number;
  /** Qualify foreign names with the module name instead of its prefix. */
  moduleNamePrefix?: boolean;
  /** Also print `rc:yang-data` definitions. */
  printYangData?: boolean;
  /** Also print `sx:structure` definitions. */
  printStructures?: boolean;
  /** Also print the module's top-level groupings. */
  printGroupings?: boolean;
  /** Show each `uses` as one `-u` line instead of the nodes it brings in. */
  noExpandUses?: boolean;
}

/** `--tree-path` as pyang splits it: on `/`, without the leading empty step. */
export function parseTreePath(path: string): string[] {
  const steps = path.split('/');
  return steps[0] === '' ? steps.slice(1) : steps;
}
