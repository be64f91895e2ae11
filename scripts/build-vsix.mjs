// Builds the VS Code extension (editors/vscode): esbuild bundles src/extension.ts with
// vscode-languageclient into dist/extension.js (`vscode` is provided by the editor), then
// vsce packages the folder into a .vsix. `npm run vsix` writes editors/vscode/yangkit-<version>.vsix;
// `--out FILE` writes elsewhere. The zip is reproducible: entries sorted, with one fixed
// timestamp (vsce reads SOURCE_DATE_EPOCH; the bundle has no source map and no dates).
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './corpus.mjs';

const EXTENSION = join(ROOT, 'editors/vscode');
// 1980-01-01, the earliest time a zip entry can hold.
const ZIP_EPOCH = '315532800';

const { values } = parseArgs({ options: { out: { type: 'string' } } });

rmSync(join(EXTENSION, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(EXTENSION, 'src/extension.ts')],
  outfile: join(EXTENSION, 'dist/extension.js'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // VS Code 1.91 (engines.vscode) runs extensions on Node 20.
  target: 'node20',
  external: ['vscode'],
  minify: true,
  logLevel: 'warning',
});

const out = values.out && resolve(values.out);
if (out) mkdirSync(dirname(out), { recursive: true });
process.env.SOURCE_DATE_EPOCH ??= ZIP_EPOCH;
const { createVSIX } = await import('@vscode/vsce');
await createVSIX({
  cwd: EXTENSION,
  ...(out ? { packagePath: out } : {}),
  dependencies: false,
  // The project has no public repository URL yet; README.md has no relative links to rewrite.
  allowMissingRepository: true,
});
