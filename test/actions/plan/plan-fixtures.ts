/**
 * What the plan action's end-to-end tests feed it: real webhook payloads (@octokit/webhooks-examples), the
 * runner's GITHUB_* variables pointing at the loopback GitHub, and synthetic plan JSON in Terraform's format.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { GitHubServer } from '../../servers/github.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];

export const REPOSITORY = 'Codertocat/Hello-World';
/** The PR number of webhooks-examples' pull_request.opened payload. */
export const PR_NUMBER = 2;

export type EventName = 'pull_request' | 'push' | 'workflow_dispatch';

export function writeEvent(dir: string, name: EventName, change?: (payload: Record<string, unknown>) => void): string {
  const entry = examples.find((e) => e.name === name);
  const payload = structuredClone(
    (name === 'pull_request' ? entry?.examples.find((x) => x.action === 'opened') : entry?.examples[0]) as Record<string, unknown>,
  );
  change?.(payload);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

export function githubEnv(server: GitHubServer, eventName: EventName, eventPath: string): Record<string, string> {
  return {
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKSPACE: '/home/runner/work/Hello-World',
    // Back-off in milliseconds instead of seconds: retry-after: 1 costs 5 ms here.
    DCP_GITHUB_RETRY_UNIT_MS: '5',
  };
}

export interface SyntheticPlan {
  creates?: number;
  deletes?: number;
  /** A sensitive variable, a sensitive attribute and a sensitive output all carrying this value. */
  secret?: string;
  errored?: boolean;
}

/** A plan document shaped like `terraform show -json` of terraform_data resources (format 1.2). */
export function syntheticPlan(spec: SyntheticPlan): string {
  const changes: unknown[] = [];
  for (let i = 0; i < (spec.creates ?? 0); i++) {
    changes.push({
      address: `terraform_data.r[${i}]`,
      mode: 'managed',
      type: 'terraform_data',
      name: 'r',
      index: i,
      provider_name: 'terraform.io/builtin/terraform',
      change: {
        actions: ['create'],
        before: null,
        after: { input: { name: `resource-${i}`, size: i, tags: { env: 'test', team: 'data' } }, triggers_replace: null },
        after_unknown: { id: true, output: true },
        before_sensitive: false,
        after_sensitive: { input: { tags: {} }, output: true },
      },
    });
  }
  for (let i = 0; i < (spec.deletes ?? 0); i++) {
    changes.push({
      address: `terraform_data.old[${i}]`,
      mode: 'managed',
      type: 'terraform_data',
      name: 'old',
      index: i,
      provider_name: 'terraform.io/builtin/terraform',
      change: {
        actions: ['delete'],
        before: { id: `id-${i}`, input: `old-${i}`, output: `old-${i}`, triggers_replace: null },
        after: null,
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: false,
      },
      action_reason: 'delete_because_no_resource_config',
    });
  }
  const variables: Record<string, unknown> = {};
  const declared: Record<string, unknown> = {};
  const outputChanges: Record<string, unknown> = {};
  const outputs: Record<string, unknown> = {};
  if (spec.secret) {
    variables.db_password = { value: spec.secret };
    declared.db_password = { sensitive: true };
    changes.push({
      address: 'terraform_data.credentials',
      mode: 'managed',
      type: 'terraform_data',
      name: 'credentials',
      provider_name: 'terraform.io/builtin/terraform',
      change: {
        actions: ['create'],
        before: null,
        after: { input: spec.secret, triggers_replace: null },
        after_unknown: { id: true, output: true },
        before_sensitive: false,
        after_sensitive: { input: true, output: true },
      },
    });
    outputChanges.db_password = { actions: ['create'], before: null, after: spec.secret, after_unknown: false, before_sensitive: true, after_sensitive: true };
    outputs.db_password = { sensitive: true, expression: { references: ['var.db_password'] } };
  }
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.11.4',
    variables,
    planned_values: { root_module: {} },
    resource_changes: changes,
    output_changes: outputChanges,
    configuration: { root_module: { variables: declared, outputs } },
    ...(spec.errored ? { errored: true } : {}),
    timestamp: '2026-01-01T00:00:00Z',
    applyable: !spec.errored,
    complete: true,
  });
}

/** How many resources of each kind everyKindPlan() holds; imports, moves and forgets are separate resources. */
export interface KindCounts {
  create: number;
  replace: number;
  delete: number;
  update: number;
  /** No-op imports (`importing`), counted only as imports. */
  import: number;
  /** No-op moves (`previous_address`), counted only as moves. */
  move: number;
  forget: number;
  /** `resource_drift` entries: objects changed outside Terraform. */
  drift: number;
}

/** A plan with `n` terraform_data resources of every kind of change, in `terraform show -json` format 1.2. */
export function everyKindPlan(n: KindCounts): string {
  type Extra = Record<string, unknown>;
  const entry = (name: string, i: number, actions: string[], before: unknown, after: unknown, extra: Extra = {}, inChange: Extra = {}) => ({
    address: `terraform_data.${name}[${i}]`,
    mode: 'managed',
    type: 'terraform_data',
    name,
    index: i,
    provider_name: 'terraform.io/builtin/terraform',
    ...extra,
    change: {
      actions,
      before,
      after,
      after_unknown: after === null ? {} : { output: actions.includes('create') },
      before_sensitive: before === null ? false : {},
      after_sensitive: after === null ? false : {},
      ...inChange,
    },
  });
  const obj = (input: string) => ({ id: `id-${input}`, input, output: input, triggers_replace: null });
  const times = (count: number, make: (i: number) => unknown) => Array.from({ length: count }, (_, i) => make(i));
  const changes = [
    ...times(n.create, (i) => entry('created', i, ['create'], null, { input: `c${i}`, triggers_replace: null })),
    ...times(n.replace, (i) => entry('replaced', i, ['delete', 'create'], obj(`r${i}`), { input: `r${i}`, triggers_replace: 'v2' }, { action_reason: 'replace_by_triggers' })),
    ...times(n.delete, (i) => entry('deleted', i, ['delete'], obj(`d${i}`), null, { action_reason: 'delete_because_no_resource_config' })),
    ...times(n.update, (i) => entry('updated', i, ['update'], obj(`before${i}`), obj(`after${i}`))),
    ...times(n.import, (i) => entry('imported', i, ['no-op'], obj(`i${i}`), obj(`i${i}`), {}, { importing: { id: `id-i${i}` } })),
    ...times(n.move, (i) => entry('moved_to', i, ['no-op'], obj(`m${i}`), obj(`m${i}`), { previous_address: `terraform_data.moved_from[${i}]` })),
    ...times(n.forget, (i) => entry('forgotten', i, ['forget'], obj(`f${i}`), null, { action_reason: 'delete_because_no_resource_config' })),
  ];
  const drift = times(n.drift, (i) => entry('drifted', i, ['update'], obj(`recorded${i}`), obj(`actual${i}`)));
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.11.4',
    variables: {},
    planned_values: { root_module: {} },
    resource_drift: drift,
    resource_changes: changes,
    output_changes: {},
    configuration: { root_module: {} },
    timestamp: '2026-01-01T00:00:00Z',
    applyable: true,
    complete: true,
  });
}
