/**
 * Where each value of an instance document sits in its file: recorded by the
 * readers per holding object/array and member name/index, so a validation
 * error's `at: { holder, key }` maps back to `file:line:col`.
 *
 * Documents of 10 MB hold about a million values, so the record is compact: per
 * holder one entry with the file's line index and the character offset of each
 * member (a plain object or array of numbers); line and column are computed only
 * for the positions asked for.
 */
import type { SourceLoc } from '../diagnostics/index.js';

export type { SourceLoc };

export type MemberKey = string | number;

/** Sets an own property, even `__proto__` (plain assignment would set the prototype). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** Maps character offsets of a text to 1-based line/column (binary search over line starts). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    text: string,
    readonly file: string,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  loc(offset: number): SourceLoc {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, col: offset - this.lineStarts[lo]! + 1 };
  }
}

interface HolderRecord {
  lines: LineIndex;
  /** Offset where the object/array itself starts (-1 until known). */
  start: number;
  /** Offset of each member's value, by name (objects) or index (arrays). */
  offsets: Record<string, number> | number[];
  /** Members that came from another file (merged documents). */
  foreign?: Map<MemberKey, SourceLoc>;
}

export class DataPositions {
  private readonly holders = new Map<object, HolderRecord>();

  private record(holder: object, lines: LineIndex): HolderRecord {
    let rec = this.holders.get(holder);
    if (!rec) this.holders.set(holder, (rec = { lines, start: -1, offsets: Array.isArray(holder) ? [] : {} }));
    return rec;
  }

  private offsetOf(rec: HolderRecord, key: MemberKey): number | undefined {
    return Object.hasOwn(rec.offsets, key) ? (rec.offsets as Record<MemberKey, number>)[key] : undefined;
  }

  /** Records that the value of `holder[key]` starts at `offset` of the text `lines` indexes. */
  setMember(holder: object, key: MemberKey, lines: LineIndex, offset: number): void {
    const rec = this.record(holder, lines);
    if (rec.lines !== lines) (rec.foreign ??= new Map()).set(key, lines.loc(offset));
    else if (Array.isArray(rec.offsets)) rec.offsets[key as number] = offset;
    else setOwn(rec.offsets, String(key), offset);
  }

  /** Records where an object or array itself starts (the place to point at for a member missing from it). */
  setStart(value: object, lines: LineIndex, offset: number): void {
    this.record(value, lines).start = offset;
  }

  /** Gives `to[toKey]` the position recorded for `from[fromKey]` (a member moved by a merge). */
  moveMember(from: object, fromKey: MemberKey, to: object, toKey: MemberKey): void {
    const rec = this.holders.get(from);
    const offset = rec && this.offsetOf(rec, fromKey);
    if (rec && offset !== undefined) this.setMember(to, toKey, rec.lines, offset);
    else {
      const loc = rec?.foreign?.get(fromKey);
      if (loc) (this.record(to, rec!.lines).foreign ??= new Map()).set(toKey, loc);
    }
  }

  member(holder: object, key: MemberKey): SourceLoc | undefined {
    const rec = this.holders.get(holder);
    if (!rec) return undefined;
    const offset = this.offsetOf(rec, key);
    return offset !== undefined ? rec.lines.loc(offset) : rec.foreign?.get(key);
  }

  start(value: object): SourceLoc | undefined {
    const rec = this.holders.get(value);
    return rec && rec.start >= 0 ? rec.lines.loc(rec.start) : undefined;
  }

  /** The member's place, else (a member missing from `holder`) the holder's own. */
  locate(at: { holder: object; key: MemberKey } | undefined): SourceLoc | undefined {
    if (!at) return undefined;
    return this.member(at.holder, at.key) ?? this.start(at.holder);
  }
}

/** A data file that cannot be read as an instance document (unreadable, malformed, not matching the schema's shape). */
export class DataFileError extends Error {
  constructor(
    message: string,
    readonly loc: SourceLoc | { file: string },
    /** The RFC 6241 error-tag that fits: malformed-message, unknown-element, unknown-namespace, ...; 'unreadable' for a file that cannot be read. */
    readonly rule = 'malformed-message',
  ) {
    super(message);
    this.name = 'DataFileError';
  }
}

export function formatLoc(loc: SourceLoc | { file: string }): string {
  return 'line' in loc ? `${loc.file}:${loc.line}:${loc.col}` : loc.file;
}
