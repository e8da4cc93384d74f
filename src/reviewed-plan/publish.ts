/**
 * Publish a reviewed plan: binary plan, its JSON, then the manifest — each write-once (ifGenerationMatch: 0) and
 * CRC32C-validated by the store. The manifest goes last, so a reader that finds a manifest always finds the
 * objects it names; a crash midway leaves no manifest, which the apply reports as "no reviewed plan".
 */
import { createHash } from 'node:crypto';
import type { ObjectStore } from '../storage/object-store.js';
import { MANIFEST_VERSION, folderUri, planFolder, parseManifest, type PlanKey, type PlanLocation, type PlanManifest } from './manifest.js';

export interface PublishInput {
  key: PlanKey;
  workingDirectory: string;
  terraformVersion: string;
  plan: Buffer;
  planJson: string;
  lockFile?: Buffer;
  now: Date;
}

export interface PublishResult {
  /** gs://bucket/<folder> */
  uri: string;
  manifest: PlanManifest;
  /**
   * false when this head SHA already had a reviewed plan (a re-run of the plan job): write-once keeps the first,
   * and that first plan is what the apply will use. `manifest` is then the existing one.
   */
  created: boolean;
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function publishReviewedPlan(store: ObjectStore, location: PlanLocation, input: PublishInput): Promise<PublishResult> {
  const folder = planFolder(location, input.key);
  const manifestName = `${folder}manifest.json`;
  const uri = folderUri(store, location.bucket, folder);

  const existing = await store.stat(location.bucket, manifestName);
  if (existing) {
    const text = (await store.read(location.bucket, manifestName)).toString('utf8');
    return { uri, manifest: parseManifest(text, store.uri(location.bucket, manifestName)), created: false };
  }

  const manifest: PlanManifest = {
    version: MANIFEST_VERSION,
    planSha256: sha256Hex(input.plan),
    planJsonSha256: sha256Hex(input.planJson),
    repository: input.key.repository,
    pullRequest: input.key.pullRequest,
    headSha: input.key.headSha,
    environment: input.key.environment,
    workingDirectory: input.workingDirectory,
    terraformVersion: input.terraformVersion,
    ...(input.lockFile ? { lockFileSha256: sha256Hex(input.lockFile) } : {}),
    createdAt: input.now.toISOString(),
    planObject: `${folder}plan.tfplan`,
    planJsonObject: `${folder}plan.json`,
  };
  const metadata = { 'dc-pipeline-plan-sha256': manifest.planSha256 };
  // A previous attempt may have died after the plan but before the manifest: the objects exist, the manifest not.
  // Write-once then refuses to overwrite; accept the leftover only if it is byte-identical to this plan.
  const plan = await store.writeOnce(location.bucket, manifest.planObject, input.plan, {
    contentType: 'application/octet-stream',
    metadata,
  });
  if (!plan.created && sha256Hex(await store.read(location.bucket, manifest.planObject)) !== manifest.planSha256) {
    throw new Error(
      `A different plan file already exists at ${store.uri(location.bucket, manifest.planObject)} without a manifest; ` +
        'delete that folder or push a new commit to plan again.',
    );
  }
  await store.writeOnce(location.bucket, manifest.planJsonObject, input.planJson, { contentType: 'application/json', metadata });
  const written = await store.writeOnce(location.bucket, manifestName, JSON.stringify(manifest, null, 2) + '\n', {
    contentType: 'application/json',
    metadata,
  });
  if (!written.created) {
    // Lost a race with a concurrent run of the same commit: theirs is the reviewed plan.
    const text = (await store.read(location.bucket, manifestName)).toString('utf8');
    return { uri, manifest: parseManifest(text, store.uri(location.bucket, manifestName)), created: false };
  }
  return { uri, manifest, created: true };
}
