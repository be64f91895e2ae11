import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writevSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { PACKAGE_ROOT } from '../package-root.js';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

const MAGIC = Buffer.from('YANGKIT\n');

/**
 * Entries on disk, each a file `<kind>/<sha256(key)>.bin`:
 * magic, header length (u32), a JSON header, then a V8-serialized payload.
 * The header names the writer (yangkit version, code fingerprint, V8 version),
 * the key and the payload's sha256, so an entry from other code, for another
 * key, truncated or bit-flipped is a miss, never a crash or a wrong answer.
 */
export class DiskCache {
  private readonly stamp = cacheStamp();

  constructor(readonly dir: string) {}

  /** The entry's value; with `expected` (what `set` returned), only if it is that very payload. */
  get<T>(kind: string, key: string, expected?: string): T | undefined {
    let data: Buffer;
    try {
      data = readFileSync(this.path(kind, key));
    } catch {
      return undefined;
    }
    try {
      if (!data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
      const headerEnd = MAGIC.length + 4 + data.readUInt32LE(MAGIC.length);
      const header = JSON.parse(data.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as Header;
      const payload = data.subarray(headerEnd);
      if (header.stamp !== this.stamp || header.key !== key || (expected !== undefined && header.sha256 !== expected) || header.sha256 !== sha256(payload)) return undefined;
      return deserialize(payload) as T;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores an entry; returns its payload's sha256 (for `get`), or undefined when it could
   * not be written: a cache that cannot be written only costs speed, so errors are swallowed.
   */
  set(kind: string, key: string, value: unknown): string | undefined {
    const file = this.path(kind, key);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      const payload = serialize(value);
      const payloadHash = sha256(payload);
      const header = Buffer.from(JSON.stringify({ stamp: this.stamp, key, sha256: payloadHash } satisfies Header));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length);
      mkdirSync(dirname(file), { recursive: true });
      writeParts(tmp, [MAGIC, length, header, payload]);
      renameSync(tmp, file); // readers see the old entry or the new one, never half of one
      return payloadHash;
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        /* the folder itself is unusable: nothing was written */
      }
      return undefined;
    }
  }

  delete(kind: string, key: string): void {
    try {
      rmSync(this.path(kind, key), { force: true });
    } catch {
      /* left behind: a later `set` of the key replaces it */
    }
  }

  private path(kind: string, key: string): string {
    return join(this.dir, kind, `${sha256(key)}.bin`);
  }
}

/** Writes the parts one after the other, without copying them into one buffer first. */
function writeParts(file: string, parts: Buffer[]): void {
  const fd = openSync(file, 'w');
  try {
    let left = parts.reduce((n, p) => n + p.length, 0);
    while (left > 0) {
      const done = writevSync(fd, parts);
      left -= done;
      parts = skipBytes(parts, done);
    }
  } finally {
    closeSync(fd);
  }
}

function skipBytes(parts: Buffer[], n: number): Buffer[] {
  const rest: Buffer[] = [];
  for (const p of parts) {
    if (n >= p.length) n -= p.length;
    else {
      rest.push(n ? p.subarray(n) : p);
      n = 0;
    }
  }
  return rest;
}

interface Header {
  stamp: string;
  key: string;
  sha256: string;
}

let stamp: string | undefined;

/**
 * Who may read an entry: the same yangkit version, the same build of its code (so a
 * rebuilt development checkout never reads IR its older code wrote), and the same
 * V8 (whose serialization format may change between versions).
 */
function cacheStamp(): string {
  if (stamp) return stamp;
  const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  // The top folder of the code running: dist/ (built or bundled) or src/ (tests).
  const codeDir = join(PACKAGE_ROOT, relative(PACKAGE_ROOT, fileURLToPath(import.meta.url)).split(sep)[0]!);
  stamp = `yangkit ${version}; code ${codeFingerprint(codeDir)}; v8 ${process.versions.v8}`;
  return stamp;
}

/** Hash of the names, sizes and modification times of the package's code files (the CLI bundle included; declarations do not run). */
function codeFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(c?js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}
