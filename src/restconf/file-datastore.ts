/**
 * A datastore persisted as one JSON file. Each commit writes a temporary file
 * in the same directory, fsyncs it, renames it over the old file and fsyncs
 * the directory: a crash leaves either the old or the new file, never a torn
 * one, and a commit is acknowledged only after the rename is durable.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { type Datastore, type Snapshot, makeSnapshot, wholeSecond } from './datastore.js';
import { type JsonObject, isObject } from './schema-index.js';

const FORMAT = 'yangkit-datastore/1';

interface FileContent {
  format: typeof FORMAT;
  lastModified: string;
  data: JsonObject;
}

export class DatastoreFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`datastore file ${file}: ${reason}`);
    this.name = 'DatastoreFileError';
  }
}

async function writeDurably(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  const dirHandle = await open(dir, 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

function parseContent(file: string, text: string): Snapshot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new DatastoreFileError(file, `not valid JSON (${(err as Error).message}); restore it from a backup or remove it to start empty`);
  }
  if (!isObject(parsed) || parsed.format !== FORMAT || !isObject(parsed.data) || typeof parsed.lastModified !== 'string') {
    throw new DatastoreFileError(file, `not a ${FORMAT} file (expected {"format", "lastModified", "data"})`);
  }
  const lastModified = new Date(parsed.lastModified);
  if (Number.isNaN(lastModified.getTime())) throw new DatastoreFileError(file, `bad lastModified "${parsed.lastModified}"`);
  return makeSnapshot(parsed.data, lastModified);
}

export class FileDatastore implements Datastore {
  /** Commits run one after another so renames land in commit order. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private snapshot: Snapshot,
  ) {}

  /** Loads `file`, or starts empty (without creating it) when it does not exist. */
  static async open(file: string): Promise<FileDatastore> {
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new DatastoreFileError(file, (err as Error).message);
    }
    const snapshot = text === undefined ? makeSnapshot({}, wholeSecond(new Date())) : parseContent(file, text);
    return new FileDatastore(file, snapshot);
  }

  current(): Snapshot {
    return this.snapshot;
  }

  commit(data: JsonObject): Promise<Snapshot> {
    const run = async (): Promise<Snapshot> => {
      const next = makeSnapshot(data, wholeSecond(new Date()));
      const content: FileContent = { format: FORMAT, lastModified: next.lastModified.toISOString(), data };
      await writeDurably(this.file, `${JSON.stringify(content, null, 2)}\n`);
      this.snapshot = next;
      return next;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.queue;
  }
}
