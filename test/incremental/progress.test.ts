import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressLine } from '../../src/incremental/progress.js';

const stream = (isTTY: boolean) => ({ isTTY, columns: 100, text: '', write(t: string) { this.text += t; } });

describe('progress line', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['performance'] }));
  afterEach(() => void vi.useRealTimers());

  it('appears on a terminal once a build takes a while, and is erased at the end', () => {
    const tty = stream(true);
    const bar = new ProgressLine(tty, 10);
    bar.update(1, 'tree a');
    expect(tty.text).toBe(''); // a short build never shows it
    vi.advanceTimersByTime(500);
    bar.update(5, 'swagger openconfig-interfaces');
    expect(tty.text).toBe('\r\x1b[K[############------------] 5/10 swagger openconfig-interfaces');
    bar.clear();
    expect(tty.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('draws nothing when the output is not a terminal', () => {
    const pipe = stream(false);
    const bar = new ProgressLine(pipe, 10);
    vi.advanceTimersByTime(500);
    bar.update(5, 'tree a');
    bar.clear();
    expect(pipe.text).toBe('');
  });
});
