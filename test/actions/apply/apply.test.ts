/**
 * The apply action end to end: dist/apply/index.js run as the runner runs it, on Node 20 and Node 24, against a
 * loopback GitHub (the merged PR and its plan comment), GCS (reviewed plans, sources, build logs) and Cloud Build
 * (scripted builds; the executor runs cloudbuild/apply.yaml for real in the real-Terraform file).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishReviewedPlan } from '../../../src/reviewed-plan/publish.js';
import { createGcsStore } from '../../../src/storage/gcs.js';
import { STATUS_START, commentMarker } from '../../../src/comment/marker.js';
import { requiredNodes } from '../../helpers/node-binaries.js';
import { startGcsServer } from '../../servers/gcs.js';
import { startCloudBuildServer } from '../../servers/cloudbuild.js';
import { seedPullRequest, startGitHubServer } from '../../servers/github.js';
import type { BuildStatus } from '../../../src/cloudbuild/build.js';
import { HEAD_SHA, PLAN_BUCKET, PR_NUMBER, REPOSITORY, ROOT, makeWorkspace, runApplyBundle, type Servers, type Workspace } from './apply-fixtures.js';

const MERGE_SHA = '9f'.repeat(20);
const s = {} as Servers;
let ws: Workspace;
let runCounter = 1000;
const nextRunId = () => String(runCounter++);

beforeAll(async () => {
  s.gcs = await startGcsServer({ buckets: ['plans', 'sources'] });
  s.cloudBuild = await startCloudBuildServer({ gcs: s.gcs });
  ws = makeWorkspace();
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
  // The plan comment reviewers saw, as the plan action left it.
  s.github.state.addComment(REPOSITORY, PR_NUMBER, `${commentMarker('dev', ROOT)}\n### Plan for \`dev\`\n\nPlan: 1 to add.\n`);
});

const store = () => createGcsStore({ env: { STORAGE_EMULATOR_HOST: s.gcs.url } });
const FOLDER = `reviewed/${REPOSITORY}/dev/pr-${PR_NUMBER}/${HEAD_SHA}/`;

async function seedReviewedPlan(bytes = 'a reviewed binary plan'): Promise<string> {
  for (const o of s.gcs.listObjects('plans', FOLDER)) s.gcs.deleteObject('plans', o.name);
  const published = await publishReviewedPlan(store(), { bucket: 'plans', prefix: 'reviewed' }, {
    key: { repository: REPOSITORY, environment: 'dev', pullRequest: PR_NUMBER, headSha: HEAD_SHA },
    workingDirectory: ROOT,
    terraformVersion: '1.11.4',
    plan: Buffer.from(bytes),
    planJson: '{}',
    now: new Date(),
  });
  return published.manifest.planSha256;
}

const planComment = () => s.github.state.commentsOn(REPOSITORY, PR_NUMBER).at(-1)?.body ?? '';
const visible = (stdout: string) => stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
const buildsOfRun = (runId: string) => [...s.cloudBuild.builds.values()].filter((b) => b.tags.includes(`gh-run-${runId}`));

describe.each(requiredNodes().map((n) => [`Node ${n.major}`, n.path]))('the apply bundle on %s', (_label, node) => {
  it('hands the verified reviewed plan to Cloud Build with the contract substitutions and tags, and reports on the PR', async () => {
    const sha256 = await seedReviewedPlan();
    const runId = nextRunId();
    s.cloudBuild.script({ status: 'SUCCESS', logLines: ['Step #2 - "apply": Apply complete! Resources: 1 added, 0 changed, 0 destroyed.'] });
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId }).result;
    expect(r.code, visible(r.stdout)).toBe(0);
    const [build] = buildsOfRun(runId);
    expect(build?.substitutions).toMatchObject({
      _PLAN_URI: `${PLAN_BUCKET}/${REPOSITORY}/dev/pr-${PR_NUMBER}/${HEAD_SHA}/plan.tfplan`,
      _PLAN_SHA256: sha256,
      _ENV: 'dev',
      _WORKING_DIR: ROOT,
      _PR_NUMBER: String(PR_NUMBER),
      _COMMIT_SHA: MERGE_SHA,
    });
    expect(build?.tags).toEqual(expect.arrayContaining(['dc-pipeline', 'env-dev', `gh-run-${runId}`, `sha-${MERGE_SHA.slice(0, 7)}`]));
    expect((build?.steps ?? []).map((st) => st.id)).toEqual(['fetch-plan', 'init', 'apply']);
    // The source is the packed workspace: the config and the root, not what .gitignore leaves out.
    expect(s.gcs.listObjects('sources', 'source/').length).toBeGreaterThan(0);
    expect(r.outputs).toEqual({
      'build-id': build?.id,
      status: 'SUCCESS',
      'log-url': build?.logUrl,
      'plan-uri': build?.substitutions._PLAN_URI,
      'pr-number': String(PR_NUMBER),
    });
    expect(r.stdout).toContain('Apply complete! Resources: 1 added');
    expect(planComment()).toContain(STATUS_START);
    expect(planComment()).toMatch(/✅ \*\*Applied\*\* to `dev` at merge commit `9f9f9f9`, Cloud Build \[`[0-9a-f]{8}`\]\(https:\/\/console/);
    expect(planComment()).toContain('Plan: 1 to add.');
    expect(s.github.state.comments).toHaveLength(1);
    expect(r.summary).toContain('## Terraform apply — dev');
  });

  it('follows the build an earlier attempt of the same run started instead of applying twice', async () => {
    await seedReviewedPlan();
    const runId = nextRunId();
    s.cloudBuild.script({ status: 'SUCCESS' });
    const first = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId }).result;
    expect(first.code, visible(first.stdout)).toBe(0);
    const creates = s.cloudBuild.calls.CreateBuild;
    const again = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId }).result;
    expect(again.code, visible(again.stdout)).toBe(0);
    expect(s.cloudBuild.calls.CreateBuild).toBe(creates);
    expect(buildsOfRun(runId)).toHaveLength(1);
    expect(again.stdout).toContain('Following it instead of starting a second apply');
    expect(again.outputs['build-id']).toBe(first.outputs['build-id']);
  });

  it('refuses a plan whose bytes changed since review, before any build exists', async () => {
    await seedReviewedPlan('what reviewers saw');
    s.gcs.deleteObject('plans', `${FOLDER}plan.tfplan`);
    s.gcs.putObject('plans', `${FOLDER}plan.tfplan`, 'something else');
    const runId = nextRunId();
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId }).result;
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::apply failed with: The plan at gs:\/\/plans\/.*plan\.tfplan has sha256 [0-9a-f]{64}, but the reviewed plan had/);
    expect(buildsOfRun(runId)).toHaveLength(0);
    expect(r.outputs['pr-number']).toBe(String(PR_NUMBER));
    expect(planComment()).toContain('❌ **Not applied**');
  });

  it('says which PR, commit and environment have no reviewed plan', async () => {
    for (const o of s.gcs.listObjects('plans', FOLDER)) s.gcs.deleteObject('plans', o.name);
    const runId = nextRunId();
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId }).result;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::apply failed with: No reviewed plan for PR #${PR_NUMBER} at ${HEAD_SHA} in environment "dev"`);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1);
    expect(buildsOfRun(runId)).toHaveLength(0);
  });

  it('fails a direct push with no merged pull request in one sentence', async () => {
    const r = await runApplyBundle(node, s, ws, { sha: '1'.repeat(40), runId: nextRunId() }).result;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::apply failed with: No merged pull request has ${'1'.repeat(40)} in ${REPOSITORY}`);
  });

  it.each<[BuildStatus, string | undefined]>([
    ['FAILURE', 'apply'],
    ['INTERNAL_ERROR', undefined],
    ['TIMEOUT', undefined],
    ['CANCELLED', undefined],
    ['EXPIRED', undefined],
  ])('fails the step when the build ends %s, naming status, step and log', async (status, step) => {
    await seedReviewedPlan();
    const runId = nextRunId();
    s.cloudBuild.script({ status, failingStepId: step, queuedMs: 5 });
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId }).result;
    expect(r.code).toBe(1);
    const id = buildsOfRun(runId)[0]?.id ?? '';
    expect(r.outputs.status).toBe(status);
    expect(r.stdout).toContain(`::error::apply failed with: Cloud Build build ${id} ended ${status}${step ? ` at step "${step}"` : ''}`);
    expect(r.stdout).toContain(`log: https://console.cloud.google.com/cloud-build/builds;region=europe-west1/${id}`);
    expect(planComment()).toContain(status === 'CANCELLED' ? '⏹️ **Apply cancelled**' : '❌ **Apply failed**');
  });

  it('recognises a stale plan in the build log and tells the user to re-run the plan', async () => {
    await seedReviewedPlan();
    s.cloudBuild.script({
      status: 'FAILURE',
      failingStepId: 'apply',
      logLines: ['Step #2 - "apply": Error: Saved plan is stale', 'Step #2 - "apply": dc-pipeline: stale plan: the state changed'],
    });
    const r = await runApplyBundle(node, s, ws, { sha: MERGE_SHA, runId: nextRunId() }).result;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::apply failed with: The plan reviewed in PR #${PR_NUMBER} is stale.`);
    expect(r.stdout).toContain('Re-run the plan');
    expect(planComment()).toContain('⚠️ **Not applied: the plan is stale**');
  });
});
