import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9116:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(94720);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 94720:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __nccwpck_require__(19556);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
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
    writeAllBytes(fd, Buffer.from(text, 'utf8'));
}
/** Writes all of `bytes` to `fd` (a file, or a pipe that may be full or closed). */
function writeAllBytes(fd, bytes) {
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
const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
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
    stdout_stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(redact(message))}${EOL}`);
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
        stdout_stdout.write(`::add-mask::${escapeData(line)}${EOL}`);
    }
}
/** `key<<delimiter` heredoc entries for a file command, each under a fresh random delimiter (as @actions/core writes them). */
function fileCommandEntries(entries) {
    let text = '';
    for (const [key, value] of entries) {
        const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
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
            stdout_stdout.write(`::set-output name=${name}::${escapeData(value)}${EOL}`);
        return;
    }
    (0,external_node_fs_.appendFileSync)(file, fileCommandEntries(entries), 'utf8');
}
function info(message) {
    stdout_stdout.write(redact(message) + EOL);
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
        used = (0,external_node_fs_.statSync)(file).size;
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
    const fd = (0,external_node_fs_.openSync)(file, 'a');
    try {
        writeAllBytes(fd, bytes);
        writeAllBytes(fd, Buffer.from(EOL, 'latin1'));
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
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

;// CONCATENATED MODULE: ./src/actions/run-action.ts
/**
 * The one way an action ends: `<action> failed with: <message>` on a user mistake (no stack), the same line
 * plus the stack in the debug log on a bug. Whatever is thrown, the step goes red — never green by accident.
 */


async function runAction(action, body) {
    try {
        await body();
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.y) && error instanceof Error && error.stack)
            debug(error.stack);
        setFailed(`${action} failed with: ${(0,errors/* messageOf */.b)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/actions/apply/clients.ts
const USER_AGENT = 'dc-pipeline-actions/0.1.0';
async function connect(options) {
    const [cloudbuild, storage, github] = await Promise.all([
        __nccwpck_require__.e(/* import() */ 941562).then(__nccwpck_require__.bind(__nccwpck_require__, 23676)),
        __nccwpck_require__.e(/* import() */ 991611).then(__nccwpck_require__.bind(__nccwpck_require__, 40192)),
        Promise.all(/* import() */[__nccwpck_require__.e(993542), __nccwpck_require__.e(653027)]).then(__nccwpck_require__.bind(__nccwpck_require__, 38389)),
    ]);
    const cloudBuild = await cloudbuild.createCloudBuild({ projectId: options.projectId, region: options.region, env: options.env, userAgent: USER_AGENT });
    return {
        cloudBuild,
        store: storage.createGcsStore({ projectId: options.projectId, env: options.env, userAgent: USER_AGENT }),
        github: github.createGitHubClientFromEnv(options.token, options.env, options.warn),
        github_: github,
        close: () => cloudBuild.close(),
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ./src/storage/object-store.ts
var object_store = __nccwpck_require__(39182);
;// CONCATENATED MODULE: ./src/actions/plan/inputs.ts
/**
 * The plan action's inputs, read and checked in one place. The CLI builds the same object from its flags
 * (InputReader.fromFlags), so `dc-pipeline plan` and the action cannot drift apart.
 */


const COMMENT_MODES = (/* unused pure expression or super */ null && (['update', 'new', 'off']));
function parseInputs(reader, cwd = process.cwd()) {
    const workingDirectory = reader.string('working-directory', '.');
    const planJson = reader.string('plan-json');
    const planFile = reader.string('plan-file');
    if (planJson && planFile) {
        throw new UserError('Only one of `plan-json` or `plan-file` can be set: `plan-json` is rendered as is, `plan-file` is shown with Terraform.');
    }
    const environment = reader.string('environment') || defaultEnvironment(workingDirectory, cwd);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
        throw new UserError(`${reader.label('environment')} was "${environment}"; expected letters, digits, ".", "_" or "-" (it becomes part of labels and file names).`);
    }
    return {
        workingDirectory,
        environment,
        source: planJson
            ? { kind: 'plan-json', path: resolve(cwd, planJson), given: planJson }
            : planFile
                ? { kind: 'plan-file', path: resolve(cwd, workingDirectory, planFile), given: planFile }
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
        throw new UserError(`Input \`plan-bucket\` was "${value}"; expected gs://<bucket>[/<prefix>].`);
    }
    if (planJsonGiven) {
        throw new UserError('Only one of `plan-bucket` or `plan-json` can be set: a reviewed plan needs the binary plan, and `plan-json` has none.');
    }
    return value;
}
/** `terraform/envs/dev` → `dev`; `.` → the folder's own name. */
function defaultEnvironment(workingDirectory, cwd) {
    const trimmed = workingDirectory.replace(/[\\/]+$/, '');
    const last = (0,external_node_path_.basename)(trimmed);
    if (last && last !== '.' && last !== '..')
        return last;
    return (0,external_node_path_.basename)((0,external_node_path_.resolve)(cwd, workingDirectory)) || 'default';
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
        throw new UserError(`Input \`args\` has an unclosed ${quote} quote: ${text}`);
    if (current !== undefined)
        out.push(current);
    return out;
}

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
function inputs_parseInputs(reader, workspace = process.cwd()) {
    const projectId = reader.required('project-id');
    if (!/^[a-z][a-z0-9-:.]{4,61}[a-z0-9]$/.test(projectId)) {
        throw new errors/* UserError */.y(`Input \`project-id\` was "${projectId}"; expected a Google Cloud project ID such as my-project-123.`);
    }
    const region = reader.string('region', 'global');
    const workingDirectory = reader.string('working-directory', '.');
    const environment = reader.string('environment') || defaultEnvironment(workingDirectory, workspace);
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

;// CONCATENATED MODULE: ./src/actions/apply/main.ts
/**
 * The apply action, top to bottom: inputs → clients → the merged PR's reviewed plan, applied by Cloud Build
 * (src/apply/run-apply.ts) → the outcome on the PR's plan comment, the job summary and the outputs → the verdict.
 */







async function run() {
    await runAction('apply', async () => {
        const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
        const inputs = inputs_parseInputs(InputReader.fromRunner(), workspace);
        if (inputs.githubToken)
            setSecret(inputs.githubToken);
        const context = (0,github_context/* readGitHubContext */.L)(process.env);
        if (!context.sha || !context.owner)
            throw new errors/* UserError */.y('GITHUB_SHA and GITHUB_REPOSITORY must be set: run the apply action in a workflow on push.');
        if (context.eventName && context.eventName !== 'push') {
            warning(`The apply action runs on push to the default branch; this is a "${context.eventName}" event. Looking up the PR of ${context.sha} anyway.`);
        }
        if (!inputs.githubToken)
            throw new errors/* UserError */.y('Input `github-token` is empty: it is needed to find the merged pull request.');
        // Loaded after the inputs are checked: a typo in the workflow fails before YAML, tar and the clients load.
        const [{ runApply }, { reportOnPlanComment }, { statusMarkdown, summaryMarkdown }] = await Promise.all([
            Promise.all(/* import() */[__nccwpck_require__.e(960665), __nccwpck_require__.e(523983)]).then(__nccwpck_require__.bind(__nccwpck_require__, 55110)),
            __nccwpck_require__.e(/* import() */ 574462).then(__nccwpck_require__.bind(__nccwpck_require__, 80964)),
            __nccwpck_require__.e(/* import() */ 625805).then(__nccwpck_require__.bind(__nccwpck_require__, 73308)),
        ]);
        const clients = await connect({ projectId: inputs.projectId, region: inputs.region, token: inputs.githubToken, env: process.env, warn: warning });
        try {
            const { report, error } = await runApply({
                repository: `${context.owner}/${context.repo}`,
                commitSha: context.sha,
                runId: context.runId,
                runUrl: context.runUrl,
                environment: inputs.environment,
                workingDirectory: inputs.workingDirectory,
                planLocation: inputs.planLocation,
                requireReviewedPlan: inputs.requireReviewedPlan,
                handoff: inputs.handoff.kind === 'trigger'
                    ? inputs.handoff
                    : { ...inputs.handoff, workspace, timeoutSeconds: inputs.timeoutSeconds },
                substitutions: inputs.substitutions,
                timeoutMs: inputs.timeoutSeconds * 1000,
                projectId: inputs.projectId,
                region: inputs.region,
            }, {
                findMergedPullRequest: async (sha) => {
                    const pr = await clients.github_.findMergedPullRequest(clients.github, { owner: context.owner, repo: context.repo, sha });
                    return pr && { number: pr.number, url: pr.url, headSha: pr.headSha };
                },
                store: clients.store,
                cloudBuild: clients.cloudBuild,
                log: { info: info, warning: warning, buildLine: info },
                signals: process,
            });
            setOutput('build-id', report.buildId ?? '');
            setOutput('status', report.status ?? '');
            setOutput('log-url', report.logUrl ?? '');
            setOutput('plan-uri', report.planUri ?? '');
            setOutput('pr-number', report.pullRequest?.number ?? '');
            appendSummary(summaryMarkdown(report));
            if (report.pullRequest) {
                try {
                    const posted = await reportOnPlanComment(clients.github, { owner: context.owner, repo: context.repo, pullRequest: report.pullRequest.number, environment: inputs.environment, workingDirectory: inputs.workingDirectory }, statusMarkdown(report));
                    info(`Outcome ${report.outcome} reported on PR #${report.pullRequest.number}: ${posted.url}`);
                }
                catch (reportError) {
                    // The apply itself is done; not being able to say so on the PR must not turn it red.
                    warning(`Could not report the outcome on PR #${report.pullRequest.number}: ${reportError.message}`);
                }
            }
            if (error)
                throw error;
        }
        finally {
            await clients.close();
        }
    });
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ messageOf),
/* harmony export */   y: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * A mistake the user can fix (bad input, missing plan, refused URL). Entry points print its message as one
 * sentence, without a stack trace; anything else is a bug and keeps its stack for the debug log.
 */
class UserError extends Error {
    name = 'UserError';
}
/** The message of anything thrown, for the one failure line. */
function messageOf(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ readGitHubContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(83916);
/**
 * The GitHub context of a run, read from the standard GITHUB_* variables and the event payload the runner
 * writes to GITHUB_EVENT_PATH. We read it ourselves instead of @actions/github's `context`, which parses the
 * payload at import time and would pull Octokit into the cold start of runs that never call GitHub.
 */


const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
function readGitHubContext(env, readFile = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8')) {
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
function readPayload(path, readFile) {
    if (!path)
        return {};
    let text;
    try {
        text = readFile(path);
    }
    catch {
        return {}; // Outside a runner (the CLI, local runs) there is no event; that is not an error.
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`The event payload at GITHUB_EVENT_PATH (${path}) is not JSON: ${error.message}`);
    }
}
function pullRequestOf(eventName, payload) {
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


/***/ }),

/***/ 39182:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 90290:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("async_hooks");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 64236:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("console");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 31637:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("diagnostics_channel");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 37830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 82987:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("perf_hooks");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 24876:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("punycode");

/***/ }),

/***/ 83480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 63774:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream/web");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 98253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ }),

/***/ 28167:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("worker_threads");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9116);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
