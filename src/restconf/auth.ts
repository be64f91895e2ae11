/**
 * HTTP Basic user authentication against a users file
 * (`{ "users": [ { "name": "...", "password": "scrypt$<salt>$<hash>" } ] }`).
 * Passwords are scrypt hashes; successful checks are cached briefly (like
 * NSO's auth-cache-ttl) because scrypt is deliberately slow.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 64;

/** Hashes a password into the users-file form `scrypt$<base64 salt>$<base64 hash>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length || KEY_LENGTH);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface UserStore {
  /** True when the name and password identify a user. */
  authenticate(name: string, password: string): Promise<boolean>;
}

export interface UserRecord {
  name: string;
  password: string;
}

/** Decoy hash so an unknown user name costs as much time as a wrong password. */
const DECOY = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$' + Buffer.alloc(KEY_LENGTH).toString('base64');

export class UsersFile implements UserStore {
  private readonly users: Map<string, string>;
  private readonly cache = new Map<string, number>();

  constructor(
    users: UserRecord[],
    private readonly cacheTtlMs = 10_000,
  ) {
    this.users = new Map(users.map((u) => [u.name, u.password]));
  }

  static async load(file: string, cacheTtlMs?: number): Promise<UsersFile> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new Error(`users file ${file}: ${(err as Error).message}`);
    }
    const users = (parsed as { users?: unknown }).users;
    if (!Array.isArray(users) || !users.every((u) => typeof u?.name === 'string' && typeof u?.password === 'string')) {
      throw new Error(`users file ${file}: expected { "users": [ { "name": string, "password": "scrypt$salt$hash" } ] }`);
    }
    return new UsersFile(users as UserRecord[], cacheTtlMs);
  }

  async authenticate(name: string, password: string): Promise<boolean> {
    const cacheKey = createHash('sha256').update(`${name}\0${password}`).digest('base64');
    const now = Date.now();
    const expiry = this.cache.get(cacheKey);
    if (expiry !== undefined && expiry > now) return true;
    const ok = await verifyPassword(password, this.users.get(name) ?? DECOY);
    if (ok && this.users.has(name)) {
      if (this.cache.size > 1000) this.cache.clear();
      if (this.cacheTtlMs > 0) this.cache.set(cacheKey, now + this.cacheTtlMs);
      return true;
    }
    return false;
  }
}

/** Name and password from an `Authorization: Basic ...` header. */
export function parseBasicAuth(header: string | undefined): { name: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
