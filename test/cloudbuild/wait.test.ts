import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BuildDeadlineError,
  BuildFailedError,
  DEFAULT_POLL,
  waitForBuild,
} from '../../src/cloudbuild/wait.js';
import type { Build, BuildStatus } from '../../src/cloudbuild/build.js';
import { createCloudBuild, type CloudBuildApi } from '../../src/cloudbuild/client.js';
import { startCloudBuildServer, type CloudBuildServer } from '../servers/cloudbuild.js';
import { fakeClock } from './fake-clock.js';

/** getBuild for a build that is WORKING until `endsAtMs` on `clock`, then `status`; records read times. */
function buildEndingAt(clock: { now(): number }, endsAtMs: number, status: BuildStatus = 'SUCCESS') {
  const reads: number[] = [];
  return {
    reads,
    getBuild: async (id: string): Promise<Build> => {
      reads.push(clock.now());
      return { id, status: clock.now() >= endsAtMs ? status : 'WORKING', logUrl: 'https://console/x' };
    },
  };
}

describe('waitForBuild polling (fake clock)', () => {
  it('reads at once, then after 1 s, backing off ×1.5 to a 2.75 s cap', async () => {
    const clock = fakeClock();
    const build = buildEndingAt(clock, 20_000);
    await waitForBuild({ getBuild: build.getBuild, id: 'b', clock });
    expect(build.reads.slice(0, 7)).toEqual([0, 1000, 2500, 4750, 7500, 10_250, 13_000]);
  });

  it('notices the end of a build within 3 s wherever in the schedule it falls', async () => {
    let worst = 0;
    for (let end = 0; end <= 45_000; end += 37) {
      const clock = fakeClock();
      const build = buildEndingAt(clock, end);
      await waitForBuild({ getBuild: build.getBuild, id: 'b', clock });
      worst = Math.max(worst, (build.reads.at(-1) as number) - end);
    }
    expect(worst).toBeLessThanOrEqual(DEFAULT_POLL.maxMs);
    expect(DEFAULT_POLL.maxMs).toBeLessThan(3000);
  });

  it('spends 221 getBuild calls on a 10-minute build', async () => {
    const clock = fakeClock();
    const build = buildEndingAt(clock, 10 * 60_000);
    const result = await waitForBuild({ getBuild: build.getBuild, id: 'b', clock });
    expect(result.calls).toBe(build.reads.length);
    expect(result.calls).toBe(221);
  });

  it('counts the time a read takes against the interval, so slow reads do not stretch the schedule', async () => {
    const clock = fakeClock();
    const slow = async (id: string): Promise<Build> => {
      await clock.sleep(400); // the round trip
      return { id, status: clock.now() >= 8000 ? 'SUCCESS' : 'QUEUED' };
    };
    await waitForBuild({ getBuild: slow, id: 'b', clock });
    const gaps = clock.sleeps.filter((_, i) => i % 2 === 1);
    expect(gaps.slice(0, 3)).toEqual([600, 1100, 1850]);
  });

  it('gives up at the deadline, leaves the build running and says where to follow it', async () => {
    const clock = fakeClock();
    const build = buildEndingAt(clock, Infinity);
    const error = await waitForBuild({ getBuild: build.getBuild, id: 'b', clock, timeoutMs: 60_000 }).catch((e) => e);
    expect(error).toBeInstanceOf(BuildDeadlineError);
    expect((error as Error).message).toBe(
      'Cloud Build build b was still WORKING after 1 min (the `timeout`); it was left running, not cancelled. ' +
        'Follow it at https://console/x.',
    );
    expect(build.reads.at(-1)).toBe(60_000);
  });

  it('passes a build that ends just before the deadline, reading once more at the deadline', async () => {
    const clock = fakeClock();
    const build = buildEndingAt(clock, 59_999);
    const result = await waitForBuild({ getBuild: build.getBuild, id: 'b', clock, timeoutMs: 60_000 });
    expect(result.status).toBe('SUCCESS');
    expect(build.reads.at(-1)).toBe(60_000);
  });

  it('reports each status change once', async () => {
    const clock = fakeClock();
    const statuses: BuildStatus[] = ['QUEUED', 'QUEUED', 'WORKING', 'WORKING', 'SUCCESS'];
    const seen: string[] = [];
    await waitForBuild({
      getBuild: async (id) => ({ id, status: statuses.shift() }),
      id: 'b',
      clock,
      onStatus: (status) => seen.push(status),
    });
    expect(seen).toEqual(['QUEUED', 'WORKING', 'SUCCESS']);
  });
});

describe('waitForBuild against the loopback Cloud Build server', () => {
  let server: CloudBuildServer;
  let cloudBuild: CloudBuildApi;
  const fast = { initialMs: 5, maxMs: 10 };
  const steps = [
    { id: 'fetch-plan', name: 'gcr.io/google.com/cloudsdktool/cloud-sdk:slim', script: 'true' },
    { id: 'init', name: 'hashicorp/terraform:1.11.4', script: 'true' },
    { id: 'apply', name: 'hashicorp/terraform:1.11.4', script: 'true' },
  ];

  beforeAll(async () => {
    server = await startCloudBuildServer();
    cloudBuild = await createCloudBuild({ projectId: 'p', region: 'us-central1', env: { CLOUD_BUILD_EMULATOR_HOST: server.host } });
  });
  afterAll(async () => {
    await cloudBuild?.close();
    await server?.close();
  });

  it('follows a build through QUEUED and WORKING and passes it when it succeeds', async () => {
    server.script({ status: 'SUCCESS', queuedMs: Infinity, workingMs: Infinity });
    const id = await cloudBuild.createBuild({ steps });
    const seen: string[] = [];
    const result = await waitForBuild({
      getBuild: (x) => cloudBuild.getBuild(x),
      id,
      poll: fast,
      onStatus: (status) => {
        seen.push(status);
        // Move the held build on only once the waiter has seen each state.
        if (status === 'QUEUED') server.start(id);
        if (status === 'WORKING') server.finish(id, 'SUCCESS');
      },
    });
    expect(result.build.id).toBe(id);
    expect(seen).toEqual(['QUEUED', 'WORKING', 'SUCCESS']);
  });

  it.each([
    ['FAILURE', 'init', 'at step "init"'],
    ['TIMEOUT', 'apply', 'at step "apply"'],
    ['INTERNAL_ERROR', undefined, ''],
    ['CANCELLED', undefined, ''],
    ['EXPIRED', undefined, ''],
  ] as const)('fails a build that ends %s with the status, the failing step and the log URL', async (status, stepId, where) => {
    server.script({ status, failingStepId: stepId });
    const id = await cloudBuild.createBuild({ steps });
    const error = (await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: fast }).catch((e) => e)) as BuildFailedError;
    expect(error).toBeInstanceOf(BuildFailedError);
    expect(error.status).toBe(status);
    expect(error.stepId).toBe(stepId);
    const logUrl = `https://console.cloud.google.com/cloud-build/builds;region=us-central1/${id}?project=p`;
    expect(error.logUrl).toBe(logUrl);
    expect(error.message).toContain(`Cloud Build build ${id} ended ${status}${where ? ` ${where}` : ''}`);
    expect(error.message).toContain(`log: ${logUrl}`);
  });

});
