import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readGitHubContext } from '../../src/github/context.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: { action?: string }[] }[];
const payload = (name: string, action?: string) =>
  JSON.stringify(examples.find((e) => e.name === name)?.examples.find((x) => action === undefined || x.action === action));

function contextFor(eventName: string, body: string | undefined) {
  return readGitHubContext(
    {
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: '/event.json',
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: 'abc',
    },
    () => {
      if (body === undefined) throw new Error('ENOENT');
      return body;
    },
  );
}

describe('readGitHubContext', () => {
  it('finds the PR of a pull_request event', () => {
    const ctx = contextFor('pull_request', payload('pull_request', 'opened'));
    expect(ctx.pullRequest).toEqual({ number: 2, fromFork: false, headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' });
    expect(ctx.runUrl).toBe('https://github.com/Codertocat/Hello-World/actions/runs/42');
  });

  it('has no PR for push and workflow_dispatch', () => {
    expect(contextFor('push', payload('push')).pullRequest).toBeUndefined();
    expect(contextFor('workflow_dispatch', payload('workflow_dispatch')).pullRequest).toBeUndefined();
  });

  it('ignores an issue_comment on a plain issue', () => {
    expect(contextFor('issue_comment', payload('issue_comment', 'created')).pullRequest).toBeUndefined();
  });

  it('marks a PR from a fork', () => {
    const event = JSON.parse(payload('pull_request', 'opened')) as { pull_request: { head: { repo: { full_name: string } } } };
    event.pull_request.head.repo.full_name = 'someone/Hello-World';
    expect(contextFor('pull_request_target', JSON.stringify(event)).pullRequest).toMatchObject({ number: 2, fromFork: true });
  });

  it('works without an event file (local runs)', () => {
    expect(contextFor('', undefined).pullRequest).toBeUndefined();
  });
});
