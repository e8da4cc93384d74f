/** The loopback server behaves like Cloud Build where our code depends on it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudBuild, type CloudBuildApi } from '../../src/cloudbuild/client.js';
import { BuildFailedError, waitForBuild } from '../../src/cloudbuild/wait.js';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';
import { startCloudBuildServer, type CloudBuildServer } from '../servers/cloudbuild.js';

describe('loopback Cloud Build server', () => {
  let gcs: GcsServer;
  let server: CloudBuildServer;
  let cloudBuild: CloudBuildApi;
  const fast = { initialMs: 10, maxMs: 20 };

  beforeAll(async () => {
    gcs = await startGcsServer();
    server = await startCloudBuildServer({ gcs, behaviour: 'execute' });
    cloudBuild = await createCloudBuild({ projectId: 'p', env: { CLOUD_BUILD_EMULATOR_HOST: server.host } });
  });
  afterAll(async () => {
    await cloudBuild?.close();
    await server?.close();
    await gcs?.close();
  });

  it('refuses a build using a substitution nobody defined, as Cloud Build does', async () => {
    await expect(
      cloudBuild.createBuild({ steps: [{ name: 'bash', args: ['echo', '$_MISSING'] }], tags: ['t'] }),
    ).rejects.toThrow(/INVALID_ARGUMENT|invalid value for 'build.substitutions': \$_MISSING is used at steps\[0\].args\[1\]/);
  });

  it('runs steps with substitutions, env and dir applied, logging each line with its step', async () => {
    const id = await cloudBuild.createBuild({
      steps: [
        { id: 'make', name: 'bash', entrypoint: 'sh', args: ['-c', 'mkdir -p sub && echo "$$GREETING" > sub/out.txt'], env: ['GREETING=hi $_WHO'] },
        { id: 'read', name: 'bash', dir: 'sub', script: '#!/bin/sh\ncat out.txt\necho "build $BUILD"', env: ['BUILD=$BUILD_ID'] },
      ],
      substitutions: { _WHO: 'there' },
    });
    await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: fast });
    const log = gcs.getObject('cloudbuild-logs', `log-${id}.txt`)?.data.toString('utf8');
    expect(log).toContain('Step #1 - "read": hi there\n');
    expect(log).toContain(`Step #1 - "read": build ${id}\n`);
    expect(log?.trimEnd().endsWith('DONE')).toBe(true);
    const build = await cloudBuild.getBuild(id);
    expect(build.steps?.map((s) => s.status)).toEqual(['SUCCESS', 'SUCCESS']);
  });

  it('ends a step that runs past its timeout with TIMEOUT, naming the step', async () => {
    const id = await cloudBuild.createBuild({
      steps: [{ id: 'slow', name: 'bash', script: 'sleep 30', timeout: { seconds: 0, nanos: 200_000_000 } }],
    });
    const error = (await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: fast }).catch((e) => e)) as BuildFailedError;
    expect(error.status).toBe('TIMEOUT');
    expect(error.stepId).toBe('slow');
  });

  it('kills the running step when a WORKING build is cancelled', async () => {
    const id = await cloudBuild.createBuild({ steps: [{ id: 'long', name: 'bash', script: 'echo started; sleep 30' }] });
    await server.waitFor(id, 'WORKING');
    const cancelled = await cloudBuild.cancelBuild(id);
    expect(cancelled.status).toBe('CANCELLED');
    const started = Date.now();
    const error = (await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: fast }).catch((e) => e)) as BuildFailedError;
    expect(error.status).toBe('CANCELLED');
    // The step sleeps 30 s: ending well before that shows its process was killed, not waited for.
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it('fails a build whose source object is missing, before any step runs', async () => {
    gcs.createBucket('sources');
    const id = await cloudBuild.createBuild({
      steps: [{ id: 'never', name: 'bash', script: 'echo ran' }],
      source: { storageSource: { bucket: 'sources', object: 'missing.tgz' } },
    });
    const error = (await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: fast }).catch((e) => e)) as BuildFailedError;
    expect(error.status).toBe('FAILURE');
    expect(error.stepId).toBeUndefined();
    expect(gcs.getObject('cloudbuild-logs', `log-${id}.txt`)?.data.toString('utf8')).toContain('gs://sources/missing.tgz not found');
  });
});
