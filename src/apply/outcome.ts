/**
 * What an apply ended as, in the words the PR comment, the job summary and the step outputs use. Pure: the
 * orchestration (run-apply.ts) decides the outcome, this module only words it.
 */
import type { BuildStatus } from '../cloudbuild/build.js';

export type ApplyOutcomeKind = 'applied' | 'failed' | 'stale' | 'cancelled' | 'timed-out' | 'not-started';

export interface ApplyReport {
  outcome: ApplyOutcomeKind;
  environment: string;
  commitSha: string;
  pullRequest?: { number: number; url: string };
  buildId?: string;
  status?: BuildStatus;
  logUrl?: string;
  /** Failing step of a failed build. */
  stepId?: string;
  planUri?: string;
  planSha256?: string;
  /** false: planned and applied in one build (require-reviewed-plan: false). */
  reviewedPlan: boolean;
  /** Wall time of the build (start to finish), when it ran. */
  durationMs?: number;
  /** The attached build came from an earlier attempt of this run. */
  attached: boolean;
  runUrl?: string;
  /** Why it did not apply, in one sentence (failed, not-started). */
  reason?: string;
}

export const STALE_PLAN_ADVICE =
  'Terraform refused the reviewed plan because the state changed since it was made (another apply went first). ' +
  'Re-run the plan on the current default branch (push a commit or re-run the plan job) and merge again.';

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

const HEADLINE: Record<ApplyOutcomeKind, string> = {
  applied: '✅ **Applied**',
  failed: '❌ **Apply failed**',
  stale: '⚠️ **Not applied: the plan is stale**',
  cancelled: '⏹️ **Apply cancelled**',
  'timed-out': '⏳ **Still applying when the action stopped waiting**',
  'not-started': '❌ **Not applied**',
};

/** The status block put into the environment's sticky plan comment on the merged PR. */
export function statusMarkdown(report: ApplyReport): string {
  const facts: string[] = [`to \`${report.environment}\` at merge commit \`${report.commitSha.slice(0, 7)}\``];
  if (report.buildId) {
    const build = report.logUrl ? `[\`${report.buildId.slice(0, 8)}\`](${report.logUrl})` : `\`${report.buildId.slice(0, 8)}\``;
    facts.push(`Cloud Build ${build}${report.status ? ` (${report.status}${report.stepId ? ` at step \`${report.stepId}\`` : ''})` : ''}`);
  }
  if (report.durationMs !== undefined) facts.push(`in ${formatDuration(report.durationMs)}`);
  const lines = [`${HEADLINE[report.outcome]} ${facts.join(', ')}.`];
  if (report.outcome === 'stale') lines.push('', STALE_PLAN_ADVICE);
  else if (report.reason && report.outcome !== 'applied') lines.push('', report.reason);
  if (!report.reviewedPlan) {
    lines.push(
      '',
      '_No reviewed plan was required (`require-reviewed-plan: false`): Cloud Build planned and applied in one build ' +
        '(`cloudbuild/plan-apply.yaml`), so what was applied is not necessarily the plan shown here._',
    );
  } else if (report.planSha256) {
    lines.push('', `Reviewed plan \`sha256:${report.planSha256.slice(0, 12)}…\` verified before the build.`);
  }
  if (report.runUrl) lines.push('', `[Workflow run](${report.runUrl})`);
  return lines.join('\n');
}

/** The job summary: the same facts as a table. */
export function summaryMarkdown(report: ApplyReport): string {
  const row = (k: string, v: string | undefined) => (v ? `| ${k} | ${v} |` : undefined);
  return [
    `## Terraform apply — ${report.environment}`,
    '',
    statusMarkdown({ ...report, runUrl: undefined }),
    '',
    '| | |',
    '|---|---|',
    row('Pull request', report.pullRequest ? `[#${report.pullRequest.number}](${report.pullRequest.url})` : undefined),
    row('Build', report.buildId ? (report.logUrl ? `[${report.buildId}](${report.logUrl})` : report.buildId) : undefined),
    row('Status', report.status),
    row('Attached to an earlier attempt', report.attached ? 'yes' : undefined),
    row('Plan', report.planUri ? `\`${report.planUri}\`` : report.reviewedPlan ? undefined : 'planned in the build'),
    row('Duration', report.durationMs !== undefined ? formatDuration(report.durationMs) : undefined),
    '',
  ]
    .filter((l): l is string => l !== undefined)
    .join('\n');
}
