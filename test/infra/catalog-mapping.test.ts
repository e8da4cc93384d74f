/**
 * Runs real Terraform (no providers, so no downloads) on the environments' catalog mapping (envs/<env>/catalog.tf)
 * against the repository's datasets.yaml, and passes the result through the data_platform module's typed,
 * validated `datasets` variable. This is what `terraform plan` of an environment evaluates first; a catalog
 * change that the mapping or the module cannot take fails here instead of in a PR plan.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasTerraform, skipWithoutTerraform } from '../helpers/terraform.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseHcl, REPO_ROOT, TERRAFORM_ROOT } from './terraform-tree.js';

const CATALOG = path.join(REPO_ROOT, 'datasets.yaml');
const work = mkdtempSync(path.join(tmpdir(), 'catalog-mapping-'));

interface MappedTable {
  table_id: string;
  schema: { name: string; type: string; mode: string }[];
  partitioning: { type: string; field: string | null } | null;
  clustering: string[];
}

function terraform(args: string[], catalog = CATALOG): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, TF_IN_AUTOMATION: '1', TF_VAR_catalog_file: path.relative(work, catalog), CHECKPOINT_DISABLE: '1' };
  return spawnSync('terraform', args, { cwd: work, encoding: 'utf8', env });
}

beforeAll(() => {
  if (!hasTerraform) return;
  copyFileSync(path.join(TERRAFORM_ROOT, 'envs', 'dev', 'catalog.tf'), path.join(work, 'catalog.tf'));
  mkdirSync(path.join(work, 'data_platform'));
  copyFileSync(path.join(TERRAFORM_ROOT, 'modules', 'data_platform', 'variables.tf'), path.join(work, 'data_platform', 'variables.tf'));
  writeFileSync(
    path.join(work, 'main.tf'),
    `variable "catalog_file" {
  type = string
}

module "data_platform" {
  source      = "./data_platform"
  project_id  = "p"
  environment = "dev"
  location    = "EU"
  bucket_name = "p-dc-staging"
  datasets    = local.bigquery_datasets
}

output "datasets" {
  value = local.bigquery_datasets
}
`,
  );
  const init = terraform(['init', '-input=false', '-no-color']);
  if (init.status !== 0) throw new Error(`terraform init failed: ${init.stderr}`);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function plannedDatasets(catalog = CATALOG): Record<string, { tables: MappedTable[] }> {
  rmSync(path.join(work, 'plan.out'), { force: true });
  const plan = terraform(['plan', '-input=false', '-no-color', '-out=plan.out'], catalog);
  if (plan.status !== 0) throw new Error(plan.stderr || plan.stdout);
  const show = terraform(['show', '-json', 'plan.out'], catalog);
  const json = JSON.parse(show.stdout) as { planned_values: { outputs: { datasets: { value: Record<string, { tables: MappedTable[] }> } } } };
  return json.planned_values.outputs.datasets.value;
}

describe.skipIf(skipWithoutTerraform)('the catalog → BigQuery mapping of the environments', () => {
  it('turns every catalog dataset into a table of its target dataset that data_platform accepts', () => {
    expect(hasTerraform).toBe(true);
    const catalog = parse(readFileSync(CATALOG, 'utf8')) as { datasets: { name: string; target: { dataset: string; table?: string }; schema: unknown[] }[] };
    const mapped = plannedDatasets();
    const tables = Object.entries(mapped).flatMap(([id, d]) => d.tables.map((t) => ({ id, ...t })));
    expect(tables.length).toBe(catalog.datasets.length);
    for (const d of catalog.datasets) {
      const table = tables.find((t) => t.id === d.target.dataset && t.table_id === (d.target.table ?? d.name));
      expect(table, d.name).toBeDefined();
      expect(table!.schema.length).toBe(d.schema.length);
      for (const c of table!.schema) expect(['NULLABLE', 'REQUIRED']).toContain(c.mode);
    }
  });

  it('a catalog the module cannot take (an unknown column type) fails the plan with the variable’s message', () => {
    const bad = path.join(work, 'bad.yaml');
    writeFileSync(bad, readFileSync(CATALOG, 'utf8').replace(/type: FLOAT/, 'type: DOUBLE'));
    expect(() => plannedDatasets(bad)).toThrow(/schema\[\]\.type must be one of: STRING, INTEGER/);
  });

  it('every dataflow_loads entry of each environment is a catalog dataset whose load is dataflow, and every such dataset has one', async () => {
    const catalog = parse(readFileSync(CATALOG, 'utf8')) as { datasets: { name: string; load?: string }[] };
    const dataflow = catalog.datasets.filter((d) => d.load === 'dataflow').map((d) => d.name).sort();
    for (const env of ['dev', 'prod']) {
      const file = path.join(TERRAFORM_ROOT, 'envs', env, 'terraform.tfvars');
      const tfvars = await parseHcl(file, readFileSync(file, 'utf8'));
      expect(Object.keys(tfvars.dataflow_loads as object).sort(), env).toEqual(dataflow);
    }
  });

  it('scheduled ingests and freshness alerts of each environment name catalog datasets', async () => {
    const catalog = parse(readFileSync(CATALOG, 'utf8')) as { datasets: { name: string }[] };
    const names = catalog.datasets.map((d) => d.name);
    for (const env of ['dev', 'prod']) {
      const file = path.join(TERRAFORM_ROOT, 'envs', env, 'terraform.tfvars');
      const tfvars = await parseHcl(file, readFileSync(file, 'utf8'));
      for (const key of [...Object.keys(tfvars.ingest_schedules as object), ...Object.keys(tfvars.freshness_hours as object)]) {
        expect(names, `${env}: ${key}`).toContain(key);
      }
    }
  });
});

it('the catalog exists where the environments read it', () => {
  expect(existsSync(CATALOG)).toBe(true);
});
