/**
 * Wait for a build to end by polling getBuild: 1 s after the first read, backing off ×1.5 to a 2.75 s cap, the
 * interval measured from the start of one read to the start of the next. A build's end is therefore noticed
 * within 2.75 s plus one round trip — inside the 3 s promise — while a 10-minute apply costs ~220 reads.
 * A deadline bounds the wait; reaching it leaves the build running (stopping a Terraform apply midway corrupts
 * state) and says where to follow it.
 */
import { UserError } from '../errors.js';
import { type Build, type BuildStatus, failingStepId, isTerminal, statusOf } from './build.js';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const DEFAULT_WAIT_TIMEOUT_MS = 60 * 60 * 1000;

export interface PollSchedule {
  initialMs: number;
  maxMs: number;
  multiplier: number;
}

// The cap leaves 250 ms of the 3 s budget for the getBuild round trip itself.
export const DEFAULT_POLL: PollSchedule = { initialMs: 1000, maxMs: 2750, multiplier: 1.5 };

export interface WaitOptions {
  getBuild(id: string): Promise<Build>;
  id: string;
  /** How long to wait in total; default 60 min. */
  timeoutMs?: number;
  clock?: Clock;
  poll?: Partial<PollSchedule>;
  /** Called with every build read whose status differs from the previous one (the first read included). */
  onStatus?(status: BuildStatus, build: Build): void;
}

export interface WaitResult {
  build: Build;
  status: 'SUCCESS';
  /** getBuild calls made, the first included. */
  calls: number;
}

/** The build ended in a failure status. The message names status, failing step and log URL. */
export class BuildFailedError extends UserError {
  constructor(
    readonly build: Build,
    readonly status: BuildStatus,
    readonly stepId: string | undefined,
    readonly logUrl: string,
  ) {
    super(
      `Cloud Build build ${build.id} ended ${status}` +
        `${stepId ? ` at step "${stepId}"` : ''}` +
        `${build.statusDetail ? ` (${build.statusDetail})` : ''}; log: ${logUrl || '(no log URL)'}`,
    );
  }
}

/** The deadline passed while the build was still running; it was left running. */
export class BuildDeadlineError extends UserError {
  constructor(
    readonly build: Build,
    readonly status: BuildStatus,
    readonly timeoutMs: number,
  ) {
    super(
      `Cloud Build build ${build.id} was still ${status} after ${formatDuration(timeoutMs)} (the \`timeout\`); ` +
        `it was left running, not cancelled. Follow it at ${build.logUrl || 'the Cloud Build console'}.`,
    );
  }
}

function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}

export async function waitForBuild(options: WaitOptions): Promise<WaitResult> {
  const clock = options.clock ?? realClock;
  const schedule = { ...DEFAULT_POLL, ...options.poll };
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const deadline = clock.now() + timeoutMs;
  let interval = schedule.initialMs;
  let calls = 0;
  let previous: BuildStatus | undefined;
  for (;;) {
    const readStartedAt = clock.now();
    const build = await options.getBuild(options.id);
    calls++;
    const status = statusOf(build.status);
    if (status !== previous) options.onStatus?.(status, build);
    previous = status;
    if (isTerminal(status)) {
      if (status === 'SUCCESS') return { build, status, calls };
      throw new BuildFailedError(build, status, failingStepId(build), build.logUrl ?? '');
    }
    const now = clock.now();
    if (now >= deadline) throw new BuildDeadlineError(build, status, timeoutMs);
    // Never sleep past the deadline: the last read happens at it, so a build ending just before still passes.
    const nextReadAt = Math.min(readStartedAt + interval, deadline);
    await clock.sleep(Math.max(0, nextReadAt - now));
    interval = Math.min(interval * schedule.multiplier, schedule.maxMs);
  }
}
