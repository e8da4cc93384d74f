/**
 * Plan labels on the PR: exactly one of `terraform:<env>:changes`, `terraform:<env>:destroy` or
 * `terraform:<env>:no-changes` per environment; the stale ones of the same environment are removed.
 * (GitHub creates a label on first use, so the repository needs no setup.)
 */
import type { GitHubClient } from './client.js';
import { statusOf, withContext } from './errors.js';

export type PlanLabelState = 'changes' | 'destroy' | 'no-changes';
const STATES: readonly PlanLabelState[] = ['changes', 'destroy', 'no-changes'];

export function planLabel(environment: string, state: PlanLabelState): string {
  return `terraform:${environment}:${state}`;
}

export interface LabelSync {
  added: string[];
  removed: string[];
}

export async function syncPlanLabels(
  client: GitHubClient,
  target: { owner: string; repo: string; issueNumber: number; environment: string; state: PlanLabelState | undefined },
): Promise<LabelSync> {
  const { owner, repo, issueNumber } = target;
  const where = `${owner}/${repo}#${issueNumber}`;
  const wanted = target.state ? planLabel(target.environment, target.state) : undefined;
  const ours = new Set(STATES.map((s) => planLabel(target.environment, s)));
  let current: string[];
  try {
    const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, { owner, repo, issue_number: issueNumber, per_page: 100 });
    current = labels.map((l) => l.name);
  } catch (error) {
    throw withContext(`list the labels of ${where}`, error);
  }
  const result: LabelSync = { added: [], removed: [] };
  for (const name of current) {
    if (!ours.has(name) || name === wanted) continue;
    try {
      await client.rest.issues.removeLabel({ owner, repo, issue_number: issueNumber, name });
      result.removed.push(name);
    } catch (error) {
      // Someone removed it between our list and our delete: the goal is reached.
      if (statusOf(error) !== 404) throw withContext(`remove label "${name}" from ${where}`, error);
    }
  }
  if (wanted && !current.includes(wanted)) {
    try {
      await client.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels: [wanted] });
      result.added.push(wanted);
    } catch (error) {
      throw withContext(`add label "${wanted}" to ${where}`, error);
    }
  }
  return result;
}
