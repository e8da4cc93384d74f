import { describe, expect, it } from 'vitest';
import { requiredNodes } from '../helpers/node-binaries.js';
import { runBundle } from '../helpers/run-bundle.js';

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
