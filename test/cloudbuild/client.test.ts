import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudBuild, CloudBuildError, type CloudBuildApi } from '../../src/cloudbuild/client.js';
import { statusOf, type Build } from '../../src/cloudbuild/build.js';
import { startCloudBuildServer, type CloudBuildServer } from '../servers/cloudbuild.js';

const PROJECT = 'demo-project';

function build(tags: string[]): Build {
  return {
    steps: [{ id: 'hello', name: 'bash', script: 'echo hello' }],
    tags,
    timeout: { seconds: 600 },
  };
}

describe('createCloudBuild against the loopback Cloud Build server', () => {
  let server: CloudBuildServer;
  let cloudBuild: CloudBuildApi;

  beforeAll(async () => {
    server = await startCloudBuildServer({ behaviour: { status: 'SUCCESS', queuedMs: Infinity } });
    cloudBuild = await createCloudBuild({
      projectId: PROJECT,
      region: 'europe-west1',
      env: { CLOUD_BUILD_EMULATOR_HOST: server.host },
      userAgent: 'dc-pipeline-actions/0.1.0',
      retry: { initialDelayMs: 10, maxDelayMs: 40 },
    });
  });
  afterAll(async () => {
    await cloudBuild?.close();
    await server?.close();
  });

  it('creates a build in the regional parent and returns its id without waiting for it', async () => {
    const id = await cloudBuild.createBuild(build(['dc-pipeline', 'env-dev', 'gh-run-1']));
    const stored = server.builds.get(id);
    expect(stored?.name).toBe(`projects/${PROJECT}/locations/europe-west1/builds/${id}`);
    expect(stored?.status).toBe('QUEUED');
    const got = await cloudBuild.getBuild(id);
    expect(got.id).toBe(id);
    expect(statusOf(got.status)).toBe('QUEUED');
    expect(got.steps?.[0]?.id).toBe('hello');
  });

  it('lists only the builds that carry every requested tag, newest first', async () => {
    const a = await cloudBuild.createBuild(build(['dc-pipeline', 'env-dev', 'gh-run-7']));
    const b = await cloudBuild.createBuild(build(['dc-pipeline', 'env-prod', 'gh-run-7']));
    const c = await cloudBuild.createBuild(build(['dc-pipeline', 'env-dev', 'gh-run-7']));
    const found = await cloudBuild.listBuilds({ tags: ['env-dev', 'gh-run-7'] });
    expect(found.map((x) => x.id)).toEqual([c, a]);
    expect(found.map((x) => x.id)).not.toContain(b);
  });

  it('follows every page of a long listing', async () => {
    const ids = [];
    for (let i = 0; i < 55; i++) ids.push(await cloudBuild.createBuild(build(['gh-run-many'])));
    const found = await cloudBuild.listBuilds({ tags: ['gh-run-many'] });
    expect(found.map((b) => b.id)).toEqual(ids.reverse());
  });

  it('refuses a tag Cloud Build would not accept instead of sending a broken filter', async () => {
    await expect(cloudBuild.listBuilds({ tags: ['env dev"'] })).rejects.toThrow(/Build tag "env dev\"" is not valid/);
  });

  it('cancels a queued build', async () => {
    const id = await cloudBuild.createBuild(build(['gh-run-cancel']));
    const cancelled = await cloudBuild.cancelBuild(id);
    expect(statusOf(cancelled.status)).toBe('CANCELLED');
    expect(server.builds.get(id)?.status).toBe('CANCELLED');
  });

  it('reports a failed call with the resource it was about and the gRPC code', async () => {
    const error = await cloudBuild.getBuild('no-such-build').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudBuildError);
    expect((error as CloudBuildError).code).toBe(5);
    expect((error as Error).message).toContain(
      `Failed to get build projects/${PROJECT}/locations/europe-west1/builds/no-such-build`,
    );
  });

  it('retries getBuild and listBuilds through UNAVAILABLE', async () => {
    const id = await cloudBuild.createBuild(build(['gh-run-retry']));
    const before = server.calls.GetBuild ?? 0;
    server.inject({ method: 'GetBuild', times: 2 });
    expect((await cloudBuild.getBuild(id)).id).toBe(id);
    expect(server.calls.GetBuild).toBe(before + 3);
    server.inject({ method: 'ListBuilds', times: 1 });
    expect((await cloudBuild.listBuilds({ tags: ['gh-run-retry'] })).map((b) => b.id)).toEqual([id]);
  });

  it('recovers a createBuild whose response was lost by finding the build by its tags, creating nothing twice', async () => {
    server.inject({ method: 'CreateBuild', afterCommit: true });
    const id = await cloudBuild.createBuild(build(['dc-pipeline', 'gh-run-lost']));
    const tagged = [...server.builds.values()].filter((b) => b.tags.includes('gh-run-lost'));
    expect(tagged.map((b) => b.id)).toEqual([id]);
  });

  it('retries a createBuild refused with UNAVAILABLE before it reached the service', async () => {
    server.inject({ method: 'CreateBuild', times: 2 });
    const id = await cloudBuild.createBuild(build(['dc-pipeline', 'gh-run-refused']));
    const tagged = [...server.builds.values()].filter((b) => b.tags.includes('gh-run-refused'));
    expect(tagged.map((b) => b.id)).toEqual([id]);
  });

  it('does not retry an untagged createBuild, since it could not tell whether a build started', async () => {
    server.inject({ method: 'CreateBuild' });
    await expect(cloudBuild.createBuild(build([]))).rejects.toThrow(/Failed to create a build in projects\/demo-project\/locations\/europe-west1/);
  });

  it('runs a trigger at a commit with substitutions and returns the new build id', async () => {
    const local = await startCloudBuildServer({
      triggers: { 'apply-dev': { steps: [{ id: 'apply', name: 'bash', script: 'true' }], tags: ['trigger'] } },
    });
    const client = await createCloudBuild({ projectId: PROJECT, env: { CLOUD_BUILD_EMULATOR_HOST: local.host } });
    try {
      const id = await client.runBuildTrigger('apply-dev', { commitSha: 'a'.repeat(40), substitutions: { _ENV: 'dev' } });
      const stored = local.builds.get(id);
      expect(stored?.buildTriggerId).toBe('apply-dev');
      expect(stored?.substitutions).toMatchObject({ _ENV: 'dev', COMMIT_SHA: 'a'.repeat(40), SHORT_SHA: 'aaaaaaa' });
      await expect(client.runBuildTrigger('missing', { commitSha: 'b'.repeat(40) })).rejects.toThrow(
        /Failed to run trigger projects\/demo-project\/locations\/global\/triggers\/missing/,
      );
    } finally {
      await client.close();
      await local.close();
    }
  });

  it('refuses an emulator address that is not host:port, naming the variable', async () => {
    await expect(
      createCloudBuild({ projectId: PROJECT, env: { CLOUD_BUILD_EMULATOR_HOST: 'http://localhost' } }),
    ).rejects.toThrow(/CLOUD_BUILD_EMULATOR_HOST was "http:\/\/localhost"; expected host:port/);
  });
});
