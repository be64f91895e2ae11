import { describe, expect, it } from 'vitest';
import type { IdentityIR, TypeIR } from '../../src/ir/types.js';
import { compileXPath, evaluate, instanceTargets, referencedNodes, stringValue, XPathCache, type XNode, type XPathEnv, type XValue } from '../../src/xpath/index.js';
import { at, E, L, tree } from './tree.js';

function identity(qname: string, ...bases: string[]): [string, IdentityIR] {
  const [module, name] = qname.split(':') as [string, string];
  return [qname, { module, name, bases, derived: [], status: 'current' }];
}
// iana-if-type:ethernetCsmacd -> if:iana-interface-type -> if:interface-type; x:fast -> iana-if-type:ethernetCsmacd
const identities = Object.fromEntries([
  identity('if:interface-type'),
  identity('iana-if-type:iana-interface-type', 'if:interface-type'),
  identity('iana-if-type:ethernetCsmacd', 'iana-if-type:iana-interface-type'),
  identity('iana-if-type:softwareLoopback', 'iana-if-type:iana-interface-type'),
  identity('x:fast', 'iana-if-type:ethernetCsmacd', 'x:other-base'),
  identity('x:other-base'),
]);

const IDREF: Partial<TypeIR> = { base: 'identityref', identityref: { bases: ['if:interface-type'], values: [] } };
const ENUM: Partial<TypeIR> = {
  base: 'enumeration',
  enums: [
    { name: 'up', value: 1, status: 'current' },
    { name: 'down', value: 2, status: 'current' },
    { name: 'testing', value: -3, status: 'current' },
  ],
};
const BITS: Partial<TypeIR> = {
  base: 'bits',
  bits: ['read', 'write', 'exec'].map((name, position) => ({ name, position, status: 'current' as const })),
};
const leafref = (path: string, prefixes: Record<string, string> = {}): Partial<TypeIR> => ({ base: 'leafref', leafref: { path, prefixes } });

const iface = (name: string, type: string, mtu: number, ...addresses: string[]) =>
  E('interface', L('name', name), L('type', type, IDREF), L('mtu', mtu, { base: 'uint16' }), L('status', 'down', ENUM), ...addresses.map((ip) => E('address', L('ip', ip))));

const root = tree(
  'if',
  E(
    'interfaces',
    iface('eth0', 'iana-if-type:ethernetCsmacd', 1500, '10.0.0.1', '10.0.0.2'),
    iface('eth1', 'x:fast', 9000, '10.0.0.2', '10.0.0.3'),
    iface('lo', 'iana-if-type:softwareLoopback', 65535),
  ),
  E(
    'refs',
    L('ifname', 'eth1'),
    L('ref', 'eth1', leafref('/if:interfaces/if:interface/if:name', { if: 'if' })),
    L('addr', '10.0.0.2', leafref('../../interfaces/interface[name = current()/../ifname]/address/ip')),
    L('dangling', 'eth9', leafref('/interfaces/interface/name')),
    L('iid', "/if:interfaces/interface[name='lo']/mtu", { base: 'instance-identifier' }),
    L('flags', 'read exec', BITS),
    L('plain', 'iana-if-type:ethernetCsmacd'),
    L('u', 'iana-if-type:softwareLoopback', { base: 'union', union: [{ base: 'string', name: 'string' }, { base: 'identityref', name: 'identityref' }] }),
  ),
);
const refs = at(root, 'refs');
const eth0 = at(root, 'interfaces/interface#1');

const PREFIXES = { if: 'if', ianaift: 'iana-if-type', x: 'x' };
function ev(expr: string, context: XNode = refs, env: Partial<XPathEnv> = {}, prefixes: Record<string, string> = PREFIXES): XValue {
  return evaluate(compileXPath({ expr, prefixes }), context, { defaultModule: 'if', identities, ...env });
}
const values = (v: XValue) => (v as XNode[]).map(stringValue);

describe('current() (RFC 7950 10.1.1)', () => {
  it('is the node the expression belongs to, also inside predicates', () => {
    const ref = at(refs, 'ref');
    expect(values(ev('/interfaces/interface[name = current()]/mtu', ref))).toEqual(['9000']);
    expect(values(ev('/interfaces/interface[name = current()/../ifname]/mtu', at(refs, 'addr')))).toEqual(['9000']);
    // With a current node given apart from the context node.
    expect(values(ev('interfaces/interface[name = current()]/mtu', root, { current: ref }))).toEqual(['9000']);
    expect(ev('current()', ref)).toEqual([ref]);
  });
  it('the ../name = current()/../x pattern of list keys', () => {
    const ip = at(root, 'interfaces/interface#2/address#1/ip');
    expect(values(ev('/interfaces/interface/address[ip = current()]/../name', ip))).toEqual(['eth0', 'eth1']);
    expect(ev('count(../../../interface[name = current()/../../name])', ip)).toBe(1);
  });
});

describe('identityref values compare as qualified names (RFC 7950 9.10.3)', () => {
  it("maps the literal's prefix through the expression's prefixes", () => {
    expect(ev("type = 'ianaift:ethernetCsmacd'", eth0)).toBe(true);
    expect(ev("type = 'iana-if-type:ethernetCsmacd'", eth0)).toBe(true);
    expect(ev("type != 'ianaift:ethernetCsmacd'", eth0)).toBe(false);
    expect(ev("'ianaift:ethernetCsmacd' = type", eth0)).toBe(true);
    expect(ev("type = 'ianaift:softwareLoopback'", eth0)).toBe(false);
    expect(values(ev("/interfaces/interface[type = 'ianaift:softwareLoopback']/name"))).toEqual(['lo']);
    expect(values(ev("/interfaces/interface[type = 'ianaift:softwareLoopback']/name", refs, { cache: new XPathCache() }))).toEqual(['lo']);
    // The same prefix bound to another module does not match.
    expect(ev("type = 'ianaift:ethernetCsmacd'", eth0, {}, { ianaift: 'other' })).toBe(false);
  });
  it('only where a side is an identityref node (or a union holding one)', () => {
    expect(ev("plain = 'ianaift:ethernetCsmacd'")).toBe(false);
    expect(ev("plain = 'iana-if-type:ethernetCsmacd'")).toBe(true);
    expect(ev("u = 'ianaift:softwareLoopback'")).toBe(true);
    expect(ev("'ianaift:x' = 'iana-if-type:x'")).toBe(false);
  });
});

describe('derived-from, derived-from-or-self (10.4.1, 10.5.1)', () => {
  it('follows the chain of bases', () => {
    const eth1 = at(root, 'interfaces/interface#2');
    expect(ev("derived-from(type, 'if:interface-type')", eth1)).toBe(true);
    expect(ev("derived-from(type, 'ianaift:iana-interface-type')", eth1)).toBe(true);
    expect(ev("derived-from(type, 'ianaift:ethernetCsmacd')", eth1)).toBe(true);
    expect(ev("derived-from(type, 'x:other-base')", eth1)).toBe(true);
    expect(ev("derived-from(type, 'x:fast')", eth1)).toBe(false);
    expect(ev("derived-from-or-self(type, 'x:fast')", eth1)).toBe(true);
    expect(ev("derived-from(type, 'ianaift:softwareLoopback')", eth1)).toBe(false);
    expect(ev("derived-from(type, 'iana-if-type:ethernetCsmacd')", eth0)).toBe(false);
    expect(ev("derived-from-or-self(type, 'iana-if-type:ethernetCsmacd')", eth0)).toBe(true);
  });
  it('unprefixed identities are in the default module; any node of the set may match', () => {
    expect(ev("derived-from(type, 'interface-type')", eth0)).toBe(true);
    expect(ev("count(/interfaces/interface[derived-from(type, 'ianaift:ethernetCsmacd')])")).toBe(1);
    expect(ev("derived-from(/interfaces/interface/type, 'ianaift:ethernetCsmacd')")).toBe(true);
    expect(ev("derived-from(nothing, 'if:interface-type')")).toBe(false);
  });
  it('ignores nodes that are not identityrefs', () => {
    expect(ev("derived-from-or-self(plain, 'ianaift:ethernetCsmacd')")).toBe(false);
  });
});

describe('re-match (10.2.1)', () => {
  it('matches the whole string with the XSD regex dialect', () => {
    expect(ev("re-match('abc', '[a-z]+')")).toBe(true);
    expect(ev("re-match('abc1', '[a-z]+')")).toBe(false);
    expect(ev("re-match('1abc', '[a-z]+')")).toBe(false);
    expect(ev("re-match('2024', '\\d{4}')")).toBe(true);
    expect(ev("re-match('x1-y', '\\i\\c*')")).toBe(true);
    expect(ev("re-match('1x', '\\i\\c*')")).toBe(false);
    expect(ev("re-match('bcd', '[a-z-[aeiou]]+')")).toBe(true);
    expect(ev("re-match('bad', '[a-z-[aeiou]]+')")).toBe(false);
    expect(ev("re-match('$', '$')")).toBe(true);
    expect(ev("re-match(name, 'eth\\d')", eth0)).toBe(true);
  });
});

describe('deref (10.3.1)', () => {
  it('follows a leafref to the nodes whose value is the leaf’s', () => {
    expect(ev('deref(ref)')).toEqual([at(root, 'interfaces/interface#2/name')]);
    expect(values(ev('deref(ref)/../mtu'))).toEqual(['9000']);
    expect(ev('deref(dangling)')).toEqual([]);
    expect(ev('deref(nothing)')).toEqual([]);
    expect(ev('deref(ifname)')).toEqual([]);
  });
  it('evaluates the path with current() = the leaf (key predicates)', () => {
    // 10.0.0.2 is an address of eth0 and of eth1; the predicate keeps eth1's.
    expect(ev('deref(addr)')).toEqual([at(root, 'interfaces/interface#2/address#1/ip')]);
    expect(values(ev('deref(addr)/../../name'))).toEqual(['eth1']);
  });
  it('follows an instance-identifier', () => {
    expect(ev('deref(iid)')).toEqual([at(root, 'interfaces/interface#3/mtu')]);
    expect(ev('deref(iid) = 65535')).toBe(true);
  });
});

describe('referencedNodes (require-instance checks)', () => {
  const env = { defaultModule: 'if', identities };
  it('is deref() for one leaf, with or without a cache', () => {
    const cache = new XPathCache();
    for (const e of [env, { ...env, cache }, { ...env, cache }]) {
      expect(referencedNodes(at(refs, 'ref'), e)).toEqual([at(root, 'interfaces/interface#2/name')]);
      expect(referencedNodes(at(refs, 'addr'), e)).toEqual([at(root, 'interfaces/interface#2/address#1/ip')]);
      expect(referencedNodes(at(refs, 'dangling'), e)).toEqual([]);
      expect(referencedNodes(at(refs, 'iid'), e)).toEqual([at(root, 'interfaces/interface#3/mtu')]);
      expect(referencedNodes(at(refs, 'ifname'), e)).toEqual([]);
    }
    // Only the path that does not depend on the leaf is kept by value.
    const byPath = cache.leafrefTargets.get(root)!;
    expect(byPath.size).toBe(2);
    const values = [...byPath.values()].map((byModule) => [...[...byModule.values()][0]!.keys()]);
    expect(values).toContainEqual(['eth0', 'eth1', 'lo']);
  });
});

describe('enum-value, bit-is-set (10.5.1, 10.6.1)', () => {
  it('enum-value is the assigned value, NaN when not an enumeration', () => {
    expect(ev('enum-value(status)', eth0)).toBe(2);
    expect(ev('enum-value(/interfaces/interface/status) = 2')).toBe(true);
    expect(ev('enum-value(name)', eth0)).toBeNaN();
    expect(ev('enum-value(nothing)', eth0)).toBeNaN();
  });
  it('bit-is-set reads the first node', () => {
    expect(ev("bit-is-set(flags, 'exec')")).toBe(true);
    expect(ev("bit-is-set(flags, 'read')")).toBe(true);
    expect(ev("bit-is-set(flags, 'write')")).toBe(false);
    expect(ev("bit-is-set(flags, 'bogus')")).toBe(false);
    expect(ev("bit-is-set(plain, 'read')")).toBe(false);
  });
});

describe('instanceTargets (RFC 7951 6.11)', () => {
  it('key predicates, unprefixed steps in the previous module', () => {
    expect(instanceTargets(root, "/if:interfaces/interface[name='eth1']/mtu")).toEqual([at(root, 'interfaces/interface#2/mtu')]);
    expect(instanceTargets(root, '/if:interfaces/if:interface[if:name="lo"]')).toEqual([at(root, 'interfaces/interface#3')]);
    expect(instanceTargets(root, "/if:interfaces/interface[name='eth9']")).toEqual([]);
    expect(instanceTargets(root, '/if:interfaces/interface')).toHaveLength(3);
  });
  it('positions and leaf-list values', () => {
    const ll = tree('m', E('top', L('v', 'a'), L('v', 'b'), L('v', 'c')));
    expect(instanceTargets(ll, '/m:top/v[2]')).toEqual([at(ll, 'top/v#2')]);
    expect(instanceTargets(ll, "/m:top/v[.='c']")).toEqual([at(ll, 'top/v#3')]);
    expect(instanceTargets(ll, '/m:top/v[4]')).toEqual([]);
    expect(instanceTargets(root, '/if:interfaces/interface[2]/address[2]/ip')).toEqual([at(root, 'interfaces/interface#2/address#2/ip')]);
  });
  it('names nothing when malformed or unqualified, or in another module', () => {
    expect(instanceTargets(root, 'if:interfaces')).toEqual([]);
    expect(instanceTargets(root, '/interfaces')).toEqual([]);
    expect(instanceTargets(root, '/x:interfaces')).toEqual([]);
  });
});
