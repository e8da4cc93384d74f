import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 574462;
export const ids = [574462];
export const modules = {

/***/ 80964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportOnPlanComment: () => (/* binding */ reportOnPlanComment)
});

;// CONCATENATED MODULE: ./src/comment/markdown.ts
/**
 * Putting untrusted text (addresses, for_each keys, values, messages) into GitHub markdown without letting it
 * become markup. Three containers, each safe by construction rather than by blacklist:
 *
 * - `inlineCode`: a code span whose backtick delimiter is longer than any backtick run inside. Nothing in a
 *   code span is parsed (no HTML, links, emphasis, autolinks), and GitHub never turns `@name` inside code into
 *   a mention. In table cells `|` is written `\|`: GFM splits cells before parsing code spans, and both
 *   cmark-gfm and markdown-it treat every `\|` as an escaped pipe (even after another backslash).
 * - `htmlCode`: `<code>` with HTML escaping, for lines that are raw HTML (a `<summary>`), where markdown is
 *   not parsed at all.
 * - `fence`: a fenced block whose fence is longer than any backtick run in the content.
 *
 * All three turn line breaks and other control characters into visible escapes first: a raw newline would end
 * the container (and a table row, and an HTML block).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
function visibleEscape(ch) {
    switch (ch) {
        case '\n':
            return '\\n';
        case '\r':
            return '\\r';
        case '\t':
            return '\\t';
        default:
            return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
}
/** `text` on one line, control characters shown as escapes. */
function oneLine(text) {
    return text.replace(CONTROL_OR_NEWLINE, visibleEscape);
}
function longestBacktickRun(text) {
    let longest = 0;
    let run = 0;
    for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) === 96) {
            run++;
            if (run > longest)
                longest = run;
        }
        else {
            run = 0;
        }
    }
    return longest;
}
/** What inlineCode has to handle beyond wrapping: control characters, line breaks, backticks, pipes. */
const NEEDS_CARE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029`|]/;
/** A code span holding `text` literally. `inTable` escapes pipes for a GFM table cell. */
function inlineCode(text, inTable = false) {
    // Most addresses are plain (`module.x.aws_s3_bucket.this["logs"]`): one test instead of two replaces and a
    // scan, for every row of a 30,000-resource table. Same result as the general path below, which also handles
    // empty text and the space padding.
    if (text !== '' && text.charCodeAt(0) !== 32 && !NEEDS_CARE.test(text)) {
        return `\`${text}\``;
    }
    let content = oneLine(text);
    if (inTable)
        content = content.replace(/\|/g, '\\|');
    if (content === '')
        return '` `';
    const delimiter = '`'.repeat(longestBacktickRun(content) + 1);
    // CommonMark strips one space from each side when both are there; padding keeps a leading or trailing
    // backtick apart from the delimiter and keeps such spaces in the content.
    const pad = content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '');
    return pad ? `${delimiter} ${content} ${delimiter}` : `${delimiter}${content}${delimiter}`;
}
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
/** What htmlCode has to change: control characters, line breaks and the HTML-special characters. */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029&<>"']/;
/** `<code>` for raw-HTML lines such as a `<summary>`. */
function htmlCode(text) {
    // One test for the addresses that need nothing changed (one per resource of a summary) instead of two replaces.
    if (!NEEDS_ESCAPE.test(text))
        return `<code>${text}</code>`;
    return `<code>${escapeHtml(oneLine(text))}</code>`;
}
/**
 * A fenced code block of `lines` (each already one line; tabs kept). Returns the block's lines, fences
 * included.
 */
function fence(lines, info = '') {
    const clean = lines.map(fenceLine);
    let longest = 0;
    for (const line of clean)
        longest = Math.max(longest, longestBacktickRun(line));
    const marker = fenceMarker(longest);
    return [`${marker}${info}`, ...clean, marker];
}
/** One line as it goes inside a fence: control characters as visible escapes, tabs kept. */
function fenceLine(line) {
    return line.replace(CONTROL, visibleEscape);
}
/** The fence for content whose longest backtick run is `longestRun`. */
function fenceMarker(longestRun) {
    return '`'.repeat(Math.max(3, longestRun + 1));
}
/** Free text from outside (diagnostics) split into lines for a fence; CRLF tolerated, tabs kept. */
function textLines(text) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    while (lines.length > 0 && lines[lines.length - 1]?.trim() === '')
        lines.pop();
    return lines;
}
/** Anything but tab, newline and printable ASCII other than the backtick. */
const NOT_PLAIN_ASCII = /[^\t\n\u0020-\u005f\u0061-\u007e]/;
/**
 * True when `text` is tab, newline and printable ASCII without backticks: its UTF-8 size is its length, it
 * holds nothing fenceLine changes and no backtick run. One native test instead of three passes per line.
 */
function isPlainAscii(text) {
    return !NOT_PLAIN_ASCII.test(text);
}
function utf8Bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/**
 * `text` as UTF-8, encoded once into a buffer of the most it can take (3 bytes per UTF-16 unit; pages never
 * written cost nothing), so the size comes from the write itself instead of a Buffer.byteLength pass before it
 * (about 1 ms for a 440 KB job summary).
 */
function utf8Encoded(text) {
    const buffer = Buffer.allocUnsafe(text.length * 3);
    return buffer.subarray(0, buffer.write(text, 0, 'utf8'));
}
/** A number with thousands separators, locale-independent (the body must be byte-for-byte reproducible). */
function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function plural(n, one, many = `${one}s`) {
    return `${formatCount(n)} ${n === 1 ? one : many}`;
}

;// CONCATENATED MODULE: ./src/comment/marker.ts
/**
 * The hidden marker that makes a plan comment findable again (one sticky comment per environment and working
 * directory), and the status block the apply side writes into an existing comment.
 */

const MARKER_PREFIX = '<!-- dc-pipeline:plan ';
const STATUS_START = '<!-- dc-pipeline:status:start -->';
const STATUS_END = '<!-- dc-pipeline:status:end -->';
/** GitHub refuses an issue comment body over 65,536 characters (422). */
const COMMENT_LIMIT = 65_536;
/**
 * `<!-- dc-pipeline:plan env=dev dir=terraform/envs/dev -->`. Names are percent-encoded outside a small safe
 * set, so no name can close the comment (`-->`, `>`), add a field (space, `=`), or spoof another key.
 * The directory is normalised first, so `./envs/dev/` and `envs/dev` share one comment.
 */
function commentMarker(environment, workingDirectory) {
    return `${MARKER_PREFIX}env=${encodeName(environment)} dir=${encodeName(normalizeDirectory(workingDirectory))} -->`;
}
function normalizeDirectory(dir) {
    const parts = [];
    for (const part of dir.replace(/\\/g, '/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..')
            parts.pop();
        else
            parts.push(part);
    }
    const joined = parts.join('/');
    return dir.startsWith('/') ? `/${joined}` : joined || '.';
}
function encodeName(name) {
    let out = '';
    for (const byte of Buffer.from(name, 'utf8')) {
        const ch = String.fromCharCode(byte);
        // '-' only singly: a run of dashes is harmless inside the comment but keeps `--` out of it entirely.
        out += /[A-Za-z0-9._~/]/.test(ch) || (ch === '-' && !out.endsWith('-'))
            ? ch
            : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
/**
 * Put `statusMarkdown` into the status block of a rendered plan comment (replacing what was there), right
 * after the header. Bodies from elsewhere without a block get one after their first heading. The result stays
 * within GitHub's limit: the status is shortened first, then the body is cut at a top-level block boundary.
 */
function setStatusBlock(body, statusMarkdown, limit = COMMENT_LIMIT) {
    // A status quoting our own delimiters would make the next update cut in the wrong place.
    const status = statusMarkdown
        .replace(/\r\n?/g, '\n')
        .trim()
        .replace(/<!-- dc-pipeline:/g, '&lt;!-- dc-pipeline:');
    const start = body.indexOf(STATUS_START);
    const end = start >= 0 ? body.indexOf(STATUS_END, start) : -1;
    let before;
    let after;
    if (start >= 0 && end > start) {
        before = body.slice(0, start);
        after = body.slice(end + STATUS_END.length);
    }
    else {
        const cut = insertionPoint(body);
        before = body.slice(0, cut);
        after = `\n${body.slice(cut)}`;
    }
    const compose = (text, rest) => `${before}${STATUS_START}\n${text ? `${text}\n` : ''}${STATUS_END}${rest}`;
    let result = compose(status, after);
    if (utf8Bytes(result) <= limit)
        return result;
    const overflow = utf8Bytes(result) - limit;
    const statusBytes = utf8Bytes(status);
    // A status of a few lines should never be the problem; if it is, keep its first line.
    if (statusBytes > 1024) {
        const firstLine = status.split('\n')[0] ?? '';
        const shorter = truncateBytes(firstLine, Math.max(0, Math.min(1024, statusBytes - overflow)));
        result = compose(shorter, after);
        if (utf8Bytes(result) <= limit)
            return result;
        return compose(shorter, cutBody(after, utf8Bytes(after) - (utf8Bytes(result) - limit)));
    }
    return compose(status, cutBody(after, utf8Bytes(after) - overflow));
}
/** After the first heading line, else after the marker line, else at the top. */
function insertionPoint(body) {
    const lines = body.split('\n');
    let offset = 0;
    let markerEnd = 0;
    for (const line of lines) {
        const next = offset + line.length + 1;
        if (/^#{1,6} /.test(line))
            return Math.min(next, body.length);
        if (line.startsWith(MARKER_PREFIX))
            markerEnd = Math.min(next, body.length);
        offset = next;
    }
    return markerEnd;
}
/**
 * The longest prefix of `text` within `maxBytes` that ends at a top-level blank line (outside any fence or
 * `<details>`), followed by a note. Used only when a foreign or hand-edited body is too long.
 */
function cutBody(text, maxBytes) {
    const note = '\n_… shortened to make room for the status above; see the job summary of the run for the full plan._\n';
    const budget = maxBytes - utf8Bytes(note);
    const lines = text.split('\n');
    let used = 0;
    let safe = 0;
    let fenceMarker;
    let depth = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        used += utf8Bytes(line) + 1;
        if (used > budget)
            break;
        const fenceMatch = /^(`{3,}|~{3,})/.exec(line);
        if (fenceMarker) {
            if (fenceMatch && fenceMatch[1].startsWith(fenceMarker) && line.trim() === fenceMatch[1])
                fenceMarker = undefined;
        }
        else if (fenceMatch) {
            fenceMarker = fenceMatch[1];
        }
        else {
            depth += (line.match(/<details[\s>]/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
            if (depth < 0)
                depth = 0;
            if (line.trim() === '' && depth === 0)
                safe = i + 1;
        }
    }
    return `${lines.slice(0, safe).join('\n')}${note}`;
}
function truncateBytes(text, maxBytes) {
    let out = text;
    while (out.length > 0 && utf8Bytes(out) > maxBytes) {
        out = out.slice(0, -Math.max(1, Math.floor((utf8Bytes(out) - maxBytes) / 4)));
    }
    return out;
}

// EXTERNAL MODULE: ./src/github/sticky-comment.ts
var sticky_comment = __webpack_require__(7648);
;// CONCATENATED MODULE: ./src/apply/pr-comment.ts
/**
 * Put the apply's outcome into the environment's sticky plan comment on the merged PR (the comment reviewers
 * approved), as its status block. Without such a comment (no plan comment was posted, e.g. require-reviewed-plan
 * false) a comment carrying the same marker is created, so the next plan or apply finds it.
 */


async function reportOnPlanComment(client, target, status) {
    const marker = commentMarker(target.environment, target.workingDirectory);
    const where = { owner: target.owner, repo: target.repo, issueNumber: target.pullRequest, marker };
    const newest = (await (0,sticky_comment/* listMarkedComments */.b2)(client, where)).at(-1);
    if (newest) {
        const edited = await (0,sticky_comment/* editComment */.QA)(client, { owner: target.owner, repo: target.repo, commentId: newest.id, body: setStatusBlock(newest.body ?? marker, status) });
        return edited;
    }
    const body = setStatusBlock(`${marker}\n### Terraform apply — \`${target.environment}\`\n`, status);
    const created = await (0,sticky_comment/* upsertStickyComment */.qD)(client, { ...where, body, mode: 'update' });
    return { url: created.url ?? '', outcome: 'created' };
}


/***/ }),

/***/ 73116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jh: () => (/* binding */ isAmbiguousFailure),
/* harmony export */   T1: () => (/* binding */ isPermissionDenied),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   eQ: () => (/* binding */ withContext)
/* harmony export */ });
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


/***/ }),

/***/ 7648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QA: () => (/* binding */ editComment),
/* harmony export */   b2: () => (/* binding */ listMarkedComments),
/* harmony export */   p8: () => (/* binding */ COMMENT_MODES),
/* harmony export */   qD: () => (/* binding */ upsertStickyComment),
/* harmony export */   vl: () => (/* binding */ minimizeAsOutdated)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);

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
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .withContext */ .eQ)(`list the comments of ${req.owner}/${req.repo}#${req.issueNumber}`, error);
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
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404 || (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isPermissionDenied */ .T1)(error))
            return undefined;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .withContext */ .eQ)('read which user the token belongs to (GET /user)', error);
    }
}
async function updateComment(client, req, id) {
    try {
        // A PATCH with the same body is idempotent, so plugin-retry may repeat it freely.
        const res = await client.rest.issues.updateComment({ owner: req.owner, repo: req.repo, comment_id: id, body: req.body });
        return res.data;
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .withContext */ .eQ)(`update comment ${id} on ${req.owner}/${req.repo}#${req.issueNumber}`, error);
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
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .withContext */ .eQ)(`read ${where}`, error);
    }
    if (current.body === target.body)
        return { outcome: 'unchanged', url: current.html_url };
    try {
        const res = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: target.commentId, body: target.body });
        return { outcome: 'updated', url: res.data.html_url };
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .withContext */ .eQ)(`update ${where}`, error);
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
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAmbiguousFailure */ .Jh)(error) || attempt >= attempts) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .withContext */ .eQ)(`comment on ${req.owner}/${req.repo}#${req.issueNumber}`, error);
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
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .withContext */ .eQ)(`minimize comment ${nodeId}`, error);
    }
}


/***/ })

};
