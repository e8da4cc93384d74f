/** Which pull request a commit came from — the apply side needs the PR of the merge commit it deploys. */
import type { GitHubClient } from './client.js';
import { withContext } from './errors.js';

export interface MergedPullRequest {
  number: number;
  title: string;
  url: string;
  headSha: string;
  baseRef: string;
  mergeCommitSha: string | null;
}

/**
 * The merged PR whose merge commit is `sha` (GET /repos/{owner}/{repo}/commits/{sha}/pulls). Prefers the PR
 * whose merge_commit_sha is exactly `sha`, then any merged PR containing it; undefined for a direct push.
 */
export async function findMergedPullRequest(
  client: GitHubClient,
  target: { owner: string; repo: string; sha: string },
): Promise<MergedPullRequest | undefined> {
  let pulls;
  try {
    pulls = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, {
      owner: target.owner,
      repo: target.repo,
      commit_sha: target.sha,
      per_page: 100,
    });
  } catch (error) {
    throw withContext(`find the pull request of commit ${target.sha} in ${target.owner}/${target.repo}`, error);
  }
  const merged = pulls.filter((p) => p.merged_at);
  const pick = merged.find((p) => p.merge_commit_sha === target.sha) ?? merged[0];
  if (!pick) return undefined;
  return {
    number: pick.number,
    title: pick.title,
    url: pick.html_url,
    headSha: pick.head.sha,
    baseRef: pick.base.ref,
    mergeCommitSha: pick.merge_commit_sha ?? null,
  };
}
