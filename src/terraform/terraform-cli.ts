/**
 * Running Terraform: init, plan with -detailed-exitcode, show -json. Always an argument array, never a shell.
 *
 * The plan's own output is held back until the plan JSON has been read, except its progress lines
 * (plan-output.ts): Terraform's human output can print values the plan marks sensitive only indirectly (a
 * `terraform_data.output` copied from a sensitive input), and the secrets are known only once the JSON is
 * parsed. They are masked in the held output and handed to `onSensitiveValues` (to register as log masks) before
 * the held output reaches `log`.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { UserError } from '../errors.js';
import { parsePlan } from './parse-plan.js';
import { planOutputGate } from './plan-output.js';
import type { PlanModel } from './plan-model.js';

export interface TerraformRunOptions {
  binary: string;
  cwd: string;
  init: boolean;
  varFiles: string[];
  args: string[];
  lockTimeout: string;
  /** Absolute path the binary plan is written to. */
  planFile: string;
  /** Receives Terraform's output: init as it happens; plan's progress lines as they happen, the rest once its secrets are known and masked. */
  log: (chunk: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Called with the plan's clear-text secrets before the held plan output is logged (register them as masks). */
  onSensitiveValues?: (values: string[]) => void;
}

export interface TerraformRunResult {
  status: 'no-changes' | 'changes' | 'failed';
  planFile?: string;
  /** `terraform show -json` output; also present for a failed plan when Terraform saved an errored plan. */
  planJson?: string;
  /** Terraform's error output when the run failed, with the plan's secrets masked. */
  diagnostics?: string;
  terraformVersion: string;
  /** The parsed plan (parsed here to learn its secrets before logging): callers need not parse planJson again. */
  model?: PlanModel;
  /** Which step failed, when status is `failed`. */
  failedStep?: 'init' | 'plan' | 'show';
}

interface Completed {
  code: number;
  stdout: Buffer;
  stderr: string;
}

interface RunSpec {
  binary: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Output chunks in arrival order (stdout and stderr interleaved). */
  onOutput?: (chunk: string) => void;
  captureStdout?: boolean;
}

function runTerraform(spec: RunSpec): Promise<Completed> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.binary, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    const stderr: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      if (spec.captureStdout) stdout.push(chunk);
      spec.onOutput?.(chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stderr.push(text);
      spec.onOutput?.(text);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EACCES') {
        reject(new UserError(`The Terraform binary "${spec.binary}" could not be started (${error.code}); install Terraform or set the terraform input to its path.`));
      } else {
        reject(new Error(`Failed to run ${spec.binary} ${spec.args[0] ?? ''}: ${error.message}`));
      }
    });
    child.on('close', (code, signal) => {
      resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(stdout), stderr: stderr.join('') });
    });
  });
}

export async function terraformVersion(binary: string, cwd: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const run = await runTerraform({ binary, args: ['version', '-json'], cwd, env, captureStdout: true });
  try {
    const parsed = JSON.parse(run.stdout.toString('utf8')) as { terraform_version?: unknown };
    if (typeof parsed.terraform_version === 'string') return parsed.terraform_version;
  } catch {
    // Older or wrapped binaries print text: "Terraform v1.5.7".
  }
  const match = /v?(\d+\.\d+\.\d+[^\s]*)/.exec(run.stdout.toString('utf8'));
  return match?.[1] ?? 'unknown';
}

export async function runTerraformPlan(o: TerraformRunOptions): Promise<TerraformRunResult> {
  const version = await terraformVersion(o.binary, o.cwd, o.env);
  const base = { binary: o.binary, cwd: o.cwd, env: o.env };

  if (o.init) {
    const init = await runTerraform({ ...base, args: ['init', '-input=false', '-no-color'], onOutput: o.log });
    if (init.code !== 0) {
      return { status: 'failed', failedStep: 'init', diagnostics: diagnosticsOf(init.stderr), terraformVersion: version };
    }
  }

  // A plan file left from an earlier run must not pass for this run's (errored) plan.
  rmSync(o.planFile, { force: true });
  const output = planOutputGate(o.log);
  const plan = await runTerraform({
    ...base,
    args: [
      'plan',
      '-input=false',
      '-no-color',
      `-lock-timeout=${o.lockTimeout}`,
      '-detailed-exitcode',
      `-out=${o.planFile}`,
      ...o.varFiles.map((file) => `-var-file=${file}`),
      ...o.args,
    ],
    onOutput: output.write,
  });
  const succeeded = plan.code === 0 || plan.code === 2;

  // A failed plan can still leave an errored plan file behind (Terraform 1.x saves it); show it if so.
  let planJson: string | undefined;
  let model: PlanModel | undefined;
  let showError: string | undefined;
  if (succeeded || existsSync(o.planFile)) {
    try {
      planJson = await showPlanJson(o.binary, o.cwd, o.planFile, o.env);
      model = parsePlan(planJson, o.planFile);
    } catch (error) {
      if (succeeded) throw error;
      showError = error instanceof Error ? error.message : String(error);
      planJson = undefined;
    }
  }

  const secrets = model?.sensitiveValues ?? [];
  if (secrets.length > 0) o.onSensitiveValues?.(secrets);
  const mask = (text: string): string => maskAll(text, secrets);
  output.release(mask);

  if (!succeeded) {
    const diagnostics = mask(diagnosticsOf(plan.stderr) || plan.stdout.toString('utf8') || showError || `terraform plan exited with code ${plan.code}`);
    return {
      status: 'failed',
      failedStep: 'plan',
      diagnostics,
      terraformVersion: version,
      ...(planJson !== undefined && model ? { planJson, model, planFile: o.planFile } : {}),
    };
  }
  return {
    status: plan.code === 2 ? 'changes' : 'no-changes',
    planFile: o.planFile,
    planJson,
    model,
    terraformVersion: version,
  };
}

export async function showPlanJson(binary: string, cwd: string, planFile: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const show = await runTerraform({ binary, args: ['show', '-json', '-no-color', planFile], cwd, env, captureStdout: true });
  if (show.code !== 0) {
    throw new UserError(
      `terraform show -json "${planFile}" failed (exit ${show.code}): ${diagnosticsOf(show.stderr) || 'no error output'}`,
    );
  }
  return show.stdout.toString('utf8');
}

/** Terraform's error diagnostics: stderr from the first `Error:` on (warnings before it are noise here). */
function diagnosticsOf(stderr: string): string {
  const text = stderr.replace(/\r\n?/g, '\n');
  const first = text.search(/^(?:│ )?Error: /m);
  return (first >= 0 ? text.slice(first) : text).trim();
}

function maskAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('***');
  return out;
}
