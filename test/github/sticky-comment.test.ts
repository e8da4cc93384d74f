import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient, editComment, upsertStickyComment, type GitHubClient } from '../../src/github/index.js';
import { ACTIONS_BOT, startGitHubServer, TOKEN_OWNER, type GitHubServer, type GitHubUser } from '../servers/github.js';

const REPO = { owner: 'Codertocat', repo: 'Hello-World', issueNumber: 2 };
const MARKER = '<!-- dc-pipeline:plan env=dev dir=terraform/envs/dev -->';

let server: GitHubServer;
let client: GitHubClient;
const logs: string[] = [];

beforeEach(async () => {
  server = await startGitHubServer();
  client = createGitHubClient({ token: 'ghs_test', apiUrl: server.url, retryUnitMs: 1, log: (m) => logs.push(m) });
});
afterEach(() => server.close());

const post = (body: string, mode: 'update' | 'new' | 'off' = 'update', as: GitHubClient = client) =>
  upsertStickyComment(as, { ...REPO, marker: MARKER, body, mode, relistDelayMs: 1, log: (m) => logs.push(m) });

/** Someone who may comment on the PR (anyone, on a public repository) and pastes our marker. */
const MALLORY: GitHubUser = { login: 'mallory', id: 66_6666, type: 'User' };

describe('sticky plan comments', () => {
  it('creates one comment, then edits it in place and skips the write when the body is unchanged', async () => {
    const first = await post(`${MARKER}\nplan A`);
    const second = await post(`${MARKER}\nplan B`);
    const third = await post(`${MARKER}\nplan B`);
    expect([first.outcome, second.outcome, third.outcome]).toEqual(['created', 'updated', 'unchanged']);
    expect(server.state.comments).toHaveLength(1);
    expect(server.state.comments[0]?.body).toBe(`${MARKER}\nplan B`);
    expect(server.state.count('issues/update-comment')).toBe(1);
    expect(third.id).toBe(first.id);
    expect(third.url).toContain(`#issuecomment-${first.id}`);
  });

  it('finds its comment past the first page of a busy PR', async () => {
    for (let i = 0; i < 250; i++) server.state.addComment('Codertocat/Hello-World', 2, `chatter ${i}`);
    const mine = server.state.addComment('Codertocat/Hello-World', 2, `${MARKER}\nold plan`);
    for (let i = 0; i < 30; i++) server.state.addComment('Codertocat/Hello-World', 2, `more chatter ${i}`);
    const result = await post(`${MARKER}\nnew plan`);
    expect(result).toMatchObject({ outcome: 'updated', id: mine.id });
    expect(server.state.requests.filter((r) => r.operation === 'issues/list-comments').length).toBeGreaterThan(2);
  });

  it('leaves comments of another environment alone', async () => {
    const other = server.state.addComment('Codertocat/Hello-World', 2, '<!-- dc-pipeline:plan env=prod dir=terraform/envs/prod -->\nprod');
    await post(`${MARKER}\ndev`);
    expect(server.state.comments).toHaveLength(2);
    expect(server.state.comments.find((c) => c.id === other.id)?.body).toContain('prod');
  });

  it('in mode new posts a fresh comment and minimizes the older ones of the same key as OUTDATED', async () => {
    const a = await post(`${MARKER}\none`, 'new');
    const b = await post(`${MARKER}\ntwo`, 'new');
    expect(b.minimized).toBe(1);
    expect(server.state.comments.map((c) => [c.id, c.minimized])).toEqual([
      [a.id, 'OUTDATED'],
      [b.id, undefined],
    ]);
  });

  it('in mode off touches nothing', async () => {
    const result = await post(`${MARKER}\nx`, 'off');
    expect(result.outcome).toBe('off');
    expect(server.state.requests).toHaveLength(0);
  });

  it('never posts twice when GitHub stored the comment but answered 502', async () => {
    server.inject({ operation: 'issues/create-comment', status: 502, afterProcessing: true });
    const result = await post(`${MARKER}\nplan`);
    expect(server.state.comments).toHaveLength(1);
    expect(result.id).toBe(server.state.comments[0]?.id);
    expect(server.state.count('issues/create-comment')).toBe(1);
  });

  it('posts again when a 503 came before GitHub stored anything', async () => {
    server.inject({ operation: 'issues/create-comment', status: 503 });
    await post(`${MARKER}\nplan`);
    expect(server.state.comments).toHaveLength(1);
    expect(server.state.count('issues/create-comment')).toBe(2);
  });

  it('waits out a secondary rate limit (403 and 429 with retry-after) and still posts once', async () => {
    server.inject({ operation: 'issues/create-comment', status: 403, retryAfter: 1 });
    server.inject({ operation: 'issues/list-comments', status: 429, retryAfter: 1 });
    await post(`${MARKER}\nplan`);
    expect(server.state.comments).toHaveLength(1);
    expect(logs.some((l) => /rate limit|429/.test(l))).toBe(true);
  });

  it('retries a listing that failed with 500', async () => {
    server.inject({ operation: 'issues/list-comments', status: 500, times: 2 });
    await post(`${MARKER}\nplan`);
    expect(server.state.count('issues/list-comments')).toBe(3);
    expect(server.state.comments).toHaveLength(1);
  });

  it('reports a read-only token as a 403 the caller can recognise', async () => {
    server.setReadOnly(true);
    await expect(post(`${MARKER}\nplan`)).rejects.toMatchObject({ status: 403 });
    expect(server.state.comments).toHaveLength(0);
  });

  it('is refused by GitHub with 422 when the body exceeds 65,536 characters', async () => {
    await expect(post(`${MARKER}\n${'x'.repeat(65_537)}`)).rejects.toMatchObject({ status: 422 });
  });

  it('never edits a comment by someone else that starts with the marker, and posts its own instead', async () => {
    const planted = server.state.addComment('Codertocat/Hello-World', 2, `${MARKER}\nPlan: 0 to add, 0 to change, 0 to destroy.`, MALLORY);
    const result = await post(`${MARKER}\nreal plan`);
    expect(result.outcome).toBe('created');
    expect(server.state.comments.find((c) => c.id === planted.id)).toMatchObject({ body: `${MARKER}\nPlan: 0 to add, 0 to change, 0 to destroy.`, edits: 0 });
    const mine = server.state.comments.find((c) => c.id === result.id);
    expect(mine).toMatchObject({ body: `${MARKER}\nreal plan`, author: ACTIONS_BOT });
    expect(logs.some((l) => l.includes(`Ignoring comment ${planted.id} by mallory`))).toBe(true);

    // The next run edits its own comment, still not the planted one, even though the planted one is older.
    const again = await post(`${MARKER}\nreal plan 2`);
    expect(again).toMatchObject({ outcome: 'updated', id: result.id });
    expect(server.state.comments.find((c) => c.id === planted.id)?.edits).toBe(0);
  });

  it('never adopts a newer comment by someone else that carries the marker, in either mode', async () => {
    const mine = await post(`${MARKER}\nplan 1`);
    const planted = server.state.addComment('Codertocat/Hello-World', 2, `${MARKER}\nfake`, MALLORY);
    expect(await post(`${MARKER}\nplan 2`)).toMatchObject({ outcome: 'updated', id: mine.id });
    const fresh = await post(`${MARKER}\nplan 3`, 'new');
    expect(fresh.minimized).toBe(1);
    expect(server.state.comments.find((c) => c.id === mine.id)?.minimized).toBe('OUTDATED');
    const untouched = server.state.comments.find((c) => c.id === planted.id);
    expect(untouched).toMatchObject({ body: `${MARKER}\nfake`, edits: 0 });
    expect(untouched?.minimized).toBeUndefined();
  });

  it('ignores a comment that only quotes the marker after other text', async () => {
    const quoted = server.state.addComment('Codertocat/Hello-World', 2, `Why does the bot write \`${MARKER}\`?`);
    expect((await post(`${MARKER}\nplan`)).outcome).toBe('created');
    expect(server.state.comments.find((c) => c.id === quoted.id)?.edits).toBe(0);
  });

  it('does not ask GET /user when every marked comment is by a bot (the GITHUB_TOKEN case)', async () => {
    await post(`${MARKER}\nplan 1`);
    await post(`${MARKER}\nplan 2`);
    server.state.addComment('Codertocat/Hello-World', 2, 'a plain human comment', MALLORY);
    await post(`${MARKER}\nplan 3`);
    expect(server.state.count('users/get-authenticated')).toBe(0);
  });

  it('with a GITHUB_TOKEN (no user behind it: GET /user is 403) treats marked comments by people as not ours', async () => {
    server.state.addComment('Codertocat/Hello-World', 2, `${MARKER}\nfake`, TOKEN_OWNER);
    expect((await post(`${MARKER}\nplan`)).outcome).toBe('created');
    expect(server.state.count('users/get-authenticated')).toBe(1);
    expect(server.state.comments).toHaveLength(2);
  });

  describe('with a personal access token', () => {
    const DEPLOYER: GitHubUser = { login: 'deploy-robot', id: 4242, type: 'User' };
    let pat: GitHubClient;
    beforeEach(() => {
      server.state.tokenUsers.set('ghp_deployer', DEPLOYER);
      pat = createGitHubClient({ token: 'ghp_deployer', apiUrl: server.url, retryUnitMs: 1 });
    });

    it('keeps editing its own comment, found through GET /user, and leaves a planted one alone', async () => {
      const planted = server.state.addComment('Codertocat/Hello-World', 2, `${MARKER}\nfake`, MALLORY);
      const first = await post(`${MARKER}\nplan 1`, 'update', pat);
      expect(first.outcome).toBe('created');
      expect(server.state.comments.find((c) => c.id === first.id)?.author).toEqual(DEPLOYER);
      const second = await post(`${MARKER}\nplan 2`, 'update', pat);
      expect(second).toMatchObject({ outcome: 'updated', id: first.id });
      expect(server.state.comments.find((c) => c.id === planted.id)).toMatchObject({ body: `${MARKER}\nfake`, edits: 0 });
      // Asked once per listing, not once per comment.
      expect(server.state.count('users/get-authenticated')).toBe(2);
    });

    it('still adopts the comments an earlier run posted with the GITHUB_TOKEN (by the bot)', async () => {
      const byBot = await post(`${MARKER}\nplan 1`);
      expect(await post(`${MARKER}\nplan 2`, 'update', pat)).toMatchObject({ outcome: 'updated', id: byBot.id });
    });
  });

  it('edits a known comment by id and skips the write when the body is the same (the apply status)', async () => {
    const c = server.state.addComment('Codertocat/Hello-World', 2, `${MARKER}\nplan`);
    const target = { owner: 'Codertocat', repo: 'Hello-World', commentId: c.id };
    expect((await editComment(client, { ...target, body: `${MARKER}\nplan\napplied` })).outcome).toBe('updated');
    expect((await editComment(client, { ...target, body: `${MARKER}\nplan\napplied` })).outcome).toBe('unchanged');
    expect(server.state.comments[0]).toMatchObject({ body: `${MARKER}\nplan\napplied`, edits: 1 });
  });
});
