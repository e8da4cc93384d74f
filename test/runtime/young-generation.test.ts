import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredNodes } from '../helpers/node-binaries.js';
import { transpiledModules } from '../helpers/transpile.js';

// The setting is process-wide, so each case runs in its own Node process: the modules compiled as they are, then a
// stream-like workload (short-lived buffers plus a few survivors) and the size the young generation grew to.
let dir: string;
beforeAll(() => {
  dir = transpiledModules('dcp-young-', ['runtime/young-generation.ts', 'runtime/tunable-v8.ts']);
  writeFileSync(
    join(dir, 'workload.js'),
    `import v8 from 'node:v8';
import { keepYoungGenerationSmall } from './runtime/young-generation.js';
if (process.argv[2] === 'tuned') keepYoungGenerationSmall();
const kept = [];
for (let i = 0; i < 200_000; i++) {
  const chunk = { buf: Buffer.allocUnsafe(1024), at: i, text: 'row ' + i };
  if (i % 50 === 0) kept.push(chunk.text);
  if (kept.length > 2000) kept.length = 0;
}
const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
process.stdout.write(String(young.space_size));
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keepYoungGenerationSmall', () => {
  for (const node of requiredNodes()) {
    it(`keeps the young generation at its initial size on Node ${node.major}, where it otherwise grows`, () => {
      const run = (mode: string) => Number(execFileSync(node.path, [join(dir, 'workload.js'), mode], { encoding: 'utf8' }));
      const untuned = run('untuned');
      const tuned = run('tuned');
      expect(tuned).toBeLessThanOrEqual(2 * 1024 * 1024);
      expect(untuned).toBeGreaterThan(2 * tuned);
    });
  }
});
