// Bundles the CLI (src/cli/main.ts and everything it imports, antlr4ng and commander included)
// into one CommonJS-style file, dist/cli/yangkit.cjs, and writes dist/cli/main.js, the entry
// that compiles it with V8's code cache (scripts/cli-entry.mjs says why). Commands still load
// their parts on use: esbuild runs a lazily imported module's top level only when a command
// imports it, and V8 compiles a function only when it first runs. Packages that only some
// commands load (prettier, yaml, fast-xml-parser, the language server) stay outside the bundle. Then one
// `yangkit check` of samples/dhcp.yang leaves a code cache beside the bundle for this Node.
// Run by `npm run build`, after tsc (which leaves src/cli/ out: nothing else imports it).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus.mjs';

const BUNDLED = new Set(['antlr4ng', 'commander']);
const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const outdir = join(ROOT, 'dist/cli');
const bundle = join(outdir, 'yangkit.cjs');

/**
 * antlr4ng's one module defines the lexer of ANTLR's parse-tree XPath, which yangkit never uses,
 * and deserializes its ATN in a static field as the module loads: a tenth of a small check. The
 * field becomes a getter that does it on first use (and the class then has no side effect left).
 * If antlr4ng changes, the text is not found and the module is bundled as it is.
 */
const XPATH_LEXER_DFA = 'static decisionsToDFA = _XPathLexer._ATN.decisionToState.map((ds, index) => {\n    return new DFA(ds, index);\n  });';
const lazyXPathLexer = {
  name: 'lazy-antlr4ng-xpath-lexer',
  setup(b) {
    b.onLoad({ filter: /antlr4ng[\\/]dist[\\/]index\.mjs$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      const lazy = 'static #dfa;\n  static get decisionsToDFA() {\n    return this.#dfa ??= _XPathLexer._ATN.decisionToState.map((ds, index) => new DFA(ds, index));\n  }';
      if (!text.includes(XPATH_LEXER_DFA)) console.warn(`bundle-cli: ${path} has changed; its XPath lexer is bundled as it is`);
      return { contents: text.replace(XPATH_LEXER_DFA, lazy), loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const { outputFiles } = await build({
  entryPoints: [join(ROOT, 'src/cli/main.ts')],
  outfile: bundle,
  write: false,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
  // The entry runs the bundle in a function whose parameter __yangkitBundleUrl is its file URL.
  define: { 'import.meta.url': '__yangkitBundleUrl' },
  // import() of a package outside the bundle becomes require(): a vm.Script has no module loader.
  supported: { 'dynamic-import': false },
  minifySyntax: true,
  minifyWhitespace: true,
  plugins: [lazyXPathLexer],
  logLevel: 'warning',
});
// The entry wraps the source in a function: src/cli/main.ts's #! line would be a syntax error there.
const code = outputFiles[0].text.replace(/^#!.*\n/, '');
writeFileSync(bundle, code);
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const main = join(outdir, 'main.js');
writeFileSync(main, readFileSync(join(ROOT, 'scripts/cli-entry.mjs'), 'utf8').replace('__BUNDLE_HASH__', hash));
chmodSync(main, 0o755);
try {
  execFileSync(process.execPath, [main, 'check', join(ROOT, 'samples/dhcp.yang')], { stdio: 'ignore' });
} catch (err) {
  // Only the cache is missing then: the first command a user runs writes it.
  console.warn(`bundle-cli: the warm-up run failed (${err.message}); no code cache written`);
}
