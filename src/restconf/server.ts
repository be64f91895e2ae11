/**
 * `createRestconfServer`: the RESTCONF (RFC 8040) server that generated servers
 * and `yangkit serve` run. It owns the transport (HTTPS with optional mutual
 * TLS, or plain HTTP when asked for), Basic authentication, security headers
 * and routing; the resources themselves live in data-resource.ts,
 * operations.ts, yang-patch.ts and sse.ts.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { SchemaSet } from '../ir/types.js';
import { type UserStore, parseBasicAuth } from './auth.js';
import { type ParsedBody, parseBody, readBody } from './body.js';
import { STREAM_NAME, YANG_LIBRARY_REVISION, withBuiltinModules } from './builtin-modules.js';
import { RestconfCore, type CommitHandler, type StateProvider } from './core.js';
import { DataResource, allowedDataMethods } from './data-resource.js';
import { type Datastore, MemoryDatastore } from './datastore.js';
import { decodeObject } from './decode.js';
import { RestconfError, errorsJson } from './errors.js';
import { type Exchange, type Reply, documentReply } from './exchange.js';
import { type Encoding, MEDIA_JSON, MEDIA_PATCH_JSON, MEDIA_PATCH_XML, MEDIA_XML, acceptsEventStream, requestBodyKind, responseEncoding } from './media.js';
import { type OperationHandlers, invokeOperation, operationsList } from './operations.js';
import { parseQuery } from './query.js';
import { type JsonObject, isObject, lookupChild } from './schema-index.js';
import { DEFAULT_REPLAY_BUFFER, NC_NOTIFICATIONS_MODULE, ReplayLog, type StreamEvent, type SubscriptionEvent } from './event-log.js';
import { ApiExplorer } from './explorer.js';
import { EventStreams } from './sse.js';
import { parseStreamQuery } from './stream-query.js';
import { decodeSegment, parseDataPath, parseOperationPath } from './uri.js';
import { requireValidOutput } from './validation.js';
import { RESTCONF_NS } from './xml.js';
import { YangPatch } from './yang-patch.js';
import { validateConfigDocument } from './config-document.js';
import { type CertToName, NACM_MEMBER, Nacm, certificateUser, withNacmModule } from './nacm/index.js';

export interface TlsOptions {
  cert: string | Buffer;
  key: string | Buffer;
  /** CA bundle for client certificates. When set, clients must present a certificate it signed (mutual TLS). */
  ca?: string | Buffer;
}

export interface RestconfServerOptions {
  schema: SchemaSet;
  /** RESTCONF API root (default `/restconf`), advertised at `/.well-known/host-meta`. */
  root?: string;
  /** Running datastore; an empty MemoryDatastore by default. */
  datastore?: Datastore;
  /** Serve HTTPS with this certificate. Required unless `http` is true. */
  tls?: TlsOptions;
  /** Allow plain HTTP (no `tls`). Off by default so an insecure server is always a deliberate choice. */
  http?: boolean;
  /** When given, every request except host-meta needs HTTP Basic credentials this store accepts. */
  users?: UserStore;
  handlers?: OperationHandlers & {
    /** Operational (config false) data merged into every retrieval. */
    state?: StateProvider;
    /** Applies (or refuses) each validated configuration change before it is committed. */
    commit?: CommitHandler;
  };
  /**
   * Response header overrides, merged over the NSO defaults (X-Frame-Options,
   * X-Content-Type-Options, X-XSS-Protection, Strict-Transport-Security on HTTPS,
   * Content-Security-Policy). An empty value drops that header.
   */
  headers?: Record<string, string>;
  /** Largest accepted request body (default 16 MiB). */
  maxBodyBytes?: number;
  /**
   * Notifications kept for replay (RFC 8040 4.8.7 start-time); default 1000.
   * 0 keeps none: the stream then has replay-support false.
   */
  replayBuffer?: number;
  /** Serve the API explorer: `{root}/openapi.json`, `{root}/docs` (Swagger UI) and `{root}/docs/tree`. */
  explorer?: boolean;
  /**
   * How a mutual-TLS client's user name is taken from its certificate when no
   * `users` store authenticates it (RFC 7407 cert-to-name): subject CN (default),
   * first SAN email, or first SAN DNS name.
   */
  certToName?: CertToName;
  /** Enforce NACM (RFC 8341) with the `ietf-netconf-acm:nacm` rules held in the datastore. */
  nacm?: NacmOptions;
}

export interface NacmOptions {
  /**
   * `{"ietf-netconf-acm:nacm": {...}}` (RFC 7951) written into the datastore at
   * start, replacing the rules it holds; without it the datastore's rules (or
   * the RFC 8341 defaults) apply. Rules stay editable over RESTCONF by users they allow.
   */
  config?: JsonObject;
}

export interface RestconfServer {
  server: Server;
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Ends event streams and open connections, closes the server and the datastore. */
  close(): Promise<void>;
  datastore: Datastore;
  /**
   * Sends a notification to every event-stream subscriber. `event` is one
   * module-qualified member, e.g. `{"example-jukebox:song-played": {...}}`; it is
   * checked against the schema (throws RestconfError when invalid).
   */
  notify(event: JsonObject, eventTime?: Date): void;
}

/** NSO's defaults (see the RESTCONF seed); HSTS is only sent over HTTPS (RFC 6797 section 7.2). */
const SECURITY_HEADERS: Record<string, string> = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'X-XSS-Protection': '1; mode=block',
  'Content-Security-Policy': "default-src 'self'; block-all-mixed-content; base-uri 'self'; frame-ancestors 'none';",
};
const HSTS = { 'Strict-Transport-Security': 'max-age=15552000; includeSubDomains' };

const ACCEPT_PATCH = [MEDIA_JSON, MEDIA_XML, MEDIA_PATCH_JSON, MEDIA_PATCH_XML].join(', ');

function methodNotAllowed(x: Exchange, allowed: string[]): never {
  throw RestconfError.of('operation-not-supported', `${x.method} is not allowed on this resource`).withHeaders({ Allow: allowed.join(', ') });
}

function hostMeta(root: string): Reply {
  const body = `<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0"><Link rel="restconf" href="${root}"/></XRD>`;
  return { status: 200, body, headers: { 'Content-Type': 'application/xrd+xml' } };
}

/** Checks the NACM rules given at start and writes them into the datastore in place of the ones it holds. */
function installNacmRules(schema: SchemaSet, datastore: Datastore, config: JsonObject): Promise<unknown> {
  const members = Object.keys(config);
  if (members.length !== 1 || members[0] !== NACM_MEMBER) throw new Error(`nacm.config must be {"${NACM_MEMBER}": {...}}, not members ${members.join(', ')}`);
  let rules: JsonObject;
  try {
    rules = validateConfigDocument(schema, config);
  } catch (err) {
    if (!(err instanceof RestconfError)) throw err;
    throw new Error(`nacm.config: ${err.errors.map((e) => `${e.path || '/'}: ${e.message ?? e.tag}`).join('; ')}`);
  }
  const next = { ...datastore.current().data };
  // An empty nacm container (all defaults) is no data, as everywhere else.
  if (rules[NACM_MEMBER] === undefined) delete next[NACM_MEMBER];
  else next[NACM_MEMBER] = rules[NACM_MEMBER];
  return datastore.commit(next);
}

export function createRestconfServer(opts: RestconfServerOptions): RestconfServer {
  if (!opts.tls && !opts.http) throw new Error('createRestconfServer: give tls (cert and key) or set http: true for plain HTTP');
  const root = (opts.root ?? '/restconf').replace(/\/+$/, '');
  const datastore = opts.datastore ?? new MemoryDatastore();
  const handlers = opts.handlers ?? {};
  const core = new RestconfCore(withBuiltinModules(opts.nacm ? withNacmModule(opts.schema) : opts.schema), datastore, root, handlers.state, handlers.commit);
  if (opts.nacm) core.nacm = new Nacm(core.index);
  const ready = opts.nacm?.config ? installNacmRules(core.index.schema, datastore, opts.nacm.config) : Promise.resolve();
  const data = new DataResource(core);
  const yangPatch = new YangPatch(core);
  const replayLog = new ReplayLog(opts.replayBuffer ?? DEFAULT_REPLAY_BUFFER);
  if (replayLog.supported) core.streamReplay = replayLog;
  const streams = new EventStreams(renderEvent, renderSubscriptionEvent);
  const explorer = opts.explorer ? new ApiExplorer(opts.schema, root) : undefined;
  const maxBody = opts.maxBodyBytes ?? 16 * 1024 * 1024;
  const secure = !!opts.tls;
  const responseHeaders = Object.fromEntries(
    Object.entries({ ...SECURITY_HEADERS, ...(secure ? HSTS : {}), ...opts.headers }).filter(([, v]) => v !== ''),
  );

  async function requestBody(x: Exchange, required: boolean): Promise<ParsedBody | undefined> {
    const text = await readBody(x.req, maxBody);
    if (!text.trim()) {
      if (required) throw RestconfError.of('malformed-message', `${x.method} needs a request body`);
      return undefined;
    }
    return parseBody(text, requestBodyKind(x.req.headers['content-type']).encoding);
  }

  function allowFor(x: Exchange, allowed: string[]): void {
    if (!allowed.includes(x.method)) methodNotAllowed(x, allowed);
  }

  async function dataResource(x: Exchange, apiPath: string): Promise<Reply> {
    const target = parseDataPath(core.index, apiPath);
    const allowed = allowedDataMethods(target);
    if (x.method === 'OPTIONS') return { status: 200, headers: { Allow: allowed.join(', '), ...(allowed.includes('PATCH') ? { 'Accept-Patch': ACCEPT_PATCH } : {}) } };
    allowFor(x, allowed);
    if (target.kind === 'action') {
      parseQuery(x.search, x.method, 'operation');
      return invokeOperation(core, handlers, x, target.action, await requestBody(x, false), target.steps);
    }
    const q = parseQuery(x.search, x.method, 'data');
    switch (x.method) {
      case 'GET':
      case 'HEAD':
        return data.get(x, target, q);
      case 'POST':
        return data.post(x, target, q, (await requestBody(x, true))!);
      case 'PUT':
        return data.put(x, target, q, (await requestBody(x, true))!);
      case 'PATCH': {
        const kind = requestBodyKind(x.req.headers['content-type']);
        const body = (await requestBody(x, true))!;
        return kind.yangPatch ? yangPatch.run(x, apiPath, body) : data.merge(x, target, body);
      }
      default:
        return data.delete(x, target as Extract<typeof target, { kind: 'data' }>);
    }
  }

  async function operationsResource(x: Exchange, rest: string): Promise<Reply> {
    if (rest === '' || rest === '/') {
      if (x.method === 'OPTIONS') return { status: 200, headers: { Allow: 'GET, HEAD, OPTIONS' } };
      allowFor(x, ['GET', 'HEAD']);
      parseQuery(x.search, x.method, 'other');
      return operationsList(core, x);
    }
    const op = parseOperationPath(core.index, rest);
    if (x.method === 'OPTIONS') return { status: 200, headers: { Allow: 'POST, OPTIONS' } };
    allowFor(x, ['POST']);
    parseQuery(x.search, x.method, 'operation');
    return invokeOperation(core, handlers, x, op, await requestBody(x, false));
  }

  function streamResource(x: Exchange, res: ServerResponse, rest: string): Reply | undefined {
    const m = /^\/([^/]+)\/(json|xml)$/.exec(rest);
    if (!m || decodeSegment(m[1]!, '') !== STREAM_NAME) throw RestconfError.of('invalid-value', 'no such event stream', { status: 404 });
    allowFor(x, ['GET']);
    const q = parseStreamQuery(x.search, core.index.schema, replayLog.supported, Date.now());
    if (!acceptsEventStream(x.req.headers.accept)) throw RestconfError.of('invalid-value', 'event streams are sent as text/event-stream', { status: 406 });
    for (const [k, v] of Object.entries(responseHeaders)) res.setHeader(k, v);
    const { nacm } = core;
    streams.subscribe(res, {
      encoding: m[2] as Encoding,
      ...(q.filter ? { filter: q.filter } : {}),
      ...(q.start !== undefined ? { replay: replayLog.between(q.start, q.stop) } : {}),
      ...(q.stop !== undefined ? { stop: q.stop } : {}),
      // NACM (RFC 8341 section 3.4.6): each notification is checked against the rules in force when it is sent.
      ...(nacm ? { admits: (event: StreamEvent) => nacm.session(x.user, datastore.current().data).receives(event.notification) } : {}),
    });
    return undefined;
  }

  function topResource(x: Exchange): Reply {
    allowFor(x, ['GET', 'HEAD']);
    parseQuery(x.search, x.method, 'other');
    const doc = { data: {}, operations: {}, 'yang-library-version': YANG_LIBRARY_REVISION };
    if (x.encoding === 'json') return documentReply(200, 'json', JSON.stringify({ 'ietf-restconf:restconf': doc }, null, 2));
    return documentReply(200, 'xml', core.codec.writePlain('restconf', RESTCONF_NS, doc));
  }

  function libraryVersion(x: Exchange): Reply {
    allowFor(x, ['GET', 'HEAD']);
    parseQuery(x.search, x.method, 'other');
    if (x.encoding === 'json') return documentReply(200, 'json', JSON.stringify({ 'ietf-restconf:yang-library-version': YANG_LIBRARY_REVISION }));
    return documentReply(200, 'xml', `<yang-library-version xmlns="${RESTCONF_NS}">${YANG_LIBRARY_REVISION}</yang-library-version>`);
  }

  /** The user: from Basic credentials when a users store is given, else from the client certificate under mutual TLS. */
  async function authenticate(req: IncomingMessage): Promise<string | undefined> {
    if (!opts.users) {
      if (!opts.tls?.ca) return undefined;
      const name = certificateUser(req.socket as TLSSocket, opts.certToName ?? 'cn');
      // RFC 7589 section 7: a certificate that maps to no user name gets no access.
      if (name === undefined && opts.nacm) throw RestconfError.of('access-denied', `the client certificate has no ${opts.certToName ?? 'cn'} user name`, { status: 403 });
      return name;
    }
    const credentials = parseBasicAuth(req.headers.authorization);
    if (credentials && (await opts.users.authenticate(credentials.name, credentials.password))) return credentials.name;
    throw RestconfError.of('access-denied', 'authentication required').withHeaders({ 'WWW-Authenticate': 'Basic realm="restconf", charset="UTF-8"' });
  }

  async function route(x: Exchange, res: ServerResponse): Promise<Reply | undefined> {
    const rest = x.path.slice(root.length);
    if (!x.path.startsWith(root) || (rest !== '' && !rest.startsWith('/'))) throw RestconfError.of('invalid-value', 'not a RESTCONF resource', { status: 404 });
    if (explorer?.owns(rest)) return explorer.reply(x.method, rest);
    const [, head = '', tail = ''] = /^\/([^/]*)(.*)$/.exec(rest) ?? [];
    if (rest === '' || rest === '/') return x.method === 'OPTIONS' ? { status: 200, headers: { Allow: 'GET, HEAD, OPTIONS' } } : topResource(x);
    switch (head) {
      case 'data':
        return dataResource(x, tail);
      case 'operations':
        return operationsResource(x, tail);
      case 'yang-library-version':
        if (tail) break;
        return x.method === 'OPTIONS' ? { status: 200, headers: { Allow: 'GET, HEAD, OPTIONS' } } : libraryVersion(x);
      case 'streams':
        return streamResource(x, res, tail);
    }
    throw RestconfError.of('invalid-value', 'not a RESTCONF resource', { status: 404 });
  }

  function errorReply(err: unknown, x: Exchange | undefined): Reply {
    const rc = err instanceof RestconfError ? err : RestconfError.of('operation-failed', 'internal error', { type: 'application' });
    if (!(err instanceof RestconfError)) console.error('restconf: internal error', err);
    const encoding = x?.encoding ?? 'json';
    const body = encoding === 'json' ? JSON.stringify(errorsJson(rc.errors), null, 2) : core.codec.writeErrors(rc.errors);
    return documentReply(rc.status, encoding, body, rc.headers);
  }

  function send(res: ServerResponse, method: string, reply: Reply): void {
    const body = reply.body === undefined ? undefined : Buffer.from(reply.body);
    res.writeHead(reply.status, {
      ...responseHeaders,
      ...reply.headers,
      ...(body ? { 'Content-Length': String(body.length) } : {}),
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    let x: Exchange | undefined;
    let reply: Reply | undefined;
    try {
      if (path === '/.well-known/host-meta') {
        reply = method === 'GET' || method === 'HEAD' ? hostMeta(root) : { status: 405, headers: { Allow: 'GET, HEAD' } };
      } else {
        const user = await authenticate(req);
        x = {
          req,
          method,
          path,
          search: q < 0 ? '' : url.slice(q + 1),
          encoding: 'json',
          origin: `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`,
          ...(user ? { user } : {}),
        };
        // The explorer's pages are not YANG data: a browser's Accept must not make them a 406.
        const forExplorer = !!explorer && path.startsWith(root) && explorer.owns(path.slice(root.length));
        x.encoding = responseEncoding(req.headers.accept?.includes('text/event-stream') || forExplorer ? undefined : req.headers.accept);
        reply = await route(x, res);
      }
    } catch (err) {
      reply = errorReply(err, x);
    }
    // Drain any unread body so keep-alive connections stay usable after early errors.
    if (!req.readableEnded) req.resume();
    if (reply) send(res, method, reply);
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err) => {
      console.error('restconf: failed to send a reply', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  const server: Server = opts.tls
    ? createHttpsServer(
        {
          cert: opts.tls.cert,
          key: opts.tls.key,
          minVersion: 'TLSv1.2',
          ...(opts.tls.ca ? { ca: opts.tls.ca, requestCert: true, rejectUnauthorized: true } : {}),
        },
        listener,
      )
    : createHttpServer(listener);

  function notify(event: JsonObject, eventTime = new Date()): void {
    const members = Object.keys(event);
    const entry = members.length === 1 ? lookupChild(core.index.topLevel, undefined, members[0]!) : undefined;
    if (!entry || entry.node.kind !== 'notification') throw RestconfError.of('unknown-element', `not a notification: ${members.join(', ')}`);
    const notif = entry.node;
    const value = event[members[0]!];
    if (!isObject(value)) throw RestconfError.of('invalid-value', 'a notification is an object');
    const content = decodeObject(notif.children, notif.module, value, notif.path, { encoding: 'json', rejectState: false });
    // RFC 7950 6.4.1 lets a notification's XPath read state data too; outside a request only the configuration is at hand.
    requireValidOutput(core.index.schema, { [members[0]!]: content }, { type: 'notification', datastore: core.datastore.current().data }, `invalid notification ${members[0]}`);
    const e: StreamEvent = { time: eventTime.getTime(), eventTime: eventTime.toISOString(), notification: notif, content };
    replayLog.add(e);
    streams.publish(e);
  }

  /** RFC 8040 6.4: JSON `ietf-restconf:notification`, or the XML notification element of RFC 5277. */
  function renderEvent(e: StreamEvent, encoding: Encoding): string {
    if (encoding === 'xml') return core.codec.writeNotification(e.eventTime, e.notification, e.content);
    const member = `${e.notification.module}:${e.notification.name}`;
    return JSON.stringify({ 'ietf-restconf:notification': { eventTime: e.eventTime, [member]: e.content } });
  }

  /** The same envelopes for RFC 5277 replayComplete and notificationComplete, which have no content. */
  function renderSubscriptionEvent(event: SubscriptionEvent, eventTime: string, encoding: Encoding): string {
    if (encoding === 'xml') return core.codec.writeSubscriptionEvent(eventTime, event);
    return JSON.stringify({ 'ietf-restconf:notification': { eventTime, [`${NC_NOTIFICATIONS_MODULE}:${event}`]: {} } });
  }

  return {
    server,
    datastore,
    notify,
    async listen(port = 0, host = '127.0.0.1') {
      await ready;
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    async close() {
      streams.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await datastore.close();
    },
  };
}
