/** rpc, rpc-reply, action and notification documents, with the datastore they may reference (RFC 7950 6.4.1). */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/restconf/schema-index.js';
import { validateData } from '../../src/validate/index.js';
import { rules, schemaOf } from './helpers.js';

const s = schemaOf(`
  list server {
    key name;
    leaf name { type string; }
    leaf enabled { type boolean; default true; }
    action restart {
      input { leaf delay { type uint8; mandatory true; must "../../enabled = 'true'"; } }
      output { leaf took { type uint32; mandatory true; } }
    }
    notification overheated { leaf temp { type int8; mandatory true; } }
  }
  rpc reboot {
    input {
      leaf target { type leafref { path "/server/name"; } mandatory true; }
      leaf mode { type enumeration { enum soft; enum hard; } default soft; }
      leaf force { type empty; when "../mode = 'hard'"; }
    }
    output { leaf-list warnings { type string; max-elements 2; } }
  }
  notification alarm {
    leaf source { type leafref { path "/server/name"; } }
    leaf level { type uint8; mandatory true; }
  }`);
const datastore: JsonObject = { 'm:server': [{ name: 'a' }, { name: 'off', enabled: false }] };

describe('rpc', () => {
  it('validates input with all rules, leafrefs reading the datastore, defaults visible to when', () => {
    expect(rules(s, { 'm:reboot': { target: 'a' } }, { type: 'rpc', datastore })).toEqual([]);
    expect(rules(s, { 'm:reboot': { target: 'zz', force: [null] } }, { type: 'rpc', datastore })).toEqual([
      { rule: 'when-false', path: '/m:reboot/force' },
      { rule: 'instance-required', path: '/m:reboot/target' },
    ]);
    expect(rules(s, { 'm:reboot': {} }, { type: 'rpc', datastore })).toEqual([{ rule: 'mandatory', path: '/m:reboot/target' }]);
  });

  it('validates output as rpc-reply', () => {
    expect(rules(s, { 'm:reboot': { warnings: ['x'] } }, { type: 'rpc-reply' })).toEqual([]);
    expect(rules(s, { 'm:reboot': { warnings: ['x', 'y', 'z'] } }, { type: 'rpc-reply' })).toEqual([{ rule: 'too-many-elements', path: "/m:reboot/warnings[.='z']" }]);
    expect(rules(s, { 'm:reboot': { target: 'a' } }, { type: 'rpc-reply' })).toEqual([{ rule: 'unknown-element', path: '/m:reboot/target' }]);
  });

  it('reports a document without an operation', () => {
    expect(rules(s, { 'm:server': [] }, { type: 'rpc' }).map((e) => e.rule)).toEqual(['missing-operation']);
  });
});

describe('action', () => {
  it('sits in its data path and sees the datastore entry it runs on', () => {
    expect(rules(s, { 'm:server': [{ name: 'a', restart: { delay: 3 } }] }, { type: 'rpc', datastore })).toEqual([]);
    const errors = validateData(s, { 'm:server': [{ name: 'off', restart: { delay: 3 } }] }, { type: 'rpc', datastore });
    expect(errors.map((e) => [e.rule, e.path])).toEqual([['must-violation', "/m:server[name='off']/restart/delay"]]);
    expect(rules(s, { 'm:server': [{ name: 'a', restart: {} }] }, { type: 'rpc', datastore })).toEqual([{ rule: 'mandatory', path: "/m:server[name='a']/restart/delay" }]);
    expect(rules(s, { 'm:server': [{ name: 'a', restart: { took: 5 } }] }, { type: 'rpc-reply', datastore })).toEqual([]);
  });
});

describe('notification', () => {
  it('validates top-level and nested notifications, unwrapping ietf-restconf:notification', () => {
    const doc = { 'ietf-restconf:notification': { eventTime: '2026-01-01T00:00:00Z', 'm:alarm': { source: 'a', level: 1 } } };
    expect(rules(s, doc, { type: 'notification', datastore })).toEqual([]);
    expect(rules(s, { 'm:alarm': { source: 'b' } }, { type: 'notification', datastore })).toEqual([
      { rule: 'mandatory', path: '/m:alarm/level' },
      { rule: 'instance-required', path: '/m:alarm/source' },
    ]);
    expect(rules(s, { 'm:server': [{ name: 'a', overheated: { temp: 90 } }] }, { type: 'notification', datastore })).toEqual([]);
    expect(rules(s, { 'm:server': [{ name: 'a', overheated: {} }] }, { type: 'notification', datastore })).toEqual([{ rule: 'mandatory', path: "/m:server[name='a']/overheated/temp" }]);
  });

  it('refuses operations in datastore documents', () => {
    expect(rules(s, { 'm:reboot': {} }, { type: 'config' })).toEqual([{ rule: 'unknown-element', path: '/m:reboot' }]);
  });
});
