/**
 * One comment per key (environment + working directory) per PR, found by a hidden marker in its body.
 *
 * - `update`: edit the newest marked comment in place; write nothing when the body is already the same.
 * - `new`: post a fresh comment, then minimize the older marked ones as OUTDATED (GraphQL minimizeComment).
 * - `off`: touch nothing.
 *
 * A comment is never posted twice: a POST that fails ambiguously (5xx, dropped connection) may have been
 * stored by GitHub, so before posting again we list the comments and adopt the one that appeared.
 */
import type { GitHubClient } from './client.js';
import { isAmbiguousFailure, withContext } from './errors.js';

export type CommentMode = 'update' | 'new' | 'off';
export const COMMENT_MODES: readonly CommentMode[] = ['update', 'new', 'off'];

export interface StickyCommentRequest {
  owner: string;
  repo: string;
  issueNumber: number;
  /** A string only our comments of this key contain (the hidden marker of src/comment/marker.ts). */
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

/** Every comment on the issue that carries the marker, oldest first (all pages). */
export async function listMarkedComments(
  client: GitHubClient,
  req: Pick<StickyCommentRequest, 'owner' | 'repo' | 'issueNumber' | 'marker'>,
): Promise<IssueComment[]> {
  const found: IssueComment[] = [];
  try {
    const pages = client.paginate.iterator(client.rest.issues.listComments, {
      owner: req.owner,
      repo: req.repo,
      issue_number: req.issueNumber,
      per_page: 100,
    });
    for await (const page of pages) {
      for (const c of page.data) if (c.body?.includes(req.marker)) found.push(c);
    }
  } catch (error) {
    throw withContext(`list the comments of ${req.owner}/${req.repo}#${req.issueNumber}`, error);
  }
  return found;
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
