/**
 * Poll until a check says done, with exponential backoff and a deadline: the one waiting loop the warehouse
 * loaders use, so none of them can spin forever or hammer an API.
 */

export interface PollOptions {
  /** First wait between checks. */
  initialMs: number;
  /** Longest wait between checks. */
  maxMs: number;
  /** Give up (throw) once this much time has passed. */
  timeoutMs: number;
  /** Error message when the deadline passes. */
  timeoutMessage: string;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export async function pollUntil<T>(check: () => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  let wait = options.initialMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    const left = deadline - now();
    if (left <= 0) throw new Error(options.timeoutMessage);
    await sleep(Math.min(wait, left));
    wait = Math.min(Math.ceil(wait * 1.5), options.maxMs);
  }
}
