/**
 * What the apply bundle's end-to-end tests share: loopback GCS, Cloud Build and GitHub; a workspace holding the
 * repository's cloudbuild/ configs and a terraform_data root whose state lives outside it; real webhook payloads
 * (@octokit/webhooks-examples); and a runner for dist/apply/index.js that can watch its log as it grows.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { runBundle, type BundleRun } from '../../helpers/run-bundle.js';
import type { GcsServer } from '../../servers/gcs.js';
import type { CloudBuildServer } from '../../servers/cloudbuild.js';
import type { GitHubServer } from '../../servers/github.js';
import { REPOSITORY, writeEvent } from '../plan/plan-fixtures.js';

export { REPOSITORY };
/** The PR of webhooks-examples' pull_request.opened payload, and its head commit. */
export const PR_NUMBER = 2;
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const PLAN_BUCKET = 'gs://plans/reviewed';
export const ROOT = 'infra';

export interface Servers {
  gcs: GcsServer;
  cloudBuild: CloudBuildServer;
  github: GitHubServer;
}

export interface Workspace {
  dir: string;
  workspace: string;
  statePath: string;
}

/** A repository checkout: cloudbuild/*.yaml from this repo, the terraform_data root, a .gitignore. */
export function makeWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'dcp-apply-e2e-'));
  const workspace = join(dir, 'repo');
  const statePath = join(dir, 'state', 'terraform.tfstate');
  cpSync(resolve('test/cloudbuild/fixtures/terraform-data'), join(workspace, ROOT), { recursive: true });
  writeFileSync(join(workspace, ROOT, 'backend.tf'), `terraform {\n  backend "local" {\n    path = ${JSON.stringify(statePath)}\n  }\n}\n`);
  mkdirSync(join(workspace, 'cloudbuild'));
  for (const f of ['apply.yaml', 'plan-apply.yaml']) cpSync(resolve('cloudbuild', f), join(workspace, 'cloudbuild', f));
  writeFileSync(join(workspace, '.gitignore'), '.terraform/\n*.tfplan\n');
  return { dir, workspace, statePath };
}

export function runnerEnv(s: Servers, ws: Workspace, event: 'push' | 'pull_request', sha: string, runId: string): Record<string, string> {
  const eventPath = writeEvent(mkdtempSync(join(ws.dir, 'event-')), event, (payload) => {
    if (event === 'push') Object.assign(payload, { ref: 'refs/heads/main', after: sha });
  });
  return {
    GITHUB_API_URL: s.github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: sha,
    GITHUB_RUN_ID: runId,
    GITHUB_WORKSPACE: ws.workspace,
    DCP_GITHUB_RETRY_UNIT_MS: '5',
    STORAGE_EMULATOR_HOST: s.gcs.url,
    CLOUD_BUILD_EMULATOR_HOST: s.cloudBuild.host,
    TF_IN_AUTOMATION: '1',
    TF_CLI_CONFIG_FILE: '/dev/null',
  };
}

export const applyInputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  'project-id': 'demo-project',
  region: 'europe-west1',
  environment: 'dev',
  'working-directory': ROOT,
  'plan-bucket': PLAN_BUCKET,
  'source-bucket': 'sources',
  'build-config': 'cloudbuild/apply.yaml',
  timeout: '60m',
  'require-reviewed-plan': 'true',
  'github-token': 'ghs_applyToken',
  ...extra,
});

export interface WatchedRun {
  result: Promise<BundleRun>;
  /** Resolves with the time the first stdout line matching `pattern` arrived. */
  when(pattern: RegExp): Promise<number>;
  child(): ChildProcess;
}

/** Run the apply bundle, with a way to react to its log while it runs (signals, timing). */
export function runApplyBundle(node: string, s: Servers, ws: Workspace, options: { inputs?: Record<string, string>; sha: string; runId: string }): WatchedRun {
  let child: ChildProcess | undefined;
  let seen = '';
  const waiters: Array<{ pattern: RegExp; resolve: (t: number) => void }> = [];
  const result = runBundle({
    bundle: 'apply',
    node,
    cwd: ws.workspace,
    inputs: applyInputs(options.inputs),
    env: runnerEnv(s, ws, 'push', options.sha, options.runId),
    timeoutMs: 90_000,
    onSpawn: (c) => {
      child = c;
      c.stdout?.on('data', (d: Buffer | string) => {
        const now = Date.now();
        seen += d.toString();
        for (const w of [...waiters]) {
          if (w.pattern.test(seen)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(now);
          }
        }
      });
    },
  });
  return {
    result,
    when: (pattern) =>
      new Promise<number>((resolveWhen, reject) => {
        if (pattern.test(seen)) return resolveWhen(Date.now());
        waiters.push({ pattern, resolve: resolveWhen });
        void result.then(() => reject(new Error(`the run ended without printing ${pattern}:\n${seen}`)));
      }),
    child: () => child as ChildProcess,
  };
}
