import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requiredNodes } from '../helpers/node-binaries.js';
import { runBundle } from '../helpers/run-bundle.js';
import { syntheticPlan } from './plan/plan-fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'dcp-dispatch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const planJson = join(work, 'plan.json');
writeFileSync(planJson, syntheticPlan({ creates: 2, deletes: 1 }));

describe('the root action dispatcher', () => {
  it('refuses an unknown command naming the input and the allowed values', async () => {
    const run = await runBundle({ bundle: '.', inputs: { command: 'deploy' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Input `command` was "deploy"; expected one of: "plan", "apply", "ingest".');
  });

  it('finds both supported Node.js majors', () => {
    const majors = requiredNodes().map((n) => n.major);
    if (process.env.CI === 'true') expect(majors).toEqual([20, 24]);
    expect(majors.length).toBeGreaterThan(0);
  });
});

describe.each(requiredNodes().map((n) => [`Node ${n.major}`, n.path]))('the bundles that run plan, from a copy without node_modules, on %s', (_label, node) => {
  it('the root action runs the plan action for command: plan', async () => {
    const run = await runBundle({ bundle: '.', node, inputs: { command: 'plan', 'plan-json': planJson, comment: 'off', environment: 'dev' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ 'has-changes': 'true', add: '2', destroy: '1', summary: 'Plan: 2 to add, 0 to change, 1 to destroy.' });
    expect(run.summary).toContain('Terraform plan for `dev`');
  });

  it('dc-pipeline plan --plan-json prints the comment it would post', async () => {
    const run = await runBundle({ bundle: 'cli', node, args: ['plan', '--plan-json', planJson, '--environment', 'dev'] });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('**Plan: 2 to add, 0 to change, 1 to destroy.**');
    expect(run.stdout).toContain('<!-- dc-pipeline');
  });
});

