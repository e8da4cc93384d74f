/**
 * Where the plan JSON comes from: Terraform run here (init, plan, show), an existing binary plan shown with
 * Terraform, or an existing JSON document. Also computes plan-sha256, the value the apply side verifies:
 * the sha256 of the binary plan, or of the JSON when that is all we were given.
 */
import * as crypto from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import type { PlanModel } from '../../terraform/plan-model.js';
import type { PlanInputs } from './inputs.js';

export interface ObtainedPlan {
  /** The plan JSON text; undefined when Terraform failed before producing a plan. */
  json?: string;
  /** Already parsed (Terraform runs parse it to mask their output); otherwise the caller parses `json`. */
  model?: PlanModel;
  /** Path of the JSON document (written next to the binary plan when Terraform ran). */
  jsonPath?: string;
  sha256?: string;
  /** The binary plan (Terraform runs and plan-file), which plan-bucket publishes. */
  planFile?: string;
  terraformVersion?: string;
  /** Terraform's error output when the plan failed. */
  diagnostics?: string;
  failed: boolean;
}

export interface PlanSourceOptions {
  /** A folder of this run's own (RUNNER_TEMP on a runner). */
  scratchDir: string;
  log: (chunk: string) => void;
  /** Receives the plan's clear-text secrets before Terraform's plan output is logged. */
  onSensitiveValues?: (values: string[]) => void;
  env?: NodeJS.ProcessEnv;
}

export async function obtainPlan(inputs: PlanInputs, options: PlanSourceOptions): Promise<ObtainedPlan> {
  const { source } = inputs;
  if (source.kind === 'plan-json') return readPlanJson(source, inputs.label);
  const cwd = resolve(inputs.workingDirectory);
  // Checked before Terraform starts: a missing directory would otherwise read as "terraform could not be
  // started (ENOENT)", and a missing plan file as a raw `terraform show` error.
  requireDirectory(inputs.workingDirectory, cwd, inputs.label);
  if (source.kind === 'plan-file') requireSavedPlan(source, inputs.label);
  // Loaded only when Terraform runs: node:child_process alone costs 25–60 ms of cold start on Node 24.
  const { runTerraformPlan, showPlanJson } = await import('../../terraform/terraform-cli.js');
  const dir = join(options.scratchDir, 'dc-pipeline', inputs.environment);
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, 'plan.json');
  if (source.kind === 'plan-file') {
    const json = await showPlanJson(inputs.terraform, cwd, source.path, options.env);
    writeFileSync(jsonPath, json);
    return { json, jsonPath, sha256: sha256File(source.path, 'plan-file'), planFile: source.path, failed: false };
  }
  const planFile = join(dir, 'plan.tfplan');
  const result = await runTerraformPlan({
    binary: inputs.terraform,
    cwd,
    init: inputs.init,
    varFiles: inputs.varFiles,
    args: inputs.args,
    lockTimeout: '300s',
    planFile,
    log: options.log,
    onSensitiveValues: options.onSensitiveValues,
    env: options.env,
  });
  const json = result.planJson;
  if (json !== undefined) writeFileSync(jsonPath, json);
  return {
    json,
    model: result.model,
    jsonPath: json !== undefined ? jsonPath : undefined,
    sha256: result.planFile ? sha256File(result.planFile, 'plan file') : undefined,
    planFile: result.planFile,
    terraformVersion: result.terraformVersion,
    diagnostics: result.diagnostics,
    failed: result.status === 'failed',
  };
}

function readPlanJson(source: { path: string; given: string }, label: (name: string) => string): ObtainedPlan {
  const { path, given } = source;
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
    throw new UserError(`${label('plan-json')} was "${given}"; expected an existing plan JSON file (terraform show -json)${resolvedAs(given, path)}.`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UserError(`${label('plan-json')} names ${path}, which cannot be read: ${(error as Error).message}`);
  }
  const sha256 = sha256Hex(bytes);
  return { json: bytes.toString('utf8'), jsonPath: path, sha256, failed: false };
}

function requireDirectory(given: string, path: string, label: (name: string) => string): void {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return;
  throw new UserError(`${label('working-directory')} was "${given}"; expected an existing directory${resolvedAs(given, path)}.`);
}

/**
 * The plan file must exist. One common mix-up is named: `terraform show -json` output given as plan-file (it
 * belongs in plan-json). Anything else is left to `terraform show`, which knows every saved-plan format
 * (a local plan is a zip archive, an HCP Terraform saved plan a small JSON bookmark).
 */
function requireSavedPlan(source: { path: string; given: string }, label: (name: string) => string): void {
  const { path, given } = source;
  const expected = `${label('plan-file')} was "${given}"; expected an existing saved plan file (terraform plan -out)`;
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new UserError(`${expected}${resolvedAs(given, path)}.`);
  const head = Buffer.alloc(64);
  let read = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new UserError(`${expected}, but ${path} cannot be read: ${(error as Error).message}`);
  }
  if (/^\s*\{\s*"format_version"/.test(head.subarray(0, read).toString('utf8'))) {
    throw new UserError(`${expected}, but ${path} is plan JSON (terraform show -json): pass that as \`plan-json\`.`);
  }
}

/** Where a relative path was looked for (relative to the working directory, or the workspace). */
function resolvedAs(given: string, path: string): string {
  return given === path ? '' : ` (looked for ${path})`;
}

/**
 * crypto.hash (Node 20.12 and later) is the one-shot form: no Hash object, and not the list of algorithms that
 * createHash builds on its first call (~0.5 ms of a plan-json run).
 */
function sha256Hex(bytes: Buffer): string {
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', bytes, 'hex') : crypto.createHash('sha256').update(bytes).digest('hex');
}

function sha256File(path: string, what: string): string {
  try {
    return sha256Hex(readFileSync(path));
  } catch (error) {
    throw new UserError(`The ${what} ${path} cannot be read: ${(error as Error).message}`);
  }
}
