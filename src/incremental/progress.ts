/** Where a progress line may be drawn: a terminal stream. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const WIDTH = 24;
/** Short builds finish before the bar would appear: it only starts after this long. */
const SHOW_AFTER_MS = 400;
const REDRAW_EVERY_MS = 80;

/**
 * A one-line progress bar, redrawn in place, for long builds on a terminal.
 * On anything else (a pipe, a file, CI logs) it draws nothing.
 */
export class ProgressLine {
  private readonly started = performance.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {}

  update(done: number, label: string): void {
    if (!this.stream.isTTY) return;
    const now = performance.now();
    if (now - this.started < SHOW_AFTER_MS || now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    const filled = Math.round((WIDTH * done) / Math.max(this.total, 1));
    const line = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${this.total} ${label}`;
    this.stream.write(`\r\x1b[K${line.slice(0, (this.stream.columns ?? 80) - 1)}`);
    this.drawn = true;
  }

  /** Erases the line, so the next output starts on a clean line. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
