import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient, findMergedPullRequest, syncPlanLabels, type GitHubClient } from '../../src/github/index.js';
import { seedPullRequest, startGitHubServer, type GitHubServer } from '../servers/github.js';

let server: GitHubServer;
let client: GitHubClient;
beforeEach(async () => {
  server = await startGitHubServer();
  client = createGitHubClient({ token: 'ghs_test', apiUrl: server.url, retryUnitMs: 1 });
});
afterEach(() => server.close());

const target = { owner: 'Codertocat', repo: 'Hello-World', issueNumber: 2 };

describe('plan labels', () => {
  it('swaps the stale label of the same environment and keeps other labels', async () => {
    server.state.labelsOf('Codertocat/Hello-World', 2).push('bug', 'terraform:dev:no-changes', 'terraform:prod:changes');
    const result = await syncPlanLabels(client, { ...target, environment: 'dev', state: 'destroy' });
    expect(result).toEqual({ added: ['terraform:dev:destroy'], removed: ['terraform:dev:no-changes'] });
    expect(server.state.labelsOf('Codertocat/Hello-World', 2)).toEqual(['bug', 'terraform:prod:changes', 'terraform:dev:destroy']);
  });

  it('writes nothing when the right label is already there', async () => {
    server.state.labelsOf('Codertocat/Hello-World', 2).push('terraform:dev:changes');
    await syncPlanLabels(client, { ...target, environment: 'dev', state: 'changes' });
    expect(server.state.requests.map((r) => r.method)).toEqual(['GET']);
  });
});

describe('findMergedPullRequest', () => {
  it('returns the merged PR whose merge commit is the sha', async () => {
    seedPullRequest(server.state, { repo: 'Codertocat/Hello-World', number: 7, mergeCommitSha: 'abc123', headSha: 'def456', merged: false });
    seedPullRequest(server.state, { repo: 'Codertocat/Hello-World', number: 8, mergeCommitSha: 'abc123', headSha: 'fed654' });
    const pr = await findMergedPullRequest(client, { owner: 'Codertocat', repo: 'Hello-World', sha: 'abc123' });
    expect(pr).toMatchObject({ number: 8, headSha: 'fed654', baseRef: 'main', mergeCommitSha: 'abc123' });
  });

  it('returns undefined for a commit pushed without a PR', async () => {
    expect(await findMergedPullRequest(client, { owner: 'Codertocat', repo: 'Hello-World', sha: 'nopr' })).toBeUndefined();
  });
});

describe('the loopback GitHub itself', () => {
  it('answers GET /user for a personal access token and refuses it, as GitHub does, for a ghs_ token', async () => {
    const pat = createGitHubClient({ token: 'ghp_someone', apiUrl: server.url, retryUnitMs: 1 });
    expect((await pat.rest.users.getAuthenticated()).data).toMatchObject({ login: 'Codertocat', type: 'User' });
    await expect(client.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 });
  });

  it('records who posted a comment: the bot for a ghs_ token, the user for any other token', async () => {
    const pat = createGitHubClient({ token: 'ghp_someone', apiUrl: server.url, retryUnitMs: 1 });
    const where = { owner: 'Codertocat', repo: 'Hello-World', issue_number: 2 };
    const byBot = await client.rest.issues.createComment({ ...where, body: 'from the workflow' });
    const byUser = await pat.rest.issues.createComment({ ...where, body: 'from a person' });
    expect(byBot.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    expect(byUser.data.user).toMatchObject({ login: 'Codertocat', type: 'User' });
  });

  it('refuses a body GitHub OpenAPI description does not allow', async () => {
    await expect(
      client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'o', repo: 'r', issue_number: 1, body: 42 as unknown as string }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('answers 404 for a route GitHub does not have', async () => {
    await expect(client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/commentz', { owner: 'o', repo: 'r', issue_number: 1 })).rejects.toMatchObject({
      status: 404,
    });
  });
});
