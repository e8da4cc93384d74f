import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredNodes } from '../helpers/node-binaries.js';

// The setting is process-wide, so each case runs in its own Node process: the modules compiled as they are, then a
// stream-like workload (short-lived buffers plus a few survivors) and the size the young generation grew to.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcp-young-'));
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
  for (const name of ['young-generation', 'tunable-v8']) {
    const source = readFileSync(join(process.cwd(), `src/runtime/${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(dir, `${name}.js`), outputText);
  }
  writeFileSync(
    join(dir, 'workload.js'),
    `import v8 from 'node:v8';
import { keepYoungGenerationSmall } from './young-generation.js';
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
