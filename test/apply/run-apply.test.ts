/**
 * runApply with the real Cloud Build client against the loopback server and the local folder store: the paths
 * the bundle tests do not reach quickly — the wait deadline, and the outcome's timing fields.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudBuild, type CloudBuildApi } from '../../src/cloudbuild/client.js';
import { runApply, type ApplyRequest } from '../../src/apply/run-apply.js';
import { publishReviewedPlan } from '../../src/reviewed-plan/publish.js';
import { createLocalStore } from '../../src/storage/local.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { startCloudBuildServer, type CloudBuildServer } from '../servers/cloudbuild.js';

const HEAD = 'c'.repeat(40);
let server: CloudBuildServer;
let cloudBuild: CloudBuildApi;
let dir: string;
let store: ObjectStore;

beforeAll(async () => {
  server = await startCloudBuildServer();
  cloudBuild = await createCloudBuild({ projectId: 'demo-project', env: { CLOUD_BUILD_EMULATOR_HOST: server.host } });
  dir = await mkdtemp(path.join(tmpdir(), 'dcp-run-apply-'));
  store = createLocalStore(path.join(dir, 'gcs'));
  await publishReviewedPlan(store, { bucket: 'plans', prefix: '' }, {
    key: { repository: 'o/r', environment: 'dev', pullRequest: 3, headSha: HEAD },
    workingDirectory: '.',
    terraformVersion: '1.11.4',
    plan: Buffer.from('plan'),
    planJson: '{}',
    now: new Date(),
  });
});
afterAll(async () => {
  await cloudBuild?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const request = (runId: string, timeoutMs: number): ApplyRequest => ({
  repository: 'o/r',
  commitSha: 'd'.repeat(40),
  runId,
  environment: 'dev',
  workingDirectory: '.',
  planLocation: { bucket: 'plans', prefix: '' },
  requireReviewedPlan: true,
  handoff: { kind: 'build-config', file: path.resolve('cloudbuild/apply.yaml'), sourceBucket: 'sources', workspace: path.resolve('test/cloudbuild/fixtures') },
  substitutions: {},
  timeoutMs,
  projectId: 'demo-project',
  region: 'global',
});

function collaborators(lines: string[]) {
  return {
    findMergedPullRequest: async () => ({ number: 3, url: 'https://github.com/o/r/pull/3', headSha: HEAD }),
    store,
    cloudBuild,
    log: { info: (m: string) => lines.push(m), warning: (m: string) => lines.push(`warning: ${m}`), buildLine: (m: string) => lines.push(m) },
    poll: { initialMs: 50, maxMs: 100 },
    logIntervalMs: 50,
  };
}

describe('runApply', () => {
  it('stops waiting at the deadline, leaves the build running and says where to follow it', async () => {
    server.script({ status: 'SUCCESS', workingMs: Infinity });
    const lines: string[] = [];
    const { report, error } = await runApply(request('deadline', 400), collaborators(lines));
    expect(report.outcome).toBe('timed-out');
    expect(report.status).toBe('WORKING');
    expect(error?.message).toMatch(/was still WORKING after 0 s \(the `timeout`\); it was left running, not cancelled/);
    expect(server.calls.CancelBuild ?? 0).toBe(0);
    server.finish(report.buildId as string, 'SUCCESS');
  });

  it('reports the build duration from its start and finish times', async () => {
    server.script({ status: 'SUCCESS', workingMs: 300 });
    const { report, error } = await runApply(request('duration', 30_000), collaborators([]));
    expect(error).toBeUndefined();
    expect(report.outcome).toBe('applied');
    expect(report.durationMs).toBeGreaterThanOrEqual(250);
    expect(report.durationMs).toBeLessThan(5_000);
    expect(report.planUri).toMatch(/^file:\/\/.*\/plans\/o\/r\/dev\/pr-3\/c{40}\/plan\.tfplan$/);
  });
});
