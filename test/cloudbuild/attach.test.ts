import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBuildTags, findBuildToAttach } from '../../src/cloudbuild/attach.js';
import { createCloudBuild, type CloudBuildApi } from '../../src/cloudbuild/client.js';
import { startCloudBuildServer, type CloudBuildServer } from '../servers/cloudbuild.js';

describe('applyBuildTags', () => {
  it('names the toolkit, the environment, the workflow run, the short commit and that it deploys', () => {
    expect(applyBuildTags({ environment: 'prod', runId: '123456', commitSha: 'abcdef0123456789' })).toEqual([
      'dc-pipeline',
      'env-prod',
      'gh-run-123456',
      'sha-abcdef0',
      'apply',
    ]);
  });

  it('keeps an environment name with spaces usable as a tag', () => {
    expect(applyBuildTags({ environment: 'eu west', runId: '1', commitSha: 'a'.repeat(40) })[1]).toBe('env-eu-west');
  });
});

describe('findBuildToAttach', () => {
  let server: CloudBuildServer;
  let cloudBuild: CloudBuildApi;
  const steps = [{ id: 'apply', name: 'bash', script: 'true' }];

  beforeAll(async () => {
    server = await startCloudBuildServer({ behaviour: { status: 'SUCCESS', queuedMs: Infinity } });
    cloudBuild = await createCloudBuild({ projectId: 'p', env: { CLOUD_BUILD_EMULATOR_HOST: server.host } });
  });
  afterAll(async () => {
    await cloudBuild?.close();
    await server?.close();
  });

  it('finds the running build of the same run and environment, not another environment’s', async () => {
    const tags = applyBuildTags({ environment: 'dev', runId: '7', commitSha: 'a'.repeat(40) });
    const other = applyBuildTags({ environment: 'prod', runId: '7', commitSha: 'a'.repeat(40) });
    await cloudBuild.createBuild({ steps, tags: other });
    const mine = await cloudBuild.createBuild({ steps, tags });
    expect((await findBuildToAttach(cloudBuild, tags))?.id).toBe(mine);
  });

  it('attaches to a build that succeeded, so a re-run does not apply again', async () => {
    const tags = applyBuildTags({ environment: 'dev', runId: '8', commitSha: 'b'.repeat(40) });
    const done = await cloudBuild.createBuild({ steps, tags });
    server.finish(done, 'SUCCESS');
    expect((await findBuildToAttach(cloudBuild, tags))?.id).toBe(done);
  });

  it('does not reuse a failed or cancelled build: re-running after a failure retries', async () => {
    const tags = applyBuildTags({ environment: 'dev', runId: '9', commitSha: 'c'.repeat(40) });
    const failed = await cloudBuild.createBuild({ steps, tags });
    server.finish(failed, 'FAILURE', 'apply');
    const cancelled = await cloudBuild.createBuild({ steps, tags });
    await cloudBuild.cancelBuild(cancelled);
    expect(await findBuildToAttach(cloudBuild, tags)).toBeUndefined();
  });
});
