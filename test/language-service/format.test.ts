import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Statement } from '../../src/syntax/statement.js';
import { parseYang } from '../../src/syntax/index.js';
import { formatDocument } from '../../src/language-service/format.js';
import { parseOutline } from '../../src/language-service/outline.js';
import { CORPUS } from '../corpus/paths.js';

function format(text: string, tabSize = 2): string {
  const doc = TextDocument.create('file:///m.yang', 'yang', 0, text);
  return TextDocument.applyEdits(doc, formatDocument(doc, parseOutline(text), { tabSize, insertSpaces: true }));
}

/** A statement tree without positions: what formatting must not change. */
const shape = (s: Statement | undefined): unknown => s && { k: s.keyword, p: s.prefix, a: s.arg, c: s.children.map(shape) };

const FILES = ['openconfig/release/models/interfaces/openconfig-interfaces.yang', 'ietf/ietf-interfaces@2018-02-20.yang', 'examples/example-jukebox.yang'].map((f) => join(CORPUS, f));

describe('formatting', () => {
  it('indents by block depth, a continued statement one level deeper', () => {
    const text = 'module m {\nnamespace "urn:m";\n      prefix m;\n container c {\nleaf x {\n type string;\n  description\n"d";\n}\n    }\n}\n';
    expect(format(text)).toBe('module m {\n  namespace "urn:m";\n  prefix m;\n  container c {\n    leaf x {\n      type string;\n      description\n        "d";\n    }\n  }\n}\n');
  });

  it('moves the lines of a double-quoted string with its first line, and keeps single-quoted ones', () => {
    const text = 'module m {\n      description "first\n               second";\n      reference \'a\n   b\';\n}\n';
    expect(format(text)).toBe('module m {\n  description "first\n           second";\n  reference \'a\n   b\';\n}\n');
  });

  it.each(FILES)('keeps every statement and argument of %s', (file) => {
    const text = readFileSync(file, 'utf8');
    for (const tabSize of [2, 4]) {
      const formatted = format(text, tabSize);
      expect(shape(parseYang(formatted, file).statement)).toEqual(shape(parseYang(text, file).statement));
      expect(format(formatted, tabSize)).toBe(formatted);
    }
  });
});
