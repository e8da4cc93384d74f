/**
 * Evaluates every module's variable types and validation rules with real Terraform, offline: each module is
 * reduced to its variables.tf (no resources, so no provider to download) and called with the values of its
 * example. A validation that rejects valid input — e.g. a regex RE2 cannot compile, which `can()` turns into
 * `false` — fails here, and a value outside an enum is shown to be refused with the message users will see.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasTerraform, skipWithoutTerraform } from '../helpers/terraform.js';
import { afterAll, describe, expect, it } from 'vitest';
import { TERRAFORM_ROOT } from './terraform-tree.js';

const MODULES = ['data_platform', 'dataflow_job', 'github_cicd', 'ingest_service', 'monitoring'];
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** The text of `module "<name>" { … }` in an example, up to its closing brace at column 0. */
function moduleBlock(text: string): string {
  const start = text.search(/^module "/m);
  const end = text.indexOf('\n}\n', start);
  return text.slice(start, end + 2);
}

/** A root calling each module stub with `blocks`, planned; returns Terraform's exit status and output. */
function plan(blocks: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tf-validations-'));
  temps.push(dir);
  const main = ['variable "project_id" {\n  type = string\n}\n', 'variable "notification_channels" {\n  type = list(string)\n}\n'];
  for (const [module, block] of Object.entries(blocks)) {
    mkdirSync(path.join(dir, module));
    copyFileSync(path.join(TERRAFORM_ROOT, 'modules', module, 'variables.tf'), path.join(dir, module, 'variables.tf'));
    main.push(block.replace(/source\s*=\s*"[^"]*"/, `source = "./${module}"`));
  }
  writeFileSync(path.join(dir, 'main.tf'), main.join('\n'));
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_VAR_project_id: 'my-project', TF_VAR_notification_channels: '["projects/my-project/notificationChannels/123"]' };
  const run = (args: string[]) => spawnSync('terraform', args, { cwd: dir, encoding: 'utf8', env });
  const init = run(['init', '-input=false', '-no-color']);
  if (init.status !== 0) return { status: init.status, output: init.stderr };
  const result = run(['plan', '-input=false', '-no-color']);
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const example = (module: string): string => moduleBlock(readFileSync(path.join(TERRAFORM_ROOT, 'modules', module, 'examples', 'basic', 'main.tf'), 'utf8'));

describe.skipIf(skipWithoutTerraform)('module variable validations, evaluated by Terraform', () => {
  it('accept the values of every module’s example', () => {
    expect(hasTerraform).toBe(true);
    const result = plan(Object.fromEntries(MODULES.map((m) => [m, example(m)])));
    expect(result.output).not.toMatch(/Error:/);
    expect(result.status).toBe(0);
  });

  it('refuse values outside an enum or a pattern, with messages that list what is allowed', () => {
    const block = example('ingest_service').replace('environment = "dev"', 'environment = "qa"').replace('max_instances = 2', 'max_instances = 0');
    const flow = example('dataflow_job').replace('template_version   = "2025-01-14-00_RC00"', 'template_version   = "latest"');
    const result = plan({ ingest_service: block, dataflow_job: flow });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('environment must be one of: dev, staging, prod.');
    expect(result.output).toContain('scaling needs 0 <= min_instances <= max_instances');
    expect(result.output).toContain('template_version must be a dated release');
  });

  it('take a Dataflow worker service account as an email only, and keep DATAFLOW_SERVICE_ACCOUNT out of env', () => {
    const good = example('ingest_service').replace('dataset_ids = ["demo", "reference"]', 'dataset_ids = ["demo"]\n  dataflow_worker_service_account = "df-worker@my-project.iam.gserviceaccount.com"');
    expect(plan({ ingest_service: good }).status).toBe(0);

    const bad = example('ingest_service')
      .replace('dataset_ids = ["demo", "reference"]', 'dataset_ids = ["demo"]\n  dataflow_worker_service_account = "serviceAccount:df-worker"')
      .replace('LOCATION = "EU"', 'LOCATION = "EU"\n    DATAFLOW_SERVICE_ACCOUNT = "x@y.z"');
    const result = plan({ ingest_service: bad });
    expect(result.status).not.toBe(0);
    const output = result.output.replace(/\s+/g, ' '); // Terraform wraps messages at 80 columns
    expect(output).toContain('dataflow_worker_service_account must be a service account email');
    expect(output).toContain('env must not set CATALOG, BUCKET, PROJECT_ID, ENVIRONMENT, TARGET or DATAFLOW_SERVICE_ACCOUNT');
  });
});
