import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient, editComment, upsertStickyComment, type GitHubClient } from '../../src/github/index.js';
import { startGitHubServer, type GitHubServer } from '../servers/github.js';

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

const post = (body: string, mode: 'update' | 'new' | 'off' = 'update') =>
  upsertStickyComment(client, { ...REPO, marker: MARKER, body, mode, relistDelayMs: 1 });

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

  it('edits a known comment by id and skips the write when the body is the same (the apply status)', async () => {
    const c = server.state.addComment('Codertocat/Hello-World', 2, `${MARKER}\nplan`);
    const target = { owner: 'Codertocat', repo: 'Hello-World', commentId: c.id };
    expect((await editComment(client, { ...target, body: `${MARKER}\nplan\napplied` })).outcome).toBe('updated');
    expect((await editComment(client, { ...target, body: `${MARKER}\nplan\napplied` })).outcome).toBe('unchanged');
    expect(server.state.comments[0]).toMatchObject({ body: `${MARKER}\nplan\napplied`, edits: 1 });
  });
});
