/**
 * Where each value of an instance document sits in its file: recorded by the
 * readers per holding object/array and member name/index, so a validation
 * error's `at: { holder, key }` maps back to `file:line:col`.
 */
import type { SourceLoc } from '../diagnostics/index.js';

export type { SourceLoc };

export type MemberKey = string | number;

export class DataPositions {
  private readonly members = new WeakMap<object, Map<MemberKey, SourceLoc>>();
  private readonly starts = new WeakMap<object, SourceLoc>();

  /** Records where the value of `holder[key]` starts. */
  setMember(holder: object, key: MemberKey, loc: SourceLoc): void {
    let map = this.members.get(holder);
    if (!map) this.members.set(holder, (map = new Map()));
    map.set(key, loc);
  }

  member(holder: object, key: MemberKey): SourceLoc | undefined {
    return this.members.get(holder)?.get(key);
  }

  /** Records where an object or array itself starts (the place to point at for a member missing from it). */
  setStart(value: object, loc: SourceLoc): void {
    this.starts.set(value, loc);
  }

  start(value: object): SourceLoc | undefined {
    return this.starts.get(value);
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

/** Maps character offsets of a text to 1-based line/column (binary search over line starts: O(log n) per look-up). */
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

export function formatLoc(loc: SourceLoc | { file: string }): string {
  return 'line' in loc ? `${loc.file}:${loc.line}:${loc.col}` : loc.file;
}
