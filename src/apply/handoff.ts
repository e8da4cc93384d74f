/**
 * Handing the apply to Cloud Build, at most once per run and environment: attach to a build an earlier attempt
 * of this run already started (running or succeeded), else create one from the build config (the workspace packed
 * and uploaded as its source) or run the trigger.
 */
import { applyBuildTags, findBuildToAttach } from '../cloudbuild/attach.js';
import { loadBuildConfig, prepareBuild } from '../cloudbuild/build-config.js';
import type { CloudBuildApi } from '../cloudbuild/client.js';
import { uploadWorkspace } from '../cloudbuild/source.js';
import { statusOf } from '../cloudbuild/build.js';
import { applySubstitutions } from '../cloudbuild/substitutions.js';
import type { ObjectStore } from '../storage/object-store.js';

export type Handoff =
  | {
      kind: 'build-config';
      file: string;
      sourceBucket: string;
      workspace: string;
      serviceAccount?: string;
      /** gs://bucket[/prefix] the build writes its log to (overrides the config's logsBucket). */
      logsBucket?: string;
      timeoutSeconds?: number;
    }
  | { kind: 'trigger'; triggerId: string };

export interface HandoffRequest {
  handoff: Handoff;
  environment: string;
  runId: string;
  commitSha: string;
  substitutions: Record<string, string>;
}

export interface HandedOff {
  buildId: string;
  /** true when an earlier attempt's build was found and followed instead of starting another. */
  attached: boolean;
}

export interface HandoffLog {
  info(message: string): void;
  warning(message: string): void;
}

/** A build running as a service account, with no logs bucket anywhere: the log will most likely not stream. */
export const NO_LOGS_BUCKET_WARNING =
  'The build runs as `service-account` and neither the `logs-bucket` input nor the build config sets a logs bucket, ' +
  'so Cloud Build writes the log to a regional bucket it creates in the project, which this identity usually cannot ' +
  'read: the log will not stream here and a stale plan reads as a plain failure. Set `logs-bucket` to a bucket this ' +
  'identity can read (storage.objectViewer), e.g. the github_cicd module’s logs bucket.';

export function applyTags(request: Pick<HandoffRequest, 'handoff' | 'environment' | 'runId' | 'commitSha'>): string[] {
  const tags = applyBuildTags({ environment: request.environment, runId: request.runId, commitSha: request.commitSha });
  // A trigger's build config sets its own tags and cannot know the run id: there the commit and environment
  // identify the apply (the trigger config tags its builds `env-$_ENV` and `sha-$SHORT_SHA`, see docs/apply.md).
  // Its `apply` tag is the config's business too (it is what starts the after-deploy ingest), so it is not
  // part of the lookup: a trigger without it is still attached to rather than run twice.
  return request.handoff.kind === 'trigger' ? tags.filter((t) => !t.startsWith('gh-run-') && t !== 'apply') : tags;
}

export async function handOff(
  cloudBuild: CloudBuildApi,
  store: ObjectStore,
  request: HandoffRequest,
  log: HandoffLog,
): Promise<HandedOff> {
  const tags = applyTags(request);
  const existing = await findBuildToAttach(cloudBuild, tags);
  if (existing?.id) {
    log.info(
      `Build ${existing.id} (${statusOf(existing.status)}) carries the tags ${tags.join(', ')}: an earlier attempt of this ` +
        'run started it. Following it instead of starting a second apply.',
    );
    return { buildId: existing.id, attached: true };
  }
  const { handoff } = request;
  if (handoff.kind === 'trigger') {
    log.info(`Running trigger ${handoff.triggerId} at ${request.commitSha}.`);
    return { buildId: await cloudBuild.runBuildTrigger(handoff.triggerId, { commitSha: request.commitSha, substitutions: request.substitutions }), attached: false };
  }
  // Parse the config before uploading anything: a typo fails in a second, naming the key and the file.
  const config = await loadBuildConfig(handoff.file);
  const uploaded = await uploadWorkspace({ store, bucket: handoff.sourceBucket, prefix: 'source', root: handoff.workspace });
  log.info(
    `Source: ${uploaded.packed.files.length} files (${uploaded.packed.ignoreFile ?? 'no ignore file'}) → ` +
      `${store.uri(handoff.sourceBucket, uploaded.source.object ?? '')}${uploaded.created ? '' : ' (already uploaded)'}`,
  );
  const build = prepareBuild(
    config,
    {
      substitutions: request.substitutions,
      tags,
      source: uploaded.source,
      serviceAccount: handoff.serviceAccount,
      logsBucket: handoff.logsBucket,
      timeoutSeconds: handoff.timeoutSeconds,
    },
    handoff.file,
  );
  // Cloud Build substitutes tags (`env-$_ENV`) itself, but a lost createBuild reply is recovered by listing builds
  // with these tags, and the list filter needs them literal.
  build.tags = (build.tags ?? []).map((tag) => applySubstitutions(tag, build.substitutions ?? {}));
  if (build.serviceAccount && !build.logsBucket && !build.options?.logging?.toString().includes('CLOUD_LOGGING')) {
    // Builds running as a user-specified service account must say where logs go (Cloud Build refuses them
    // otherwise). The regional bucket Cloud Build then creates keeps the log a GCS object, but one the GitHub
    // identity is rarely granted: hence the warning naming the input that fixes it.
    build.options = { ...build.options, defaultLogsBucketBehavior: 'REGIONAL_USER_OWNED_BUCKET' };
    log.warning(NO_LOGS_BUCKET_WARNING);
  }
  return { buildId: await cloudBuild.createBuild(build), attached: false };
}
