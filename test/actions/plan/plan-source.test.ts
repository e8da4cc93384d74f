import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputReader } from '../../../src/actions/inputs.js';
import { parseInputs } from '../../../src/actions/plan/inputs.js';
import { obtainPlan } from '../../../src/actions/plan/plan-source.js';
import { UserError } from '../../../src/errors.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcp-plan-source-'));
  mkdirSync(join(dir, 'envs', 'dev'), { recursive: true });
  writeFileSync(join(dir, 'envs', 'dev', 'plan.json'), '{"format_version":"1.2"}');
  writeFileSync(join(dir, 'envs', 'dev', 'notes.txt'), 'not a plan');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The plan inputs as parsed from `values` in the workspace `dir`, with a Terraform binary that does not exist:
 * a check that let Terraform start would fail with "could not be started (ENOENT)" instead of naming the input.
 */
function obtain(values: Record<string, string>) {
  const inputs = parseInputs(new InputReader((name) => values[name] ?? ''), dir);
  return obtainPlan(
    { ...inputs, workingDirectory: join(dir, inputs.workingDirectory), terraform: join(dir, 'no-such-terraform') },
    { scratchDir: dir, log: () => undefined },
  );
}

async function failure(values: Record<string, string>): Promise<UserError> {
  const error = await obtain(values).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('where the plan comes from, checked before Terraform starts', () => {
  it('names a working-directory that does not exist', async () => {
    const e = await failure({ 'working-directory': 'envs/stagign' });
    expect(e.message).toMatch(/^Input `working-directory` was "[^"]*envs\/stagign"; expected an existing directory/);
    expect(e.message).not.toMatch(/terraform|ENOENT/i);
  });

  it('names a working-directory that is a file', async () => {
    const e = await failure({ 'working-directory': 'envs/dev/notes.txt' });
    expect(e.message).toMatch(/^Input `working-directory` was "[^"]*notes.txt"; expected an existing directory/);
  });

  it('names a plan-file that does not exist, with where it was looked for (relative to the working directory)', async () => {
    const e = await failure({ 'working-directory': 'envs/dev', 'plan-file': 'plan.tfplan' });
    expect(e.message).toBe(
      `Input \`plan-file\` was "plan.tfplan"; expected an existing saved plan file (terraform plan -out) (looked for ${join(dir, 'envs', 'dev', 'plan.tfplan')}).`,
    );
  });

  it('says a plan-file holding JSON belongs in plan-json', async () => {
    const e = await failure({ 'working-directory': 'envs/dev', 'plan-file': 'plan.json' });
    expect(e.message).toBe(
      `Input \`plan-file\` was "plan.json"; expected an existing saved plan file (terraform plan -out), but ${join(dir, 'envs', 'dev', 'plan.json')} is plan JSON (terraform show -json): pass that as \`plan-json\`.`,
    );
  });

  it('names a plan-json that does not exist, and one that is a directory', async () => {
    const missing = await failure({ 'plan-json': 'out/plan.json' });
    expect(missing.message).toBe(
      `Input \`plan-json\` was "out/plan.json"; expected an existing plan JSON file (terraform show -json) (looked for ${join(dir, 'out', 'plan.json')}).`,
    );
    const folder = await failure({ 'plan-json': 'envs' });
    expect(folder.message).toMatch(/^Input `plan-json` was "envs"; expected an existing plan JSON file/);
  });

  it('does not require the working-directory to exist when plan-json is given (it only keys the comment)', async () => {
    const plan = await obtain({ 'working-directory': 'terraform/envs/dev', 'plan-json': 'envs/dev/plan.json' });
    expect(plan).toMatchObject({ failed: false, jsonPath: join(dir, 'envs', 'dev', 'plan.json') });
  });
});
