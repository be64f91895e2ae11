/** A small HTTP(S) client for the tests: full control over method, headers and TLS options. */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { SchemaSet } from '../../src/ir/types.js';
import { type RestconfServerOptions, createRestconfServer } from '../../src/restconf/index.js';

export interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

export interface RequestInit {
  headers?: Record<string, string>;
  /** Objects are sent as JSON with `application/yang-data+json` unless a Content-Type is given; Buffers as they are. */
  body?: string | Buffer | object;
  /** Extra TLS options (ca, cert, key) for https URLs. */
  tls?: Pick<RequestOptions, 'ca' | 'cert' | 'key'>;
}

export function send(base: string, method: string, path: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(path, base);
  const headers: Record<string, string> = { ...init.headers };
  let body: string | Buffer | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' || Buffer.isBuffer(init.body) ? init.body : JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/yang-data+json';
  }
  const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = requestFn(url, { method, headers, ...init.tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface TestServer {
  base: string;
  close(): Promise<void>;
  notify: ReturnType<typeof createRestconfServer>['notify'];
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  send(method: string, path: string, init?: RequestInit): Promise<Response>;
}

/** Starts a plain-HTTP server on 127.0.0.1 with an ephemeral port. */
export async function startServer(schema: SchemaSet, opts: Partial<RestconfServerOptions> = {}): Promise<TestServer> {
  const srv = createRestconfServer({ schema, http: true, ...opts });
  const addr = await srv.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${addr.port}`;
  return {
    base,
    close: () => srv.close(),
    notify: srv.notify,
    get: (path, headers) => send(base, 'GET', path, headers ? { headers } : {}),
    send: (method, path, init) => send(base, method, path, init),
  };
}
