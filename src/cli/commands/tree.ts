import type { Command } from 'commander';
import { parseTreePath, type TreeOptions } from '../../emit/tree/options.js';
import { compileOrExit, UsageError, withCompileOptions, type CompileFlags } from '../options.js';

interface TreeFlags extends CompileFlags {
  treeDepth?: string;
  treePath?: string;
  treeLineLength?: string;
  treeModuleNamePrefix?: boolean;
  treePrintYangData?: boolean;
  treePrintStructures?: boolean;
  treePrintGroupings?: boolean;
  treeNoExpandUses?: boolean;
}

/** `yangkit tree`: pyang's `-f tree` output and its `--tree-*` options. */
export function registerTreeCommand(program: Command): void {
  withCompileOptions(program.command('tree'))
    .description('print the RFC 8340 tree diagram of each module (as pyang -f tree)')
    .argument('<files...>', 'YANG files')
    .option('--tree-depth <n>', 'number of levels to print')
    .option('--tree-path <path>', 'subtree to print, e.g. /interfaces/interface')
    .option('--tree-line-length <n>', 'maximum line length (longer lines are folded)')
    .option('--tree-module-name-prefix', 'qualify names with module names instead of prefixes')
    .option('--tree-print-yang-data', 'also print ietf-restconf:yang-data structures')
    .option('--tree-print-structures', 'also print ietf-yang-structure-ext:structure structures')
    .option('--tree-print-groupings', "also print the module's top-level groupings")
    .option('--tree-no-expand-uses', 'show each uses as one line instead of the nodes it brings in')
    .action(async (files: string[], flags: TreeFlags) => {
      const opts = treeOptions(flags);
      const { schema } = compileOrExit(files, flags, { groupings: opts.printGroupings || opts.noExpandUses });
      const { emitTree } = await import('../../emit/tree/index.js');
      process.stdout.write(schema.inputs.map((m) => emitTree(schema, m, opts)).filter(Boolean).join('\n'));
    });
}

function treeOptions(flags: TreeFlags): TreeOptions {
  return {
    depth: count('--tree-depth', flags.treeDepth),
    lineLength: count('--tree-line-length', flags.treeLineLength),
    path: flags.treePath === undefined ? undefined : parseTreePath(flags.treePath),
    moduleNamePrefix: flags.treeModuleNamePrefix,
    printYangData: flags.treePrintYangData,
    printStructures: flags.treePrintStructures,
    printGroupings: flags.treePrintGroupings,
    noExpandUses: flags.treeNoExpandUses,
  };
}

function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a non-negative integer, not "${value}"`);
  return Number(value);
}
