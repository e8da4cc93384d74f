import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredNodes } from '../../helpers/node-binaries.js';
import { transpiledModules } from '../../helpers/transpile.js';
import { PLAN_JIT_OFF_BELOW, PLAN_TUNE_FROM, withBurstTuning } from '../../../src/actions/plan/v8-tuning.js';

describe('withBurstTuning', () => {
  it('returns what the burst returns, untuned, tuned without the JIT, and tuned with it', () => {
    expect(withBurstTuning(1_000, () => 'tiny')).toBe('tiny');
    expect(withBurstTuning(PLAN_TUNE_FROM, () => 'medium')).toBe('medium');
    expect(withBurstTuning(PLAN_JIT_OFF_BELOW, () => 'large')).toBe('large');
  });

  it('hands the burst a parsed() to call between parsing and rendering, once or more, at every size', () => {
    for (const size of [1_000, PLAN_TUNE_FROM, PLAN_JIT_OFF_BELOW]) {
      const steps: string[] = [];
      const result = withBurstTuning(size, (parsed) => {
        steps.push('parse');
        parsed();
        parsed();
        steps.push('render');
        return size;
      });
      expect(result).toBe(size);
      expect(steps).toEqual(['parse', 'render']);
    }
  });

  it('passes on what the burst throws, before or after parsed(), and a later burst still runs', () => {
    expect(() =>
      withBurstTuning(PLAN_TUNE_FROM, () => {
        throw new Error('bad plan');
      }),
    ).toThrow('bad plan');
    expect(() =>
      withBurstTuning(PLAN_TUNE_FROM, (parsed) => {
        parsed();
        throw new Error('render failed');
      }),
    ).toThrow('render failed');
    expect(withBurstTuning(PLAN_TUNE_FROM, () => [1, 2, 3].map((n) => n * 2))).toEqual([2, 4, 6]);
  });
});

// The settings are process-wide, so the effect is measured in fresh Node processes: the modules as they are,
// a plan-like document of ~2 MB parsed inside the burst, and the scavenges that happened while it was parsed.
describe('withBurstTuning in a fresh process', () => {
  let dir: string;
  beforeAll(() => {
    dir = transpiledModules('dcp-burst-', ['actions/plan/v8-tuning.ts', 'runtime/tunable-v8.ts']);
    const changes = Array.from({ length: 3000 }, (_, i) => ({
      address: `terraform_data.r[${i}]`,
      change: {
        actions: ['create'],
        before: null,
        after: { input: { name: `resource-${i}`, size: i, tags: { env: 'bench', team: 'data', index: String(i) } } },
        after_unknown: { id: true, output: true },
        before_sensitive: false,
        after_sensitive: { input: { tags: {} } },
      },
    }));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ format_version: '1.2', resource_changes: changes, planned_values: { root_module: { resources: changes } } }));
    // The document is read, not built, in the child: building it would grow the young generation beforehand.
    writeFileSync(
      join(dir, 'parse.js'),
      `import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { withBurstTuning } from './actions/plan/v8-tuning.js';
const json = readFileSync(new URL('./plan.json', import.meta.url), 'utf8');
const gcs = [];
new PerformanceObserver((list) => gcs.push(...list.getEntries())).observe({ entryTypes: ['gc'] });
let from = 0;
let to = 0;
const parse = () => { from = performance.now(); const doc = JSON.parse(json); to = performance.now(); return doc; };
const doc = process.argv[2] === 'tuned' ? withBurstTuning(json.length, (parsed) => { const d = parse(); parsed(); return d; }) : parse();
setTimeout(() => {
  const minor = gcs.filter((e) => e.detail?.kind === 1 && e.startTime >= from && e.startTime <= to).length;
  process.stdout.write(JSON.stringify({ minor, changes: doc.resource_changes.length }));
}, 20);
`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const node of requiredNodes()) {
    it(`parses the plan in fewer scavenges than V8's defaults on Node ${node.major}`, () => {
      const run = (mode: string) => JSON.parse(execFileSync(node.path, [join(dir, 'parse.js'), mode], { encoding: 'utf8' })) as { minor: number; changes: number };
      const untuned = run('untuned');
      const tuned = run('tuned');
      expect(tuned.changes).toBe(3000);
      expect(untuned.minor).toBeGreaterThan(tuned.minor);
    });
  }
});
