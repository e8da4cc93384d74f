import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles } from '../helpers/plan-corpus.js';
import { renderPlan } from '../../src/comment/render.js';
import { parsePlan } from '../../src/terraform/parse-plan.js';
import { parseAroundPlannedValues, parseAroundPriorState, parseAroundUnreadValues, parsePlanJson } from '../../src/terraform/plan-json.js';

type Doc = Record<string, unknown>;

/** What parsePlanJson promises: JSON.parse's document with planned_values (or prior_state's values) reduced to their outputs. */
function withoutRootModule(doc: Doc, without: 'planned_values' | 'prior_state' = 'planned_values'): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    if (key !== without) {
      out[key] = doc[key];
      continue;
    }
    if (without === 'planned_values') {
      out.planned_values = outputsOf(doc.planned_values as Doc);
      continue;
    }
    const { values, ...header } = doc.prior_state as Doc;
    out.prior_state = { ...header, values: outputsOf(values as Doc) };
  }
  return out;
}

function outputsOf(holder: Doc): Doc {
  return 'outputs' in holder ? { outputs: holder.outputs } : {};
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

/** Corpus plans whose prior_state.values.root_module is larger than planned_values'. */
const PRIOR_STATE_CUTS = 14;

function rootModuleBytes(holder: unknown): number {
  const rootModule = (holder as Doc | undefined)?.root_module;
  return rootModule === undefined ? 0 : JSON.stringify(rootModule).length;
}

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

  it('leaves out prior_state’s root_module where it is the larger one, and planned_values’ elsewhere', () => {
    const without = corpus.map(({ compact }) => parseAroundUnreadValues(compact)?.without);
    expect(without.filter((w) => w === 'prior_state').length).toBe(PRIOR_STATE_CUTS);
    expect(without.filter((w) => w === 'planned_values').length).toBe(92 - PRIOR_STATE_CUTS);
    const judged = { planned_values: 0, prior_state: 0 };
    for (const { name, doc, compact } of corpus) {
      const chosen = parseAroundUnreadValues(compact)?.without;
      // The choice reads Terraform's layout (prior_state right before configuration) and counts whole values with
      // what follows planned_values; it must be right where one root_module is clearly the larger.
      const keys = Object.keys(doc);
      if (chosen === undefined || ('prior_state' in doc && keys[keys.indexOf('prior_state') + 1] !== 'configuration')) continue;
      const sizes = { planned_values: rootModuleBytes(doc.planned_values), prior_state: rootModuleBytes((doc.prior_state as Doc | undefined)?.values) };
      const other = chosen === 'planned_values' ? 'prior_state' : 'planned_values';
      if (Math.max(sizes.planned_values, sizes.prior_state) < 2 * Math.min(sizes.planned_values, sizes.prior_state) + 1024) continue;
      expect(sizes[chosen], name).toBeGreaterThan(sizes[other]);
      judged[chosen]++;
    }
    // No corpus plan has a clearly larger prior_state; real Terraform plans that update and destroy do
    // (terraform-cli.test.ts), and so do the synthetic ones below.
    expect(judged).toStrictEqual({ planned_values: 13, prior_state: 0 });
  });

  for (const { name, doc, compact } of corpus) {
    it(`gives JSON.parse's value of every key parse-plan reads, less the larger root_module, for ${name}`, () => {
      const parsed = parsePlanJson(compact) as Doc;
      const cut = parseAroundUnreadValues(compact);
      const expected = cut ? withoutRootModule(doc, cut.without) : doc;
      for (const key of READ_KEYS) expect(parsed[key], key).toStrictEqual(expected[key]);
      // Only keys nothing reads may go with the value cut (two files here: `complete`, `relevant_attributes`).
      const gone = Object.keys(doc).filter((key) => !(key in parsed));
      expect(gone.filter((key) => READ_KEYS.has(key))).toStrictEqual([]);
      if (!cut) expect(parsed).toStrictEqual(doc);
      // Either cut, where it holds, gives the same keys.
      for (const [without, around] of [['planned_values', parseAroundPlannedValues], ['prior_state', parseAroundPriorState]] as const) {
        const other = around(compact);
        if (other === undefined) continue;
        const reference = withoutRootModule(doc, without);
        for (const key of READ_KEYS) expect(other[key], `${without}: ${key}`).toStrictEqual(reference[key]);
      }
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

/** A plan in Terraform's layout with a prior state, as `terraform plan -destroy` after an apply writes it. */
function destroyPlan(priorValues: Doc, { stateResources = 40, plannedRoot = {} as Doc } = {}): string {
  const resources = Array.from({ length: stateResources }, (_, i) => ({ address: `terraform_data.r[${i}]`, values: { input: `value-${i}` } }));
  const doc: Doc = {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { outputs: {}, root_module: plannedRoot },
    resource_changes: [created('terraform_data.real', null)].map((c) => ({ ...c, change: { ...(c.change as Doc), actions: ['delete'], before: { input: 1 } } })),
    prior_state: { format_version: '1.0', terraform_version: '1.11.4', values: { ...priorValues, root_module: { resources } } },
    configuration: { root_module: {} },
    errored: false,
  };
  return JSON.stringify(doc);
}

describe('parsePlanJson around prior_state', () => {
  const secretOutputs = { outputs: { pw: { sensitive: true, value: 'hunter2hunter2' } } };

  it('leaves out prior_state’s root_module when it is the larger one, and reads its outputs', () => {
    const text = destroyPlan(secretOutputs);
    const cut = parseAroundUnreadValues(text);
    expect(cut?.without).toBe('prior_state');
    expect(cut?.doc).toStrictEqual(withoutRootModule(JSON.parse(text) as Doc, 'prior_state'));
    expect(parsePlan(text).sensitiveValues).toContain('hunter2hunter2');
    // With a prior state smaller than planned_values, planned_values goes.
    const plannedRoot = { resources: [{ address: 'a', values: { input: 'x'.repeat(2000) } }] };
    expect(parseAroundUnreadValues(destroyPlan(secretOutputs, { stateResources: 0, plannedRoot }))?.without).toBe('planned_values');
  });

  it('takes the real end of prior_state when a value in it has a key named configuration', () => {
    const text = destroyPlan(secretOutputs).replace('"values":{"input":"value-3"}', '"values":{"input":{"a":{},"configuration":{"root_module":{"fake":true}}}}');
    expect(text.indexOf(',"configuration":')).toBeLessThan(text.lastIndexOf(',"configuration":'));
    expect(parseAroundPriorState(text)).toStrictEqual(withoutRootModule(JSON.parse(text) as Doc, 'prior_state'));
  });

  it.each([
    ['a second values key with outputs after the first', (t: string) => t.replace('}]}}},"configuration"', '}]}},"values":{"outputs":{"late":{"sensitive":true,"value":"hunter3hunter3"}}}},"configuration"')],
    ['its outputs after root_module', (t: string) => t.replace('}]}}},"configuration"', '}]},"outputs":{"late":{"sensitive":true,"value":"hunter3hunter3"}}}},"configuration"')],
    ['values before its format_version', (t: string) => t.replace('"prior_state":{"format_version":"1.0","terraform_version":"1.11.4","values":{', '"prior_state":{"values":{').replace('}]}}},"configuration"', '}]}},"format_version":"1.0"},"configuration"')],
    ['a __proto__ key in its header', (t: string) => t.replace('"prior_state":{"format_version":"1.0"', '"prior_state":{"__proto__":{"polluted":true},"format_version":"1.0"')],
  ])('parses all of it when prior_state has %s', (_, edit) => {
    const text = edit(destroyPlan(secretOutputs));
    const doc = JSON.parse(text) as Doc;
    expect(text).not.toBe(destroyPlan(secretOutputs));
    expect(parseAroundPriorState(text)).toBeUndefined();
    expect(parsePlanJson(text)).toStrictEqual(doc);
    if (text.includes('hunter3hunter3')) expect(parsePlan(text).sensitiveValues).toContain('hunter3hunter3');
  });

  it('fails as JSON.parse does on a truncated plan that destroys', () => {
    const text = destroyPlan(secretOutputs);
    for (const length of [text.length - 1, text.indexOf(',"configuration":') + 5, text.indexOf(',"prior_state":') + 200]) {
      const truncated = text.slice(0, length);
      expect(() => parsePlanJson(truncated)).toThrow(captureError(() => JSON.parse(truncated)).message);
    }
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

  it.each([
    ['configuration', '\\u0063onfiguration'],
    ['resource_changes', 'resource\\u005fchanges'],
    ['output_changes', 'output_chang\\u0065s'],
  ])('keeps %s when it comes right after planned_values spelled with an escape', (key, spelled) => {
    const value = key === 'resource_changes' ? [created('terraform_data.escaped', { a: 1 })] : { kept: { sensitive: true } };
    const text = JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} }, [key]: value, errored: false }).replace(`"${key}"`, `"${spelled}"`);
    expect(text).toContain(spelled);
    expect(parseAroundPlannedValues(text)).toBeUndefined();
    expect((parsePlanJson(text) as Doc)[key]).toStrictEqual(value);
  });

  it('still cuts a plan whose values hold escapes Terraform writes (<, >, & and control characters)', () => {
    const text = plan({ plannedValues: { root_module: { resources: [{ values: { html: '<a&b>', tab: '\t\u0001' } }] } }, changes: [] }).replace('<a&b>', '\\u003ca\\u0026b\\u003e');
    expect(text).toContain('\\u003ca');
    expect(parseAroundPlannedValues(text)).toStrictEqual(withoutRootModule(JSON.parse(text) as Doc));
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
