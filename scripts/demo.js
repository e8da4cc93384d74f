#!/usr/bin/env node
// `npm start`: the toolkit's demos, one after the other — the plan comment for a bundled Terraform root
// (scripts/demo/plan.js), then the local ingest (scripts/demo/ingest.js, when present). Each demo is its own
// process so one's failure is reported plainly and stops the rest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'demo');
for (const name of ['plan', 'ingest']) {
  const script = join(here, `${name}.js`);
  if (!existsSync(script)) continue;
  process.stdout.write(`\n=== demo: ${name} ===\n`);
  const result = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`demo ${name} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status || 1);
  }
}
