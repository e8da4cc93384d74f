import { describe, expect, it } from 'vitest';
import { PLAN_JIT_OFF_BELOW, withBurstTuning } from '../../../src/actions/plan/v8-tuning.js';

describe('withBurstTuning', () => {
  it('returns what the burst returns, for small and large plans', () => {
    expect(withBurstTuning(1_000, () => 'small')).toBe('small');
    expect(withBurstTuning(PLAN_JIT_OFF_BELOW, () => 'large')).toBe('large');
  });

  it('passes on what the burst throws, and a later burst still runs', () => {
    expect(() =>
      withBurstTuning(1_000, () => {
        throw new Error('bad plan');
      }),
    ).toThrow('bad plan');
    expect(withBurstTuning(1_000, () => [1, 2, 3].map((n) => n * 2))).toEqual([2, 4, 6]);
  });
});
