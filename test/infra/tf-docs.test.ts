import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncModuleReadmes } from '../../scripts/tf-docs.js';
import { parseHcl, REPO_ROOT, TERRAFORM_ROOT } from './terraform-tree.js';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function copyOfModules(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tf-docs-'));
  temps.push(dir);
  // Two modules are enough to show the check names the stale one only.
  for (const m of ['monitoring', 'ingest_service']) cpSync(path.join(TERRAFORM_ROOT, 'modules', m), path.join(dir, m), { recursive: true });
  return dir;
}

describe('module READMEs (scripts/tf-docs.js)', () => {
  it('are current in the repository (`node scripts/tf-docs.js --check` exits 0, as CI runs it)', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'tf-docs.js'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('5 module READMEs are current.');
  });

  it('a check names the README whose variable description changed, and a rewrite fixes it, keeping the hand-written part', async () => {
    const modules = copyOfModules();
    const variables = path.join(modules, 'monitoring', 'variables.tf');
    writeFileSync(variables, readFileSync(variables, 'utf8').replace('Prefix of the log-based metric names', 'Changed prefix text'));

    const stale = await syncModuleReadmes(modules, { check: true, parseHcl });
    expect(stale).toEqual({ modules: 2, stale: [path.join(modules, 'monitoring', 'README.md')] });

    await syncModuleReadmes(modules, { parseHcl });
    const readme = readFileSync(path.join(modules, 'monitoring', 'README.md'), 'utf8');
    expect(readme).toContain('| metric_prefix | Changed prefix text');
    expect(readme).toContain('## Log-based metrics');
    expect((await syncModuleReadmes(modules, { check: true, parseHcl })).stale).toEqual([]);
  });

  it('lists every variable and output with its type, default and whether it is required, HTML-escaped', () => {
    const readme = readFileSync(path.join(TERRAFORM_ROOT, 'modules', 'ingest_service', 'README.md'), 'utf8');
    expect(readme).toMatch(/\| image \| [^|]+ \| `string` \| n\/a \| yes \|/);
    expect(readme).toMatch(/\| concurrency \| [^|]+ \| `number` \| `4` \| no \|/);
    expect(readme).toMatch(/\| service_account_email \| /);
    expect(readme).toContain('raw/&lt;dataset&gt;/');
  });
});
