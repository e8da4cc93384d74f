/**
 * What to do with the build when the workflow is cancelled (the runner sends SIGINT, then SIGTERM): cancel it
 * only while it has not started (QUEUED or PENDING). A WORKING build is left to finish — killing Terraform in the
 * middle of an apply leaves state locked or half-written — and the log says so.
 *
 * Cloud Build has no "cancel only if still queued": between our read and the cancel the build may start. That
 * window is one round trip; when the cancelled build turns out to have started, we say so loudly.
 */
import type { CloudBuildApi } from './client.js';
import { NOT_STARTED_STATUSES, isTerminal, statusOf } from './build.js';

export type CancelDecision = 'cancelled' | 'left-running' | 'already-ended';

export interface CancelLog {
  info(message: string): void;
  warning(message: string): void;
}

export async function cancelIfNotStarted(
  cloudBuild: Pick<CloudBuildApi, 'getBuild' | 'cancelBuild'>,
  id: string,
  log: CancelLog,
): Promise<CancelDecision> {
  const build = await cloudBuild.getBuild(id);
  const status = statusOf(build.status);
  if (isTerminal(status)) return 'already-ended';
  if (!NOT_STARTED_STATUSES.has(status)) {
    log.warning(
      `The workflow was cancelled, but Cloud Build build ${id} is ${status}: it is left to finish, because stopping ` +
        `Terraform mid-apply can corrupt the state. Follow it at ${build.logUrl || 'the Cloud Build console'}`,
    );
    return 'left-running';
  }
  try {
    const cancelled = await cloudBuild.cancelBuild(id);
    if (cancelled.startTime?.seconds && Number(cancelled.startTime.seconds) > 0) {
      log.warning(`Cloud Build build ${id} had just started when it was cancelled; check the state of the apply.`);
    } else {
      log.info(`The workflow was cancelled: Cloud Build build ${id} was ${status} and is now cancelled.`);
    }
    return 'cancelled';
  } catch (error) {
    // FAILED_PRECONDITION: it ended between our read and the cancel.
    if ((error as { code?: number }).code === 9) return 'already-ended';
    throw error;
  }
}

/** Something that delivers SIGINT/SIGTERM (the action passes `process`). */
export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface CancelGuard {
  /** Remove the signal handlers (call once the build has ended). */
  dispose(): void;
  /** The outcome of handling the first signal, once one arrived and was handled. */
  readonly decision: Promise<CancelDecision> | undefined;
}

/**
 * While installed, a SIGINT or SIGTERM cancels the build if it has not started, else leaves it running. Repeated
 * signals while one is being handled do nothing more. The process is not exited: the caller's wait loop sees the
 * CANCELLED status (or keeps following the WORKING build until the runner stops the job).
 */
export function cancelOnSignal(options: {
  cloudBuild: Pick<CloudBuildApi, 'getBuild' | 'cancelBuild'>;
  id: string;
  signals: SignalSource;
  log: CancelLog;
}): CancelGuard {
  let decision: Promise<CancelDecision> | undefined;
  const handler = () => {
    if (decision) return;
    decision = cancelIfNotStarted(options.cloudBuild, options.id, options.log).catch((error: unknown) => {
      options.log.warning(`Could not cancel Cloud Build build ${options.id}: ${(error as Error).message}`);
      return 'left-running' as const;
    });
  };
  options.signals.on('SIGINT', handler);
  options.signals.on('SIGTERM', handler);
  return {
    dispose() {
      options.signals.off('SIGINT', handler);
      options.signals.off('SIGTERM', handler);
    },
    get decision() {
      return decision;
    },
  };
}

