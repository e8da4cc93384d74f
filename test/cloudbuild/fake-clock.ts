import type { Clock } from '../../src/cloudbuild/wait.js';

/** A clock whose sleeps advance time instantly, recording each one. */
export function fakeClock(start = 0): Clock & { sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}
