import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 354549;
export const ids = [354549];
export const modules = {

/***/ 30763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ InputReader)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/actions/stdout.ts
/**
 * The runner's log: the actions' lines and workflow commands, written to file descriptor 1 with write(2).
 *
 * Node builds process.stdout on first use: for the pipe a runner gives each step, a net.Socket and the stream
 * modules under it. Measured on Node 24 in a fresh process: the first process.stdout.write took 4.5–6.4 ms to a
 * pipe (2.4–3.7 ms to /dev/null), fs.writeSync 0.1 ms. That was a tenth of what a plan-json run does on top of
 * node itself, and every action paid it before its first line.
 *
 * Each write is complete when it returns. Node makes fd 1 non-blocking once something touches process.stdout
 * on a pipe; then a full pipe takes part of a write (checked: 65,536 of 1,048,576 bytes) and refuses the next
 * one with EAGAIN until the runner reads. The loop below waits and writes the rest.
 */

/** Replaceable as a whole object method, so a test in the same process can read what an action prints. */
const stdout_stdout = {
    write(text) {
        writeAll(1, text);
    },
};
/** How long to wait for a full pipe to drain before trying again. */
const DRAIN_WAIT_MS = 2;
/** Writes all of `text` to `fd`, waiting out a full non-blocking pipe. */
function writeAll(fd, text) {
    // Log lines are short: encoding once keeps partial writes in bytes, where they happen.
    stdout_writeAllBytes(fd, Buffer.from(text, 'utf8'));
}
/** Writes all of `bytes` to `fd` (a file, or a pipe that may be full or closed). */
function stdout_writeAllBytes(fd, bytes) {
    let offset = 0;
    while (offset < bytes.length) {
        try {
            offset += (0,external_node_fs_.writeSync)(fd, bytes, offset, bytes.length - offset);
        }
        catch (error) {
            const code = error.code;
            if (code === 'EAGAIN') {
                sleepSync(DRAIN_WAIT_MS);
                continue;
            }
            // Nobody reads the log any more (the runner cancelled the job): there is no one to tell.
            if (code === 'EPIPE')
                return;
            throw error;
        }
    }
}
let sleeper;
/** Blocks this thread for `ms` (the write must finish before the next line, so there is no event loop to yield to). */
function sleepSync(ms) {
    sleeper ??= new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(sleeper, 0, 0, ms);
}

;// CONCATENATED MODULE: ./src/actions/runner.ts
/**
 * The GitHub Actions runner protocol: inputs from INPUT_* variables, file commands (GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY) and workflow commands (::add-mask::, ::group::) on stdout.
 *
 * We speak it directly instead of loading @actions/core: that package pulls in undici at import time and
 * costs ~110 ms of cold start per step, more than the whole budget (+60 ms over bare node). The protocol is
 * small and documented: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 * The bundle tests check it against what the runner reads.
 */



/** os.EOL without loading node:os, which every action would otherwise pay for at start-up just for this. */
const EOL = process.platform === 'win32' ? '\r\n' : '\n';
/** GitHub refuses a step summary over 1 MiB (it shows an error instead of the summary). */
const STEP_SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
const masks = new Set();
/** The raw value of input `name` as the runner passes it (INPUT_<NAME>, spaces to underscores, upper case). */
function getInput(name, env = process.env) {
    const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    return value.trim();
}
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function command(name, message, properties = {}) {
    const props = Object.entries(properties)
        .map(([k, v]) => `${k}=${escapeProperty(v)}`)
        .join(',');
    stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(redact(message))}${EOL}`);
}
/**
 * Masks this long or longer are also applied to step outputs and the job summary. Those hold what our code
 * computed (counts, ids, URLs, a plan's sha256) and rendered (where sensitive values are already replaced by
 * structure), so a short mask there could only strike by coincidence: a sensitive port `179` turned the
 * plan-sha256 output `…2f669179d4…` into `…2f669***d4…`, which the apply side then refused. A mask of eight
 * characters or more turns up inside a 64-digit hash about once in 10^8 plans.
 */
const MIN_OUTPUT_MASK_LENGTH = 8;
/** Replace every registered secret in `text` with ***, as the runner does for lines it prints. */
function redact(text, minLength = 0) {
    let out = text;
    // includes() first: a split and join of a 1 MiB summary per mask (the token is one) copies it for nothing.
    for (const secret of masks)
        if (secret.length >= minLength && out.includes(secret))
            out = out.split(secret).join('***');
    return out;
}
/** Ask the runner to mask `secret` in the log, and mask it in everything this process writes through here. */
function setSecret(secret) {
    if (!secret)
        return;
    for (const line of secret.split(/\r?\n/)) {
        if (line.trim().length === 0 || masks.has(line))
            continue;
        masks.add(line);
        stdout.write(`::add-mask::${escapeData(line)}${EOL}`);
    }
}
/** `key<<delimiter` heredoc entries for a file command, each under a fresh random delimiter (as @actions/core writes them). */
function fileCommandEntries(entries) {
    let text = '';
    for (const [key, value] of entries) {
        const delimiter = `ghadelimiter_${randomUUID()}`;
        text += `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
    }
    return text;
}
/** Write step output `name` (read by later steps as steps.<id>.outputs.<name>). */
function setOutput(name, value) {
    setOutputs({ [name]: value });
}
/** Several step outputs in one append to GITHUB_OUTPUT (the plan action's fifteen were fifteen open/write/close rounds). */
function setOutputs(outputs) {
    const entries = Object.entries(outputs).map(([name, value]) => [name, redact(String(value), MIN_OUTPUT_MASK_LENGTH)]);
    const file = process.env.GITHUB_OUTPUT;
    if (!file) {
        // Outside a runner (local runs): print the old-style command so the value is still visible.
        for (const [name, value] of entries)
            stdout.write(`::set-output name=${name}::${escapeData(value)}${EOL}`);
        return;
    }
    appendFileSync(file, fileCommandEntries(entries), 'utf8');
}
function info(message) {
    stdout.write(redact(message) + EOL);
}
function debug(message) {
    command('debug', message);
}
function isDebug() {
    return process.env.RUNNER_DEBUG === '1';
}
function notice(message) {
    command('notice', message);
}
function warning(message) {
    command('warning', message);
}
function error(message) {
    command('error', message);
}
function startGroup(title) {
    command('group', title);
}
function endGroup() {
    stdout.write(`::endgroup::${EOL}`);
}
/** Run `fn` inside a collapsed log group, closing the group even when it throws. */
async function group(title, fn) {
    startGroup(title);
    try {
        return await fn();
    }
    finally {
        endGroup();
    }
}
/** Mark the step failed with one line; the step's exit code becomes 1. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/**
 * Append markdown to the job summary, refusing to grow the file past GitHub's 1 MiB limit: callers fit
 * their text first; this is the last guard. Returns false when nothing was written (no summary file or no room).
 * `utf8` is the markdown already encoded (a plan summary is up to 1 MiB); it is written as is unless masking
 * changed the text.
 */
function appendSummary(markdown, utf8) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    let used = 0;
    try {
        used = statSync(file).size;
    }
    catch {
        used = 0;
    }
    const text = redact(markdown, MIN_OUTPUT_MASK_LENGTH);
    const bytes = utf8 !== undefined && text === markdown ? utf8 : Buffer.from(text, 'utf8');
    if (used + bytes.length + EOL.length > STEP_SUMMARY_LIMIT_BYTES) {
        warning('The job summary is full (1 MiB per step); this step added nothing to it.');
        return false;
    }
    // The text, then the line end: no copy of up to 1 MiB into a string or buffer with EOL after it.
    const fd = openSync(file, 'a');
    try {
        writeAllBytes(fd, bytes);
        writeAllBytes(fd, Buffer.from(EOL, 'latin1'));
    }
    finally {
        closeSync(fd);
    }
    return true;
}

;// CONCATENATED MODULE: ./src/actions/inputs.ts
/**
 * Strict readers for action inputs. Every reader names the input, the value it got and what it expected, so
 * a typo in a workflow fails fast with one sentence instead of silently falling back to a default.
 *
 * The reader is built over a lookup function, so an action reads INPUT_* variables (`fromRunner()`) and the
 * CLI reads its flags (`fromFlags()`) through the same parseInputs() of each action.
 */


const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
class InputReader {
    lookup;
    label;
    constructor(lookup, 
    /** How a name is shown in messages: `input \`x\`` for actions, `--x` for the CLI (for checks made later too). */
    label = (name) => `Input \`${name}\``) {
        this.lookup = lookup;
        this.label = label;
    }
    static fromRunner() {
        return new InputReader((name) => getInput(name));
    }
    static fromFlags(flags) {
        return new InputReader((name) => (flags.get(name) ?? '').trim(), (name) => `Flag --${name}`);
    }
    raw(name) {
        return this.lookup(name);
    }
    string(name, fallback = '') {
        return this.lookup(name) || fallback;
    }
    required(name) {
        const value = this.lookup(name);
        if (!value)
            throw new errors/* UserError */.y(`${this.label(name)} is required and was empty.`);
        return value;
    }
    choice(name, allowed, fallback) {
        const value = this.lookup(name);
        if (!value)
            return fallback;
        if (allowed.includes(value))
            return value;
        throw new errors/* UserError */.y(`${this.label(name)} was "${value}"; expected one of: ${allowed.map((a) => `"${a}"`).join(', ')}.`);
    }
    /** Booleans the way the YAML 1.2 core schema (and @actions/core) spells them; anything else is an error. */
    boolean(name, fallback) {
        const value = this.lookup(name);
        if (!value)
            return fallback;
        if (TRUE.includes(value))
            return true;
        if (FALSE.includes(value))
            return false;
        throw new errors/* UserError */.y(`${this.label(name)} was "${value}"; expected "true" or "false".`);
    }
    integer(name, fallback, min = 0) {
        const value = this.lookup(name);
        if (!value)
            return fallback;
        const n = Number(value);
        if (!Number.isInteger(n) || n < min) {
            throw new errors/* UserError */.y(`${this.label(name)} was "${value}"; expected a whole number ≥ ${min}.`);
        }
        return n;
    }
    /** Newline-separated values, blank lines and surrounding spaces dropped. */
    lines(name) {
        return this.lookup(name)
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l.length > 0);
    }
    /** KEY=VALUE lines (substitutions, env). */
    keyValues(name) {
        const out = {};
        for (const line of this.lines(name)) {
            const eq = line.indexOf('=');
            if (eq <= 0)
                throw new errors/* UserError */.y(`${this.label(name)} has the line "${line}"; expected KEY=VALUE.`);
            out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
        }
        return out;
    }
    /** Durations like "90s", "45m", "2h" or plain seconds; returns seconds. */
    duration(name, fallbackSeconds) {
        const value = this.lookup(name);
        if (!value)
            return fallbackSeconds;
        const m = /^(\d+)\s*(s|m|h)?$/.exec(value);
        if (!m) {
            throw new errors/* UserError */.y(`${this.label(name)} was "${value}"; expected a duration such as "90s", "45m" or "2h".`);
        }
        const unit = m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1;
        return Number(m[1]) * unit;
    }
}


/***/ }),

/***/ 19974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L6: () => (/* binding */ defaultEnvironment),
/* harmony export */   TL: () => (/* binding */ parseInputs)
/* harmony export */ });
/* unused harmony exports COMMENT_MODES, splitArgs */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * The plan action's inputs, read and checked in one place. The CLI builds the same object from its flags
 * (InputReader.fromFlags), so `dc-pipeline plan` and the action cannot drift apart.
 */


const COMMENT_MODES = ['update', 'new', 'off'];
function parseInputs(reader, cwd = process.cwd()) {
    const workingDirectory = reader.string('working-directory', '.');
    const planJson = reader.string('plan-json');
    const planFile = reader.string('plan-file');
    if (planJson && planFile) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('Only one of `plan-json` or `plan-file` can be set: `plan-json` is rendered as is, `plan-file` is shown with Terraform.');
    }
    const environment = reader.string('environment') || defaultEnvironment(workingDirectory, cwd);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${reader.label('environment')} was "${environment}"; expected letters, digits, ".", "_" or "-" (it becomes part of labels and file names).`);
    }
    return {
        workingDirectory,
        environment,
        source: planJson
            ? { kind: 'plan-json', path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, planJson), given: planJson }
            : planFile
                ? { kind: 'plan-file', path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, workingDirectory, planFile), given: planFile }
                : { kind: 'run' },
        terraform: reader.string('terraform', 'terraform'),
        init: reader.boolean('init', true),
        varFiles: reader.lines('var-files'),
        args: splitArgs(reader.string('args')),
        githubToken: reader.string('github-token'),
        comment: reader.choice('comment', COMMENT_MODES, 'update'),
        labels: reader.boolean('labels', false),
        failOnDestroy: reader.boolean('fail-on-destroy', false),
        planBucket: planBucketOf(reader.string('plan-bucket'), Boolean(planJson)),
        label: reader.label,
    };
}
function planBucketOf(value, planJsonGiven) {
    if (!value)
        return '';
    if (!/^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](\/.*)?$/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Input \`plan-bucket\` was "${value}"; expected gs://<bucket>[/<prefix>].`);
    }
    if (planJsonGiven) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('Only one of `plan-bucket` or `plan-json` can be set: a reviewed plan needs the binary plan, and `plan-json` has none.');
    }
    return value;
}
/** `terraform/envs/dev` → `dev`; `.` → the folder's own name. */
function defaultEnvironment(workingDirectory, cwd) {
    const trimmed = workingDirectory.replace(/[\\/]+$/, '');
    const last = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(trimmed);
    if (last && last !== '.' && last !== '..')
        return last;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, workingDirectory)) || 'default';
}
/** Split on spaces, keeping "quoted parts" and 'quoted parts' together (-var="a b") — no shell, no expansion. */
function splitArgs(text) {
    const out = [];
    let current;
    let quote;
    for (const ch of text) {
        if (quote) {
            if (ch === quote)
                quote = undefined;
            else
                current += ch;
        }
        else if (ch === '"' || ch === "'") {
            quote = ch;
            current ??= '';
        }
        else if (/\s/.test(ch)) {
            if (current !== undefined)
                out.push(current);
            current = undefined;
        }
        else {
            current = (current ?? '') + ch;
        }
    }
    if (quote)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Input \`args\` has an unclosed ${quote} quote: ${text}`);
    if (current !== undefined)
        out.push(current);
    return out;
}


/***/ }),

/***/ 61486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./src/actions/inputs.ts + 2 modules
var actions_inputs = __webpack_require__(30763);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/storage/object-store.ts
var object_store = __webpack_require__(39182);
// EXTERNAL MODULE: ./src/actions/plan/inputs.ts
var inputs = __webpack_require__(19974);
;// CONCATENATED MODULE: ./src/actions/apply/inputs.ts
/**
 * The apply action's inputs, read and checked in one place (the CLI reads the same names from its flags).
 */




const DEFAULT_BUILD_CONFIG = 'cloudbuild/apply.yaml';
const PLAN_APPLY_BUILD_CONFIG = 'cloudbuild/plan-apply.yaml';
function userError(fn) {
    try {
        return fn();
    }
    catch (error) {
        // parseGsUri words it as "`name` was …"; inputs are named "Input `name`" everywhere else.
        throw new errors/* UserError */.y(`Input ${error.message}`);
    }
}
function gsUri(location) {
    return `gs://${location.bucket}${location.prefix ? `/${location.prefix}` : ''}`;
}
function parseInputs(reader, workspace = process.cwd()) {
    const projectId = reader.required('project-id');
    if (!/^[a-z][a-z0-9-:.]{4,61}[a-z0-9]$/.test(projectId)) {
        throw new errors/* UserError */.y(`Input \`project-id\` was "${projectId}"; expected a Google Cloud project ID such as my-project-123.`);
    }
    const region = reader.string('region', 'global');
    const workingDirectory = reader.string('working-directory', '.');
    const environment = reader.string('environment') || (0,inputs/* defaultEnvironment */.L6)(workingDirectory, workspace);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
        throw new errors/* UserError */.y(`Input \`environment\` was "${environment}"; expected letters, digits, ".", "_" or "-".`);
    }
    const requireReviewedPlan = reader.boolean('require-reviewed-plan', true);
    const planBucket = reader.string('plan-bucket');
    const planLocation = planBucket ? userError(() => (0,object_store/* parseGsUri */.yq)(planBucket, 'plan-bucket')) : undefined;
    if (requireReviewedPlan && !planLocation) {
        throw new errors/* UserError */.y('Input `plan-bucket` is empty, but `require-reviewed-plan` is true: set it to where the plan action publishes (gs://bucket/prefix).');
    }
    const triggerId = reader.string('trigger-id');
    const buildConfigInput = reader.string('build-config', DEFAULT_BUILD_CONFIG);
    const serviceAccount = reader.string('service-account') || undefined;
    const logsBucketInput = reader.string('logs-bucket');
    // Cloud Build wants gs://bucket[/prefix] and writes log-<id>.txt under it; normalised without a trailing slash.
    const logsBucket = logsBucketInput ? gsUri(userError(() => (0,object_store/* parseGsUri */.yq)(logsBucketInput, 'logs-bucket'))) : undefined;
    let handoff;
    if (triggerId) {
        if (buildConfigInput !== DEFAULT_BUILD_CONFIG) {
            throw new errors/* UserError */.y('Only one of `build-config` or `trigger-id` can be set: the trigger brings its own build config.');
        }
        if (logsBucket) {
            throw new errors/* UserError */.y('Only one of `logs-bucket` or `trigger-id` can be set: a trigger runs its own build config, whose logsBucket the action cannot override.');
        }
        handoff = { kind: 'trigger', triggerId };
    }
    else {
        const sourceBucketInput = reader.string('source-bucket');
        if (!sourceBucketInput) {
            throw new errors/* UserError */.y('Input `source-bucket` is empty; with `build-config` the workspace is uploaded there as the build source.');
        }
        const sourceBucket = sourceBucketInput.startsWith('gs://')
            ? userError(() => (0,object_store/* parseGsUri */.yq)(sourceBucketInput, 'source-bucket')).bucket
            : userError(() => (0,object_store/* parseGsUri */.yq)(`gs://${sourceBucketInput}`, 'source-bucket')).bucket;
        // Without a reviewed plan there is nothing to download: the default config becomes the plan-and-apply one.
        const config = !requireReviewedPlan && buildConfigInput === DEFAULT_BUILD_CONFIG ? PLAN_APPLY_BUILD_CONFIG : buildConfigInput;
        handoff = {
            kind: 'build-config',
            file: (0,external_node_path_.isAbsolute)(config) ? config : (0,external_node_path_.resolve)(workspace, config),
            sourceBucket,
            ...(serviceAccount ? { serviceAccount } : {}),
            ...(logsBucket ? { logsBucket } : {}),
        };
    }
    const substitutions = reader.keyValues('substitutions');
    for (const key of Object.keys(substitutions)) {
        if (!/^_[A-Z0-9_]+$/.test(key)) {
            throw new errors/* UserError */.y(`Input \`substitutions\` has the key "${key}"; user substitutions must look like _UPPER_CASE.`);
        }
    }
    const timeoutSeconds = reader.duration('timeout', 3600);
    if (timeoutSeconds < 1)
        throw new errors/* UserError */.y('Input `timeout` was "0"; expected a positive duration such as "60m".');
    return {
        projectId,
        region,
        environment,
        workingDirectory,
        planLocation,
        requireReviewedPlan,
        handoff,
        substitutions,
        timeoutSeconds,
        githubToken: reader.string('github-token'),
    };
}

;// CONCATENATED MODULE: ./src/apply/outcome.ts
const STALE_PLAN_ADVICE = 'Terraform refused the reviewed plan because the state changed since it was made (another apply went first). ' +
    'Re-run the plan on the current default branch (push a commit or re-run the plan job) and merge again.';
function formatDuration(ms) {
    const seconds = Math.round(ms / 1000);
    if (seconds < 60)
        return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}
const HEADLINE = {
    applied: '✅ **Applied**',
    failed: '❌ **Apply failed**',
    stale: '⚠️ **Not applied: the plan is stale**',
    cancelled: '⏹️ **Apply cancelled**',
    'timed-out': '⏳ **Still applying when the action stopped waiting**',
    'not-started': '❌ **Not applied**',
};
/** The status block put into the environment's sticky plan comment on the merged PR. */
function statusMarkdown(report) {
    const facts = [`to \`${report.environment}\` at merge commit \`${report.commitSha.slice(0, 7)}\``];
    if (report.buildId) {
        const build = report.logUrl ? `[\`${report.buildId.slice(0, 8)}\`](${report.logUrl})` : `\`${report.buildId.slice(0, 8)}\``;
        facts.push(`Cloud Build ${build}${report.status ? ` (${report.status}${report.stepId ? ` at step \`${report.stepId}\`` : ''})` : ''}`);
    }
    if (report.durationMs !== undefined)
        facts.push(`in ${formatDuration(report.durationMs)}`);
    const lines = [`${HEADLINE[report.outcome]} ${facts.join(', ')}.`];
    if (report.outcome === 'stale')
        lines.push('', STALE_PLAN_ADVICE);
    else if (report.reason && report.outcome !== 'applied')
        lines.push('', report.reason);
    if (!report.reviewedPlan) {
        lines.push('', '_No reviewed plan was required (`require-reviewed-plan: false`): Cloud Build planned and applied in one build ' +
            '(`cloudbuild/plan-apply.yaml`), so what was applied is not necessarily the plan shown here._');
    }
    else if (report.planSha256) {
        lines.push('', `Reviewed plan \`sha256:${report.planSha256.slice(0, 12)}…\` verified before the build.`);
    }
    if (report.runUrl)
        lines.push('', `[Workflow run](${report.runUrl})`);
    return lines.join('\n');
}
/** The job summary: the same facts as a table. */
function summaryMarkdown(report) {
    const row = (k, v) => (v ? `| ${k} | ${v} |` : undefined);
    return [
        `## Terraform apply — ${report.environment}`,
        '',
        statusMarkdown({ ...report, runUrl: undefined }),
        '',
        '| | |',
        '|---|---|',
        row('Pull request', report.pullRequest ? `[#${report.pullRequest.number}](${report.pullRequest.url})` : undefined),
        row('Build', report.buildId ? (report.logUrl ? `[${report.buildId}](${report.logUrl})` : report.buildId) : undefined),
        row('Status', report.status),
        row('Attached to an earlier attempt', report.attached ? 'yes' : undefined),
        row('Plan', report.planUri ? `\`${report.planUri}\`` : report.reviewedPlan ? undefined : 'planned in the build'),
        row('Duration', report.durationMs !== undefined ? formatDuration(report.durationMs) : undefined),
        '',
    ]
        .filter((l) => l !== undefined)
        .join('\n');
}

// EXTERNAL MODULE: ./src/cloudbuild/build.ts
var cloudbuild_build = __webpack_require__(19319);
;// CONCATENATED MODULE: ./src/cloudbuild/cancel.ts

async function cancelIfNotStarted(cloudBuild, id, log) {
    const build = await cloudBuild.getBuild(id);
    const status = (0,cloudbuild_build/* statusOf */.c2)(build.status);
    if ((0,cloudbuild_build/* isTerminal */.Hd)(status))
        return 'already-ended';
    if (!cloudbuild_build/* NOT_STARTED_STATUSES */.zu.has(status)) {
        log.warning(`The workflow was cancelled, but Cloud Build build ${id} is ${status}: it is left to finish, because stopping ` +
            `Terraform mid-apply can corrupt the state. Follow it at ${build.logUrl || 'the Cloud Build console'}`);
        return 'left-running';
    }
    try {
        const cancelled = await cloudBuild.cancelBuild(id);
        if (cancelled.startTime?.seconds && Number(cancelled.startTime.seconds) > 0) {
            log.warning(`Cloud Build build ${id} had just started when it was cancelled; check the state of the apply.`);
        }
        else {
            log.info(`The workflow was cancelled: Cloud Build build ${id} was ${status} and is now cancelled.`);
        }
        return 'cancelled';
    }
    catch (error) {
        // FAILED_PRECONDITION: it ended between our read and the cancel.
        if (error.code === 9)
            return 'already-ended';
        throw error;
    }
}
/**
 * While installed, a SIGINT or SIGTERM cancels the build if it has not started, else leaves it running. Repeated
 * signals while one is being handled do nothing more. The process is not exited: the caller's wait loop sees the
 * CANCELLED status (or keeps following the WORKING build until the runner stops the job).
 */
function cancelOnSignal(options) {
    let decision;
    const handler = () => {
        if (decision)
            return;
        decision = cancelIfNotStarted(options.cloudBuild, options.id, options.log).catch((error) => {
            options.log.warning(`Could not cancel Cloud Build build ${options.id}: ${error.message}`);
            return 'left-running';
        });
    };
    options.signals.on('SIGINT', handler);
    options.signals.on('SIGTERM', handler);
    return {
        dispose() {
            options.signals.off('SIGINT', handler);
            options.signals.off('SIGTERM', handler);
        },
        get decision() {
            return decision;
        },
    };
}

;// CONCATENATED MODULE: ./src/cloudbuild/apply-log.ts
/**
 * Reading the outcome of cloudbuild/apply.yaml from its log. Terraform refuses a saved plan whose state moved on
 * with "Error: Saved plan is stale"; the apply step repeats it as a `dc-pipeline: stale plan` line so the action
 * can tell "re-run the plan" apart from any other apply failure.
 */
const STALE_PLAN_MARKER = 'dc-pipeline: stale plan';
const TERRAFORM_STALE = /Saved plan is stale/;
function isStalePlanLine(line) {
    return line.includes(STALE_PLAN_MARKER) || TERRAFORM_STALE.test(line);
}

;// CONCATENATED MODULE: ./src/cloudbuild/log-stream.ts


const LOG_NOT_STREAMED_CLOUD_LOGGING = 'The build writes its log to Cloud Logging only (options.logging), so it cannot be streamed here.';
/** The log is not readable by this identity: 403 from GCS (missing role, or VPC Service Controls). */
function isForbidden(error) {
    for (let e = error; e; e = e.cause) {
        const x = e;
        if (x.code === 403 || x.status === 403 || x.code === '403')
            return true;
        if (typeof x.message === 'string' && /\(HTTP 403\)|VPC Service Controls|organization's policy/.test(x.message))
            return true;
    }
    return false;
}
function unreadableMessage(uri, reason, consoleUrl) {
    return (`The build log ${uri} cannot be read here (${reason}). This identity needs storage.objects.get on the logs ` +
        `bucket (the default Cloud Build logs bucket needs roles/viewer on the project), and VPC Service Controls ` +
        `must allow the read. The build is unaffected; follow it at ${consoleUrl}`);
}
function startBuildLogStream(options) {
    const { store, build } = options;
    const consoleUrl = options.consoleUrl ?? build.logUrl ?? 'the Cloud Build console';
    const logging = String(build.options?.logging ?? '');
    const target = (0,cloudbuild_build/* logObjectOf */.RJ)(build);
    if (logging === 'CLOUD_LOGGING_ONLY' || logging === 'NONE' || logging === 'STACKDRIVER_ONLY' || !target) {
        const why = target ? LOG_NOT_STREAMED_CLOUD_LOGGING : 'The build has no logs bucket, so its log cannot be streamed here.';
        options.onUnavailable(`${why} Follow it at ${consoleUrl}`);
        return { finish: async () => undefined, bytes: 0, reads: 0 };
    }
    const uri = store.uri(target.bucket, target.name);
    const intervalMs = options.intervalMs ?? 2000;
    let offset = 0;
    let reads = 0;
    let pending = Buffer.alloc(0);
    let unreadable = false;
    let stopped = false;
    let wake = () => undefined;
    const emit = (chunk, final) => {
        // Split on bytes, not decoded text, so a multi-byte character cut between two reads stays whole.
        let data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a)) {
            options.onLine(data.subarray(0, nl).toString('utf8').replace(/\r$/, ''));
            data = data.subarray(nl + 1);
        }
        pending = Buffer.from(data);
        if (final && pending.length) {
            options.onLine(pending.toString('utf8'));
            pending = Buffer.alloc(0);
        }
    };
    /** Read what was appended since the last read; the number of new bytes. */
    const readMore = async () => {
        if (unreadable)
            return 0;
        try {
            reads++;
            const chunk = await store.read(target.bucket, target.name, { start: offset });
            offset += chunk.length;
            emit(chunk, false);
            return chunk.length;
        }
        catch (error) {
            if (error instanceof object_store/* NotFoundError */.m_)
                return 0; // not written yet: the build is still queued
            if (isForbidden(error)) {
                unreadable = true;
                options.onUnavailable(unreadableMessage(uri, 'permission denied', consoleUrl));
                return 0;
            }
            // Anything else is transient from where we stand; the next tick tries again.
            return 0;
        }
    };
    const loop = (async () => {
        while (!stopped && !unreadable) {
            await readMore();
            if (stopped)
                break;
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, intervalMs);
                wake = () => {
                    clearTimeout(timer);
                    resolve();
                };
            });
        }
    })();
    return {
        async finish() {
            stopped = true;
            wake();
            await loop;
            // Cloud Build may still be flushing the last lines as the build ends: read until nothing new comes.
            for (let i = 0; i < 3 && (await readMore()) > 0; i++)
                ;
            emit(Buffer.alloc(0), true);
        },
        get bytes() {
            return offset;
        },
        get reads() {
            return reads;
        },
    };
}

;// CONCATENATED MODULE: ./src/cloudbuild/wait.ts
/**
 * Wait for a build to end by polling getBuild: 1 s after the first read, backing off ×1.5 to a 2.75 s cap, the
 * interval measured from the start of one read to the start of the next. A build's end is therefore noticed
 * within 2.75 s plus one round trip — inside the 3 s promise — while a 10-minute apply costs ~220 reads.
 * A deadline bounds the wait; reaching it leaves the build running (stopping a Terraform apply midway corrupts
 * state) and says where to follow it.
 */


const realClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
const DEFAULT_WAIT_TIMEOUT_MS = 60 * 60 * 1000;
// The cap leaves 250 ms of the 3 s budget for the getBuild round trip itself.
const DEFAULT_POLL = { initialMs: 1000, maxMs: 2750, multiplier: 1.5 };
/** The build ended in a failure status. The message names status, failing step and log URL. */
class BuildFailedError extends errors/* UserError */.y {
    build;
    status;
    stepId;
    logUrl;
    constructor(build, status, stepId, logUrl) {
        super(`Cloud Build build ${build.id} ended ${status}` +
            `${stepId ? ` at step "${stepId}"` : ''}` +
            `${build.statusDetail ? ` (${build.statusDetail})` : ''}; log: ${logUrl || '(no log URL)'}`);
        this.build = build;
        this.status = status;
        this.stepId = stepId;
        this.logUrl = logUrl;
    }
}
/** The deadline passed while the build was still running; it was left running. */
class BuildDeadlineError extends errors/* UserError */.y {
    build;
    status;
    timeoutMs;
    constructor(build, status, timeoutMs) {
        super(`Cloud Build build ${build.id} was still ${status} after ${wait_formatDuration(timeoutMs)} (the \`timeout\`); ` +
            `it was left running, not cancelled. Follow it at ${build.logUrl || 'the Cloud Build console'}.`);
        this.build = build;
        this.status = status;
        this.timeoutMs = timeoutMs;
    }
}
function wait_formatDuration(ms) {
    if (ms % 60_000 === 0)
        return `${ms / 60_000} min`;
    return `${Math.round(ms / 1000)} s`;
}
async function waitForBuild(options) {
    const clock = options.clock ?? realClock;
    const schedule = { ...DEFAULT_POLL, ...options.poll };
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    const deadline = clock.now() + timeoutMs;
    let interval = schedule.initialMs;
    let calls = 0;
    let previous;
    for (;;) {
        const readStartedAt = clock.now();
        const build = await options.getBuild(options.id);
        calls++;
        const status = (0,cloudbuild_build/* statusOf */.c2)(build.status);
        if (status !== previous)
            options.onStatus?.(status, build);
        previous = status;
        if ((0,cloudbuild_build/* isTerminal */.Hd)(status)) {
            if (status === 'SUCCESS')
                return { build, status, calls };
            throw new BuildFailedError(build, status, (0,cloudbuild_build/* failingStepId */.sV)(build), build.logUrl ?? '');
        }
        const now = clock.now();
        if (now >= deadline)
            throw new BuildDeadlineError(build, status, timeoutMs);
        // Never sleep past the deadline: the last read happens at it, so a build ending just before still passes.
        const nextReadAt = Math.min(readStartedAt + interval, deadline);
        await clock.sleep(Math.max(0, nextReadAt - now));
        interval = Math.min(interval * schedule.multiplier, schedule.maxMs);
    }
}

;// CONCATENATED MODULE: ./src/reviewed-plan/manifest.ts
/**
 * The reviewed-plan chain: what the plan action publishes next to the binary plan so that, after the merge, the
 * apply can prove it is applying exactly the plan people reviewed in the PR comment.
 *
 * Layout: <prefix>/<owner>/<repo>/<env>/pr-<n>/<head-sha>/{plan.tfplan, plan.json, manifest.json}
 */

const manifest_MANIFEST_VERSION = 1;
const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;
function segment(value, what) {
    if (!SAFE_SEGMENT.test(value) || value === '.' || value === '..') {
        throw new errors/* UserError */.y(`The ${what} "${value}" cannot be used in an object path; expected letters, digits, ".", "_" or "-".`);
    }
    return value;
}
/** The folder (object name prefix, ending in "/") that holds one reviewed plan. */
function manifest_planFolder(location, key) {
    const [owner, repo, ...rest] = key.repository.split('/');
    if (!owner || !repo || rest.length > 0) {
        throw new errors/* UserError */.y(`The repository "${key.repository}" is not of the form owner/repo.`);
    }
    if (!/^[0-9a-f]{40}$/.test(key.headSha)) {
        throw new errors/* UserError */.y(`The commit "${key.headSha}" is not a full 40-character SHA.`);
    }
    const parts = [
        location.prefix,
        segment(owner, 'repository owner'),
        segment(repo, 'repository name'),
        segment(key.environment, 'environment'),
        `pr-${key.pullRequest}`,
        key.headSha,
    ].filter((p) => p.length > 0);
    return `${parts.join('/')}/`;
}
/** Read a manifest back, refusing anything that is not one (wrong version, missing fields). */
function manifest_parseManifest(text, where) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new errors/* UserError */.y(`The reviewed-plan manifest at ${where} is not valid JSON.`);
    }
    const m = data;
    const missing = ['planSha256', 'repository', 'headSha', 'environment', 'planObject'].filter((k) => typeof m[k] !== 'string' || m[k].length === 0);
    if (m.version !== manifest_MANIFEST_VERSION || missing.length > 0 || typeof m.pullRequest !== 'number') {
        throw new errors/* UserError */.y(`The reviewed-plan manifest at ${where} is not a version ${manifest_MANIFEST_VERSION} manifest` +
            (missing.length ? ` (missing ${missing.join(', ')})` : '') +
            '.');
    }
    if (!/^[0-9a-f]{64}$/.test(m.planSha256)) {
        throw new errors/* UserError */.y(`The reviewed-plan manifest at ${where} has an invalid planSha256.`);
    }
    return m;
}
/**
 * The URI of a plan folder, ending in "/". Asked of the store without the slash: a folder is not an object, and
 * the local store refuses names with an empty last segment.
 */
function manifest_folderUri(store, bucket, folder) {
    return `${store.uri(bucket, folder.replace(/\/+$/, ''))}/`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/reviewed-plan/publish.ts
/**
 * Publish a reviewed plan: binary plan, its JSON, then the manifest — each write-once (ifGenerationMatch: 0) and
 * CRC32C-validated by the store. The manifest goes last, so a reader that finds a manifest always finds the
 * objects it names; a crash midway leaves no manifest, which the apply reports as "no reviewed plan".
 */


function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
async function publishReviewedPlan(store, location, input) {
    const folder = planFolder(location, input.key);
    const manifestName = `${folder}manifest.json`;
    const uri = folderUri(store, location.bucket, folder);
    const existing = await store.stat(location.bucket, manifestName);
    if (existing) {
        const text = (await store.read(location.bucket, manifestName)).toString('utf8');
        return { uri, manifest: parseManifest(text, store.uri(location.bucket, manifestName)), created: false };
    }
    const manifest = {
        version: MANIFEST_VERSION,
        planSha256: sha256Hex(input.plan),
        planJsonSha256: sha256Hex(input.planJson),
        repository: input.key.repository,
        pullRequest: input.key.pullRequest,
        headSha: input.key.headSha,
        environment: input.key.environment,
        workingDirectory: input.workingDirectory,
        terraformVersion: input.terraformVersion,
        ...(input.lockFile ? { lockFileSha256: sha256Hex(input.lockFile) } : {}),
        createdAt: input.now.toISOString(),
        planObject: `${folder}plan.tfplan`,
        planJsonObject: `${folder}plan.json`,
    };
    const metadata = { 'dc-pipeline-plan-sha256': manifest.planSha256 };
    // A previous attempt may have died after the plan but before the manifest: the objects exist, the manifest not.
    // Write-once then refuses to overwrite; accept the leftover only if it is byte-identical to this plan.
    const plan = await store.writeOnce(location.bucket, manifest.planObject, input.plan, {
        contentType: 'application/octet-stream',
        metadata,
    });
    if (!plan.created && sha256Hex(await store.read(location.bucket, manifest.planObject)) !== manifest.planSha256) {
        throw new Error(`A different plan file already exists at ${store.uri(location.bucket, manifest.planObject)} without a manifest; ` +
            'delete that folder or push a new commit to plan again.');
    }
    await store.writeOnce(location.bucket, manifest.planJsonObject, input.planJson, { contentType: 'application/json', metadata });
    const written = await store.writeOnce(location.bucket, manifestName, JSON.stringify(manifest, null, 2) + '\n', {
        contentType: 'application/json',
        metadata,
    });
    if (!written.created) {
        // Lost a race with a concurrent run of the same commit: theirs is the reviewed plan.
        const text = (await store.read(location.bucket, manifestName)).toString('utf8');
        return { uri, manifest: parseManifest(text, store.uri(location.bucket, manifestName)), created: false };
    }
    return { uri, manifest, created: true };
}

;// CONCATENATED MODULE: ./src/reviewed-plan/fetch.ts
/**
 * The apply side of the chain: find the manifest of the merged PR's final head SHA, download the plan it names and
 * verify its sha256 before anything runs. Cloud Build verifies it again on its side (cloudbuild/apply.yaml).
 */




class MissingReviewedPlanError extends errors/* UserError */.y {
}
class TamperedPlanError extends errors/* UserError */.y {
}
async function findReviewedPlan(store, location, key) {
    const folder = manifest_planFolder(location, key);
    const manifestName = `${folder}manifest.json`;
    const manifestUri = store.uri(location.bucket, manifestName);
    if (!(await store.stat(location.bucket, manifestName))) {
        throw new MissingReviewedPlanError(`No reviewed plan for PR #${key.pullRequest} at ${key.headSha} in environment "${key.environment}" ` +
            `(looked for ${manifestUri}): re-run the plan workflow on that commit, or set require-reviewed-plan: false ` +
            'to plan and apply in one Cloud Build.');
    }
    const manifest = manifest_parseManifest((await store.read(location.bucket, manifestName)).toString('utf8'), manifestUri);
    const mismatched = [
        ['repository', key.repository, manifest.repository],
        ['environment', key.environment, manifest.environment],
        ['head SHA', key.headSha, manifest.headSha],
        ['pull request', String(key.pullRequest), String(manifest.pullRequest)],
    ].filter(([, want, got]) => want !== got);
    if (mismatched.length > 0) {
        const [what, want, got] = mismatched[0];
        throw new TamperedPlanError(`The manifest at ${manifestUri} names ${what} "${got}", expected "${want}"; refusing to apply it.`);
    }
    // A manifest may only name the plan next to it: pointing it at another PR's (also reviewed, also valid) plan
    // would apply changes nobody reviewed for this merge.
    for (const [field, name, expected] of [
        ['planObject', manifest.planObject, `${folder}plan.tfplan`],
        ['planJsonObject', manifest.planJsonObject, `${folder}plan.json`],
    ]) {
        if (name !== expected) {
            throw new TamperedPlanError(`The manifest at ${manifestUri} names ${field} "${name}", expected "${expected}"; refusing to apply it.`);
        }
    }
    const plan = await readPlan(store, location.bucket, manifest.planObject, manifestUri);
    const actual = sha256Hex(plan);
    if (actual !== manifest.planSha256) {
        throw new TamperedPlanError(`The plan at ${store.uri(location.bucket, manifest.planObject)} has sha256 ${actual}, but the reviewed plan ` +
            `had ${manifest.planSha256}; refusing to apply a plan nobody reviewed.`);
    }
    return { manifest, planUri: store.uri(location.bucket, manifest.planObject), folderUri: manifest_folderUri(store, location.bucket, folder) };
}
async function readPlan(store, bucket, name, manifestUri) {
    try {
        return await store.read(bucket, name);
    }
    catch (error) {
        if (error instanceof object_store/* NotFoundError */.m_) {
            throw new TamperedPlanError(`The manifest at ${manifestUri} names ${store.uri(bucket, name)}, which does not exist; refusing to apply.`);
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/cloudbuild/attach.ts

/** Tags are limited to [\w.-]; anything else in an environment name becomes '-'. */
function tagPart(value) {
    return value.replace(/[^\w.-]/g, '-').slice(0, 100);
}
/**
 * The tags of an apply build: `dc-pipeline`, `env-<env>`, `gh-run-<run id>`, `sha-<short sha>`, `apply`. The last
 * is what the ingest service waits for (src/service/build-event.ts ingests after deploys only): the shipped
 * configs carry it in their YAML, and a user's own `build-config` gets it from here.
 */
function applyBuildTags(identity) {
    return [
        'dc-pipeline',
        `env-${tagPart(identity.environment)}`,
        `gh-run-${tagPart(identity.runId)}`,
        `sha-${tagPart(identity.commitSha.slice(0, 7))}`,
        'apply',
    ];
}
/** The newest build with all `tags` that is running or succeeded, if any. */
async function findBuildToAttach(cloudBuild, tags) {
    const builds = await cloudBuild.listBuilds({ tags });
    return builds.find((b) => {
        const status = (0,cloudbuild_build/* statusOf */.c2)(b.status);
        return cloudbuild_build/* RUNNING_STATUSES */.$Q.has(status) || status === 'SUCCESS';
    });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
;// CONCATENATED MODULE: ./src/cloudbuild/substitutions.ts
/**
 * Cloud Build substitution syntax: `$NAME` / `${NAME}` in the substituted fields (step name, args, env, dir,
 * entrypoint; images, tags, logsBucket…), `$$` for a literal dollar. User substitutions start with `_`; any other
 * name must be a built-in, or Cloud Build rejects the build. `script` is never substituted (Cloud Build passes
 * values to scripts through env only), which is why our configs map substitutions into `env:`.
 */
/** Built-ins Cloud Build defines for every build, and for triggered builds. */
const BUILT_IN_SUBSTITUTIONS = new Set([
    'PROJECT_ID',
    'PROJECT_NUMBER',
    'BUILD_ID',
    'LOCATION',
    'TRIGGER_NAME',
    'COMMIT_SHA',
    'REVISION_ID',
    'SHORT_SHA',
    'REPO_NAME',
    'REPO_FULL_NAME',
    'BRANCH_NAME',
    'TAG_NAME',
    'REF_NAME',
    'TRIGGER_BUILD_CONFIG_PATH',
    'SERVICE_ACCOUNT_EMAIL',
    'SERVICE_ACCOUNT',
]);
/** A user-defined substitution key, as Cloud Build accepts it. */
const USER_SUBSTITUTION_KEY = /^_[A-Z0-9_]+$/;
// `$$` first so an escaped dollar is never read as the start of a reference.
const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
/** Every substitution name referenced in `text` (escaped `$$` excluded), in order of appearance. */
function substitutionReferences(text) {
    const names = [];
    for (const m of text.matchAll(REFERENCE)) {
        const name = m[1] ?? m[2];
        if (name)
            names.push(name);
    }
    return names;
}
/**
 * Replace references with their values and `$$` with `$`. A reference with no value is left as written, which
 * is what Cloud Build does under ALLOW_LOOSE; strict callers check references first.
 */
function applySubstitutions(text, values) {
    return text.replace(REFERENCE, (whole, braced, bare) => {
        const name = braced ?? bare;
        if (!name)
            return '$';
        return Object.hasOwn(values, name) ? values[name] : whole;
    });
}
/** Every substituted string of the build with its path (`steps[1].args[0]`), for checks and messages. */
function substitutedStrings(build) {
    const out = [];
    const add = (path, value) => {
        if (value)
            out.push({ path, text: value });
    };
    const addAll = (path, values) => values?.forEach((v, i) => add(`${path}[${i}]`, v));
    build.steps?.forEach((step, i) => {
        add(`steps[${i}].name`, step.name);
        addAll(`steps[${i}].args`, step.args);
        addAll(`steps[${i}].env`, step.env);
        add(`steps[${i}].dir`, step.dir);
        add(`steps[${i}].entrypoint`, step.entrypoint);
    });
    addAll('images', build.images);
    addAll('tags', build.tags);
    add('logsBucket', build.logsBucket);
    add('serviceAccount', build.serviceAccount);
    addAll('options.env', build.options?.env);
    addAll('artifacts.images', build.artifacts?.images);
    add('artifacts.objects.location', build.artifacts?.objects?.location);
    addAll('artifacts.objects.paths', build.artifacts?.objects?.paths);
    return out;
}
/**
 * What Cloud Build would refuse about these substitutions (unless ALLOW_LOOSE): a reference to something neither
 * built in nor defined, a defined key that nothing uses, a key that is not `_UPPER_CASE`. Empty when fine.
 */
function substitutionProblems(build, defined) {
    const problems = [];
    for (const key of Object.keys(defined)) {
        if (!USER_SUBSTITUTION_KEY.test(key)) {
            problems.push(`substitution key "${key}" is not valid: user substitutions must match ${USER_SUBSTITUTION_KEY.source}`);
        }
    }
    const used = new Set();
    for (const { path, text } of substitutedStrings(build)) {
        for (const name of substitutionReferences(text)) {
            used.add(name);
            if (!BUILT_IN_SUBSTITUTIONS.has(name) && !Object.hasOwn(defined, name)) {
                const hint = name.startsWith('_') ? 'define it under substitutions or pass it' : 'write $$ for a literal $';
                problems.push(`$${name} is used at ${path} but is not a built-in substitution nor defined (${hint})`);
            }
        }
    }
    for (const key of Object.keys(defined)) {
        if (!used.has(key))
            problems.push(`substitution ${key} is defined but never used (Cloud Build refuses unused substitutions)`);
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/cloudbuild/build-config.ts
/**
 * cloudbuild.yaml → Build, strictly. Cloud Build itself ignores nothing silently either, but it only tells you at
 * build time; we refuse an unknown key (a typo like `entrypiont`, a snake_case `wait_for`) before anything is
 * uploaded, naming the key, where it is and the file. Durations ("3600s") become google.protobuf.Duration, and
 * substitutions are checked the way Cloud Build checks them (see substitutions.ts).
 */





/** A config file Cloud Build would not accept, or would read differently than its author meant. */
class BuildConfigError extends errors/* UserError */.y {
}
const DURATION = /^(\d+)(?:\.(\d{1,9}))?s$/;
const duration = schemas/* string */.YjP().regex(DURATION, 'expected a duration in seconds like "600s"');
const strings = schemas/* array */.YOg(schemas/* string */.YjP());
const volume = schemas/* strictObject */.rej({ name: schemas/* string */.YjP(), path: schemas/* string */.YjP() });
const step = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1),
    args: strings.optional(),
    entrypoint: schemas/* string */.YjP().optional(),
    env: strings.optional(),
    id: schemas/* string */.YjP().optional(),
    waitFor: strings.optional(),
    dir: schemas/* string */.YjP().optional(),
    secretEnv: strings.optional(),
    volumes: schemas/* array */.YOg(volume).optional(),
    timeout: duration.optional(),
    script: schemas/* string */.YjP().optional(),
    allowFailure: schemas/* boolean */.zMY().optional(),
    allowExitCodes: schemas/* array */.YOg(schemas/* number */.aig().int()).optional(),
    automapSubstitutions: schemas/* boolean */.zMY().optional(),
});
const options = schemas/* strictObject */.rej({
    sourceProvenanceHash: schemas/* array */.YOg(schemas/* enum */.k5n(['NONE', 'SHA256', 'MD5', 'GO_MODULE_H1', 'SHA512'])).optional(),
    requestedVerifyOption: schemas/* enum */.k5n(['NOT_VERIFIED', 'VERIFIED']).optional(),
    machineType: schemas/* enum */.k5n(['UNSPECIFIED', 'N1_HIGHCPU_8', 'N1_HIGHCPU_32', 'E2_HIGHCPU_8', 'E2_HIGHCPU_32', 'E2_MEDIUM', 'E2_STANDARD_2']).optional(),
    diskSizeGb: schemas/* union */.KCZ([schemas/* number */.aig().int().positive(), schemas/* string */.YjP().regex(/^\d+$/)]).optional(),
    substitutionOption: schemas/* enum */.k5n(['MUST_MATCH', 'ALLOW_LOOSE']).optional(),
    dynamicSubstitutions: schemas/* boolean */.zMY().optional(),
    automapSubstitutions: schemas/* boolean */.zMY().optional(),
    logStreamingOption: schemas/* enum */.k5n(['STREAM_DEFAULT', 'STREAM_ON', 'STREAM_OFF']).optional(),
    pool: schemas/* strictObject */.rej({ name: schemas/* string */.YjP() }).optional(),
    logging: schemas/* enum */.k5n(['LOGGING_UNSPECIFIED', 'LEGACY', 'GCS_ONLY', 'CLOUD_LOGGING_ONLY', 'NONE']).optional(),
    env: strings.optional(),
    secretEnv: strings.optional(),
    volumes: schemas/* array */.YOg(volume).optional(),
    defaultLogsBucketBehavior: schemas/* enum */.k5n(['REGIONAL_USER_OWNED_BUCKET', 'LEGACY_BUCKET']).optional(),
    enableStructuredLogging: schemas/* boolean */.zMY().optional(),
});
const artifacts = schemas/* strictObject */.rej({
    images: strings.optional(),
    objects: schemas/* strictObject */.rej({ location: schemas/* string */.YjP(), paths: strings }).optional(),
    mavenArtifacts: schemas/* array */.YOg(schemas/* strictObject */.rej({ repository: schemas/* string */.YjP(), path: schemas/* string */.YjP(), artifactId: schemas/* string */.YjP(), groupId: schemas/* string */.YjP(), version: schemas/* string */.YjP() }))
        .optional(),
    pythonPackages: schemas/* array */.YOg(schemas/* strictObject */.rej({ repository: schemas/* string */.YjP(), paths: strings })).optional(),
    npmPackages: schemas/* array */.YOg(schemas/* strictObject */.rej({ repository: schemas/* string */.YjP(), packagePath: schemas/* string */.YjP() })).optional(),
});
const availableSecrets = schemas/* strictObject */.rej({
    secretManager: schemas/* array */.YOg(schemas/* strictObject */.rej({ versionName: schemas/* string */.YjP(), env: schemas/* string */.YjP() })).optional(),
    inline: schemas/* array */.YOg(schemas/* strictObject */.rej({ kmsKeyName: schemas/* string */.YjP(), envMap: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()) })).optional(),
});
/** The accepted YAML shape; exported for the test that checks every key against the Build proto. */
const buildConfigSchema = schemas/* strictObject */.rej({
    steps: schemas/* array */.YOg(step).min(1, 'a build needs at least one step'),
    timeout: duration.optional(),
    queueTtl: duration.optional(),
    substitutions: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
    options: options.optional(),
    tags: strings.optional(),
    images: strings.optional(),
    artifacts: artifacts.optional(),
    availableSecrets: availableSecrets.optional(),
    serviceAccount: schemas/* string */.YjP().optional(),
    logsBucket: schemas/* string */.YjP().optional(),
});
function toDuration(text) {
    if (text === undefined)
        return undefined;
    const m = DURATION.exec(text);
    return { seconds: Number(m[1]), nanos: Number((m[2] ?? '').padEnd(9, '0')) };
}
function camel(snake) {
    return snake.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
}
function pathText(path) {
    let out = '';
    for (const part of path)
        out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
    return out || 'the top level';
}
/** Parse and validate a cloudbuild YAML text. `file` is only used in messages. */
function parseBuildConfig(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const at = e ? ` (line ${lineCounter.linePos(e.pos[0]).line})` : '';
        throw new BuildConfigError(`${file} is not valid YAML${at}: ${e?.message.split('\n')[0]}`);
    }
    const lineOf = (path, key) => {
        const node = doc.getIn(path, true);
        let range = node?.range;
        if (key && (0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => p.key?.value === key);
            range = pair?.key?.range ?? range;
        }
        return range ? `, line ${lineCounter.linePos(range[0]).line}` : '';
    };
    const result = buildConfigSchema.safeParse(doc.toJS());
    if (!result.success) {
        const messages = result.error.issues.slice(0, 5).map((issue) => {
            if (issue.code === 'unrecognized_keys') {
                return issue.keys
                    .map((key) => {
                    const hint = key.includes('_') ? ` (did you mean "${camel(key)}"? Cloud Build keys are camelCase)` : '';
                    return `unknown key "${key}" at ${pathText(issue.path)}${lineOf(issue.path, key)}${hint}`;
                })
                    .join('; ');
            }
            return `${pathText(issue.path)}${lineOf(issue.path)}: ${issue.message}`;
        });
        throw new BuildConfigError(`${file}: ${messages.join('; ')}`);
    }
    const problems = stepProblems(result.data);
    if (problems.length)
        throw new BuildConfigError(`${file}: ${problems.join('; ')}`);
    return toBuild(result.data);
}
/** Rules Cloud Build applies across fields that a schema cannot express. */
function stepProblems(cfg) {
    const problems = [];
    const ids = new Set();
    cfg.steps.forEach((s, i) => {
        if (s.script !== undefined && (s.args !== undefined || s.entrypoint !== undefined)) {
            problems.push(`steps[${i}] sets script together with args/entrypoint; Cloud Build allows one or the other`);
        }
        for (const dependency of s.waitFor ?? []) {
            if (dependency !== '-' && !ids.has(dependency)) {
                problems.push(`steps[${i}].waitFor names "${dependency}", which is not the id of an earlier step`);
            }
        }
        if (s.id !== undefined) {
            if (ids.has(s.id))
                problems.push(`steps[${i}].id "${s.id}" is used by an earlier step`);
            ids.add(s.id);
        }
    });
    return problems;
}
function toBuild(cfg) {
    const { timeout, queueTtl, steps, options: opts, ...rest } = cfg;
    return {
        ...rest,
        steps: steps.map(({ timeout: stepTimeout, ...s }) => ({ ...s, timeout: toDuration(stepTimeout) })),
        options: opts ? { ...opts, diskSizeGb: opts.diskSizeGb === undefined ? undefined : String(opts.diskSizeGb) } : undefined,
        timeout: toDuration(timeout),
        queueTtl: toDuration(queueTtl),
    };
}
async function loadBuildConfig(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new BuildConfigError(`Cannot read the build config ${file}: ${error.message}`);
    }
    return parseBuildConfig(text, file);
}
/**
 * The Build to send: the config with values, tags and source filled in, refused (naming `file`) when Cloud Build
 * would refuse its substitutions — a reference to an undefined one, a value nothing uses.
 */
function prepareBuild(config, request, file) {
    const substitutions = { ...config.substitutions, ...request.substitutions };
    const build = {
        ...config,
        substitutions,
        tags: [...new Set([...(config.tags ?? []), ...(request.tags ?? [])])],
        ...(request.source ? { source: { storageSource: request.source } } : {}),
        ...(request.serviceAccount ? { serviceAccount: request.serviceAccount } : {}),
        ...(request.logsBucket ? { logsBucket: request.logsBucket } : {}),
        ...(request.timeoutSeconds ? { timeout: { seconds: request.timeoutSeconds, nanos: 0 } } : {}),
    };
    if (build.options?.substitutionOption !== 'ALLOW_LOOSE') {
        const problems = substitutionProblems(build, substitutions);
        if (problems.length)
            throw new BuildConfigError(`${file}: ${problems.join('; ')}`);
    }
    return build;
}

// EXTERNAL MODULE: ./node_modules/ignore/index.js
var ignore = __webpack_require__(70298);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
// EXTERNAL MODULE: ./node_modules/tar/dist/esm/index.min.js
var index_min = __webpack_require__(98697);
;// CONCATENATED MODULE: ./src/cloudbuild/source.ts
/**
 * The build's source: the workspace packed into a .tgz the way `gcloud builds submit` would pack it — honouring
 * .gcloudignore (including its `#!include:<file>` lines), or .gitignore when there is none — and uploaded
 * write-once under its own sha256, so a re-run of the same commit reuses the same object.
 *
 * The archive is deterministic (sorted entries, fixed mtime, no owners), so the same tree always gives the same
 * bytes and the same object name. .git and node_modules are never sent.
 */





const ALWAYS_SKIPPED = ['.git/', 'node_modules/'];
// A fixed, valid timestamp for every entry: tar stores seconds since 1970; 1980 keeps zip-minded tools happy.
const FIXED_MTIME = new Date('1980-01-01T00:00:00Z');
async function readIfExists(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
/** The ignore rules for `root`: .gcloudignore (with `#!include:` expanded), else .gitignore, plus the fixed ones. */
async function ignoreRulesFor(root) {
    const rules = ignore_default()().add(ALWAYS_SKIPPED);
    const gcloudignore = await readIfExists(external_node_path_default().join(root, '.gcloudignore'));
    if (gcloudignore !== undefined) {
        for (const line of gcloudignore.split(/\r?\n/)) {
            const include = /^#!include:(.+)$/.exec(line.trim());
            if (include) {
                const included = await readIfExists(external_node_path_default().join(root, include[1].trim()));
                if (included !== undefined)
                    rules.add(included);
            }
            else {
                rules.add(line);
            }
        }
        return { rules, file: '.gcloudignore' };
    }
    const gitignore = await readIfExists(external_node_path_default().join(root, '.gitignore'));
    if (gitignore !== undefined) {
        rules.add(gitignore);
        return { rules, file: '.gitignore' };
    }
    return { rules, file: undefined };
}
async function listFiles(root, rules) {
    const out = [];
    const walk = async (dir) => {
        const entries = await (0,promises_.readdir)(external_node_path_default().join(root, dir), { withFileTypes: true });
        for (const entry of entries) {
            const rel = dir ? `${dir}/${entry.name}` : entry.name;
            if (entry.isDirectory()) {
                if (!rules.ignores(`${rel}/`))
                    await walk(rel);
            }
            else if ((entry.isFile() || entry.isSymbolicLink()) && !rules.ignores(rel)) {
                out.push(rel);
            }
        }
    };
    await walk('');
    // Code-unit order, independent of locale and of the order the filesystem returns.
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
async function packWorkspace(root) {
    const stat = await (0,promises_.lstat)(root);
    if (!stat.isDirectory())
        throw new Error(`The workspace ${root} is not a directory.`);
    const { rules, file } = await ignoreRulesFor(root);
    const files = await listFiles(root, rules);
    const chunks = [];
    const stream = index_min/* create */.vt({ cwd: root, gzip: { level: 9 }, portable: true, mtime: FIXED_MTIME, noDirRecurse: true, follow: false }, files);
    for await (const chunk of stream)
        chunks.push(chunk);
    const tarball = Buffer.concat(chunks);
    return { tarball, files, sha256: (0,external_node_crypto_.createHash)('sha256').update(tarball).digest('hex'), ignoreFile: file };
}
/** Pack `root` and upload it to gs://bucket/<prefix>/source-<sha256>.tgz; returns the build's StorageSource. */
async function uploadWorkspace(options) {
    const packed = await packWorkspace(options.root);
    const prefix = (options.prefix ?? 'source').replace(/^\/+|\/+$/g, '');
    const object = `${prefix ? `${prefix}/` : ''}source-${packed.sha256}.tgz`;
    const result = await options.store.writeOnce(options.bucket, object, packed.tarball, {
        contentType: 'application/gzip',
    });
    return {
        source: { bucket: options.bucket, object, generation: result.info.generation },
        packed,
        created: result.created,
    };
}

;// CONCATENATED MODULE: ./src/apply/handoff.ts
/**
 * Handing the apply to Cloud Build, at most once per run and environment: attach to a build an earlier attempt
 * of this run already started (running or succeeded), else create one from the build config (the workspace packed
 * and uploaded as its source) or run the trigger.
 */





/** A build running as a service account, with no logs bucket anywhere: the log will most likely not stream. */
const NO_LOGS_BUCKET_WARNING = 'The build runs as `service-account` and neither the `logs-bucket` input nor the build config sets a logs bucket, ' +
    'so Cloud Build writes the log to a regional bucket it creates in the project, which this identity usually cannot ' +
    'read: the log will not stream here and a stale plan reads as a plain failure. Set `logs-bucket` to a bucket this ' +
    'identity can read (storage.objectViewer), e.g. the github_cicd module’s logs bucket.';
function applyTags(request) {
    const tags = applyBuildTags({ environment: request.environment, runId: request.runId, commitSha: request.commitSha });
    // A trigger's build config sets its own tags and cannot know the run id: there the commit and environment
    // identify the apply (the trigger config tags its builds `env-$_ENV` and `sha-$SHORT_SHA`, see docs/apply.md).
    // Its `apply` tag is the config's business too (it is what starts the after-deploy ingest), so it is not
    // part of the lookup: a trigger without it is still attached to rather than run twice.
    return request.handoff.kind === 'trigger' ? tags.filter((t) => !t.startsWith('gh-run-') && t !== 'apply') : tags;
}
async function handOff(cloudBuild, store, request, log) {
    const tags = applyTags(request);
    const existing = await findBuildToAttach(cloudBuild, tags);
    if (existing?.id) {
        log.info(`Build ${existing.id} (${(0,cloudbuild_build/* statusOf */.c2)(existing.status)}) carries the tags ${tags.join(', ')}: an earlier attempt of this ` +
            'run started it. Following it instead of starting a second apply.');
        return { buildId: existing.id, attached: true };
    }
    const { handoff } = request;
    if (handoff.kind === 'trigger') {
        log.info(`Running trigger ${handoff.triggerId} at ${request.commitSha}.`);
        return { buildId: await cloudBuild.runBuildTrigger(handoff.triggerId, { commitSha: request.commitSha, substitutions: request.substitutions }), attached: false };
    }
    // Parse the config before uploading anything: a typo fails in a second, naming the key and the file.
    const config = await loadBuildConfig(handoff.file);
    const uploaded = await uploadWorkspace({ store, bucket: handoff.sourceBucket, prefix: 'source', root: handoff.workspace });
    log.info(`Source: ${uploaded.packed.files.length} files (${uploaded.packed.ignoreFile ?? 'no ignore file'}) → ` +
        `${store.uri(handoff.sourceBucket, uploaded.source.object ?? '')}${uploaded.created ? '' : ' (already uploaded)'}`);
    const build = prepareBuild(config, {
        substitutions: request.substitutions,
        tags,
        source: uploaded.source,
        serviceAccount: handoff.serviceAccount,
        logsBucket: handoff.logsBucket,
        timeoutSeconds: handoff.timeoutSeconds,
    }, handoff.file);
    // Cloud Build substitutes tags (`env-$_ENV`) itself, but a lost createBuild reply is recovered by listing builds
    // with these tags, and the list filter needs them literal.
    build.tags = (build.tags ?? []).map((tag) => applySubstitutions(tag, build.substitutions ?? {}));
    if (build.serviceAccount && !build.logsBucket && !build.options?.logging?.toString().includes('CLOUD_LOGGING')) {
        // Builds running as a user-specified service account must say where logs go (Cloud Build refuses them
        // otherwise). The regional bucket Cloud Build then creates keeps the log a GCS object, but one the GitHub
        // identity is rarely granted: hence the warning naming the input that fixes it.
        build.options = { ...build.options, defaultLogsBucketBehavior: 'REGIONAL_USER_OWNED_BUCKET' };
        log.warning(NO_LOGS_BUCKET_WARNING);
    }
    return { buildId: await cloudBuild.createBuild(build), attached: false };
}

;// CONCATENATED MODULE: ./src/apply/run-apply.ts
/**
 * The apply, as a story: the merged PR of the commit → its reviewed plan, verified → the build (attached or
 * started) → wait while streaming its log → the outcome on the PR. Collaborators come in as arguments, so the
 * action, the CLI and the tests run the same code.
 */









/** Substitutions the action owns; the `substitutions` input may not set them. */
const RESERVED_SUBSTITUTIONS = ['_PLAN_URI', '_PLAN_SHA256', '_ENV', '_WORKING_DIR', '_PR_NUMBER', '_COMMIT_SHA'];
async function runApply(request, deps) {
    const { log } = deps;
    const report = {
        outcome: 'not-started',
        environment: request.environment,
        commitSha: request.commitSha,
        reviewedPlan: request.requireReviewedPlan,
        attached: false,
        runUrl: request.runUrl,
    };
    const pull = await deps.findMergedPullRequest(request.commitSha);
    if (!pull) {
        throw new errors/* UserError */.y(`No merged pull request has ${request.commitSha} in ${request.repository}: the apply deploys the reviewed plan of ` +
            'a merged pull request, and a direct push has none.');
    }
    report.pullRequest = { number: pull.number, url: pull.url };
    log.info(`Commit ${request.commitSha} is the merge of PR #${pull.number} (head ${pull.headSha}).`);
    try {
        let reviewed;
        if (request.requireReviewedPlan) {
            if (!request.planLocation)
                throw new errors/* UserError */.y('Input `plan-bucket` is required when `require-reviewed-plan` is true.');
            reviewed = await findReviewedPlan(deps.store, request.planLocation, {
                repository: request.repository,
                environment: request.environment,
                pullRequest: pull.number,
                headSha: pull.headSha,
            });
            report.planUri = reviewed.planUri;
            report.planSha256 = reviewed.manifest.planSha256;
            log.info(`Reviewed plan ${reviewed.planUri}: sha256 ${reviewed.manifest.planSha256} verified.`);
            if (reviewed.manifest.workingDirectory !== request.workingDirectory) {
                log.warning(`The reviewed plan was made in ${reviewed.manifest.workingDirectory}, this step applies ${request.workingDirectory}; ` +
                    'Terraform will refuse the plan if the roots differ.');
            }
        }
        else {
            log.warning('require-reviewed-plan is false: Cloud Build will plan and apply in one build; nobody reviewed that plan.');
        }
        const substitutions = buildSubstitutions(request, pull, reviewed);
        const handedOff = await handOff(deps.cloudBuild, deps.store, { handoff: request.handoff, environment: request.environment, runId: request.runId, commitSha: request.commitSha, substitutions }, log);
        report.buildId = handedOff.buildId;
        report.attached = handedOff.attached;
        return await follow(request, deps, report);
    }
    catch (error) {
        report.reason ??= error.message;
        return { report, error: error };
    }
}
function buildSubstitutions(request, pull, reviewed) {
    const taken = Object.keys(request.substitutions).filter((k) => RESERVED_SUBSTITUTIONS.includes(k));
    if (taken.length > 0) {
        throw new errors/* UserError */.y(`Input \`substitutions\` sets ${taken.join(', ')}, which the action sets itself; remove ${taken.length > 1 ? 'them' : 'it'}.`);
    }
    const ours = {
        _ENV: request.environment,
        _WORKING_DIR: request.workingDirectory,
        _PR_NUMBER: String(pull.number),
        _COMMIT_SHA: request.commitSha,
    };
    if (reviewed)
        Object.assign(ours, { _PLAN_URI: reviewed.planUri, _PLAN_SHA256: reviewed.manifest.planSha256 });
    return { ...request.substitutions, ...ours };
}
async function follow(request, deps, report) {
    const { cloudBuild, log } = deps;
    const id = report.buildId;
    const first = await cloudBuild.getBuild(id);
    report.logUrl = first.logUrl || (0,cloudbuild_build/* consoleUrl */.B9)(request.projectId, request.region, id);
    report.status = (0,cloudbuild_build/* statusOf */.c2)(first.status);
    log.info(`Cloud Build build ${id}: ${report.logUrl}`);
    let stale = false;
    // Without a signal source (tests, embedding) nobody can cancel the workflow, so there is nothing to guard.
    const guard = deps.signals ? cancelOnSignal({ cloudBuild, id, signals: deps.signals, log }) : { dispose: () => undefined };
    const stream = startBuildLogStream({
        store: deps.store,
        build: first,
        consoleUrl: report.logUrl,
        intervalMs: deps.logIntervalMs,
        onLine: (line) => {
            if (isStalePlanLine(line))
                stale = true;
            log.buildLine(line);
        },
        onUnavailable: log.warning,
    });
    let last = first;
    try {
        const result = await waitForBuild({
            getBuild: (x) => cloudBuild.getBuild(x),
            id,
            timeoutMs: request.timeoutMs,
            clock: deps.clock,
            poll: deps.poll,
            onStatus: (status, build) => {
                last = build;
                log.info(`Build ${id} is ${status}.`);
            },
        });
        last = result.build;
        report.outcome = 'applied';
        return { report: finish(report, last) };
    }
    catch (error) {
        if (error instanceof BuildFailedError) {
            last = error.build;
            report.stepId = error.stepId;
        }
        else if (error instanceof BuildDeadlineError) {
            last = error.build;
            report.outcome = 'timed-out';
            report.reason = error.message;
            return { report: finish(report, last), error };
        }
        else {
            throw error;
        }
    }
    finally {
        await stream.finish();
        guard.dispose();
    }
    finish(report, last);
    if (stale) {
        report.outcome = 'stale';
        return { report, error: new errors/* UserError */.y(`The plan reviewed in PR #${report.pullRequest?.number} is stale. ${STALE_PLAN_ADVICE} Log: ${report.logUrl}`) };
    }
    report.outcome = report.status === 'CANCELLED' ? 'cancelled' : 'failed';
    const failed = new BuildFailedError(last, report.status ?? 'STATUS_UNKNOWN', report.stepId, report.logUrl ?? '');
    report.reason = failed.message;
    return { report, error: failed };
}
function finish(report, build) {
    report.status = (0,cloudbuild_build/* statusOf */.c2)(build.status);
    const ms = (t) => (t?.seconds ? Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : undefined);
    const start = ms(build.startTime) ?? ms(build.createTime);
    const end = ms(build.finishTime);
    if (start !== undefined && end !== undefined && end >= start)
        report.durationMs = end - start;
    return report;
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
;// CONCATENATED MODULE: ./src/cli/apply.ts
/**
 * `dc-pipeline apply`: the apply action outside GitHub — the same inputs (as flags, through the same
 * parseInputs()) and the same runApply(). The merged PR comes from --pull-request and --head-sha, or is looked up
 * on GitHub with a token. Progress and the build log go to stderr; the job summary the action would write goes to
 * stdout. No PR comment is written.
 */






const HELP = `Usage: dc-pipeline apply [--flags]

Applies the reviewed plan of a merged pull request through Cloud Build and waits for it. Flags mirror the
apply action's inputs:
  --project-id ID              Google Cloud project (required)
  --region REGION              Cloud Build region (default global)
  --environment NAME           environment (default: last segment of the working directory)
  --working-directory DIR      Terraform root (default .)
  --plan-bucket gs://B/P       where reviewed plans are published
  --source-bucket BUCKET       where the workspace is uploaded (with --build-config)
  --build-config FILE          build config (default cloudbuild/apply.yaml)
  --trigger-id ID              run this trigger instead of sending --build-config
  --substitutions _K=V         extra substitution (repeatable)
  --service-account SA         service account the build runs as
  --logs-bucket gs://B/P       where the build writes its log (with --build-config; must be readable here)
  --timeout 60m                how long to wait
  --[no-]require-reviewed-plan fail without a reviewed plan (default true)
Which commit and PR:
  --repository OWNER/REPO      (default GITHUB_REPOSITORY)
  --commit SHA                 the merge commit (default GITHUB_SHA)
  --run-id ID                  identifies this apply for re-run attach (default GITHUB_RUN_ID, else "local")
  --pull-request N --head-sha SHA   the merged PR and its final head; otherwise looked up on GitHub with
  --github-token TOKEN         (default GITHUB_TOKEN)
  --workspace DIR              what is packed as the build source (default .)`;
async function main(argv) {
    if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write(HELP + '\n');
        return 0;
    }
    const { flags } = (0,args/* parseArgs */.Z)(argv, {
        values: [
            'project-id', 'region', 'environment', 'working-directory', 'plan-bucket', 'source-bucket', 'build-config', 'trigger-id',
            'substitutions', 'service-account', 'logs-bucket', 'timeout', 'github-token', 'repository', 'commit', 'run-id', 'pull-request',
            'head-sha', 'workspace',
        ],
        booleans: ['require-reviewed-plan'],
    });
    const env = process.env;
    const workspace = flags.get('workspace') || process.cwd();
    const inputs = parseInputs(actions_inputs/* InputReader */.i.fromFlags(flags), workspace);
    const repository = flags.get('repository') || env.GITHUB_REPOSITORY || '';
    const commitSha = flags.get('commit') || env.GITHUB_SHA || '';
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository))
        throw new errors/* UserError */.y(`Flag --repository was "${repository}"; expected owner/repo.`);
    if (!/^[0-9a-f]{40}$/.test(commitSha))
        throw new errors/* UserError */.y(`Flag --commit was "${commitSha}"; expected the full 40-character merge commit SHA.`);
    const [owner, repo] = repository.split('/');
    const findMergedPullRequest = pullRequestSource(flags, { owner, repo, token: flags.get('github-token') || env.GITHUB_TOKEN || '', env });
    const [{ createCloudBuild }, { createGcsStore }] = await Promise.all([__webpack_require__.e(/* import() */ 431261).then(__webpack_require__.bind(__webpack_require__, 23676)), __webpack_require__.e(/* import() */ 746223).then(__webpack_require__.bind(__webpack_require__, 40648))]);
    const cloudBuild = await createCloudBuild({ projectId: inputs.projectId, region: inputs.region, env });
    const say = (line) => void process.stderr.write(`${line}\n`);
    try {
        const { report, error } = await runApply({
            repository,
            commitSha,
            runId: flags.get('run-id') || env.GITHUB_RUN_ID || 'local',
            environment: inputs.environment,
            workingDirectory: inputs.workingDirectory,
            planLocation: inputs.planLocation,
            requireReviewedPlan: inputs.requireReviewedPlan,
            handoff: inputs.handoff.kind === 'trigger' ? inputs.handoff : { ...inputs.handoff, workspace, timeoutSeconds: inputs.timeoutSeconds },
            substitutions: inputs.substitutions,
            timeoutMs: inputs.timeoutSeconds * 1000,
            projectId: inputs.projectId,
            region: inputs.region,
        }, {
            findMergedPullRequest,
            store: createGcsStore({ projectId: inputs.projectId, env }),
            cloudBuild,
            log: { info: say, warning: (m) => say(`warning: ${m}`), buildLine: say },
            signals: process,
        });
        process.stdout.write(summaryMarkdown(report) + '\n');
        if (error)
            throw error;
        return 0;
    }
    finally {
        await cloudBuild.close();
    }
}
function pullRequestSource(flags, github) {
    const number = flags.get('pull-request');
    const headSha = flags.get('head-sha');
    if (number || headSha) {
        if (!number || !/^\d+$/.test(number) || !headSha || !/^[0-9a-f]{40}$/.test(headSha)) {
            throw new errors/* UserError */.y('Flags --pull-request and --head-sha go together: the PR number and the full SHA of its final head commit.');
        }
        return async () => ({ number: Number(number), headSha, url: `https://github.com/${github.owner}/${github.repo}/pull/${number}` });
    }
    if (!github.token) {
        throw new errors/* UserError */.y('Give --pull-request and --head-sha, or a GitHub token (--github-token or GITHUB_TOKEN) to look the merged PR up.');
    }
    return async (sha) => {
        const gh = await Promise.all(/* import() */[__webpack_require__.e(993542), __webpack_require__.e(516104)]).then(__webpack_require__.bind(__webpack_require__, 80448));
        const client = gh.createGitHubClientFromEnv(github.token, github.env);
        const pr = await gh.findMergedPullRequest(client, { owner: github.owner, repo: github.repo, sha });
        return pr && { number: pr.number, url: pr.url, headSha: pr.headSha };
    };
}


/***/ }),

/***/ 77593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ parseArgs)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * Flag parsing for the CLI: `--name value`, `--name=value`, `--flag` (true) and `--no-flag` (false), plus
 * positionals. Unknown flags are errors naming the flag and the known ones.
 */

function parseArgs(argv, known) {
    const flags = new Map();
    const positionals = [];
    const booleans = new Set(known.booleans ?? []);
    const values = new Set(known.values);
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith('--')) {
            positionals.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq === -1 ? undefined : eq);
        if (booleans.has(name)) {
            flags.set(name, eq === -1 ? 'true' : arg.slice(eq + 1));
        }
        else if (name.startsWith('no-') && booleans.has(name.slice(3))) {
            flags.set(name.slice(3), 'false');
        }
        else if (values.has(name)) {
            const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
            if (value === undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`flag --${name} needs a value.`);
            // Repeated flags (e.g. --var-file) accumulate as newline-separated values, like the action inputs.
            flags.set(name, flags.has(name) ? `${flags.get(name)}\n${value}` : value);
        }
        else {
            const all = [...values, ...booleans].map((f) => `--${f}`).join(', ');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`unknown flag --${name}; known flags: ${all}.`);
        }
    }
    return { flags, positionals };
}


/***/ }),

/***/ 19319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ RUNNING_STATUSES),
/* harmony export */   B9: () => (/* binding */ consoleUrl),
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   RJ: () => (/* binding */ logObjectOf),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   sV: () => (/* binding */ failingStepId),
/* harmony export */   zu: () => (/* binding */ NOT_STARTED_STATUSES)
/* harmony export */ });
/* unused harmony export FAILED_STATUSES */
// Numbers from google/devtools/cloudbuild/v1/cloudbuild.proto (Build.Status); the library may hand back either.
const STATUS_BY_NUMBER = {
    0: 'STATUS_UNKNOWN',
    10: 'PENDING',
    1: 'QUEUED',
    2: 'WORKING',
    3: 'SUCCESS',
    4: 'FAILURE',
    5: 'INTERNAL_ERROR',
    6: 'TIMEOUT',
    7: 'CANCELLED',
    9: 'EXPIRED',
};
const RUNNING_STATUSES = new Set(['PENDING', 'QUEUED', 'WORKING']);
/** Statuses in which the build has not started running steps: the only ones in which we cancel. */
const NOT_STARTED_STATUSES = new Set(['PENDING', 'QUEUED']);
const FAILED_STATUSES = new Set([
    'FAILURE',
    'INTERNAL_ERROR',
    'TIMEOUT',
    'CANCELLED',
    'EXPIRED',
]);
function statusOf(status) {
    if (typeof status === 'number')
        return STATUS_BY_NUMBER[status] ?? 'STATUS_UNKNOWN';
    if (typeof status === 'string' && Object.values(STATUS_BY_NUMBER).includes(status)) {
        return status;
    }
    return 'STATUS_UNKNOWN';
}
function isTerminal(status) {
    return status === 'SUCCESS' || FAILED_STATUSES.has(status);
}
/**
 * The id of the step that failed: the first step whose own status is a failure (Cloud Build sets per-step
 * statuses), else undefined (e.g. the build expired in the queue, or failed fetching source).
 */
function failingStepId(build) {
    const steps = build.steps ?? [];
    for (const [index, step] of steps.entries()) {
        if (FAILED_STATUSES.has(statusOf(step.status)) && statusOf(step.status) !== 'CANCELLED') {
            return step.id || `step #${index}`;
        }
    }
    return undefined;
}
/** The Cloud console page of a build (what Cloud Build puts in logUrl), for when the API did not give one. */
function consoleUrl(projectId, region, buildId) {
    return `https://console.cloud.google.com/cloud-build/builds;region=${encodeURIComponent(region)}/${encodeURIComponent(buildId)}?project=${encodeURIComponent(projectId)}`;
}
/** Where Cloud Build writes the build's log object: `<logsBucket>/log-<id>.txt`. */
function logObjectOf(build) {
    const m = /^gs:\/\/([^/]+)(?:\/(.*))?$/.exec(build.logsBucket ?? '');
    if (!m || !build.id)
        return undefined;
    const prefix = (m[2] ?? '').replace(/\/+$/, '');
    return { bucket: m[1], name: `${prefix ? `${prefix}/` : ''}log-${build.id}.txt` };
}


/***/ }),

/***/ 39182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RT: () => (/* binding */ ObjectStoreError),
/* harmony export */   m_: () => (/* binding */ NotFoundError),
/* harmony export */   yq: () => (/* binding */ parseGsUri)
/* harmony export */ });
class NotFoundError extends Error {
    name = 'NotFoundError';
}
/**
 * Any other failed store operation, its message naming the operation and the object ("Failed to download
 * gs://b/o: … (HTTP 403)"). `status` is the HTTP status when the backend answered with one — 403 means the caller
 * may not read or write there (IAM, VPC Service Controls) — and `cause` is the backend's own error.
 */
class ObjectStoreError extends Error {
    status;
    name = 'ObjectStoreError';
    constructor(message, status, options) {
        super(message, options);
        this.status = status;
    }
}
/** Split gs://bucket/some/prefix into its parts; throws a user-facing message naming the input otherwise. */
function parseGsUri(uri, inputName) {
    const m = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,220}[a-z0-9])(?:\/(.*))?$/.exec(uri.trim());
    if (!m) {
        throw new Error(`\`${inputName}\` was "${uri}"; expected gs://<bucket>[/<prefix>] with a valid bucket name.`);
    }
    return { bucket: m[1], prefix: (m[2] ?? '').replace(/\/+$/, '') };
}


/***/ })

};
