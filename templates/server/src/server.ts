/** Builds the RESTCONF server from the configuration: schema, datastore, TLS, users and handlers. */
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import {
  type Datastore,
  FileDatastore,
  type JsonObject,
  MemoryDatastore,
  NACM_MEMBER,
  RestconfError,
  type RestconfServer,
  type SchemaSet,
  type TlsOptions,
  UsersFile,
  createRestconfServer,
  validateConfigDocument,
} from 'yangkit/restconf';
import type { ServerConfig } from './config.js';
import { createHandlers } from './handlers/index.js';

/** The compiled YANG modules: the server needs no YANG files at run time. */
const SCHEMA_FILE = new URL('../schema.json', import.meta.url);

export interface RunningServer {
  restconf: RestconfServer;
  /** The RESTCONF root as clients reach it, e.g. `https://127.0.0.1:8443/restconf`. */
  url: string;
}

async function tlsOptions(config: ServerConfig): Promise<TlsOptions> {
  const [cert, key, ca] = await Promise.all([config.cert, config.key, config.ca].map((file) => (file ? readFile(file) : undefined)));
  return { cert: cert!, key: key!, ...(ca ? { ca } : {}) };
}

/** `data` in canonical form, nodes whose when is false dropped; its violations reported as `file:path: message` lines. */
function checkedConfig(schema: SchemaSet, file: string, data: JsonObject): JsonObject {
  try {
    return validateConfigDocument(schema, data);
  } catch (err) {
    if (!(err instanceof RestconfError)) throw err;
    throw new Error(err.errors.map((e) => `${file}:${e.path ?? '/'}: ${e.message ?? e.tag}`).join('\n'));
  }
}

/** The --data file, checked as a PUT of the whole datastore would be: it may come from an earlier version of the modules. */
async function openDatastore(schema: SchemaSet, file: string): Promise<Datastore> {
  const store = await FileDatastore.open(file);
  const stored = store.current().data;
  const checked = checkedConfig(schema, file, stored);
  if (!isDeepStrictEqual(checked, stored)) await store.commit(checked);
  return store;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as SchemaSet;
  const datastore: Datastore = config.data ? await openDatastore(schema, config.data) : new MemoryDatastore();
  const nacmRules = config.nacm ? (JSON.parse(await readFile(config.nacm, 'utf8')) as JsonObject) : undefined;
  // Rules kept in the datastore stay in force without --nacm.
  const nacm = nacmRules || NACM_MEMBER in datastore.current().data ? { nacm: nacmRules ? { config: nacmRules } : {} } : {};
  if ((config.users || config.ca) && !('nacm' in nacm)) console.error('no --nacm given: every authenticated user has full access');
  const restconf: RestconfServer = createRestconfServer({
    schema,
    datastore,
    ...(config.http ? { http: true } : { tls: await tlsOptions(config) }),
    ...(config.users ? { users: await UsersFile.load(config.users) } : {}),
    ...(config.replayBuffer !== undefined ? { replayBuffer: config.replayBuffer } : {}),
    explorer: config.explorer,
    ...nacm,
    certToName: config.certToName,
    // Handlers run only for requests, so `restconf` is assigned by the time they notify.
    handlers: createHandlers({ datastore, notify: (event, eventTime) => restconf.notify(event, eventTime) }),
  });
  const address = await restconf.listen(config.port, config.host);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { restconf, url: `${config.http ? 'http' : 'https'}://${host}:${address.port}/restconf` };
}
