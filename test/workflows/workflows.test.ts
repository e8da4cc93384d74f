import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, parse, parseDocument, Scalar, visit } from 'yaml';
import { REPO_ROOT } from '../infra/terraform-tree.js';

const WORKFLOWS = path.join(REPO_ROOT, '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
const read = (file: string): string => readFileSync(path.join(WORKFLOWS, file), 'utf8');

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { steps?: Step[]; environment?: string; concurrency?: { group: string; 'cancel-in-progress': boolean }; needs?: string[] }>;
  on: Record<string, unknown>;
}

const workflow = (file: string): Workflow => parse(read(file)) as Workflow;
const steps = (file: string): Step[] => Object.values(workflow(file).jobs).flatMap((j) => j.steps ?? []);

/** The inputs an action.yml declares, with whether each must be given. */
function actionInputs(actionDir: string): Map<string, { required: boolean }> | undefined {
  const file = ['action.yml', 'action.yaml'].map((f) => path.join(REPO_ROOT, actionDir, f)).find((f) => existsSync(f));
  if (!file) return undefined;
  const action = parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, { required?: boolean | string; default?: unknown }> };
  return new Map(
    Object.entries(action.inputs ?? {}).map(([name, spec]) => [name, { required: (spec?.required === true || spec?.required === 'true') && spec?.default === undefined }]),
  );
}

describe('the workflows', () => {
  it('are the five the toolkit ships', () => {
    expect(files).toEqual(['check-dist.yml', 'ci.yml', 'deploy.yml', 'ingest.yml', 'pull-request.yml']);
  });

  it.each(files)('%s parses without errors with GitHub’s own workflow parser', async (file) => {
    const result = parseWorkflow({ name: file, content: read(file) }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = await convertWorkflowTemplate(result.context, result.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  it('the parser check rejects a broken workflow (so a pass means something)', () => {
    const bad = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n';
    const result = parseWorkflow({ name: 'bad.yml', content: bad }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().length).toBeGreaterThan(0);
  });

  it.each(files)('%s pins every third-party action by full commit SHA with a version comment', (file) => {
    const lines = read(file).split('\n').filter((l) => /^\s*(-\s*)?uses:/.test(l));
    for (const line of lines) {
      const ref = /uses:\s*'?([^'\s#]+)'?/.exec(line)?.[1] ?? '';
      if (ref.startsWith('./')) continue;
      expect(ref, line).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(line, line).toMatch(/# v\d+(\.\d+)*\s*$/);
    }
  });

  it.each(files)('%s quotes every string value', (file) => {
    const unquoted: string[] = [];
    visit(parseDocument(read(file)), {
      Pair(_, pair) {
        if (isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.type === Scalar.PLAIN) unquoted.push(`${String((pair.key as Scalar).value)}: ${pair.value.value}`);
      },
      Seq(_, seq) {
        for (const item of seq.items) {
          if (isScalar(item) && typeof item.value === 'string' && item.type === Scalar.PLAIN) unquoted.push(`- ${item.value}`);
        }
      },
    });
    expect(unquoted).toEqual([]);
  });

  it.each(files)('%s declares minimal top-level permissions (read contents; writes only where needed)', (file) => {
    const permissions = workflow(file).permissions;
    expect(permissions, 'permissions').toBeDefined();
    expect(permissions!.contents).toBe('read');
    const allowedWrites: Record<string, string[]> = {
      'pull-request.yml': ['pull-requests', 'id-token'],
      'deploy.yml': ['pull-requests', 'id-token'],
      'ingest.yml': ['id-token'],
    };
    const writes = Object.entries(permissions!).filter(([, v]) => v === 'write').map(([k]) => k).sort();
    expect(writes).toEqual((allowedWrites[file] ?? []).sort());
  });

  it('authenticate to Google Cloud only through Workload Identity Federation', () => {
    for (const file of files) {
      for (const step of steps(file).filter((s) => s.uses?.startsWith('google-github-actions/auth@'))) {
        expect(Object.keys(step.with ?? {}).sort(), file).toEqual(['service_account', 'workload_identity_provider']);
      }
      expect(read(file), file).not.toMatch(/credentials_json/);
    }
  });

  it('plan dev and prod on every pull request with the plan action', () => {
    const wf = workflow('pull-request.yml');
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    const text = read('pull-request.yml');
    expect(text).toContain("- environment: 'dev'");
    expect(text).toContain("- environment: 'prod'");
    expect(steps('pull-request.yml').some((s) => s.uses === './src/actions/plan')).toBe(true);
  });

  it('deploy applies dev, then prod behind its environment, one apply per environment at a time', () => {
    const wf = workflow('deploy.yml');
    expect(wf.on).toEqual({ push: { branches: ['main'] } });
    expect(wf.jobs['apply-dev']?.environment).toBe('dev');
    expect(wf.jobs['apply-prod']?.environment).toBe('prod');
    expect(wf.jobs['apply-prod']?.needs).toEqual(['apply-dev']);
    for (const env of ['dev', 'prod']) {
      expect(wf.jobs[`apply-${env}`]?.concurrency).toEqual({ group: `apply-${env}`, 'cancel-in-progress': false });
    }
  });

  it('ingest is dispatched with a dataset choice and an environment', () => {
    const inputs = (workflow('ingest.yml').on.workflow_dispatch as { inputs: Record<string, { type: string; options?: string[] }> }).inputs;
    expect(inputs.dataset?.type).toBe('choice');
    expect(inputs.environment?.type).toBe('environment');
    const catalog = path.join(REPO_ROOT, 'datasets.yaml');
    if (existsSync(catalog)) {
      const doc = parse(readFileSync(catalog, 'utf8')) as { datasets: { name: string }[] | Record<string, unknown> };
      const names = Array.isArray(doc.datasets) ? doc.datasets.map((d) => d.name) : Object.keys(doc.datasets);
      expect([...(inputs.dataset?.options ?? [])].sort()).toEqual([...names].sort());
    }
  });
});

describe('local actions used by the workflows', () => {
  const uses = files.flatMap((file) => steps(file).filter((s) => s.uses?.startsWith('./')).map((s) => ({ file, step: s })));

  it('are the plan, apply and ingest actions', () => {
    expect([...new Set(uses.map((u) => u.step.uses))].sort()).toEqual(['./src/actions/apply', './src/actions/ingest', './src/actions/plan']);
  });

  it.each([...new Set(uses.map((u) => u.step.uses!))])('%s exists and accepts exactly the `with:` keys given, and all its required inputs', (dir) => {
    const inputs = actionInputs(dir);
    if (!inputs) {
      // The action is being written in parallel; on CI a missing action.yml is a failure.
      if (process.env.CI === 'true') expect.fail(`${dir}/action.yml does not exist`);
      return;
    }
    for (const { file, step } of uses.filter((u) => u.step.uses === dir)) {
      const given = Object.keys(step.with ?? {});
      expect(given.filter((k) => !inputs.has(k)), `${file}: inputs unknown to ${dir}/action.yml`).toEqual([]);
      const missing = [...inputs].filter(([name, spec]) => spec.required && !given.includes(name)).map(([name]) => name);
      expect(missing, `${file}: required inputs of ${dir} not given`).toEqual([]);
    }
  });

  it('the root action.yml exists and dispatches by a `command` input', () => {
    const inputs = actionInputs('.');
    if (!inputs && process.env.CI !== 'true') return;
    expect(inputs?.has('command')).toBe(true);
  });
});

// Guard against the yaml helpers silently matching nothing.
describe('the quoting check', () => {
  it('flags an unquoted string value and accepts quoted ones, numbers and booleans', () => {
    const doc = parseDocument("a: 'x'\nb: y\nc: 3\nd: true\ne:\n  - 'q'\n  - r\n");
    const plain: string[] = [];
    visit(doc, {
      Pair(_, pair) {
        if (isPair(pair) && isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.type === Scalar.PLAIN) plain.push(String(pair.value.value));
      },
      Seq(_, seq) {
        if (isSeq(seq)) for (const i of seq.items) if (isScalar(i) && typeof i.value === 'string' && i.type === Scalar.PLAIN) plain.push(String(i.value));
      },
    });
    expect(plain).toEqual(['y', 'r']);
    expect(isMap(doc.contents)).toBe(true);
  });
});
