/**
 * A hand-built SchemaSet: a subset of example-jukebox (RFC 8040 appendix A)
 * plus the constructs the RFC module lacks (choice, ordered-by user leaf-list,
 * action, notification, defaults) and an augmenting module so namespace
 * changes inside a tree are exercised.
 */
import type { SchemaSet, TypeIR } from '../../src/ir/types.js';
import {
  action,
  buildSchemaSet,
  caseNode,
  choice,
  container,
  leaf,
  leafList,
  list,
  notification,
  rpc,
  type,
} from '../../src/restconf/ir-builder.js';

export const JUKEBOX = 'example-jukebox';
export const JUKEBOX_NS = 'http://example.com/ns/example-jukebox';
export const EXT = 'example-jukebox-ext';
export const EXT_NS = 'http://example.com/ns/example-jukebox-ext';

const GENRES = ['alternative', 'blues', 'country', 'jazz', 'pop', 'rock'];

const name1 = (): TypeIR => type('string', { length: [{ min: '1', max: '18446744073709551615' }] });

export function jukeboxSchema(): SchemaSet {
  const genre = type('identityref', {
    identityref: { bases: [`${JUKEBOX}:genre`], values: GENRES.map((g) => `${JUKEBOX}:${g}`) },
  });
  const song = list('song', ['name'], [
    leaf('name', name1()),
    leaf('location', type('string'), { mandatory: true }),
    leaf('format', type('string')),
    leaf('length', type('uint32'), { units: 'seconds' }),
  ]);
  const album = list('album', ['name'], [
    leaf('name', name1()),
    leaf('genre', genre),
    leaf('year', type('uint16', { range: [{ min: '1900', max: '65535' }] })),
    container('admin', [leaf('label', type('string')), leaf('catalogue-number', type('string'))]),
    song,
    action(
      'rate',
      [leaf('stars', type('uint8', { range: [{ min: '1', max: '5' }] }), { mandatory: true })],
      [leaf('average', type('decimal64', { fractionDigits: 1 }))],
    ),
  ]);
  const artist = list('artist', ['name'], [leaf('name', name1()), album]);
  const library = container('library', [artist, leaf('artist-count', type('uint32'), { config: false })]);
  const playlist = list('playlist', ['name'], [
    leaf('name', type('string')),
    leaf('description', type('string')),
    list('song', ['index'], [leaf('index', type('uint32')), leaf('id', type('instance-identifier'), { mandatory: true })], { orderedBy: 'user' }),
  ]);
  const player = container('player', [
    leaf('gap', type('decimal64', { fractionDigits: 1, range: [{ min: '0.0', max: '2.0' }] })),
    leaf('volume', type('uint8', { range: [{ min: '0', max: '100' }] }), { default: '50' }),
    leafList('queue', type('string'), { orderedBy: 'user', maxElements: 4 }),
    choice(
      'source',
      [
        caseNode('radio', [leaf('station', type('string'))]),
        caseNode('stream', [leaf('url', type('string')), leaf('bitrate', type('uint32'), { default: '128' })]),
      ],
      { default: 'stream' },
    ),
    // Augmented by example-jukebox-ext: the namespace changes below player.
    leaf('shuffle', type('boolean'), { module: EXT }),
    leaf('play-count', type('int64'), { module: EXT }),
    leaf('flags', type('bits', { bits: [{ name: 'repeat', position: 0, status: 'current' }, { name: 'random', position: 1, status: 'current' }] }), { module: EXT }),
    leaf('mute', type('empty'), { module: EXT }),
    leaf(
      'limit',
      type('union', {
        union: [type('uint8'), type('enumeration', { enums: [{ name: 'unlimited', value: 0, status: 'current' }] })],
      }),
      { module: EXT },
    ),
    leaf('code', type('string', { patterns: [{ regex: '[A-Z]{3}-[0-9]+', ecma: '^(?:[A-Z]{3}-[0-9]+)$', invertMatch: false }] }), { module: EXT }),
    leaf(
      'favourite-artist',
      type('leafref', {
        leafref: { path: '/jbox:jukebox/jbox:library/jbox:artist/jbox:name', prefixes: { jbox: JUKEBOX }, target: `/${JUKEBOX}:jukebox/library/artist/name`, type: name1() },
        requireInstance: true,
      }),
      { module: EXT },
    ),
  ]);
  return buildSchemaSet([
    {
      name: JUKEBOX,
      namespace: JUKEBOX_NS,
      prefix: 'jbox',
      revision: '2016-08-15',
      identities: { genre: [], ...Object.fromEntries(GENRES.map((g) => [g, ['genre']])) },
      data: [container('jukebox', [library, playlist, player], { presence: 'An empty container indicates that the jukebox service is available.' })],
      rpcs: [
        rpc('play', [leaf('playlist', type('string'), { mandatory: true }), leaf('song-number', type('uint32'), { mandatory: true })]),
        rpc('status', undefined, [leaf('state', type('enumeration', { enums: [{ name: 'idle', value: 0, status: 'current' }, { name: 'playing', value: 1, status: 'current' }] }))]),
      ],
      notifications: [notification('song-played', [leaf('title', type('string'), { mandatory: true }), leaf('seconds', type('uint32'))])],
    },
    { name: EXT, namespace: EXT_NS, prefix: 'jbext', revision: '2024-01-01', imports: [JUKEBOX] },
  ]);
}

/** Seed content for the fixture schema, RFC 7951 JSON. */
export const JUKEBOX_DATA = {
  'example-jukebox:jukebox': {
    library: {
      artist: [
        {
          name: 'Foo Fighters',
          album: [
            { name: 'Wasting Light', genre: 'example-jukebox:alternative', year: 2011, admin: { label: 'RCA' }, song: [{ name: 'Rope', location: '/media/rope.mp3' }] },
            { name: 'One by One', year: 2002 },
          ],
        },
        { name: 'Nick Cave', album: [{ name: 'Ghosteen', year: 2019 }] },
      ],
    },
    playlist: [{ name: 'Foo-One', song: [{ index: 1, id: '/example-jukebox:jukebox/library/artist[name="Foo Fighters"]' }, { index: 2, id: "/example-jukebox:jukebox/library/artist[name='Nick Cave']" }] }],
    player: { gap: '0.5', queue: ['a', 'b'] },
  },
};
