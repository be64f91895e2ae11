/** Certificates made with `openssl` at test time: CAs, a server certificate for 127.0.0.1, client certificates. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class TestPki {
  constructor(readonly dir: string) {}

  /** Path of `<name>.crt` or `<name>.key`. */
  file(name: string): string {
    return join(this.dir, name);
  }

  pem(name: string): Buffer {
    return readFileSync(this.file(name));
  }

  private openssl(...args: string[]): void {
    execFileSync('openssl', args, { cwd: this.dir, stdio: 'pipe', timeout: 20_000 });
  }

  /** A self-signed CA: `<name>.crt`, `<name>.key`. */
  ca(name: string): this {
    this.openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '1', '-subj', `/CN=${name}`);
    return this;
  }

  /** A certificate `ca` signs: a server certificate when `san` is given (e.g. `IP:127.0.0.1`), else a client certificate. */
  cert(name: string, ca: string, san?: string): this {
    this.openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    writeFileSync(join(this.dir, `${name}.ext`), san ? `subjectAltName=${san}\n` : 'extendedKeyUsage=clientAuth\n');
    this.openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '1', '-extfile', `${name}.ext`);
    return this;
  }

  /** TLS options for a client trusting `ca`, optionally presenting `<client>.crt`. */
  clientTls(ca: string, client?: string): { ca: Buffer; cert?: Buffer; key?: Buffer } {
    return { ca: this.pem(`${ca}.crt`), ...(client ? { cert: this.pem(`${client}.crt`), key: this.pem(`${client}.key`) } : {}) };
  }
}
