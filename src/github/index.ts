/**
 * Everything that talks to GitHub. Import this module lazily (`await import('../../github/index.js')`) from
 * code paths that may not need GitHub, so Octokit stays out of their cold start.
 */
export { createGitHubClient, createGitHubClientFromEnv, retryUnitMsFromEnv } from './client.js';
export { readGitHubContext } from './context.js';
export type { GitHubContext, PullRequestRef } from './context.js';
export type { GitHubClient, GitHubClientOptions } from './client.js';
export { upsertStickyComment, listMarkedComments, minimizeAsOutdated, editComment, COMMENT_MODES } from './sticky-comment.js';
export type { CommentMode, StickyCommentRequest, StickyCommentResult, IssueComment } from './sticky-comment.js';
export { syncPlanLabels, planLabel } from './labels.js';
export type { PlanLabelState, LabelSync } from './labels.js';
export { findMergedPullRequest } from './pulls.js';
export type { MergedPullRequest } from './pulls.js';
export { isPermissionDenied, isAmbiguousFailure, statusOf } from './errors.js';
