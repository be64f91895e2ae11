import { describe, expect, it } from 'vitest';
import { parseYang } from '../../src/syntax/index.js';

const where = (r: ReturnType<typeof parseYang>) => r.diagnostics.map((d) => [d.code, d.severity, d.loc.line, d.loc.col]);
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('escapes by yang-version (RFC 7950 6.1.3)', () => {
  const module = (version: string, body: string) => `module m {\n${version}  namespace "urn:m";\n  prefix m;\n${body}\n}\n`;

  it('makes an unknown escape an error in YANG 1.1 and keeps the tree', () => {
    const r = parseYang(module('  yang-version 1.1;\n', '  description "a \\q b";'), 'm.yang');
    expect(where(r)).toEqual([['bad-escape', 'error', 5, 18]]);
    expect(r.diagnostics[0]!.message).toBe(`unknown escape sequence '\\q' in double-quoted string (RFC 7950 6.1.3 allows \\n, \\t, \\" and \\\\)`);
    expect(r.statement).toBeDefined();
  });

  it('warns about it in YANG 1 and keeps the pair', () => {
    const r = parseYang(module('', '  description "a \\q b";'), 'm.yang');
    expect(where(r)).toEqual([['bad-escape', 'warning', 4, 18]]);
    expect(r.statement!.children.at(-1)!.arg).toBe('a \\q b');
  });

  it('treats a backslash before a line break the same way', () => {
    expect(where(parseYang(module('  yang-version 1.1;\n', '  description "a \\\n  b";'), 'm.yang'))).toEqual([['bad-escape', 'error', 5, 18]]);
    expect(where(parseYang(module('', '  description "a \\\n  b";'), 'm.yang'))).toEqual([['bad-escape', 'warning', 4, 18]]);
  });

  it('reads the version of a submodule from the submodule', () => {
    const r = parseYang('submodule s {\n  yang-version 1.1;\n  belongs-to m { prefix m; }\n  description "\\x";\n}\n', 's.yang');
    expect(where(r)).toEqual([['bad-escape', 'error', 4, 16]]);
  });

  it('leaves single-quoted strings alone', () => {
    expect(parseYang(module('  yang-version 1.1;\n', "  description 'a \\q b';"), 'm.yang').diagnostics).toEqual([]);
  });
});

describe('characters (RFC 7950 section 6, yang-char)', () => {
  it('rejects C0 controls other than tab, LF and CR, at their position', () => {
    const r = parseYang('module m {\n  description "a\u0000b\u0001";\n  prefix m;\r\n}\n', 'm.yang');
    expect(where(r)).toEqual([
      ['bad-character', 'error', 2, 17],
      ['bad-character', 'error', 2, 19],
    ]);
    expect(r.diagnostics[0]!.message).toBe('character U+0000 is not allowed in a YANG file (RFC 7950 section 6)');
    expect(r.statement).toBeDefined();
  });

  it('rejects noncharacters and unpaired surrogates, accepts other characters', () => {
    for (const c of ['\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}', '\uD800', '\uDC00']) {
      expect(where(parseYang(`module m { description "${c}"; }`, 'm.yang')), c).toEqual([['bad-character', 'error', 1, 25]]);
    }
    for (const c of ['\t', '\u007F', '\u0085', '\uFDCF', '\uFDF0', '\uFFFD', '\u{1F600}', '\u{10FFFD}', '\uFEFF']) {
      expect(parseYang(`module m { description "${c}"; }`, 'm.yang').diagnostics, c).toEqual([]);
    }
  });
});

describe('UTF-8 (RFC 7950 section 6)', () => {
  it('decodes the bytes of a file', () => {
    const r = parseYang(bytes('\uFEFFmodule m { description "caf\u00e9 \u{1F600}"; }'), 'm.yang');
    expect(r.diagnostics).toEqual([]);
    expect(r.statement!.children[0]!.arg).toBe('caf\u00e9 \u{1F600}');
  });

  it('locates the first invalid byte and goes on parsing', () => {
    const r = parseYang(bytes('module m {\n  description "\u00e9t', [0xe9], ' ', [0xff], '";\n}\n'), 'm.yang');
    expect(where(r)).toEqual([['bad-utf8', 'error', 2, 18]]);
    expect(r.diagnostics[0]!.message).toBe('invalid UTF-8 at byte 0xE9: a YANG file must be UTF-8 (RFC 7950 section 6)');
    expect(r.statement).toBeDefined();
  });

  it('rejects overlong forms, encoded surrogates, truncated sequences and code points above U+10FFFF', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]) {
      expect(where(parseYang(bytes('module m { description "', bad, '"; }'), 'm.yang')), String(bad)).toEqual([['bad-utf8', 'error', 1, 25]]);
    }
  });
});
