/** Certificates made with openssl at test time, in a folder the caller owns. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A self-signed CA: `<name>.crt` and `<name>.key` in `dir`. */
export function makeCa(dir: string, name: string): void {
  openssl(dir, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '1', '-subj', `/CN=${name}`);
}

/** A certificate `ca` signs; `san` (e.g. `IP:127.0.0.1`) makes it a server certificate, otherwise a client one. */
export function makeCert(dir: string, name: string, ca: string, san?: string): void {
  openssl(dir, 'req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, san ? `subjectAltName=${san}\n` : 'extendedKeyUsage=clientAuth\n');
  openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '1', '-extfile', ext);
}

/**
 * The certificates the mutual-TLS tests use, in `dir`: CAs `ca` and `other-ca`, a
 * server certificate for 127.0.0.1 and a `client` both signed by `ca`, and a
 * `stranger` client signed by `other-ca`.
 */
export function makeTestPki(dir: string): void {
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  makeCert(dir, 'server', 'ca', 'IP:127.0.0.1');
  makeCert(dir, 'client', 'ca');
  makeCert(dir, 'stranger', 'other-ca');
}
