/**
 * One comment per key (environment + working directory) per PR, found by a hidden marker at the start of its
 * body AND written by this token's identity. Anyone may comment on a PR and paste the marker; such a comment
 * is never ours: editing it would put the plan under their name (to be edited into a fake plan later), and
 * minimizing it would hide their words. Ours means: a bot author (GITHUB_TOKEN acts as github-actions[bot],
 * a GitHub App token as <slug>[bot]; a person cannot post as a bot), or, for a personal access token, the
 * login GET /user returns for it.
 *
 * - `update`: edit the newest marked comment in place; write nothing when the body is already the same.
 * - `new`: post a fresh comment, then minimize the older marked ones as OUTDATED (GraphQL minimizeComment).
 * - `off`: touch nothing.
 *
 * A comment is never posted twice: a POST that fails ambiguously (5xx, dropped connection) may have been
 * stored by GitHub, so before posting again we list the comments and adopt the one that appeared.
 */
import type { GitHubClient } from './client.js';
import { isAmbiguousFailure, isPermissionDenied, statusOf, withContext } from './errors.js';

export type CommentMode = 'update' | 'new' | 'off';
export const COMMENT_MODES: readonly CommentMode[] = ['update', 'new', 'off'];

export interface StickyCommentRequest {
  owner: string;
  repo: string;
  issueNumber: number;
  /** The string our comments of this key start with (the hidden marker of src/comment/marker.ts). */
  marker: string;
  body: string;
  mode: CommentMode;
  log?: (message: string) => void;
  /** How many times an ambiguous POST is re-checked and re-sent. */
  postAttempts?: number;
  /** Pause before re-listing after an ambiguous POST (ms). */
  relistDelayMs?: number;
}

export interface StickyCommentResult {
  outcome: 'created' | 'updated' | 'unchanged' | 'off';
  id?: number;
  url?: string;
  /** Older comments of the same key minimized (mode `new`). */
  minimized: number;
}

export interface IssueComment {
  id: number;
  node_id: string;
  body?: string;
  html_url: string;
  user?: { login: string; type?: string } | null;
}

export async function upsertStickyComment(client: GitHubClient, req: StickyCommentRequest): Promise<StickyCommentResult> {
  if (req.mode === 'off') return { outcome: 'off', minimized: 0 };
  const existing = await listMarkedComments(client, req);
  if (req.mode === 'update') {
    const newest = existing.at(-1);
    if (newest && newest.body === req.body) return { outcome: 'unchanged', id: newest.id, url: newest.html_url, minimized: 0 };
    if (newest) {
      const updated = await updateComment(client, req, newest.id);
      return { outcome: 'updated', id: updated.id, url: updated.html_url, minimized: 0 };
    }
  }
  const created = await createCommentOnce(client, req, new Set(existing.map((c) => c.id)));
  let minimized = 0;
  if (req.mode === 'new') {
    for (const old of existing) {
      await minimizeAsOutdated(client, old.node_id);
      minimized++;
    }
  }
  return { outcome: 'created', id: created.id, url: created.html_url, minimized };
}

/**
 * Our comments of this key on the issue, oldest first (all pages): those that start with the marker and were
 * written by the token's identity. Marked comments by anyone else are left out (and logged), so they are never
 * edited or minimized.
 */
export async function listMarkedComments(
  client: GitHubClient,
  req: Pick<StickyCommentRequest, 'owner' | 'repo' | 'issueNumber' | 'marker' | 'log'>,
): Promise<IssueComment[]> {
  const marked: IssueComment[] = [];
  try {
    const pages = client.paginate.iterator(client.rest.issues.listComments, {
      owner: req.owner,
      repo: req.repo,
      issue_number: req.issueNumber,
      per_page: 100,
    });
    for await (const page of pages) {
      for (const c of page.data) if (c.body?.startsWith(req.marker)) marked.push(c);
    }
  } catch (error) {
    throw withContext(`list the comments of ${req.owner}/${req.repo}#${req.issueNumber}`, error);
  }
  const ours: IssueComment[] = [];
  const isOurs = authorshipCheck(client);
  for (const c of marked) {
    if (await isOurs(c)) ours.push(c);
    else req.log?.(`Ignoring comment ${c.id} by ${c.user?.login ?? 'a deleted account'}: it carries the plan marker but was not written by this token.`);
  }
  return ours;
}

/**
 * Whether this token wrote a comment. GET /user is asked at most once, and only when a marked comment by a
 * person turns up (never for the usual GITHUB_TOKEN run, whose comments are all by the bot).
 */
function authorshipCheck(client: GitHubClient): (comment: IssueComment) => Promise<boolean> {
  let ownLogin: Promise<string | undefined> | undefined;
  return async (comment) => {
    const author = comment.user;
    if (!author) return false;
    if (author.type === 'Bot') return true;
    ownLogin ??= tokenLogin(client);
    return (await ownLogin) === author.login;
  };
}

/** The login of the user behind the token; undefined for tokens without one (GitHub answers 403 or 404). */
async function tokenLogin(client: GitHubClient): Promise<string | undefined> {
  try {
    return (await client.rest.users.getAuthenticated()).data.login;
  } catch (error) {
    // A rate-limited 403 is not an answer about the token: it is thrown, not read as "no user".
    if (statusOf(error) === 404 || isPermissionDenied(error)) return undefined;
    throw withContext('read which user the token belongs to (GET /user)', error);
  }
}

async function updateComment(client: GitHubClient, req: StickyCommentRequest, id: number): Promise<IssueComment> {
  try {
    // A PATCH with the same body is idempotent, so plugin-retry may repeat it freely.
    const res = await client.rest.issues.updateComment({ owner: req.owner, repo: req.repo, comment_id: id, body: req.body });
    return res.data;
  } catch (error) {
    throw withContext(`update comment ${id} on ${req.owner}/${req.repo}#${req.issueNumber}`, error);
  }
}

/**
 * Replace the body of a known comment (the apply side writes its status into the plan comment this way).
 * Returns 'unchanged' without writing when the body is already the same.
 */
export async function editComment(
  client: GitHubClient,
  target: { owner: string; repo: string; commentId: number; body: string },
): Promise<{ outcome: 'updated' | 'unchanged'; url: string }> {
  const where = `comment ${target.commentId} in ${target.owner}/${target.repo}`;
  let current: IssueComment;
  try {
    current = (await client.rest.issues.getComment({ owner: target.owner, repo: target.repo, comment_id: target.commentId })).data;
  } catch (error) {
    throw withContext(`read ${where}`, error);
  }
  if (current.body === target.body) return { outcome: 'unchanged', url: current.html_url };
  try {
    const res = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: target.commentId, body: target.body });
    return { outcome: 'updated', url: res.data.html_url };
  } catch (error) {
    throw withContext(`update ${where}`, error);
  }
}

async function createCommentOnce(client: GitHubClient, req: StickyCommentRequest, known: Set<number>): Promise<IssueComment> {
  const attempts = req.postAttempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await client.rest.issues.createComment({
        owner: req.owner,
        repo: req.repo,
        issue_number: req.issueNumber,
        body: req.body,
        // No blind retry of a POST: see createCommentOnce's loop, which checks before sending again.
        request: { retries: 0 },
      });
      return res.data;
    } catch (error) {
      if (!isAmbiguousFailure(error) || attempt >= attempts) {
        throw withContext(`comment on ${req.owner}/${req.repo}#${req.issueNumber}`, error);
      }
      req.log?.(`Posting the comment failed ambiguously (${(error as Error).message}); checking whether GitHub stored it.`);
      await new Promise((resolve) => setTimeout(resolve, (req.relistDelayMs ?? 1000) * attempt));
      const appeared = (await listMarkedComments(client, req)).filter((c) => !known.has(c.id)).at(-1);
      if (appeared) {
        if (appeared.body === req.body) return appeared;
        return updateComment(client, req, appeared.id);
      }
    }
  }
}

const MINIMIZE = `mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } } }`;

export async function minimizeAsOutdated(client: GitHubClient, nodeId: string): Promise<void> {
  try {
    await client.graphql(MINIMIZE, { id: nodeId });
  } catch (error) {
    throw withContext(`minimize comment ${nodeId}`, error);
  }
}
