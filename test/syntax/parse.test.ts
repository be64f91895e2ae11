import { CommonTokenStream } from 'antlr4ng';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/index.js';
import { YangParser } from '../../src/syntax/generated/YangParser.js';
import { parseYang, type Statement } from '../../src/syntax/index.js';
import { YangTokenSource } from '../../src/syntax/lexer.js';

function parseOk(text: string): Statement {
  const r = parseYang(text, 'test.yang');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.statement).toBeDefined();
  return r.statement!;
}

/** Argument of the first `description` found depth-first. */
function argOf(text: string, keyword = 'description'): string | undefined {
  const find = (s: Statement): Statement | undefined =>
    s.keyword === keyword ? s : s.children.map(find).find((x) => x);
  return find(parseOk(text))?.arg;
}

function errors(text: string) {
  const r = parseYang(text, 'bad.yang');
  expect(r.statement).toBeUndefined();
  return r.diagnostics.filter((d) => d.severity === 'error');
}

describe('statement structure', () => {
  it('builds nested statements with keywords, prefixes and arguments', () => {
    const s = parseOk(`module m {
  yang-version 1.1;
  namespace "urn:example:m";
  prefix m;
  ext:annotation foo { ext:value 'x'; }
  container c { leaf l { type string; } }
}`);
    expect(s.keyword).toBe('module');
    expect(s.arg).toBe('m');
    expect(s.children.map((c) => c.keyword)).toEqual(['yang-version', 'namespace', 'prefix', 'annotation', 'container']);
    const ext = s.children[3];
    expect(ext).toMatchObject({ prefix: 'ext', keyword: 'annotation', arg: 'foo' });
    expect(ext.children[0]).toMatchObject({ prefix: 'ext', keyword: 'value', arg: 'x' });
    expect(s.children[0].prefix).toBeUndefined();
    expect(s.children[4].children[0].children[0]).toMatchObject({ keyword: 'type', arg: 'string', children: [] });
  });

  it('keeps statements without argument argument-less', () => {
    const s = parseOk('module m { input { leaf a { type empty; } } }');
    expect(s.children[0].arg).toBeUndefined();
    expect(s.children[0].argLoc).toBeUndefined();
  });

  it('reads unquoted arguments containing slashes, dots, colons and bars', () => {
    const s = parseOk(`module m {
  augment /if:interfaces/if:interface { when ../name; }
  range 1..10|20..max;
  revision 2014-05-08;
  pattern [a-z]*/x*y;
  default +;
  max-elements +5;
}`);
    expect(s.children.map((c) => c.arg)).toEqual([
      '/if:interfaces/if:interface',
      '1..10|20..max',
      '2014-05-08',
      '[a-z]*/x*y',
      '+',
      '+5',
    ]);
    expect(s.children[0].children[0].arg).toBe('../name');
  });

  it('accepts keyword and argument glued to braces and semicolons', () => {
    const s = parseOk('module m{leaf x{type string;}}');
    expect(s.children[0]).toMatchObject({ keyword: 'leaf', arg: 'x' });
  });

  it('reports invalid keywords', () => {
    const d = errors('module m { 1leaf x; }');
    expect(d).toMatchObject([{ code: 'syntax', loc: { line: 1, col: 12 } }]);
    expect(d[0].message).toContain("invalid keyword '1leaf'");
  });
});

describe('quoted strings', () => {
  it('concatenates quoted parts with +', () => {
    expect(argOf(`module m { description "ab" + 'cd' +\n   "ef"; }`)).toBe('abcdef');
    expect(argOf(`module m { description "a"+"b"+'c'; }`)).toBe('abc');
  });

  it('keeps single-quoted strings verbatim', () => {
    expect(argOf(String.raw`module m { description 'a\nb "c" \d'; }`)).toBe(String.raw`a\nb "c" \d`);
  });

  it('interprets double-quoted escapes', () => {
    const r = parseYang(String.raw`module m { description "tab\there\nnl \"q\" back\\slash"; }`, 't.yang');
    expect(r.diagnostics).toEqual([]);
    expect(r.statement!.children[0].arg).toBe('tab\there\nnl "q" back\\slash');
  });

  it('keeps unknown escapes and warns with bad-escape at the backslash', () => {
    const r = parseYang('module m {\n  pattern "\\d+ and \\w";\n}', 't.yang');
    expect(r.statement!.children[0].arg).toBe('\\d+ and \\w');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.loc.line, d.loc.col])).toEqual([
      ['bad-escape', 'warning', 2, 12],
      ['bad-escape', 'warning', 2, 20],
    ]);
  });

  it('trims indentation as in RFC 7950 section 6.1.3', () => {
    // The RFC's examples: both give "the first line\nthe second line".
    expect(argOf('module m {\n  description\n      "the first line\n       the second line";\n}')).toBe(
      'the first line\nthe second line',
    );
    expect(argOf('module m {\n  description "the first line\n               the second line";\n}')).toBe(
      'the first line\nthe second line',
    );
  });

  it('keeps indentation beyond the opening quote column and strips trailing whitespace', () => {
    const text = 'module m {\n  description "first   \n     deeper\t\n   less\n  ";\n}';
    // quote at 0-based column 14: up to 15 columns are stripped from later lines
    expect(argOf(text)).toBe('first\ndeeper\nless\n');
    expect(argOf('module m {\n  description "a\n                   b";\n}')).toBe('a\n    b');
  });

  it('counts a tab as 8 columns when trimming', () => {
    // Quote at column 8 (after one tab), so 9 columns are stripped.
    expect(argOf('module m {\n\tdescription\n\t"x\n\t y\n\t\tz";\n}')).toBe('x\ny\n       z');
  });

  it('processes escapes after trimming', () => {
    // Trailing blanks go before the real line break only; the escaped newline is not a
    // line break for trimming, so the spaces after it stay.
    expect(argOf('module m { description "a\\t  \n             b\\n   c"; }')).toBe('a\t\nb\n   c');
  });
});

describe('comments, CRLF and BOM', () => {
  it('skips line and block comments, but not inside strings', () => {
    const s = parseOk(`// header
/* block
   comment */ module m { // trailing
  description "not // a comment /* either */"; /* x */ prefix p;
  pattern 'a/*b';
}`);
    expect(s.children.map((c) => c.arg)).toEqual(['not // a comment /* either */', 'p', 'a/*b']);
  });

  it('ends unquoted strings at a comment start', () => {
    const s = parseOk('module m { prefix p//comment\n; revision 2020-01-01/* c */; }');
    expect(s.children.map((c) => c.arg)).toEqual(['p', '2020-01-01']);
  });

  it('handles CRLF line endings and a BOM', () => {
    const text = '\uFEFFmodule m {\r\n  description\r\n    "a  \r\n     b";\r\n  prefix p;\r\n}\r\n';
    const s = parseOk(text);
    expect(s.loc).toMatchObject({ line: 1, col: 1 });
    expect(s.children[0].arg).toBe('a\nb');
    expect(s.children[1].loc).toMatchObject({ line: 5, col: 3 });
  });
});

describe('locations', () => {
  it('records 1-based line/col of keyword and argument', () => {
    const s = parseOk('module m {\n  leaf  x {\n\ttype "string";\n  }\n}');
    expect(s.loc).toEqual({ file: 'test.yang', line: 1, col: 1 });
    expect(s.argLoc).toEqual({ file: 'test.yang', line: 1, col: 8 });
    const leaf = s.children[0];
    expect(leaf.loc).toMatchObject({ line: 2, col: 3 });
    expect(leaf.argLoc).toMatchObject({ line: 2, col: 9 });
    expect(leaf.children[0].loc).toMatchObject({ line: 3, col: 2 });
    expect(leaf.children[0].argLoc).toMatchObject({ line: 3, col: 7 });
  });

  it('counts columns in UTF-16 code units (as LSP does), also after non-BMP characters', () => {
    const s = parseOk('module m { description "\u{1F600}"; prefix p; }');
    expect(s.children[0].arg).toBe('\u{1F600}');
    expect(s.children[1].loc).toMatchObject({ line: 1, col: 30 });
    expect(s.children[1].arg).toBe('p');
  });
});

describe('syntax errors', () => {
  it('reports a missing semicolon at the next token', () => {
    const d = errors('module m {\n  leaf x {\n    type string\n  }\n}');
    expect(d).toEqual([
      { code: 'syntax', severity: 'error', message: "unexpected '}', expected ';' or '{'", loc: { file: 'bad.yang', line: 4, col: 3 } },
    ]);
    const d2 = errors('module m {\n  leaf x {\n    type string\n    description "x";\n  }\n}');
    expect(d2[0]).toMatchObject({ code: 'syntax', message: "unexpected 'description', expected ';' or '{'", loc: { line: 4 } });
  });

  it('reports a missing closing brace at end of input', () => {
    const d = errors('module m {\n  leaf x { type string; }\n');
    expect(d).toMatchObject([{ code: 'syntax', message: "missing '}' at end of input", loc: { line: 3 } }]);
  });

  it('reports an extra closing brace', () => {
    const d = errors('module m {\n  prefix p;\n}\n}\n');
    expect(d).toMatchObject([{ code: 'syntax', loc: { line: 4, col: 1 } }]);
    expect(d[0].message).toBe("unexpected '}', expected end of input");
  });

  it('reports an unexpected semicolon', () => {
    const d = errors('module m {\n  prefix p;;\n}');
    expect(d[0]).toMatchObject({ code: 'syntax', loc: { line: 2, col: 12 } });
    expect(d[0].message).toMatch(/^unexpected ';'/);
  });

  it('reports an unterminated string once, at its start', () => {
    const d = errors('module m {\n  description "oops;\n}\n');
    expect(d).toEqual([
      { code: 'syntax', severity: 'error', message: 'unterminated string', loc: { file: 'bad.yang', line: 2, col: 15 } },
    ]);
    expect(errors("module m {\n  prefix 'p;\n}")).toMatchObject([{ message: 'unterminated string', loc: { line: 2 } }]);
  });

  it('reports an unterminated comment', () => {
    expect(errors('module m {\n  prefix p; /* no end\n}')).toMatchObject([
      { code: 'syntax', message: 'unterminated comment', loc: { line: 2, col: 13 } },
    ]);
  });

  it('rejects a second top-level statement', () => {
    const d = errors('module a { prefix a; }\nmodule b { prefix b; }\n');
    expect(d).toMatchObject([{ code: 'syntax', loc: { line: 2, col: 1 } }]);
    expect(d[0].message).toBe("unexpected 'module', expected end of input");
  });

  it('rejects empty input and a lone + concatenation', () => {
    expect(errors('')).toMatchObject([{ code: 'syntax', message: /end of input/ }]);
    expect(errors('// only a comment\n')).toHaveLength(1);
    expect(errors('module m { description "a" + ; }')[0]).toMatchObject({ code: 'syntax', loc: { col: 30 } });
  });

  it('never throws on garbage', () => {
    for (const text of ['}{', '"', "'", '/*', '\\', 'a b c d', '{{{{', 'module "x" { ; }', '\u0000\uFFFF']) {
      const r = parseYang(text, 'g.yang');
      expect(r.statement).toBeUndefined();
      expect(r.diagnostics.length).toBeGreaterThan(0);
      expect(r.diagnostics.every((d) => d.code === 'syntax' || d.code === 'bad-character')).toBe(true);
    }
  });
});

describe('corpus', () => {
  const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

  it('parses every .yang file in shared/corpus without errors', () => {
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.yang'))
      .map((f) => path.join(corpus, f));
    expect(files.length).toBeGreaterThan(500);
    const problems: string[] = [];
    let count = 0;
    for (const file of files) {
      const r = parseYang(readFileSync(file), file);
      problems.push(...r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
      if (r.statement) {
        expect(['module', 'submodule']).toContain(r.statement.keyword);
        count++;
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBe(files.length);
  });
});

describe('statement parser: the language of grammar/YangParser.g4', () => {
  /** Whether ANTLR's generated parser takes `text` without a syntax error. */
  function antlrAccepts(text: string): boolean {
    const parser = new YangParser(new CommonTokenStream(new YangTokenSource(text)));
    parser.removeErrorListeners();
    let errors = 0;
    parser.addErrorListener({ syntaxError: () => void errors++, reportAmbiguity: () => {}, reportAttemptingFullContext: () => {}, reportContextSensitivity: () => {} });
    parser.file();
    return errors === 0;
  }

  it('accepts exactly what ANTLR accepts, on 2000 random token sequences', () => {
    let seed = 15; // mulberry32, so a failure can be replayed
    const next = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    // Valid files are rare among random sequences: start most with a keyword and weight it.
    const words = ['k', 'k', 'k', 'x:k', '"s"', "'q'", '+', '+5', ';', ';', '{', '{', '}', '}', '"open', '/* c'];
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const length = 1 + Math.floor(next() * 12);
      const text = ['k', ...Array.from({ length }, () => words[Math.floor(next() * words.length)])].join(' ');
      const r = parseYang(text, 'r.yang');
      expect(r.diagnostics.filter((d) => d.message.startsWith('internal')), text).toEqual([]);
      expect(r.statement !== undefined, text).toBe(antlrAccepts(text));
      if (r.statement) accepted++;
    }
    expect(accepted).toBeGreaterThan(25);
  });
});
