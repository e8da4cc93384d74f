/**
 * Never apply twice. A re-run of the apply job (same workflow run id) must not start a second apply of the same
 * plan: the builds carry tags naming the run and the environment, and before creating one we look for a build
 * with those tags that is still running or has succeeded, and follow it instead. A failed or cancelled build is
 * not reused — re-running after a failure is how a user retries.
 */
import type { CloudBuildApi } from './client.js';
import { type Build, RUNNING_STATUSES, statusOf } from './build.js';

export interface ApplyBuildIdentity {
  environment: string;
  /** GITHUB_RUN_ID: the same across re-runs of the job. */
  runId: string;
  commitSha: string;
}

/** Tags are limited to [\w.-]; anything else in an environment name becomes '-'. */
function tagPart(value: string): string {
  return value.replace(/[^\w.-]/g, '-').slice(0, 100);
}

/**
 * The tags of an apply build: `dc-pipeline`, `env-<env>`, `gh-run-<run id>`, `sha-<short sha>`, `apply`. The last
 * is what the ingest service waits for (src/service/build-event.ts ingests after deploys only): the shipped
 * configs carry it in their YAML, and a user's own `build-config` gets it from here.
 */
export function applyBuildTags(identity: ApplyBuildIdentity): string[] {
  return [
    'dc-pipeline',
    `env-${tagPart(identity.environment)}`,
    `gh-run-${tagPart(identity.runId)}`,
    `sha-${tagPart(identity.commitSha.slice(0, 7))}`,
    'apply',
  ];
}

/** The newest build with all `tags` that is running or succeeded, if any. */
export async function findBuildToAttach(
  cloudBuild: Pick<CloudBuildApi, 'listBuilds'>,
  tags: readonly string[],
): Promise<Build | undefined> {
  const builds = await cloudBuild.listBuilds({ tags });
  return builds.find((b) => {
    const status = statusOf(b.status);
    return RUNNING_STATUSES.has(status) || status === 'SUCCESS';
  });
}
