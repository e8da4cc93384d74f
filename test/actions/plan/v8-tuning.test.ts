import { describe, expect, it } from 'vitest';
import { PLAN_JIT_OFF_BELOW, PLAN_TUNE_FROM, withBurstTuning } from '../../../src/actions/plan/v8-tuning.js';

describe('withBurstTuning', () => {
  it('returns what the burst returns, untuned, tuned without the JIT, and tuned with it', () => {
    expect(withBurstTuning(1_000, () => 'tiny')).toBe('tiny');
    expect(withBurstTuning(PLAN_TUNE_FROM, () => 'medium')).toBe('medium');
    expect(withBurstTuning(PLAN_JIT_OFF_BELOW, () => 'large')).toBe('large');
  });

  it('hands the burst a parsed() to call between parsing and rendering, once or more, at every size', () => {
    for (const size of [1_000, PLAN_TUNE_FROM, PLAN_JIT_OFF_BELOW]) {
      const steps: string[] = [];
      const result = withBurstTuning(size, (parsed) => {
        steps.push('parse');
        parsed();
        parsed();
        steps.push('render');
        return size;
      });
      expect(result).toBe(size);
      expect(steps).toEqual(['parse', 'render']);
    }
  });

  it('passes on what the burst throws, before or after parsed(), and a later burst still runs', () => {
    expect(() =>
      withBurstTuning(PLAN_TUNE_FROM, () => {
        throw new Error('bad plan');
      }),
    ).toThrow('bad plan');
    expect(() =>
      withBurstTuning(PLAN_TUNE_FROM, (parsed) => {
        parsed();
        throw new Error('render failed');
      }),
    ).toThrow('render failed');
    expect(withBurstTuning(PLAN_TUNE_FROM, () => [1, 2, 3].map((n) => n * 2))).toEqual([2, 4, 6]);
  });
});
