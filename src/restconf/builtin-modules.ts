/**
 * The server's own modules: ietf-yang-library (RFC 7895 modules-state, the
 * revision RFC 8040 requires), ietf-restconf-monitoring (RFC 8040 section 9)
 * and nc-notifications (RFC 5277, whose replayComplete and notificationComplete
 * the event stream sends). Their schema is added unless the served SchemaSet
 * compiles them itself; their data is computed on every read.
 */
import { createHash } from 'node:crypto';
import type { ModuleIR, SchemaSet } from '../ir/types.js';
import { NC_NOTIFICATIONS_MODULE, NC_NOTIFICATIONS_NS } from './event-log.js';
import { buildModule, container, leaf, leafList, list, notification, type } from './ir-builder.js';
import type { JsonObject } from './schema-index.js';

export const YANG_LIBRARY_REVISION = '2016-06-21';
export const YANG_LIBRARY = 'ietf-yang-library';
export const MONITORING = 'ietf-restconf-monitoring';

function yangLibrary(): ModuleIR {
  const str = type('string');
  const moduleKeys = () => [leaf('name', str), leaf('revision', str)];
  return buildModule({
    name: YANG_LIBRARY,
    namespace: 'urn:ietf:params:xml:ns:yang:ietf-yang-library',
    prefix: 'yanglib',
    revision: YANG_LIBRARY_REVISION,
    data: [
      container(
        'modules-state',
        [
          leaf('module-set-id', str, { mandatory: true }),
          list('module', ['name', 'revision'], [
            ...moduleKeys(),
            leaf('schema', str),
            leaf('namespace', str, { mandatory: true }),
            leafList('feature', str),
            list('deviation', ['name', 'revision'], moduleKeys()),
            leaf('conformance-type', type('enumeration', { enums: [{ name: 'implement', value: 0, status: 'current' }, { name: 'import', value: 1, status: 'current' }] }), { mandatory: true }),
            list('submodule', ['name', 'revision'], [...moduleKeys(), leaf('schema', str)]),
          ]),
        ],
        { config: false },
      ),
    ],
  });
}

function monitoring(): ModuleIR {
  const str = type('string');
  return buildModule({
    name: MONITORING,
    namespace: 'urn:ietf:params:xml:ns:yang:ietf-restconf-monitoring',
    prefix: 'rcmon',
    revision: '2017-01-26',
    data: [
      container(
        'restconf-state',
        [
          container('capabilities', [leafList('capability', str)]),
          container('streams', [
            list('stream', ['name'], [
              leaf('name', str),
              leaf('description', str),
              leaf('replay-support', type('boolean'), { default: 'false' }),
              leaf('replay-log-creation-time', str),
              list('access', ['encoding'], [leaf('encoding', str), leaf('location', str, { mandatory: true })]),
            ]),
          ]),
        ],
        { config: false },
      ),
    ],
  });
}

/**
 * nc-notifications@2008-07-14 (RFC 5277 section 4, as YANG): the streams
 * (state data) and the two notifications of a subscription's own. The server
 * sends those notifications, so it implements the module (RFC 7950 section
 * 5.6.5) and serves its data; its types from ietf-yang-types and notifications
 * are written out as their base type, as for the other built-in modules.
 */
function ncNotifications(): ModuleIR {
  const str = type('string');
  return buildModule({
    name: NC_NOTIFICATIONS_MODULE,
    namespace: NC_NOTIFICATIONS_NS,
    prefix: 'manageEvent',
    revision: '2008-07-14',
    data: [
      container(
        'netconf',
        [
          container('streams', [
            list('stream', ['name'], [
              leaf('name', str),
              leaf('description', str, { mandatory: true }),
              leaf('replaySupport', type('boolean'), { mandatory: true }),
              leaf('replayLogCreationTime', str),
              leaf('replayLogAgedTime', str),
            ], { minElements: 1 }),
          ]),
        ],
        { config: false },
      ),
    ],
    notifications: [notification('replayComplete', []), notification('notificationComplete', [])],
  });
}

/** The SchemaSet extended with the built-in modules it does not already contain. */
export function withBuiltinModules(schema: SchemaSet): SchemaSet {
  const modules = { ...schema.modules };
  for (const m of [yangLibrary(), monitoring(), ncNotifications()]) if (!modules[m.name]) modules[m.name] = m;
  return { ...schema, modules };
}

export const CAPABILITIES = [
  'urn:ietf:params:restconf:capability:defaults:1.0?basic-mode=explicit',
  'urn:ietf:params:restconf:capability:depth:1.0',
  'urn:ietf:params:restconf:capability:fields:1.0',
  // RFC 8040 9.1.1: the event stream takes the filter query parameter.
  'urn:ietf:params:restconf:capability:filter:1.0',
  'urn:ietf:params:restconf:capability:with-defaults:1.0',
  'urn:ietf:params:restconf:capability:yang-patch:1.0',
];

export const STREAM_NAME = 'NETCONF';

/** `ietf-yang-library:modules-state` for every module of the served set. */
export function modulesState(schema: SchemaSet): JsonObject {
  const modules = Object.values(schema.modules).sort((a, b) => a.name.localeCompare(b.name));
  const entries = modules.map((m) => {
    const e: JsonObject = {
      name: m.name,
      revision: m.revision ?? '',
      namespace: m.namespace,
      // RFC 7950 section 5.6.5: a module some of whose data, operations or notifications the server supports is implemented.
      'conformance-type': schema.inputs.includes(m.name) || m.data.length || m.rpcs.length || m.notifications.length ? 'implement' : 'import',
    };
    const features = m.features.filter((f) => f.enabled).map((f) => f.name);
    if (features.length) e.feature = features;
    if (m.deviatedBy.length) e.deviation = m.deviatedBy.map((d) => ({ name: d, revision: schema.modules[d]?.revision ?? '' }));
    if (m.submodules.length) e.submodule = m.submodules.map((s) => ({ name: s.name, revision: s.revision ?? '' }));
    return e;
  });
  const setId = createHash('sha256')
    .update(modules.map((m) => `${m.name}@${m.revision ?? ''}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  return { 'module-set-id': setId, module: entries };
}

/** RFC 8040 9.1.1: start-time and stop-time are supported (listed when the stream keeps a replay log). */
export const REPLAY_CAPABILITY = 'urn:ietf:params:restconf:capability:replay:1.0';

/** The replay log of the event stream: when it was created, and the eventTime of the last notification it dropped, if any. */
export interface StreamReplay {
  readonly creationTime: string;
  readonly agedTime: string | undefined;
}

const STREAM_DESCRIPTION = 'default NETCONF event stream';

/** `ietf-restconf-monitoring:restconf-state`; `streamBase` is the absolute URL of `{root}/streams`. */
export function restconfState(streamBase: string, replay?: StreamReplay): JsonObject {
  return {
    capabilities: { capability: replay ? [...CAPABILITIES, REPLAY_CAPABILITY] : CAPABILITIES },
    streams: {
      stream: [
        {
          name: STREAM_NAME,
          description: STREAM_DESCRIPTION,
          // RFC 8040 9.3: replay-log-creation-time exists only when replay-support is true.
          'replay-support': !!replay,
          ...(replay ? { 'replay-log-creation-time': replay.creationTime } : {}),
          access: [
            { encoding: 'json', location: `${streamBase}/${STREAM_NAME}/json` },
            { encoding: 'xml', location: `${streamBase}/${STREAM_NAME}/xml` },
          ],
        },
      ],
    },
  };
}

/** `nc-notifications:netconf`: the same stream as RFC 5277 section 3.2.5.1 lists it. */
export function ncNotificationsState(replay?: StreamReplay): JsonObject {
  const stream: JsonObject = { name: STREAM_NAME, description: STREAM_DESCRIPTION, replaySupport: !!replay };
  // RFC 5277 3.2.5.1: the creation time is present when replay is supported, the aged time once a notification was dropped.
  if (replay) stream.replayLogCreationTime = replay.creationTime;
  if (replay?.agedTime) stream.replayLogAgedTime = replay.agedTime;
  return { streams: { stream: [stream] } };
}
