/**
 * `plan-bucket`: publish the binary plan, its JSON and the manifest for the apply after the merge. The storage
 * client and the reviewed-plan code are imported here, lazily, so plans without `plan-bucket` never load them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import type { GitHubContext } from '../../github/context.js';
import type { PlanModel } from '../../terraform/plan-model.js';
import type { PlanInputs } from './inputs.js';
import type { ObtainedPlan } from './plan-source.js';

export interface PublishedReviewedPlan {
  planUri: string;
  created: boolean;
}

export async function publishReviewedPlanOf(
  inputs: PlanInputs,
  plan: ObtainedPlan,
  model: PlanModel | undefined,
  context: GitHubContext,
  io: { info(m: string): void; warn(m: string): void; env: NodeJS.ProcessEnv },
): Promise<PublishedReviewedPlan | undefined> {
  const pr = context.pullRequest;
  if (!pr?.headSha) {
    io.warn(`plan-bucket is set, but a "${context.eventName || 'unknown'}" run has no pull request head to key the reviewed plan by: nothing was published.`);
    return undefined;
  }
  if (!plan.planFile || plan.json === undefined) throw new UserError('plan-bucket is set, but there is no binary plan to publish.');
  const [{ createGcsStore }, { publishReviewedPlan }, { parseGsUri }] = await Promise.all([
    import('../../storage/gcs.js'),
    import('../../reviewed-plan/publish.js'),
    import('../../storage/object-store.js'),
  ]);
  const location = parseGsUri(inputs.planBucket, 'plan-bucket');
  const store = createGcsStore({ env: io.env });
  const result = await publishReviewedPlan(store, location, {
    key: { repository: `${context.owner}/${context.repo}`, environment: inputs.environment, pullRequest: pr.number, headSha: pr.headSha },
    workingDirectory: inputs.workingDirectory,
    terraformVersion: plan.terraformVersion ?? model?.terraformVersion ?? 'unknown',
    plan: readFileSync(plan.planFile),
    planJson: plan.json,
    lockFile: readIfExists(join(resolve(inputs.workingDirectory), '.terraform.lock.hcl')),
    now: new Date(),
  });
  const planUri = store.uri(location.bucket, result.manifest.planObject);
  if (result.created) {
    io.info(`Reviewed plan published: ${planUri} (sha256 ${result.manifest.planSha256}).`);
  } else if (result.manifest.planSha256 !== plan.sha256) {
    io.warn(
      `Commit ${pr.headSha} already has a reviewed plan (${planUri}, sha256 ${result.manifest.planSha256}); reviewed plans ` +
        `are write-once, so this run's plan (sha256 ${plan.sha256}) was not published and a merge applies the first one. ` +
        'Push a new commit to publish a fresh plan.',
    );
  } else {
    io.info(`Reviewed plan already published: ${planUri}.`);
  }
  return { planUri, created: result.created };
}

function readIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
