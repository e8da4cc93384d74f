import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/plan.js';
import { syntheticPlan } from '../actions/plan/plan-fixtures.js';
import { startGitHubServer } from '../servers/github.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcp-cli-plan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function cli(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const code = await main(argv);
  return { code, stdout };
}

describe('dc-pipeline plan', () => {
  it('prints the comment the action would post for --plan-json, marker and Plan line included', async () => {
    const file = join(dir, 'plan.json');
    writeFileSync(file, syntheticPlan({ creates: 2, deletes: 1, secret: 'cli-secret-value-123' }));
    const { code, stdout } = await cli(['--plan-json', file, '--environment', 'staging', '--working-directory', 'envs/staging']);
    expect(code).toBe(0);
    expect(stdout).toContain('<!-- dc-pipeline:plan env=staging dir=envs/staging -->');
    expect(stdout).toContain('Plan: 3 to add, 0 to change, 1 to destroy.');
    expect(stdout).not.toContain('cli-secret-value-123');
    // It is markdown GitHub can render: the destroyed address shows up as text, not as markup.
    const text = new MarkdownIt({ html: true }).render(stdout);
    expect(text).toContain('terraform_data.old[0]');
  });

  it('exits 3 with --fail-on-destroy when the plan destroys something', async () => {
    const file = join(dir, 'destroy.json');
    writeFileSync(file, syntheticPlan({ deletes: 1 }));
    expect((await cli(['--plan-json', file, '--fail-on-destroy'])).code).toBe(3);
  });

  it('refuses an unknown flag value the way the action refuses the input', async () => {
    await expect(cli(['--plan-json', join(dir, 'x.json'), '--init=maybe'])).rejects.toThrow('Flag --init was "maybe"; expected "true" or "false".');
  });

  it('names the flag, not an action input, for a missing working directory or plan file', async () => {
    await expect(cli(['--working-directory', join(dir, 'no-such-root'), '--terraform', join(dir, 'no-terraform')])).rejects.toThrow(
      `Flag --working-directory was "${join(dir, 'no-such-root')}"; expected an existing directory`,
    );
    await expect(cli(['--plan-json', join(dir, 'missing.json')])).rejects.toThrow(`Flag --plan-json was "${join(dir, 'missing.json')}"; expected an existing plan JSON file`);
    await expect(cli(['--working-directory', dir, '--plan-file', 'missing.tfplan'])).rejects.toThrow('Flag --plan-file was "missing.tfplan"; expected an existing saved plan file');
  });

  it('refuses a file that is not a plan with a clear message', async () => {
    const file = join(dir, 'state.json');
    writeFileSync(file, JSON.stringify({ version: 4, lineage: 'x', serial: 1, resources: [] }));
    await expect(cli(['--plan-json', file])).rejects.toThrow(/is a Terraform state file, not a plan/);
  });

  it('posts the sticky comment with --pr, --repo and a token, like the action', async () => {
    const server = await startGitHubServer();
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const saved = { api: process.env.GITHUB_API_URL, unit: process.env.DCP_GITHUB_RETRY_UNIT_MS };
    process.env.GITHUB_API_URL = server.url;
    process.env.DCP_GITHUB_RETRY_UNIT_MS = '5';
    try {
      const file = join(dir, 'post.json');
      writeFileSync(file, syntheticPlan({ creates: 1 }));
      const argv = ['--plan-json', file, '--environment', 'dev', '--pr', '7', '--repo', 'octo/infra', '--github-token', 'ghp_local'];
      expect((await cli(argv)).code).toBe(0);
      expect((await cli(argv)).code).toBe(0);
      expect(server.state.commentsOn('octo/infra', 7)).toHaveLength(1);
      expect(server.state.count('issues/update-comment')).toBe(0);
    } finally {
      process.env.GITHUB_API_URL = saved.api;
      process.env.DCP_GITHUB_RETRY_UNIT_MS = saved.unit;
      if (saved.api === undefined) delete process.env.GITHUB_API_URL;
      if (saved.unit === undefined) delete process.env.DCP_GITHUB_RETRY_UNIT_MS;
      await server.close();
    }
  });

  it('refuses --pr that is not a number', async () => {
    await expect(cli(['--plan-json', join(dir, 'x.json'), '--pr', 'abc'])).rejects.toThrow('Flag --pr was "abc"; expected a pull request number.');
  });
});
