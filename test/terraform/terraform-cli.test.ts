import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlan } from '../../src/comment/render.js';
import { UserError } from '../../src/errors.js';
import { parsePlan } from '../../src/terraform/parse-plan.js';
import { parseAroundPlannedValues, parseAroundPriorState, parseAroundUnreadValues } from '../../src/terraform/plan-json.js';
import { skipWithoutTerraform } from '../helpers/terraform.js';
import { runTerraformPlan, showPlanJson, type TerraformRunOptions, type TerraformRunResult } from '../../src/terraform/terraform-cli.js';

const FIXTURES = resolve('test/fixtures/terraform');
const SECRETS = ['hunter2-v1-S3cr3t', 'hunter2-v2-S3cr3t', 'tok-SECRET-123456'];

const describeTerraform = describe.skipIf(skipWithoutTerraform);

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function copyRoot(...parts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tf-root-'));
  temps.push(dir);
  cpSync(join(FIXTURES, ...parts), dir, { recursive: true });
  return dir;
}

/** Replace the configuration in `dir` with another version's, keeping state and .terraform. */
function switchConfig(dir: string, ...parts: string[]): void {
  for (const file of readdirSync(dir)) if (file.endsWith('.tf') || file.endsWith('.tfvars')) rmSync(join(dir, file));
  cpSync(join(FIXTURES, ...parts), dir, { recursive: true });
}

function options(cwd: string, extra: Partial<TerraformRunOptions> = {}): TerraformRunOptions & { logged: string[] } {
  const logged: string[] = [];
  return {
    binary: 'terraform',
    cwd,
    init: true,
    varFiles: [],
    args: ['-parallelism=4'],
    lockTimeout: '10s',
    planFile: join(cwd, 'plan.tfplan'),
    log: (chunk) => logged.push(chunk),
    logged,
    ...extra,
  };
}

function apply(cwd: string, planFile: string): void {
  const run = spawnSync('terraform', ['apply', '-input=false', '-no-color', planFile], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`terraform apply failed: ${run.stderr}`);
}

const md = new MarkdownIt({ html: true });

/** The parts of `terraform show -json` output these tests look into. */
interface PlanDoc {
  planned_values: { outputs?: unknown };
  prior_state: { values: { outputs?: Record<string, unknown> } };
}

describeTerraform('runTerraformPlan on real Terraform roots', () => {
  let lifecycleDir: string;
  let v2: TerraformRunResult;
  let v2Log: string;
  let registered: string[] = [];

  beforeAll(async () => {
    lifecycleDir = copyRoot('lifecycle', 'v1');
    const first = await runTerraformPlan(options(lifecycleDir, { varFiles: ['secrets.tfvars'] }));
    expect(first.status).toBe('changes');
    apply(lifecycleDir, first.planFile!);
    switchConfig(lifecycleDir, 'lifecycle', 'v2');
    const o = options(lifecycleDir, { varFiles: ['secrets.tfvars'], onSensitiveValues: (v) => (registered = v) });
    v2 = await runTerraformPlan(o);
    v2Log = o.logged.join('');
  });

  it('reports changes with the plan file, its JSON and the Terraform version', () => {
    expect(v2.status).toBe('changes');
    expect(v2.planFile).toBe(join(lifecycleDir, 'plan.tfplan'));
    expect(v2.terraformVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(v2.model?.terraformVersion).toBe(v2.terraformVersion);
    expect(JSON.parse(v2.planJson!).format_version).toMatch(/^1\./);
  });

  it('parses the JSON Terraform wrote around either root_module, to the same document otherwise', () => {
    const whole = JSON.parse(v2.planJson!) as PlanDoc;
    expect(parseAroundPlannedValues(v2.planJson!)).toStrictEqual({ ...whole, planned_values: { outputs: whole.planned_values.outputs } });
    expect(parseAroundPriorState(v2.planJson!)).toStrictEqual({
      ...whole,
      prior_state: { ...whole.prior_state, values: { outputs: whole.prior_state.values.outputs } },
    });
  });

  it('leaves out prior_state’s root_module in a plan that destroys, and still masks the prior outputs', async () => {
    const planFile = join(lifecycleDir, 'destroy.tfplan');
    const destroy = await runTerraformPlan(options(lifecycleDir, { varFiles: ['secrets.tfvars'], args: ['-parallelism=4', '-destroy'], planFile }));
    const json = destroy.planJson!;
    const whole = JSON.parse(json) as PlanDoc;
    expect(Object.keys(whole.prior_state.values.outputs ?? {})).toContain('password');
    const cut = parseAroundUnreadValues(json);
    expect(cut?.without).toBe('prior_state');
    expect(cut?.doc).toStrictEqual({ ...whole, prior_state: { ...whole.prior_state, values: { outputs: whole.prior_state.values.outputs } } });
    const model = destroy.model!;
    expect(model.counts.destroy).toBe(model.changes.filter((c) => c.action === 'delete').length);
    expect(model.counts.destroy).toBeGreaterThanOrEqual(8);
    expect(model.sensitiveValues).toContain('hunter2-v1-S3cr3t');
    const rendered = renderPlan(model, { environment: 'dev', workingDirectory: '.' });
    expect(rendered).toStrictEqual(renderPlan(parsePlan(JSON.stringify(whole, null, 1)), { environment: 'dev', workingDirectory: '.' }));
    for (const secret of SECRETS) expect(rendered.summary).not.toContain(secret);
  });

  it('reads every kind of change Terraform planned', () => {
    const byAddress = new Map(v2.model!.changes.map((c) => [c.address, c]));
    expect(byAddress.get('terraform_data.created')?.action).toBe('create');
    expect(byAddress.get('terraform_data.updated')?.action).toBe('update');
    expect(byAddress.get('terraform_data.deleted')?.action).toBe('delete');
    expect(byAddress.get('terraform_data.replaced_destroy_first')).toMatchObject({
      action: 'replace',
      replaceOrder: 'delete-before-create',
    });
    expect(byAddress.get('terraform_data.replaced_create_first')).toMatchObject({
      action: 'replace',
      replaceOrder: 'create-before-destroy',
    });
    expect(byAddress.get('terraform_data.new_name')).toMatchObject({ action: 'no-op', previousAddress: 'terraform_data.old_name' });
    expect(byAddress.get('terraform_data.forgotten')?.action).toBe('forget');
    expect(byAddress.has('terraform_data.unchanged')).toBe(false);
    expect(v2.model!.counts).toMatchObject({ replace: 2, move: 1, forget: 1 });
  });

  it('gives the same Plan line as Terraform prints', () => {
    const printed = /^Plan: .*$/m.exec(v2Log)?.[0];
    expect(printed).toBeDefined();
    expect(v2.model!.summary).toBe(printed);
  });

  it('reads the failing check block and the sensitive output', () => {
    expect(v2.model!.checks).toEqual([
      { address: 'check.updated_input', status: 'fail', problems: ['terraform_data.updated no longer has its old input.'] },
    ]);
    expect(v2.model!.outputs.find((o) => o.name === 'password')).toMatchObject({ sensitive: true, before: '(sensitive value)' });
  });

  it('hands the secrets over before logging and masks them in the held plan output', () => {
    expect(registered).toEqual(expect.arrayContaining(['hunter2-v1-S3cr3t', 'hunter2-v2-S3cr3t']));
    // Terraform itself prints the old secret (terraform_data.secret.output is not marked sensitive in state).
    expect(v2Log).toContain('***');
    for (const secret of SECRETS) expect(v2Log).not.toContain(secret);
  });

  it('logs the refresh progress as it happens, without ids, and the rest only after the secrets are known', async () => {
    // Without a readable CLI configuration Terraform opens with a warning, and a first line that is not progress
    // holds everything; this machine's TF_CLI_CONFIG_FILE names a file that does not exist.
    const rc = join(lifecycleDir, 'empty.terraformrc');
    writeFileSync(rc, '');
    const events: Array<{ text: string; secretsKnown: boolean }> = [];
    let secretsKnown = false;
    const run = await runTerraformPlan({
      // Its own plan file: the v2 plan of beforeAll is applied by a later test.
      ...options(lifecycleDir, { varFiles: ['secrets.tfvars'], env: { ...process.env, TF_CLI_CONFIG_FILE: rc }, planFile: join(lifecycleDir, 'progress.tfplan') }),
      log: (text) => events.push({ text, secretsKnown }),
      onSensitiveValues: () => (secretsKnown = true),
    });
    expect(run.status).toBe('changes');
    const early = events.filter((e) => !e.secretsKnown && !/^Initializing|Terraform has been successfully initialized/m.test(e.text));
    const progress = early.map((e) => e.text).join('').split('\n').filter((line) => line.includes(': Refreshing state...'));
    expect(progress.length).toBeGreaterThan(3);
    for (const line of progress) expect(line).toMatch(/^[\w.[\]"-]+: Refreshing state\.\.\.$/);
    const all = events.map((e) => e.text).join('');
    expect(all).toContain('Terraform will perform the following actions');
    expect(events.find((e) => e.text.includes('Terraform will perform'))?.secretsKnown).toBe(true);
    expect(all).not.toMatch(/Refreshing state\.\.\. \[id=/);
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });

  it('renders the real plan without any secret and with the hostile keys inert', () => {
    const rendered = renderPlan(v2.model, {
      environment: 'dev',
      workingDirectory: 'terraform/envs/dev',
      planSha256: 'a'.repeat(64),
    });
    for (const text of [rendered.comment, rendered.summary]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
    expect(rendered.status).toBe('destroys');
    const tokens = md.parse(rendered.comment, {});
    const html = tokens.flatMap((t) => [t, ...(t.children ?? [])]).filter((t) => t.type === 'html_block' || t.type === 'html_inline');
    expect(html.some((t) => t.content.includes('<script>'))).toBe(false);
    const codes = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'code_inline').map((t) => t.content);
    expect(codes).toEqual(expect.arrayContaining(['terraform_data.hostile["a|b"]', 'terraform_data.hostile["@octocat"]']));
  });

  it('reports no changes once the plan is applied', async () => {
    apply(lifecycleDir, v2.planFile!);
    const o = options(lifecycleDir, { varFiles: ['secrets.tfvars'], init: false });
    const again = await runTerraformPlan(o);
    expect(again.status).toBe('no-changes');
    expect(again.model?.hasChanges).toBe(false);
    expect(again.model?.summary).toBe('No changes. Your infrastructure matches the configuration.');
    expect(renderPlan(again.model, { environment: 'dev', workingDirectory: '.' }).status).toBe('no-changes');
  });

  it('returns the diagnostics and the errored plan when a precondition fails', async () => {
    const dir = copyRoot('failing-precondition');
    const o = options(dir);
    const failed = await runTerraformPlan(o);
    expect(failed.status).toBe('failed');
    expect(failed.failedStep).toBe('plan');
    expect(failed.diagnostics).toContain('Resource precondition failed');
    expect(failed.diagnostics).toContain('The token is too long.');
    expect(failed.model?.errored).toBe(true);
    const rendered = renderPlan(failed.model, { environment: 'dev', workingDirectory: '.', diagnostics: failed.diagnostics });
    expect(rendered.status).toBe('error');
    expect(rendered.comment).toContain('Resource precondition failed');
    for (const text of [rendered.comment, rendered.summary, o.logged.join(''), failed.diagnostics!]) {
      expect(text).not.toContain('tok-SECRET-123456');
    }
  });

  it('plans a large count and fits it into one comment', async () => {
    const dir = copyRoot('large-count');
    const result = await runTerraformPlan(options(dir, { args: ['-parallelism=10', '-var=instances=400'] }));
    expect(result.status).toBe('changes');
    expect(result.model!.counts.add).toBe(400);
    const rendered = renderPlan(result.model, { environment: 'big', workingDirectory: '.' });
    expect(Buffer.byteLength(rendered.comment)).toBeLessThanOrEqual(65_536);
    expect(rendered.truncated).toBe(true);
    expect(rendered.summary).toContain('terraform_data.many[399]');
  });

  it('reads only the plan’s own keys when resource values have keys named like them', async () => {
    const dir = copyRoot('look-alike-keys');
    const result = await runTerraformPlan(options(dir));
    const json = result.planJson!;
    // Terraform writes the look-alikes into planned_values (and elsewhere), so the cut around planned_values
    // does not hold and the whole document is parsed.
    expect(json.indexOf(',"planned_values":{')).toBeLessThan(json.lastIndexOf(',"planned_values":{'));
    expect(json.indexOf('},"resource_changes":')).toBeLessThan(json.lastIndexOf('},"resource_changes":'));
    expect(parseAroundPlannedValues(json)).toBeUndefined();
    const model = result.model!;
    expect(model.changes.map((c) => c.address).sort()).toEqual(['terraform_data.real', 'terraform_data.second']);
    expect(model.counts).toMatchObject({ add: 2, change: 0, destroy: 0 });
    expect(model.sensitiveValues).toContain('tok-LOOKALIKE-987654');
    const rendered = renderPlan(model, { environment: 'dev', workingDirectory: '.' });
    expect(rendered.comment).not.toContain('terraform_data.fake`');
    expect(rendered.comment).not.toContain('tok-LOOKALIKE-987654');

    // Applied, then planned for destruction: the look-alikes are in prior_state now, whose cut does not hold either.
    apply(dir, result.planFile!);
    const destroy = await runTerraformPlan(options(dir, { args: ['-destroy'] }));
    const destroyJson = destroy.planJson!;
    expect(destroyJson.indexOf(',"prior_state":{')).toBeLessThan(destroyJson.lastIndexOf(',"prior_state":{'));
    expect(parseAroundPriorState(destroyJson)).toBeUndefined();
    expect(parseAroundUnreadValues(destroyJson)).toBeUndefined();
    expect(destroy.model!.changes.map((c) => `${c.action} ${c.address}`).sort()).toEqual(['delete terraform_data.real', 'delete terraform_data.second']);
    expect(destroy.model!.sensitiveValues).toContain('tok-LOOKALIKE-987654');
  });

  it('shows a saved plan file as JSON that parses', async () => {
    const dir = copyRoot('large-count');
    const o = options(dir, { args: ['-var=instances=2'] });
    await runTerraformPlan(o);
    const json = await showPlanJson('terraform', dir, o.planFile);
    expect(parsePlan(json).counts.add).toBe(2);
  });

  it('refuses a Terraform binary that does not exist with a user error', async () => {
    const dir = copyRoot('large-count');
    await expect(runTerraformPlan(options(dir, { binary: join(dir, 'no-such-terraform') }))).rejects.toBeInstanceOf(UserError);
  });

  it('fails init with diagnostics instead of throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-root-'));
    temps.push(dir);
    writeFileSync(join(dir, 'main.tf'), 'module "missing" {\n  source = "./does-not-exist"\n}\n');
    const o = options(dir);
    const result = await runTerraformPlan(o);
    expect(result.status).toBe('failed');
    expect(result.failedStep).toBe('init');
    expect(result.diagnostics).toMatch(/Error/);
  });
});
