/**
 * The GitHub context of a run, read from the standard GITHUB_* variables and the event payload the runner
 * writes to GITHUB_EVENT_PATH. We read it ourselves instead of @actions/github's `context`, which parses the
 * payload at import time and would pull Octokit into the cold start of runs that never call GitHub.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';

export interface PullRequestRef {
  number: number;
  /** The commit the PR's head points at (GITHUB_SHA is the test-merge commit on pull_request events). */
  headSha?: string;
  /** The head repository is not the base repository: the token is read-only, comments will be refused. */
  fromFork: boolean;
}

export interface GitHubContext {
  owner: string;
  repo: string;
  eventName: string;
  sha: string;
  serverUrl: string;
  apiUrl: string;
  runId: string;
  /** Link to the workflow run, when the runner told us enough to build it. */
  runUrl?: string;
  /** The PR this run is about; undefined for push, workflow_dispatch, schedule, … */
  pullRequest?: PullRequestRef;
}

interface EventPayload {
  pull_request?: { number?: number; head?: { sha?: string; repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } };
  issue?: { number?: number; pull_request?: unknown };
  number?: number;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

export function readGitHubContext(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): GitHubContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const runId = env.GITHUB_RUN_ID ?? '';
  const payload = readPayload(env.GITHUB_EVENT_PATH, readFile);
  return {
    owner,
    repo,
    eventName,
    sha: env.GITHUB_SHA ?? '',
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runId,
    runUrl: owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    pullRequest: pullRequestOf(eventName, payload),
  };
}

function readPayload(path: string | undefined, readFile: (path: string) => string): EventPayload {
  if (!path) return {};
  let text: string;
  try {
    text = readFile(path);
  } catch {
    return {}; // Outside a runner (the CLI, local runs) there is no event; that is not an error.
  }
  try {
    return JSON.parse(text) as EventPayload;
  } catch (error) {
    throw new UserError(`The event payload at GITHUB_EVENT_PATH (${path}) is not JSON: ${(error as Error).message}`);
  }
}

function pullRequestOf(eventName: string, payload: EventPayload): PullRequestRef | undefined {
  if (PR_EVENTS.has(eventName) && payload.pull_request?.number) {
    const head = payload.pull_request.head?.repo?.full_name;
    const base = payload.pull_request.base?.repo?.full_name;
    return {
      number: payload.pull_request.number,
      headSha: payload.pull_request.head?.sha,
      fromFork: Boolean(head && base && head !== base),
    };
  }
  // A comment on a PR arrives as issue_comment with issue.pull_request set; on a plain issue it has none.
  if (eventName === 'issue_comment' && payload.issue?.pull_request && payload.issue.number) {
    return { number: payload.issue.number, fromFork: false };
  }
  return undefined;
}
