import { Token, type TokenSource } from 'antlr4ng';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { YangLexer } from '../../src/syntax/generated/YangLexer.js';
import { StringCharStream, YangTokenSource } from '../../src/syntax/lexer.js';

/** Every token up to EOF, as [type, start, stop, line, column, text]. */
function tokens(source: TokenSource): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (;;) {
    const t = source.nextToken();
    out.push([t.type, t.start, t.stop, t.line, t.column, t.text ?? '']);
    if (t.type === Token.EOF) return out;
  }
}

/** The generated lexer's tokens; fails the test on a lexer error, which the hand-written one never reports. */
function generated(text: string): (string | number)[][] {
  const lexer = new YangLexer(new StringCharStream(text));
  lexer.removeErrorListeners();
  lexer.addErrorListener({
    syntaxError: (_r, _s, line, col, msg) => expect.fail(`lexer error at ${line}:${col}: ${msg} in ${JSON.stringify(text)}`),
    reportAmbiguity: () => {},
    reportAttemptingFullContext: () => {},
    reportContextSensitivity: () => {},
  });
  return tokens(lexer);
}

const handWritten = (text: string) => tokens(new YangTokenSource(text));

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('hand-written lexer: the tokens of grammar/YangLexer.g4', () => {
  it.each([
    ['statements', 'module m { leaf x { type string; } }'],
    ['strings and concatenation', `a "x\\"y" + 'z' +"w"+'v' "a\nb" +5 + ++ a+b`],
    ['comments', 'a // line\n/* block ** / */ b /**/ c/d e//f g/*h*/i / j /'],
    ['unterminated double-quoted string', 'a "abc\\" ;'],
    ['trailing backslash', 'a "abc\\'],
    ['unterminated single-quoted string', "a 'abc ;\n }"],
    ['unterminated comment', 'a /* b * / ** c'],
    ['comment start at the end', 'a /*'],
    ['slash at the end', 'a /'],
    ['lone carriage returns and tabs', 'a\rb\t\tc\r\n d'],
    ['non-ASCII and surrogate pairs', 'descr "é 😀" x😀y'],
    ['empty input', ''],
    ['whitespace only', ' \n\t '],
  ])('%s', (_name, text) => {
    expect(handWritten(text)).toEqual(generated(text));
  });

  it('agrees on 3000 random strings of the characters that matter', () => {
    const next = random(15);
    const alphabet = ['a', 'b', '+', '/', '*', '"', "'", '\\', ';', '{', '}', ' ', '\n', '\t', '\r', 'é'];
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(next() * 30);
      const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(handWritten(text), JSON.stringify(text)).toEqual(generated(text));
    }
  });

  it('agrees on the bundled modules', () => {
    const dir = join(import.meta.dirname, '../../yang');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.yang'))) {
      const text = readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n');
      expect(handWritten(text), f).toEqual(generated(text));
    }
  });
});
