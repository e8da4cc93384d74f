/**
 * Put the rendered plan on the pull request: the sticky comment, then the labels. Octokit is imported only
 * here and only when something is to be posted, so `comment: off` runs never load it.
 *
 * Not being able to comment is not a failed plan: without a PR (push, workflow_dispatch) or with a read-only
 * token (fork PRs) the plan still reaches the job summary and the step goes on with a warning.
 */
import { commentMarker } from '../../comment/marker.js';
import type { GitHubContext } from '../../github/context.js';
import type { PlanModel } from '../../terraform/plan-model.js';
import type { CommentMode, PlanInputs } from './inputs.js';

export interface PublishRequest {
  context: GitHubContext;
  token: string;
  mode: CommentMode;
  marker: string;
  body: string;
  environment: string;
  /** The label to set, or undefined to leave labels alone. */
  label?: { state: PlanLabelState | undefined };
  env: NodeJS.ProcessEnv;
  warn: (message: string) => void;
  info: (message: string) => void;
}

export interface Published {
  commentId?: number;
  commentUrl?: string;
}

export const NO_PULL_REQUEST = (event: string) =>
  `No pull request for the "${event || 'unknown'}" event: the plan is in the job summary only. Run the plan action on pull_request to get a comment.`;
export const READ_ONLY_TOKEN =
  'The token may not comment on this pull request (a fork PR, or the workflow lacks `permissions: pull-requests: write`): the plan is in the job summary only.';
export const NO_TOKEN = 'Input `github-token` is empty: the plan is in the job summary only.';

/**
 * The request the action and the CLI both send: the marker, comment mode and label all follow from the inputs,
 * so the two entry points cannot drift apart on how a plan is keyed or labelled.
 */
export function planPublishRequest(
  inputs: PlanInputs,
  plan: { model: PlanModel | undefined; failed: boolean; body: string },
  where: Pick<PublishRequest, 'context' | 'token' | 'env' | 'warn' | 'info'>,
): PublishRequest {
  return {
    ...where,
    mode: inputs.comment,
    marker: commentMarker(inputs.environment, inputs.workingDirectory),
    body: plan.body,
    environment: inputs.environment,
    label: inputs.labels ? { state: planLabelState(plan.model, plan.failed) } : undefined,
  };
}

export async function publishToPullRequest(req: PublishRequest): Promise<Published> {
  if (req.mode === 'off' && !req.label) return {};
  const pr = req.context.pullRequest;
  if (!pr) {
    req.warn(NO_PULL_REQUEST(req.context.eventName));
    return {};
  }
  if (!req.token) {
    req.warn(NO_TOKEN);
    return {};
  }
  const github = await import('../../github/index.js');
  const client = github.createGitHubClientFromEnv(req.token, req.env, req.warn);
  const where = { owner: req.context.owner, repo: req.context.repo, issueNumber: pr.number };
  const published: Published = {};
  try {
    const result = await github.upsertStickyComment(client, {
      ...where,
      marker: req.marker,
      body: req.body,
      mode: req.mode,
      log: req.warn,
      relistDelayMs: github.retryUnitMsFromEnv(req.env),
    });
    if (result.outcome !== 'off') {
      req.info(`Plan comment ${result.outcome}: ${result.url}${result.minimized ? ` (${result.minimized} older minimized)` : ''}`);
      published.commentId = result.id;
      published.commentUrl = result.url;
    }
    if (req.label) {
      const labels = await github.syncPlanLabels(client, { ...where, environment: req.environment, state: req.label.state });
      if (labels.added.length || labels.removed.length) {
        req.info(`Labels: +${labels.added.join(', +') || '∅'} -${labels.removed.join(', -') || '∅'}`);
      }
    }
  } catch (error) {
    if (!github.isPermissionDenied(error)) throw error;
    req.warn(READ_ONLY_TOKEN);
  }
  return published;
}

export type PlanLabelState = 'changes' | 'destroy' | 'no-changes';

/** Which plan label fits; undefined (remove ours) when the plan failed and says nothing reliable. */
export function planLabelState(model: PlanModel | undefined, failed: boolean): PlanLabelState | undefined {
  if (failed || !model || model.errored) return undefined;
  if (model.counts.destroy > 0 || model.counts.replace > 0) return 'destroy';
  return model.hasChanges ? 'changes' : 'no-changes';
}
