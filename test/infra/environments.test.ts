import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHcl, TERRAFORM_ROOT } from './terraform-tree.js';

const envsDir = path.join(TERRAFORM_ROOT, 'envs');
const read = (env: string, file: string): string => readFileSync(path.join(envsDir, env, file), 'utf8');
const files = (env: string): string[] => readdirSync(path.join(envsDir, env)).filter((f) => /\.(tf|tfvars)$/.test(f)).sort();

describe('environments', () => {
  it('dev and prod have the same files: backend.tf, versions.tf, main.tf, catalog.tf, variables.tf, outputs.tf, terraform.tfvars', () => {
    expect(files('dev')).toEqual(['backend.tf', 'catalog.tf', 'main.tf', 'outputs.tf', 'terraform.tfvars', 'variables.tf', 'versions.tf']);
    expect(files('prod')).toEqual(files('dev'));
  });

  it('prod differs from dev only in values: every .tf file is identical except the backend prefix', () => {
    for (const file of files('dev').filter((f) => f.endsWith('.tf') && f !== 'backend.tf')) {
      expect(read('prod', file), file).toBe(read('dev', file));
    }
    expect(read('prod', 'backend.tf')).toBe(read('dev', 'backend.tf').replace('prefix = "envs/dev"', 'prefix = "envs/prod"'));
  });

  it('each backend is GCS with its own prefix', async () => {
    for (const env of ['dev', 'prod']) {
      const tree = await parseHcl('backend.tf', read(env, 'backend.tf'));
      const backend = (tree.terraform as { backend: { gcs: { prefix: string }[] } }[])[0]!.backend.gcs[0]!;
      expect(backend.prefix).toBe(`envs/${env}`);
    }
  });

  it('both tfvars set the same variables, every one declared, and name their own environment', async () => {
    const declared = await parseHcl('variables.tf', read('dev', 'variables.tf'));
    const names = Object.keys(declared.variable as object);
    const dev = await parseHcl('terraform.tfvars', read('dev', 'terraform.tfvars'));
    const prod = await parseHcl('terraform.tfvars', read('prod', 'terraform.tfvars'));
    expect(Object.keys(prod).sort()).toEqual(Object.keys(dev).sort());
    for (const key of Object.keys(dev)) expect(names, key).toContain(key);
    const required = Object.entries(declared.variable as Record<string, Record<string, unknown>[]>).filter(([, [v]]) => !('default' in v!));
    for (const [name] of required) expect(Object.keys(dev), `required ${name}`).toContain(name);
    expect(dev.environment).toBe('dev');
    expect(prod.environment).toBe('prod');
    expect(prod.project_id).not.toBe(dev.project_id);
  });
});
