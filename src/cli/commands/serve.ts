import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import type { Command } from 'commander';
import type { SchemaSet } from '../../ir/types.js';
import type { CertToName, Datastore, JsonObject, RestconfServer, RestconfServerOptions, TlsOptions } from '../../restconf/index.js';
import { CERT_TO_NAME } from '../../restconf/nacm/cert-name.js';
import { CliError, compileOrExit, UsageError, withCompileOptions, type CompileFlags } from '../options.js';
import { writeFileAtomic } from '../../output/write-atomic.js';

/** The RESTCONF runtime, loaded on use so the other commands start without it. */
type Runtime = typeof import('../../restconf/index.js');
const loadRuntime = (): Promise<Runtime> => import('../../restconf/index.js');

interface ServeFlags extends CompileFlags {
  port?: string;
  host: string;
  root: string;
  cert?: string;
  key?: string;
  ca?: string;
  users?: string;
  http?: boolean;
  data?: string;
  init?: string;
  replayBuffer?: string;
  explorer?: boolean;
  nacm?: string;
  certToName: string;
}

const USERS_FILE_HELP = `
Users file (--users): JSON, { "users": [ { "name": "admin", "password": "scrypt$<salt>$<hash>" } ] }.
Make or update entries with: yangkit passwd NAME --users FILE
`;

/** `yangkit serve`, and `yangkit passwd` for the users file it reads. */
export function registerServeCommand(program: Command): void {
  addServe(program);
  addPasswd(program);
}

function addServe(program: Command): void {
  withCompileOptions(program.command('serve'))
    .description('serve the modules over RESTCONF (RFC 8040) at once, with an in-memory or file datastore')
    .argument('<files...>', 'YANG files')
    .option('--port <n>', 'TCP port; 0 picks a free one (default: 8443, 8080 with --http)')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--root <path>', 'RESTCONF API root', '/restconf')
    .option('--cert <file>', 'server certificate (PEM) for HTTPS')
    .option('--key <file>', 'private key (PEM) of --cert')
    .option('--ca <file>', 'require client certificates signed by this CA (PEM): mutual TLS')
    .option('--users <file>', 'require HTTP Basic authentication by these users (see below)')
    .option('--http', 'serve plain HTTP instead of HTTPS')
    .option('--data <file>', 'keep the datastore in this JSON file (created if missing; written atomically)')
    .option('--init <file>', 'load this RFC 7951 JSON config at start; with --data, only when the data file does not exist yet')
    .option('--replay-buffer <n>', 'notifications kept for event stream replay (start-time; default 1000); 0 turns replay off')
    .option('--no-explorer', 'do not serve the API explorer ({root}/docs, {root}/openapi.json, {root}/docs/tree)')
    .option('--nacm <file>', 'enforce NACM (RFC 8341) with these rules, RFC 7951 JSON {"ietf-netconf-acm:nacm": {...}}, written into the datastore at start')
    .option('--cert-to-name <mapping>', 'user name of a --ca client certificate: cn, san-email or san-dns (RFC 7407 cert-to-name)', 'cn')
    .addHelpText('after', USERS_FILE_HELP)
    .action(async (files: string[], flags: ServeFlags) => {
      const port = checkServeFlags(flags);
      const replay = flags.replayBuffer === undefined ? {} : { replayBuffer: count('--replay-buffer', flags.replayBuffer) };
      const { schema } = compileOrExit(files, flags);
      const runtime = await loadRuntime();
      // Inputs that can only be wrong come before the datastore, which may create its file.
      const transport = flags.http ? { http: true } : { tls: await readTls(flags) };
      const users = flags.users ? { users: await loadUsers(runtime, flags.users) } : {};
      const nacmRules = flags.nacm ? (readJsonInput('--nacm', flags.nacm) as JsonObject) : undefined;
      const datastore = await openDatastore(runtime, schema, flags);
      // Rules kept in the datastore (from an earlier --nacm, or edited over RESTCONF) stay in force without --nacm.
      const enforce = nacmRules !== undefined || runtime.NACM_MEMBER in datastore.current().data;
      const nacm = enforce ? { nacm: nacmRules ? { config: nacmRules } : {} } : {};
      const server = createServer(runtime, {
        schema,
        root: flags.root,
        datastore,
        ...replay,
        explorer: flags.explorer !== false,
        ...transport,
        ...users,
        ...nacm,
        certToName: flags.certToName as CertToName,
      });
      const { port: bound } = await listen(server, port, flags.host);
      stopOnSignals(server);
      if ((flags.users || flags.ca) && !enforce) process.stderr.write('yangkit: no --nacm given: every authenticated user has full access\n');
      process.stdout.write(`yangkit: serving ${schema.inputs.join(', ')} at ${apiUrl(flags, bound)} (${describeSecurity(flags)})\n`);
      if (flags.explorer !== false) process.stdout.write(`yangkit: API explorer at ${apiUrl(flags, bound)}/docs\n`);
    });
}

function addPasswd(program: Command): void {
  program
    .command('passwd')
    .description('hash a password for the --users file of yangkit serve; reads it from the terminal or stdin')
    .argument('<name>', 'user name')
    .option('--users <file>', 'add the user to this file, or update it (default: print the entry)')
    .addHelpText('after', USERS_FILE_HELP)
    .action(async (name: string, flags: { users?: string }) => {
      const password = await readPassword();
      if (!password) throw new CliError('the password is empty');
      const entry = { name, password: await (await loadRuntime()).hashPassword(password) };
      if (!flags.users) {
        process.stdout.write(`${JSON.stringify(entry)}\n`);
        return;
      }
      const updated = saveUser(flags.users, entry);
      process.stderr.write(`yangkit: ${updated ? 'updated' : 'added'} user ${name} in ${flags.users}\n`);
    });
}

/** Rejects inconsistent flags before the (slower) compile; returns the port. */
function checkServeFlags(flags: ServeFlags): number {
  if (!flags.root.startsWith('/')) throw new UsageError(`--root must start with "/", not "${flags.root}"`);
  if (flags.http) {
    if (flags.cert || flags.key || flags.ca) throw new UsageError('--http serves plain HTTP: drop --cert, --key and --ca, or drop --http');
  } else {
    if (!flags.cert && !flags.key) throw new UsageError(keyPairInstructions(flags.host));
    if (!flags.cert || !flags.key) throw new UsageError('--cert and --key go together');
  }
  if (!(CERT_TO_NAME as readonly string[]).includes(flags.certToName)) throw new UsageError(`--cert-to-name expects ${CERT_TO_NAME.join(', ')}, not "${flags.certToName}"`);
  if (flags.port === undefined) return flags.http ? 8080 : 8443;
  const port = Number(flags.port);
  if (!/^\d+$/.test(flags.port) || port > 65535) throw new UsageError(`--port expects 0..65535, not "${flags.port}"`);
  return port;
}

function count(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a non-negative integer, not "${value}"`);
  return Number(value);
}

function keyPairInstructions(host: string): string {
  const san = isIP(host) ? `IP:${host}` : `DNS:${host}`;
  return [
    'serve needs a server certificate for HTTPS (--cert FILE --key FILE), or --http for plain HTTP.',
    `Make a self-signed key pair for ${host} with:`,
    `  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 \\`,
    `    -subj /CN=${host} -addext subjectAltName=${san} -keyout server.key -out server.crt`,
    'then add: --cert server.crt --key server.key',
  ].join('\n');
}

function readInput(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${flag} ${file}: ${(err as Error).message}`);
  }
}

/** Reads the PEM files and checks they load, so a bad one is named as such rather than failing inside the server. */
async function readTls(flags: ServeFlags): Promise<TlsOptions> {
  const tls: TlsOptions = { cert: readInput('--cert', flags.cert!), key: readInput('--key', flags.key!) };
  if (flags.ca) tls.ca = readInput('--ca', flags.ca);
  // node:tls is loaded here: its start-up cost (root certificates) is for HTTPS serving only.
  const { createSecureContext } = await import('node:tls');
  try {
    createSecureContext(tls);
  } catch (err) {
    const files = [`--cert ${flags.cert}`, `--key ${flags.key}`, ...(flags.ca ? [`--ca ${flags.ca}`] : [])].join(', ');
    throw new CliError(`bad certificate or key (${files}): ${(err as Error).message}`);
  }
  return tls;
}

/** A JSON input file, parsed. */
function readJsonInput(flag: string, file: string): unknown {
  try {
    return JSON.parse(readInput(flag, file));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
}

/** The server; options it refuses (such as --nacm rules that do not fit ietf-netconf-acm) are reported as such. */
function createServer(runtime: Runtime, options: RestconfServerOptions): RestconfServer {
  try {
    return runtime.createRestconfServer(options);
  } catch (err) {
    throw new CliError((err as Error).message.replace(/^nacm\.config/, '--nacm'));
  }
}

async function loadUsers(runtime: Runtime, file: string) {
  try {
    return await runtime.UsersFile.load(file);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

/** Checks config against the schema as a PUT of the whole datastore would; errors read `source:path: message`. */
function checkConfig(runtime: Runtime, schema: SchemaSet, source: string, document: unknown): JsonObject {
  try {
    // The datastore may hold NACM rules (ietf-netconf-acm) whether or not the served modules include them.
    return runtime.validateConfigDocument(runtime.withNacmModule(schema), document);
  } catch (err) {
    if (!(err instanceof runtime.RestconfError)) throw err;
    throw new CliError(err.errors.map((e) => `${source}:${e.path || '/'}: ${e.message ?? e.tag}`).join('\n'));
  }
}

/**
 * The --init document: RFC 7951 JSON with module-qualified top-level members, or
 * the `{"ietf-restconf:data": {...}}` a GET of `{root}/data` returns, so a saved
 * response can seed a server.
 */
function readInitDocument(file: string): unknown {
  const text = readInput('--init', file);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const members = document !== null && typeof document === 'object' ? (document as Record<string, unknown>) : undefined;
  const wrapped = members && Object.keys(members).length === 1 && 'ietf-restconf:data' in members;
  return wrapped ? members['ietf-restconf:data'] : document;
}

/**
 * The --data file datastore (created at once, so an unwritable path fails at
 * start rather than on the first edit) or an in-memory one, seeded from --init.
 */
async function openDatastore(runtime: Runtime, schema: SchemaSet, flags: ServeFlags): Promise<Datastore> {
  const dataExists = flags.data !== undefined && existsSync(flags.data);
  const initial = flags.init && !dataExists ? checkConfig(runtime, schema, flags.init, readInitDocument(flags.init)) : undefined;
  if (!flags.data) return new runtime.MemoryDatastore(initial);
  try {
    const store = await runtime.FileDatastore.open(flags.data);
    if (dataExists) {
      // The file was written by an earlier run, maybe of other modules: what the rules say now holds, nodes whose when turned false dropped.
      const checked = checkConfig(runtime, schema, flags.data, store.current().data);
      if (!isDeepStrictEqual(checked, store.current().data)) await store.commit(checked);
    } else await store.commit(initial ?? {});
    return store;
  } catch (err) {
    if (err instanceof CliError || err instanceof runtime.DatastoreFileError) throw new CliError(err.message);
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (err as Error).message;
    throw new CliError(`cannot create --data ${flags.data}: ${reason}`);
  }
}

async function listen(server: RestconfServer, port: number, host: string) {
  try {
    return await server.listen(port, host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} on ${host} is in use`);
    if (code === 'EACCES') throw new CliError(`not allowed to listen on port ${port} on ${host}`);
    throw new CliError(`cannot listen on ${host} port ${port}: ${(err as Error).message}`);
  }
}

function apiUrl(flags: ServeFlags, port: number): string {
  const host = isIP(flags.host) === 6 ? `[${flags.host}]` : flags.host;
  return `${flags.http ? 'http' : 'https'}://${host}:${port}${flags.root.replace(/\/+$/, '')}`;
}

function describeSecurity(flags: ServeFlags): string {
  const transport = flags.http ? 'plain HTTP' : flags.ca ? 'mutual TLS' : 'TLS';
  return flags.users ? `${transport}, Basic authentication` : transport;
}

/** Closing the server also waits for the datastore's pending writes. */
function stopOnSignals(server: RestconfServer): void {
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`yangkit: error: while stopping: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// ---- passwd

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLine(await readStdin());
  const password = await promptHidden('Password: ');
  if ((await promptHidden('Retype password: ')) !== password) throw new CliError('the passwords do not match');
  return password;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const firstLine = (text: string): string => text.split(/\r?\n/, 1)[0]!;

/** Reads one line from the terminal without echoing it. */
async function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: Buffer): void => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
          if (ch === '\u0003' || ch === '\u0004') return done(() => reject(new CliError('cancelled')));
          typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
        }
      };
      const done = (settle: () => void): void => {
        stdin.off('data', onData);
        settle();
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}

/** Adds or replaces `entry` in the users file (created if missing); true when the user existed. */
function saveUser(file: string, entry: { name: string; password: string }): boolean {
  let users: { name: string }[] = [];
  if (existsSync(file)) {
    const text = readInput('--users', file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new CliError(`users file ${file}: ${(err as Error).message}`);
    }
    const list = (parsed as { users?: unknown } | null)?.users;
    if (!Array.isArray(list)) throw new CliError(`users file ${file}: expected { "users": [ ... ] }`);
    users = list;
  }
  const existed = users.some((u) => u.name === entry.name);
  const next = existed ? users.map((u) => (u.name === entry.name ? entry : u)) : [...users, entry];
  writeFileAtomic(file, `${JSON.stringify({ users: next }, null, 2)}\n`);
  return existed;
}
