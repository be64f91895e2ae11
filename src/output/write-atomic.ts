import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/**
 * Writes a file so readers see the old content or the new, never half of it:
 * write a sibling temporary file, then rename over the target.
 */
export function writeFileAtomic(path: string, content: string): void {
  writeAtomically(path, (tmp) => writeFileSync(tmp, content, { flush: true }));
}

/**
 * `writeFileAtomic` for content made piece by piece: `produce` hands each piece to
 * `write`; they go to the file in blocks (see `blockWriter`), so the whole never
 * has to be in memory.
 */
export function writeFileAtomicStream(path: string, produce: (write: (text: string) => void) => void): void {
  writeAtomically(path, (tmp) => {
    const fd = openSync(tmp, 'w');
    try {
      const out = blockWriter((block) => writeAll(fd, Buffer.from(block)));
      produce(out.write);
      out.end();
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
}

/** Writes generated files under `dir`, each atomically, only after all were generated. */
export function writeFilesAtomic(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [name, content] of files) writeFileAtomic(join(dir, name), content);
}

/** Lets `write` (which flushes the content to disk) fill a temporary file, then renames it to `path`. */
function writeAtomically(path: string, write: (tmp: string) => void): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    write(tmp);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Blocks of about this many characters: few system calls, little memory. */
const BLOCK_LENGTH = 2 ** 16;

/** Gathers small pieces of text into blocks for `sink`; `end` passes on the rest. */
export function blockWriter(sink: (block: string) => void): { write: (text: string) => void; end: () => void } {
  let pieces: string[] = [];
  let length = 0;
  const flush = () => {
    if (length > 0) sink(pieces.join(''));
    pieces = [];
    length = 0;
  };
  return {
    write(text) {
      pieces.push(text);
      length += text.length;
      if (length >= BLOCK_LENGTH) flush();
    },
    end: flush,
  };
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
}
