/**
 * The plan action end to end: dist/plan/index.js run as the runner runs it (a copy without node_modules,
 * INPUT_* and GITHUB_* variables), on Node 20 and Node 24, against the loopback GitHub.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requiredNodes } from '../../helpers/node-binaries.js';
import { skipWithoutTerraform } from '../../helpers/terraform.js';
import { runBundle, type BundleRun } from '../../helpers/run-bundle.js';
import { startGitHubServer, type GitHubServer } from '../../servers/github.js';
import { githubEnv, PR_NUMBER, REPOSITORY, syntheticPlan, writeEvent, type EventName } from './plan-fixtures.js';

const SECRET = 'hunter2-Sup3r-Secret-Value';
let dir: string;
let server: GitHubServer;
const plans: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcp-plan-e2e-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    plans[name] = join(dir, name);
  };
  write('small.json', syntheticPlan({ creates: 3, secret: SECRET }));
  write('other.json', syntheticPlan({ creates: 4 }));
  write('destroys.json', syntheticPlan({ creates: 2, deletes: 2 }));
  write('huge.json', syntheticPlan({ creates: 30_000, deletes: 40 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  server = await startGitHubServer();
});
afterEach(() => server.close());

function run(node: string, inputs: Record<string, string>, event: EventName = 'pull_request', extraEnv: Record<string, string> = {}): Promise<BundleRun> {
  const eventPath = writeEvent(mkdtempSync(join(dir, 'event-')), event);
  return runBundle({
    bundle: 'plan',
    node,
    inputs: { 'github-token': 'ghs_e2eToken', 'working-directory': 'terraform/envs/dev', ...inputs },
    env: { ...githubEnv(server, event, eventPath), ...extraEnv },
    timeoutMs: 90_000,
  });
}

const prComments = () => server.state.commentsOn(REPOSITORY, PR_NUMBER);
/** stdout without the ::add-mask:: lines, whose whole point is to carry the secret to the runner. */
const visibleLog = (r: BundleRun) => r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');

describe.each(requiredNodes().map((n) => [`Node ${n.major}`, n.path]))('the plan bundle on %s', (_label, node) => {
  it('keeps one sticky comment: posts it, leaves it alone when unchanged, edits it in place when the plan changes', async () => {
    const first = await run(node, { 'plan-json': plans['small.json']! });
    expect(first.code, first.stdout).toBe(0);
    expect(prComments()).toHaveLength(1);
    const id = prComments()[0]!.id;
    expect(first.outputs['comment-id']).toBe(String(id));
    expect(first.outputs['comment-url']).toContain(`#issuecomment-${id}`);

    const second = await run(node, { 'plan-json': plans['small.json']! });
    expect(second.code, second.stdout).toBe(0);
    expect(server.state.count('issues/update-comment')).toBe(0);
    expect(second.outputs['comment-id']).toBe(String(id));

    const third = await run(node, { 'plan-json': plans['other.json']! });
    expect(third.code, third.stdout).toBe(0);
    expect(server.state.count('issues/update-comment')).toBe(1);
    expect(prComments()).toHaveLength(1);
    expect(server.state.count('issues/create-comment')).toBe(1);
    expect(third.outputs).toMatchObject({ 'has-changes': 'true', add: '4', destroy: '0', summary: 'Plan: 4 to add, 0 to change, 0 to destroy.' });
  });

  it('leaves a comment by someone else that starts with the marker alone and posts its own', async () => {
    const marker = '<!-- dc-pipeline:plan env=dev dir=terraform/envs/dev -->';
    const planted = server.state.addComment(REPOSITORY, PR_NUMBER, `${marker}\nPlan: 0 to add, 0 to change, 0 to destroy.`, {
      login: 'mallory',
      id: 666,
      type: 'User',
    });
    const r = await run(node, { 'plan-json': plans['other.json']! });
    expect(r.code, r.stdout).toBe(0);
    expect(prComments()).toHaveLength(2);
    expect(prComments()[0]).toMatchObject({ id: planted.id, body: `${marker}\nPlan: 0 to add, 0 to change, 0 to destroy.`, edits: 0 });
    expect(prComments()[1]!.body).toContain('Plan: 4 to add');
    expect(r.outputs['comment-id']).toBe(String(prComments()[1]!.id));
    expect(r.stdout).toContain(`::warning::Ignoring comment ${planted.id} by mallory`);
  });

  it('with comment: new posts a fresh comment and minimizes the older one as OUTDATED', async () => {
    await run(node, { 'plan-json': plans['small.json']!, comment: 'new' });
    const r = await run(node, { 'plan-json': plans['other.json']!, comment: 'new' });
    expect(r.code, r.stdout).toBe(0);
    expect(prComments().map((c) => c.minimized)).toEqual(['OUTDATED', undefined]);
    expect(r.outputs['comment-id']).toBe(String(prComments()[1]!.id));
  });

  it('with comment: off never calls GitHub but still writes the summary and outputs', async () => {
    const r = await run(node, { 'plan-json': plans['other.json']!, comment: 'off' });
    expect(r.code, r.stdout).toBe(0);
    expect(server.state.requests).toHaveLength(0);
    expect(r.summary).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    expect(r.outputs['comment-id']).toBe('');
    expect(r.outputs['plan-sha256']).toBe(createHash('sha256').update(readFileSync(plans['other.json']!)).digest('hex'));
    expect(r.outputs['plan-json']).toBe(plans['other.json']);
  });

  it('with a read-only token (fork PR) writes the summary, warns and does not fail', async () => {
    server.setReadOnly(true);
    const r = await run(node, { 'plan-json': plans['other.json']!, labels: 'true' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::The token may not comment on this pull request/);
    expect(r.summary).toContain('Plan: 4 to add');
    expect(prComments()).toHaveLength(0);
  });

  it('on a push event (no PR) writes the summary, warns and does not fail', async () => {
    const r = await run(node, { 'plan-json': plans['other.json']! }, 'push');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::No pull request for the "push" event/);
    expect(r.summary).toContain('Plan: 4 to add');
    expect(server.state.requests).toHaveLength(0);
  });

  it('fails fast on an unknown input value, naming the input and the allowed values', async () => {
    const r = await run(node, { 'plan-json': plans['other.json']!, comment: 'sometimes' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::plan failed with: Input `comment` was "sometimes"; expected one of: "update", "new", "off".');
    expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace for a user mistake
    expect(server.state.requests).toHaveLength(0);
  });

  it('rides out a 502 after GitHub stored the comment and a secondary rate limit without a duplicate', async () => {
    server.inject({ operation: 'issues/list-comments', status: 403, retryAfter: 1 });
    server.inject({ operation: 'issues/create-comment', status: 502, afterProcessing: true });
    const r = await run(node, { 'plan-json': plans['other.json']! });
    expect(r.code, r.stdout).toBe(0);
    expect(prComments()).toHaveLength(1);
    expect(server.state.count('issues/create-comment')).toBe(1);
    expect(r.outputs['comment-id']).toBe(String(prComments()[0]!.id));
  });

  it('writes the job summary before posting, so a GitHub that keeps answering 500 still leaves the plan on the run', async () => {
    server.inject({ operation: 'issues/list-comments', status: 500, times: 1_000 });
    const r = await run(node, { 'plan-json': plans['other.json']! });
    expect(r.code).toBe(1);
    expect(server.state.count('issues/list-comments')).toBeGreaterThan(1); // retried before giving up
    expect(r.stdout).toMatch(/::error::plan failed with: Failed to list the comments of Codertocat\/Hello-World#2: Server Error/);
    expect(r.summary).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    expect(prComments()).toHaveLength(0);
  });

  it('posts a 30,000-resource plan within GitHub’s limit and keeps every destroy', async () => {
    const r = await run(node, { 'plan-json': plans['huge.json']!, labels: 'true' });
    expect(r.code, r.stdout).toBe(0);
    const body = prComments()[0]!.body;
    expect([...body].length).toBeLessThanOrEqual(65_536);
    for (let i = 0; i < 40; i++) expect(body).toContain(`terraform_data.old[${i}]`);
    expect(r.outputs).toMatchObject({ add: '30000', destroy: '40' });
    expect(Buffer.byteLength(r.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(server.state.labelsOf(REPOSITORY, PR_NUMBER)).toEqual(['terraform:dev:destroy']);
  });

  it('with fail-on-destroy comments first, then fails the step', async () => {
    const r = await run(node, { 'plan-json': plans['destroys.json']!, 'fail-on-destroy': 'true' });
    expect(r.code).toBe(1);
    expect(prComments()).toHaveLength(1);
    expect(r.stdout).toMatch(/::error::plan failed with: the plan destroys 2 resource/);
    expect(r.outputs.destroy).toBe('2');
  });

  it('never lets a sensitive value reach the log, the outputs, the summary or the comment', async () => {
    const r = await run(node, { 'plan-json': plans['small.json']! });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('::add-mask::'); // registered with the runner before anything else
    expect(r.stdout.indexOf('::add-mask::')).toBeLessThan(r.stdout.indexOf('Plan comment'));
    expect(visibleLog(r)).not.toContain(SECRET);
    expect(r.stderr).not.toContain(SECRET);
    expect(JSON.stringify(r.outputs)).not.toContain(SECRET);
    expect(r.summary).not.toContain(SECRET);
    expect(prComments()[0]!.body).not.toContain(SECRET);
    expect(visibleLog(r)).not.toContain('ghs_e2eToken');
  });
});

describe('the plan bundle cold path', () => {
  it('renders plan-json with comment: off without loading the lazily split GitHub chunks', () => {
    // A copy of the bundle with every lazy chunk deleted: if this path imported Octokit, the run would fail.
    const copy = mkdtempSync(join(dir, 'bundle-'));
    cpSync(join(process.cwd(), 'dist', 'plan'), copy, { recursive: true });
    const chunks = readdirSync(copy).filter((f) => /^\d+\.index\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    for (const f of chunks) rmSync(join(copy, f));
    const work = mkdtempSync(join(dir, 'cold-'));
    writeFileSync(join(work, 'out'), '');
    const r = spawnSync(requiredNodes().at(-1)?.path ?? process.execPath, [join(copy, 'index.js')], {
      cwd: work,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GITHUB_OUTPUT: join(work, 'out'),
        GITHUB_EVENT_NAME: 'pull_request',
        'INPUT_PLAN-JSON': plans['other.json'],
        INPUT_COMMENT: 'off',
        INPUT_ENVIRONMENT: 'dev',
      },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(work, 'out'), 'utf8')).toContain('Plan: 4 to add');
  });
});

describe.skipIf(skipWithoutTerraform).each(requiredNodes().map((n) => [`Node ${n.major}`, n.path]))('the plan bundle with real Terraform on %s', (_label, node) => {
  function root(files: Record<string, string>): string {
    const r = mkdtempSync(join(dir, 'root-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(r, name), text);
    return r;
  }

  it('runs init, plan and show, comments, and outputs the sha256 of the binary plan', async () => {
    const workdir = root({
      'main.tf': `
variable "token" {
  type      = string
  sensitive = true
}
resource "terraform_data" "app" { input = "v1" }
resource "terraform_data" "secret" { input = var.token }
output "token" {
  value     = var.token
  sensitive = true
}
`,
      'dev.tfvars': `token = "${SECRET}"\n`,
    });
    const runnerTemp = mkdtempSync(join(dir, 'runner-temp-'));
    const r = await run(node, { 'working-directory': workdir, environment: 'dev', 'var-files': 'dev.tfvars' }, 'pull_request', { RUNNER_TEMP: runnerTemp });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('::group::terraform plan');
    expect(r.outputs).toMatchObject({ 'has-changes': 'true', add: '2', change: '0', destroy: '0' });
    const planFile = join(runnerTemp, 'dc-pipeline', 'dev', 'plan.tfplan');
    expect(r.outputs['plan-sha256']).toBe(createHash('sha256').update(readFileSync(planFile)).digest('hex'));
    expect(readFileSync(r.outputs['plan-json']!, 'utf8')).toContain('"format_version"');
    expect(prComments()[0]!.body).toContain('terraform_data.app');
    expect(visibleLog(r)).not.toContain(SECRET);
    expect(prComments()[0]!.body).not.toContain(SECRET);
    expect(r.summary).not.toContain(SECRET);
  });

  it('comments Terraform’s diagnostics when the plan fails, then fails the step', async () => {
    const workdir = root({ 'main.tf': 'resource "terraform_data" "x" {\n  input = var.not_declared\n}\n' });
    const r = await run(node, { 'working-directory': workdir, environment: 'dev' });
    expect(r.code).toBe(1);
    expect(prComments()).toHaveLength(1);
    expect(prComments()[0]!.body).toContain('not_declared');
    expect(r.stdout).toMatch(/::error::plan failed with: terraform plan failed/);
  });
});
