/**
 * The ietf-netconf-acm module (RFC 8341 section 3.5) as schema IR, added to
 * the served set when NACM is on and the set does not compile it itself: the
 * `nacm` container holds the access rules in the datastore, so they are read
 * and edited over RESTCONF like any other configuration.
 */
import type { ModuleIR, SchemaSet, TypeIR } from '../../ir/types.js';
import { buildModule, caseNode, choice, container, leaf, leafList, list, type } from '../ir-builder.js';

export const NACM_MODULE = 'ietf-netconf-acm';
/** The top-level member holding the rules, RFC 7951 name. */
export const NACM_MEMBER = `${NACM_MODULE}:nacm`;

const MAX = '18446744073709551615';
const star = (): TypeIR => type('string', { patterns: [{ regex: '\\*', ecma: '^(?:\\*)$', invertMatch: false }] });
const nonEmpty = (): TypeIR => type('string', { length: [{ min: '1', max: MAX }] });
const groupName = (): TypeIR =>
  type('string', { length: [{ min: '1', max: MAX }], patterns: [{ regex: '[^\\*].*', ecma: '^(?:[^\\*][\\s\\S]*)$', invertMatch: false }] });
const actionType = (): TypeIR =>
  type('enumeration', { enums: [{ name: 'permit', value: 0, status: 'current' }, { name: 'deny', value: 1, status: 'current' }] });
const ACCESS_BITS = ['create', 'read', 'update', 'delete', 'exec'];
const accessOperations = (): TypeIR =>
  type('union', { union: [star(), type('bits', { bits: ACCESS_BITS.map((name, position) => ({ name, position, status: 'current' as const })) })] });
const counter = (): TypeIR => type('uint32');
const orStar = (): TypeIR => type('union', { union: [star(), type('string')] });

function acmModule(): ModuleIR {
  const rule = list('rule', ['name'], [
    leaf('name', nonEmpty()),
    leaf('module-name', orStar(), { default: '*' }),
    choice('rule-type', [
      caseNode('protocol-operation', [leaf('rpc-name', orStar())]),
      caseNode('notification', [leaf('notification-name', orStar())]),
      caseNode('data-node', [leaf('path', type('string'), { mandatory: true })]),
    ]),
    leaf('access-operations', accessOperations(), { default: '*' }),
    leaf('action', actionType(), { mandatory: true }),
    leaf('comment', type('string')),
  ], { orderedBy: 'user' });
  const nacm = container('nacm', [
    leaf('enable-nacm', type('boolean'), { default: 'true' }),
    leaf('read-default', actionType(), { default: 'permit' }),
    leaf('write-default', actionType(), { default: 'deny' }),
    leaf('exec-default', actionType(), { default: 'permit' }),
    leaf('enable-external-groups', type('boolean'), { default: 'true' }),
    leaf('denied-operations', counter(), { config: false }),
    leaf('denied-data-writes', counter(), { config: false }),
    leaf('denied-notifications', counter(), { config: false }),
    container('groups', [list('group', ['name'], [leaf('name', groupName()), leafList('user-name', nonEmpty())])]),
    list('rule-list', ['name'], [
      leaf('name', nonEmpty()),
      leafList('group', type('union', { union: [star(), groupName()] })),
      rule,
    ], { orderedBy: 'user' }),
  ]);
  // RFC 8341 section 3.5: the nacm container itself is default-deny-all.
  nacm.extensions = [{ module: NACM_MODULE, name: 'default-deny-all' }];
  const module = buildModule({
    name: NACM_MODULE,
    namespace: 'urn:ietf:params:xml:ns:yang:ietf-netconf-acm',
    prefix: 'nacm',
    revision: '2018-02-14',
    data: [nacm],
  });
  module.extensions = [{ name: 'default-deny-write' }, { name: 'default-deny-all' }];
  return module;
}

/** The SchemaSet with ietf-netconf-acm, unless it already compiles that module. */
export function withNacmModule(schema: SchemaSet): SchemaSet {
  if (schema.modules[NACM_MODULE]) return schema;
  return { ...schema, modules: { ...schema.modules, [NACM_MODULE]: acmModule() } };
}
