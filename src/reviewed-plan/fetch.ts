/**
 * The apply side of the chain: find the manifest of the merged PR's final head SHA, download the plan it names and
 * verify its sha256 before anything runs. Cloud Build verifies it again on its side (cloudbuild/apply.yaml).
 */
import { UserError } from '../errors.js';
import { NotFoundError, type ObjectStore } from '../storage/object-store.js';
import { folderUri, planFolder, parseManifest, type PlanKey, type PlanLocation, type PlanManifest } from './manifest.js';
import { sha256Hex } from './publish.js';

export interface ReviewedPlan {
  manifest: PlanManifest;
  /** gs:// URI of the binary plan. */
  planUri: string;
  /** gs:// URI of the folder. */
  folderUri: string;
}

export class MissingReviewedPlanError extends UserError {}
export class TamperedPlanError extends UserError {}

export async function findReviewedPlan(store: ObjectStore, location: PlanLocation, key: PlanKey): Promise<ReviewedPlan> {
  const folder = planFolder(location, key);
  const manifestName = `${folder}manifest.json`;
  const manifestUri = store.uri(location.bucket, manifestName);
  if (!(await store.stat(location.bucket, manifestName))) {
    throw new MissingReviewedPlanError(
      `No reviewed plan for PR #${key.pullRequest} at ${key.headSha} in environment "${key.environment}" ` +
        `(looked for ${manifestUri}): re-run the plan workflow on that commit, or set require-reviewed-plan: false ` +
        'to plan and apply in one Cloud Build.',
    );
  }
  const manifest = parseManifest((await store.read(location.bucket, manifestName)).toString('utf8'), manifestUri);
  const mismatched = (
    [
      ['repository', key.repository, manifest.repository],
      ['environment', key.environment, manifest.environment],
      ['head SHA', key.headSha, manifest.headSha],
      ['pull request', String(key.pullRequest), String(manifest.pullRequest)],
    ] as const
  ).filter(([, want, got]) => want !== got);
  if (mismatched.length > 0) {
    const [what, want, got] = mismatched[0] as readonly [string, string, string];
    throw new TamperedPlanError(`The manifest at ${manifestUri} names ${what} "${got}", expected "${want}"; refusing to apply it.`);
  }
  // A manifest may only name the plan next to it: pointing it at another PR's (also reviewed, also valid) plan
  // would apply changes nobody reviewed for this merge.
  for (const [field, name, expected] of [
    ['planObject', manifest.planObject, `${folder}plan.tfplan`],
    ['planJsonObject', manifest.planJsonObject, `${folder}plan.json`],
  ] as const) {
    if (name !== expected) {
      throw new TamperedPlanError(`The manifest at ${manifestUri} names ${field} "${name}", expected "${expected}"; refusing to apply it.`);
    }
  }
  const plan = await readPlan(store, location.bucket, manifest.planObject, manifestUri);
  const actual = sha256Hex(plan);
  if (actual !== manifest.planSha256) {
    throw new TamperedPlanError(
      `The plan at ${store.uri(location.bucket, manifest.planObject)} has sha256 ${actual}, but the reviewed plan ` +
        `had ${manifest.planSha256}; refusing to apply a plan nobody reviewed.`,
    );
  }
  return { manifest, planUri: store.uri(location.bucket, manifest.planObject), folderUri: folderUri(store, location.bucket, folder) };
}

async function readPlan(store: ObjectStore, bucket: string, name: string, manifestUri: string): Promise<Buffer> {
  try {
    return await store.read(bucket, name);
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new TamperedPlanError(`The manifest at ${manifestUri} names ${store.uri(bucket, name)}, which does not exist; refusing to apply.`);
    }
    throw error;
  }
}
