/**
 * `dc-pipeline apply` against the loopback GCS and Cloud Build: the same inputs and domain code as the action,
 * the PR given by flags or looked up on the loopback GitHub, the summary on stdout.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/apply.js';
import { publishReviewedPlan } from '../../src/reviewed-plan/publish.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import { startGcsServer } from '../servers/gcs.js';
import { startCloudBuildServer } from '../servers/cloudbuild.js';
import { seedPullRequest, startGitHubServer, type GitHubServer } from '../servers/github.js';
import { HEAD_SHA, PR_NUMBER, REPOSITORY, ROOT, makeWorkspace, type Servers, type Workspace } from '../actions/apply/apply-fixtures.js';

const MERGE_SHA = '4d'.repeat(20);
const s = {} as Omit<Servers, 'github'> & { github: GitHubServer };
let ws: Workspace;

beforeAll(async () => {
  s.gcs = await startGcsServer({ buckets: ['plans', 'sources'] });
  s.cloudBuild = await startCloudBuildServer({ gcs: s.gcs });
  s.github = await startGitHubServer();
  seedPullRequest(s.github.state, { repo: REPOSITORY, number: PR_NUMBER, mergeCommitSha: MERGE_SHA, headSha: HEAD_SHA });
  ws = makeWorkspace();
  await publishReviewedPlan(createGcsStore({ env: { STORAGE_EMULATOR_HOST: s.gcs.url } }), { bucket: 'plans', prefix: 'reviewed' }, {
    key: { repository: REPOSITORY, environment: 'dev', pullRequest: PR_NUMBER, headSha: HEAD_SHA },
    workingDirectory: ROOT,
    terraformVersion: '1.11.4',
    plan: Buffer.from('reviewed plan'),
    planJson: '{}',
    now: new Date(),
  });
});
afterAll(async () => {
  await s.cloudBuild?.close();
  await s.gcs?.close();
  await s.github?.close();
  rmSync(ws.dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function cli(argv: string[]): Promise<{ code: number | Error; stdout: string; stderr: string }> {
  vi.stubEnv('STORAGE_EMULATOR_HOST', s.gcs.url);
  vi.stubEnv('CLOUD_BUILD_EMULATOR_HOST', s.cloudBuild.host);
  vi.stubEnv('GITHUB_API_URL', s.github.url);
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true));
  const code = await main(argv).catch((e: Error) => e);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

const base = [
  '--project-id', 'demo-project', '--environment', 'dev', '--working-directory', ROOT, '--plan-bucket', 'gs://plans/reviewed',
  '--source-bucket', 'sources', '--repository', REPOSITORY, '--commit', MERGE_SHA, '--workspace', '',
];
const args = (...extra: string[]) => base.map((a) => (a === '' ? ws.workspace : a)).concat(extra);

describe('dc-pipeline apply', () => {
  it('applies the reviewed plan of the PR given by flags and prints the summary', async () => {
    s.cloudBuild.script({ status: 'SUCCESS', logLines: ['Apply complete!'] });
    const r = await cli(args('--pull-request', String(PR_NUMBER), '--head-sha', HEAD_SHA, '--run-id', 'cli-1'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('## Terraform apply — dev');
    expect(r.stdout).toContain('✅ **Applied**');
    expect(r.stderr).toContain('Apply complete!');
    expect([...s.cloudBuild.builds.values()].filter((b) => b.tags.includes('gh-run-cli-1'))).toHaveLength(1);
  });

  it('looks the merged PR up on GitHub when given a token', async () => {
    s.cloudBuild.script({ status: 'SUCCESS' });
    const r = await cli(args('--github-token', 'ghs_cli', '--run-id', 'cli-2'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`is the merge of PR #${PR_NUMBER}`);
  });

  it('fails with the one-sentence reason and still prints the summary', async () => {
    const r = await cli(args('--pull-request', '99', '--head-sha', HEAD_SHA, '--run-id', 'cli-3'));
    expect(r.code).toBeInstanceOf(Error);
    expect((r.code as Error).message).toContain(`No reviewed plan for PR #99 at ${HEAD_SHA} in environment "dev"`);
    expect(r.stdout).toContain('❌ **Not applied**');
  });

  it('creates the build with --logs-bucket as its logsBucket and streams the log from there', async () => {
    s.gcs.createBucket('cli-logs');
    s.cloudBuild.script({ status: 'SUCCESS', logLines: ['Apply complete! (cli-logs)'] });
    const sa = 'deployer@demo-project.iam.gserviceaccount.com';
    const r = await cli(args('--pull-request', String(PR_NUMBER), '--head-sha', HEAD_SHA, '--run-id', 'cli-4', '--service-account', sa, '--logs-bucket', 'gs://cli-logs/apply/'));
    expect(r.code, r.stderr).toBe(0);
    const [build] = [...s.cloudBuild.builds.values()].filter((b) => b.tags.includes('gh-run-cli-4'));
    expect(build?.logsBucket).toBe('gs://cli-logs/apply');
    expect(s.gcs.getObject('cli-logs', `apply/log-${build?.id}.txt`)?.data.toString()).toContain('Apply complete! (cli-logs)');
    expect(r.stderr).toContain('Apply complete! (cli-logs)');
    expect(r.stderr).not.toContain('`logs-bucket`');
  });

  it('refuses a --logs-bucket that is not gs://bucket[/prefix], and one given with --trigger-id', async () => {
    const bad = await cli(args('--pull-request', String(PR_NUMBER), '--head-sha', HEAD_SHA, '--logs-bucket', 'build-logs'));
    expect((bad.code as Error).message).toBe('Input `logs-bucket` was "build-logs"; expected gs://<bucket>[/<prefix>] with a valid bucket name.');
    const both = await cli(args('--pull-request', String(PR_NUMBER), '--head-sha', HEAD_SHA, '--logs-bucket', 'gs://build-logs', '--trigger-id', 't'));
    expect((both.code as Error).message).toMatch(/^Only one of `logs-bucket` or `trigger-id` can be set/);
  });

  it('names the flag when the PR is half given', async () => {
    const r = await cli(args('--pull-request', '2'));
    expect((r.code as Error).message).toBe('Flags --pull-request and --head-sha go together: the PR number and the full SHA of its final head commit.');
  });
});
