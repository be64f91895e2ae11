/**
 * The running configuration datastore. A datastore holds one immutable
 * snapshot of the RFC 7951 config tree; the server edits a copy and commits it
 * whole, so every commit is atomic and readers never see a half-applied edit.
 */
import { createHash } from 'node:crypto';
import type { JsonObject } from './schema-index.js';

export interface Snapshot {
  /** Config data, RFC 7951 JSON with module-qualified top-level members. Never mutate. */
  readonly data: JsonObject;
  /** Strong entity tag (quoted), derived from the content so it survives restarts. */
  readonly etag: string;
  readonly lastModified: Date;
}

export interface Datastore {
  current(): Snapshot;
  /** Replaces the content; resolves once the new snapshot is durable. */
  commit(data: JsonObject): Promise<Snapshot>;
  close(): Promise<void>;
}

export function makeSnapshot(data: JsonObject, lastModified: Date): Snapshot {
  const digest = createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 22);
  return Object.freeze({ data, etag: `"${digest}"`, lastModified });
}

/** HTTP dates have one-second resolution; keep Last-Modified comparable with If-Modified-Since. */
export function wholeSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

export class MemoryDatastore implements Datastore {
  private snapshot: Snapshot;

  constructor(initial: JsonObject = {}) {
    this.snapshot = makeSnapshot(structuredClone(initial), wholeSecond(new Date()));
  }

  current(): Snapshot {
    return this.snapshot;
  }

  async commit(data: JsonObject): Promise<Snapshot> {
    this.snapshot = makeSnapshot(data, wholeSecond(new Date()));
    return this.snapshot;
  }

  async close(): Promise<void> {}
}
