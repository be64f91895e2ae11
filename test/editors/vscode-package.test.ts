/**
 * `npm run vsix` (scripts/build-vsix.mjs): esbuild bundles the extension, vsce packages it.
 * The .vsix is a zip; its entries are read here with a small central-directory reader.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const EXTENSION = join(ROOT, 'editors/vscode');

/** The entries of a zip file, by name (APPNOTE.TXT 4.3: end of central directory, central directory, local headers). */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : raw);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('VS Code extension package', () => {
  let dir: string;
  let vsix: Buffer;
  let entries: Map<string, Buffer>;
  const build = (out: string) => execFileSync(process.execPath, [join(ROOT, 'scripts/build-vsix.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe' });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yangkit-vsix-'));
    build(join(dir, 'yangkit.vsix'));
    vsix = readFileSync(join(dir, 'yangkit.vsix'));
    entries = readZip(vsix);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the manifest, README, LICENSE, language configuration, grammar and bundle, and no sources', () => {
    const names = [...entries.keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        'extension.vsixmanifest',
        'extension/package.json',
        'extension/readme.md',
        'extension/LICENSE.txt',
        'extension/language-configuration.json',
        'extension/syntaxes/yang.tmLanguage.json',
        'extension/dist/extension.js',
      ]),
    );
    expect(names.filter((n) => /\.ts$|tsconfig|\.map$/.test(n))).toEqual([]);
  });

  it("points every path of package.json's contributes and main at a file in the package", () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    const inPackage = (path: string) => entries.has(join('extension', path));
    expect(inPackage(manifest.main)).toBe(true);
    expect(manifest.activationEvents).toContain('onLanguage:yang');
    const [language] = manifest.contributes.languages;
    expect(language).toMatchObject({ id: 'yang', extensions: ['.yang'] });
    expect(inPackage(language.configuration)).toBe(true);
    const [grammar] = manifest.contributes.grammars;
    expect(grammar).toMatchObject({ language: 'yang', scopeName: 'source.yang' });
    expect(inPackage(grammar.path)).toBe(true);
    expect(JSON.parse(entries.get(join('extension', grammar.path))!.toString('utf8')).scopeName).toBe('source.yang');
    // The settings the server (src/lsp/server.ts) and the client (src/extension.ts) read.
    const settings = manifest.contributes.configuration.properties;
    expect(settings['yangkit.path']).toMatchObject({ type: 'string' });
    expect(settings['yangkit.searchPaths']).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(settings['yangkit.trace.server']).toMatchObject({ enum: ['off', 'messages', 'verbose'] });
  });

  it('bundles everything but the editor: the bundle requires only `vscode` and Node built-ins, and exports activate and deactivate', () => {
    const code = entries.get('extension/dist/extension.js')!.toString('utf8');
    const required = new Set<string>();
    // Any property of the stand-in for `vscode` is another stand-in: module-level code may read its enums.
    const standIn: object = new Proxy(function () {}, { get: (_t, p) => (p === Symbol.toPrimitive ? () => '' : standIn), apply: () => standIn, construct: () => standIn });
    const nodeRequire = createRequire(join(EXTENSION, 'dist/extension.js'));
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', code)(module, module.exports, (id: string) => {
      required.add(id);
      return id === 'vscode' ? standIn : nodeRequire(id);
    });
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...required].filter((id) => id !== 'vscode' && !builtins.has(id))).toEqual([]);
    expect(required.has('vscode')).toBe(true);
    expect(typeof module.exports.activate).toBe('function');
    expect(typeof module.exports.deactivate).toBe('function');
  });

  it('type-checks against the VS Code API it declares (@types/vscode matching engines.vscode)', () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const run = () => execFileSync(process.execPath, [tsc, '--noEmit', '-p', EXTENSION], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    expect(run).not.toThrow();
    const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8'));
    const types = JSON.parse(readFileSync(join(ROOT, 'node_modules/@types/vscode/package.json'), 'utf8'));
    expect(manifest.engines.vscode).toBe(`^${types.version.split('.').slice(0, 2).join('.')}.0`);
  }, 120_000);

  it('is reproducible: a second build gives the same bytes', () => {
    build(join(dir, 'again.vsix'));
    expect(readFileSync(join(dir, 'again.vsix')).equals(vsix)).toBe(true);
  });
});
