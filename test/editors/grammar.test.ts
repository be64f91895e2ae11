/**
 * The VS Code extension's TextMate grammar (editors/vscode/syntaxes/yang.tmLanguage.json),
 * loaded with the engine VS Code runs (vscode-textmate on the Oniguruma regex library),
 * against the statement table and against the parser's reading of real modules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TYPES } from '../../src/compile/builtin-types.js';
import { parseYang, type Statement } from '../../src/syntax/index.js';
import { STATEMENTS } from '../../src/syntax/statement-table.js';
import { CORPUS } from '../corpus/paths.js';

const GRAMMAR_FILE = join(import.meta.dirname, '../../editors/vscode/syntaxes/yang.tmLanguage.json');

const KEYWORD = 'keyword.other.statement.yang';
const EXTENSION = 'keyword.other.extension.yang';
const PREFIX = 'entity.name.namespace.yang';

interface Token {
  text: string;
  /** 0-based line and start column. */
  line: number;
  col: number;
  scopes: string[];
}

let grammar: IGrammar;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '../onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new OnigScanner(sources), createOnigString: (s) => new OnigString(s) }),
    loadGrammar: async (scopeName) => (scopeName === 'source.yang' ? parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null),
  });
  grammar = (await registry.loadGrammar('source.yang'))!;
});

/** The tokens of `text` and the rule stack after its last line. */
function tokenize(text: string): { tokens: Token[]; end: StateStack } {
  const tokens: Token[] = [];
  let stack = INITIAL;
  text.split('\n').forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, stack);
    result.tokens.forEach((t) => tokens.push({ text: lineText.slice(t.startIndex, t.endIndex), line, col: t.startIndex, scopes: t.scopes }));
    stack = result.ruleStack;
  });
  return { tokens, end: stack };
}

/** The scopes of the nth token whose text, less surrounding spaces, is `text`. */
function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.text === text || t.text.trim() === text)[nth];
  if (!found) throw new Error(`no token "${text}" (#${nth}) in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found.scopes;
}

/** The scopes of the token that covers the 0-based position, from tokens grouped by line. */
function scopesAt(byLine: Token[][], line: number, col: number): string[] {
  const found = byLine[line]?.find((t) => t.col <= col && col < t.col + t.text.length);
  if (!found) throw new Error(`no token at ${line + 1}:${col + 1}`);
  return found.scopes;
}

const SAMPLE = `module example {
  yang-version 1.1;
  namespace "urn:example:a";
  prefix ex;
  import ietf-inet-types { prefix inet; revision-date 2013-07-15; }
  /* a block
     comment */
  revision "2024-01-31" { description 'first'; }
  ex:annotation "x" + "y" { ex:note "it says \\"hi\\"\\n"; } // trailing
  leaf-list port { type inet:port-number; max-elements 16; }
  leaf mtu { type uint16 { range "68..max"; } default 1500; }
  leaf ratio { type decimal64 { fraction-digits 2; range -1.5..2.25; } }
  container string { presence true; }
}
`;

describe('TextMate grammar for VS Code', () => {
  it('scopes a sample module: keywords, strings and escapes, comments, extension statements, prefixes, numbers, dates, built-in types', () => {
    const { tokens, end } = tokenize(SAMPLE);
    for (const kw of ['module', 'yang-version', 'namespace', 'prefix', 'import', 'revision-date', 'revision', 'leaf-list', 'type', 'range', 'default', 'fraction-digits', 'presence'])
      expect(scopesOf(tokens, kw)).toContain(KEYWORD);
    // A statement's argument is not a keyword, even when it spells one (a container named "string").
    expect(scopesOf(tokens, 'example')).not.toContain(KEYWORD);
    expect(scopesOf(tokens, 'string')).toEqual(['source.yang', 'meta.statement.yang']);
    expect(scopesOf(tokens, 'urn:example:a')).toContain('string.quoted.double.yang');
    expect(scopesOf(tokens, 'first')).toContain('string.quoted.single.yang');
    expect(scopesOf(tokens, '\\"')).toContain('constant.character.escape.yang');
    expect(scopesOf(tokens, '\\n')).toContain('constant.character.escape.yang');
    expect(scopesOf(tokens, 'a block')).toContain('comment.block.yang');
    expect(scopesOf(tokens, 'comment')).toContain('comment.block.yang');
    expect(scopesOf(tokens, 'trailing')).toContain('comment.line.double-slash.yang');
    // Extension statements: prefix, colon, keyword; their arguments and nested ones too.
    expect(scopesOf(tokens, 'ex', 1)).toContain(PREFIX);
    expect(scopesOf(tokens, 'annotation')).toContain(EXTENSION);
    expect(scopesOf(tokens, 'note')).toContain(EXTENSION);
    expect(scopesOf(tokens, '+')).toContain('keyword.operator.concatenation.yang');
    // Prefixed names in arguments, built-in types only as the argument of type.
    expect(scopesOf(tokens, 'inet', 1)).toContain(PREFIX);
    expect(scopesOf(tokens, 'port-number')).not.toContain('support.type.builtin.yang');
    expect(scopesOf(tokens, 'uint16')).toContain('support.type.builtin.yang');
    expect(scopesOf(tokens, 'decimal64')).toContain('support.type.builtin.yang');
    // Numbers (also in an unquoted range), dates quoted or not, booleans.
    for (const n of ['1.1', '16', '1500', '2', '-1.5', '2.25']) expect(scopesOf(tokens, n)).toContain('constant.numeric.yang');
    expect(scopesOf(tokens, '2013-07-15')).toContain('constant.other.date.yang');
    expect(scopesOf(tokens, '2024-01-31')).toEqual(expect.arrayContaining(['string.quoted.double.yang', 'constant.other.date.yang']));
    expect(scopesOf(tokens, 'true')).toContain('constant.language.boolean.yang');
    // Quoted ranges stay strings; every statement is closed at the end.
    expect(scopesOf(tokens, '68..max')).toContain('string.quoted.double.yang');
    expect(end.depth).toBe(1);
  });

  it('gives every keyword of the statement table the keyword scope, and no other identifier', () => {
    for (const keyword of STATEMENTS.keys()) {
      for (const line of [`${keyword} x;`, `${keyword} {`, `  ${keyword};`, `${keyword}/* c */"a";`]) {
        expect(scopesOf(tokenize(line).tokens, keyword), line).toContain(KEYWORD);
      }
    }
    for (const word of ['leafs', 'leaf-lists', 'types', 'Module', 'yang', 'foo'])
      expect(scopesOf(tokenize(`${word} x;`).tokens, word), word).not.toContain(KEYWORD);
  });

  it('lists exactly the keywords of the statement table and the built-in types', () => {
    const repo = JSON.parse(readFileSync(GRAMMAR_FILE, 'utf8')).repository;
    const alternation = (regex: string) => regex.match(/\((?:\?:)?([a-z0-9|-]+)\)/)![1]!.split('|');
    const listed = [...alternation(repo['keyword-statement'].begin), ...alternation(repo['type-statement'].begin)];
    expect(listed.sort()).toEqual([...STATEMENTS.keys()].sort());
    expect(alternation(repo['builtin-type'].match).sort()).toEqual([...BUILTIN_TYPES].sort());
  });

  // Real modules: where the parser sees a statement, the grammar sees its keyword; a quoted
  // argument is a string from its opening quote; and every statement region closes.
  it.each([
    'openconfig/release/models/interfaces/openconfig-interfaces.yang',
    'ietf/ietf-interfaces@2018-02-20.yang',
    'ietf/ietf-inet-types@2013-07-15.yang',
    'ietf/ietf-netconf-acm@2018-02-14.yang',
    'ietf/ietf-routing@2018-03-13.yang',
  ])('agrees with the parser on %s', (name) => {
    const file = join(CORPUS, name);
    const text = readFileSync(file, 'utf8');
    const { statement } = parseYang(text, file);
    const { tokens, end } = tokenize(text);
    const lines = text.split('\n');
    const byLine: Token[][] = lines.map(() => []);
    for (const t of tokens) byLine[t.line]!.push(t);
    let checked = 0;
    const visit = (s: Statement) => {
      const keywordScopes = scopesAt(byLine, s.loc.line - 1, s.loc.col - 1);
      if (s.prefix !== undefined) {
        expect(keywordScopes, `${s.prefix}:${s.keyword} at ${s.loc.line}:${s.loc.col}`).toContain(PREFIX);
        expect(scopesAt(byLine, s.loc.line - 1, s.loc.col + s.prefix.length), `${s.prefix}:${s.keyword}`).toContain(EXTENSION);
      } else {
        expect(keywordScopes, `${s.keyword} at ${s.loc.line}:${s.loc.col}`).toContain(KEYWORD);
      }
      if (s.argLoc) {
        const argScopes = scopesAt(byLine, s.argLoc.line - 1, s.argLoc.col - 1);
        const first = lines[s.argLoc.line - 1]![s.argLoc.col - 1];
        if (first === '"' || first === "'") expect(argScopes, `argument at ${s.argLoc.line}:${s.argLoc.col}`).toContain(first === '"' ? 'string.quoted.double.yang' : 'string.quoted.single.yang');
        else expect(argScopes.some((sc) => sc.startsWith('string.') || sc.startsWith('comment.') || sc.startsWith('keyword.'))).toBe(false);
      }
      checked++;
      s.children.forEach(visit);
    };
    visit(statement!);
    expect(checked).toBeGreaterThan(50);
    expect(end.depth).toBe(1);
  });
});
