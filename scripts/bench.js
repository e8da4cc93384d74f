#!/usr/bin/env node
// `npm run bench`: every benchmark under scripts/bench/, one after the other (they measure time and memory,
// so they must not share the machine with each other).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .sort()
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.js$/, '')));
let failed = 0;
for (const file of scripts) {
  // The ingest benchmark writes gigabytes; the kernel flushes them for seconds after it exits, which slowed the
  // plan benchmark's first runs (1.5 GB left dirty by dd: 1,000-resource ratio 1.99× against 1.86× after sync).
  spawnSync('sync', { stdio: 'ignore' });
  process.stdout.write(`\n=== bench: ${file.replace(/\.js$/, '')} ===\n`);
  const result = spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`bench ${file} failed (exit ${result.status ?? result.signal}).\n`);
  }
}
process.exitCode = failed ? 1 : 0;
