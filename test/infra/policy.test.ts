import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as stageNames from '../../src/ingest/stage.js';
import { loadAllConfigs, parseHcl, relative, stringsIn, TERRAFORM_ROOT, type Block, type TerraformConfig } from './terraform-tree.js';

let configs: TerraformConfig[];

beforeAll(async () => {
  configs = await loadAllConfigs();
});

function resources(type: string | RegExp): { config: TerraformConfig; block: Block }[] {
  return configs.flatMap((config) =>
    config.resources.filter((b) => (typeof type === 'string' ? b.type === type : type.test(b.type))).map((block) => ({ config, block })),
  );
}

function where(r: { config: TerraformConfig; block: Block }): string {
  return `${relative(r.config.dir)}: ${r.block.type}.${r.block.name}`;
}

/** The default of `var.x` when an argument is exactly "${var.x}", so "safe by default" can be checked. */
function defaultOf(config: TerraformConfig, expression: unknown): unknown {
  const name = /^\$\{var\.([a-z0-9_]+)\}$/.exec(String(expression))?.[1];
  const variable = config.variables.find((v) => v.name === name);
  return variable && 'default' in variable.body ? variable.body.default : undefined;
}

/** Inlines `local.x` references (one level per pass) so a condition built from locals can be read whole. */
function resolveLocals(text: string, locals: Record<string, unknown>): string {
  let out = text;
  for (let pass = 0; pass < 5; pass++) {
    out = out.replace(/local\.([a-z0-9_]+)/g, (_, name: string) => String(locals[name] ?? `local.${name}`).replace(/^\$\{([\s\S]*)\}$/, '$1'));
  }
  return out;
}

function allText(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '.terraform') walk(full);
      else if (/\.(tf|tfvars)$/.test(entry.name)) out.push({ file: relative(full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(TERRAFORM_ROOT);
  return out;
}

// Roles that cannot be granted on anything narrower than the project, each for the reason given. Anything else
// at project level is a grant a bucket, dataset, service or service account binding would serve.
const PROJECT_ONLY_ROLES = new Map([
  ['roles/bigquery.jobUser', 'jobs are project resources'],
  ['roles/dataflow.worker', 'Dataflow checks it on the project'],
  ['roles/dataflow.developer', 'Dataflow jobs are project resources'],
  ['roles/cloudbuild.builds.editor', 'builds are project resources'],
]);
const RESOURCE_LEVEL_ROLES = /^roles\/(storage\.object|bigquery\.data|run\.invoker|iam\.serviceAccountUser$|iam\.workloadIdentityUser|artifactregistry\.(reader|writer)|pubsub\.(publisher|subscriber))/;

describe('IAM', () => {
  it('never grants roles/owner or roles/editor anywhere under terraform/', () => {
    const hits = allText().filter((f) => /roles\/(owner|editor)"/.test(f.text.replace(/validation\s*\{[\s\S]*?\n\s*\}\n/g, '')));
    expect(hits.map((h) => h.file)).toEqual([]);
  });

  it('has no public members (allUsers, allAuthenticatedUsers) in any IAM resource', () => {
    const iam = resources(/_iam_(member|binding|policy)$/);
    expect(iam.length).toBeGreaterThan(10);
    const bad = iam.filter((r) => stringsIn([r.block.body.member, r.block.body.members]).some((m) => /allUsers|allAuthenticatedUsers/.test(m)));
    expect(bad.map(where)).toEqual([]);
  });

  it('refuses public invokers passed to the ingest service', () => {
    const config = configs.find((c) => relative(c.dir) === 'terraform/modules/ingest_service')!;
    const invokers = config.variables.find((v) => v.name === 'invokers')!;
    expect(JSON.stringify(invokers.body.validation)).toContain('allUsers');
    expect(JSON.stringify(invokers.body.validation)).toContain('allAuthenticatedUsers');
  });

  it('uses no authoritative project IAM (binding/policy), which would strip grants made outside Terraform', () => {
    expect(resources(/^google_project_iam_(binding|policy)$/).map(where)).toEqual([]);
  });

  it('grants at project level only roles that have no narrower resource, each with a comment saying why', () => {
    const problems: string[] = [];
    for (const r of resources('google_project_iam_member')) {
      const role = String(r.block.body.role);
      const roles = role.startsWith('${') ? (defaultOf(r.config, r.block.body.for_each?.toString().replace(/^\$\{toset\((.*)\)\}$/, '$${$1}')) as string[] | undefined) ?? [] : [role];
      for (const rl of roles) {
        if (RESOURCE_LEVEL_ROLES.test(rl)) problems.push(`${where(r)}: ${rl} can be granted on the resource instead`);
        else if (!role.startsWith('${') && !PROJECT_ONLY_ROLES.has(rl)) problems.push(`${where(r)}: ${rl} is not a known project-only role`);
      }
      const source = r.config.sources[r.block.file]!;
      const at = source.indexOf(`resource "google_project_iam_member" "${r.block.name}"`);
      const before = source.slice(0, at).trimEnd().split('\n').pop() ?? '';
      if (!before.trim().startsWith('#')) problems.push(`${where(r)}: no comment explaining why a project-level grant is needed`);
    }
    expect(problems).toEqual([]);
  });

  it('gives the ingest BigQuery data access on its dataset only, and storage access under raw/ and its temporary uploads only', () => {
    const config = configs.find((c) => relative(c.dir) === 'terraform/modules/ingest_service')!;
    const dataset = config.resources.filter((b) => b.type === 'google_bigquery_dataset_iam_member');
    expect(dataset.map((b) => b.body.role)).toEqual(['roles/bigquery.dataEditor']);
    const storage = config.resources.filter((x) => x.type === 'google_storage_bucket_iam_member');
    expect(storage.length).toBeGreaterThan(0);
    const incoming = `/objects/${stageNames.incomingName('weather').split('/').slice(0, 2).join('/')}/`;
    const grants: string[] = [];
    for (const b of storage) {
      const condition = resolveLocals((b.body.condition as { expression: string }[] | undefined)?.[0]?.expression ?? '', config.locals);
      expect(condition, `${b.name}`).toMatch(/\/objects\/(raw|tmp\/ingest)\//);
      if (condition.includes(incoming)) grants.push(String(b.body.role));
    }
    // Uploading the clean CSV there, reading it to copy it into raw/, deleting it: objectUser, nothing broader.
    expect(grants).toEqual(['roles/storage.objectUser']);
    const invoker = config.resources.filter((b) => b.type === 'google_cloud_run_v2_service_iam_member' && b.name === 'trigger_invoker');
    expect(invoker[0]?.body.member).toBe('${google_service_account.trigger.member}');
  });
});

describe('pull-request identities', () => {
  it('the planner can read state but write only Terraform lock objects there', () => {
    const cicd = configs.find((c) => relative(c.dir) === 'terraform/modules/github_cicd')!;
    const onState = cicd.resources.filter((b) => b.type === 'google_storage_bucket_iam_member' && b.body.bucket === '${var.state_bucket}');
    const planner = onState.filter((b) => b.body.member === '${google_service_account.planner.member}');
    expect(planner.map((b) => b.body.role).sort()).toEqual(['roles/storage.objectUser', 'roles/storage.objectViewer']);
    const writer = planner.find((b) => b.body.role === 'roles/storage.objectUser')!;
    expect((writer.body.condition as { expression: string }[])[0]!.expression).toMatch(/endsWith\(".tflock"\)/);
  });
});

describe('Workload Identity Federation', () => {
  it('every provider has an attribute_condition pinning the repository', () => {
    const providers = resources('google_iam_workload_identity_pool_provider');
    expect(providers.length).toBeGreaterThan(0);
    for (const p of providers) {
      const condition = String(p.block.body.attribute_condition ?? '');
      const resolved = resolveLocals(condition, p.config.locals);
      expect(resolved, where(p)).toMatch(/assertion\.repository ==/);
    }
  });

  it('restricts prod to the default branch and pull requests targeting it; only the default branch may start applies', async () => {
    const cicd = configs.find((c) => relative(c.dir) === 'terraform/modules/github_cicd')!;
    expect(String(cicd.locals.branch_condition)).toMatch(/assertion\.ref == \\?"refs\/heads\/\$\{var\.default_branch\}/);
    expect(String(cicd.locals.attribute_condition)).toContain('var.restrict_to_default_branch ?');
    const submitter = cicd.resources.find((b) => b.type === 'google_service_account_iam_member' && b.name === 'submitter_wif')!;
    expect(submitter.body.member).toBe('${local.default_branch_ref}');
    expect(String(cicd.locals.default_branch_ref)).toContain('attribute.repository_ref/${var.github_repository}@refs/heads/${var.default_branch}');

    const prod = await parseHcl('terraform.tfvars', readFileSync(path.join(TERRAFORM_ROOT, 'envs/prod/terraform.tfvars'), 'utf8'));
    expect(prod.restrict_to_default_branch).toBe(true);
    const env = configs.find((c) => relative(c.dir) === 'terraform/envs/prod')!;
    expect(env.modules.find((m) => m.name === 'github_cicd')?.body.restrict_to_default_branch).toBe('${var.restrict_to_default_branch}');
  });
});

describe('storage and data safety', () => {
  it('every bucket enforces public access prevention and uniform access, and is not force-destroyed by default', () => {
    const buckets = resources('google_storage_bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    const problems: string[] = [];
    for (const b of buckets) {
      if (b.block.body.public_access_prevention !== 'enforced') problems.push(`${where(b)}: public_access_prevention`);
      if (b.block.body.uniform_bucket_level_access !== true) problems.push(`${where(b)}: uniform_bucket_level_access`);
      const force = b.block.body.force_destroy;
      const safe = force === undefined || force === false || (force === '${!var.deletion_protection}' && defaultOf(b.config, '${var.deletion_protection}') === true);
      if (!safe) problems.push(`${where(b)}: force_destroy ${String(force)}`);
    }
    expect(problems).toEqual([]);
  });

  it('the staging bucket deletes the ingest\'s temporary uploads (tmp/ingest/, where src/ingest/stage.ts puts them) after a day', () => {
    const { incomingName } = stageNames;
    const prefix = incomingName('weather').split('/').slice(0, 2).join('/') + '/';
    const staging = resources('google_storage_bucket').filter((b) => relative(b.config.dir).endsWith('data_platform'));
    expect(staging).toHaveLength(1);
    const rules = (staging[0]!.block.body.lifecycle_rule ?? []) as { condition: { age?: number; matches_prefix?: string[]; with_state?: string }[]; action: { type: string }[] }[];
    const rule = rules.find((r) => r.condition[0]?.matches_prefix?.includes(prefix));
    // No with_state: the rule removes live objects and the noncurrent versions the delete leaves under versioning.
    expect(rule).toMatchObject({ condition: [{ age: 1 }], action: [{ type: 'Delete' }] });
    expect(rule?.condition[0]?.with_state).toBeUndefined();
  });

  it('Cloud Run services and BigQuery tables keep deletion protection on by default', () => {
    const protectedTypes = resources(/^google_(cloud_run_v2_service|bigquery_table)$/);
    expect(protectedTypes.length).toBeGreaterThanOrEqual(3);
    const problems = protectedTypes
      .filter((r) => !(r.block.body.deletion_protection === true || defaultOf(r.config, r.block.body.deletion_protection) === true))
      .map(where);
    expect(problems).toEqual([]);
  });

  it('BigQuery datasets never delete their contents on destroy', () => {
    for (const d of resources('google_bigquery_dataset')) expect(d.block.body.delete_contents_on_destroy ?? false, where(d)).toBe(false);
  });

  it('Dataflow jobs are cancelled, not drained, on delete', () => {
    const jobs = resources('google_dataflow_job');
    expect(jobs.length).toBeGreaterThan(0);
    for (const j of jobs) expect(j.block.body.on_delete, where(j)).toBe('cancel');
  });

  it('the ingest service leaves the image tag to the deploy', () => {
    const [run] = resources('google_cloud_run_v2_service');
    const lifecycle = (run!.block.body.lifecycle as { ignore_changes: string[] }[])[0]!;
    expect(lifecycle.ignore_changes).toContain('${template[0].containers[0].image}');
  });
});
