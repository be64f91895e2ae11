/**
 * `yangkit tree` against pyang 2.7.1's output (../shared/reference/pyang-tree*), byte for byte.
 * Made as the README there says: every corpus folder on the search path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileYang, ParseCache } from '../../../src/compile/index.js';
import { emitTree, parseTreePath, type TreeOptions } from '../../../src/emit/tree/index.js';
import { CORPUS, REFERENCE, referenceManifest } from '../../corpus/paths.js';

/**
 * Where yangkit still differs, and why. A case listed here is expected to fail: when it
 * starts passing, the test says so and the entry goes.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  // pyang looks the included submodule up by name, finds the newer revision beside it
  // (ietf-ipv6-router-advertisements@2018-03-13, not the included 2016-11-04) and so omits
  // its augments; yangkit shows the augments of the submodule actually included.
  'ietf-ipv6-unicast-routing@2016-11-04.tree': 'pyang omits the augments of a submodule with a newer revision beside it',
};

function expected(folder: string, file: string): string {
  return readFileSync(join(REFERENCE, folder, file), 'utf8');
}

function check(file: string, got: () => string, want: string): void {
  const test = KNOWN_DIFFERENCES[file] ? it.fails : it;
  test(file, () => expect(got()).toBe(want));
}

const cache = new ParseCache();

/** The tree of a corpus module as `yangkit tree` prints it. */
function treeOf(module: string, opts: TreeOptions): string {
  const groupings = Boolean(opts.printGroupings || opts.noExpandUses);
  const { schema } = compileYang({ files: [join(CORPUS, module)], searchPaths: [CORPUS], parseCache: cache, groupings });
  return schema.inputs.map((m) => emitTree(schema, m, opts)).filter(Boolean).join('\n');
}

describe('tree: pyang -f tree on corpus modules', () => {
  for (const [file, module] of referenceManifest('pyang-tree')) {
    check(file!, () => treeOf(module!, {}), expected('pyang-tree', file!));
  }
});

/** pyang's option as the manifest gives it, as TreeOptions (the CLI's parsing is tested in test/cli). */
function treeOptions(option: string): TreeOptions {
  const [flag, value = ''] = option.split('=');
  switch (flag) {
    case '--tree-depth':
      return { depth: Number(value) };
    case '--tree-line-length':
      return { lineLength: Number(value) };
    case '--tree-path':
      return { path: parseTreePath(value) };
    case '--tree-module-name-prefix':
      return { moduleNamePrefix: true };
    case '--tree-print-yang-data':
      return { printYangData: true };
    case '--tree-print-structures':
      return { printStructures: true };
    case '--tree-print-groupings':
      return { printGroupings: true };
    case '--tree-no-expand-uses':
      return { noExpandUses: true };
    default:
      throw new Error(`no TreeOptions for ${option}`);
  }
}

describe('tree options: pyang --tree-* on corpus modules', () => {
  for (const [file, module, option] of referenceManifest('pyang-tree-options')) {
    check(file!, () => treeOf(module!, treeOptions(option!)), expected('pyang-tree-options', file!));
  }
});
