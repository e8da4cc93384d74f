/**
 * `npm start` (scripts/demo.js): the local ingest demo in a throwaway copy of the repository's layout, so its
 * .dc-pipeline folder is the test's own, and the plan demo's behaviour without Terraform.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve('.');
const home = mkdtempSync(join(tmpdir(), 'dcp-demo-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The files the demos read, beside a link to node_modules (DuckDB, yaml); dist/cli is the committed bundle. */
function layout(): string {
  const root = join(home, 'repo');
  if (existsSync(root)) return root;
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (const path of ['scripts', 'examples', 'datasets.yaml', 'dist/cli', 'dist/package.json']) {
    cpSync(join(repo, path), join(root, path), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

describe('the npm start demos', () => {
  it('ingests the bundled dataset locally twice, and the second run changes nothing', () => {
    const root = layout();
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'demo', 'ingest.js')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/→ staged 1461 rows \(\d+ bytes\) and loaded them: loaded/);
    expect(run.stdout).toContain('→ the second run changed nothing.');
    expect(run.stdout).toMatch(/rows in \S+: 1461 before, 1461 after/);
    expect(existsSync(join(root, '.dc-pipeline', 'warehouse.duckdb'))).toBe(true);
  });

  it('skips the plan demo with a notice, not a failure, when Terraform cannot be run, and still runs the ingest demo', () => {
    const root = layout();
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'demo.js')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, TERRAFORM: join(home, 'no-such-terraform') },
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Skipping the plan demo: it needs Terraform');
    expect(run.stdout).toContain('=== demo: ingest ===');
    expect(run.stdout).toContain('→ the second run changed nothing.');
  });
});
