import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 254821;
export const ids = [254821];
export const modules = {

/***/ 448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMMENT_MODES: () => (/* reexport */ COMMENT_MODES),
  createGitHubClient: () => (/* reexport */ createGitHubClient),
  createGitHubClientFromEnv: () => (/* reexport */ createGitHubClientFromEnv),
  editComment: () => (/* reexport */ editComment),
  findMergedPullRequest: () => (/* reexport */ findMergedPullRequest),
  isAmbiguousFailure: () => (/* reexport */ isAmbiguousFailure),
  isPermissionDenied: () => (/* reexport */ isPermissionDenied),
  listMarkedComments: () => (/* reexport */ listMarkedComments),
  minimizeAsOutdated: () => (/* reexport */ minimizeAsOutdated),
  planLabel: () => (/* reexport */ planLabel),
  readGitHubContext: () => (/* reexport */ context/* readGitHubContext */.L),
  retryUnitMsFromEnv: () => (/* reexport */ retryUnitMsFromEnv),
  statusOf: () => (/* reexport */ statusOf),
  syncPlanLabels: () => (/* reexport */ syncPlanLabels),
  upsertStickyComment: () => (/* reexport */ upsertStickyComment)
});

// EXTERNAL MODULE: ./node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(2203);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(3228);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-node/index.js
var dist_node = __webpack_require__(3450);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-node/index.js
var plugin_throttling_dist_node = __webpack_require__(4759);
;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The only place an Octokit is built. @actions/github gives the REST methods and pagination; we add
 * plugin-retry (5xx and network errors, exponential backoff) and plugin-throttling (403/429 secondary rate
 * limits, honouring `retry-after`). GITHUB_API_URL decides where requests go (GHES, or a loopback server in tests).
 *
 * POSTs that create things are NOT retried blindly by callers: see sticky-comment.ts, which re-lists before
 * posting again so a 5xx after GitHub already stored the comment never yields a duplicate.
 */




const DEFAULT_RETRIES = 4;
function createGitHubClient(options) {
    const retries = options.retries ?? DEFAULT_RETRIES;
    const unit = options.retryUnitMs ?? 1000;
    const log = options.log ?? (() => undefined);
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= retries) {
            log(`GitHub ${kind} rate limit on ${request.method} ${request.url}; giving up after ${retryCount} retries.`);
            return false;
        }
        log(`GitHub ${kind} rate limit on ${request.method} ${request.url}; retrying after ${retryAfter}s.`);
        return true;
    };
    const client = (0,github.getOctokit)(options.token, {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'dc-pipeline-actions',
        // 429 is left to honourRetryAfterOn429 below: plugin-retry would back off without reading retry-after.
        retry: { retries, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: {
            retryAfterBaseValue: unit,
            fallbackSecondaryRateRetryAfter: 60,
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            ...spacing(unit),
        },
        // Octokit's default logger prints request warnings to the console; route them through our log.
        log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    }, dist_node.retry, plugin_throttling_dist_node.throttling);
    honourRetryAfterOn429(client, retries, unit, log);
    return client;
}
/**
 * plugin-throttling spaces writes 1 s apart and notification-triggering POSTs 3 s apart, in limiter groups
 * shared by every client of the process. GitHub asks for that pacing, so production keeps it; with a shorter
 * unit (tests) the spacing shrinks with it, in groups of this client's own.
 */
function spacing(unit) {
    if (unit === 1000)
        return {};
    const group = (minTime, maxConcurrent = 1) => new (lib_default()).Group({ maxConcurrent, minTime });
    return { global: group(0, 10), write: group(unit), notifications: group(3 * unit), search: group(2 * unit) };
}
/**
 * plugin-throttling 8.x only recognises secondary limits sent as 403; GitHub also sends them as 429 with a
 * `retry-after`. A 429 means the request was refused, not processed, so retrying is safe even for a POST.
 */
function honourRetryAfterOn429(client, retries, unit, log) {
    client.hook.wrap('request', async (request, options) => {
        for (let attempt = 0;; attempt++) {
            try {
                return await request(options);
            }
            catch (error) {
                const status = error.status;
                if (status !== 429 || attempt >= retries)
                    throw error;
                const headers = error.response?.headers;
                const after = Number(headers?.['retry-after']) || 2 ** attempt;
                log(`GitHub answered 429 to ${options.method} ${options.url}; retrying after ${after}s.`);
                await new Promise((resolve) => setTimeout(resolve, after * unit));
            }
        }
    });
}
/** The client the actions use: token from the input, endpoint from GITHUB_API_URL. */
function createGitHubClientFromEnv(token, env, log) {
    return createGitHubClient({
        token,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        retryUnitMs: retryUnitMsFromEnv(env),
        log,
    });
}
/**
 * Milliseconds per second of GitHub back-off. 1000 normally; DCP_GITHUB_RETRY_UNIT_MS shortens it so the
 * end-to-end tests can exercise `retry-after` against a loopback server without waiting whole seconds.
 */
function retryUnitMsFromEnv(env) {
    const unit = Number(env.DCP_GITHUB_RETRY_UNIT_MS);
    return Number.isFinite(unit) && unit > 0 ? unit : 1000;
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
;// CONCATENATED MODULE: ./src/github/errors.ts
/** Reading Octokit's RequestError without importing it (keeps this module free of Octokit at load time). */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/**
 * The token may not write here: a fork PR's read-only GITHUB_TOKEN, or missing `pull-requests: write`.
 * GitHub answers 403 "Resource not accessible by integration" (rate limits are also 403, but the throttling
 * plugin retries those and their message names the rate limit).
 */
function isPermissionDenied(error) {
    if (statusOf(error) !== 403)
        return false;
    return !/rate limit/i.test(error.message ?? '');
}
/** The request may or may not have been processed: a 5xx, or the connection died before an answer. */
function isAmbiguousFailure(error) {
    const status = statusOf(error);
    return status === undefined || status >= 500;
}
/** "Failed to <what>: <message>" — the request context GitHub's own message lacks. */
function withContext(what, error) {
    const message = error instanceof Error ? error.message : String(error);
    const wrapped = new Error(`Failed to ${what}: ${message}`, { cause: error });
    wrapped.status = statusOf(error);
    return wrapped;
}

;// CONCATENATED MODULE: ./src/github/sticky-comment.ts

const COMMENT_MODES = ['update', 'new', 'off'];
async function upsertStickyComment(client, req) {
    if (req.mode === 'off')
        return { outcome: 'off', minimized: 0 };
    const existing = await listMarkedComments(client, req);
    if (req.mode === 'update') {
        const newest = existing.at(-1);
        if (newest && newest.body === req.body)
            return { outcome: 'unchanged', id: newest.id, url: newest.html_url, minimized: 0 };
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
async function listMarkedComments(client, req) {
    const marked = [];
    try {
        const pages = client.paginate.iterator(client.rest.issues.listComments, {
            owner: req.owner,
            repo: req.repo,
            issue_number: req.issueNumber,
            per_page: 100,
        });
        for await (const page of pages) {
            for (const c of page.data)
                if (c.body?.startsWith(req.marker))
                    marked.push(c);
        }
    }
    catch (error) {
        throw withContext(`list the comments of ${req.owner}/${req.repo}#${req.issueNumber}`, error);
    }
    const ours = [];
    const isOurs = authorshipCheck(client);
    for (const c of marked) {
        if (await isOurs(c))
            ours.push(c);
        else
            req.log?.(`Ignoring comment ${c.id} by ${c.user?.login ?? 'a deleted account'}: it carries the plan marker but was not written by this token.`);
    }
    return ours;
}
/**
 * Whether this token wrote a comment. GET /user is asked at most once, and only when a marked comment by a
 * person turns up (never for the usual GITHUB_TOKEN run, whose comments are all by the bot).
 */
function authorshipCheck(client) {
    let ownLogin;
    return async (comment) => {
        const author = comment.user;
        if (!author)
            return false;
        if (author.type === 'Bot')
            return true;
        ownLogin ??= tokenLogin(client);
        return (await ownLogin) === author.login;
    };
}
/** The login of the user behind the token; undefined for tokens without one (GitHub answers 403 or 404). */
async function tokenLogin(client) {
    try {
        return (await client.rest.users.getAuthenticated()).data.login;
    }
    catch (error) {
        // A rate-limited 403 is not an answer about the token: it is thrown, not read as "no user".
        if (statusOf(error) === 404 || isPermissionDenied(error))
            return undefined;
        throw withContext('read which user the token belongs to (GET /user)', error);
    }
}
async function updateComment(client, req, id) {
    try {
        // A PATCH with the same body is idempotent, so plugin-retry may repeat it freely.
        const res = await client.rest.issues.updateComment({ owner: req.owner, repo: req.repo, comment_id: id, body: req.body });
        return res.data;
    }
    catch (error) {
        throw withContext(`update comment ${id} on ${req.owner}/${req.repo}#${req.issueNumber}`, error);
    }
}
/**
 * Replace the body of a known comment (the apply side writes its status into the plan comment this way).
 * Returns 'unchanged' without writing when the body is already the same.
 */
async function editComment(client, target) {
    const where = `comment ${target.commentId} in ${target.owner}/${target.repo}`;
    let current;
    try {
        current = (await client.rest.issues.getComment({ owner: target.owner, repo: target.repo, comment_id: target.commentId })).data;
    }
    catch (error) {
        throw withContext(`read ${where}`, error);
    }
    if (current.body === target.body)
        return { outcome: 'unchanged', url: current.html_url };
    try {
        const res = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: target.commentId, body: target.body });
        return { outcome: 'updated', url: res.data.html_url };
    }
    catch (error) {
        throw withContext(`update ${where}`, error);
    }
}
async function createCommentOnce(client, req, known) {
    const attempts = req.postAttempts ?? 4;
    for (let attempt = 1;; attempt++) {
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
        }
        catch (error) {
            if (!isAmbiguousFailure(error) || attempt >= attempts) {
                throw withContext(`comment on ${req.owner}/${req.repo}#${req.issueNumber}`, error);
            }
            req.log?.(`Posting the comment failed ambiguously (${error.message}); checking whether GitHub stored it.`);
            await new Promise((resolve) => setTimeout(resolve, (req.relistDelayMs ?? 1000) * attempt));
            const appeared = (await listMarkedComments(client, req)).filter((c) => !known.has(c.id)).at(-1);
            if (appeared) {
                if (appeared.body === req.body)
                    return appeared;
                return updateComment(client, req, appeared.id);
            }
        }
    }
}
const MINIMIZE = `mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } } }`;
async function minimizeAsOutdated(client, nodeId) {
    try {
        await client.graphql(MINIMIZE, { id: nodeId });
    }
    catch (error) {
        throw withContext(`minimize comment ${nodeId}`, error);
    }
}

;// CONCATENATED MODULE: ./src/github/labels.ts

const STATES = ['changes', 'destroy', 'no-changes'];
function planLabel(environment, state) {
    return `terraform:${environment}:${state}`;
}
async function syncPlanLabels(client, target) {
    const { owner, repo, issueNumber } = target;
    const where = `${owner}/${repo}#${issueNumber}`;
    const wanted = target.state ? planLabel(target.environment, target.state) : undefined;
    const ours = new Set(STATES.map((s) => planLabel(target.environment, s)));
    let current;
    try {
        const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, { owner, repo, issue_number: issueNumber, per_page: 100 });
        current = labels.map((l) => l.name);
    }
    catch (error) {
        throw withContext(`list the labels of ${where}`, error);
    }
    const result = { added: [], removed: [] };
    for (const name of current) {
        if (!ours.has(name) || name === wanted)
            continue;
        try {
            await client.rest.issues.removeLabel({ owner, repo, issue_number: issueNumber, name });
            result.removed.push(name);
        }
        catch (error) {
            // Someone removed it between our list and our delete: the goal is reached.
            if (statusOf(error) !== 404)
                throw withContext(`remove label "${name}" from ${where}`, error);
        }
    }
    if (wanted && !current.includes(wanted)) {
        try {
            await client.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels: [wanted] });
            result.added.push(wanted);
        }
        catch (error) {
            throw withContext(`add label "${wanted}" to ${where}`, error);
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/github/pulls.ts

/**
 * The merged PR whose merge commit is `sha` (GET /repos/{owner}/{repo}/commits/{sha}/pulls). Prefers the PR
 * whose merge_commit_sha is exactly `sha`, then any merged PR containing it; undefined for a direct push.
 */
async function findMergedPullRequest(client, target) {
    let pulls;
    try {
        pulls = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, {
            owner: target.owner,
            repo: target.repo,
            commit_sha: target.sha,
            per_page: 100,
        });
    }
    catch (error) {
        throw withContext(`find the pull request of commit ${target.sha} in ${target.owner}/${target.repo}`, error);
    }
    const merged = pulls.filter((p) => p.merged_at);
    const pick = merged.find((p) => p.merge_commit_sha === target.sha) ?? merged[0];
    if (!pick)
        return undefined;
    return {
        number: pick.number,
        title: pick.title,
        url: pick.html_url,
        headSha: pick.head.sha,
        baseRef: pick.base.ref,
        mergeCommitSha: pick.merge_commit_sha ?? null,
    };
}

;// CONCATENATED MODULE: ./src/github/index.ts
/**
 * Everything that talks to GitHub. Import this module lazily (`await import('../../github/index.js')`) from
 * code paths that may not need GitHub, so Octokit stays out of their cold start.
 */








/***/ })

};
