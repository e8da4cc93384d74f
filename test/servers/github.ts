/**
 * A loopback GitHub: the REST routes and GraphQL mutation the toolkit uses, held to GitHub's OpenAPI
 * description (unknown routes 404, bodies the description refuses 422) and to GitHub's limits (65,536-character
 * comment bodies, per_page ≤ 100 with Link headers). State lives in memory and is inspectable from tests.
 *
 * Tokens have identities, as on GitHub: a `ghs_` token (GITHUB_TOKEN, App installations) acts as
 * github-actions[bot] and is refused GET /user; any other token acts as a user (TOKEN_OWNER, or whom
 * `state.tokenUsers` names), which GET /user returns. A comment records who posted it.
 *
 * Faults make the unhappy paths real: a 5xx after the request was processed (the reason comments must never
 * be posted blindly twice), 403/429 secondary rate limits with retry-after, and a read-only token (fork PRs).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchRoute, pathExists, type Route } from './github/openapi.js';
import { handleGraphQL } from './github/graphql.js';
import { createState, type GitHubServerState, type GitHubUser, type StoredComment, type RecordedRequest } from './github/state.js';

export type { GitHubServerState, GitHubUser, StoredComment, RecordedRequest } from './github/state.js';
export { ACTIONS_BOT, TOKEN_OWNER, seedPullRequest } from './github/state.js';

export const COMMENT_BODY_LIMIT = 65_536;

export interface Fault {
  /** Which requests: an operationId from the OpenAPI description (e.g. 'issues/create-comment') or 'graphql'. */
  operation: string;
  status: 500 | 502 | 503 | 403 | 429;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Seconds, sent as `retry-after` (secondary rate limits). */
  retryAfter?: number;
  /** Process the request first, then answer with the fault: GitHub stored it, the client does not know. */
  afterProcessing?: boolean;
}

export interface GitHubServer {
  url: string;
  state: GitHubServerState;
  inject(fault: Fault): void;
  /** Every token is read-only from now on: writes answer 403 like a fork PR's GITHUB_TOKEN. */
  setReadOnly(readOnly: boolean): void;
  close(): Promise<void>;
}

const SECONDARY_LIMIT =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';

export async function startGitHubServer(): Promise<GitHubServer> {
  const state = createState();
  const faults: (Fault & { left: number })[] = [];
  let baseUrl = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const auth = req.headers.authorization ?? '';
    const record: RecordedRequest = { method, path: url.pathname, query: url.search, operation: '', body: undefined };
    state.requests.push(record);
    const token = /^(?:token|bearer) (\S+)/i.exec(auth)?.[1];
    if (!token) return send(res, 401, { message: 'Requires authentication' });

    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, { message: 'Problems parsing JSON' });
      }
    }
    record.body = body;

    if (url.pathname === '/graphql' && method === 'POST') {
      record.operation = 'graphql';
      const fault = takeFault('graphql');
      if (fault && !fault.afterProcessing) return sendFault(res, fault);
      const answer = handleGraphQL(state, body);
      if (fault) return sendFault(res, fault);
      return send(res, 200, answer);
    }

    const route = matchRoute(method, url.pathname);
    if (!route) {
      const why = pathExists(url.pathname) ? `no ${method} on this path` : 'no such route';
      return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', why });
    }
    record.operation = route.operationId;
    if (route.validate) {
      if (body === undefined && route.bodyRequired) return send(res, 400, { message: 'Body should be a JSON object' });
      if (body !== undefined && !route.validate(body)) {
        return send(res, 422, { message: 'Invalid request.', errors: route.validate.errors });
      }
    }
    const fault = takeFault(route.operationId);
    if (fault && !fault.afterProcessing) return sendFault(res, fault);
    if (state.readOnly && method !== 'GET') {
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
        status: '403',
      });
    }
    const [status, payload, headers] = operate(route, url, body, state.identityOf(token));
    if (fault) return sendFault(res, fault);
    send(res, status, payload, headers);
  }

  function takeFault(operation: string): (Fault & { left: number }) | undefined {
    const fault = faults.find((f) => f.operation === operation && f.left > 0);
    if (fault) fault.left--;
    return fault;
  }

  function sendFault(res: ServerResponse, fault: Fault): void {
    const headers: Record<string, string> = {};
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    if (fault.status === 403 || fault.status === 429) {
      return send(res, fault.status, { message: SECONDARY_LIMIT, documentation_url: 'https://docs.github.com/rest' }, headers);
    }
    send(res, fault.status, { message: 'Server Error' }, headers);
  }

  type Answer = [number, unknown, Record<string, string>?];

  function operate(route: Route, url: URL, body: unknown, caller: GitHubUser): Answer {
    const p = route.params;
    const repoKey = `${p.owner}/${p.repo}`;
    switch (route.operationId) {
      case 'users/get-authenticated':
        // An installation token (GITHUB_TOKEN) has no user behind it: GitHub refuses GET /user for it.
        if (caller.type === 'Bot') return [403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' }];
        return [200, userJson(caller)];
      case 'issues/list-comments': {
        const all = state.comments.filter((c) => c.repo === repoKey && c.issueNumber === Number(p.issue_number));
        return paginate(url, all.map(commentJson));
      }
      case 'issues/create-comment': {
        const text = (body as { body: string }).body;
        if ([...text].length > COMMENT_BODY_LIMIT) return tooLong();
        const c = state.addComment(repoKey, Number(p.issue_number), text, caller);
        return [201, commentJson(c), { location: `${baseUrl}/repos/${repoKey}/issues/comments/${c.id}` }];
      }
      case 'issues/get-comment':
      case 'issues/update-comment':
      case 'issues/delete-comment': {
        const c = state.comments.find((x) => x.repo === repoKey && x.id === Number(p.comment_id));
        if (!c) return [404, { message: 'Not Found' }];
        if (route.operationId === 'issues/get-comment') return [200, commentJson(c)];
        if (route.operationId === 'issues/delete-comment') {
          state.comments.splice(state.comments.indexOf(c), 1);
          return [204, undefined];
        }
        const text = (body as { body: string }).body;
        if ([...text].length > COMMENT_BODY_LIMIT) return tooLong();
        c.body = text;
        c.updatedAt = state.tick();
        c.edits++;
        return [200, commentJson(c)];
      }
      case 'issues/list-labels-on-issue':
        return paginate(url, state.labelsOf(repoKey, Number(p.issue_number)).map(labelJson));
      case 'issues/add-labels': {
        const names = labelNames(body);
        const labels = state.labelsOf(repoKey, Number(p.issue_number));
        for (const n of names) if (!labels.includes(n)) labels.push(n);
        return [200, labels.map(labelJson)];
      }
      case 'issues/remove-label': {
        const labels = state.labelsOf(repoKey, Number(p.issue_number));
        const i = labels.indexOf(p.name as string);
        if (i === -1) return [404, { message: 'Label does not exist' }];
        labels.splice(i, 1);
        return [200, labels.map(labelJson)];
      }
      case 'repos/list-pull-requests-associated-with-commit':
        return paginate(url, state.commitPulls.get(`${repoKey}@${p.commit_sha}`) ?? []);
      default:
        // GitHub has this route; the loopback server does not implement it. Loud, so a test notices.
        return [501, { message: `loopback GitHub does not implement ${route.operationId}` }];
    }
  }

  function tooLong(): Answer {
    return [
      422,
      {
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long (maximum is 65536 characters)' }],
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '422',
      },
    ];
  }

  function paginate(url: URL, items: unknown[]): Answer {
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number, rel: string) => {
      const u = new URL(url.pathname + url.search, baseUrl);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return [200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {}];
  }

  function commentJson(c: StoredComment) {
    return {
      id: c.id,
      node_id: c.nodeId,
      url: `${baseUrl}/repos/${c.repo}/issues/comments/${c.id}`,
      html_url: `https://github.com/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${baseUrl}/repos/${c.repo}/issues/${c.issueNumber}`,
      body: c.body,
      user: userJson(c.author),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: 'NONE',
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    state,
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    setReadOnly: (readOnly) => (state.readOnly = readOnly),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function userJson(u: GitHubUser) {
  const slug = u.login.replace(/\[bot\]$/, '');
  return {
    login: u.login,
    id: u.id,
    node_id: `${u.type === 'Bot' ? 'BOT' : 'U'}_kgDO${Buffer.from(String(u.id)).toString('base64url')}`,
    type: u.type,
    site_admin: false,
    html_url: u.type === 'Bot' ? `https://github.com/apps/${slug}` : `https://github.com/${u.login}`,
  };
}

function labelNames(body: unknown): string[] {
  const list = Array.isArray(body) ? body : ((body as { labels?: unknown[] } | undefined)?.labels ?? []);
  return list.map((l) => (typeof l === 'string' ? l : String((l as { name: string }).name)));
}

function labelJson(name: string) {
  return { id: name.length, node_id: `LA_${Buffer.from(name).toString('base64url')}`, name, color: 'ededed', default: false };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = payload === undefined ? '' : JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-remaining': '4999',
    ...headers,
  });
  res.end(text);
}
