/** How the server is started: command-line options, each with an environment variable fallback. */
import { parseArgs } from 'node:util';

export interface ServerConfig {
  port: number;
  host: string;
  /** Plain HTTP instead of HTTPS (e.g. behind a TLS-terminating proxy). */
  http: boolean;
  /** PEM files of the server certificate and its key; required for HTTPS. */
  cert?: string;
  key?: string;
  /** PEM CA bundle: when given, clients must present a certificate it signed (mutual TLS). */
  ca?: string;
  /** Users file for HTTP Basic authentication. */
  users?: string;
  /** JSON file holding the configuration; in memory when absent. */
  data?: string;
  /** Notifications kept for event stream replay (start-time); 0 turns replay off; the runtime's default when absent. */
  replayBuffer?: number;
  /** Serve the API explorer: {root}/docs (Swagger UI), {root}/openapi.json, {root}/docs/tree. */
  explorer: boolean;
  /** NACM rules (RFC 8341), RFC 7951 JSON `{"ietf-netconf-acm:nacm": {...}}`, enforced and written into the datastore at start. */
  nacm?: string;
  /** How a client certificate names its user: cn, san-email or san-dns. */
  certToName: 'cn' | 'san-email' | 'san-dns';
}

export const USAGE = `usage: node dist/main.js [options]

  --port N       listen on port N; 0 picks a free one       (PORT, default 8443)
  --host ADDR    listen on this address                     (HOST, default 127.0.0.1)
  --cert FILE    server certificate, PEM                    (RESTCONF_CERT)
  --key FILE     its private key, PEM                       (RESTCONF_KEY)
  --ca FILE      require client certificates signed by
                 this CA bundle, PEM (mutual TLS)           (RESTCONF_CA)
  --http         serve plain HTTP instead of HTTPS          (RESTCONF_HTTP=1)
  --users FILE   require HTTP Basic auth from these users   (RESTCONF_USERS)
  --data FILE    keep the configuration in this JSON file   (RESTCONF_DATA)
                 (in memory, lost on exit, when not given)
  --replay-buffer N
                 keep N notifications for event stream
                 replay; 0 turns replay off                 (RESTCONF_REPLAY_BUFFER, default 1000)
  --explorer     serve the API explorer at /restconf/docs   (RESTCONF_EXPLORER=1)
  --nacm FILE    enforce these NACM rules (RFC 8341), JSON
                 {"ietf-netconf-acm:nacm": {...}}           (RESTCONF_NACM)
  --cert-to-name cn|san-email|san-dns
                 user name of a --ca client certificate     (RESTCONF_CERT_TO_NAME, default cn)
  --help         show this text
`;

/** A mistake in the options: main.ts prints it with the usage text. */
export class ConfigError extends Error {}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  ca: { type: 'string' },
  http: { type: 'boolean' },
  users: { type: 'string' },
  data: { type: 'string' },
  'replay-buffer': { type: 'string' },
  explorer: { type: 'boolean' },
  nacm: { type: 'string' },
  'cert-to-name': { type: 'string' },
  help: { type: 'boolean' },
} as const;

function parseOptions(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

/** Reads the options; `undefined` when --help was asked for. */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig | undefined {
  const values = parseOptions(argv);
  if (values.help) return undefined;

  const portText = values.port ?? env.PORT ?? '8443';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ConfigError(`--port expects a number from 0 to 65535, not "${portText}"`);
  const config: ServerConfig = {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    http: values.http ?? env.RESTCONF_HTTP === '1',
    cert: values.cert ?? env.RESTCONF_CERT,
    key: values.key ?? env.RESTCONF_KEY,
    ca: values.ca ?? env.RESTCONF_CA,
    users: values.users ?? env.RESTCONF_USERS,
    data: values.data ?? env.RESTCONF_DATA,
    explorer: values.explorer ?? env.RESTCONF_EXPLORER === '1',
    nacm: values.nacm ?? env.RESTCONF_NACM,
    certToName: (values['cert-to-name'] ?? env.RESTCONF_CERT_TO_NAME ?? 'cn') as ServerConfig['certToName'],
  };
  if (!['cn', 'san-email', 'san-dns'].includes(config.certToName)) throw new ConfigError(`--cert-to-name expects cn, san-email or san-dns, not "${config.certToName}"`);
  const replayBuffer = values['replay-buffer'] ?? env.RESTCONF_REPLAY_BUFFER;
  if (replayBuffer !== undefined) config.replayBuffer = count('--replay-buffer', replayBuffer);
  if (config.http && (config.cert || config.key || config.ca)) throw new ConfigError('--http serves plain HTTP: leave out --cert, --key and --ca');
  if (!config.http && !(config.cert && config.key)) throw new ConfigError('HTTPS needs --cert and --key (or pass --http to serve plain HTTP)');
  return config;
}

function count(option: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new ConfigError(`${option} expects a non-negative integer, not "${text}"`);
  return Number(text);
}
