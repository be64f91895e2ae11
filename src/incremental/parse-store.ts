import { statSync } from 'node:fs';
import { ParseCache, parseSource, type ParseResult } from '../modules/loader.js';
import { sha256, type DiskCache } from './disk-cache.js';
import type { SourceOverlay } from './sources.js';

/** A file as the last compile read it: its content hash, or undefined when it could not be read. */
export type FileVersion = string | undefined;

/** The content hash of a file as the overlay shows it; undefined when it cannot be read. */
export function contentVersion(overlay: SourceOverlay, file: string): FileVersion {
  try {
    return sha256(overlay.read(file));
  } catch {
    return undefined;
  }
}

/** A file's content hash with the stamp (size, times, inode) the file had when it was read. */
export interface StampedVersion {
  stamp: string;
  version: string;
}

/**
 * A file's stamp, when it can stand for its content: a file changed since has another (its change
 * time is set by the system on every write), unless it changes within the clock's granularity of the
 * stamp, so a file changed in the last seconds has none.
 */
function diskStamp(file: string): string | undefined {
  try {
    const s = statSync(file);
    return Date.now() - s.ctimeMs > RECENT_MS && Date.now() - s.mtimeMs > RECENT_MS ? `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}` : undefined;
  } catch {
    return undefined;
  }
}

const RECENT_MS = 2000;

interface StoredParse {
  contentHash: string;
  result: ParseResult;
}

/**
 * The parse cache the compiler hands to `compileYang`: reads through the overlay,
 * remembers the content hash of every file read (the compile's inputs), and keeps
 * parse trees on disk so a new process skips parsing files that did not change.
 */
export class ParseStore extends ParseCache {
  private readonly memo = new Map<string, { version: FileVersion; result: ParseResult }>();
  /** Stamps of files on disk known to go with a content hash (read in this process, or remembered by the disk cache). */
  private readonly stamps = new Map<string, StampedVersion>();
  private recording: Map<string, FileVersion> | undefined;

  constructor(
    private readonly overlay: SourceOverlay,
    private readonly disk: DiskCache | undefined,
  ) {
    super((file) => overlay.read(file));
  }

  override parse(file: string): ParseResult {
    return this.entry(file).result;
  }

  /** The content hash of the file as last parsed (reading it now if it never was). */
  version(file: string): FileVersion {
    return this.entry(file).version;
  }

  /** The parse of `file` if its content hash is `version`, from memory or disk; never parses. */
  cached(file: string, version: string): ParseResult | undefined {
    const known = this.memo.get(file);
    if (known?.version === version) return known.result;
    const stored = this.disk?.get<StoredParse>('parse', file);
    return stored?.contentHash === version ? stored.result : undefined;
  }

  /**
   * The content hash of the file as it is now, as `contentVersion` gives it; the known hash
   * when the file's stamp is the one it had then (the file is not read).
   */
  currentVersion(file: string): FileVersion {
    const known = this.overlay.overrides(file) ? undefined : this.stamps.get(file);
    const stamp = known && diskStamp(file);
    return stamp !== undefined && stamp === known!.stamp ? known!.version : contentVersion(this.overlay, file);
  }

  /** Takes stamps remembered from another process. */
  addStamps(stamps: ReadonlyMap<string, StampedVersion>): void {
    for (const [file, s] of stamps) if (!this.stamps.has(file)) this.stamps.set(file, s);
  }

  /** The known stamps of files in `versions` that go with the version given there. */
  stampsOf(versions: ReadonlyMap<string, FileVersion>): Map<string, StampedVersion> {
    const found = new Map<string, StampedVersion>();
    for (const [file, version] of versions) {
      const s = this.stamps.get(file);
      if (s && s.version === version) found.set(file, s);
    }
    return found;
  }

  /** Starts noting the files parsed (the files a compile reads). */
  startRecording(): void {
    this.recording = new Map();
  }

  /** The files parsed since `startRecording`, with their content hashes. */
  stopRecording(): Map<string, FileVersion> {
    const files = this.recording ?? new Map<string, FileVersion>();
    this.recording = undefined;
    return files;
  }

  /** Forgets the parse of `file` unless its content is unchanged; returns its content hash now. */
  refresh(file: string): FileVersion {
    const version = contentVersion(this.overlay, file);
    if (this.memo.get(file)?.version !== version || version === undefined) this.memo.delete(file);
    return version;
  }

  override invalidate(file: string): void {
    this.memo.delete(file);
  }

  private entry(file: string): { version: FileVersion; result: ParseResult } {
    let e = this.memo.get(file);
    if (!e) {
      e = this.load(file);
      this.memo.set(file, e);
    }
    this.recording?.set(file, e.version);
    return e;
  }

  private load(file: string): { version: FileVersion; result: ParseResult } {
    let text: string | Uint8Array;
    // Taken before reading: a change while reading leaves the stamp of the older content, which the next check does not match.
    const stamp = this.overlay.overrides(file) ? undefined : diskStamp(file);
    try {
      text = this.overlay.read(file);
    } catch {
      const result = super.parse(file); // the base class words the read error
      super.invalidate(file); // and must not remember it: the file may appear later
      return { version: undefined, result };
    }
    const version = sha256(text);
    if (stamp !== undefined) this.stamps.set(file, { stamp, version });
    else this.stamps.delete(file);
    const stored = this.disk?.get<StoredParse>('parse', file);
    if (stored?.contentHash === version) return { version, result: stored.result };
    const result = parseSource(text, file);
    this.disk?.set('parse', file, { contentHash: version, result } satisfies StoredParse);
    return { version, result };
  }
}
