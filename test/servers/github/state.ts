/** What the loopback GitHub remembers: comments, labels, PRs of commits, and every request it saw. */

/** An account as GitHub's `simple-user` shows it on a comment. */
export interface GitHubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** Who a repository's GITHUB_TOKEN (and any `ghs_` installation token here) acts as. */
export const ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
/** Who any other token (a personal access token: ghp_, github_pat_, …) acts as, unless registered otherwise. */
export const TOKEN_OWNER: GitHubUser = { login: 'Codertocat', id: 21031067, type: 'User' };

export interface StoredComment {
  id: number;
  nodeId: string;
  /** owner/repo */
  repo: string;
  issueNumber: number;
  body: string;
  /** Who posted it: the identity of the token that created it, or the author a test seeded it as. */
  author: GitHubUser;
  createdAt: string;
  updatedAt: string;
  /** How many times it was edited (PATCH). */
  edits: number;
  /** The classifier it was minimized with, if any. */
  minimized?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  /** The OpenAPI operationId it matched, 'graphql', or '' when refused before matching. */
  operation: string;
  body: unknown;
}

export interface GitHubServerState {
  comments: StoredComment[];
  labels: Map<string, string[]>;
  /** `${owner}/${repo}@${sha}` → pull request objects as GET /commits/{sha}/pulls returns them. */
  commitPulls: Map<string, unknown[]>;
  requests: RecordedRequest[];
  readOnly: boolean;
  /** Personal access tokens and the users they act as (tokens not listed act as TOKEN_OWNER). */
  tokenUsers: Map<string, GitHubUser>;
  /** Who `token` acts as: `ghs_` tokens are the Actions bot (GitHub App installation tokens), others a user. */
  identityOf(token: string): GitHubUser;
  /** Seed a comment; its author defaults to the Actions bot, as if an earlier run of the toolkit posted it. */
  addComment(repo: string, issueNumber: number, body: string, author?: GitHubUser): StoredComment;
  commentsOn(repo: string, issueNumber: number): StoredComment[];
  labelsOf(repo: string, issueNumber: number): string[];
  /** Requests that matched an operation, e.g. count('issues/create-comment'). */
  count(operation: string): number;
  /** A deterministic clock: each write moves it one second. */
  tick(): string;
}

export function createState(): GitHubServerState {
  let nextId = 1_000_000;
  let clock = Date.UTC(2026, 0, 1);
  const state: GitHubServerState = {
    comments: [],
    labels: new Map(),
    commitPulls: new Map(),
    requests: [],
    readOnly: false,
    tokenUsers: new Map(),
    identityOf: (token) => (token.startsWith('ghs_') ? ACTIONS_BOT : (state.tokenUsers.get(token) ?? TOKEN_OWNER)),
    addComment(repo, issueNumber, body, author = ACTIONS_BOT) {
      const id = nextId++;
      const now = state.tick();
      const c: StoredComment = {
        id,
        nodeId: `IC_kwDO${Buffer.from(String(id)).toString('base64url')}`,
        repo,
        issueNumber,
        body,
        author,
        createdAt: now,
        updatedAt: now,
        edits: 0,
      };
      state.comments.push(c);
      return c;
    },
    commentsOn: (repo, issueNumber) => state.comments.filter((c) => c.repo === repo && c.issueNumber === issueNumber),
    labelsOf(repo, issueNumber) {
      const key = `${repo}#${issueNumber}`;
      let list = state.labels.get(key);
      if (!list) state.labels.set(key, (list = []));
      return list;
    },
    count: (operation) => state.requests.filter((r) => r.operation === operation).length,
    tick() {
      clock += 1000;
      return new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
    },
  };
  return state;
}

/** Register a merged PR for GET /repos/{owner}/{repo}/commits/{sha}/pulls (the apply side's lookup). */
export function seedPullRequest(
  state: GitHubServerState,
  pr: { repo: string; number: number; mergeCommitSha: string; headSha: string; baseRef?: string; title?: string; merged?: boolean },
): void {
  const key = `${pr.repo}@${pr.mergeCommitSha}`;
  const list = state.commitPulls.get(key) ?? [];
  list.push({
    id: pr.number * 10,
    number: pr.number,
    state: pr.merged === false ? 'open' : 'closed',
    title: pr.title ?? `PR ${pr.number}`,
    html_url: `https://github.com/${pr.repo}/pull/${pr.number}`,
    merged_at: pr.merged === false ? null : '2026-01-01T00:00:00Z',
    merge_commit_sha: pr.mergeCommitSha,
    head: { sha: pr.headSha, ref: `feature-${pr.number}` },
    base: { ref: pr.baseRef ?? 'main' },
  });
  state.commitPulls.set(key, list);
}
