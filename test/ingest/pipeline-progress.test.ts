import { describe, expect, it } from 'vitest';
import { createProgressPrinter } from '../../src/ingest/progress.js';

function printer(tty: boolean) {
  let now = 0;
  const out: string[] = [];
  const p = createProgressPrinter({ write: (s) => void out.push(s), tty, columns: 80, now: () => now, lineIntervalMs: 5000, redrawIntervalMs: 100 });
  return { p, out, advance: (ms: number) => (now += ms) };
}

describe('download progress', () => {
  it('redraws one bar in place on a TTY, at most every 100 ms', () => {
    const { p, out, advance } = printer(true);
    p.update({ bytes: 0, totalBytes: 4 * 1024 * 1024 });
    advance(50);
    p.update({ bytes: 1024 * 1024 });
    advance(60);
    p.update({ bytes: 2 * 1024 * 1024 });
    p.finish();

    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^\rfetch \[\.+\]   0% 0 B \/ 4\.0 MiB\x1b\[K$/);
    expect(out[1]).toMatch(/^\rfetch \[#+\.+\]  50% 2\.0 MiB \/ 4\.0 MiB\x1b\[K$/);
    expect(out[2]).toBe('\r\x1b[K');
  });

  it('prints a plain line every few seconds when not on a TTY', () => {
    const { p, out, advance } = printer(false);
    for (let i = 1; i <= 12; i++) {
      p.update({ bytes: i * 1000 });
      advance(1000);
    }
    p.finish();

    expect(out).toEqual(['fetch: 1000 B\n', 'fetch: 5.9 KiB\n', 'fetch: 10.7 KiB\n']);
  });

  it('shows the percentage when the size is known', () => {
    const { p, out } = printer(false);
    p.update({ bytes: 512, totalBytes: 2048, rows: 1234 });
    expect(out).toEqual(['fetch: 512 B / 2.0 KiB, 1,234 rows (25%)\n']);
  });
});
