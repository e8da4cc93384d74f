/**
 * Every output of the plan action, exactly, from dist/plan/index.js run as the runner runs it (production Node):
 * counts that are all different from each other (so two swapped outputs fail), a real Terraform plan of the
 * lifecycle fixture (v1 applied, v2 planned) with labels and fail-on-destroy, and a saved plan given as plan-file.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredNodes } from '../../helpers/node-binaries.js';
import { skipWithoutTerraform } from '../../helpers/terraform.js';
import { runBundle, type BundleRun } from '../../helpers/run-bundle.js';
import { startGitHubServer, type GitHubServer } from '../../servers/github.js';
import { everyKindPlan, githubEnv, PR_NUMBER, REPOSITORY, writeEvent } from './plan-fixtures.js';

const NODE = requiredNodes().at(-1)?.path ?? process.execPath;
const LIFECYCLE = resolve('test/fixtures/terraform/lifecycle');
/** The sensitive values of the lifecycle fixture's two versions (secrets.tfvars). */
const SECRETS = ['hunter2-v1-S3cr3t', 'hunter2-v2-S3cr3t'];
const ACTION_OUTPUTS = Object.keys((parse(readFileSync('src/actions/plan/action.yml', 'utf8')) as { outputs: object }).outputs);

let dir: string;
let server: GitHubServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dcp-plan-outputs-'));
  server = await startGitHubServer();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** stdout without the ::add-mask:: lines, whose whole point is to carry the secret to the runner. */
const visibleLog = (r: BundleRun) => r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');

function run(inputs: Record<string, string>, options: { cwd?: string; runnerTemp?: string } = {}): Promise<BundleRun> {
  const eventPath = writeEvent(mkdtempSync(join(dir, 'event-')), 'pull_request');
  return runBundle({
    bundle: 'plan',
    node: NODE,
    cwd: options.cwd,
    inputs: { 'github-token': 'ghs_outputsToken', ...inputs },
    env: { ...githubEnv(server, 'pull_request', eventPath), ...(options.runnerTemp ? { RUNNER_TEMP: options.runnerTemp } : {}) },
    timeoutMs: 90_000,
  });
}

describe('the plan bundle outputs', () => {
  it('sets every count output to its own number: import, move, forget and drift included', async () => {
    const file = join(dir, 'every-kind.json');
    writeFileSync(file, everyKindPlan({ create: 2, replace: 1, delete: 3, update: 5, import: 6, move: 7, forget: 8, drift: 9 }));
    const r = await run({ 'plan-json': file, 'working-directory': 'terraform/envs/dev', comment: 'off' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toEqual({
      'has-changes': 'true',
      add: '3', // 2 created + 1 replaced
      change: '5',
      destroy: '4', // 3 deleted + 1 replaced
      replace: '1',
      import: '6',
      move: '7',
      forget: '8',
      drift: '9',
      summary: 'Plan: 6 to import, 3 to add, 5 to change, 4 to destroy.',
      'comment-id': '',
      'comment-url': '',
      'plan-json': file,
      'plan-sha256': sha256(file),
      'plan-uri': '',
    });
    expect(Object.keys(r.outputs).sort()).toEqual([...ACTION_OUTPUTS].sort());
  });
});

describe.skipIf(skipWithoutTerraform)('the plan bundle on the lifecycle root with real Terraform (v1 applied, v2 planned)', () => {
  const ENV = 'staging';
  let workspace: string;
  let root: string;
  /** The saved plan made by hand with `terraform plan -out` (the plan-file case). */
  let reviewed: string;
  let runnerTemp: string;
  let planned: BundleRun;
  let fromFile: BundleRun;
  let fromFileTemp: string;
  let requestsBeforeFromFile: number;

  beforeAll(async () => {
    // One apply for every assertion below: v1 applied, then v2's configuration and variables in its place.
    workspace = mkdtempSync(join(dir, 'workspace-'));
    root = join(workspace, 'terraform', 'envs', ENV);
    mkdirSync(root, { recursive: true });
    cpSync(join(LIFECYCLE, 'v1'), root, { recursive: true });
    const tf = (...args: string[]) => execFileSync('terraform', args, { cwd: root, stdio: 'pipe', env: { ...process.env, TF_IN_AUTOMATION: '1' } });
    tf('init', '-input=false', '-no-color');
    tf('apply', '-auto-approve', '-input=false', '-no-color', '-var-file=secrets.tfvars');
    for (const f of readdirSync(root)) if (f.endsWith('.tf') || f.endsWith('.tfvars')) rmSync(join(root, f));
    cpSync(join(LIFECYCLE, 'v2'), root, { recursive: true });
    tf('plan', '-input=false', '-no-color', '-var-file=secrets.tfvars', '-out=reviewed.tfplan');
    reviewed = join(root, 'reviewed.tfplan');

    // A stale label of this environment to swap, and another environment's to keep.
    server.state.labelsOf(REPOSITORY, PR_NUMBER).push(`terraform:${ENV}:no-changes`, 'terraform:prod:changes');
    runnerTemp = mkdtempSync(join(dir, 'runner-temp-'));
    planned = await run(
      { 'working-directory': `terraform/envs/${ENV}`, 'var-files': 'secrets.tfvars', labels: 'true', 'fail-on-destroy': 'true' },
      { cwd: workspace, runnerTemp },
    );
    requestsBeforeFromFile = server.state.requests.length;
    fromFileTemp = mkdtempSync(join(dir, 'runner-temp-'));
    fromFile = await run(
      { 'working-directory': `terraform/envs/${ENV}`, 'plan-file': 'reviewed.tfplan', comment: 'off' },
      { cwd: workspace, runnerTemp: fromFileTemp },
    );
  }, 120_000);

  const comments = () => server.state.commentsOn(REPOSITORY, PR_NUMBER);
  /** What Terraform printed as its Plan line (streamed into the log group). */
  const terraformPlanLine = (r: BundleRun) => /^Plan: .*$/m.exec(r.stdout)?.[0];

  it('sets every output of action.yml from the plan Terraform made', () => {
    const comment = comments()[0]!;
    expect(planned.outputs).toEqual({
      'has-changes': 'true',
      add: '7', // created, 4 hostile keys, 2 replaced
      change: '2', // updated, secret
      destroy: '3', // deleted, 2 replaced
      replace: '2',
      import: '0',
      move: '1',
      forget: '1',
      drift: '0',
      summary: 'Plan: 7 to add, 2 to change, 3 to destroy.',
      'comment-id': String(comment.id),
      'comment-url': `https://github.com/${REPOSITORY}/pull/${PR_NUMBER}#issuecomment-${comment.id}`,
      'plan-json': join(runnerTemp, 'dc-pipeline', ENV, 'plan.json'),
      'plan-sha256': sha256(join(runnerTemp, 'dc-pipeline', ENV, 'plan.tfplan')),
      'plan-uri': '',
    });
    expect(Object.keys(planned.outputs).sort()).toEqual([...ACTION_OUTPUTS].sort());
    expect(planned.outputs.summary).toBe(terraformPlanLine(planned));
    expect(JSON.parse(readFileSync(planned.outputs['plan-json']!, 'utf8')).format_version).toMatch(/^1\./);
  });

  it('comments, swaps the labels to destroy, and only then fails the step for fail-on-destroy', () => {
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toMatch(new RegExp(`^<!-- dc-pipeline:plan env=${ENV} dir=terraform/envs/${ENV} -->\n`));
    expect(comments()[0]!.body).toContain('terraform_data.replaced_create_first');
    expect(server.state.labelsOf(REPOSITORY, PR_NUMBER)).toEqual(['terraform:prod:changes', `terraform:${ENV}:destroy`]);
    expect(planned.code).toBe(1);
    const failure = '::error::plan failed with: the plan destroys 3 resource(s) (2 of them replaced) and `fail-on-destroy` is true.';
    expect(planned.stdout).toContain(failure);
    expect(planned.stdout.indexOf('Plan comment created')).toBeGreaterThan(-1);
    expect(planned.stdout.indexOf('Plan comment created')).toBeLessThan(planned.stdout.indexOf(failure));
    expect(planned.summary).toContain('Plan: 7 to add, 2 to change, 3 to destroy.');
  });

  it('lets no secret of the fixture reach the log, stderr, outputs, summary or comment', () => {
    // Terraform prints v1's secret itself (terraform_data.secret.output is not sensitive in state): masked.
    for (const secret of SECRETS) expect(planned.stdout).toContain(`::add-mask::${secret}`);
    for (const r of [planned, fromFile]) {
      for (const secret of SECRETS) {
        expect(visibleLog(r)).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
        expect(JSON.stringify(r.outputs)).not.toContain(secret);
        expect(r.summary).not.toContain(secret);
      }
    }
    for (const secret of SECRETS) for (const c of comments()) expect(c.body).not.toContain(secret);
  });

  it('with plan-file shows the saved plan without planning again and outputs its sha256', () => {
    expect(fromFile.code, fromFile.stdout).toBe(0);
    expect(fromFile.stdout).toContain(`::group::read plan (${reviewed})`);
    expect(fromFile.stdout).not.toContain('::group::terraform plan');
    expect(fromFile.outputs).toEqual({
      'has-changes': 'true',
      add: '7',
      change: '2',
      destroy: '3',
      replace: '2',
      import: '0',
      move: '1',
      forget: '1',
      drift: '0',
      summary: 'Plan: 7 to add, 2 to change, 3 to destroy.',
      'comment-id': '',
      'comment-url': '',
      'plan-json': join(fromFileTemp, 'dc-pipeline', ENV, 'plan.json'),
      'plan-sha256': sha256(reviewed),
      'plan-uri': '',
    });
    // A plan of its own (the bundle's) is a different file from the one reviewed: the sha256 tells them apart.
    expect(fromFile.outputs['plan-sha256']).not.toBe(planned.outputs['plan-sha256']);
    expect(server.state.requests.length).toBe(requestsBeforeFromFile); // comment: off, no labels
  });
});
