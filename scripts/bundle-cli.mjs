// Bundles the CLI (src/cli/main.ts and everything it imports) into dist/cli/main.js, with one
// chunk per group of modules that a command loads on use (dist/cli/chunks/). Node then reads a
// few files at start-up instead of some sixty, and only the parts of antlr4ng and commander
// the CLI uses. Packages that only some commands load (ts-morph, prettier, yaml,
// fast-xml-parser) stay outside the bundle. Run by `npm run build`, after tsc (which leaves
// src/cli/ out: nothing else imports it).
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus.mjs';

const BUNDLED = new Set(['antlr4ng', 'commander']);
const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const outdir = join(ROOT, 'dist/cli');

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: join(ROOT, 'src/cli/main.ts') },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  // commander is CommonJS: its require() calls of Node's modules need a require in ES module scope.
  banner: { js: "import { createRequire as __yangkitCreateRequire } from 'node:module'; const require = __yangkitCreateRequire(import.meta.url);" },
  minifySyntax: true,
  minifyWhitespace: true,
  logLevel: 'warning',
});
chmodSync(join(outdir, 'main.js'), 0o755);
