/** Builds the RESTCONF server from the configuration: schema, datastore, TLS, users and handlers. */
import { readFile } from 'node:fs/promises';
import { type Datastore, FileDatastore, type JsonObject, MemoryDatastore, NACM_MEMBER, type RestconfServer, type SchemaSet, type TlsOptions, UsersFile, createRestconfServer } from 'yangkit/restconf';
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

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as SchemaSet;
  const datastore: Datastore = config.data ? await FileDatastore.open(config.data) : new MemoryDatastore();
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
