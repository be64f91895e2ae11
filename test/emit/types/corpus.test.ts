import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '../../../src/emit/types/index.js';
import { compile, importGenerated, typeCheck, writeFiles, type TypeCheck } from './helpers.js';

const OPENCONFIG = 'openconfig/release/models';

/** IETF and OpenConfig modules compiled as one schema set, so shared imports are emitted once. */
const MODULES = [
  'ietf/ietf-interfaces@2018-02-20.yang',
  'ietf/ietf-ip@2018-02-22.yang',
  'ietf/iana-if-type@2014-05-08.yang',
  'ietf/ietf-routing@2018-03-13.yang',
  'ietf/ietf-system@2014-08-06.yang',
  'ietf/ietf-netconf-acm@2018-02-14.yang',
  'ietf/ietf-access-control-list@2019-03-04.yang',
  'examples/example-jukebox.yang',
  `${OPENCONFIG}/interfaces/openconfig-interfaces.yang`,
  `${OPENCONFIG}/network-instance/openconfig-network-instance.yang`,
];

/** RFC 8040 Appendix B.1 GET response (decimal64 `gap` as a string, as RFC 7951 encodes it) and B.5 rpc input. */
const jukebox = {
  'example-jukebox:jukebox': {
    library: {
      artist: [
        {
          name: 'Foo Fighters',
          album: [
            {
              name: 'Wasting Light',
              genre: 'example-jukebox:alternative',
              year: 2011,
              song: [
                { name: 'Wasting Light', location: '/media/foo/a7/wasting-light.mp3', format: 'MP3', length: 286 },
                { name: 'Rope', location: '/media/foo/a7/rope.mp3', format: 'MP3', length: 259 },
              ],
            },
          ],
        },
      ],
    },
    playlist: [
      {
        name: 'Foo-One',
        description: 'example playlist 1',
        song: [{ index: 1, id: "/example-jukebox:jukebox/library/artist[name='Foo Fighters']/album[name='Wasting Light']/song[name='Rope']" }],
      },
    ],
    player: { gap: '0.5' },
  },
};
const playInput = { playlist: 'Foo-One', 'song-number': 2 };

describe('types for a set of IETF and OpenConfig corpus modules', () => {
  let files: Map<string, string>;
  let check: TypeCheck;

  beforeAll(async () => {
    files = await emitTypes(compile(MODULES), { validators: true });
    const checkSource = [
      `import type { ExampleJukeboxData, Play_Input } from './example-jukebox.js';`,
      `export const jukebox: ExampleJukeboxData = ${JSON.stringify(jukebox)};`,
      `export const playInput: Play_Input = ${JSON.stringify(playInput)};`,
    ].join('\n');
    check = typeCheck(writeFiles(files, { 'check.ts': checkSource }), ['check.ts', ...files.keys()]);
  });

  it('emits a file per input module', () => {
    const names = MODULES.map((m) => `${m.split('/').pop()!.replace(/(@[\d-]+)?\.yang$/, '')}.ts`);
    for (const name of names) expect(files.has(name), name).toBe(true);
  });

  it('emits code that type-checks under the strictest settings, and types the RFC 8040 jukebox examples', () => {
    expect(check.all).toEqual([]);
  });

  it('validates the RFC 8040 jukebox examples', async () => {
    const generated = (await importGenerated(files, 'example-jukebox.ts')) as Record<string, (v: unknown) => { path: string }[]>;
    expect(generated.validateExampleJukeboxData!(jukebox)).toEqual([]);
    expect(generated.validatePlay_Input!(playInput)).toEqual([]);
    expect(generated.validateExampleJukeboxData!({ 'example-jukebox:jukebox': { player: { gap: '2.5' } } })).toEqual([
      expect.objectContaining({ path: '/example-jukebox:jukebox/player/gap', rule: 'invalid-value', appTag: 'range-violation' }),
    ]);
    // RFC 7950 9.13.1: the playlist song's instance-identifier must name an existing song.
    const dangling = structuredClone(jukebox);
    dangling['example-jukebox:jukebox'].playlist[0]!.song[0]!.id = "/example-jukebox:jukebox/library/artist[name='Nobody']";
    expect(generated.validateExampleJukeboxData!(dangling)).toEqual([
      expect.objectContaining({ path: "/example-jukebox:jukebox/playlist[name='Foo-One']/song[index='1']/id", rule: 'instance-required' }),
    ]);
  });
});
