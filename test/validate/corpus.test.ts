/** validateData over real corpus modules: example-jukebox, ietf-interfaces + ietf-ip, openconfig-interfaces + openconfig-if-ip. */
import { describe, expect, it } from 'vitest';
import { validateData } from '../../src/validate/index.js';
import { corpusSchema, rules } from './helpers.js';

describe('example-jukebox (RFC 8040 appendix A)', () => {
  const s = corpusSchema('examples/example-jukebox.yang');
  const library = {
    artist: [{ name: 'Foo Fighters', album: [{ name: 'Wasting Light', genre: 'example-jukebox:alternative', year: 2011, song: [{ name: 'Rope', location: '/media/rope.mp3' }] }] }],
  };
  // RFC 7951 6.11: the module name only where it changes.
  const song = "/example-jukebox:jukebox/library/artist[name='Foo Fighters']/album[name='Wasting Light']/song[name='Rope']";

  it('accepts a playlist whose song id names an existing song', () => {
    expect(rules(s, { 'example-jukebox:jukebox': { library, playlist: [{ name: 'p', song: [{ index: 1, id: song }] }] } })).toEqual([]);
  });

  it('refuses a playlist song that names no song (the issue example), and a missing mandatory location', () => {
    const errors = validateData(
      s,
      { 'example-jukebox:jukebox': { library: { artist: [{ name: 'A', album: [{ name: 'B', song: [{ name: 'C' }] }] }] }, playlist: [{ name: 'p', song: [{ index: 1, id: song }] }] } },
      { type: 'config' },
    );
    expect(errors.map((e) => [e.rule, e.path, e.tag, e.appTag])).toEqual([
      ['mandatory', "/example-jukebox:jukebox/library/artist[name='A']/album[name='B']/song[name='C']/location", 'data-missing', undefined],
      ['instance-required', "/example-jukebox:jukebox/playlist[name='p']/song[index='1']/id", 'data-missing', 'instance-required'],
    ]);
  });

  it('refuses the state counters in configuration but reads them as data', () => {
    expect(rules(s, { 'example-jukebox:jukebox': { library: { 'artist-count': 1 } } })).toEqual([{ rule: 'state-data', path: '/example-jukebox:jukebox/library/artist-count' }]);
    expect(rules(s, { 'example-jukebox:jukebox': { library: { 'artist-count': 1 } } }, { type: 'data' })).toEqual([]);
  });
});

describe('ietf-interfaces + ietf-ip', () => {
  const s = corpusSchema('ietf/ietf-ip@2018-02-22.yang', 'ietf/ietf-interfaces@2018-02-20.yang', 'iana/iana-if-type@2023-01-26.yang');
  const eth = (name: string, ipv4: object = {}) => ({ name, type: 'iana-if-type:ethernetCsmacd', 'ietf-ip:ipv4': ipv4 });

  it('accepts interfaces with addresses', () => {
    const doc = { 'ietf-interfaces:interfaces': { interface: [eth('eth0', { address: [{ ip: '192.0.2.1', 'prefix-length': 24 }] }), eth('eth1')] } };
    expect(rules(s, doc)).toEqual([]);
  });

  it('refuses an address without its subnet (mandatory choice) and an interface without its type', () => {
    const doc = { 'ietf-interfaces:interfaces': { interface: [eth('eth0', { address: [{ ip: '192.0.2.1' }] }), { name: 'lo' }] } };
    expect(rules(s, doc)).toEqual([
      { rule: 'missing-choice', path: "/ietf-interfaces:interfaces/interface[name='eth0']/ietf-ip:ipv4/address[ip='192.0.2.1']" },
      { rule: 'mandatory', path: "/ietf-interfaces:interfaces/interface[name='lo']/type" },
    ]);
  });

  it('refuses an ipv4 address that is not one, and a duplicate interface', () => {
    const doc = { 'ietf-interfaces:interfaces': { interface: [eth('eth0', { address: [{ ip: '300.1.1.1', 'prefix-length': 8 }] }), eth('eth0')] } };
    expect(rules(s, doc).map((e) => e.rule)).toEqual(['invalid-value', 'duplicate-entry']);
  });

  it('requires the mandatory state leaves in data (with state) but not in config; ipv4 mtu range', () => {
    const doc = { 'ietf-interfaces:interfaces': { interface: [{ name: 'x', type: 'iana-if-type:ethernetCsmacd', 'ietf-ip:ipv4': { mtu: 68 } }] } };
    expect(rules(s, doc)).toEqual([]);
    const x = "/ietf-interfaces:interfaces/interface[name='x']";
    expect(rules(s, doc, { type: 'data' })).toEqual([
      { rule: 'mandatory', path: `${x}/admin-status` },
      { rule: 'mandatory', path: `${x}/oper-status` },
      { rule: 'mandatory', path: `${x}/if-index` },
      { rule: 'mandatory', path: `${x}/statistics/discontinuity-time` },
    ]);
    expect(rules(s, { 'ietf-interfaces:interfaces': { interface: [{ name: 'x', type: 'iana-if-type:ethernetCsmacd', 'ietf-ip:ipv4': { mtu: 67 } }] } })).toEqual([
      { rule: 'invalid-value', path: `${x}/ietf-ip:ipv4/mtu` },
    ]);
  });
});

describe('openconfig-interfaces + openconfig-if-ip', () => {
  const s = corpusSchema('openconfig/release/models/interfaces/openconfig-if-ip.yang', 'openconfig/release/models/interfaces/openconfig-interfaces.yang');
  const iface = (name: string, extra: object = {}) => ({ name, config: { name, type: 'iana-if-type:ethernetCsmacd', ...extra } });

  it('accepts interfaces whose list keys reference their config leaves', () => {
    expect(rules(s, { 'openconfig-interfaces:interfaces': { interface: [iface('eth0'), iface('eth1', { mtu: 9000 })] } })).toEqual([]);
  });

  it('refuses a key leaf that does not match its config/name leafref', () => {
    expect(rules(s, { 'openconfig-interfaces:interfaces': { interface: [{ name: 'eth0', config: { name: 'eth1', type: 'iana-if-type:ethernetCsmacd' } }] } })).toEqual([
      { rule: 'instance-required', path: "/openconfig-interfaces:interfaces/interface[name='eth0']/name" },
    ]);
  });
});
