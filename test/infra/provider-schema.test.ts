import { beforeAll, describe, expect, it } from 'vitest';
import { loadProviderSchema, type ProviderSchema } from './provider-schema.js';
import { checkBlock, checkProviderBlock, checkReferences, type SchemaProblem } from './schema-check.js';
import { loadAllConfigs, parseHcl, relative, stringsIn, type Block, type TerraformConfig } from './terraform-tree.js';

let schema: ProviderSchema;
let configs: TerraformConfig[];

beforeAll(async () => {
  schema = loadProviderSchema();
  configs = await loadAllConfigs();
});

function problemsOf(config: TerraformConfig): SchemaProblem[] {
  const problems = [
    ...config.resources.flatMap((b) => checkBlock(b, 'resource', schema)),
    ...config.dataSources.flatMap((b) => checkBlock(b, 'data', schema)),
    ...config.providers.filter((b) => b.name === 'google').flatMap((b) => checkProviderBlock(b, schema)),
  ];
  const everything = [
    ...config.resources.map((b) => b.body),
    ...config.dataSources.map((b) => b.body),
    ...config.outputs.map((b) => b.body),
    ...config.modules.map((b) => b.body),
    config.locals,
  ];
  problems.push(...checkReferences(stringsIn(everything), config, schema, 'reference'));
  return problems;
}

async function snippet(text: string): Promise<SchemaProblem[]> {
  const tree = await parseHcl('snippet.tf', text);
  const blocks: Block[] = [];
  for (const [type, named] of Object.entries(tree.resource as Record<string, Record<string, Record<string, unknown>[]>>)) {
    for (const [name, bodies] of Object.entries(named)) for (const body of bodies) blocks.push({ type, name, body, file: 'snippet.tf' });
  }
  return blocks.flatMap((b) => checkBlock(b, 'resource', schema));
}

describe('the google provider schema extracted from @cdktf/provider-google', () => {
  it('describes hashicorp/google 6.50.0 with its resources, arguments, nested blocks and attributes', () => {
    expect(schema.providerVersion).toBe('6.50.0');
    expect(Object.keys(schema.resources).length).toBeGreaterThan(900);
    const run = schema.resources.google_cloud_run_v2_service!;
    expect(run.arguments.location?.required).toBe(true);
    expect(run.arguments.template?.nested?.arguments.containers?.nested?.arguments.image?.required).toBe(true);
    expect(run.arguments.deletion_protection?.required).toBe(false);
    expect(run.attributes).toContain('uri');
    expect(schema.provider.arguments.default_labels?.required).toBe(false);
    expect(schema.provider.arguments.project).toBeDefined();
  });

  it('checks the provider block too: the environments configure google', () => {
    const providers = configs.flatMap((c) => c.providers.filter((p) => p.name === 'google'));
    expect(providers.length).toBe(2);
    expect(checkProviderBlock({ ...providers[0]!, body: { ...providers[0]!.body, default_label: {} } }, schema).map((p) => p.message)).toEqual([
      'unknown argument "default_label"',
    ]);
  });
});

describe('every resource in terraform/', () => {
  it('finds the configurations: five modules, their examples and two environments', () => {
    const dirs = configs.map((c) => relative(c.dir));
    for (const m of ['ingest_service', 'dataflow_job', 'data_platform', 'github_cicd', 'monitoring']) {
      expect(dirs).toContain(`terraform/modules/${m}`);
      expect(dirs).toContain(`terraform/modules/${m}/examples/basic`);
    }
    expect(dirs).toContain('terraform/envs/dev');
    expect(dirs).toContain('terraform/envs/prod');
  });

  it('uses only resource types, arguments and nested blocks the provider has, and sets every required one', () => {
    const problems = configs.flatMap((c) => problemsOf(c).map((p) => `${relative(c.dir)}: ${p.where}: ${p.message}`));
    expect(problems).toEqual([]);
  });
});

describe('the schema check', () => {
  it('reports a misspelt argument', async () => {
    const problems = await snippet(`
      resource "google_storage_bucket" "b" {
        name     = "x"
        location = "EU"
        uniform_bucket_acess = true
      }`);
    expect(problems.map((p) => p.message)).toEqual(['unknown argument "uniform_bucket_acess"']);
  });

  it('reports a nested block written as an attribute', async () => {
    const problems = await snippet(`
      resource "google_storage_bucket" "b" {
        name       = "x"
        location   = "EU"
        versioning = { enabled = true }
      }`);
    expect(problems.map((p) => p.message)).toEqual(['"versioning" is a block: write versioning { … }, not versioning = { … }']);
  });

  it('reports a missing required argument, also inside a nested block', async () => {
    const problems = await snippet(`
      resource "google_cloud_run_v2_service" "s" {
        name = "x"
        template {
          containers {
            name = "c"
          }
        }
      }`);
    expect(problems.map((p) => `${p.where.split(' ')[0]}: ${p.message}`)).toEqual([
      'google_cloud_run_v2_service.s.template.containers: missing required argument "image"',
      'google_cloud_run_v2_service.s: missing required argument "location"',
    ]);
  });

  it('reports a misspelt argument inside a dynamic block and an unknown resource type', async () => {
    const problems = await snippet(`
      resource "google_storage_bucket" "b" {
        name     = "x"
        location = "EU"
        dynamic "lifecycle_rule" {
          for_each = [1]
          content {
            action {
              type = "Delete"
            }
            condition {
              age_days = 3
            }
          }
        }
      }
      resource "google_storage_bukket" "c" {
        name = "y"
      }`);
    expect(problems.map((p) => p.message)).toEqual(['unknown argument "age_days"', 'unknown resource type "google_storage_bukket"']);
  });

  it('reports an attribute the resource does not have and an undeclared resource', () => {
    const declared: Block[] = [{ type: 'google_service_account', name: 'main', body: {}, file: 'x.tf' }];
    const problems = checkReferences(
      ['${google_service_account.main.emial}', '${google_service_account.main.email}', '${google_service_account.other.email}'],
      { resources: declared, dataSources: [] },
      schema,
      'snippet',
    );
    expect(problems.map((p) => p.message)).toEqual([
      'google_service_account.main has no attribute "emial"',
      'reference to undeclared google_service_account.other',
    ]);
  });
});
