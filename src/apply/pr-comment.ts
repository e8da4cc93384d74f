/**
 * Put the apply's outcome into the environment's sticky plan comment on the merged PR (the comment reviewers
 * approved), as its status block. Without such a comment (no plan comment was posted, e.g. require-reviewed-plan
 * false) a comment carrying the same marker is created, so the next plan or apply finds it.
 */
import { commentMarker, setStatusBlock } from '../comment/marker.js';
import type { GitHubClient } from '../github/client.js';
import { editComment, listMarkedComments, upsertStickyComment } from '../github/sticky-comment.js';

export interface PlanCommentTarget {
  owner: string;
  repo: string;
  pullRequest: number;
  environment: string;
  workingDirectory: string;
}

export async function reportOnPlanComment(
  client: GitHubClient,
  target: PlanCommentTarget,
  status: string,
): Promise<{ url: string; outcome: 'updated' | 'unchanged' | 'created' }> {
  const marker = commentMarker(target.environment, target.workingDirectory);
  const where = { owner: target.owner, repo: target.repo, issueNumber: target.pullRequest, marker };
  const newest = (await listMarkedComments(client, where)).at(-1);
  if (newest) {
    const edited = await editComment(client, { owner: target.owner, repo: target.repo, commentId: newest.id, body: setStatusBlock(newest.body ?? marker, status) });
    return edited;
  }
  const body = setStatusBlock(`${marker}\n### Terraform apply — \`${target.environment}\`\n`, status);
  const created = await upsertStickyComment(client, { ...where, body, mode: 'update' });
  return { url: created.url ?? '', outcome: 'created' };
}
