import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles } from '../helpers/plan-corpus.js';
import { UserError } from '../../src/errors.js';
import { renderPlan } from '../../src/comment/render.js';
import { parsePlan } from '../../src/terraform/parse-plan.js';
import type { PlanModel } from '../../src/terraform/plan-model.js';


function load(name: string): PlanModel {
  return parsePlan(readFileSync(join(CORPUS, name)), name);
}

function raw(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(CORPUS, name), 'utf8')) as Record<string, unknown>;
}

const files = corpusFiles();
const isRedacted = (path: string): boolean => 'plan_format_version' in JSON.parse(readFileSync(path, 'utf8'));

describe('parsePlan on the plan corpus', () => {
  it('finds the whole corpus, redacted files included', () => {
    expect(files.length).toBe(96);
    expect(files.filter(isRedacted).length).toBe(4);
  });

  for (const path of files.filter((p) => !isRedacted(p))) {
    it(`parses ${relative(CORPUS, path)}`, () => {
      const model = parsePlan(readFileSync(path), path);
      expect(model.formatVersion).toMatch(/^1\.\d$/);
      expect(model.summary).toMatch(/^(Plan: (\d+ to import, )?\d+ to add, \d+ to change, \d+ to destroy\.( Actions: \d+ to invoke\.)?|No changes\. Your infrastructure matches the configuration\.)$/);
      // Reading every diff must work too (they are computed lazily).
      for (const change of [...model.changes, ...model.drift]) {
        expect(Array.isArray(change.attributes)).toBe(true);
        expect(change.unchangedAttributes).toBeGreaterThanOrEqual(0);
      }
    });
  }

  for (const path of files.filter(isRedacted)) {
    it(`refuses the HCP redacted plan ${relative(CORPUS, path)} with a clear message`, () => {
      expect(() => parsePlan(readFileSync(path), path)).toThrow(UserError);
      expect(() => parsePlan(readFileSync(path), path)).toThrow(/HCP Terraform redacted plan.*terraform show -json/);
      expect(() => parsePlan(readFileSync(path), path)).toThrow(path);
    });
  }

  it('reads format 1.0, 1.1 and 1.2 plans', () => {
    expect(load('opentofu/show-json_basic-create.json').formatVersion).toBe('1.0');
    expect(load('opentofu/cloud_plan-json-basic_plan-unredacted.json').formatVersion).toBe('1.1');
    expect(load('hashicorp-terraform-json/has_checks.json').formatVersion).toBe('1.2');
  });

  it('accepts a later 1.x format version', () => {
    const doc = raw('hashicorp-terraform-json/moved_block.json');
    doc.format_version = '1.9';
    expect(parsePlan(JSON.stringify(doc)).formatVersion).toBe('1.9');
  });

  it('folds delete-then-create into a replace that counts in add and destroy', () => {
    const model = load('opentofu/equivalence_simple_object_replace.json');
    expect(model.changes[0]).toMatchObject({ action: 'replace', replaceOrder: 'delete-before-create' });
    expect(model.counts).toMatchObject({ add: 1, change: 0, destroy: 1, replace: 1 });
    expect(model.summary).toBe('Plan: 1 to add, 0 to change, 1 to destroy.');
    expect(model.changes[0]!.attributes.some((a) => a.kind === '-/+')).toBe(true);
  });

  it('folds create-then-delete into a create-before-destroy replace', () => {
    const model = load('bridgecrewio-checkov/plan_with_deleted_resources.json');
    expect(model.changes[0]).toMatchObject({ action: 'replace', replaceOrder: 'create-before-destroy' });
    expect(model.summary).toBe('Plan: 1 to add, 0 to change, 1 to destroy.');
  });

  it('reads data sources that are read during apply', () => {
    const model = load('bridgecrewio-checkov/plan_with_iam_data_block.json');
    const read = model.changes.filter((c) => c.action === 'read');
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((c) => c.mode === 'data')).toBe(true);
    expect(model.counts.read).toBe(read.length);
  });

  it('counts an import-only no-op in the Plan line as Terraform does', () => {
    const model = load('opentofu/cloud_plan-import-config-gen_plan-redacted.json');
    expect(model.changes[0]).toMatchObject({ action: 'no-op', importing: { id: 'bar' } });
    expect(model.summary).toBe('Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.');
    expect(model.hasChanges).toBe(true);
  });

  it('reads an import by identity (no id) on an update', () => {
    const model = load('hashicorp-terraform-json/identity.json');
    expect(model.changes[0]).toMatchObject({ action: 'update', importing: {} });
    expect(model.summary).toBe('Plan: 1 to import, 0 to add, 1 to change, 0 to destroy.');
  });

  it('shows a move-only no-op and counts it as a move, not a change', () => {
    const model = load('hashicorp-terraform-json/moved_block.json');
    expect(model.changes).toHaveLength(1);
    expect(model.changes[0]!.previousAddress).toBeDefined();
    expect(model.counts).toMatchObject({ add: 0, change: 0, destroy: 0, move: 1 });
    expect(model.summary).toBe('Plan: 0 to add, 0 to change, 0 to destroy.');
  });

  it('leaves plain no-ops out of the changes', () => {
    const model = load('opentofu/cloud_plan-json-no-changes_plan-unredacted.json');
    expect(model.changes).toEqual([]);
    expect(model.hasChanges).toBe(false);
    expect(model.summary).toBe('No changes. Your infrastructure matches the configuration.');
  });

  it('reads drift separately from the planned changes', () => {
    const model = load('opentofu/show-json_drift.json');
    expect(model.drift.length).toBeGreaterThan(0);
    expect(model.counts.drift).toBe(model.drift.length);
    expect(model.drift.every((d) => d.action !== 'no-op')).toBe(true);
  });

  it('reads output changes and marks sensitive ones', () => {
    const model = load('opentofu/show-json-sensitive.json');
    expect(model.outputs).toEqual([{ name: 'test', action: 'create', sensitive: true, after: '(sensitive value)' }]);
  });

  it('reads format 1.2 checks and the older condition_results', () => {
    expect(load('hashicorp-terraform-json/has_checks.json').checks).toEqual([
      { address: 'module.files.local_file.foo', status: 'pass', problems: [] },
    ]);
    const conditions = load('opentofu/show-json_conditions.json').checks;
    expect(conditions.map((c) => c.status)).toEqual(['pass', 'unknown', 'pass']);
  });

  it('reports an errored plan', () => {
    expect(load('opentofu/show-json_plan-error.json').errored).toBe(true);
    expect(load('opentofu/show-json_basic-create.json').errored).toBe(false);
  });

  it('appends Terraform 1.14 action invocations to the Plan line', () => {
    const model = load('hashicorp-terraform-json/actions.json');
    expect(model.summary).toBe('Plan: 0 to add, 0 to change, 0 to destroy. Actions: 1 to invoke.');
  });

  it('reads forget and create-then-forget, which the corpus lacks', () => {
    const doc = {
      format_version: '1.2',
      planned_values: {},
      resource_changes: [
        change('terraform_data.kept', ['forget'], { id: 'a' }, null),
        change('terraform_data.swapped', ['create', 'forget'], { id: 'b' }, { input: 'x' }),
      ],
    };
    const model = parsePlan(JSON.stringify(doc));
    expect(model.changes.map((c) => [c.action, c.forgetsPrevious])).toEqual([
      ['forget', undefined],
      ['create', true],
    ]);
    expect(model.counts).toMatchObject({ add: 1, destroy: 0, forget: 2 });
    expect(model.summary).toBe('Plan: 1 to add, 0 to change, 0 to destroy.');
  });

  it('shows an action a later Terraform may add as an update instead of refusing the plan', () => {
    const doc = { format_version: '1.3', planned_values: {}, resource_changes: [change('x.y', ['transmogrify'], null, {})] };
    const model = parsePlan(JSON.stringify(doc));
    expect(model.changes[0]).toMatchObject({ action: 'update', actionReason: 'unrecognised actions ["transmogrify"]' });
  });

  it('does not count a deleted data source, as Terraform does not show it', () => {
    const doc = {
      format_version: '1.2',
      planned_values: {},
      resource_changes: [{ ...change('data.x.y', ['delete'], { id: 'a' }, null), mode: 'data' }],
    };
    const model = parsePlan(JSON.stringify(doc));
    expect(model.changes).toEqual([]);
    expect(model.counts.destroy).toBe(0);
  });
});

function change(address: string, actions: string[], before: unknown, after: unknown): Record<string, unknown> {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type, name, change: { actions, before, after, after_unknown: {}, before_sensitive: {}, after_sensitive: {} } };
}

describe('parsePlan refuses what is not a plan', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['truncated JSON', readFileSync(join(CORPUS, 'opentofu/show-json_basic-create.json'), 'utf8').slice(0, 500), /not valid JSON.*truncated/],
    ['an empty file', '  \n', /is empty/],
    ['a JSON array', '[]', /not a JSON object/],
    ['a state file', JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 3, lineage: 'x', outputs: {}, resources: [] }), /state file/],
    ['`terraform show -json` of a state', JSON.stringify({ format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } }), /neither planned_values nor resource_changes.*state/],
    ['format 0.1', JSON.stringify({ format_version: '0.1', planned_values: {} }), /format_version "0\.1".*1\.x/],
    ['format 2.0', JSON.stringify({ format_version: '2.0', planned_values: {} }), /format_version "2\.0"/],
    ['no format_version', JSON.stringify({ planned_values: {} }), /no format_version/],
    ['resource_changes not a list', JSON.stringify({ format_version: '1.2', planned_values: {}, resource_changes: {} }), /not a list/],
    ['an entry without actions', JSON.stringify({ format_version: '1.2', planned_values: {}, resource_changes: [{ address: 'a.b', change: {} }] }), /no change\.actions.*a\.b/],
  ];
  for (const [what, text, message] of cases) {
    it(`refuses ${what} with a user error naming the source`, () => {
      let error: unknown;
      try {
        parsePlan(text, 'plan.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain('"plan.json"');
    });
  }

  it('accepts a Buffer with a byte order mark', () => {
    const text = readFileSync(join(CORPUS, 'hashicorp-terraform-json/moved_block.json'), 'utf8');
    expect(parsePlan(Buffer.from(`\ufeff${text}`, 'utf8')).changes).toHaveLength(1);
  });
});

describe('sensitive values', () => {
  it('collects secrets from sensitive variables, markers and outputs for masking', () => {
    const doc = raw('opentofu/show-json-sensitive.json') as { variables: Record<string, { value: string }> };
    const longer = 'a-longer-secret';
    const text = JSON.stringify(doc).replaceAll(`"${doc.variables.test_var!.value}"`, `"${longer}"`);
    expect(parsePlan(text).sensitiveValues).toContain(longer);
  });

  it('collects what markers mark at any depth, in lists too, and nothing under markers that are all false', () => {
    const entry = (address: string, after: unknown, afterSensitive: unknown) => ({
      address,
      mode: 'managed',
      type: 'x',
      name: address.split('.')[1],
      change: { actions: ['create'], before: null, after, after_unknown: {}, before_sensitive: false, after_sensitive: afterSensitive },
    });
    const doc = {
      format_version: '1.2',
      planned_values: {},
      resource_changes: [
        entry('x.deep', { a: { b: [{ c: 'deep-secret-value' }, { c: 'plain-value-1' }] } }, { a: { b: [{ c: true }, {}] } }),
        entry('x.list', { items: ['list-secret-value', 'plain-value-2'] }, { items: [true, false] }),
        entry('x.none', { a: { b: 'plain-value-3' }, l: ['plain-value-4'] }, { a: { b: false }, l: [false] }),
        // A key named "true" in a marker that marks nothing: looked at, and still nothing is collected.
        entry('x.key', { true: 'plain-value-5' }, { true: false }),
      ],
    };
    const masks = parsePlan(JSON.stringify(doc)).sensitiveValues;
    expect(masks).toEqual(expect.arrayContaining(['deep-secret-value', 'list-secret-value']));
    expect(masks.filter((m) => m.startsWith('plain-value'))).toEqual([]);
  });

  it('offers no log mask shorter than four characters, and still renders none of them', () => {
    // The corpus file's sensitive variable is "bar": as a runner mask it would strike every "bar" in the log.
    const model = load('opentofu/show-json-sensitive.json');
    const doc = raw('opentofu/show-json-sensitive.json') as { variables: Record<string, { value: string }> };
    const short = doc.variables.test_var!.value;
    expect(short.length).toBeLessThan(4);
    expect(model.sensitiveValues).not.toContain(short);
    expect(model.sensitiveValues.every((value) => value.trim().length >= 4)).toBe(true);
    const rendered = renderPlan(model, { environment: 'dev', workingDirectory: '.' });
    expect(rendered.comment).not.toMatch(new RegExp(`"${short}"`));
    expect(rendered.summary).not.toMatch(new RegExp(`"${short}"`));
  });
});
