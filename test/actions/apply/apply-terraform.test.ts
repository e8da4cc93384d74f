/**
 * Merge to deploy with real Terraform: the plan bundle plans a terraform_data root on the PR and publishes the
 * reviewed plan; the PR is "merged" (its merge commit maps to it through GET /commits/{sha}/pulls); the apply
 * bundle hands the plan to the loopback Cloud Build, whose executor runs cloudbuild/apply.yaml's commands for real
 * (gcloud against the loopback GCS, the host's terraform); the state changes. Then the same with a stale plan.
 * Needs terraform and gcloud (skipped without them outside CI).
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requiredNodes } from '../../helpers/node-binaries.js';
import { runBundle } from '../../helpers/run-bundle.js';
import { startGcsServer } from '../../servers/gcs.js';
import { startCloudBuildServer } from '../../servers/cloudbuild.js';
import { seedPullRequest, startGitHubServer } from '../../servers/github.js';
import { HEAD_SHA, PLAN_BUCKET, PR_NUMBER, REPOSITORY, ROOT, makeWorkspace, runApplyBundle, runnerEnv, type Servers, type Workspace } from './apply-fixtures.js';

const run = promisify(execFile);
const onPath = (tool: string) => run('sh', ['-c', `command -v ${tool}`]).then(() => true, () => false);
const toolsPresent = (await onPath('terraform')) && (await onPath('gcloud'));
const describeWithTools = toolsPresent || process.env.CI === 'true' ? describe : describe.skip;

const s = {} as Servers;
let ws: Workspace;
let runId = 9000;

describeWithTools.each(requiredNodes().map((n) => [`Node ${n.major}`, n.path]))('merge to deploy with real Terraform on %s', (_label, node) => {
  beforeAll(async () => {
    s.gcs = await startGcsServer({ buckets: ['plans', 'sources'] });
    s.cloudBuild = await startCloudBuildServer({
      gcs: s.gcs,
      behaviour: 'execute',
      hostEnv: {
        CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE: `${s.gcs.url}/storage/v1/`,
        CLOUDSDK_AUTH_DISABLE_CREDENTIALS: 'true',
        CLOUDSDK_CORE_PROJECT: 'demo-project',
        TF_CLI_CONFIG_FILE: '/dev/null',
      },
    });
  });
  afterAll(async () => {
    await s.cloudBuild?.close();
    await s.gcs?.close();
  });
  beforeEach(async () => {
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
    ws = makeWorkspace();
    for (const o of s.gcs.listObjects('plans')) s.gcs.deleteObject('plans', o.name);
    await s.github?.close();
    s.github = await startGitHubServer();
  });
  afterAll(() => {
    if (ws) rmSync(ws.dir, { recursive: true, force: true });
  });

  const terraform = (args: string[]) =>
    run('terraform', args, { cwd: path.join(ws.workspace, ROOT), env: { ...process.env, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' } });

  async function planOnThePullRequest(release: string, mergeSha: string) {
    const r = await runBundle({
      bundle: 'plan',
      node,
      cwd: ws.workspace,
      inputs: { 'working-directory': ROOT, environment: 'dev', 'plan-bucket': PLAN_BUCKET, args: `-var=release=${release}`, 'github-token': 'ghs_planToken' },
      env: runnerEnv(s, ws, 'pull_request', 'e'.repeat(40), String(runId++)),
      timeoutMs: 90_000,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // The merge: the push's commit maps to the PR whose head the plan was made for.
    seedPullRequest(s.github.state, { repo: REPOSITORY, number: PR_NUMBER, mergeCommitSha: mergeSha, headSha: HEAD_SHA });
    return r;
  }

  const release = () =>
    (JSON.parse(readFileSync(ws.statePath, 'utf8')) as { resources: Array<{ type: string; instances: Array<{ attributes: { input: unknown } }> }> }).resources.find(
      (r) => r.type === 'terraform_data',
    )?.instances[0]?.attributes.input;

  it('applies exactly the plan reviewed on the PR, and the state changes', async () => {
    const plan = await planOnThePullRequest('v2', '5a'.repeat(20));
    const planUri = `${PLAN_BUCKET}/${REPOSITORY}/dev/pr-${PR_NUMBER}/${HEAD_SHA}/plan.tfplan`;
    expect(plan.outputs['plan-uri']).toBe(planUri);
    expect(s.gcs.getObject('plans', `reviewed/${REPOSITORY}/dev/pr-${PR_NUMBER}/${HEAD_SHA}/manifest.json`)).toBeDefined();

    const r = await runApplyBundle(node, s, ws, { sha: '5a'.repeat(20), runId: String(runId++) }).result;
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(release()).toEqual({ value: 'v2', type: 'string' });
    expect(r.outputs).toMatchObject({ status: 'SUCCESS', 'plan-uri': planUri, 'pr-number': String(PR_NUMBER) });
    expect(r.stdout).toContain(`sha256 ${plan.outputs['plan-sha256']} verified`);
    expect(r.stdout).toContain('reviewed.tfplan: OK');
    expect(r.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    const comment = s.github.state.commentsOn(REPOSITORY, PR_NUMBER).at(-1)?.body ?? '';
    expect(comment).toContain('✅ **Applied**');
    // The plan action's own comment got the status: one comment, the plan still in it.
    expect(s.github.state.commentsOn(REPOSITORY, PR_NUMBER)).toHaveLength(1);
    expect(comment).toContain(plan.outputs['plan-sha256']?.slice(0, 12));
  });

  it('refuses a plan whose state moved on and asks for a fresh plan', async () => {
    await planOnThePullRequest('v3', '6b'.repeat(20));
    // Another merge applied first.
    await terraform(['init', '-input=false']);
    await terraform(['apply', '-input=false', '-auto-approve', '-var=release=other']);
    const r = await runApplyBundle(node, s, ws, { sha: '6b'.repeat(20), runId: String(runId++) }).result;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::apply failed with: The plan reviewed in PR #${PR_NUMBER} is stale.`);
    expect(r.outputs.status).toBe('FAILURE');
    expect(release()).toEqual({ value: 'other', type: 'string' });
    expect(s.github.state.commentsOn(REPOSITORY, PR_NUMBER).at(-1)?.body).toContain('the plan is stale');
  });
});
