import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CORPUS, corpusFiles } from '../helpers/plan-corpus.js';
import { renderPlan, type RenderContext } from '../../src/comment/render.js';
import { parsePlan } from '../../src/terraform/parse-plan.js';
import { expectBalancedStructure, expectNoInjection, flat, inlineCodes, tokens } from './markdown-check.js';
import { manyResources, syntheticPlan, type SyntheticResource } from './synthetic-plan.js';

const RUN_URL = 'https://github.com/acme/infra/actions/runs/42';
const CTX: RenderContext = {
  environment: 'dev',
  workingDirectory: 'terraform/envs/dev',
  commitSha: '0123456789abcdef0123456789abcdef01234567',
  runUrl: RUN_URL,
  planSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
};
const COMMENT_LIMIT = 65_536;
const SUMMARY_LIMIT = 1024 * 1024;

/** Secrets found independently of the parser: leaves under sensitive markers, sensitive variables and outputs. */
function secretsOf(doc: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const addAll = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') found.add(String(v));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) addAll(x);
  };
  const walk = (v: unknown, m: unknown): void => {
    if (m === true) return addAll(v);
    if (m && typeof m === 'object' && v && typeof v === 'object') {
      for (const k of Object.keys(m)) walk((v as Record<string, unknown>)[k], (m as Record<string, unknown>)[k]);
    }
  };
  for (const key of ['resource_changes', 'resource_drift']) {
    for (const rc of (doc[key] as Array<{ change: Record<string, unknown> }> | undefined) ?? []) {
      walk(rc.change.before, rc.change.before_sensitive);
      walk(rc.change.after, rc.change.after_sensitive);
    }
  }
  const config = (doc.configuration as { root_module?: { variables?: Record<string, { sensitive?: boolean }>; outputs?: Record<string, { sensitive?: boolean }> } })?.root_module;
  for (const [name, v] of Object.entries(config?.variables ?? {})) {
    if (v.sensitive) addAll((doc.variables as Record<string, { value: unknown }> | undefined)?.[name]?.value);
  }
  for (const [name, oc] of Object.entries((doc.output_changes as Record<string, Record<string, unknown>>) ?? {})) {
    if (config?.outputs?.[name]?.sensitive) {
      addAll(oc.before);
      addAll(oc.after);
    }
    walk(oc.before, oc.before_sensitive);
    walk(oc.after, oc.after_sensitive);
  }
  // Very short leaves (`true`, `1`) also occur as ordinary values; GitHub's own masking skips them too.
  return [...found].filter((s) => s.length >= 3);
}

describe('renderPlan on the plan corpus', () => {
  for (const path of corpusFiles()) {
    const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    if ('plan_format_version' in doc) continue;
    it(`renders ${relative(CORPUS, path)} safely, within limits and without secrets`, () => {
      const model = parsePlan(readFileSync(path), path);
      const rendered = renderPlan(model, CTX);
      expect(Buffer.byteLength(rendered.comment)).toBeLessThanOrEqual(COMMENT_LIMIT);
      expect(Buffer.byteLength(rendered.summary)).toBeLessThanOrEqual(SUMMARY_LIMIT);
      expectNoInjection(rendered.comment, [RUN_URL]);
      expectNoInjection(rendered.summary, [RUN_URL]);
      for (const secret of secretsOf(doc)) {
        expect(rendered.comment).not.toContain(secret);
        expect(rendered.summary).not.toContain(secret);
      }
      if (model.errored && !model.hasChanges) expect(rendered.comment).toContain('**Planning failed.**');
      else expect(rendered.comment).toContain(`**${model.summary}**`);
      // Every shown change appears by address.
      const codes = new Set(inlineCodes(rendered.comment));
      for (const change of model.changes) expect(codes.has(change.address)).toBe(true);
    });
  }
});

describe('renderPlan layout', () => {
  const plan = syntheticPlan([
    { address: 'terraform_data.gone', actions: ['delete'], before: { id: 'a', input: 'x' } },
    { address: 'terraform_data.swap', actions: ['create', 'delete'], before: { id: 'b', input: 1 }, after: { input: 2 }, afterUnknown: { id: true } },
    { address: 'terraform_data.edit', actions: ['update'], before: { id: 'c', input: 'old', keep: 'k' }, after: { id: 'c', input: 'new', keep: 'k' } },
    { address: 'terraform_data.add', actions: ['create'], after: { input: 'n' }, afterUnknown: { id: true } },
    { address: 'terraform_data.moved', actions: ['no-op'], previousAddress: 'terraform_data.old', before: { id: 'd' }, after: { id: 'd' } },
  ]);
  const model = parsePlan(plan);
  const rendered = renderPlan(model, CTX);
  const list = tokens(rendered.comment);

  it('skips only the comment when it will not be posted (comment: off): the summary and status are unchanged', () => {
    const summaryOnly = renderPlan(model, CTX, { comment: false });
    expect(summaryOnly).toEqual({ comment: '', summary: rendered.summary, summaryUtf8: rendered.summaryUtf8, status: rendered.status, truncated: false });
    expect(Buffer.compare(summaryOnly.summaryUtf8, Buffer.from(summaryOnly.summary, 'utf8'))).toBe(0);
    expect(rendered.comment.length).toBeGreaterThan(0);
  });

  it('starts with the hidden marker and a header naming the environment and status', () => {
    expect(list[0]!.type).toBe('html_block');
    expect(list[0]!.content.trim().split('\n')[0]).toBe('<!-- dc-pipeline:plan env=dev dir=terraform/envs/dev -->');
    const heading = list.findIndex((t) => t.type === 'heading_open');
    expect(list[heading + 1]!.content).toContain('dev');
    expect(list[heading + 1]!.content).toContain('destroys');
    expect(rendered.status).toBe('destroys');
  });

  it('states the Plan line exactly as Terraform counts, replace in add and destroy', () => {
    expect(model.summary).toBe('Plan: 2 to add, 1 to change, 2 to destroy.');
    const strong = flat(list).filter((t) => t.type === 'text').map((t) => t.content);
    expect(strong).toContain('Plan: 2 to add, 1 to change, 2 to destroy.');
    expect(rendered.comment).toMatch(/1 replaced .*1 moved/);
  });

  it('lists every destroyed and replaced resource in a caution callout', () => {
    const quote = list.findIndex((t) => t.type === 'blockquote_open');
    const end = list.findIndex((t, i) => i > quote && t.type === 'blockquote_close');
    const inside = flat(list.slice(quote, end));
    expect(inside.some((t) => t.type === 'text' && t.content === '[!CAUTION]')).toBe(true);
    const codes = inside.filter((t) => t.type === 'code_inline').map((t) => t.content);
    expect(codes).toEqual(['terraform_data.gone', 'terraform_data.swap']);
  });

  it('has a table of changes grouped by action, destroys first', () => {
    const rows = flat(list).filter((t) => t.type === 'code_inline' && t.map === null).map((t) => t.content);
    const table: string[] = [];
    let inTable = false;
    for (const t of list) {
      if (t.type === 'table_open') inTable = true;
      if (t.type === 'table_close') inTable = false;
      if (inTable && t.type === 'inline' && t.children?.[0]?.type === 'code_inline') table.push(t.children[0].content);
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(table).toEqual(['terraform_data.gone', 'terraform_data.swap', 'terraform_data.edit', 'terraform_data.add', 'terraform_data.moved']);
  });

  it('gives each changed resource a collapsed diff of only its changed attributes', () => {
    const fences = list.filter((t) => t.type === 'fence' && t.info === 'diff').map((t) => t.content);
    const edit = fences.find((f) => f.includes('"old" -> "new"'));
    expect(edit).toBe('~ input = "old" -> "new"\n# (2 unchanged attributes hidden)\n');
    expect(fences.some((f) => f.includes('+ id = (known after apply)'))).toBe(true);
    expect(fences.some((f) => f.startsWith('- id = "a"'))).toBe(true);
    expect(list.filter((t) => t.type === 'html_block' && t.content.startsWith('<details><summary>')).length).toBe(4);
  });

  it('ends with a footer carrying commit, run link, Terraform version and plan sha256', () => {
    const footer = rendered.comment.trimEnd().split('\n').pop()!;
    expect(footer).toContain(CTX.commitSha);
    expect(footer).toContain(`(<${RUN_URL}>)`);
    expect(footer).toContain('`1.11.4`');
    expect(footer).toContain(CTX.planSha256);
  });

  it('renders the same bytes every time and carries no clock time', () => {
    expect(renderPlan(parsePlan(plan), CTX)).toEqual(rendered);
    expect(rendered.comment).not.toContain('2026-11-25');
    expect(rendered.summary).not.toContain('2026-11-25');
    // Rendered again years and hours apart: any date, time or duration in the body would differ.
    vi.useFakeTimers({ now: new Date('2031-02-03T04:05:06Z') });
    try {
      const later = renderPlan(parsePlan(plan), CTX);
      vi.setSystemTime(new Date('1999-12-31T23:59:59Z'));
      expect(renderPlan(parsePlan(plan), CTX)).toEqual(later);
      expect(later).toEqual(rendered);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the marker and status block out of the job summary', () => {
    expect(rendered.summary).not.toContain('<!-- dc-pipeline');
    expect(rendered.summary).toContain('**Plan: 2 to add, 1 to change, 2 to destroy.**');
  });

  it('puts drift, outputs and checks in their own collapsed sections', () => {
    const doc = JSON.parse(readFileSync(join(CORPUS, 'dineshba-tf-summarize/example-tfplan.json'), 'utf8'));
    const text = renderPlan(parsePlan(JSON.stringify(doc)), CTX).comment;
    expect(text).toMatch(/<details><summary>🔀 Changed outside of Terraform: \d+ resources?<\/summary>/);
    // Drift already happened: it is described in the past tense, not as a planned destroy.
    expect(text).toMatch(/<details><summary>🔴 deleted <code>module\.github\[/);
    expect(text).toMatch(/<details><summary>📤 Output changes: \d+<\/summary>/);
    const checks = renderPlan(parsePlan(readFileSync(join(CORPUS, 'opentofu/show-json_conditions.json'))), CTX).comment;
    expect(checks).toMatch(/<details><summary>🩺 Checks: .*<\/summary>/);
  });

  it('states no changes for an empty plan', () => {
    const empty = renderPlan(parsePlan(readFileSync(join(CORPUS, 'opentofu/cloud_plan-json-no-changes_plan-unredacted.json'))), CTX);
    expect(empty.status).toBe('no-changes');
    expect(empty.comment).toContain('**No changes. Your infrastructure matches the configuration.**');
    expect(empty.truncated).toBe(false);
  });
});

describe('renderPlan and variables', () => {
  it('never renders the values of the variables block, sensitive or not', () => {
    const model = parsePlan(
      syntheticPlan(manyResources('x', 2, ['create']), {
        variables: { region: { value: 'only-in-variables-block' }, token: { value: 'sensitive-variable-value' } },
        configuration: { root_module: { variables: { region: {}, token: { sensitive: true } } } },
      }),
    );
    const rendered = renderPlan(model, CTX);
    for (const text of [rendered.comment, rendered.summary]) {
      expect(text).not.toContain('only-in-variables-block');
      expect(text).not.toContain('sensitive-variable-value');
    }
    expect(model.sensitiveValues).toEqual(['sensitive-variable-value']);
  });
});

describe('renderPlan on failures', () => {
  it('shows the diagnostics of a plan that failed before producing JSON', () => {
    const diagnostics = 'Error: Invalid reference\n\n  on main.tf line 3:\n   3:   x = ```nope```\n';
    const rendered = renderPlan(undefined, { ...CTX, diagnostics });
    expect(rendered.status).toBe('error');
    const fence = tokens(rendered.comment).find((t) => t.type === 'fence');
    expect(fence!.content).toBe('Error: Invalid reference\n\n  on main.tf line 3:\n   3:   x = ```nope```\n');
    expect(fence!.markup.length).toBeGreaterThan(3);
    expectNoInjection(rendered.comment, [RUN_URL]);
  });

  it('marks an errored plan as an error and masks its secrets in the diagnostics', () => {
    const model = parsePlan(
      syntheticPlan([], {
        errored: true,
        variables: { token: { value: 'tok-SECRET-999' } },
        configuration: { root_module: { variables: { token: { sensitive: true } } } },
      }),
    );
    const rendered = renderPlan(model, { ...CTX, diagnostics: 'Error: bad token tok-SECRET-999' });
    expect(rendered.status).toBe('error');
    expect(rendered.comment).toContain('Planning failed.');
    expect(rendered.comment).not.toContain('No changes.');
    expect(rendered.comment).not.toContain('tok-SECRET-999');
  });
});

describe('renderPlan with hostile addresses and values', () => {
  const hostile = [
    '</details><script>alert(1)</script>',
    'a|b\\|c',
    '````',
    '`x',
    '@octocat and @acme/admins',
    '[x](https://evil.example) ![i](https://evil.example/i.png)',
    '<img src=x onerror=alert(1)>',
    'line\nbreak',
    '*bold* _it_ ~~s~~ www.evil.example',
    '<!-- dc-pipeline:status:end -->',
  ];
  const resources: SyntheticResource[] = hostile.flatMap((key, i) => [
    {
      address: `terraform_data.h[${JSON.stringify(key)}]`,
      actions: ['create'],
      after: { input: `value ${key} \`\`\`\`\`\` </details>` },
    },
    { address: `terraform_data.d${i}[${JSON.stringify(key)}]`, actions: ['delete'], before: { input: key } },
  ]);
  const model = parsePlan(
    syntheticPlan(resources, {
      output_changes: { '@octocat': { actions: ['create'], before: null, after: '</details>@octocat', after_unknown: false, before_sensitive: false, after_sensitive: false } },
      checks: [{ address: { to_display: 'check.x' }, status: 'fail', instances: [{ address: { to_display: 'check.x' }, status: 'fail', problems: [{ message: '@octocat <b>|</b>' }] }] }],
    }),
  );
  const environment = 'dev</details>@octocat';

  for (const [name, pick] of [
    ['comment', (r: ReturnType<typeof renderPlan>) => r.comment],
    ['summary', (r: ReturnType<typeof renderPlan>) => r.summary],
  ] as const) {
    it(`keeps them inert in the ${name}`, () => {
      const text = pick(renderPlan(model, { ...CTX, environment, workingDirectory: 'a b/-->' }));
      expectNoInjection(text, [RUN_URL]);
      const codes = inlineCodes(text);
      for (const change of model.changes) expect(codes).toContain(change.address);
    });
  }

  it('keeps them inert when the comment is cut down too', () => {
    const big = parsePlan(syntheticPlan([...resources, ...manyResources('filler', 3000, ['create'])]));
    const rendered = renderPlan(big, CTX);
    expect(rendered.truncated).toBe(true);
    expectNoInjection(rendered.comment, [RUN_URL]);
  });
});

describe('renderPlan size limits', () => {
  it('fits a 30,000-resource plan in one comment and one summary, keeping every destroy and replace', () => {
    const resources = [
      ...manyResources('replaced', 200, ['delete', 'create']),
      ...manyResources('deleted', 300, ['delete']),
      ...manyResources('updated', 500, ['update']),
      ...manyResources('created', 29_000, ['create']),
    ];
    const model = parsePlan(syntheticPlan(resources));
    const rendered = renderPlan(model, CTX);
    expect(Buffer.byteLength(rendered.comment)).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(Buffer.byteLength(rendered.summary)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(rendered.truncated).toBe(true);
    const codes = new Set(inlineCodes(rendered.comment));
    for (const change of model.changes.filter((c) => c.action === 'delete' || c.action === 'replace')) {
      expect(codes.has(change.address)).toBe(true);
    }
    expect(rendered.comment).toContain('job summary');
    expect(rendered.comment).toContain('every resource to be destroyed or replaced is listed');
    expect(rendered.comment).toMatch(/… and [\d,]+ more/);
    expectBalancedStructure(rendered.comment);
    expectBalancedStructure(rendered.summary);
    expect(model.summary).toBe('Plan: 29200 to add, 500 to change, 500 to destroy.');
  });

  it('cuts the destroy list last, with a count, when destroys alone exceed the limit', () => {
    const model = parsePlan(syntheticPlan(manyResources('deleted', 30_000, ['delete'])));
    const rendered = renderPlan(model, CTX);
    expect(Buffer.byteLength(rendered.comment)).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(rendered.comment).toMatch(/… and [\d,]+ more/);
    expect(rendered.comment).toContain('even the list of resources to be destroyed or replaced had to be cut');
    expect(inlineCodes(rendered.comment)).toContain('terraform_data.deleted[0]');
    expect(inlineCodes(rendered.summary).length).toBeGreaterThan(inlineCodes(rendered.comment).length);
    expectBalancedStructure(rendered.comment);
  });

  it('drops attribute diffs before addresses: a mid-size plan keeps its full table', () => {
    const model = parsePlan(syntheticPlan(manyResources('updated', 400, ['update'])));
    const rendered = renderPlan(model, CTX);
    expect(rendered.truncated).toBe(true);
    const codes = new Set(inlineCodes(rendered.comment));
    for (const change of model.changes) expect(codes.has(change.address)).toBe(true);
    const details = tokens(rendered.comment).filter((t) => t.type === 'html_block' && t.content.startsWith('<details><summary>🟡'));
    expect(details.length).toBeGreaterThan(0);
    expect(details.length).toBeLessThan(400);
    // The summary has room for all of them.
    expect(renderPlan(model, CTX).summary.match(/<details><summary>🟡/g)).toHaveLength(400);
  });

  it('switches the table to address lists before cutting any address', () => {
    const model = parsePlan(syntheticPlan(manyResources('c', 1500, ['create'])));
    const rendered = renderPlan(model, CTX);
    const list = tokens(rendered.comment);
    expect(list.some((t) => t.type === 'table_open')).toBe(false);
    expect(rendered.comment).not.toMatch(/… and [\d,]+ more/);
    const codes = new Set(inlineCodes(rendered.comment));
    for (const change of model.changes) expect(codes.has(change.address)).toBe(true);
    expect(rendered.truncated).toBe(true);
  });

  it('caps one huge resource diff so the other resources keep theirs', () => {
    const huge = { address: 'terraform_data.huge', actions: ['update'], before: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, 'a'.repeat(200)])), after: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, 'b'.repeat(200)])) };
    const model = parsePlan(syntheticPlan([huge, ...manyResources('small', 20, ['update'])]));
    const rendered = renderPlan(model, CTX);
    expect(rendered.comment).toMatch(/# … [\d,]+ more changed attributes/);
    expect(rendered.comment.match(/<details><summary>🟡/g)).toHaveLength(21);
    expectBalancedStructure(rendered.comment);
  });

  it('caps a huge created or destroyed resource too, and fences non-ASCII values in it safely', () => {
    const big = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, 'a'.repeat(200)]));
    const created = { address: 'terraform_data.huge_new', actions: ['create'], before: null, after: big };
    const destroyed = { address: 'terraform_data.huge_old', actions: ['delete'], before: big, after: null };
    const wide = { address: 'terraform_data.wide', actions: ['create'], before: null, after: { note: 'naïve ```` fence', tab: 'a\tb' } };
    const model = parsePlan(syntheticPlan([created, destroyed, wide, ...manyResources('small', 20, ['create'])]));
    const rendered = renderPlan(model, CTX);
    expect(rendered.comment.match(/# … [\d,]+ more changed attributes/g)).toHaveLength(2);
    expect(rendered.comment.match(/<details><summary>/g)).toHaveLength(23);
    expectBalancedStructure(rendered.comment);
    // The summary has room: each diff is cut at its own budget there too, but every resource keeps one.
    expect(renderPlan(model, CTX).summary).toContain('+ note = "naïve ```` fence"');
    expectBalancedStructure(rendered.summary);
  });

  it('counts bytes, not characters, so multi-byte addresses still fit', () => {
    const wide = manyResources('x', 3000, ['create']).map((r, i) => ({ ...r, address: `terraform_data.x["${'語'.repeat(20)}${i}"]` }));
    const rendered = renderPlan(parsePlan(syntheticPlan(wide)), CTX);
    expect(Buffer.byteLength(rendered.comment)).toBeLessThanOrEqual(COMMENT_LIMIT);
  });
});
