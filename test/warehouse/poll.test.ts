import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/warehouse/poll.js';

/** A clock that only moves when the poller sleeps, so deadlines are exact and nothing really waits. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe('pollUntil', () => {
  it('backs off ×1.5 up to the cap and returns the first defined result', async () => {
    const t = fakeTime();
    let calls = 0;
    const result = await pollUntil(async () => (++calls === 6 ? 'done' : undefined), { initialMs: 100, maxMs: 300, timeoutMs: 10_000, timeoutMessage: 'late', ...t });
    expect(result).toBe('done');
    expect(t.sleeps).toEqual([100, 150, 225, 300, 300]);
  });

  it('throws its message once the deadline passes, never sleeping past it', async () => {
    const t = fakeTime();
    await expect(pollUntil(async () => undefined, { initialMs: 400, maxMs: 400, timeoutMs: 1000, timeoutMessage: 'job x did not finish', ...t })).rejects.toThrow('job x did not finish');
    expect(t.sleeps).toEqual([400, 400, 200]);
  });
});
