/** The shared test certificates (test/restconf/certificates.ts) in one folder, with the client-side TLS options that use them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCa, makeCert } from '../../restconf/certificates.js';

export class TestPki {
  constructor(readonly dir: string) {}

  /** Path of a file made here, e.g. `server.crt`. */
  file(name: string): string {
    return join(this.dir, name);
  }

  /** A self-signed CA: `<name>.crt`, `<name>.key`. */
  ca(name: string): this {
    makeCa(this.dir, name);
    return this;
  }

  /** A certificate `ca` signs: a server certificate when `san` is given (e.g. `IP:127.0.0.1`), else a client certificate. */
  cert(name: string, ca: string, san?: string): this {
    makeCert(this.dir, name, ca, san);
    return this;
  }

  /** TLS options for a client trusting `ca`, presenting `<client>.crt` when given. */
  clientTls(ca: string, client?: string): { ca: Buffer; cert?: Buffer; key?: Buffer } {
    const pem = (name: string): Buffer => readFileSync(this.file(name));
    return { ca: pem(`${ca}.crt`), ...(client ? { cert: pem(`${client}.crt`), key: pem(`${client}.key`) } : {}) };
  }
}
