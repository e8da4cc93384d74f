/**
 * The apply, as a story: the merged PR of the commit → its reviewed plan, verified → the build (attached or
 * started) → wait while streaming its log → the outcome on the PR. Collaborators come in as arguments, so the
 * action, the CLI and the tests run the same code.
 */
import { UserError } from '../errors.js';
import { type Build, consoleUrl, statusOf } from '../cloudbuild/build.js';
import type { CloudBuildApi } from '../cloudbuild/client.js';
import { cancelOnSignal, type SignalSource } from '../cloudbuild/cancel.js';
import { isStalePlanLine } from '../cloudbuild/apply-log.js';
import { startBuildLogStream } from '../cloudbuild/log-stream.js';
import { BuildDeadlineError, BuildFailedError, waitForBuild, type Clock, type PollSchedule } from '../cloudbuild/wait.js';
import { findReviewedPlan, type ReviewedPlan } from '../reviewed-plan/fetch.js';
import type { PlanLocation } from '../reviewed-plan/manifest.js';
import type { ObjectStore } from '../storage/object-store.js';
import { handOff, type Handoff } from './handoff.js';
import { STALE_PLAN_ADVICE, type ApplyReport } from './outcome.js';

export interface MergedPull {
  number: number;
  url: string;
  headSha: string;
}

export interface ApplyRequest {
  /** owner/repo */
  repository: string;
  /** The merge commit on the default branch (GITHUB_SHA of the push). */
  commitSha: string;
  runId: string;
  runUrl?: string;
  environment: string;
  workingDirectory: string;
  /** Where reviewed plans live; required when requireReviewedPlan. */
  planLocation?: PlanLocation;
  requireReviewedPlan: boolean;
  handoff: Handoff;
  /** Extra KEY=VALUE substitutions from the workflow. */
  substitutions: Record<string, string>;
  timeoutMs: number;
  projectId: string;
  region: string;
}

export interface ApplyLog {
  info(message: string): void;
  warning(message: string): void;
  /** One line of the build log. */
  buildLine(line: string): void;
}

export interface ApplyCollaborators {
  findMergedPullRequest(sha: string): Promise<MergedPull | undefined>;
  store: ObjectStore;
  cloudBuild: CloudBuildApi;
  log: ApplyLog;
  /** Where SIGINT/SIGTERM arrive (the action passes `process`): cancel a build that has not started. */
  signals?: SignalSource;
  clock?: Clock;
  poll?: Partial<PollSchedule>;
  logIntervalMs?: number;
}

/** Substitutions the action owns; the `substitutions` input may not set them. */
export const RESERVED_SUBSTITUTIONS = ['_PLAN_URI', '_PLAN_SHA256', '_ENV', '_WORKING_DIR', '_PR_NUMBER', '_COMMIT_SHA'] as const;

export interface ApplyResult {
  report: ApplyReport;
  /** Set when the step must fail; its message is the one-line failure. */
  error?: Error;
}

export async function runApply(request: ApplyRequest, deps: ApplyCollaborators): Promise<ApplyResult> {
  const { log } = deps;
  const report: ApplyReport = {
    outcome: 'not-started',
    environment: request.environment,
    commitSha: request.commitSha,
    reviewedPlan: request.requireReviewedPlan,
    attached: false,
    runUrl: request.runUrl,
  };
  const pull = await deps.findMergedPullRequest(request.commitSha);
  if (!pull) {
    throw new UserError(
      `No merged pull request has ${request.commitSha} in ${request.repository}: the apply deploys the reviewed plan of ` +
        'a merged pull request, and a direct push has none.',
    );
  }
  report.pullRequest = { number: pull.number, url: pull.url };
  log.info(`Commit ${request.commitSha} is the merge of PR #${pull.number} (head ${pull.headSha}).`);

  try {
    let reviewed: ReviewedPlan | undefined;
    if (request.requireReviewedPlan) {
      if (!request.planLocation) throw new UserError('Input `plan-bucket` is required when `require-reviewed-plan` is true.');
      reviewed = await findReviewedPlan(deps.store, request.planLocation, {
        repository: request.repository,
        environment: request.environment,
        pullRequest: pull.number,
        headSha: pull.headSha,
      });
      report.planUri = reviewed.planUri;
      report.planSha256 = reviewed.manifest.planSha256;
      log.info(`Reviewed plan ${reviewed.planUri}: sha256 ${reviewed.manifest.planSha256} verified.`);
      if (reviewed.manifest.workingDirectory !== request.workingDirectory) {
        log.warning(
          `The reviewed plan was made in ${reviewed.manifest.workingDirectory}, this step applies ${request.workingDirectory}; ` +
            'Terraform will refuse the plan if the roots differ.',
        );
      }
    } else {
      log.warning('require-reviewed-plan is false: Cloud Build will plan and apply in one build; nobody reviewed that plan.');
    }

    const substitutions = buildSubstitutions(request, pull, reviewed);
    const handedOff = await handOff(
      deps.cloudBuild,
      deps.store,
      { handoff: request.handoff, environment: request.environment, runId: request.runId, commitSha: request.commitSha, substitutions },
      log,
    );
    report.buildId = handedOff.buildId;
    report.attached = handedOff.attached;
    return await follow(request, deps, report);
  } catch (error) {
    report.reason ??= (error as Error).message;
    return { report, error: error as Error };
  }
}

function buildSubstitutions(request: ApplyRequest, pull: MergedPull, reviewed: ReviewedPlan | undefined): Record<string, string> {
  const taken = Object.keys(request.substitutions).filter((k) => (RESERVED_SUBSTITUTIONS as readonly string[]).includes(k));
  if (taken.length > 0) {
    throw new UserError(`Input \`substitutions\` sets ${taken.join(', ')}, which the action sets itself; remove ${taken.length > 1 ? 'them' : 'it'}.`);
  }
  const ours: Record<string, string> = {
    _ENV: request.environment,
    _WORKING_DIR: request.workingDirectory,
    _PR_NUMBER: String(pull.number),
    _COMMIT_SHA: request.commitSha,
  };
  if (reviewed) Object.assign(ours, { _PLAN_URI: reviewed.planUri, _PLAN_SHA256: reviewed.manifest.planSha256 });
  return { ...request.substitutions, ...ours };
}

async function follow(request: ApplyRequest, deps: ApplyCollaborators, report: ApplyReport): Promise<ApplyResult> {
  const { cloudBuild, log } = deps;
  const id = report.buildId as string;
  const first = await cloudBuild.getBuild(id);
  report.logUrl = first.logUrl || consoleUrl(request.projectId, request.region, id);
  report.status = statusOf(first.status);
  log.info(`Cloud Build build ${id}: ${report.logUrl}`);

  let stale = false;
  // Without a signal source (tests, embedding) nobody can cancel the workflow, so there is nothing to guard.
  const guard = deps.signals ? cancelOnSignal({ cloudBuild, id, signals: deps.signals, log }) : { dispose: () => undefined };
  const stream = startBuildLogStream({
    store: deps.store,
    build: first,
    consoleUrl: report.logUrl,
    intervalMs: deps.logIntervalMs,
    onLine: (line) => {
      if (isStalePlanLine(line)) stale = true;
      log.buildLine(line);
    },
    onUnavailable: log.warning,
  });
  let last: Build = first;
  try {
    const result = await waitForBuild({
      getBuild: (x) => cloudBuild.getBuild(x),
      id,
      timeoutMs: request.timeoutMs,
      clock: deps.clock,
      poll: deps.poll,
      onStatus: (status, build) => {
        last = build;
        log.info(`Build ${id} is ${status}.`);
      },
    });
    last = result.build;
    report.outcome = 'applied';
    return { report: finish(report, last) };
  } catch (error) {
    if (error instanceof BuildFailedError) {
      last = error.build;
      report.stepId = error.stepId;
    } else if (error instanceof BuildDeadlineError) {
      last = error.build;
      report.outcome = 'timed-out';
      report.reason = error.message;
      return { report: finish(report, last), error };
    } else {
      throw error;
    }
  } finally {
    await stream.finish();
    guard.dispose();
  }
  finish(report, last);
  if (stale) {
    report.outcome = 'stale';
    return { report, error: new UserError(`The plan reviewed in PR #${report.pullRequest?.number} is stale. ${STALE_PLAN_ADVICE} Log: ${report.logUrl}`) };
  }
  report.outcome = report.status === 'CANCELLED' ? 'cancelled' : 'failed';
  const failed = new BuildFailedError(last, report.status ?? 'STATUS_UNKNOWN', report.stepId, report.logUrl ?? '');
  report.reason = failed.message;
  return { report, error: failed };
}

function finish(report: ApplyReport, build: Build): ApplyReport {
  report.status = statusOf(build.status);
  const ms = (t: Build['startTime']) => (t?.seconds ? Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : undefined);
  const start = ms(build.startTime) ?? ms(build.createTime);
  const end = ms(build.finishTime);
  if (start !== undefined && end !== undefined && end >= start) report.durationMs = end - start;
  return report;
}
