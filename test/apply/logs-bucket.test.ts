/**
 * The `logs-bucket` of an apply run as a service account, with the real Cloud Build and storage clients against
 * the loopback servers. The bucket Cloud Build picks on its own is one this identity may not read (denied here);
 * the one the workflow names is readable, so the log streams from it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudBuild, type CloudBuildApi } from '../../src/cloudbuild/client.js';
import { runApply, type ApplyRequest } from '../../src/apply/run-apply.js';
import { NO_LOGS_BUCKET_WARNING } from '../../src/apply/handoff.js';
import { publishReviewedPlan } from '../../src/reviewed-plan/publish.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { startCloudBuildServer, type CloudBuildServer } from '../servers/cloudbuild.js';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';

const HEAD = 'e'.repeat(40);
const SA = 'projects/demo-project/serviceAccounts/deployer@demo-project.iam.gserviceaccount.com';
let gcs: GcsServer;
let server: CloudBuildServer;
let cloudBuild: CloudBuildApi;
let store: ObjectStore;

beforeAll(async () => {
  gcs = await startGcsServer({ buckets: ['plans', 'sources', 'build-logs'] });
  server = await startCloudBuildServer({ gcs, logsBucket: 'cloudbuild-default-logs' });
  // The bucket Cloud Build chooses for a service-account build without a logs bucket: not readable by the caller.
  gcs.denyRead('cloudbuild-default-logs');
  cloudBuild = await createCloudBuild({ projectId: 'demo-project', env: { CLOUD_BUILD_EMULATOR_HOST: server.host } });
  store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
  await publishReviewedPlan(store, { bucket: 'plans', prefix: '' }, {
    key: { repository: 'o/r', environment: 'dev', pullRequest: 4, headSha: HEAD },
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
  await gcs?.close();
});

const request = (runId: string, logsBucket?: string): ApplyRequest => ({
  repository: 'o/r',
  commitSha: 'f'.repeat(40),
  runId,
  environment: 'dev',
  workingDirectory: '.',
  planLocation: { bucket: 'plans', prefix: '' },
  requireReviewedPlan: true,
  handoff: {
    kind: 'build-config',
    file: path.resolve('cloudbuild/apply.yaml'),
    sourceBucket: 'sources',
    workspace: path.resolve('test/cloudbuild/fixtures'),
    serviceAccount: SA,
    ...(logsBucket ? { logsBucket } : {}),
  },
  substitutions: {},
  timeoutMs: 30_000,
  projectId: 'demo-project',
  region: 'global',
});

async function apply(runId: string, logsBucket?: string) {
  const info: string[] = [];
  const warnings: string[] = [];
  const buildLines: string[] = [];
  server.script({ status: 'SUCCESS', workingMs: 200, logLines: ['Step #2 - "apply": Apply complete! Resources: 1 added, 0 changed, 0 destroyed.'], logIntervalMs: 20 });
  const result = await runApply(request(runId, logsBucket), {
    findMergedPullRequest: async () => ({ number: 4, url: 'https://github.com/o/r/pull/4', headSha: HEAD }),
    store,
    cloudBuild,
    log: { info: (m) => info.push(m), warning: (m) => warnings.push(m), buildLine: (m) => buildLines.push(m) },
    poll: { initialMs: 50, maxMs: 100 },
    logIntervalMs: 50,
  });
  return { ...result, info, warnings, buildLines };
}

describe('an apply run as a service account', () => {
  it('creates the build with the given logs bucket and streams the log from it', async () => {
    const r = await apply('logs-bucket', 'gs://build-logs/apply');
    expect(r.error).toBeUndefined();
    const build = server.builds.get(r.report.buildId as string);
    expect(build?.logsBucket).toBe('gs://build-logs/apply');
    expect(build?.serviceAccount).toBe(SA);
    // The log object is where Cloud Build writes it for that bucket and prefix, and its lines reached the job log.
    expect(gcs.getObject('build-logs', `apply/log-${build?.id}.txt`)).toBeDefined();
    expect(r.buildLines).toContain('Step #2 - "apply": Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(r.buildLines.at(-1)).toBe('DONE');
    expect(r.warnings.join('\n')).not.toMatch(/cannot be read|logs-bucket/);
  });

  it('without a logs bucket warns, naming the `logs-bucket` input, and cannot stream the log', async () => {
    const r = await apply('no-logs-bucket');
    expect(r.error).toBeUndefined();
    const build = server.builds.get(r.report.buildId as string);
    expect(build?.logsBucket).toBe('gs://cloudbuild-default-logs');
    expect(r.warnings).toContain(NO_LOGS_BUCKET_WARNING);
    expect(NO_LOGS_BUCKET_WARNING).toContain('Set `logs-bucket`');
    expect(r.buildLines).toEqual([]);
    expect([...r.info, ...r.warnings].join('\n')).toMatch(/cannot be read here/);
  });
});
