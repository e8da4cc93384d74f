/**
 * cloudbuild/apply.yaml run for real: the loopback Cloud Build server's executor unpacks the uploaded workspace,
 * runs `gcloud storage cp` against the loopback GCS server, checks the sha256 and has the host's terraform apply
 * the saved plan of a terraform_data root. Needs terraform and gcloud on PATH (skipped without them outside CI).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { createCloudBuild, type CloudBuildApi } from '../../src/cloudbuild/client.js';
import { loadBuildConfig, prepareBuild } from '../../src/cloudbuild/build-config.js';
import { uploadWorkspace } from '../../src/cloudbuild/source.js';
import { startBuildLogStream } from '../../src/cloudbuild/log-stream.js';
import { BuildFailedError, waitForBuild } from '../../src/cloudbuild/wait.js';
import type { Build } from '../../src/cloudbuild/build.js';
import { isStalePlanLine } from '../../src/cloudbuild/apply-log.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';
import { startCloudBuildServer, type CloudBuildServer } from '../servers/cloudbuild.js';

const run = promisify(execFile);

async function onPath(tool: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${tool}`]).then(
    () => true,
    () => false,
  );
}

const toolsPresent = (await onPath('terraform')) && (await onPath('gcloud'));
// Outside CI a machine without the tools skips; under CI the tests run and fail loudly.
const describeWithTools = toolsPresent || process.env.CI === 'true' ? describe : describe.skip;

describeWithTools('cloudbuild/apply.yaml executed against loopback Cloud Build and GCS', () => {
  let gcs: GcsServer;
  let server: CloudBuildServer;
  let cloudBuild: CloudBuildApi;
  let store: ObjectStore;
  let dir: string;
  let workspace: string;
  let statePath: string;
  const root = 'infra';
  const config = loadBuildConfig(path.resolve('cloudbuild/apply.yaml'));

  beforeAll(async () => {
    gcs = await startGcsServer({ buckets: ['plans', 'sources', 'build-logs'] });
    server = await startCloudBuildServer({
      gcs,
      behaviour: 'execute',
      hostEnv: {
        // Point the fetch step's gcloud at the loopback GCS server, without credentials.
        CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE: `${gcs.url}/storage/v1/`,
        CLOUDSDK_AUTH_DISABLE_CREDENTIALS: 'true',
        CLOUDSDK_CORE_PROJECT: 'demo',
        TF_CLI_CONFIG_FILE: '/dev/null',
      },
    });
    cloudBuild = await createCloudBuild({ projectId: 'demo', region: 'europe-west1', env: { CLOUD_BUILD_EMULATOR_HOST: server.host } });
    store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
  });
  afterAll(async () => {
    await cloudBuild?.close();
    await server?.close();
    await gcs?.close();
  });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cb-apply-'));
    workspace = path.join(dir, 'repo');
    statePath = path.join(dir, 'state', 'terraform.tfstate');
    await cp(path.resolve('test/cloudbuild/fixtures/terraform-data'), path.join(workspace, root), { recursive: true });
    await writeFile(
      path.join(workspace, root, 'backend.tf'),
      `terraform {\n  backend "local" {\n    path = ${JSON.stringify(statePath)}\n  }\n}\n`,
    );
    await writeFile(path.join(workspace, '.gitignore'), '.terraform/\n*.tfplan\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const terraform = (args: string[]) =>
    run('terraform', args, { cwd: path.join(workspace, root), env: { ...process.env, TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' } });

  /** What the plan action does on the PR: plan to a file and publish it. */
  async function planOnPullRequest(release: string, name: string): Promise<{ uri: string; sha256: string }> {
    await terraform(['init', '-input=false']);
    await terraform(['plan', '-input=false', `-var=release=${release}`, '-out=pr.tfplan']);
    const plan = await readFile(path.join(workspace, root, 'pr.tfplan'));
    gcs.putObject('plans', name, plan);
    return { uri: `gs://plans/${name}`, sha256: createHash('sha256').update(plan).digest('hex') };
  }

  async function applyInCloudBuild(plan: { uri: string; sha256: string }): Promise<{ result: Promise<unknown>; log: string[]; build: Build }> {
    const { source } = await uploadWorkspace({ store, bucket: 'sources', root: workspace });
    const build = prepareBuild(
      await config,
      {
        substitutions: {
          _PLAN_URI: plan.uri,
          _PLAN_SHA256: plan.sha256,
          _ENV: 'dev',
          _WORKING_DIR: root,
          _PR_NUMBER: '12',
          _COMMIT_SHA: 'c'.repeat(40),
        },
        tags: ['gh-run-99'],
        source,
        logsBucket: 'gs://build-logs',
      },
      'cloudbuild/apply.yaml',
    );
    const id = await cloudBuild.createBuild(build);
    const created = await cloudBuild.getBuild(id);
    const log: string[] = [];
    const stream = startBuildLogStream({ store, build: created, onLine: (l) => log.push(l), onUnavailable: (m) => log.push(`UNAVAILABLE ${m}`), intervalMs: 50 });
    const result = waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: { initialMs: 50, maxMs: 200 } }).finally(() => stream.finish());
    return { result, log, build: created };
  }

  it('applies the reviewed plan and the state changes', async () => {
    const plan = await planOnPullRequest('v2', 'dev/pr-12/plan.tfplan');
    const { result, log } = await applyInCloudBuild(plan);
    await expect(result).resolves.toMatchObject({ status: 'SUCCESS' });
    const state = JSON.parse(await readFile(statePath, 'utf8')) as { resources: Array<{ type: string; instances: Array<{ attributes: { input: unknown } }> }> };
    expect(state.resources.find((r) => r.type === 'terraform_data')?.instances[0]?.attributes.input).toEqual({ value: 'v2', type: 'string' });
    const text = log.join('\n');
    expect(text).toContain('Step #0 - "fetch-plan": Applying the plan reviewed in PR #12');
    expect(text).toContain('reviewed.tfplan: OK');
    expect(text).toContain('Step #2 - "apply": Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(log.some(isStalePlanLine)).toBe(false);
  });

  it('refuses a plan whose sha256 does not match before Terraform sees it', async () => {
    // Bytes that are not what the manifest recorded (the check runs before Terraform, so they need not be a plan).
    gcs.putObject('plans', 'dev/pr-13/plan.tfplan', 'tampered');
    const { result, log } = await applyInCloudBuild({ uri: 'gs://plans/dev/pr-13/plan.tfplan', sha256: 'f'.repeat(64) });
    const error = (await result.catch((e) => e)) as BuildFailedError;
    expect(error).toBeInstanceOf(BuildFailedError);
    expect(error.status).toBe('FAILURE');
    expect(error.stepId).toBe('fetch-plan');
    expect(log.join('\n')).toContain('reviewed.tfplan: FAILED');
    await expect(readFile(statePath, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('fails at the apply step with a recognisable line when the plan is stale', async () => {
    const plan = await planOnPullRequest('v4', 'dev/pr-14/plan.tfplan');
    // Another merge applied first: the state moved on since this plan was made.
    await terraform(['apply', '-input=false', '-auto-approve', '-var=release=other']);
    const { result, log } = await applyInCloudBuild(plan);
    const error = (await result.catch((e) => e)) as BuildFailedError;
    expect(error.status).toBe('FAILURE');
    expect(error.stepId).toBe('apply');
    const text = log.join('\n');
    expect(text).toContain('Saved plan is stale');
    expect(text).toContain('dc-pipeline: stale plan: the state changed since this plan was reviewed');
    expect(log.filter(isStalePlanLine).length).toBeGreaterThanOrEqual(2);
  });

  it('plans and applies in one build with plan-apply.yaml when no reviewed plan is required', async () => {
    await writeFile(path.join(workspace, root, 'terraform.tfvars'), 'release = "v5"\n');
    const { source } = await uploadWorkspace({ store, bucket: 'sources', root: workspace });
    const build = prepareBuild(
      await loadBuildConfig(path.resolve('cloudbuild/plan-apply.yaml')),
      {
        substitutions: { _ENV: 'dev', _WORKING_DIR: root, _PR_NUMBER: '15', _COMMIT_SHA: 'd'.repeat(40) },
        source,
        logsBucket: 'gs://build-logs',
      },
      'cloudbuild/plan-apply.yaml',
    );
    const id = await cloudBuild.createBuild(build);
    await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: { initialMs: 50, maxMs: 200 } });
    const state = JSON.parse(await readFile(statePath, 'utf8')) as { resources: Array<{ instances: Array<{ attributes: { input: unknown } }> }> };
    expect(state.resources[0]?.instances[0]?.attributes.input).toEqual({ value: 'v5', type: 'string' });
    const log = gcs.getObject('build-logs', `log-${id}.txt`)?.data.toString('utf8') ?? '';
    expect(log).toContain('Step #1 - "plan": No reviewed plan required: planning dev');
    expect(log).toContain('Step #2 - "apply": Apply complete!');
  });

  it('plans with plan.yaml and publishes the plan, its JSON and its sha256 write-once', async () => {
    const { source } = await uploadWorkspace({ store, bucket: 'sources', root: workspace });
    const commit = 'e'.repeat(40);
    const build = prepareBuild(
      await loadBuildConfig(path.resolve('cloudbuild/plan.yaml')),
      {
        substitutions: { _ENV: 'dev', _WORKING_DIR: root, _COMMIT_SHA: commit, _PLAN_OUTPUT: 'gs://plans/cloud-plans/dev' },
        source,
        logsBucket: 'gs://build-logs',
      },
      'cloudbuild/plan.yaml',
    );
    const id = await cloudBuild.createBuild(build);
    await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: { initialMs: 50, maxMs: 200 } });
    const plan = gcs.getObject('plans', `cloud-plans/dev/${commit}/plan.tfplan`)?.data as Buffer;
    const sha = gcs.getObject('plans', `cloud-plans/dev/${commit}/plan.tfplan.sha256`)?.data.toString('utf8').trim();
    expect(sha).toBe(createHash('sha256').update(plan).digest('hex'));
    const json = JSON.parse(gcs.getObject('plans', `cloud-plans/dev/${commit}/plan.json`)?.data.toString('utf8') ?? '{}') as { resource_changes?: unknown[] };
    expect(json.resource_changes).toHaveLength(1);
    // A second plan for the same commit is refused, not written over.
    const again = await cloudBuild.createBuild(build);
    const error = (await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id: again, poll: { initialMs: 50, maxMs: 200 } }).catch((e) => e)) as BuildFailedError;
    expect(error.stepId).toBe('upload-plan');
    expect(gcs.getObject('plans', `cloud-plans/dev/${commit}/plan.tfplan`)?.data.equals(plan)).toBe(true);
  });
});
