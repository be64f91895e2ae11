/** One test per rule of RFC 7950 section 8 over small inline modules, with the valid boundary beside each. */
import { describe, expect, it } from 'vitest';
import { validateData } from '../../src/validate/index.js';
import { compileSources, mod } from '../compile/helpers.js';
import { rules, schemaOf } from './helpers.js';

describe('document shape and values', () => {
  const s = schemaOf(`
    container c {
      leaf n { type uint8 { range "1..10"; } }
      leaf p { type string { pattern '[a-z]+' { error-app-tag "lowercase"; error-message "only lowercase"; } } }
      leaf e { type empty; }
      leaf big { type int64; }
      leaf-list tags { type string; }
      list l { key "k"; leaf k { type string; } leaf v { type string; } }
      leaf st { type string; config false; }
    }`);

  it('accepts a valid document and reports nothing', () => {
    expect(rules(s, { 'm:c': { n: 10, p: 'abc', e: [null], big: '-9223372036854775808', tags: ['a', 'b'], l: [{ k: 'x', v: 'y' }] } })).toEqual([]);
  });

  it('reports bad values, with the pattern error-app-tag and message', () => {
    const errors = validateData(s, { 'm:c': { n: 11, p: 'ABC', big: 5 } }, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path, e.tag, e.appTag])).toEqual([
      ['invalid-value', '/m:c/n', 'invalid-value', 'range-violation'],
      ['invalid-value', '/m:c/p', 'invalid-value', 'lowercase'],
      ['invalid-value', '/m:c/big', 'invalid-value', undefined],
    ]);
    expect(errors[1]!.message).toContain('only lowercase');
  });

  it('reads lexical (XML) values as strings', () => {
    expect(rules(s, { 'm:c': { n: '7', e: '', big: '12', tags: ['a'] } }, { type: 'config', encoding: 'lexical' })).toEqual([]);
    expect(rules(s, { 'm:c': { n: 'seven' } }, { type: 'config', encoding: 'lexical' })).toEqual([{ rule: 'invalid-value', path: '/m:c/n' }]);
  });

  it('reports unknown members and wrong shapes, pointing at the member', () => {
    const doc = { 'm:c': { zz: 1, l: { k: 'x' }, tags: 'a', n: [1] }, 'm:nope': {} };
    const errors = validateData(s, doc, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path])).toEqual([
      ['unknown-element', '/m:c/zz'],
      ['bad-shape', '/m:c/l'],
      ['bad-shape', '/m:c/tags'],
      ['bad-shape', '/m:c/n'],
      ['unknown-element', '/m:nope'],
    ]);
    expect(errors[0]!.at).toEqual({ holder: doc['m:c'], key: 'zz' });
    expect(errors[4]!.at).toEqual({ holder: doc, key: 'm:nope' });
  });

  it('reports list entries without keys and repeated keys or leaf-list values', () => {
    const doc = { 'm:c': { l: [{ k: 'x' }, { v: 'no key' }, { k: 'x' }], tags: ['a', 'a'] } };
    const errors = validateData(s, doc, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path])).toEqual([
      ['missing-key', '/m:c/l'],
      ['duplicate-entry', "/m:c/l[k='x']"],
      ['duplicate-entry', "/m:c/tags[.='a']"],
    ]);
    expect(errors[1]!.at).toEqual({ holder: doc['m:c'].l, key: 2 });
    expect(errors[2]!.at).toEqual({ holder: doc['m:c'].tags, key: 1 });
  });

  it('refuses state data in config and edit documents only', () => {
    expect(rules(s, { 'm:c': { st: 'x' } })).toEqual([{ rule: 'state-data', path: '/m:c/st' }]);
    expect(rules(s, { 'm:c': { st: 'x' } }, { type: 'edit' })).toEqual([{ rule: 'state-data', path: '/m:c/st' }]);
    expect(rules(s, { 'm:c': { st: 'x' } }, { type: 'data' })).toEqual([]);
    expect(rules(s, { 'm:c': { st: 'x' } }, { type: 'get-reply' })).toEqual([]);
  });

  it('checks RFC 7952 metadata against the annotations of the loaded modules', () => {
    const metadata = `module ietf-yang-metadata { namespace "urn:ietf:params:xml:ns:yang:ietf-yang-metadata"; prefix md; extension annotation { argument name; } }`;
    const header = '\n  import ietf-yang-metadata { prefix md; }\n  md:annotation level { type uint8 { range "1..3"; } }';
    const { schema: t } = compileSources({ 'm.yang': mod('container c { leaf n { type string; } leaf-list l { type string; } }', header), 'ietf-yang-metadata.yang': metadata });
    expect(rules(t, { 'm:c': { n: 'x', '@n': { 'm:level': 2 }, l: ['a', 'b'], '@l': [null, { 'm:level': 1 }], '@': { 'm:level': 3 } } })).toEqual([]);
    expect(rules(t, { 'm:c': { n: 'x', '@n': { 'm:level': 4, level: 1, 'm:other': 1 } } })).toEqual([
      { rule: 'invalid-metadata', path: '/m:c/n' },
      { rule: 'unknown-metadata', path: '/m:c/n' },
      { rule: 'unknown-metadata', path: '/m:c/n' },
    ]);
    expect(rules(t, { 'm:c': { '@n': { 'm:level': 1 }, l: ['a'], '@l': [null, { 'm:level': 1 }] } })).toEqual([
      { rule: 'invalid-metadata', path: '/m:c/n' },
      { rule: 'invalid-metadata', path: '/m:c/l' },
    ]);
    expect(rules(s, { 'm:c': { n: 1, '@n': { 'ietf-netconf:operation': 'merge' } } })).toEqual([{ rule: 'unknown-metadata', path: '/m:c/n' }]);
  });
});

describe('choices', () => {
  const s = schemaOf(`
    container c {
      choice ch {
        mandatory true;
        case a { leaf a1 { type string; } leaf a2 { type string; } }
        leaf b { type string; }
      }
      choice opt {
        default one;
        case one { leaf x { type uint8; default 1; } }
        case two { leaf y { type uint8; default 2; } }
      }
      leaf check { type string; must "../x = 1 or ../y = 2"; }
    }`);

  it('reports members of two cases of one choice', () => {
    expect(rules(s, { 'm:c': { a1: 'x', b: 'y' } })).toEqual([{ rule: 'multiple-cases', path: '/m:c/b' }]);
    expect(rules(s, { 'm:c': { a1: 'x', a2: 'y' } })).toEqual([]);
  });

  it('reports a mandatory choice without data, with its error-app-tag', () => {
    const errors = validateData(s, { 'm:c': {} }, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path, e.tag, e.appTag])).toEqual([['missing-choice', '/m:c', 'data-missing', 'missing-choice']]);
  });

  it('gives the default case its defaults only while no other case has data (7.9.3)', () => {
    // x = 1 from the default case satisfies the must; with case two chosen, y's default does.
    expect(rules(s, { 'm:c': { b: 'v', check: 'ok' } })).toEqual([]);
    expect(rules(s, { 'm:c': { b: 'v', y: 5, check: 'ok' } })).toEqual([{ rule: 'must-violation', path: '/m:c/check' }]);
    expect(rules(s, { 'm:c': { b: 'v', x: 3, check: 'ok' } })).toEqual([{ rule: 'must-violation', path: '/m:c/check' }]);
  });
});

describe('defaults in the accessible tree', () => {
  it('adds defaults and implicit containers an expression can reach, by name or by wildcard', () => {
    const byName = schemaOf(`
      container c {
        container inner { leaf d { type uint8; default 5; } }
        leaf check { type string; must "../inner/d = 5"; }
      }`);
    expect(rules(byName, { 'm:c': { check: 'x' } })).toEqual([]);
    expect(rules(byName, { 'm:c': { check: 'x', inner: { d: 6 } } })).toEqual([{ rule: 'must-violation', path: '/m:c/check' }]);
    const byWildcard = schemaOf(`
      container c {
        container a { leaf x { type uint8; default 1; } }
        container b { presence "p"; }
        leaf check { type string; must "count(../*) = 3"; }
      }`);
    // a (implicit), check and b: the presence container only when written.
    expect(rules(byWildcard, { 'm:c': { check: 'x', b: {} } })).toEqual([]);
    expect(rules(byWildcard, { 'm:c': { check: 'x' } })).toEqual([{ rule: 'must-violation', path: '/m:c/check' }]);
  });

  it('refuses a document that is not an object', () => {
    const s = schemaOf('leaf x { type string; }');
    expect(rules(s, [1, 2])).toEqual([{ rule: 'bad-shape', path: '/' }]);
  });
});

describe('must', () => {
  const s = schemaOf(`
    container c {
      leaf low { type uint8; default 10; }
      leaf high {
        type uint8;
        must ". > ../low" { error-message "high must exceed low"; error-app-tag "high-low"; }
      }
      list l {
        key k;
        leaf k { type uint8; must ". < 100"; }
      }
      leaf-list ll { type uint8; must ". != 0"; }
    }`);

  it('evaluates with the node as context, defaults visible, with the must error-message and error-app-tag', () => {
    expect(rules(s, { 'm:c': { high: 11 } })).toEqual([]);
    const errors = validateData(s, { 'm:c': { high: 10 } }, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path, e.tag, e.appTag, e.message])).toEqual([['must-violation', '/m:c/high', 'operation-failed', 'high-low', 'high must exceed low']]);
  });

  it('checks every list entry and leaf-list value, with app tag must-violation by default', () => {
    const errors = validateData(s, { 'm:c': { l: [{ k: 1 }, { k: 100 }], ll: [1, 0, 2] } }, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path, e.appTag])).toEqual([
      ['must-violation', '/m:c/l[k=\'100\']/k', 'must-violation'],
      ['must-violation', "/m:c/ll[.='0']", 'must-violation'],
    ]);
    expect(errors[0]!.message).toBe('Must condition ". < 100" not satisfied.');
  });
});

describe('when', () => {
  const s = schemaOf(`
    container c {
      leaf kind { type string; default "eth"; }
      leaf speed { type uint32; when "../kind = 'eth'"; }
      leaf mode { type string; default "auto"; when "../kind = 'wifi'"; }
      container wifi {
        when "../kind = 'wifi'";
        leaf ssid { type string; mandatory true; }
      }
      uses extra { when "kind = 'eth'"; }
      leaf needs-mode { type string; must "not(../mode)"; }
    }
    grouping extra { leaf mtu { type uint16; } }`);

  it('accepts nodes whose when holds, defaults count', () => {
    expect(rules(s, { 'm:c': { speed: 1000, mtu: 1500, 'needs-mode': 'x' } })).toEqual([]);
  });

  it('reports a node whose when is false; a uses when is evaluated from the parent', () => {
    const errors = validateData(s, { 'm:c': { kind: 'wifi', speed: 10, mtu: 1 } }, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path, e.tag])).toEqual([
      ['when-false', '/m:c/speed', 'unknown-element'],
      ['when-false', '/m:c/mtu', 'unknown-element'],
      // wifi exists (its when holds) as an implicit container, so its mandatory leaf is missing.
      ['mandatory', '/m:c/wifi/ssid', 'data-missing'],
    ]);
    expect(errors[0]!.message).toBe(`When condition "../kind = 'eth'" not satisfied.`);
  });

  it('a default whose when is false does not exist, and a false when spares mandatory nodes below it', () => {
    // mode's default exists only for wifi: the must sees it then.
    expect(rules(s, { 'm:c': { 'needs-mode': 'x' } })).toEqual([]);
    expect(rules(s, { 'm:c': { kind: 'wifi', wifi: { ssid: 'n' }, 'needs-mode': 'x' } })).toEqual([{ rule: 'must-violation', path: '/m:c/needs-mode' }]);
  });

  it('prunes nodes whose when is false from the document, until nothing changes (8.3.2)', () => {
    const doc = { 'm:c': { kind: 'wifi', speed: 10, mtu: 1, wifi: { ssid: 'n' } } };
    expect(validateData(s, doc, { type: 'config', prune: true })).toEqual([]);
    expect(doc).toEqual({ 'm:c': { kind: 'wifi', wifi: { ssid: 'n' } } });
  });

  it('prunes list entries and keeps the positions of the rest right', () => {
    const t = schemaOf(`
      list item {
        key id;
        leaf id { type uint8; }
        leaf on { type boolean; }
        leaf x { type string; when "../on = 'true'"; }
        container sub { when "../on = 'true'"; leaf y { type string; } }
      }
      list keep { key id; leaf id { type uint8; } leaf ref { type leafref { path "/item/id"; } } leaf bad { type uint8 { range "1..5"; } } }`);
    const doc = { 'm:item': [{ id: 1, on: false, x: 'a', sub: { y: 'b' } }, { id: 2, on: true, x: 'c' }], 'm:keep': [{ id: 7, ref: 3 }] };
    const errors = validateData(t, doc, { type: 'config', prune: true });
    expect(doc['m:item']).toEqual([{ id: 1, on: false }, { id: 2, on: true, x: 'c' }]);
    expect(errors.map((e) => e.rule)).toEqual(['instance-required']);
  });

  it('chains: removing one node can falsify another', () => {
    const t = schemaOf(`
      container c {
        leaf a { type string; }
        leaf b { type string; when "../a"; }
        leaf d { type string; when "../b"; }
      }`);
    const doc = { 'm:c': { b: 'x', d: 'y' } };
    expect(rules(t, doc)).toEqual([
      { rule: 'when-false', path: '/m:c/b' },
      { rule: 'when-false', path: '/m:c/d' },
    ]);
    validateData(t, doc, { type: 'config', prune: true });
    expect(doc).toEqual({ 'm:c': {} });
  });

  it('evaluates choice and case conditions from the parent', () => {
    const t = schemaOf(`
      container c {
        leaf t { type string; }
        choice ch {
          case one { when "t = 'one'"; leaf x { type string; } }
          case two { leaf y { type string; } }
        }
      }`);
    expect(rules(t, { 'm:c': { t: 'one', x: 'a' } })).toEqual([]);
    expect(rules(t, { 'm:c': { t: 'two', x: 'a' } })).toEqual([{ rule: 'when-false', path: '/m:c/x' }]);
  });
});

describe('leafref and instance-identifier', () => {
  const s = schemaOf(`
    container c {
      list iface { key name; leaf name { type string; } list unit { key id; leaf id { type uint16; } } }
      leaf primary { type leafref { path "../iface/name"; } }
      leaf loose { type leafref { path "../iface/name"; require-instance false; } }
      list bind {
        key "ifname unit";
        leaf ifname { type leafref { path "../../iface/name"; } }
        leaf unit { type leafref { path "/c/iface[name = current()/../ifname]/unit/id"; } }
      }
      leaf target { type instance-identifier; }
      leaf any-target { type instance-identifier { require-instance false; } }
    }`);
  const ifaces = [
    { name: 'eth0', unit: [{ id: 0 }, { id: 1 }] },
    { name: 'eth1', unit: [{ id: 5 }] },
  ];

  it('accepts references that resolve, through predicates with current()', () => {
    const doc = { 'm:c': { iface: ifaces, primary: 'eth1', loose: 'nowhere', bind: [{ ifname: 'eth0', unit: 1 }, { ifname: 'eth1', unit: 5 }], target: "/m:c/iface[name='eth1']", 'any-target': "/m:c/iface[name='eth9']" } };
    expect(rules(s, doc)).toEqual([]);
  });

  it('refuses instance-identifiers naming no schema node or an unloaded module, or with predicates their node does not take, whatever require-instance (9.13, RFC 7951 6.11)', () => {
    const malformed = ["/m:c/m:iface[name='eth0']", '/m:c/iface', "/m:c/iface[name='eth0'][name='eth0']", '/m:c/iface[1]', "/m:c[n='1']", "/m:c/iface[m:name='eth0']"];
    for (const value of ['/m:c/m:none', '/m:c/iface[m:name=\'eth0\']/unit[nope=\'1\']', '/x:c', 'c', ...malformed]) {
      expect(rules(s, { 'm:c': { 'any-target': value } })).toEqual([{ rule: 'invalid-value', path: '/m:c/any-target' }]);
    }
    // One error for a value its type refuses: no require-instance error besides.
    expect(rules(s, { 'm:c': { target: '/m:c/m:none' } })).toEqual([{ rule: 'invalid-value', path: '/m:c/target' }]);
  });

  it('reports dangling references with data-missing / instance-required', () => {
    const doc = { 'm:c': { iface: ifaces, primary: 'eth9', bind: [{ ifname: 'eth1', unit: 1 }], target: "/m:c/iface[name='eth9']" } };
    const errors = validateData(s, doc, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path, e.tag, e.appTag])).toEqual([
      ['instance-required', '/m:c/primary', 'data-missing', 'instance-required'],
      ['instance-required', "/m:c/bind[ifname='eth1'][unit='1']/unit", 'data-missing', 'instance-required'],
      ['instance-required', '/m:c/target', 'data-missing', 'instance-required'],
    ]);
    expect(errors[0]!.message).toBe('Invalid leafref value "eth9" - no target instance "../iface/name" with the same value.');
  });
});

describe('references with their types', () => {
  const s = schemaOf(`
    container c {
      list iface { key name; leaf name { type string; } }
      leaf num { type leafref { path "../iface/name"; } }
      leaf either { type union { type uint8; type leafref { path "../iface/name"; } } }
      leaf loose { type union { type uint8; type leafref { path "../iface/name"; require-instance false; } } }
      anydata extra;
      anyxml raw;
    }`);
  const iface = [{ name: 'eth0' }];

  it('checks a union leafref for require-instance when the value matched that member (9.9, 9.12)', () => {
    expect(rules(s, { 'm:c': { iface, either: 'eth0', loose: 'eth9' } })).toEqual([]);
    expect(rules(s, { 'm:c': { iface, either: 7 } })).toEqual([]);
    expect(rules(s, { 'm:c': { iface, either: 'eth9' } })).toEqual([{ rule: 'instance-required', path: '/m:c/either' }]);
  });

  it('reports a leafref value its type refuses once, as invalid-value', () => {
    const s2 = schemaOf(`
      container c {
        list port { key id; leaf id { type uint8; } }
        leaf ref { type leafref { path "../port/id"; } }
      }`);
    expect(rules(s2, { 'm:c': { port: [{ id: 1 }], ref: 300 } })).toEqual([{ rule: 'invalid-value', path: '/m:c/ref' }]);
  });

  it('wants an object for anydata (RFC 7951 5.5), any value for anyxml', () => {
    expect(rules(s, { 'm:c': { extra: { a: 1 }, raw: 'text' } })).toEqual([]);
    for (const extra of ['text', [1], 3]) expect(rules(s, { 'm:c': { extra } })).toEqual([{ rule: 'bad-shape', path: '/m:c/extra' }]);
    expect(rules(s, { 'm:c': { extra: '' } }, { type: 'config', encoding: 'lexical' })).toEqual([]);
    expect(rules(s, { 'm:c': { extra: 'hello' } }, { type: 'config', encoding: 'lexical' })).toEqual([{ rule: 'bad-shape', path: '/m:c/extra' }]);
  });
});

describe('unique', () => {
  const s = schemaOf(`
    list server {
      key name;
      unique "ip port";
      leaf name { type string; }
      leaf ip { type string; }
      leaf port { type uint16; default 80; }
    }`);

  it('counts defaults, skips entries where a unique leaf is absent', () => {
    expect(rules(s, { 'm:server': [{ name: 'a', ip: '1' }, { name: 'b', ip: '1', port: 81 }, { name: 'c' }, { name: 'd' }] })).toEqual([]);
    const errors = validateData(s, { 'm:server': [{ name: 'a', ip: '1' }, { name: 'b', ip: '1', port: 80 }] }, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path, e.tag, e.appTag])).toEqual([['data-not-unique', "/m:server[name='b']", 'operation-failed', 'data-not-unique']]);
    expect(errors[0]!.message).toBe(`Unique data leaf(s) "ip port" not satisfied in "/m:server[name='a']" and "/m:server[name='b']".`);
  });
});

describe('mandatory, min-elements and max-elements', () => {
  const s = schemaOf(`
    container top {
      leaf name { type string; mandatory true; }
      container np { leaf inner { type string; mandatory true; } }
      container pres { presence "on"; leaf inner { type string; mandatory true; } }
      leaf-list ll { type string; min-elements 1; max-elements 2; }
      list l { key k; min-elements 2; leaf k { type string; } }
      anydata blob { mandatory true; }
    }`);

  it('accepts the bounds exactly', () => {
    expect(rules(s, { 'm:top': { name: 'n', np: { inner: 'i' }, ll: ['a', 'b'], l: [{ k: '1' }, { k: '2' }], blob: { x: 1 } } })).toEqual([]);
  });

  it('reports each missing node and count, under existing parents only', () => {
    const doc = { 'm:top': { pres: {}, ll: ['a', 'b', 'c'], l: [{ k: '1' }] } };
    const errors = validateData(s, doc, { type: 'config' });
    expect(errors.map((e) => [e.rule, e.path, e.appTag])).toEqual([
      ['mandatory', '/m:top/name', undefined],
      ['too-many-elements', "/m:top/ll[.='c']", 'too-many-elements'],
      ['too-few-elements', '/m:top/l', 'too-few-elements'],
      ['mandatory', '/m:top/blob', undefined],
      ['mandatory', '/m:top/pres/inner', undefined],
      // a non-presence container exists when its parent does (RFC 7950 3.1 / 7.5.1)
      ['mandatory', '/m:top/np/inner', undefined],
    ]);
    expect(errors[0]!.at).toEqual({ holder: doc['m:top'], key: 'name' });
    expect(errors[4]!.at).toEqual({ holder: doc['m:top'].pres, key: 'inner' });
    expect(errors[5]!.at).toEqual({ holder: doc['m:top'], key: 'np' });
  });

  it('leaves partial documents (edit, get-reply) alone', () => {
    expect(rules(s, { 'm:top': { ll: ['a', 'b', 'c'] } }, { type: 'edit' })).toEqual([]);
    expect(rules(s, { 'm:top': {} }, { type: 'get-reply' })).toEqual([]);
  });

  it('applies min-elements only where the list when holds', () => {
    const t = schemaOf(`
      container c {
        leaf on { type boolean; default false; }
        leaf-list v { type string; min-elements 1; when "../on = 'true'"; }
      }`);
    expect(rules(t, { 'm:c': {} })).toEqual([]);
    expect(rules(t, { 'm:c': { on: true } })).toEqual([{ rule: 'too-few-elements', path: '/m:c/v' }]);
  });
});
