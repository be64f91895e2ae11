import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError, DataPositions, LineIndex, mergeData, mergeDocuments, readJsonData, readXmlData } from '../../src/data-files/index.js';
import { compileYang } from '../../src/index.js';
import { SchemaIndex, type JsonObject } from '../../src/restconf/schema-index.js';
import { CORPUS } from '../corpus/paths.js';

const { schema } = compileYang({ files: [join(CORPUS, 'examples/example-jukebox.yang')] });
const NS = 'http://example.com/ns/example-jukebox';

function failure(read: () => unknown): DataFileError {
  try {
    read();
  } catch (err) {
    if (err instanceof DataFileError) return err;
    throw err;
  }
  throw new Error('expected a DataFileError');
}

describe('JSON instance documents', () => {
  it('records the line and column of every member value and array item', () => {
    const positions = new DataPositions();
    const doc = readJsonData('{\n  "a:x": {"list": [1,\n    {"k": true}]},\n  "b": "s"\n}', 'f.json', positions) as JsonObject;
    const x = doc['a:x'] as JsonObject;
    const list = x.list as unknown[];
    expect(positions.member(doc, 'a:x')).toEqual({ file: 'f.json', line: 2, col: 10 });
    expect(positions.member(list, 1)).toEqual({ file: 'f.json', line: 3, col: 5 });
    expect(positions.member(list[1] as object, 'k')).toEqual({ file: 'f.json', line: 3, col: 11 });
    expect(positions.member(doc, 'b')).toEqual({ file: 'f.json', line: 4, col: 8 });
    // A member that is not there points at the object it is missing from.
    expect(positions.locate({ holder: x, key: 'missing' })).toEqual({ file: 'f.json', line: 2, col: 10 });
    expect(positions.member(doc, 'toString')).toBeUndefined();
  });

  it('refuses comments, trailing commas and duplicate member names, at their place', () => {
    const at = (text: string) => {
      const e = failure(() => readJsonData(text, 'f.json', new DataPositions()));
      return [e.message, e.loc];
    };
    expect(at('{"a": 1,\n "a": 2}')).toEqual(['duplicate member "a"', { file: 'f.json', line: 2, col: 2 }]);
    expect(at('{"a": [1,]}')).toEqual(['malformed JSON: value expected', { file: 'f.json', line: 1, col: 10 }]);
    expect(at('// note\n{}')).toEqual(['malformed JSON: comments are not allowed in JSON', { file: 'f.json', line: 1, col: 1 }]);
    expect(at('')[0]).toBe('malformed JSON: value expected');
  });

  it('keeps "__proto__" an ordinary member', () => {
    const doc = readJsonData('{"__proto__": {"polluted": 1}}', 'f.json', new DataPositions()) as JsonObject;
    expect(Object.keys(doc)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('XML instance documents', () => {
  const xml = `<?xml version="1.0"?>
<jukebox xmlns="${NS}" xmlns:j="${NS}">
  <library>
    <artist><name>A</name>
      <album><name>B</name><genre>j:jazz</genre></album>
    </artist>
  </library>
  <playlist>
    <name>P</name>
    <song><index>1</index><id>/j:jukebox/j:library/j:artist[j:name='A']</id></song>
  </playlist>
</jukebox>
<play xmlns="${NS}"><playlist>P</playlist></play>`;

  it('converts to the RFC 7951 tree: lists as arrays, identities and instance-identifiers with module names', () => {
    const doc = readXmlData(xml, 'f.xml', schema, new DataPositions());
    expect(doc).toEqual({
      'example-jukebox:jukebox': {
        library: { artist: [{ name: 'A', album: [{ name: 'B', genre: 'example-jukebox:jazz' }] }] },
        playlist: [{ name: 'P', song: [{ index: '1', id: "/example-jukebox:jukebox/library/artist[name='A']" }] }],
      },
      'example-jukebox:play': { playlist: 'P' },
    });
  });

  it('records the start tag of every element, list entries included', () => {
    const positions = new DataPositions();
    const doc = readXmlData(xml, 'f.xml', schema, positions);
    const jukebox = doc['example-jukebox:jukebox'] as JsonObject;
    const artists = (jukebox.library as JsonObject).artist as JsonObject[];
    expect(positions.member(doc, 'example-jukebox:jukebox')).toEqual({ file: 'f.xml', line: 2, col: 1 });
    expect(positions.member(artists, 0)).toEqual({ file: 'f.xml', line: 4, col: 5 });
    expect(positions.member(artists[0]!, 'name')).toEqual({ file: 'f.xml', line: 4, col: 13 });
    expect(positions.locate({ holder: artists[0]!, key: 'missing' })).toEqual({ file: 'f.xml', line: 4, col: 5 });
    expect(positions.member(doc, 'example-jukebox:play')).toEqual({ file: 'f.xml', line: 13, col: 1 });
  });

  it('reports unknown elements, undeclared prefixes and malformed text at their place', () => {
    const at = (text: string) => {
      const e = failure(() => readXmlData(text, 'f.xml', schema, new DataPositions()));
      return [e.rule, e.loc];
    };
    expect(at(`<jukebox xmlns="${NS}">\n  <nothing/>\n</jukebox>`)).toEqual(['unknown-element', { file: 'f.xml', line: 2, col: 3 }]);
    expect(at(`<jukebox xmlns="${NS}">\n  <x:library/>\n</jukebox>`)).toEqual(['malformed-message', { file: 'f.xml', line: 2, col: 3 }]);
    expect(at(`<jukebox xmlns="${NS}">\n  <library>\n</jukebox>`)[0]).toBe('malformed-message');
    expect(at(`<jukebox xmlns="urn:unknown"/>`)).toEqual(['unknown-namespace', { file: 'f.xml', line: 1, col: 1 }]);
  });
});

describe('merging documents', () => {
  it('merges list entries by key and keeps each value pointing into its own file', () => {
    const positions = new DataPositions();
    const a = readJsonData('{"example-jukebox:jukebox": {"library": {"artist": [\n{"name": "A"}]}}}', 'a.json', positions) as JsonObject;
    const b = readJsonData('{"example-jukebox:jukebox": {"library": {"artist": [\n{"name": "A",\n "album": [{"name": "X"}]},\n{"name": "B"}]}}}', 'b.json', positions) as JsonObject;
    mergeData(a, b, new SchemaIndex(schema).topLevel, undefined, positions);
    const artists = ((a['example-jukebox:jukebox'] as JsonObject).library as JsonObject).artist as JsonObject[];
    expect(artists.map((x) => x.name)).toEqual(['A', 'B']);
    expect(positions.member(artists[0]!, 'name')).toEqual({ file: 'a.json', line: 2, col: 10 });
    expect(positions.member(artists[0]!, 'album')).toEqual({ file: 'b.json', line: 3, col: 11 });
    expect(positions.member(artists, 1)).toEqual({ file: 'b.json', line: 4, col: 1 });
  });

  it('turns JSON values into strings when an XML file is merged in', () => {
    const positions = new DataPositions();
    const json = readJsonData('{"example-jukebox:jukebox": {"player": {"gap": "0.5"}, "playlist": [{"name": "P", "song": [{"index": 1, "id": "/x:y"}]}]}}', 'a.json', positions) as JsonObject;
    const xml = readXmlData(`<jukebox xmlns="${NS}"><playlist><name>Q</name></playlist></jukebox>`, 'b.xml', schema, positions);
    const merged = mergeDocuments([{ document: json, encoding: 'json' }, { document: xml, encoding: 'xml' }], schema, positions);
    expect(merged.encoding).toBe('lexical');
    const playlists = (merged.document['example-jukebox:jukebox'] as JsonObject).playlist as JsonObject[];
    expect(playlists.map((p) => p.name)).toEqual(['P', 'Q']);
    expect(((playlists[0]!.song as JsonObject[])[0]!).index).toBe('1');
  });
});

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const lines = new LineIndex('ab\ncd\n\nef', 'f');
    expect([0, 2, 3, 6, 7, 8].map((o) => [lines.loc(o).line, lines.loc(o).col])).toEqual([[1, 1], [1, 3], [2, 1], [3, 1], [4, 1], [4, 2]]);
  });
});
