import { describe, it, expect, afterEach, vi } from 'vitest';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { withWatchdog } from '../../src/storage/gcs-download.js';
import { isRetryable } from '../../src/storage/gcs-errors.js';

describe('download watchdog', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves a consumer that is slow to read alone: the bytes are waiting, the network is not stalled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const source = new PassThrough();
    const guarded = withWatchdog(source, 50);
    guarded.pause();
    source.write(Buffer.alloc(10)); // the source stays open: only the consumer is idle
    await nextTurn();
    vi.advanceTimersByTime(500);
    expect(guarded.destroyed).toBe(false);
    source.end();
    guarded.resume();
    expect(Buffer.concat(await guarded.toArray()).length).toBe(10);
  });

  it('fails a download that delivers nothing for the idle timeout with a retryable error', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const silent = new PassThrough();
    const result = withWatchdog(silent, 50)
      .toArray()
      .catch((e: unknown) => e);
    vi.advanceTimersByTime(49);
    await nextTurn();
    expect(silent.destroyed).toBe(false);
    vi.advanceTimersByTime(1);
    const error = await result;
    expect(String((error as Error).message)).toMatch(/No data for 50 ms/);
    expect(isRetryable(error)).toBe(true);
  });
});
