import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles } from '../helpers/plan-corpus.js';
import { renderPlan } from '../../src/comment/render.js';
import { parsePlan } from '../../src/terraform/parse-plan.js';
import { parseAroundPlannedValues, parsePlanJson } from '../../src/terraform/plan-json.js';

type Doc = Record<string, unknown>;

/** What parsePlanJson promises: JSON.parse's document with planned_values reduced to its outputs. */
function withoutRootModule(doc: Doc): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    if (key !== 'planned_values') {
      out[key] = doc[key];
      continue;
    }
    const plannedValues = doc.planned_values as Doc;
    out.planned_values = 'outputs' in plannedValues ? { outputs: plannedValues.outputs } : {};
  }
  return out;
}

/** The top-level keys parse-plan reads, from its source: `doc.<key>` and `'<key>' in doc`. */
const PARSER_SOURCE = readFileSync('src/terraform/parse-plan.ts', 'utf8');
const READ_KEYS = new Set(
  [...PARSER_SOURCE.matchAll(/\bdoc\.([a-z_]+)/g), ...PARSER_SOURCE.matchAll(/'([a-z_]+)' in doc\b/g)].map((m) => m[1]!),
);

/** The corpus files as Terraform writes them (compact, keys in the file's order); most are stored pretty-printed. */
const corpus = corpusFiles().map((path) => {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Doc;
  return { name: relative(CORPUS, path), doc, compact: JSON.stringify(doc), pretty: JSON.stringify(doc, null, 2) };
});

const CONTEXT = { environment: 'dev', workingDirectory: 'infra', commitSha: 'abc1234', planSha256: 'f'.repeat(64) };

/** A minimal plan in Terraform's layout, with the pieces a test wants to vary. */
function plan(parts: { variables?: unknown; plannedValues: unknown; changes: unknown[]; after?: string }): string {
  const doc: Doc = { format_version: '1.2', terraform_version: '1.11.4' };
  if (parts.variables !== undefined) doc.variables = parts.variables;
  doc.planned_values = parts.plannedValues;
  doc.resource_changes = parts.changes;
  doc.configuration = { root_module: {} };
  doc.errored = false;
  return JSON.stringify(doc) + (parts.after ?? '');
}

function created(address: string, after: unknown): Doc {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type, name, change: { actions: ['create'], before: null, after, after_unknown: {}, before_sensitive: false, after_sensitive: {} } };
}

describe('parsePlanJson on the plan corpus', () => {
  it('parses most of the corpus around planned_values when it is compact, as Terraform writes it', () => {
    const cut = corpus.filter(({ compact }) => parseAroundPlannedValues(compact) !== undefined);
    // 92 of the 96: the rest are redacted (no planned_values).
    expect(cut.length).toBe(92);
  });

  it('parses the corpus files stored as Terraform wrote them (compact) around planned_values', () => {
    const stored = corpusFiles().filter((path) => parseAroundPlannedValues(readFileSync(path, 'utf8')) !== undefined);
    expect(stored.map((path) => relative(CORPUS, path))).toContain('dineshba-tf-summarize/example-tfplan.json');
    expect(stored.length).toBe(11);
  });

  for (const { name, doc, compact } of corpus) {
    it(`gives JSON.parse's value of every key parse-plan reads, planned_values less root_module, for ${name}`, () => {
      const parsed = parsePlanJson(compact) as Doc;
      const cut = parseAroundPlannedValues(compact) !== undefined;
      const expected = cut ? withoutRootModule(doc) : doc;
      for (const key of READ_KEYS) expect(parsed[key], key).toStrictEqual(expected[key]);
      // Only keys nothing reads may go with planned_values (two files here: `complete`, `relevant_attributes`).
      const gone = Object.keys(doc).filter((key) => !(key in parsed));
      expect(gone.filter((key) => READ_KEYS.has(key))).toStrictEqual([]);
      if (!cut) expect(parsed).toStrictEqual(doc);
    });
  }

  it('renders every plan of the corpus byte for byte as when the whole document is parsed', () => {
    let compared = 0;
    for (const { name, doc, compact, pretty } of corpus) {
      if ('plan_format_version' in doc) continue;
      // Pretty-printed text never has the compact layout, so it takes the full JSON.parse.
      expect(parseAroundPlannedValues(pretty)).toBeUndefined();
      const cut = renderPlan(parsePlan(compact, name), CONTEXT);
      const whole = renderPlan(parsePlan(pretty, name), CONTEXT);
      expect(cut.comment).toBe(whole.comment);
      expect(cut.summary).toBe(whole.summary);
      compared++;
    }
    expect(compared).toBe(92);
  });
});

describe('parsePlanJson with keys that look like the plan’s own', () => {
  const fake = [created('terraform_data.fake', { planted: true })];
  const real = [created('terraform_data.real', { input: { resource_changes: fake, prior_state: { values: {} } } })];

  it('keeps the real resource_changes when a value below planned_values has a key named resource_changes', () => {
    const text = plan({
      plannedValues: { root_module: { resources: [{ address: 'terraform_data.real', values: { input: { a: {}, resource_changes: fake } } }] } },
      changes: real,
    });
    // The first `},"resource_changes":` is inside planned_values: its end of the document does not parse, and the
    // next candidate, the real key, holds.
    expect(text.indexOf('},"resource_changes":')).toBeLessThan(text.lastIndexOf('},"resource_changes":'));
    expect(parseAroundPlannedValues(text)).toStrictEqual(withoutRootModule(JSON.parse(text) as Doc));
    expect(parsePlan(text).changes.map((c) => c.address)).toStrictEqual(['terraform_data.real']);
  });

  it('parses all of it when more look-alikes than it tries come before the real end of planned_values', () => {
    const values = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`r${i}`, { a: {}, resource_changes: fake }]));
    const text = plan({ plannedValues: { root_module: { resources: [{ address: 'terraform_data.real', values }] } }, changes: real });
    expect(parseAroundPlannedValues(text)).toBeUndefined();
    expect(parsePlanJson(text)).toStrictEqual(JSON.parse(text));
    expect(parsePlan(text).changes.map((c) => c.address)).toStrictEqual(['terraform_data.real']);
  });

  it.each([
    ['configuration', { root_module: { variables: { pw: { sensitive: true } } } }],
    ['variables', { pw: { value: 'hunter2hunter2' } }],
    ['output_changes', { o: { actions: ['create'], before: null, after: 'x' } }],
    ['action_invocations', [{ address: 'action.a' }]],
  ])('keeps %s when it comes right after planned_values, out of Terraform’s order', (key, value) => {
    const doc = { format_version: '1.2', planned_values: { root_module: {} }, [key]: value, resource_changes: [] };
    const text = JSON.stringify(doc);
    expect(parseAroundPlannedValues(text)).toStrictEqual(withoutRootModule(doc));
    expect((parsePlanJson(text) as Doc)[key]).toStrictEqual(value);
  });

  it.each([
    ['planned_values', { a: 1, planned_values: { root_module: {} } }],
    ['planned_values and resource_changes', { a: 1, planned_values: { root_module: {} }, resource_changes: fake }],
  ])('keeps the real planned_values when a variable holds an object with keys named %s', (_, value) => {
    const text = plan({
      variables: { v: { value } },
      plannedValues: { outputs: { o: { sensitive: true, value: 'hunter2hunter2' } }, root_module: {} },
      changes: real,
    });
    expect(text.indexOf(',"planned_values":{')).toBeLessThan(text.lastIndexOf(',"planned_values":{'));
    expect(parseAroundPlannedValues(text)).toBeUndefined();
    const doc = parsePlanJson(text) as Doc;
    expect(doc).toStrictEqual(JSON.parse(text));
    const model = parsePlan(text);
    expect(model.changes.map((c) => c.address)).toStrictEqual(['terraform_data.real']);
    expect(model.sensitiveValues).toContain('hunter2hunter2');
  });

  it('cuts at the real boundaries when the look-alikes are only in later values, and reads the same plan', () => {
    const text = plan({
      plannedValues: { outputs: { o: { sensitive: true, value: 'hunter2hunter2' } }, root_module: { resources: [] } },
      changes: real,
    });
    const doc = parseAroundPlannedValues(text);
    expect(doc).toStrictEqual(withoutRootModule(JSON.parse(text) as Doc));
    expect(parsePlan(text).sensitiveValues).toContain('hunter2hunter2');
    expect(parsePlan(text).changes.map((c) => c.address)).toStrictEqual(['terraform_data.real']);
  });

  it('parses all of it when an output of planned_values holds a key named root_module', () => {
    const text = plan({
      plannedValues: { outputs: { o: { sensitive: false, value: { x: {}, root_module: 1 } } }, root_module: {} },
      changes: real,
    });
    expect(parseAroundPlannedValues(text)).toBeUndefined();
    expect(parsePlanJson(text)).toStrictEqual(JSON.parse(text));
  });
});

describe('parsePlanJson on documents that are not as Terraform writes them', () => {
  it('looks for the end of planned_values before every top-level key parse-plan reads', () => {
    expect(READ_KEYS.size).toBeGreaterThanOrEqual(15);
    for (const key of READ_KEYS) {
      // `values` is read only when planned_values is absent (to say that a state file is not a plan); every
      // resource in planned_values has a `values` key, so looking for it would defeat the cut.
      if (key === 'values') continue;
      const text = JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} }, [key]: { kept: true }, resource_changes: [] });
      if (key === 'format_version' || key === 'resource_changes') continue;
      expect((parsePlanJson(text) as Doc)[key], key).toStrictEqual({ kept: true });
    }
  });

  it('keeps the outputs of planned_values when they come after root_module', () => {
    const doc = {
      format_version: '1.2',
      planned_values: { root_module: {}, outputs: { o: { sensitive: true, value: 'hunter2hunter2' } } },
      resource_changes: [],
    };
    const text = JSON.stringify(doc);
    expect(parseAroundPlannedValues(text)).toBeUndefined();
    expect(parsePlanJson(text)).toStrictEqual(doc);
    expect(parsePlan(text).sensitiveValues).toContain('hunter2hunter2');
  });

  it('keeps a read key after an unread one with a list value, and may leave out the unread one', () => {
    const doc = { format_version: '1.2', planned_values: { root_module: {} }, deferred_changes: [1], configuration: { root_module: {} }, resource_changes: [] };
    const parsed = parsePlanJson(JSON.stringify(doc)) as Doc;
    expect(parsed.configuration).toStrictEqual({ root_module: {} });
    expect(parsed.resource_changes).toStrictEqual([]);
    expect(parsed).not.toHaveProperty('deferred_changes');
  });

  const compact = corpus.find(({ name }) => name === 'opentofu/show-json_basic-create.json')!.compact;

  it('fails as JSON.parse does on a truncated plan', () => {
    for (const length of [compact.length - 1, Math.floor(compact.length * 0.8), compact.indexOf(',"resource_changes":') + 30]) {
      const truncated = compact.slice(0, length);
      expect(() => parsePlanJson(truncated)).toThrow(SyntaxError);
      expect(() => parsePlanJson(truncated)).toThrow(captureError(() => JSON.parse(truncated)).message);
    }
  });

  it('takes the last of a repeated top-level key, as JSON.parse does', () => {
    const text = plan({ plannedValues: { root_module: {} }, changes: [], after: '' }).replace(/}$/, ',"errored":true}');
    expect(parseAroundPlannedValues(text)).toBeDefined();
    expect((parsePlanJson(text) as Doc).errored).toBe(true);
  });

  it('leaves a top-level __proto__ key an own property, as JSON.parse does, and the prototype alone', () => {
    const text = plan({ plannedValues: { root_module: {} }, changes: [] }).replace(/}$/, ',"__proto__":{"polluted":true}}');
    expect(parseAroundPlannedValues(text)).toBeUndefined();
    const doc = parsePlanJson(text) as Doc;
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(doc, '__proto__')).toBe(true);
    expect(doc.polluted).toBeUndefined();
  });

  it('does not notice damage inside planned_values.root_module, the part it does not read', () => {
    // The documented price of not parsing it; Terraform does not write such a document.
    const text = plan({ plannedValues: { root_module: {} }, changes: [created('terraform_data.real', { input: 1 })] }).replace('"root_module":{}', '"root_module":{nonsense');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect((parsePlanJson(text) as Doc).planned_values).toStrictEqual({});
  });
});

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
