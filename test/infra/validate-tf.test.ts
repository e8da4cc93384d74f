import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { skipWithoutTerraform } from '../helpers/terraform.js';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './terraform-tree.js';

// The real run needs the google provider (network); here the script runs on a tree that uses only Terraform's
// built-in provider, which proves its init → validate → report flow without a download.
const root = mkdtempSync(path.join(tmpdir(), 'validate-tf-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(root, 'tree-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const run = (dir: string) =>
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'validate-tf.js'), '--root', dir], {
    encoding: 'utf8',
    env: { ...process.env, TF_PLUGIN_CACHE_DIR: path.join(root, 'cache') },
  });

describe.skipIf(skipWithoutTerraform)('npm run validate:tf (scripts/validate-tf.js)', () => {
  it('inits and validates every configuration and reports each', () => {
    const dir = tree({
      'modules/a/main.tf': 'variable "x" {\n  type = string\n}\n\nresource "terraform_data" "a" {\n  input = var.x\n}\n',
      'envs/dev/main.tf': 'module "a" {\n  source = "../../modules/a"\n  x      = "1"\n}\n',
    });
    const result = run(dir);
    expect(result.stdout).toContain('✓ envs/dev');
    expect(result.stdout).toContain('✓ modules/a');
    expect(result.stdout).toContain('2/2 configurations valid.');
    expect(result.status).toBe(0);
  });

  it('fails naming the configuration Terraform rejects, with Terraform’s message', () => {
    const dir = tree({
      'envs/dev/main.tf': 'module "a" {\n  source = "../../modules/a"\n  y      = "1"\n}\n',
      'modules/a/main.tf': 'variable "x" {\n  type = string\n}\n',
    });
    const result = run(dir);
    expect(result.stdout).toContain('✗ envs/dev (terraform validate)');
    expect(result.stdout).toMatch(/Unsupported argument/);
    expect(result.status).toBe(1);
  });
});
