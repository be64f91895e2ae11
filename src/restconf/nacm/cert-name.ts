/**
 * The user name of a mutual-TLS client, taken from its certificate as the
 * cert-to-name mappings of RFC 7407 (section 2.3.2.1) and RFC 7589 do:
 * the subject's common name, or the first rfc822Name (email) or dNSName of
 * its subjectAltName.
 */
import type { PeerCertificate, TLSSocket } from 'node:tls';

export const CERT_TO_NAME = ['cn', 'san-email', 'san-dns'] as const;
export type CertToName = (typeof CERT_TO_NAME)[number];

const SAN_PREFIX: Record<Exclude<CertToName, 'cn'>, string> = { 'san-email': 'email:', 'san-dns': 'DNS:' };

function fromCertificate(cert: PeerCertificate, mapping: CertToName): string | undefined {
  if (mapping === 'cn') {
    const cn = cert.subject?.CN as string | string[] | undefined;
    return Array.isArray(cn) ? cn[0] : cn || undefined;
  }
  // Node lists the names as `DNS:a.example, email:b@example.com`; commas inside names are escaped in quotes, which user names do not hold.
  const prefix = SAN_PREFIX[mapping];
  return (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .find((entry) => entry.startsWith(prefix))
    ?.slice(prefix.length) || undefined;
}

/** The name of the verified client certificate on `socket` under `mapping`, if it has one. */
export function certificateUser(socket: TLSSocket, mapping: CertToName): string | undefined {
  if (!socket.authorized) return undefined;
  const cert = socket.getPeerCertificate();
  return cert && Object.keys(cert).length ? fromCertificate(cert, mapping) : undefined;
}
