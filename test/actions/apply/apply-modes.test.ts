/**
 * The apply bundle's other paths on the production runtime: trigger-id, require-reviewed-plan false, transient
 * Cloud Build errors, cancellation while QUEUED and while WORKING, bad inputs.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as grpc from '@grpc/grpc-js';
import { publishReviewedPlan } from '../../../src/reviewed-plan/publish.js';
import { createGcsStore } from '../../../src/storage/gcs.js';
import { commentMarker } from '../../../src/comment/marker.js';
import { requiredNodes } from '../../helpers/node-binaries.js';
import { startGcsServer } from '../../servers/gcs.js';
import { startCloudBuildServer } from '../../servers/cloudbuild.js';
import { seedPullRequest, startGitHubServer } from '../../servers/github.js';
import { HEAD_SHA, PR_NUMBER, REPOSITORY, ROOT, makeWorkspace, runApplyBundle, type Servers, type Workspace } from './apply-fixtures.js';

const MERGE_SHA = '7e'.repeat(20);
const node = requiredNodes().at(-1)?.path ?? process.execPath;
const s = {} as Servers;
let ws: Workspace;
let runCounter = 5000;
const nextRunId = () => String(runCounter++);

beforeAll(async () => {
  s.gcs = await startGcsServer({ buckets: ['plans', 'sources'] });
  s.cloudBuild = await startCloudBuildServer({
    gcs: s.gcs,
    triggers: {
      'apply-trigger': {
        steps: [{ id: 'apply', name: 'bash', script: 'echo applied' }],
        // What a trigger's config sets with `env-$_ENV` and `sha-$SHORT_SHA` (this server does not substitute tags).
        tags: ['dc-pipeline', 'env-dev', `sha-${MERGE_SHA.slice(0, 7)}`],
      },
    },
  });
  ws = makeWorkspace();
  await publishReviewedPlan(createGcsStore({ env: { STORAGE_EMULATOR_HOST: s.gcs.url } }), { bucket: 'plans', prefix: 'reviewed' }, {
    key: { repository: REPOSITORY, environment: 'dev', pullRequest: PR_NUMBER, headSha: HEAD_SHA },
    workingDirectory: ROOT,
    terraformVersion: '1.11.4',
    plan: Buffer.from('reviewed plan'),
    planJson: '{}',
    now: new Date(),
  });
});
afterAll(async () => {
  await s.cloudBuild?.close();
  await s.gcs?.close();
  rmSync(ws.dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await s.github?.close();
  s.github = await startGitHubServer();
  seedPullRequest(s.github.state, { repo: REPOSITORY, number: PR_NUMBER, mergeCommitSha: MERGE_SHA, headSha: HEAD_SHA });
});

const buildsOfRun = (runId: string) => [...s.cloudBuild.builds.values()].filter((b) => b.tags.includes(`gh-run-${runId}`));
const planComment = () => s.github.state.commentsOn(REPOSITORY, PR_NUMBER).at(-1)?.body ?? '';

describe('the apply bundle', () => {
  it('with trigger-id runs the trigger at the merge commit with the contract substitutions', async () => {
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId: nextRunId(), inputs: { 'trigger-id': 'apply-trigger' } }).result;
    expect(r.code, r.stdout).toBe(0);
    expect(s.cloudBuild.calls.RunBuildTrigger).toBe(1);
    const build = s.cloudBuild.builds.get(r.outputs['build-id'] ?? '');
    expect(build?.buildTriggerId).toBe('apply-trigger');
    expect(build?.substitutions).toMatchObject({ COMMIT_SHA: MERGE_SHA, _ENV: 'dev', _PR_NUMBER: String(PR_NUMBER), _WORKING_DIR: ROOT });
    expect(build?.substitutions._PLAN_SHA256).toMatch(/^[0-9a-f]{64}$/);
    // A second run of the same merge finds the trigger's build by its tags and does not run the trigger again.
    const again = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId: nextRunId(), inputs: { 'trigger-id': 'apply-trigger' } }).result;
    expect(again.code, again.stdout).toBe(0);
    expect(s.cloudBuild.calls.RunBuildTrigger).toBe(1);
  });

  it('with require-reviewed-plan false plans and applies in one build, and the comment says so', async () => {
    const runId = nextRunId();
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId, inputs: { 'require-reviewed-plan': 'false', 'plan-bucket': '' } }).result;
    expect(r.code, r.stdout).toBe(0);
    const [build] = buildsOfRun(runId);
    expect(build?.steps.map((st) => st.id)).toEqual(['init', 'plan', 'apply']);
    expect(Object.keys(build?.substitutions ?? {})).not.toContain('_PLAN_URI');
    expect(r.outputs['plan-uri']).toBe('');
    // No plan comment existed: one is created under the same marker, saying what happened.
    expect(planComment()).toContain(commentMarker('dev', ROOT));
    expect(planComment()).toContain('No reviewed plan was required (`require-reviewed-plan: false`)');
  });

  it('runs the build as the deployer service account, with a logs bucket Cloud Build accepts for it', async () => {
    const runId = nextRunId();
    const sa = 'projects/demo-project/serviceAccounts/deployer@demo-project.iam.gserviceaccount.com';
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId, inputs: { 'service-account': sa, timeout: '45m' } }).result;
    expect(r.code, r.stdout).toBe(0);
    const [build] = buildsOfRun(runId);
    expect(build?.serviceAccount).toBe(sa);
    expect(build?.timeout).toMatchObject({ seconds: String(45 * 60) });
    expect((build?.options as { defaultLogsBucketBehavior?: string } | undefined)?.defaultLogsBucketBehavior).toBe('REGIONAL_USER_OWNED_BUCKET');
    // Without `logs-bucket` the log lands where this identity usually cannot read it: the step says how to fix it.
    expect(r.stdout).toMatch(/^::warning::.*Set `logs-bucket` to a bucket this identity can read/m);
  });

  it('with logs-bucket creates the build with that logsBucket and streams the log from it', async () => {
    const runId = nextRunId();
    s.gcs.createBucket('apply-build-logs');
    s.cloudBuild.script({ status: 'SUCCESS', logLines: ['Apply complete! Resources: 0 added (from apply-build-logs)'] });
    const sa = 'deployer@demo-project.iam.gserviceaccount.com';
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId, inputs: { 'service-account': sa, 'logs-bucket': 'gs://apply-build-logs/dev' } }).result;
    expect(r.code, r.stdout).toBe(0);
    const [build] = buildsOfRun(runId);
    expect(build?.logsBucket).toBe('gs://apply-build-logs/dev');
    expect((build?.options as { defaultLogsBucketBehavior?: string } | undefined)?.defaultLogsBucketBehavior).not.toBe('REGIONAL_USER_OWNED_BUCKET');
    expect(s.gcs.getObject('apply-build-logs', `dev/log-${build?.id}.txt`)).toBeDefined();
    expect(r.stdout).toContain('Apply complete! Resources: 0 added (from apply-build-logs)');
    expect(r.stdout).not.toMatch(/^::warning::.*logs-bucket/m);
  });

  it('survives transient UNAVAILABLE answers from Cloud Build without starting a second build', async () => {
    const runId = nextRunId();
    s.cloudBuild.inject({ method: 'ListBuilds', code: grpc.status.UNAVAILABLE, times: 1 });
    s.cloudBuild.inject({ method: 'CreateBuild', code: grpc.status.UNAVAILABLE, afterCommit: true });
    s.cloudBuild.inject({ method: 'GetBuild', code: grpc.status.UNAVAILABLE, times: 2 });
    s.cloudBuild.script({ status: 'SUCCESS', workingMs: 500 });
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId }).result;
    expect(r.code, r.stdout).toBe(0);
    expect(buildsOfRun(runId)).toHaveLength(1);
    expect(r.outputs.status).toBe('SUCCESS');
  });

  it('cancels a build that is still QUEUED when the workflow is cancelled', async () => {
    const runId = nextRunId();
    s.cloudBuild.script({ status: 'SUCCESS', queuedMs: Infinity });
    const run = runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId });
    await run.when(/Build \S+ is QUEUED/);
    run.child().kill('SIGTERM');
    const r = await run.result;
    expect(r.code).toBe(1);
    expect(buildsOfRun(runId)[0]?.status).toBe('CANCELLED');
    expect(r.stdout).toMatch(/was QUEUED and is now cancelled/);
    expect(r.outputs.status).toBe('CANCELLED');
    expect(planComment()).toContain('⏹️ **Apply cancelled**');
  });

  it('leaves a WORKING apply to finish when the workflow is cancelled, and says so', async () => {
    const runId = nextRunId();
    s.cloudBuild.script({ status: 'SUCCESS', workingMs: Infinity });
    const run = runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId });
    await run.when(/Build \S+ is WORKING/);
    const cancels = s.cloudBuild.calls.CancelBuild ?? 0;
    run.child().kill('SIGINT');
    await run.when(/left to finish, because stopping Terraform mid-apply can corrupt the state/);
    const id = buildsOfRun(runId)[0]?.id ?? '';
    s.cloudBuild.finish(id, 'SUCCESS');
    const r = await run.result;
    expect(r.code, r.stdout).toBe(0);
    expect(s.cloudBuild.calls.CancelBuild ?? 0).toBe(cancels);
    expect(r.outputs.status).toBe('SUCCESS');
  });

  it.each([
    [{ 'project-id': '' }, 'Input `project-id` is required and was empty.'],
    [{ 'plan-bucket': 'plans' }, 'Input `plan-bucket` was "plans"'],
    [{ 'trigger-id': 't', 'build-config': 'other.yaml' }, 'Only one of `build-config` or `trigger-id` can be set'],
    [{ substitutions: '_PLAN_URI=gs://x/y' }, 'Input `substitutions` sets _PLAN_URI, which the action sets itself'],
    [{ substitutions: 'lower=1' }, 'Input `substitutions` has the key "lower"'],
    [{ timeout: 'soon' }, 'Input `timeout` was "soon"'],
    [{ 'logs-bucket': 'build-logs' }, 'Input `logs-bucket` was "build-logs"; expected gs://<bucket>[/<prefix>]'],
    [{ 'trigger-id': 't', 'logs-bucket': 'gs://build-logs' }, 'Only one of `logs-bucket` or `trigger-id` can be set'],
    [{ 'build-config': 'cloudbuild/missing.yaml' }, 'Cannot read the build config'],
  ])('rejects bad input %o in one line without a stack', async (inputs, message) => {
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId: nextRunId(), inputs }).result;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::apply failed with: ${message}`);
    expect(r.stdout).not.toMatch(/^\s+at /m);
  });
});
