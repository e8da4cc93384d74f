import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 571281;
export const ids = [571281];
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

/***/ 52670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/actions/inputs.ts + 2 modules
var actions_inputs = __webpack_require__(30763);
// EXTERNAL MODULE: ./src/actions/plan/inputs.ts
var plan_inputs = __webpack_require__(19974);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/actions/plan/plan-source.ts
/**
 * Where the plan JSON comes from: Terraform run here (init, plan, show), an existing binary plan shown with
 * Terraform, or an existing JSON document. Also computes plan-sha256, the value the apply side verifies:
 * the sha256 of the binary plan, or of the JSON when that is all we were given.
 */




async function obtainPlan(inputs, options) {
    const { source } = inputs;
    if (source.kind === 'plan-json')
        return readPlanJson(source, inputs.label);
    const cwd = (0,external_node_path_.resolve)(inputs.workingDirectory);
    // Checked before Terraform starts: a missing directory would otherwise read as "terraform could not be
    // started (ENOENT)", and a missing plan file as a raw `terraform show` error.
    requireDirectory(inputs.workingDirectory, cwd, inputs.label);
    if (source.kind === 'plan-file')
        requireSavedPlan(source, inputs.label);
    // Loaded only when Terraform runs: node:child_process alone costs 25–60 ms of cold start on Node 24.
    const { runTerraformPlan, showPlanJson } = await __webpack_require__.e(/* import() */ 739780).then(__webpack_require__.bind(__webpack_require__, 16772));
    const dir = (0,external_node_path_.join)(options.scratchDir, 'dc-pipeline', inputs.environment);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const jsonPath = (0,external_node_path_.join)(dir, 'plan.json');
    if (source.kind === 'plan-file') {
        const json = await showPlanJson(inputs.terraform, cwd, source.path, options.env);
        (0,external_node_fs_.writeFileSync)(jsonPath, json);
        return { json, jsonPath, sha256: sha256File(source.path, 'plan-file'), planFile: source.path, failed: false };
    }
    const planFile = (0,external_node_path_.join)(dir, 'plan.tfplan');
    const result = await runTerraformPlan({
        binary: inputs.terraform,
        cwd,
        init: inputs.init,
        varFiles: inputs.varFiles,
        args: inputs.args,
        lockTimeout: '300s',
        planFile,
        log: options.log,
        onSensitiveValues: options.onSensitiveValues,
        env: options.env,
    });
    const json = result.planJson;
    if (json !== undefined)
        (0,external_node_fs_.writeFileSync)(jsonPath, json);
    return {
        json,
        model: result.model,
        jsonPath: json !== undefined ? jsonPath : undefined,
        sha256: result.planFile ? sha256File(result.planFile, 'plan file') : undefined,
        planFile: result.planFile,
        terraformVersion: result.terraformVersion,
        diagnostics: result.diagnostics,
        failed: result.status === 'failed',
    };
}
function readPlanJson(source, label) {
    const { path, given } = source;
    if (!(0,external_node_fs_.statSync)(path, { throwIfNoEntry: false })?.isFile()) {
        throw new errors/* UserError */.y(`${label('plan-json')} was "${given}"; expected an existing plan JSON file (terraform show -json)${resolvedAs(given, path)}.`);
    }
    let bytes;
    try {
        bytes = (0,external_node_fs_.readFileSync)(path);
    }
    catch (error) {
        throw new errors/* UserError */.y(`${label('plan-json')} names ${path}, which cannot be read: ${error.message}`);
    }
    const sha256 = sha256Hex(bytes);
    return { json: bytes.toString('utf8'), jsonPath: path, sha256, failed: false };
}
function requireDirectory(given, path, label) {
    if ((0,external_node_fs_.statSync)(path, { throwIfNoEntry: false })?.isDirectory())
        return;
    throw new errors/* UserError */.y(`${label('working-directory')} was "${given}"; expected an existing directory${resolvedAs(given, path)}.`);
}
/**
 * The plan file must exist. One common mix-up is named: `terraform show -json` output given as plan-file (it
 * belongs in plan-json). Anything else is left to `terraform show`, which knows every saved-plan format
 * (a local plan is a zip archive, an HCP Terraform saved plan a small JSON bookmark).
 */
function requireSavedPlan(source, label) {
    const { path, given } = source;
    const expected = `${label('plan-file')} was "${given}"; expected an existing saved plan file (terraform plan -out)`;
    if (!(0,external_node_fs_.statSync)(path, { throwIfNoEntry: false })?.isFile())
        throw new errors/* UserError */.y(`${expected}${resolvedAs(given, path)}.`);
    const head = Buffer.alloc(64);
    let read = 0;
    try {
        const fd = (0,external_node_fs_.openSync)(path, 'r');
        try {
            read = (0,external_node_fs_.readSync)(fd, head, 0, head.length, 0);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    catch (error) {
        throw new errors/* UserError */.y(`${expected}, but ${path} cannot be read: ${error.message}`);
    }
    if (/^\s*\{\s*"format_version"/.test(head.subarray(0, read).toString('utf8'))) {
        throw new errors/* UserError */.y(`${expected}, but ${path} is plan JSON (terraform show -json): pass that as \`plan-json\`.`);
    }
}
/** Where a relative path was looked for (relative to the working directory, or the workspace). */
function resolvedAs(given, path) {
    return given === path ? '' : ` (looked for ${path})`;
}
/**
 * crypto.hash (Node 20.12 and later) is the one-shot form: no Hash object, and not the list of algorithms that
 * createHash builds on its first call (~0.5 ms of a plan-json run).
 */
function sha256Hex(bytes) {
    return typeof external_node_crypto_.hash === 'function' ? external_node_crypto_.hash('sha256', bytes, 'hex') : external_node_crypto_.createHash('sha256').update(bytes).digest('hex');
}
function sha256File(path, what) {
    try {
        return sha256Hex((0,external_node_fs_.readFileSync)(path));
    }
    catch (error) {
        throw new errors/* UserError */.y(`The ${what} ${path} cannot be read: ${error.message}`);
    }
}

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
function markdown_utf8Bytes(text) {
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

;// CONCATENATED MODULE: ./src/comment/change-groups.ts

const LABELS = {
    delete: '🔴 destroy',
    replace: '🟣 replace',
    update: '🟡 update',
    create: '🟢 create',
    forget: '⚪ forget',
    read: '🔵 read',
    import: '📥 import',
    move: '🚚 move',
};
const ORDER = ['delete', 'replace', 'update', 'create', 'forget', 'read', 'import', 'move'];
function groupKey(change) {
    if (change.action === 'no-op')
        return change.importing !== undefined ? 'import' : 'move';
    return change.action;
}
function groupChanges(changes, drift = false) {
    const byKey = new Map();
    for (let i = 0; i < changes.length; i++) {
        const change = changes[i];
        const key = groupKey(change);
        let list = byKey.get(key);
        if (!list)
            byKey.set(key, (list = []));
        list.push(change);
    }
    const labels = drift ? DRIFT_LABELS : LABELS;
    return ORDER.filter((key) => byKey.has(key)).map((key) => ({ key, label: labels[key], changes: byKey.get(key) }));
}
/** Drift is what already happened outside Terraform, so it reads in the past tense. */
const DRIFT_LABELS = {
    delete: '🔴 deleted',
    replace: '🟣 recreated',
    update: '🟡 changed',
    create: '🟢 appeared',
    forget: '⚪ forgotten',
    read: '🔵 read',
    import: '📥 imported',
    move: '🚚 moved',
};
function actionLabel(change, drift = false) {
    return (drift ? DRIFT_LABELS : LABELS)[groupKey(change)];
}
/** Destroyed or replaced: the resources the warning callout must always list. */
function isDestructive(change) {
    return change.action === 'delete' || change.action === 'replace';
}
const REASONS = {
    replace_because_tainted: 'tainted',
    replace_because_cannot_update: 'a change forces replacement',
    replace_by_request: 'replacement requested (-replace)',
    replace_by_triggers: 'replace_triggered_by',
    delete_because_no_resource_config: 'removed from the configuration',
    delete_because_no_module: 'its module was removed',
    delete_because_wrong_repetition: 'count/for_each changed',
    delete_because_count_index: 'count index out of range',
    delete_because_each_key: 'for_each key removed',
    delete_because_no_move_target: 'moved to an address that does not exist',
    read_because_config_unknown: 'configuration known only after apply',
    read_because_dependency_pending: 'depends on pending changes',
    read_because_check_nested: 'read by a check block',
};
/** The notes column: order of a replacement, move, import, and why (for a table cell when `inTable`). */
function changeNotes(change, inTable) {
    const notes = [];
    if (change.replaceOrder === 'create-before-destroy')
        notes.push('create before destroy');
    if (change.replaceOrder === 'delete-before-create')
        notes.push('destroy before create');
    if (change.forgetsPrevious)
        notes.push('the old object is forgotten, not destroyed');
    if (change.action === 'forget')
        notes.push('removed from state, not destroyed');
    if (change.previousAddress !== undefined)
        notes.push(`moved from ${inlineCode(change.previousAddress, inTable)}`);
    if (change.importing !== undefined) {
        notes.push(change.importing.id !== undefined ? `import id ${inlineCode(change.importing.id, inTable)}` : 'imported');
    }
    if (change.actionReason !== undefined && change.action !== 'forget') {
        const known = REASONS[change.actionReason];
        notes.push(known ?? inlineCode(change.actionReason, inTable));
    }
    return notes.join('; ');
}

;// CONCATENATED MODULE: ./src/comment/line-budget.ts
/**
 * Byte accounting for a document built from whole lines. GitHub counts the limit in characters, but a
 * character is at most 4 bytes and most of ours are 1: counting bytes is never wrong and the margin is small.
 * Sections add blocks whole or not at all, so a cut always falls between blocks (never inside a fence or a
 * `<details>`).
 */

function blockBytes(block) {
    let total = 0;
    for (let i = 0; i < block.length; i++)
        total += markdown_utf8Bytes(block[i]) + 1;
    return total;
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

;// CONCATENATED MODULE: ./src/comment/section-changes.ts



/** Items per line in the inline forms: keeps lines short enough to read in a diff of the comment source. */
const ITEMS_PER_LINE = 8;
/**
 * `> [!CAUTION]` listing every resource to be destroyed or replaced. `list` and `inline` are all-or-nothing
 * (undefined when over `maxBytes`); `truncated` always fits, listing as many as it can.
 */
function calloutSection(destructive, form, maxBytes) {
    if (destructive.length === 0)
        return { lines: [], shortened: false };
    const deletes = destructive.filter((c) => c.action === 'delete');
    const replaces = destructive.filter((c) => c.action === 'replace');
    const title = [
        '> [!CAUTION]',
        `> **This plan ${[
            deletes.length > 0 ? `destroys ${plural(deletes.length, 'resource')}` : '',
            replaces.length > 0 ? `replaces ${plural(replaces.length, 'resource')}` : '',
        ]
            .filter(Boolean)
            .join(' and ')}:**`,
        '>',
    ];
    if (form === 'list') {
        const lines = [...title];
        let used = blockBytes(title) + 1;
        for (const change of destructive) {
            const line = `> - ${actionLabel(change)} ${inlineCode(change.address)}${replaceOrderNote(change)}`;
            used += markdown_utf8Bytes(line) + 1;
            if (used > maxBytes)
                return undefined;
            lines.push(line);
        }
        lines.push('');
        return { lines, shortened: false };
    }
    const groups = [
        ['Destroy', deletes],
        ['Replace', replaces],
    ];
    const lines = [...title];
    let shortened = false;
    let remaining = maxBytes - blockBytes(title) - 2;
    for (const [name, changes] of groups) {
        if (changes.length === 0)
            continue;
        const reserve = name === 'Destroy' && replaces.length > 0 ? 120 : 0;
        const part = inlineList(`> **${name} (${formatCount(changes.length)}):** `, '> ', changes.map((c) => inlineCode(c.address)), remaining - reserve);
        // The inline form is all-or-nothing: anything left out means it did not fit.
        if (part.omitted > 0 && form === 'inline')
            return undefined;
        if (part.omitted > 0)
            shortened = true;
        lines.push(...part.lines, '>');
        remaining -= blockBytes(part.lines) + 2;
    }
    lines[lines.length - 1] = '';
    if (form === 'inline' && !fits(lines, maxBytes))
        return undefined;
    return { lines, shortened };
}
function replaceOrderNote(change) {
    if (change.replaceOrder === 'create-before-destroy')
        return ' (create before destroy)';
    if (change.replaceOrder === 'delete-before-create')
        return ' (destroy before create)';
    return '';
}
/**
 * The overview of every change. `table`/`lists` are all-or-nothing; `truncated` fills `maxBytes` group by group.
 * `destructiveListed` lets the list forms point to the callout instead of repeating destroys and replaces.
 */
function changesSection(groups, form, maxBytes, destructiveListed) {
    if (groups.length === 0)
        return { lines: [], shortened: false };
    const heading = ['#### Changes', ''];
    if (form === 'table') {
        const lines = [...heading, '| Action | Resource | Notes |', '| --- | --- | --- |'];
        // One more byte for the closing empty line.
        let used = blockBytes(lines) + 1;
        for (const group of groups) {
            for (let i = 0; i < group.changes.length; i++) {
                const change = group.changes[i];
                const row = `| ${group.label} | ${inlineCode(change.address, true)} | ${changeNotes(change, true)} |`;
                used += markdown_utf8Bytes(row) + 1;
                if (used > maxBytes)
                    return undefined;
                lines.push(row);
            }
        }
        lines.push('');
        return { lines, shortened: false, bytes: used };
    }
    const lines = [...heading];
    let shortened = false;
    let remaining = maxBytes - blockBytes(heading);
    groups.forEach((group, i) => {
        const prefix = `**${group.label} (${formatCount(group.changes.length)}):** `;
        if (destructiveListed && (group.key === 'delete' || group.key === 'replace')) {
            const line = [`${prefix}listed in the warning above.`, ''];
            lines.push(...line);
            remaining -= blockBytes(line);
            return;
        }
        // Later groups keep room for at least their heading and a count.
        const reserve = (groups.length - i - 1) * 100;
        const part = inlineList(prefix, '', group.changes.map((c) => inlineCode(c.address)), remaining - reserve - 1);
        if (part.omitted > 0)
            shortened = true;
        lines.push(...part.lines, '');
        remaining -= blockBytes(part.lines) + 1;
    });
    if (form === 'lists' && (shortened || !fits(lines, maxBytes)))
        return undefined;
    return { lines, shortened };
}
/** `items` joined with ` · `, ITEMS_PER_LINE per line, as many as fit in `maxBytes`, then "… and N more". */
function inlineList(firstPrefix, linePrefix, items, maxBytes) {
    const more = (n) => `… and ${formatCount(n)} more (see the job summary)`;
    const lines = [];
    let current = firstPrefix;
    let inLine = 0;
    let used = 0;
    // Room for the "… and N more" tail, which the last line may need.
    const tailRoom = markdown_utf8Bytes(more(items.length)) + 4;
    for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const piece = inLine === 0 ? item : ` · ${item}`;
        const newLine = inLine >= ITEMS_PER_LINE;
        const cost = newLine ? markdown_utf8Bytes(linePrefix + item) + 1 : markdown_utf8Bytes(piece);
        const isLast = i === items.length - 1;
        if (used + markdown_utf8Bytes(current) + cost + (isLast ? 1 : tailRoom) > maxBytes) {
            const omitted = items.length - i;
            const tail = inLine === 0 ? more(omitted) : ` ${more(omitted)}`;
            lines.push(current + tail);
            return { lines, omitted };
        }
        if (newLine) {
            lines.push(current);
            used += markdown_utf8Bytes(current) + 1;
            current = linePrefix + item;
            inLine = 1;
        }
        else {
            current += piece;
            inLine++;
        }
    }
    lines.push(current);
    return { lines, omitted: 0 };
}
function fits(lines, maxBytes) {
    return blockBytes(lines) <= maxBytes;
}

;// CONCATENATED MODULE: ./src/comment/section-details.ts




function diffLine(diff) {
    return diffText(diff.kind, diff.path, diff.before, diff.after);
}
function diffText(kind, path, before, after) {
    const value = before !== undefined && after !== undefined ? `${before} -> ${after}` : (after ?? before ?? 'null');
    const forces = kind === '-/+' ? ' # forces replacement' : '';
    return `${kind} ${path} = ${value}${forces}`;
}
/** What one resource's diff may take by default: one huge resource must not crowd out all the others. */
const DETAILS_BYTES_PER_RESOURCE = 8192;
/** One resource's `<details>`; undefined when it has no changed attribute to show (a move, a forget). */
function resourceDetails(change, maxBodyBytes = DETAILS_BYTES_PER_RESOURCE, drift = false) {
    const block = detailsBlock(change, maxBodyBytes, drift);
    return block && [block.summary, ...block.rest.split('\n')];
}
/**
 * resourceDetails as two strings, with its size. This runs for every resource of a summary (1,000 at a time,
 * mostly in code V8 has not optimised yet). The diff lines come straight from the walk (writeAttributes) into
 * one text, on the bet that they are plain ASCII (almost all are): then characters are bytes, no line
 * needs fenceLine and the fence needs no more than three backticks, so one regex test over the whole body settles
 * it. When the bet fails, or the body is over its budget, the block is made again line by line (exactBlock).
 * And it keeps two strings per resource alive until the document is joined, not a dozen, the larger one in one
 * byte per character: whatever outlives a scavenge is copied, and the garbage collector was a third of the render.
 */
function detailsBlock(change, maxBodyBytes, drift) {
    // Created and destroyed objects (most of a large plan) come as one text; the rest through the walk.
    const fast = change.diffText?.();
    let text;
    let unchanged;
    if (fast) {
        if (fast.attributes === 0)
            return undefined;
        // PlainBody's budget rule: over once the lines pass it, unless there is only the first.
        if (fast.attributes > 1 && fast.text.length > maxBodyBytes)
            return exactBlock(change, maxBodyBytes, drift);
        text = fast.text;
        unchanged = fast.unchanged;
    }
    else {
        const body = new PlainBody(maxBodyBytes);
        unchanged = change.writeAttributes(body);
        if (body.attributes === 0)
            return undefined;
        if (body.over)
            return exactBlock(change, maxBodyBytes, drift);
        text = body.text;
    }
    if (unchanged > 0)
        text += `\n# (${plural(unchanged, 'unchanged attribute')} hidden)`;
    if (!isPlainAscii(text))
        return exactBlock(change, maxBodyBytes, drift);
    const summary = detailsSummary(change, drift);
    // The lines '', '```diff', the body, '```', '', '</details>', '' joined with newlines.
    const rest = `\n\`\`\`diff${text}\n\`\`\`\n\n</details>\n`;
    // Each line and its newline: the summary's, then rest's lines (one more than the newlines between them).
    return { summary, rest, bytes: markdown_utf8Bytes(summary) + 1 + rest.length + 1 };
}
function detailsSummary(change, drift) {
    return `<details><summary>${actionLabel(change, drift)} ${htmlCode(change.address)}</summary>`;
}
/**
 * The diff lines of one `<details>` as one text ('\n' before each line), counted in characters, which are its
 * bytes if the text turns out to be plain ASCII. Past the budget it only notes that it is over.
 */
class PlainBody {
    maxBytes;
    text = '';
    /** Changed attributes seen. */
    attributes = 0;
    /** The lines passed the budget (the first one never does): the block must be made by exactBlock. */
    over = false;
    #chars = 0;
    constructor(maxBytes) {
        this.maxBytes = maxBytes;
    }
    attribute(kind, path, before, after) {
        const i = this.attributes++;
        if (this.over)
            return;
        if ((before === undefined || after === undefined) && kind !== '-/+') {
            // diffText() for a one-sided line (no ` -> `, no `# forces replacement`), and its newline.
            const value = after ?? before ?? 'null';
            this.#chars += kind.length + path.length + value.length + 5;
            this.text += `\n${kind} ${path} = ${value}`;
        }
        else {
            const line = diffText(kind, path, before, after);
            this.#chars += line.length + 1;
            this.text += `\n${line}`;
        }
        if (this.#chars > this.maxBytes && i > 0)
            this.over = true;
    }
}
/** detailsBlock line by line, for bodies that are not plain ASCII or are over their budget. */
function exactBlock(change, maxBodyBytes, drift) {
    // After the summary: an empty line and the opening fence (slot 1, set once the longest backtick run of the
    // body is known).
    const body = new Body(maxBodyBytes);
    const unchanged = change.writeAttributes(body);
    if (body.cutAt >= 0) {
        body.add(`# … ${plural(body.attributes - body.cutAt, 'more changed attribute')} (see the full plan)`);
    }
    if (unchanged > 0)
        body.add(`# (${plural(unchanged, 'unchanged attribute')} hidden)`);
    const summary = detailsSummary(change, drift);
    const marker = fenceMarker(body.longestRun);
    const lines = body.lines;
    lines[1] = `${marker}diff`;
    lines.push(marker, '', '</details>', '');
    // summary + '' + opening fence, the body, closing fence + '' + '</details>' + '' (fences are ASCII).
    const bytes = markdown_utf8Bytes(summary) + 1 + 1 + marker.length + 5 + body.bytes + marker.length + 1 + 1 + 11 + 1;
    return { summary, rest: lines.join('\n'), bytes };
}
/** The diff lines of one `<details>`, taken from the walk until they pass the byte budget, then only counted. */
class Body {
    maxBytes;
    lines = ['', ''];
    /** UTF-8 bytes of the lines added, a newline each. */
    bytes = 0;
    longestRun = 0;
    /** Changed attributes seen, shown or not. */
    attributes = 0;
    /** The index of the first attribute left out for size, -1 while all fit. */
    cutAt = -1;
    #used = 0;
    constructor(maxBytes) {
        this.maxBytes = maxBytes;
    }
    attribute(kind, path, before, after) {
        const i = this.attributes++;
        if (this.cutAt >= 0)
            return;
        const line = diffText(kind, path, before, after);
        const plain = isPlainAscii(line);
        this.#used += (plain ? line.length : markdown_utf8Bytes(line)) + 1;
        // The first attribute is always shown, however long.
        if (this.#used > this.maxBytes && i > 0) {
            this.cutAt = i;
            return;
        }
        this.add(line, plain);
    }
    add(line, plain = isPlainAscii(line)) {
        if (plain) {
            this.lines.push(line);
            this.bytes += line.length + 1;
            return;
        }
        // As fence() does: control characters become visible escapes (tabs and newlines stay).
        const clean = fenceLine(line);
        this.lines.push(clean);
        this.bytes += markdown_utf8Bytes(clean) + 1;
        this.longestRun = Math.max(this.longestRun, longestBacktickRun(clean));
    }
}
/**
 * `<details>` for `changes` in order until `maxBytes`; with `all`, undefined unless every one fits. The
 * first block that does not fit ends the run: later ones are not squeezed in out of order.
 */
function detailsSection(changes, maxBytes, all, perResource = DETAILS_BYTES_PER_RESOURCE, drift = false) {
    const lines = [];
    const rendered = new Set();
    let used = 0;
    let omitted = 0;
    let stopped = false;
    // An index loop: it runs over every change, in code V8 has not optimised (for-of allocates per step).
    for (let i = 0; i < changes.length; i++) {
        const change = changes[i];
        if (stopped) {
            // Counting what is left out needs the diff only for resources that might have none; moves and
            // forgets never do, and the rest are counted without computing anything.
            if (change.action !== 'no-op' && change.action !== 'forget')
                omitted++;
            continue;
        }
        const block = detailsBlock(change, perResource, drift);
        if (!block)
            continue;
        if (used + block.bytes > maxBytes) {
            if (all)
                return undefined;
            stopped = true;
            omitted++;
            continue;
        }
        lines.push(block.summary, block.rest);
        rendered.add(change);
        used += block.bytes;
    }
    return { lines, shortened: omitted > 0, omitted, rendered, bytes: used };
}
/** "Changed outside of Terraform", collapsed: addresses, and the attribute diffs when they fit. */
function driftSection(drift, form, maxBytes) {
    if (drift.length === 0)
        return { lines: [], shortened: false };
    const open = [`<details><summary>🔀 Changed outside of Terraform: ${plural(drift.length, 'resource')}</summary>`, ''];
    const close = ['</details>', ''];
    const frame = blockBytes(open) + blockBytes(close);
    let shortened = false;
    const lines = [...open];
    if (form === 'full' || form === 'greedy') {
        const details = detailsSection(drift, maxBytes - frame, form === 'full', DETAILS_BYTES_PER_RESOURCE, true);
        if (!details)
            return undefined;
        // Resources without a <details> (nothing to show, or no room) still appear, as an address list.
        const rest = drift.filter((d) => !details.rendered.has(d));
        if (rest.length > 0) {
            const list = inlineList(details.lines.length > 0 ? '**Also:** ' : '', '', rest.map((d) => `${actionLabel(d, true)} ${inlineCode(d.address)}`), maxBytes - frame - blockBytes(details.lines) - 1);
            if (list.omitted > 0 && form === 'full')
                return undefined;
            if (list.omitted > 0)
                shortened = true;
            lines.push(...details.lines, ...list.lines, '');
        }
        else {
            lines.push(...details.lines);
        }
        shortened ||= details.shortened;
    }
    else {
        for (const group of groupChanges(drift, true)) {
            const list = inlineList(`**${group.label} (${formatCount(group.changes.length)}):** `, '', group.changes.map((c) => inlineCode(c.address)), maxBytes - frame - blockBytes(lines) - 1);
            if (list.omitted > 0 && form !== 'truncated')
                return undefined;
            if (list.omitted > 0)
                shortened = true;
            lines.push(...list.lines, '');
        }
    }
    lines.push(...close);
    if (blockBytes(lines) > maxBytes)
        return form === 'truncated' ? countOnly(`🔀 ${plural(drift.length, 'resource')} changed outside of Terraform`) : undefined;
    return { lines, shortened };
}
function outputsSection(outputs, form, maxBytes) {
    if (outputs.length === 0)
        return { lines: [], shortened: false };
    const open = [`<details><summary>📤 Output changes: ${formatCount(outputs.length)}</summary>`, ''];
    const close = ['', '</details>', ''];
    let lines;
    let shortened = false;
    if (form === 'diff') {
        const body = outputs.map((o) => diffLine({ path: o.name, kind: o.action === 'create' ? '+' : o.action === 'delete' ? '-' : '~', before: o.before, after: o.after }));
        lines = [...open, ...fence(body, 'diff'), ...close];
    }
    else {
        const list = inlineList('', '', outputs.map((o) => inlineCode(o.name)), maxBytes - blockBytes(open) - blockBytes(close));
        if (list.omitted > 0 && form === 'names')
            return undefined;
        // Names without values are a shortened form in any case.
        shortened = true;
        lines = [...open, ...list.lines, ...close];
    }
    if (blockBytes(lines) > maxBytes)
        return form === 'truncated' ? countOnly(`📤 ${plural(outputs.length, 'output change')}`) : undefined;
    return { lines, shortened };
}
const CHECK_STATUS = {
    pass: '✅ pass',
    fail: '❌ fail',
    error: '❌ error',
    unknown: '❔ unknown',
};
function checksSection(checks, form, maxBytes) {
    if (checks.length === 0)
        return { lines: [], shortened: false };
    const failing = checks.filter((c) => c.status === 'fail' || c.status === 'error');
    const summary = [
        failing.length > 0 ? `${formatCount(failing.length)} failed` : '',
        `${formatCount(checks.filter((c) => c.status === 'pass').length)} passed`,
        checks.some((c) => c.status === 'unknown') ? `${formatCount(checks.filter((c) => c.status === 'unknown').length)} unknown` : '',
    ]
        .filter(Boolean)
        .join(', ');
    const open = [`<details><summary>🩺 Checks: ${summary}</summary>`, '', '| Status | Check | Problems |', '| --- | --- | --- |'];
    const close = ['', '</details>', ''];
    // Failures first: they are what a reviewer needs; passes are the first thing to go.
    const ordered = form === 'table' ? [...failing, ...checks.filter((c) => !failing.includes(c))] : failing;
    const lines = [...open];
    let used = blockBytes(open) + blockBytes(close);
    let shown = 0;
    for (const check of ordered) {
        const problems = check.problems.map((p) => inlineCode(p, true)).join('<br>');
        const row = `| ${CHECK_STATUS[check.status]} | ${inlineCode(check.address, true)} | ${problems} |`;
        const cost = markdown_utf8Bytes(row) + 1;
        if (used + cost > maxBytes - 80) {
            if (form !== 'truncated')
                return undefined;
            break;
        }
        lines.push(row);
        used += cost;
        shown++;
    }
    const hidden = checks.length - shown;
    if (hidden > 0)
        lines.push('', `_… ${plural(hidden, 'more check')} (${form === 'table' ? 'left out' : 'passed or left out'}); see the job summary._`);
    lines.push(...close);
    if (blockBytes(lines) > maxBytes)
        return form === 'truncated' ? countOnly(`🩺 ${plural(checks.length, 'check')}`) : undefined;
    return { lines, shortened: hidden > 0 };
}
function countOnly(text) {
    return { lines: [`${text}: left out for size; see the job summary.`, ''], shortened: true };
}

;// CONCATENATED MODULE: ./src/comment/section-head.ts


const STATUS_TEXT = {
    'no-changes': '✅ no changes',
    changes: '🟡 changes',
    destroys: '🔴 destroys resources',
    error: '❌ error',
};
function headLines(model, ctx, status, o) {
    const lines = [];
    if (o.forComment)
        lines.push(commentMarker(ctx.environment, ctx.workingDirectory));
    lines.push(`### Terraform plan for ${inlineCode(ctx.environment)}: ${STATUS_TEXT[status]}`);
    if (o.forComment)
        lines.push(STATUS_START, STATUS_END);
    lines.push('');
    if (ctx.statusNote)
        lines.push(ctx.statusNote.replace(/\r?\n/g, ' '), '');
    if (!model) {
        lines.push('**Terraform failed before it produced a plan.**');
    }
    else {
        if (model.errored) {
            // As Terraform does: a failed plan with no changes gets no "No changes." line, which would read as success.
            lines.push(model.hasChanges
                ? '**Planning failed.** Terraform planned the actions below, but then encountered a problem; this plan cannot be applied.'
                : '**Planning failed.** Terraform encountered an error while generating this plan.');
            if (model.hasChanges)
                lines.push('', `**${model.summary}**`);
        }
        else {
            lines.push(`**${model.summary}**`);
        }
        const extras = extraCounts(model);
        if (extras)
            lines.push('', extras);
        const failing = model.checks.filter((check) => check.status === 'fail' || check.status === 'error').length;
        if (failing > 0)
            lines.push('', `⚠️ **${plural(failing, 'check')} failed** (see Checks below).`);
    }
    lines.push('', `Working directory: ${inlineCode(ctx.workingDirectory)}`, '');
    return lines;
}
function extraCounts(model) {
    const { counts } = model;
    const parts = [];
    if (counts.replace > 0)
        parts.push(`${formatCount(counts.replace)} replaced (counted in add and destroy)`);
    if (counts.import > 0)
        parts.push(`${formatCount(counts.import)} to import`);
    if (counts.move > 0)
        parts.push(`${formatCount(counts.move)} moved`);
    if (counts.forget > 0)
        parts.push(`${formatCount(counts.forget)} to forget (removed from state, not destroyed)`);
    if (counts.read > 0)
        parts.push(`${formatCount(counts.read)} to read`);
    if (counts.drift > 0)
        parts.push(`${formatCount(counts.drift)} changed outside of Terraform`);
    return parts.join(' · ');
}
/** Terraform's error output, cut to `maxBytes` on a line boundary; empty when there is none. */
function diagnosticsLines(diagnostics, maxBytes) {
    if (!diagnostics || diagnostics.trim() === '')
        return [];
    const all = textLines(diagnostics);
    const kept = [];
    let used = 200; // heading, fences, omission note
    for (const line of all) {
        const cost = markdown_utf8Bytes(line) + 1;
        if (used + cost > maxBytes)
            break;
        kept.push(line);
        used += cost;
    }
    const omitted = all.length - kept.length;
    const lines = ['**Terraform said:**', '', ...fence(kept, 'text')];
    if (omitted > 0)
        lines.push('', `_… ${plural(omitted, 'more line')} in the workflow log._`);
    lines.push('');
    return lines;
}
function noticeLines(forComment, runUrl, destructiveComplete = true) {
    const where = forComment
        ? `The complete plan is in the job summary of ${runLink(runUrl, 'the workflow run')}.`
        : 'Run `terraform show` on the plan file for the rest.';
    const limit = forComment ? "GitHub's comment size limit" : "GitHub's 1 MiB job summary limit";
    const destroys = destructiveComplete
        ? 'every resource to be destroyed or replaced is listed'
        : 'even the list of resources to be destroyed or replaced had to be cut';
    return ['> [!NOTE]', `> Shortened to fit ${limit}; ${destroys}. ${where}`, ''];
}
function footerLines(ctx, model) {
    const parts = [];
    if (ctx.commitSha)
        parts.push(`Commit ${inlineCode(ctx.commitSha)}`);
    if (ctx.runUrl && safeUrl(ctx.runUrl))
        parts.push(runLink(ctx.runUrl, 'Workflow run'));
    const version = ctx.terraformVersion ?? model?.terraformVersion;
    if (version)
        parts.push(`Terraform ${inlineCode(version)}`);
    if (ctx.planSha256)
        parts.push(`Plan sha256 ${inlineCode(ctx.planSha256)}`);
    if (parts.length === 0)
        return [];
    return ['---', `<sub>${parts.join(' · ')}</sub>`];
}
function runLink(url, text) {
    const safe = url ? safeUrl(url) : undefined;
    return safe ? `[${text}](<${safe}>)` : text;
}
/** Only http(s) links, written so that nothing in them can end the link destination. */
function safeUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    return url.href.replace(/[<>\s]/g, (ch) => encodeURIComponent(ch));
}

;// CONCATENATED MODULE: ./src/comment/render.ts







/** Room kept free in the comment for the status block the apply side adds later (setStatusBlock). */
const COMMENT_HEADROOM = 2048;
const COMMENT_BUDGET = COMMENT_LIMIT - COMMENT_HEADROOM;
/** 1 MiB per step, less room for whatever else the step writes to its summary. */
const SUMMARY_BUDGET = 1024 * 1024 - 64 * 1024;
/**
 * `comment: false` skips the comment (returned empty, not truncated) for callers that will not post one
 * (`comment: off`): fitting a large plan into 65,536 characters tries several levels of detail, which at 1,000
 * resources costs as much as the whole summary.
 */
function renderPlan(model, ctx, options = {}) {
    const status = planStatus(model);
    const ordered = model ? orderChanges(model) : undefined;
    const comment = options.comment === false
        ? { text: '', shortened: false }
        : renderDocument(model, ordered, ctx, status, { forComment: true, limit: COMMENT_BUDGET });
    const summary = renderDocument(model, ordered, ctx, status, { forComment: false, limit: SUMMARY_BUDGET });
    const summaryUtf8 = summary.utf8 ?? utf8Encoded(summary.text);
    return { comment: comment.text, summary: summary.text, summaryUtf8, status, truncated: comment.shortened };
}
function planStatus(model) {
    if (!model || model.errored)
        return 'error';
    if (model.counts.destroy > 0)
        return 'destroys';
    return model.hasChanges ? 'changes' : 'no-changes';
}
const LEVELS = [
    { callout: 'list', changes: 'table', details: 'all', drift: 'full', outputs: 'diff', checks: 'table' },
    { callout: 'list', changes: 'table', details: 'greedy', drift: 'greedy', outputs: 'diff', checks: 'table' },
    { callout: 'list', changes: 'table', details: 'none', drift: 'list', outputs: 'diff', checks: 'table' },
    { callout: 'list', changes: 'lists', details: 'none', drift: 'list', outputs: 'names', checks: 'failed' },
    { callout: 'list', changes: 'truncated', details: 'none', drift: 'truncated', outputs: 'truncated', checks: 'truncated' },
    { callout: 'inline', changes: 'truncated', details: 'none', drift: 'truncated', outputs: 'truncated', checks: 'truncated' },
    { callout: 'truncated', changes: 'truncated', details: 'none', drift: 'truncated', outputs: 'truncated', checks: 'truncated' },
];
/** What the truncated forms of the sections after the callout need at least. */
const MIN_REST = 4096;
function orderChanges(model) {
    const groups = groupChanges(model.changes);
    return {
        destructive: model.changes.filter(isDestructive),
        groups,
        detailOrder: groups.flatMap((g) => g.changes),
        floor: lowerBounds(model.changes),
    };
}
function renderDocument(model, ordered, ctx, status, o) {
    const head = headLines(model, ctx, status, { forComment: o.forComment });
    const footer = footerLines(ctx, model);
    // Budgeted at its longer wording; the one used depends on whether the callout stayed complete.
    const notice = noticeLines(o.forComment, ctx.runUrl, false);
    const showDiagnostics = status === 'error';
    // Diagnostics matter most when the plan failed; they get up to a third of the budget.
    const diagnostics = showDiagnostics ? diagnosticsLines(scrub(ctx.diagnostics, model), Math.floor(o.limit / 3)) : [];
    const fixed = blockBytes(head) + blockBytes(diagnostics) + blockBytes(footer);
    if (!model || !ordered)
        return { text: join([...head, ...diagnostics, ...footer]), shortened: false };
    const { destructive, floor } = ordered;
    const budget = o.limit - fixed - blockBytes(notice);
    for (const level of LEVELS) {
        // Levels that cannot fit are skipped without rendering: for 30,000 resources each attempt would cost
        // a budget's worth of work for nothing.
        if (level.details === 'all' && floor.details > budget)
            continue;
        if (level.changes === 'table' && floor.table > budget)
            continue;
        if (level.changes === 'lists' && floor.lists > budget)
            continue;
        // One resource's diff may take an eighth of the document: 8 KB of a comment, 120 KB of a summary.
        const attempt = tryLevel(model, level, budget, ordered, Math.floor(o.limit / 8));
        if (!attempt)
            continue;
        const shortened = attempt.shortened;
        const noticeUsed = shortened ? noticeLines(o.forComment, ctx.runUrl, attempt.destructiveComplete) : [];
        const lines = head.concat(noticeUsed, diagnostics, attempt.lines, footer);
        const fitted = withinLimit(join(lines), shortened, o);
        if (fitted)
            return fitted;
    }
    // Unreachable with sane limits (every section has a form that fits MIN_REST), kept as a guarantee: the
    // header, the cut-down callout and the footer always fit.
    const room = o.limit - fixed - blockBytes(notice) - 64;
    const callout = calloutSection(destructive, 'truncated', room);
    const lines = blockBytes(callout.lines) <= room ? callout.lines : [];
    return { text: join([...head, ...notice, ...diagnostics, ...lines, ...footer]), shortened: true };
}
/**
 * The document when `text` fits the limit. The comment is counted; the summary (up to 1 MiB, written to a file as
 * UTF-8 next) is encoded, and the encoding kept.
 */
function withinLimit(text, shortened, o) {
    if (o.forComment)
        return Buffer.byteLength(text) <= o.limit ? { text, shortened } : undefined;
    const utf8 = utf8Encoded(text);
    return utf8.length <= o.limit ? { text, shortened, utf8 } : undefined;
}
function tryLevel(model, level, budget, ordered, perResource) {
    const { destructive, groups, detailOrder } = ordered;
    let remaining = budget;
    const take = (section) => {
        if (section)
            remaining -= section.bytes ?? blockBytes(section.lines);
        return section;
    };
    const calloutBudget = level.callout === 'truncated' ? Math.max(0, remaining - MIN_REST) : remaining;
    const callout = take(calloutSection(destructive, level.callout, calloutBudget));
    if (!callout)
        return undefined;
    const destructiveListed = !callout.shortened;
    const truncatedRest = level.changes === 'truncated';
    // In the cut-down levels each later section keeps a little room so none vanishes entirely.
    const reserve = truncatedRest ? 1500 : 0;
    const changes = take(level.changes === 'table'
        ? tableSection(ordered, remaining - 3 * reserve)
        : changesSection(groups, level.changes, remaining - 3 * reserve, destructiveListed));
    if (!changes)
        return undefined;
    const outputs = take(outputsSection(model.outputs, level.outputs, remaining - 2 * reserve));
    if (!outputs)
        return undefined;
    const checks = take(checksSection(model.checks, level.checks, remaining - reserve));
    if (!checks)
        return undefined;
    // Drift addresses come before any attribute diff; drift diffs come after the planned changes' diffs.
    const driftListed = level.drift === 'full' || level.drift === 'greedy' ? undefined : take(driftSection(model.drift, level.drift, remaining));
    if (level.drift !== 'full' && level.drift !== 'greedy' && !driftListed)
        return undefined;
    let details = { lines: [], shortened: false };
    let detailsMissing = false;
    if (level.details !== 'none') {
        const reserveForDrift = model.drift.length > 0 ? Math.min(8192, Math.floor(remaining / 4)) : 0;
        const headingBytes = 32;
        const result = detailsSection(detailOrder, remaining - reserveForDrift - headingBytes, level.details === 'all', perResource);
        if (!result)
            return undefined;
        details = take(result);
    }
    else {
        detailsMissing = detailOrder.some((c) => c.action !== 'no-op' && c.action !== 'forget');
    }
    const drift = driftListed ?? take(driftSection(model.drift, level.drift, remaining));
    if (!drift)
        return undefined;
    if (remaining < 0)
        return undefined;
    const detailHeading = details.lines.length > 0 ? ['#### Attribute changes', ''] : [];
    return {
        // concat, not spread syntax: a summary's details are a few thousand entries, copied here in unoptimised code.
        lines: callout.lines.concat(changes.lines, detailHeading, details.lines, drift.lines, outputs.lines, checks.lines),
        shortened: callout.shortened || changes.shortened || details.shortened || detailsMissing || drift.shortened || outputs.shortened || checks.shortened,
        destructiveComplete: !callout.shortened,
    };
}
/**
 * changesSection(groups, 'table', maxBytes): all or nothing, and the same rows whatever the budget, so a table
 * that fitted fits any larger budget and one that did not fit fails any smaller one. For 1,000 resources the
 * comment and the summary both render it; this renders it once.
 */
function tableSection(ordered, maxBytes) {
    const memo = ordered.table;
    if (memo?.section && (memo.section.bytes ?? blockBytes(memo.section.lines)) <= maxBytes)
        return memo.section;
    if (memo && !memo.section && maxBytes <= memo.maxBytes)
        return undefined;
    const section = changesSection(ordered.groups, 'table', maxBytes, false);
    ordered.table = { section, maxBytes };
    return section;
}
/** Bytes each form needs at least (characters never exceed bytes), to skip hopeless levels cheaply. */
function lowerBounds(changes) {
    let addresses = 0;
    for (let i = 0; i < changes.length; i++)
        addresses += changes[i].address.length;
    const n = changes.length;
    return { table: addresses + n * 20, lists: addresses + n * 5, details: addresses * 2 + n * 60 };
}
function scrub(text, model) {
    if (!text || !model || model.sensitiveValues.length === 0)
        return text;
    let out = text;
    for (const secret of model.sensitiveValues)
        if (out.includes(secret))
            out = out.split(secret).join('***');
    return out;
}
/**
 * The lines as one text ending in exactly one newline. Trailing newlines are trimmed off the last entries before
 * the join rather than off the joined text: a summary is up to 1 MiB, and a regex anchored at its end still tries
 * a match at every newline in it, and a concatenation after costs another copy.
 */
function join(lines) {
    let end = lines.length;
    let last = '';
    // An entry can be empty, or a block of lines ending in a newline (a resource's <details>).
    while (end > 0) {
        const entry = lines[end - 1];
        let cut = entry.length;
        while (cut > 0 && entry.charCodeAt(cut - 1) === 10)
            cut--;
        if (cut > 0) {
            last = cut === entry.length ? entry : entry.slice(0, cut);
            break;
        }
        end--;
    }
    if (end === 0)
        return '\n';
    const kept = lines.slice(0, end);
    kept[end - 1] = last;
    kept.push('');
    return kept.join('\n');
}

// EXTERNAL MODULE: ./src/terraform/parse-plan.ts + 6 modules
var parse_plan = __webpack_require__(69567);
// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(19556);
;// CONCATENATED MODULE: ./src/actions/plan/publish.ts
/**
 * Put the rendered plan on the pull request: the sticky comment, then the labels. Octokit is imported only
 * here and only when something is to be posted, so `comment: off` runs never load it.
 *
 * Not being able to comment is not a failed plan: without a PR (push, workflow_dispatch) or with a read-only
 * token (fork PRs) the plan still reaches the job summary and the step goes on with a warning.
 */

const NO_PULL_REQUEST = (event) => `No pull request for the "${event || 'unknown'}" event: the plan is in the job summary only. Run the plan action on pull_request to get a comment.`;
const READ_ONLY_TOKEN = 'The token may not comment on this pull request (a fork PR, or the workflow lacks `permissions: pull-requests: write`): the plan is in the job summary only.';
const NO_TOKEN = 'Input `github-token` is empty: the plan is in the job summary only.';
/**
 * The request the action and the CLI both send: the marker, comment mode and label all follow from the inputs,
 * so the two entry points cannot drift apart on how a plan is keyed or labelled.
 */
function planPublishRequest(inputs, plan, where) {
    return {
        ...where,
        mode: inputs.comment,
        marker: commentMarker(inputs.environment, inputs.workingDirectory),
        body: plan.body,
        environment: inputs.environment,
        label: inputs.labels ? { state: planLabelState(plan.model, plan.failed) } : undefined,
    };
}
async function publishToPullRequest(req) {
    if (req.mode === 'off' && !req.label)
        return {};
    const pr = req.context.pullRequest;
    if (!pr) {
        req.warn(NO_PULL_REQUEST(req.context.eventName));
        return {};
    }
    if (!req.token) {
        req.warn(NO_TOKEN);
        return {};
    }
    const github = await Promise.all(/* import() */[__webpack_require__.e(993542), __webpack_require__.e(420388)]).then(__webpack_require__.bind(__webpack_require__, 80448));
    const client = github.createGitHubClientFromEnv(req.token, req.env, req.warn);
    const where = { owner: req.context.owner, repo: req.context.repo, issueNumber: pr.number };
    const published = {};
    try {
        const result = await github.upsertStickyComment(client, {
            ...where,
            marker: req.marker,
            body: req.body,
            mode: req.mode,
            log: req.warn,
            relistDelayMs: github.retryUnitMsFromEnv(req.env),
        });
        if (result.outcome !== 'off') {
            req.info(`Plan comment ${result.outcome}: ${result.url}${result.minimized ? ` (${result.minimized} older minimized)` : ''}`);
            published.commentId = result.id;
            published.commentUrl = result.url;
        }
        if (req.label) {
            const labels = await github.syncPlanLabels(client, { ...where, environment: req.environment, state: req.label.state });
            if (labels.added.length || labels.removed.length) {
                req.info(`Labels: +${labels.added.join(', +') || '∅'} -${labels.removed.join(', -') || '∅'}`);
            }
        }
    }
    catch (error) {
        if (!github.isPermissionDenied(error))
            throw error;
        req.warn(READ_ONLY_TOKEN);
    }
    return published;
}
/** Which plan label fits; undefined (remove ours) when the plan failed and says nothing reliable. */
function planLabelState(model, failed) {
    if (failed || !model || model.errored)
        return undefined;
    if (model.counts.destroy > 0 || model.counts.replace > 0)
        return 'destroy';
    return model.hasChanges ? 'changes' : 'no-changes';
}

// EXTERNAL MODULE: ./src/runtime/tunable-v8.ts
var tunable_v8 = __webpack_require__(96122);
;// CONCATENATED MODULE: ./src/actions/plan/v8-tuning.ts
/**
 * V8 settings for the one burst of work the plan action does: parse one plan JSON and render the comment and
 * the job summary (at most ~1 MiB of markdown), in a process that lives for a fraction of a second. V8's
 * defaults are made for long-running programs; for this burst they cost time while parsing and memory after.
 *
 * - While JSON.parse runs, the young generation grows 8× per scavenge instead of 2×: the parse allocates the
 *   document there and all of it survives, so at V8's pace it is copied through more scavenges on its way to the
 *   old generation (figures at withBurstTuning).
 * - After the parse, growth factor 1 holds the young generation at the size it reached: the rendered text
 *   survives too, and letting the young generation grow for it costs memory the run never pays back (with V8's
 *   defaults, peak RSS at 1,000 / 10,000 / 30,000 resources was 71 / 117 / 210 MB on Node 24). The usual knob,
 *   `--max-semi-space-size`, only works on the command line: set from code it changes nothing, on either version.
 * - Below PLAN_JIT_OFF_BELOW the optimising compilers (Maglev, TurboFan) are off: in a run this short they compile
 *   dozens of functions and add their compile memory for no time saved (1,000 resources, Node 24, min of 21–25
 *   interleaved runs: both on 94 → 93 ms and 57 → 66 MB; Maglev for the whole burst 94 → 94 ms and 57 → 62 MB,
 *   for the render only about −1 ms and +3.8 MB). `--always-sparkplug`, `--no-lazy-feedback-allocation`,
 *   `--no-parallel-scavenge` and `--single-threaded-gc` saved nothing either, nor (timing the render alone)
 *   `--concurrent-sparkplug` or lower Sparkplug batch and feedback-allocation thresholds. Larger plans keep the
 *   compilers: there they start to pay for themselves.
 *
 * With all three, the action's peak RSS on Node 24 (`npm run bench`) is 57 / 100 / 167 MiB at 1,000 / 10,000 /
 * 30,000 resources: 1.23 / 1.19 / 1.06× that of the bare JSON.parse it is compared against (which parses all of
 * the document; the action skips planned_values.root_module, see plan-json.ts).
 *
 * All three are restored afterwards: posting the comment and uploading a reviewed plan (which checksums in
 * JavaScript) run with V8's defaults. Only the majors measured are tuned (Node 20, V8 11.3; Node 24, V8 13.6):
 * these are V8's internal flags, an unknown one prints "unrecognized flag" on stderr, and their effect when set
 * at run time was checked on these two (`--max-opt`, for one, is ignored at run time on Node 24).
 */

/** Plans this small (characters of JSON) run untuned: there is nothing to save, and node:v8 costs ~3 ms to load. */
const PLAN_TUNE_FROM = 256 * 1024;
/** Plans below this many characters of JSON (bytes, for ASCII) are parsed and rendered without the optimising compilers. */
const PLAN_JIT_OFF_BELOW = 16 * 1024 * 1024;
/** How fast the young generation grows while the plan is parsed (see withBurstTuning), and V8's own factor. */
const PARSE_GROWTH_FACTOR = 8;
const V8_GROWTH_FACTOR = 2;
/**
 * Runs `burst` (parse and render one plan of `jsonBytes`) with the settings above, then restores V8's defaults.
 * The burst calls `parsed()` between the two; from there the young generation stops growing. Measured on the
 * 1,000-resource bench plan, Node 24: JSON.parse took 17.5 ms with the young generation held small from the
 * start and 14.6 ms at V8's growth (medians of 60 cold runs); garbage collection over the whole run (--trace-gc,
 * median of 15) took 8.8 ms at V8's factor 2, 6.3 at 4 and 4.7 at 8, for peak RSS 58.4 → 61 MB (measured at 4
 * and at 16). At 30,000 resources (median of 5): 112 → 70 ms, with 9 MB less peak RSS.
 */
function withBurstTuning(jsonBytes, burst) {
    const v8 = jsonBytes >= PLAN_TUNE_FROM ? (0,tunable_v8/* tunableV8 */.w)() : undefined;
    if (!v8)
        return burst(() => undefined);
    const jitOff = jsonBytes < PLAN_JIT_OFF_BELOW;
    if (jitOff)
        v8.setFlagsFromString('--no-maglev --no-turbofan');
    v8.setFlagsFromString(`--semi-space-growth-factor=${PARSE_GROWTH_FACTOR}`);
    const parsed = () => v8.setFlagsFromString('--semi-space-growth-factor=1');
    try {
        return burst(parsed);
    }
    finally {
        v8.setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
        // Maglev is on by default in Node 24 and off (experimental) in Node 20.
        if (jitOff)
            v8.setFlagsFromString(process.versions.node.startsWith('24.') ? '--turbofan --maglev' : '--turbofan');
    }
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
;// CONCATENATED MODULE: ./src/cli/plan.ts
/**
 * `dc-pipeline plan`: the plan action outside GitHub. Flags mirror the action inputs and go through the same
 * parseInputs(); the comment the action would post is printed to stdout (Terraform's own output goes to
 * stderr), so `dc-pipeline plan --plan-json plan.json > comment.md` is a preview of the PR comment.
 */











const HELP = `Usage: dc-pipeline plan [--flags]

Prints the comment the plan action would post. Flags mirror the action inputs:
  --working-directory DIR   Terraform root (default .)
  --environment NAME        environment name (default: last segment of the working directory)
  --plan-json FILE          render an existing \`terraform show -json\` document (Terraform is not run)
  --plan-file FILE          show an existing binary plan with Terraform
  --terraform BIN           Terraform binary (default terraform)
  --[no-]init               run terraform init first (default true)
  --var-files FILE          -var-file for terraform plan (repeatable)
  --args "ARGS"             extra arguments for terraform plan
  --summary                 print the job summary (the long form) instead of the comment
  --[no-]fail-on-destroy    exit 3 when the plan deletes or replaces anything

Posting (optional): with --pr N, --repo OWNER/NAME (or GITHUB_REPOSITORY) and a token (--github-token or
GITHUB_TOKEN) the comment is also posted like the action does (--comment update|new|off, --[no-]labels).
GITHUB_API_URL points it at GitHub Enterprise Server.`;
async function main(argv) {
    if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write(HELP + '\n');
        return 0;
    }
    const { flags } = (0,args/* parseArgs */.Z)(argv, {
        values: ['working-directory', 'environment', 'plan-json', 'plan-file', 'terraform', 'var-files', 'args', 'github-token', 'comment', 'repo', 'pr'],
        booleans: ['init', 'fail-on-destroy', 'summary', 'labels'],
    });
    const inputs = (0,plan_inputs/* parseInputs */.TL)(actions_inputs/* InputReader */.i.fromFlags(flags));
    const target = postTarget(flags);
    const plan = await obtainPlan(inputs, {
        scratchDir: (0,external_node_os_.tmpdir)(),
        log: (chunk) => void process.stderr.write(chunk),
    });
    // The same V8 settings as the action for the one burst of parsing and rendering (see v8-tuning.ts).
    const { model, rendered } = withBurstTuning(plan.json?.length ?? 0, (parsed) => {
        const model = plan.model ?? (plan.json !== undefined ? (0,parse_plan/* parsePlan */.v)(plan.json, plan.jsonPath) : undefined);
        parsed();
        const rendered = renderPlan(model, {
            environment: inputs.environment,
            workingDirectory: inputs.workingDirectory,
            terraformVersion: plan.terraformVersion ?? model?.terraformVersion,
            planSha256: plan.sha256,
            diagnostics: plan.diagnostics,
        });
        return { model, rendered };
    });
    process.stdout.write((flags.get('summary') === 'true' ? rendered.summary : rendered.comment) + '\n');
    if (target) {
        const context = { ...(0,github_context/* readGitHubContext */.L)(process.env), ...target.repo, pullRequest: { number: target.pr, fromFork: false } };
        const log = (message) => void process.stderr.write(`${message}\n`);
        await publishToPullRequest(planPublishRequest(inputs, { model, failed: plan.failed, body: rendered.comment }, { context, token: flags.get('github-token') || process.env.GITHUB_TOKEN || '', env: process.env, warn: log, info: log }));
    }
    if (plan.failed || model?.errored)
        return 1;
    if (inputs.failOnDestroy && model && (model.counts.destroy > 0 || model.counts.replace > 0))
        return 3;
    return 0;
}
/** Where to post, when --pr was given; the repository from --repo or GITHUB_REPOSITORY. */
function postTarget(flags) {
    const pr = flags.get('pr');
    if (!pr)
        return undefined;
    if (!/^[1-9]\d*$/.test(pr))
        throw new errors/* UserError */.y(`Flag --pr was "${pr}"; expected a pull request number.`);
    const full = flags.get('repo') || process.env.GITHUB_REPOSITORY || '';
    const m = /^([\w.-]+)\/([\w.-]+)$/.exec(full);
    if (!m)
        throw new errors/* UserError */.y(`Flag --repo was "${full}"; expected OWNER/NAME (or set GITHUB_REPOSITORY).`);
    return { pr: Number(pr), repo: { owner: m[1], repo: m[2] } };
}


/***/ }),

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ readGitHubContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
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

/***/ 96122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ tunableV8)
/* harmony export */ });
/**
 * node:v8, for setting V8 flags at run time, on the Node majors whose V8 the settings were measured on (Node 20,
 * V8 11.3; Node 24, V8 13.6) — these are V8's internal flags — and undefined elsewhere. Loaded through
 * process.getBuiltinModule (Node 20.16 and later; older 20.x run untuned) rather than imported, so a bundle that
 * never tunes does not pay to load it.
 */
const TUNED_NODE_MAJORS = new Set([20, 24]);
function tunableV8() {
    if (!TUNED_NODE_MAJORS.has(Number(process.versions.node.split('.')[0])))
        return undefined;
    return typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:v8') : undefined;
}


/***/ }),

/***/ 69567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ parsePlan)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/terraform/plan-model.ts
/**
 * The typed view of a Terraform plan that the comment renderer, the actions and the CLI work from.
 * Built by parsePlan() from `terraform show -json` output. Every value here is already rendered for display
 * and masked: nothing sensitive is reachable from a PlanModel except `sensitiveValues`, which exists so that
 * callers can register those strings as log masks.
 */
const SENSITIVE = '(sensitive value)';
const KNOWN_AFTER_APPLY = '(known after apply)';

;// CONCATENATED MODULE: ./src/terraform/render-value.ts
/**
 * Plan values → one-line display strings, with Terraform's markers applied on the way: anything under a
 * sensitive marker (or containing a known secret) becomes `(sensitive value)`, anything under an unknown
 * marker `(known after apply)`. The output is plain text; markdown escaping is the renderer's job.
 */

/** A value longer than this is cut: a 200 KB policy document helps nobody in a PR comment. */
const MAX_VALUE_CHARS = 1000;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/**
 * Keys already written, for the attribute names every resource of a type repeats. Bounded, because map keys
 * (tags, for_each maps) are user data that need not repeat at all.
 */
const KEY_NAMES = new Map();
const KEY_NAMES_MAX = 4096;
/** `name` as Terraform writes a key: bare when it is an identifier, quoted otherwise. */
function keyName(key) {
    let name = KEY_NAMES.get(key);
    if (name === undefined) {
        name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
        if (KEY_NAMES.size < KEY_NAMES_MAX)
            KEY_NAMES.set(key, name);
    }
    return name;
}
/** The marker for child `key` of a container marker (`true` covers all children). */
function childMarker(marker, key) {
    if (marker === true)
        return true;
    if (marker === null || typeof marker !== 'object')
        return undefined;
    return marker[key];
}
/** True when `marker` is `true` or holds a `true` somewhere inside. */
function hasTrue(marker) {
    if (marker === true)
        return true;
    if (marker === null || typeof marker !== 'object')
        return false;
    if (Array.isArray(marker))
        return marker.some(hasTrue);
    const keys = Object.keys(marker);
    for (let i = 0; i < keys.length; i++)
        if (hasTrue(marker[keys[i]]))
            return true;
    return false;
}
function renderValue(value, sensitive, unknown, secrets, limit = MAX_VALUE_CHARS) {
    // Most values are leaves: their text needs no walk (this runs for every attribute shown).
    const leaf = leafText(value, sensitive, unknown, secrets);
    let text;
    if (leaf !== undefined) {
        text = leaf;
    }
    else {
        const out = { text: '', limit };
        write(value, sensitive, unknown, secrets, out);
        text = out.text;
    }
    if (text.length <= limit)
        return text;
    return `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}
/** The text of a value that is not a list or a map (or is hidden by a marker); undefined for containers. */
function leafText(value, sensitive, unknown, secrets) {
    if (sensitive === true)
        return SENSITIVE;
    if (unknown === true)
        return KNOWN_AFTER_APPLY;
    if (value === null || value === undefined)
        return 'null';
    switch (typeof value) {
        case 'string':
            return secrets.matches(value) ? SENSITIVE : JSON.stringify(value);
        case 'number':
            return secrets.matches(String(value)) ? SENSITIVE : String(value);
        case 'boolean':
            return String(value);
        default:
            return undefined;
    }
}
function write(value, sensitive, unknown, secrets, out) {
    // Past the limit the text is cut anyway; stop walking so a huge value costs no more than a small one.
    if (out.text.length > out.limit)
        return;
    const leaf = leafText(value, sensitive, unknown, secrets);
    if (leaf !== undefined) {
        out.text += leaf;
        return;
    }
    if (Array.isArray(value)) {
        out.text += '[';
        for (let i = 0; i < value.length; i++) {
            if (i > 0)
                out.text += ', ';
            write(value[i], childMarker(sensitive, i), childMarker(unknown, i), secrets, out);
            if (out.text.length > out.limit)
                break;
        }
        out.text += ']';
        return;
    }
    const record = value;
    const keys = Object.keys(record);
    if (keys.length === 0) {
        out.text += '{}';
        return;
    }
    out.text += '{ ';
    for (let i = 0; i < keys.length; i++) {
        if (out.text.length > out.limit)
            break;
        const key = keys[i];
        if (i > 0)
            out.text += ', ';
        out.text += `${secrets.matches(key) ? SENSITIVE : keyName(key)} = `;
        write(record[key], childMarker(sensitive, key), childMarker(unknown, key), secrets, out);
    }
    out.text += ' }';
}

;// CONCATENATED MODULE: ./src/terraform/attribute-diff.ts
/**
 * One resource change's `before`/`after` → the changed attributes only, in a diff-like form, with sensitive
 * and unknown markers applied. Objects are walked down to their leaves; a list of plain values is shown whole
 * (index-by-index output for `["a","b"] → ["x","a","b"]` would claim that every element changed).
 */


/**
 * The path as segments, needed only to match replace paths: built only for replacements (for everything else
 * an array per visited node was the largest allocation of the walk, and the walk runs for every rendered resource).
 */
function childSegments(walk, segments, key) {
    return walk.replacePaths && segments ? [...segments, key] : undefined;
}
function diffAttributes(change, action, secrets) {
    const attributes = [];
    const unchanged = walkAttributes(change, action, secrets, {
        attribute(kind, path, before, after) {
            const diff = { path, kind };
            if (before !== undefined)
                diff.before = before;
            if (after !== undefined)
                diff.after = after;
            attributes.push(diff);
        },
    });
    return { attributes, unchanged };
}
/**
 * diffAttributes without the list: each changed attribute goes to `sink` as it is found, in display order, and
 * the count of unchanged attributes is returned. The renderer writes diff lines straight from here; an object
 * and an array slot per attribute of every rendered resource were garbage it had to collect.
 */
function walkAttributes(change, action, secrets, sink) {
    // A forgotten object is left as it is: there is nothing to compare.
    if (action === 'forget')
        return 0;
    const before = isRecord(change.before) ? change.before : undefined;
    const after = isRecord(change.after) ? change.after : undefined;
    const walk = {
        secrets,
        noSecrets: secrets.empty,
        sink,
        emitted: 0,
        replacePaths: action === 'replace' ? replacePathKeys(change.replace_paths) : undefined,
    };
    // Attributes that become known only after apply are absent from `after` and present in `after_unknown`.
    const keys = sortedUnion(before, after, after === undefined ? undefined : change.after_unknown);
    // A create (no `before`) or a destroy (no `after`) is walked on its one side: every attribute is `+` or `-`,
    // and the comparisons of the general walk all have one answer. Replace paths need the general walk.
    const oneSided = walk.replacePaths === undefined && (before === undefined || after === undefined);
    let unchanged = 0;
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const start = walk.emitted;
        const b = before?.[key];
        const a = after === undefined ? undefined : after[key];
        const path = pathKey(key, secrets);
        const beforeSensitive = childMarker(change.before_sensitive, key);
        const afterSensitive = childMarker(change.after_sensitive, key);
        if (oneSided && before === undefined) {
            visitCreated(walk, path, a, beforeSensitive, afterSensitive, childMarker(change.after_unknown, key));
        }
        else if (oneSided) {
            visitDestroyed(walk, path, b, beforeSensitive, afterSensitive);
        }
        else {
            visit(walk, walk.replacePaths ? [key] : undefined, path, b, a, beforeSensitive, afterSensitive, after === undefined ? undefined : childMarker(change.after_unknown, key));
        }
        if (walk.emitted === start && !isAbsent(b ?? a))
            unchanged++;
    }
    return unchanged;
}
function visit(walk, segments, path, before, after, beforeSensitive, afterSensitive, afterUnknown) {
    const { secrets } = walk;
    // Absence and container tests written out, not called: this runs for every attribute of every rendered
    // resource, mostly in code V8 has not optimised, where each call costs.
    const beforeAbsent = before === null || before === undefined;
    const afterAbsent = after === null || after === undefined;
    if (afterUnknown === true) {
        if (beforeAbsent)
            return emit(walk, segments, '+', path, undefined, KNOWN_AFTER_APPLY);
        return emit(walk, segments, '~', path, renderValue(before, beforeSensitive, undefined, secrets), KNOWN_AFTER_APPLY);
    }
    if (beforeSensitive === true || afterSensitive === true) {
        if (beforeAbsent && afterAbsent)
            return;
        if (beforeSensitive === afterSensitive && sameJson(before, after))
            return;
        // When either side is secret, both are shown masked: the other side is usually the same secret's old value.
        return emit(walk, segments, beforeAbsent ? '+' : afterAbsent ? '-' : '~', path, beforeAbsent ? undefined : SENSITIVE, afterAbsent ? undefined : SENSITIVE);
    }
    if (beforeAbsent && afterAbsent)
        return;
    // A leaf on both sides (no list or map): compare and show.
    if ((beforeAbsent || typeof before !== 'object') && (afterAbsent || typeof after !== 'object')) {
        if (before === after)
            return;
        return emitWhole(walk, segments, path, before, after, beforeSensitive, afterSensitive, afterUnknown);
    }
    // A list or a map on at least one side.
    const beforeIsArray = Array.isArray(before);
    const afterIsArray = Array.isArray(after);
    const beforeIsObject = isRecord(before);
    const afterIsObject = isRecord(after);
    const sameKind = (beforeIsArray && afterIsArray) || (beforeIsObject && afterIsObject) || beforeAbsent || afterAbsent;
    const plain = (beforeAbsent || isPlainList(before)) && (afterAbsent || isPlainList(after));
    const empty = isEmptyContainer(before ?? after) && (beforeAbsent || afterAbsent);
    // An empty list or map appearing with a new object, or going with a deleted one, says nothing.
    if (empty)
        return;
    if (!sameKind || plain) {
        if (sameKind && !hasTrue(afterUnknown) && sameJson(before, after) && !hasTrue(beforeSensitive) && !hasTrue(afterSensitive)) {
            return;
        }
        return emitWhole(walk, segments, path, before, after, beforeSensitive, afterSensitive, afterUnknown);
    }
    if (beforeIsArray || afterIsArray) {
        const b = (before ?? NO_ITEMS);
        const a = (after ?? NO_ITEMS);
        const length = Math.max(b.length, a.length);
        for (let i = 0; i < length; i++) {
            visit(walk, childSegments(walk, segments, i), `${path}[${i}]`, b[i], a[i], childMarker(beforeSensitive, i), childMarker(afterSensitive, i), childMarker(afterUnknown, i));
        }
        return;
    }
    const b = (before ?? NO_KEYS);
    const a = (after ?? NO_KEYS);
    const keys = sortedUnion(b, a, afterUnknown);
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const childBefore = b[key];
        const childAfter = a[key];
        const childBeforeSensitive = childMarker(beforeSensitive, key);
        const childAfterSensitive = childMarker(afterSensitive, key);
        const childUnknown = childMarker(afterUnknown, key);
        // The same leaf under the same markers, known: what visit() returns without a word, decided before its path
        // is built (most attributes of an updated object are unchanged). A plan updating 1,000 resources: about −4 ms
        // for the whole action (paired A/Bs of 60 in both orders).
        if (childBefore === childAfter && (childBefore === null || typeof childBefore !== 'object') && childUnknown !== true && childBeforeSensitive === childAfterSensitive) {
            continue;
        }
        visit(walk, childSegments(walk, segments, key), childPath(walk, path, key), childBefore, childAfter, childBeforeSensitive, childAfterSensitive, childUnknown);
    }
}
/**
 * visit() for an attribute of a created object: `before` is absent all the way down, so every change is a `+`.
 * Each step gives the answer visit() gives when `before` is absent, in the same order of tests; only what
 * cannot be decided without `before` is still asked. (This and visitDestroyed() carry most rendered resources:
 * plans mostly add or destroy.)
 */
function visitCreated(walk, path, after, beforeSensitive, afterSensitive, afterUnknown) {
    if (afterUnknown === true)
        return emitOneSided(walk, '+', path, undefined, KNOWN_AFTER_APPLY);
    const afterAbsent = after === null || after === undefined;
    if (beforeSensitive === true || afterSensitive === true) {
        if (afterAbsent)
            return;
        return emitOneSided(walk, '+', path, undefined, SENSITIVE);
    }
    if (afterAbsent)
        return;
    if (typeof after !== 'object')
        return emitOneSided(walk, '+', path, undefined, valueText(walk, after, afterSensitive, afterUnknown));
    // An empty list or map appearing with a new object says nothing; a list of plain values is shown whole.
    if (Array.isArray(after)) {
        if (after.length === 0)
            return;
        if (isPlainList(after)) {
            return emitOneSided(walk, '+', path, undefined, renderValue(after, afterSensitive, afterUnknown, walk.secrets));
        }
        for (let i = 0; i < after.length; i++) {
            visitCreated(walk, `${path}[${i}]`, after[i], childMarker(beforeSensitive, i), childMarker(afterSensitive, i), childMarker(afterUnknown, i));
        }
        return;
    }
    const a = after;
    const own = Object.keys(a);
    if (own.length === 0)
        return;
    const keys = withUnknownKeys(own, a, afterUnknown);
    // childMarker() written out for the three markers: this loop runs for every attribute of a created object.
    const bsAll = beforeSensitive === true;
    const bsMap = markerMap(beforeSensitive);
    const asAll = afterSensitive === true;
    const asMap = markerMap(afterSensitive);
    const auAll = afterUnknown === true;
    const auMap = markerMap(afterUnknown);
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const value = a[key];
        const bs = bsAll ? true : bsMap?.[key];
        const as = asAll ? true : asMap?.[key];
        const au = auAll ? true : auMap?.[key];
        const inherited = NO_KEYS[key];
        if (inherited !== undefined) {
            // visit() compares with NO_KEYS[key], which for `constructor` and the like is Object.prototype's: ask it.
            visit(walk, undefined, childPath(walk, path, key), inherited, value, bs, as, au);
        }
        else if (au !== true && bs !== true && as !== true && value !== null && value !== undefined && typeof value !== 'object') {
            // A plain value, as visitCreated() shows it, without the call (most attributes are one).
            emitOneSided(walk, '+', childPath(walk, path, key), undefined, valueText(walk, value, as, au));
        }
        else {
            visitCreated(walk, childPath(walk, path, key), value, bs, as, au);
        }
    }
}
/** visit() for an attribute of a destroyed object: `after` (and so `after_unknown`) is absent, every change is a `-`. */
function visitDestroyed(walk, path, before, beforeSensitive, afterSensitive) {
    const beforeAbsent = before === null || before === undefined;
    if (beforeSensitive === true || afterSensitive === true) {
        if (beforeAbsent)
            return;
        return emitOneSided(walk, '-', path, SENSITIVE, undefined);
    }
    if (beforeAbsent)
        return;
    if (typeof before !== 'object')
        return emitOneSided(walk, '-', path, valueText(walk, before, beforeSensitive, undefined), undefined);
    // An empty list or map going with a deleted object says nothing; a list of plain values is shown whole.
    if (Array.isArray(before)) {
        if (before.length === 0)
            return;
        if (isPlainList(before)) {
            return emitOneSided(walk, '-', path, renderValue(before, beforeSensitive, undefined, walk.secrets), undefined);
        }
        for (let i = 0; i < before.length; i++) {
            visitDestroyed(walk, `${path}[${i}]`, before[i], childMarker(beforeSensitive, i), childMarker(afterSensitive, i));
        }
        return;
    }
    const b = before;
    const keys = Object.keys(b);
    if (keys.length === 0)
        return;
    sortKeys(keys);
    const bsAll = beforeSensitive === true;
    const bsMap = markerMap(beforeSensitive);
    const asAll = afterSensitive === true;
    const asMap = markerMap(afterSensitive);
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const value = b[key];
        const bs = bsAll ? true : bsMap?.[key];
        const as = asAll ? true : asMap?.[key];
        const inherited = NO_KEYS[key];
        if (inherited !== undefined) {
            visit(walk, undefined, childPath(walk, path, key), value, inherited, bs, as, undefined);
        }
        else if (bs !== true && as !== true && value !== null && value !== undefined && typeof value !== 'object') {
            emitOneSided(walk, '-', childPath(walk, path, key), valueText(walk, value, bs, undefined), undefined);
        }
        else {
            visitDestroyed(walk, childPath(walk, path, key), value, bs, as);
        }
    }
}
/**
 * walkAttributes() for a created or destroyed object, as text: `\n+ path = value` (or `-`) for each attribute the
 * walk would hand a sink, in the same order with the same values. One function with the sink's work written in,
 * instead of a walk, a sink call and a line builder per attribute: rendering the job summary of 1,000 created
 * resources is mostly this loop, run once, in code V8 has not optimised, where every call counts (the `<details>`
 * of the bench plan's 1,000 resources: 25.7 → about 20 ms, medians of 40–60 cold runs). The tests hold it to the
 * walk on every plan of the corpus and on generated cases.
 *
 * Undefined when the change needs the general walk: an update or a replacement, a plan with secrets (values
 * and keys must be checked against them), or a key that Object.prototype also has (see visitCreated()).
 */
function oneSidedDiffText(change, action, secrets) {
    if (!secrets.empty || action === 'replace' || action === 'forget')
        return undefined;
    const before = isRecord(change.before) ? change.before : undefined;
    const after = isRecord(change.after) ? change.after : undefined;
    if ((before === undefined) === (after === undefined))
        return undefined;
    const out = { text: '', attributes: 0, unchanged: 0, secrets };
    const ok = after !== undefined
        ? oneSidedMap(out, CREATED, after, change.before_sensitive, change.after_sensitive, change.after_unknown, true)
        : oneSidedMap(out, DESTROYED, before, change.before_sensitive, change.after_sensitive, undefined, true);
    return ok ? { text: out.text, attributes: out.attributes, unchanged: out.unchanged } : undefined;
}
/**
 * One attribute path of the one-sided walk, with what each of its lines starts with (`\n+ path = `). The paths
 * form a tree from the object itself (the root, path ''). Resources of a plan repeat the same paths (every
 * instance of a count or for_each, every resource of a type), so after the first, a line is one lookup by key
 * and one concatenation, not a path and a line built again piece by piece (the line that built them was this
 * loop's hottest in a profile; keeping them saved about 1 ms of the 1,000-resource bench plan's 10–15). Bounded
 * like KEY_STEPS (map keys are user data that need not repeat): past PATH_NODES_MAX, new paths are made for the
 * line at hand and not kept.
 */
class PathNode {
    kind;
    path;
    children = new Map();
    /** `\n+ path = ` or `\n- path = `: a line of this path is this and the value. */
    line;
    constructor(kind, path) {
        this.kind = kind;
        this.path = path;
        this.line = `\n${kind} ${path} = `;
    }
    /** The path of map key `key` below this one; a top-level attribute's path is its bare name. */
    key(key) {
        const known = this.children.get(key);
        if (known !== undefined)
            return known;
        return this.#keep(key, new PathNode(this.kind, this.path === '' ? keyName(key) : this.path + keyStep(keyName(key))));
    }
    /** The path of list element `index` below this one. */
    index(index) {
        const known = this.children.get(index);
        if (known !== undefined)
            return known;
        return this.#keep(index, new PathNode(this.kind, `${this.path}[${index}]`));
    }
    #keep(step, node) {
        if (pathNodes < PATH_NODES_MAX) {
            pathNodes++;
            this.children.set(step, node);
        }
        return node;
    }
}
const PATH_NODES_MAX = 8192;
let pathNodes = 0;
const CREATED = new PathNode('+', '');
const DESTROYED = new PathNode('-', '');
/**
 * visitCreated() (kind `+`) or visitDestroyed() (kind `-`) over a map at `at`, appending to `out`; `top` is the
 * object itself, where walkAttributes() also counts the unchanged attributes. False when the general walk is needed.
 * Marker lookups, markerMap() and the path tree's lookup of a known key are written out rather than called: this
 * runs for every attribute of the summary, uncompiled, where a call costs more than the work (with withUnknownKeys'
 * for-in, about 1.5–2.8 ms of the 1,000-resource bench plan's 9–16 ms walk, medians of 41 fresh runs).
 */
function oneSidedMap(out, at, value, beforeSensitive, afterSensitive, afterUnknown, top) {
    const keys = Object.keys(value);
    // An empty map appearing or going says nothing (the object itself may still have unknown attributes).
    if (keys.length === 0 && !top)
        return true;
    const created = at.kind === '+';
    // A created object also lists the attributes known only after apply, as the walk does.
    if (created)
        withUnknownKeys(keys, value, afterUnknown);
    else
        sortKeys(keys);
    const bsAll = beforeSensitive === true;
    const bsMap = beforeSensitive !== null && typeof beforeSensitive === 'object' ? beforeSensitive : undefined;
    const asAll = afterSensitive === true;
    const asMap = afterSensitive !== null && typeof afterSensitive === 'object' ? afterSensitive : undefined;
    const auAll = created && afterUnknown === true;
    const auMap = created && afterUnknown !== null && typeof afterUnknown === 'object' ? afterUnknown : undefined;
    const children = at.children;
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        // Below the top level visitCreated() compares these with Object.prototype's members: the general walk.
        if (!top && NO_KEYS[key] !== undefined)
            return false;
        const child = value[key];
        const bs = bsAll ? true : bsMap === undefined ? undefined : bsMap[key];
        const as = asAll ? true : asMap === undefined ? undefined : asMap[key];
        const au = auAll ? true : auMap === undefined ? undefined : auMap[key];
        const start = out.attributes;
        if (!oneSidedChild(out, children.get(key) ?? at.key(key), child, bs, as, au))
            return false;
        // As walkAttributes() counts: a top-level attribute that is set and showed nothing (an empty list or map).
        if (top && out.attributes === start && child !== null && child !== undefined)
            out.unchanged++;
    }
    return true;
}
/**
 * One attribute of a one-sided object, as visitCreated() / visitDestroyed() show it: known after apply, hidden,
 * a value, or the attributes of a list or map below it. False when the general walk is needed.
 */
function oneSidedChild(out, at, child, bs, as, au) {
    if (au === true) {
        // Only a created object has unknown markers, so the line is `+`.
        out.text += at.line + KNOWN_AFTER_APPLY;
        out.attributes++;
    }
    else if (child === null || child === undefined) {
        return true;
    }
    else if (bs === true || as === true) {
        out.text += at.line + SENSITIVE;
        out.attributes++;
    }
    else if (typeof child !== 'object') {
        const created = at.kind === '+';
        // valueText() without secrets: a string is its JSON unless long enough to be cut.
        let text;
        if (typeof child === 'string') {
            text = JSON.stringify(child);
            if (text.length > MAX_VALUE_CHARS)
                text = renderValue(child, created ? as : bs, au, out.secrets);
        }
        else if (typeof child === 'number' || typeof child === 'boolean') {
            text = String(child);
        }
        else {
            text = renderValue(child, created ? as : bs, au, out.secrets);
        }
        out.text += at.line + text;
        out.attributes++;
    }
    else {
        return Array.isArray(child)
            ? oneSidedList(out, at, child, bs, as, au)
            : oneSidedMap(out, at, child, bs, as, au, false);
    }
    return true;
}
/** A list below a one-sided attribute, as visitCreated() / visitDestroyed() show it. */
function oneSidedList(out, at, value, beforeSensitive, afterSensitive, afterUnknown) {
    if (value.length === 0)
        return true;
    const created = at.kind === '+';
    if (isPlainList(value)) {
        const text = created ? renderValue(value, afterSensitive, afterUnknown, out.secrets) : renderValue(value, beforeSensitive, undefined, out.secrets);
        out.text += at.line + text;
        out.attributes++;
        return true;
    }
    for (let i = 0; i < value.length; i++) {
        const au = created ? childMarker(afterUnknown, i) : undefined;
        if (!oneSidedChild(out, at.index(i), value[i], childMarker(beforeSensitive, i), childMarker(afterSensitive, i), au))
            return false;
    }
    return true;
}
/** A marker's children by key, or undefined when it has none (childMarker() then gives undefined, unless it is `true`). */
function markerMap(marker) {
    return marker !== null && typeof marker === 'object' ? marker : undefined;
}
/**
 * renderValue() of a value that is not a list or a map, under markers that are not `true`. Without secrets to
 * look for, a string is its JSON (unless long enough to be cut) and a number or a boolean its text, with no
 * renderValue() → leafText() → matches() calls on the way (this runs for most attributes of most plans).
 */
function valueText(walk, value, sensitive, unknown) {
    if (walk.noSecrets) {
        if (typeof value === 'string') {
            const text = JSON.stringify(value);
            if (text.length <= MAX_VALUE_CHARS)
                return text;
        }
        else if (typeof value === 'number' || typeof value === 'boolean') {
            return String(value);
        }
    }
    return renderValue(value, sensitive, unknown, walk.secrets);
}
function emitOneSided(walk, kind, path, before, after) {
    walk.emitted++;
    walk.sink.attribute(kind, path, before, after);
}
/** The path of map key `key` under `path`: a quoted key goes in brackets, a masked one already is; the rest after a dot. */
function childPath(walk, path, key) {
    if (!walk.noSecrets)
        return path + keyStep(pathKey(key, walk.secrets));
    // Without secrets a key's step depends on the key alone, and every resource of a type repeats the same keys.
    let step = KEY_STEPS.get(key);
    if (step === undefined) {
        step = keyStep(keyName(key));
        if (KEY_STEPS.size < KEY_STEPS_MAX)
            KEY_STEPS.set(key, step);
    }
    return path + step;
}
function keyStep(name) {
    const first = name.charCodeAt(0);
    return first === QUOTE ? `[${name}]` : first === BRACKET ? name : `.${name}`;
}
/** `.name` / `["key"]` by key, bounded: map keys are user data that need not repeat (as in keyName()). */
const KEY_STEPS = new Map();
const KEY_STEPS_MAX = 4096;
/** A map key as it appears in a path; a key that is a known secret is masked like a value. */
const QUOTE = 34; // "
const BRACKET = 91; // [
function pathKey(key, secrets) {
    return secrets.matches(key) ? `[${SENSITIVE}]` : keyName(key);
}
function emitWhole(walk, segments, path, before, after, beforeSensitive, afterSensitive, afterUnknown) {
    const beforeAbsent = isAbsent(before);
    const afterAbsent = isAbsent(after);
    emit(walk, segments, beforeAbsent ? '+' : afterAbsent ? '-' : '~', path, beforeAbsent ? undefined : renderValue(before, beforeSensitive, undefined, walk.secrets), afterAbsent ? undefined : renderValue(after, afterSensitive, afterUnknown, walk.secrets));
}
function emit(walk, segments, kind, path, before, after) {
    const forced = walk.replacePaths !== undefined && segments !== undefined && forcesReplacement(walk.replacePaths, segments);
    walk.emitted++;
    walk.sink.attribute(forced ? '-/+' : kind, path, before, after);
}
/** True when `segments` lies on a replace path: equal to it, inside it, or containing it. */
function forcesReplacement(replacePaths, segments) {
    const mine = segments.map(String);
    return replacePaths.some((forcing) => {
        const n = Math.min(forcing.length, mine.length);
        for (let i = 0; i < n; i++)
            if (forcing[i] !== mine[i])
                return false;
        return true;
    });
}
function replacePathKeys(raw) {
    if (!Array.isArray(raw))
        return undefined;
    const paths = raw.filter(Array.isArray).map((path) => path.map(String));
    return paths.length > 0 ? paths : undefined;
}
function sortedUnion(a, b, unknownMarker) {
    // Object.keys gives a fresh array of distinct keys; the other sources only add what it lacks. Most objects
    // come from one side (a create or a delete), so usually one Object.keys is the whole union. Index loops, not
    // for-of: unoptimised code allocates an iterator result per step.
    const aKeys = a ? Object.keys(a) : undefined;
    const bKeys = b ? Object.keys(b) : undefined;
    let keys;
    if (aKeys === undefined || aKeys.length === 0) {
        keys = bKeys ?? [];
    }
    else {
        keys = aKeys;
        if (bKeys)
            for (let i = 0; i < bKeys.length; i++)
                if (!hasOwn(a, bKeys[i]))
                    keys.push(bKeys[i]);
    }
    if (isRecord(unknownMarker)) {
        const unknownKeys = Object.keys(unknownMarker);
        for (let i = 0; i < unknownKeys.length; i++) {
            const key = unknownKeys[i];
            if (unknownMarker[key] === true && !(a && hasOwn(a, key)) && !(b && hasOwn(b, key)))
                keys.push(key);
        }
    }
    return sortKeys(keys);
}
/**
 * sortedUnion(undefined, record, unknownMarker) for a record whose own keys (`own`, fresh from Object.keys) are
 * already at hand: they and the keys the marker marks `true` that the record lacks, sorted.
 */
function withUnknownKeys(own, record, unknownMarker) {
    if (isRecord(unknownMarker)) {
        // for-in, not Object.keys: no array per marker (one per map of every created resource). Own keys come in the
        // same order; inherited ones (none, unless a prototype was polluted) are skipped.
        for (const key in unknownMarker) {
            if (unknownMarker[key] === true && !hasOwn(record, key) && hasOwn(unknownMarker, key))
                own.push(key);
        }
    }
    return sortKeys(own);
}
/**
 * keys.sort(), by insertion for short lists: the builtin sort costs about a microsecond per call before it
 * compares anything, and this runs for every object of every rendered resource (4,000 calls for 1,000
 * terraform_data). Terraform writes object keys sorted, so the insertion pass is usually one comparison per key.
 * `<` on strings compares UTF-16 code units, the order of the default sort.
 */
function sortKeys(keys) {
    if (keys.length > 32)
        return keys.sort();
    for (let i = 1; i < keys.length; i++) {
        const key = keys[i];
        let j = i - 1;
        while (j >= 0 && keys[j] > key) {
            keys[j + 1] = keys[j];
            j--;
        }
        keys[j + 1] = key;
    }
    return keys;
}
function hasOwn(record, key) {
    return Object.prototype.hasOwnProperty.call(record, key);
}
/**
 * Stand-ins for an absent side while walking the other one, shared instead of a new `{}` / `[]` per object.
 * Lookups behave as on a fresh literal (inherited names such as `constructor` included), so output is unchanged.
 */
const NO_KEYS = Object.freeze({});
const NO_ITEMS = Object.freeze([]);
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function isAbsent(value) {
    return value === null || value === undefined;
}
function isPlainList(value) {
    return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}
function isEmptyContainer(value) {
    if (Array.isArray(value))
        return value.length === 0;
    if (!isRecord(value))
        return false;
    // Object.keys(value).length === 0 without allocating the keys (asked for every object walked).
    for (const key in value)
        if (hasOwn(value, key))
            return false;
    return true;
}
function sameJson(a, b) {
    if (a === b)
        return true;
    if (isAbsent(a) || isAbsent(b))
        return isAbsent(a) && isAbsent(b);
    return JSON.stringify(a) === JSON.stringify(b);
}

;// CONCATENATED MODULE: ./src/terraform/plan-counts.ts
const NO_CHANGES = 'No changes. Your infrastructure matches the configuration.';
/** `changes` must already be the shown changes (no plain no-ops, no deleted data sources). */
function countChanges(changes, drift) {
    const counts = { add: 0, change: 0, destroy: 0, replace: 0, import: 0, move: 0, forget: 0, read: 0, drift: drift.length };
    for (let i = 0; i < changes.length; i++) {
        const change = changes[i];
        switch (change.action) {
            case 'create':
                counts.add++;
                if (change.forgetsPrevious)
                    counts.forget++;
                break;
            case 'update':
                counts.change++;
                break;
            case 'delete':
                counts.destroy++;
                break;
            case 'replace':
                counts.add++;
                counts.destroy++;
                counts.replace++;
                break;
            case 'forget':
                counts.forget++;
                break;
            case 'read':
                counts.read++;
                break;
            case 'no-op':
                break;
        }
        if (change.importing !== undefined)
            counts.import++;
        if (change.previousAddress !== undefined)
            counts.move++;
    }
    return counts;
}
/** Terraform's sentence for the plan. Outputs-only and actions-only plans still get a Plan line (all zeros). */
function summarize(counts, hasChanges, actionInvocations = 0) {
    if (!hasChanges)
        return NO_CHANGES;
    const imports = counts.import > 0 ? `${counts.import} to import, ` : '';
    const actions = actionInvocations > 0 ? ` Actions: ${actionInvocations} to invoke.` : '';
    return `Plan: ${imports}${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy.${actions}`;
}

;// CONCATENATED MODULE: ./src/terraform/plan-json.ts
/**
 * JSON.parse of `terraform show -json` output, less one of the two parts nothing here reads: every resource's
 * values over again, as planned (planned_values.root_module) or as they were (prior_state.values.root_module).
 * Not building it saves that share of the parse and of the memory. The larger of the two is left out: in a plan
 * that creates, planned_values (44% of the bytes of the bench plans); in one that destroys, prior_state (48%);
 * in one that updates, prior_state (30%, planned_values 22%). The whole plan action on plans that create 30,000 /
 * 10,000 / 1,000 resources: 680 → 547 ms (medians of 7), 388 → 325 ms (medians of 9), about −4 ms (paired median
 * of 100); peak RSS at 30,000, 194 → 167 MiB. Plans that destroy or update: see parseAroundPriorState.
 *
 * Terraform (and OpenTofu) write the document compactly with the top-level keys in a fixed order: format_version,
 * terraform_version, variables, planned_values, resource_drift, resource_changes, deferred_changes,
 * output_changes, prior_state, configuration, …, whichever are present. When the text has that layout, it is
 * parsed in two pieces around the part left out: everything before `,"<key>":` closed with `}`, and everything
 * after its value opened with `{`. Of the value itself only `outputs` is parsed (sensitive outputs are secrets
 * to mask), and for prior_state the small header before `values`.
 *
 * Why the cuts are exact. Inside a JSON string every quote is escaped, so `,"planned_values":{` and
 * `,"resource_changes":` in the text are structure, never string content; but structure at any depth (a
 * terraform_data input can be an object with a key named resource_changes). So a cut is trusted only once the
 * piece it makes has parsed: the start of a document plus `}` is a JSON object only when the cut is at the top
 * level, and so is `{` plus the end of a document. The value ends where the next top-level key begins, so its
 * end is looked for as `,"<key>":` for every top-level key parse-plan reads (each candidate tried until one
 * holds): only keys nothing reads can sit between the value and the first of those, and they are left out with
 * it. Anything else (no candidate that holds within a few tries, a piece that does not parse, a layout not
 * expected, a `__proto__` key, a letter written as a `\u` escape in the part left out) falls back to one JSON.parse
 * of the whole text. The result is what JSON.parse gives, without that root_module (and such unread keys), or
 * JSON.parse's own error.
 *
 * One region only: a piece between two cuts would be anchored at neither end of the document, and two look-alike
 * keys at one depth inside a value would parse as a piece of their own.
 *
 * The price: the root_module left out is not read, so a document damaged only inside it is not noticed.
 * Terraform does not write such a document; a truncated one still fails (its end does not parse, and the full
 * parse then reports where).
 */
const PLANNED_VALUES = ',"planned_values":{';
const PRIOR_STATE = ',"prior_state":{';
/** prior_state's `values`, after its format_version and terraform_version. */
const STATE_VALUES = ',"values":{';
const CONFIGURATION = ',"configuration":';
/**
 * Where the value left out may end: before any top-level key parse-plan reads, in whatever order the document
 * has them (the comma before the key: a key's quotes are never escaped, a string's quotes always are, so whatever
 * precedes the comma, this is structure). A key nothing reads (deferred_changes, timestamp, …) that sits right
 * after the value is left out with it.
 */
const READ_KEY = /,"(?:resource_drift|resource_changes|output_changes|action_invocations|prior_state|configuration|variables|checks|condition_results|errored|format_version|terraform_version|plan_format_version|planned_values|lineage|serial)":/g;
/** Candidates for the end of the value tried before giving up on the cut (each costs a failed parse). */
const END_TRIES = 4;
const ROOT_MODULE = '{"root_module":';
const OUTPUTS = '{"outputs":';
const OUTPUTS_END = '},"root_module":';
/** An outputs key after root_module's start: in planned_values, one of its own keys (it has no other objects). */
const OUTPUTS_KEY = ',"outputs":';
/** The same in prior_state: any key so named, as a second values key could also be written after values. */
const ANY_OUTPUTS_KEY = '"outputs":';
function parsePlanJson(text) {
    return parseAroundUnreadValues(text)?.doc ?? JSON.parse(text);
}
/** Which root_module was left out, and the document without it; undefined when the whole text must be parsed. */
function parseAroundUnreadValues(text) {
    const priorState = largerPriorState(text);
    if (priorState >= 0) {
        const doc = cutPriorState(text, priorState);
        return doc && { doc, without: 'prior_state' };
    }
    const doc = parseAroundPlannedValues(text);
    return doc && { doc, without: 'planned_values' };
}
/**
 * The document with planned_values reduced to its outputs, or undefined when the text does not have Terraform's
 * layout (the caller then parses all of it).
 */
function parseAroundPlannedValues(text) {
    const key = text.indexOf(PLANNED_VALUES);
    if (key < 0)
        return undefined;
    // The `{` that opens planned_values' value.
    const start = key + PLANNED_VALUES.length - 1;
    const around = cutAround(text, key, start);
    if (around === undefined)
        return undefined;
    const plannedValues = outputsOnly(text, start, around.end, OUTPUTS_KEY);
    return plannedValues && assembled(around.head, 'planned_values', plannedValues, around.tail);
}
/**
 * The document with prior_state.values reduced to its outputs, or undefined as above. Terraform writes prior_state
 * as `{"format_version":…,"terraform_version":…,"values":{"outputs":…,"root_module":…}}`: the header before
 * values is parsed on its own, and its parse anchors values at prior_state's top level as the head's anchors
 * prior_state. Measured on 1,000-resource plans, the whole plan action, against leaving out planned_values:
 * destroys about −12 ms, updates about −3 ms (paired A/B medians of 40, less the A/B script's order bias).
 */
function parseAroundPriorState(text) {
    return cutPriorState(text, text.indexOf(PRIOR_STATE));
}
/** parseAroundPriorState with prior_state's key (its comma) at `key`, as found: the cut checks it. */
function cutPriorState(text, key) {
    if (key < 0)
        return undefined;
    const start = key + PRIOR_STATE.length - 1;
    const valuesKey = text.indexOf(STATE_VALUES, start);
    if (valuesKey < 0)
        return undefined;
    const valuesStart = valuesKey + STATE_VALUES.length - 1;
    // (A `values` key in the header, which Terraform does not write, is replaced below, as JSON.parse keeps the last.)
    const header = parsedObject(`${text.slice(start, valuesKey)}}`);
    if (header === undefined || plan_json_hasOwn(header, '__proto__'))
        return undefined;
    const around = cutAround(text, key, valuesStart);
    if (around === undefined)
        return undefined;
    // values is prior_state's last key as Terraform writes it. A second `values` after it would be the one JSON.parse
    // keeps: when it has outputs, so does the text after root_module's start, and all of it is parsed. (Without, its
    // outputs are the first values' ones: masked, as JSON.parse's reading would not.)
    const values = outputsOnly(text, valuesStart, around.end, ANY_OUTPUTS_KEY);
    if (values === undefined)
        return undefined;
    header.values = values;
    return assembled(around.head, 'prior_state', header, around.tail);
}
/**
 * The document before `key` (the comma before a top-level key) and after that key's value, each parsed, the
 * value's end being the first candidate from `from` whose end of the document parses (one inside a value fails).
 */
function cutAround(text, key, from) {
    const head = parsedObject(`${text.slice(0, key)}}`);
    if (head === undefined || plan_json_hasOwn(head, '__proto__'))
        return undefined;
    READ_KEY.lastIndex = from;
    for (let tries = 0; tries < END_TRIES; tries++) {
        const next = READ_KEY.exec(text);
        if (next === null)
            return undefined;
        const end = next.index;
        const tail = parsedObject(`{${text.slice(end + 1)}`);
        if (tail !== undefined)
            return plan_json_hasOwn(tail, '__proto__') || escapedLetter(text, from, end) ? undefined : { head, end, tail };
        READ_KEY.lastIndex = end + 1;
    }
    return undefined;
}
/**
 * Whether the text left out has a letter or `_` written as a `\u` escape. A key spelled so (`"\u0063onfiguration"`)
 * is the key it decodes to, but READ_KEY cannot see it, so such a read key there would go unread. Terraform's
 * encoder never writes one (it escapes `<`, `>`, `&`, control characters and U+2028/9), so real plans pass; an
 * escaped backslash before `u00` is also counted, which only costs a full parse.
 */
function escapedLetter(text, from, end) {
    // A slice, searched forwards (see keyBetween): indexOf on the whole text would run on past `end` when none is left.
    const region = text.slice(from, end);
    for (let at = region.indexOf('\\u00'); at >= 0; at = region.indexOf('\\u00', at + 1)) {
        const high = region.charCodeAt(at + 4);
        // `5`–`7`: code points 0x50–0x7f, which hold `_` and the letters a–z.
        if (high >= 0x35 && high <= 0x37)
            return true;
    }
    return false;
}
/** As JSON.parse would build it: keys in order of first appearance, a repeated key's last value. */
function assembled(head, key, value, tail) {
    head[key] = value;
    const keys = Object.keys(tail);
    for (let i = 0; i < keys.length; i++)
        head[keys[i]] = tail[keys[i]];
    return head;
}
/**
 * An object holding outputs and root_module (text from `start`, its `{`, to before `end`) as `{ outputs }`, or
 * `{}` when it has none; undefined when an `"outputs":` key comes after root_module's start (a second outputs,
 * which JSON.parse would keep, or a resource attribute of that name: parsed whole either way).
 */
function outputsOnly(text, start, end, laterOutputs) {
    if (text.startsWith(ROOT_MODULE, start))
        return keyBetween(text, laterOutputs, start, end) ? undefined : {};
    if (!text.startsWith(OUTPUTS, start))
        return undefined;
    // The cut after outputs holds when the object's start up to it, closed, parses (as at the top level).
    const cut = text.indexOf(OUTPUTS_END, start);
    if (cut < 0 || cut >= end || keyBetween(text, laterOutputs, cut, end))
        return undefined;
    const outputs = parsedObject(`${text.slice(start, cut + 1)}}`);
    return outputs !== undefined && Object.keys(outputs).length === 1 ? outputs : undefined;
}
/** Whether `key` is in the text between `from` and `end`: a slice is not a copy, and V8 searches forwards several times faster than backwards (lastIndexOf: 1.3 ms for 2 MB, this 0.3 ms). */
function keyBetween(text, key, from, end) {
    return text.slice(from + 1, end).includes(key);
}
/**
 * Where prior_state's key is when its values are likely the larger part to leave out, else -1; judged from where
 * keys are, without parsing anything (a wrong guess costs speed, never correctness). Terraform writes prior_state
 * right before configuration, near the end of the document, and planned_values right before resource_drift or
 * resource_changes. When there is no prior state, configuration follows a list, and nothing more is searched.
 * (Searched forwards where it can: see keyBetween.)
 */
function largerPriorState(text) {
    const configuration = text.lastIndexOf(CONFIGURATION);
    if (configuration < 0 || text.charCodeAt(configuration - 1) !== 0x7d /* } */)
        return -1;
    const plannedValues = text.indexOf(PLANNED_VALUES);
    let plannedEnd = plannedValues < 0 ? -1 : plannedValuesEnd(text, plannedValues, configuration);
    const priorState = text.indexOf(PRIOR_STATE, Math.max(plannedEnd, plannedValues, 0));
    if (priorState < 0 || priorState > configuration)
        return -1;
    if (plannedValues < 0 || plannedValues > priorState)
        return priorState;
    // Without resource changes, planned_values runs up to output_changes or prior_state: at most this.
    if (plannedEnd < 0 || plannedEnd > priorState)
        plannedEnd = priorState;
    return configuration - priorState > plannedEnd - plannedValues ? priorState : -1;
}
/** Where planned_values likely ends: before resource_drift or resource_changes (-1 when neither is before `limit`). */
function plannedValuesEnd(text, from, limit) {
    for (let at = text.indexOf('}},"resource_', from); at >= 0 && at < limit; at = text.indexOf('}},"resource_', at + 1)) {
        if (text.startsWith('drift":[', at + 13) || text.startsWith('changes":[', at + 13))
            return at + 2;
    }
    return -1;
}
function parsedObject(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
function plan_json_hasOwn(record, key) {
    return Object.prototype.hasOwnProperty.call(record, key);
}

;// CONCATENATED MODULE: ./src/terraform/sensitive-strings.ts
/**
 * The clear-text secrets of one plan, collected once while parsing, so that every rendered value can be
 * checked against them.
 *
 * Why check values at all when Terraform marks sensitive paths? Because the marks are not complete: a
 * `terraform_data` whose `input` is a sensitive variable keeps its derived `output` unmarked in state, and the
 * next plan carries the old secret in clear text without any `*_sensitive` marker (Terraform's own `show`
 * prints it). Any rendered value that contains a known secret is therefore masked as a whole.
 */
/** Secrets shorter than this are only masked on an exact match: as substrings they would mask half the plan. */
const MIN_SUBSTRING_LENGTH = 4;
/**
 * Shorter values are not offered as log masks: the runner replaces a mask wherever it occurs, and a mask of `1`,
 * `no` or a port number like `443` would make every log unreadable and cut into hashes and ids (Google's own
 * get-secretmanager-secrets action has the same floor). What we render never prints a sensitive value: it is
 * replaced by structure, at any length (render-value.ts); the masks are the second line of defence.
 */
const MIN_MASK_LENGTH = 4;
/** Lines of a multi-line secret are masked on their own only when long enough not to be ordinary text. */
const MIN_LINE_LENGTH = 8;
class SensitiveStrings {
    exact = new Set();
    substrings = new Set();
    /** Every primitive leaf of `value` becomes a secret. */
    add(value) {
        if (value === null || value === undefined || typeof value === 'boolean')
            return;
        if (typeof value === 'string' || typeof value === 'number') {
            this.addLeaf(String(value));
            return;
        }
        if (Array.isArray(value)) {
            for (const item of value)
                this.add(item);
            return;
        }
        if (typeof value === 'object') {
            for (const key of Object.keys(value))
                this.add(value[key]);
        }
    }
    /**
     * Walk `value` alongside Terraform's sensitivity marker (`true`, or an object/array of markers mirroring the
     * value) and add what sits under a `true`.
     */
    addMarked(value, marker) {
        if (marker === true) {
            this.add(value);
            return;
        }
        if (marker === null || typeof marker !== 'object' || value === null || typeof value !== 'object')
            return;
        if (Array.isArray(marker)) {
            if (!Array.isArray(value))
                return;
            for (let i = 0; i < marker.length; i++)
                this.addMarked(value[i], marker[i]);
            return;
        }
        const values = value;
        const markers = marker;
        // An index loop: this runs for every resource, in code V8 has not optimised (for-of allocates per step).
        const keys = Object.keys(markers);
        for (let i = 0; i < keys.length; i++)
            this.addMarked(values[keys[i]], markers[keys[i]]);
    }
    /** True when the plan has no secrets at all: nothing can match. */
    get empty() {
        return this.exact.size === 0;
    }
    /** True when `text` is, or contains, a secret of this plan. */
    matches(text) {
        if (this.exact.size === 0 || text.length === 0)
            return false;
        if (this.exact.has(text))
            return true;
        for (const secret of this.substrings)
            if (text.includes(secret))
                return true;
        return false;
    }
    /** `text` with every secret replaced by `replacement` (for free text such as diagnostics). */
    redact(text, replacement = '***') {
        if (this.exact.size === 0)
            return text;
        let out = text;
        // Longest first, so that a secret containing another is replaced whole.
        const secrets = [...this.substrings].sort((a, b) => b.length - a.length);
        for (const secret of secrets)
            if (out.includes(secret))
                out = out.split(secret).join(replacement);
        return out;
    }
    /** The secrets worth registering as log masks, longest first, deterministic. */
    maskList() {
        return [...this.exact]
            .filter((s) => s.trim().length >= MIN_MASK_LENGTH)
            .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    }
    addLeaf(text) {
        if (text.length === 0)
            return;
        this.exact.add(text);
        if (text.length >= MIN_SUBSTRING_LENGTH)
            this.substrings.add(text);
        // A multi-line secret (a key, a certificate) can surface one line at a time.
        if (text.includes('\n')) {
            for (const line of text.split(/\r?\n/)) {
                const trimmed = line.trim();
                if (trimmed.length >= MIN_LINE_LENGTH) {
                    this.exact.add(trimmed);
                    this.substrings.add(trimmed);
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/terraform/parse-plan.ts
/**
 * `terraform show -json` output → PlanModel.
 *
 * Plans reach 30 MB (30,000 resources), so this is one JSON.parse (less planned_values.root_module, which
 * nothing here reads: see plan-json.ts) and one pass over `resource_changes`: no deep copies, and attribute diffs
 * are computed only for the resources a renderer actually shows (see LazyResourceChange). Everything the model
 * exposes is already masked.
 */







function parsePlan(json, source) {
    const what = source ? `Plan JSON "${source}"` : 'The plan JSON';
    const doc = parseDocument(json, what);
    checkIsPlan(doc, what);
    const secrets = collectSecrets(doc);
    const diffs = new LastDiff();
    const all = readResourceChanges(doc.resource_changes, 'resource_changes', what, secrets, diffs);
    const changes = all.filter(isShownChange);
    const drift = readResourceChanges(doc.resource_drift, 'resource_drift', what, secrets, diffs).filter((change) => change.action !== 'no-op');
    const outputs = readOutputs(doc, secrets);
    const checks = readChecks(doc, secrets);
    const actionInvocations = Array.isArray(doc.action_invocations) ? doc.action_invocations.length : 0;
    const counts = countChanges(changes, drift);
    const hasChanges = changes.length > 0 || outputs.length > 0 || actionInvocations > 0;
    const model = {
        formatVersion: doc.format_version,
        changes,
        drift,
        outputs,
        checks,
        errored: doc.errored === true,
        counts,
        hasChanges,
        summary: summarize(counts, hasChanges, actionInvocations),
        sensitiveValues: secrets.maskList(),
    };
    if (typeof doc.terraform_version === 'string')
        model.terraformVersion = doc.terraform_version;
    if (actionInvocations > 0)
        model.actionInvocations = actionInvocations;
    return model;
}
function parseDocument(json, what) {
    const text = typeof json === 'string' ? json : json.toString('utf8');
    if (text.trim().length === 0)
        throw new errors/* UserError */.y(`${what} is empty; expected the output of \`terraform show -json <planfile>\`.`);
    let doc;
    try {
        doc = parsePlanJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new errors/* UserError */.y(`${what} is not valid JSON (${detail}); is the file truncated? Expected the output of \`terraform show -json <planfile>\`.`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new errors/* UserError */.y(`${what} is not a JSON object; expected the output of \`terraform show -json <planfile>\`.`);
    }
    return doc;
}
function checkIsPlan(doc, what) {
    const expected = 'expected the output of `terraform show -json <planfile>`';
    if (doc.format_version === undefined && doc.plan_format_version !== undefined) {
        throw new errors/* UserError */.y(`${what} is an HCP Terraform redacted plan (plan_format_version ${String(doc.plan_format_version)}), which this toolkit cannot read; ${expected}.`);
    }
    if ('lineage' in doc && 'serial' in doc) {
        throw new errors/* UserError */.y(`${what} is a Terraform state file, not a plan; ${expected}.`);
    }
    if (typeof doc.format_version !== 'string') {
        throw new errors/* UserError */.y(`${what} has no format_version, so it is not a Terraform plan; ${expected}.`);
    }
    if (!/^1\.\d+$/.test(doc.format_version)) {
        throw new errors/* UserError */.y(`${what} has format_version "${doc.format_version}"; this toolkit reads plan format 1.x (Terraform 0.12 and later).`);
    }
    if (doc.planned_values === undefined && doc.resource_changes === undefined) {
        const state = doc.values !== undefined ? ' (it looks like `terraform show -json` of a state)' : '';
        throw new errors/* UserError */.y(`${what} has neither planned_values nor resource_changes${state}; ${expected}.`);
    }
    for (const key of ['resource_changes', 'resource_drift']) {
        if (doc[key] !== undefined && doc[key] !== null && !Array.isArray(doc[key])) {
            throw new errors/* UserError */.y(`${what} has a ${key} that is not a list; ${expected}.`);
        }
    }
}
/** Terraform shows a no-op only when it moves or imports; it never shows a deleted data source. */
function isShownChange(change) {
    if (change.action === 'no-op')
        return change.previousAddress !== undefined || change.importing !== undefined;
    if (change.action === 'delete' && change.mode === 'data')
        return false;
    return true;
}
function readResourceChanges(raw, key, what, secrets, diffs) {
    if (!Array.isArray(raw))
        return [];
    const out = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
        const entry = raw[i];
        if (entry === null || typeof entry !== 'object' || typeof entry.address !== 'string') {
            throw new errors/* UserError */.y(`${what} has an entry without an address at ${key}[${i}]; the file is damaged.`);
        }
        const change = entry.change;
        if (change === null || typeof change !== 'object' || !Array.isArray(change.actions)) {
            throw new errors/* UserError */.y(`${what} has no change.actions for ${key}[${i}] (${entry.address}); the file is damaged.`);
        }
        out[i] = new LazyResourceChange(entry, change, secrets, diffs);
    }
    return out;
}
/**
 * A ResourceChange whose attribute diff is worked out when read (see LastDiff). For a 30,000-resource plan the
 * comment shows the diffs of a few hundred; computing all of them would double the parse time and memory.
 */
class LazyResourceChange {
    // Every field is assigned in the constructor, in one order, optional ones as undefined: the changes of a plan
    // then share one object shape instead of one per combination of optional fields, and the renderer's reads of
    // them stay monomorphic. The raw change stays private: it holds sensitive values in clear text.
    address;
    previousAddress;
    moduleAddress;
    mode;
    type;
    name;
    index;
    action;
    replaceOrder;
    forgetsPrevious;
    importing;
    actionReason;
    #change;
    #secrets;
    #diffs;
    constructor(entry, change, secrets, diffs) {
        const address = entry.address;
        const previous = entry.previous_address;
        const index = entry.index;
        const raw = change.actions;
        // One plain action (most changes) folds to itself: no copy of the list, no folding object.
        const single = raw.length === 1 ? SINGLE_ACTIONS[raw[0]] : undefined;
        const actions = single === undefined ? raw.map(String) : undefined;
        const folded = actions ? foldActions(actions) : { action: single };
        const importing = change.importing;
        const importId = importing !== null && typeof importing === 'object' ? importing.id : undefined;
        this.address = address;
        this.previousAddress = typeof previous === 'string' && previous !== address ? previous : undefined;
        this.moduleAddress = typeof entry.module_address === 'string' ? entry.module_address : undefined;
        this.mode = entry.mode === 'data' ? 'data' : 'managed';
        this.type = typeof entry.type === 'string' ? entry.type : '';
        this.name = typeof entry.name === 'string' ? entry.name : '';
        this.index = typeof index === 'string' || typeof index === 'number' ? index : undefined;
        this.action = folded.action;
        this.replaceOrder = folded.replaceOrder;
        this.forgetsPrevious = folded.forgetsPrevious ? true : undefined;
        this.importing = importing !== null && typeof importing === 'object' ? (typeof importId === 'string' ? { id: importId } : {}) : undefined;
        this.actionReason = folded.unrecognised
            ? `unrecognised actions ${JSON.stringify(actions)}`
            : typeof entry.action_reason === 'string'
                ? entry.action_reason
                : undefined;
        this.#change = change;
        this.#secrets = secrets;
        this.#diffs = diffs;
    }
    get attributes() {
        return this.diff().attributes;
    }
    get unchangedAttributes() {
        return this.diff().unchanged;
    }
    writeAttributes(sink) {
        return walkAttributes(this.#change, this.action, this.#secrets, sink);
    }
    diffText() {
        return oneSidedDiffText(this.#change, this.action, this.#secrets);
    }
    diff() {
        return this.#diffs.get(this) ?? this.#diffs.set(this, diffAttributes(this.#change, this.action, this.#secrets));
    }
}
/**
 * The last attribute diff worked out, shared by one plan's changes. A renderer reads `attributes` and then
 * `unchangedAttributes` of one resource, then moves on, so one slot serves it; keeping every diff instead (as
 * this once did) kept a 1,000-resource summary's worth of diff objects alive through every scavenge, which cost
 * the bench plan's render ~10 ms of garbage collection. A diff read again is worked out again, the same.
 */
class LastDiff {
    #owner;
    #diff;
    get(owner) {
        return this.#owner === owner ? this.#diff : undefined;
    }
    set(owner, diff) {
        this.#owner = owner;
        this.#diff = diff;
        return diff;
    }
}
/** The one-action lists foldActions() maps to that action; a Map-free lookup with no prototype to hit. */
const SINGLE_ACTIONS = Object.assign(Object.create(null), {
    'no-op': 'no-op',
    create: 'create',
    read: 'read',
    update: 'update',
    delete: 'delete',
    forget: 'forget',
});
/** Terraform's action lists (jsonplan.UnmarshalActions) → one action. */
function foldActions(actions) {
    const joined = actions.join(',');
    switch (joined) {
        case 'no-op':
        case 'create':
        case 'read':
        case 'update':
        case 'delete':
        case 'forget':
            return { action: joined };
        case 'delete,create':
            return { action: 'replace', replaceOrder: 'delete-before-create' };
        case 'create,delete':
            return { action: 'replace', replaceOrder: 'create-before-destroy' };
        case 'create,forget':
        case 'forget,create':
            return { action: 'create', forgetsPrevious: true };
        default:
            // A later Terraform may add actions; show the resource as changing rather than refuse the plan.
            return { action: 'update', unrecognised: true };
    }
}
function readOutputs(doc, secrets) {
    const raw = doc.output_changes;
    if (raw === null || typeof raw !== 'object')
        return [];
    const configured = configuredOutputs(doc);
    const out = [];
    for (const name of Object.keys(raw).sort()) {
        const change = raw[name];
        if (change === null || typeof change !== 'object' || !Array.isArray(change.actions))
            continue;
        const { action } = foldActions(change.actions.map(String));
        if (action === 'no-op')
            continue;
        const sensitive = change.before_sensitive === true || change.after_sensitive === true || configured[name]?.sensitive === true;
        const output = { name, action, sensitive };
        if (change.before !== null && change.before !== undefined) {
            output.before = sensitive ? SENSITIVE : renderValue(change.before, change.before_sensitive, undefined, secrets);
        }
        if (change.after_unknown === true || (change.after !== null && change.after !== undefined)) {
            output.after = sensitive
                ? SENSITIVE
                : renderValue(change.after, change.after_sensitive, change.after_unknown, secrets);
        }
        out.push(output);
    }
    return out;
}
function configuredOutputs(doc) {
    const root = (doc.configuration?.root_module ?? {});
    const outputs = root.outputs;
    return outputs !== null && typeof outputs === 'object' ? outputs : {};
}
function readChecks(doc, secrets) {
    const clean = (text) => secrets.redact(text, SENSITIVE);
    if (Array.isArray(doc.checks)) {
        return doc.checks.flatMap((raw) => {
            const address = displayAddress(raw.address);
            if (address === undefined)
                return [];
            const problems = [];
            for (const instance of Array.isArray(raw.instances) ? raw.instances : []) {
                const where = displayAddress(instance.address);
                for (const problem of Array.isArray(instance.problems) ? instance.problems : []) {
                    if (typeof problem.message !== 'string')
                        continue;
                    const prefix = where !== undefined && where !== address ? `${where}: ` : '';
                    problems.push(clean(prefix + problem.message));
                }
            }
            return [{ address, status: checkStatus(raw.status), problems }];
        });
    }
    // Format 1.1 (Terraform 1.2) called them condition_results, one entry per condition.
    if (Array.isArray(doc.condition_results)) {
        return doc.condition_results.flatMap((raw) => {
            if (typeof raw.address !== 'string')
                return [];
            const status = raw.unknown === true ? 'unknown' : raw.result === true ? 'pass' : 'fail';
            const problems = typeof raw.error_message === 'string' && status === 'fail' ? [clean(raw.error_message)] : [];
            const kind = typeof raw.condition_type === 'string' ? ` (${raw.condition_type})` : '';
            return [{ address: raw.address + kind, status, problems }];
        });
    }
    return [];
}
function displayAddress(raw) {
    if (typeof raw === 'string')
        return raw;
    if (raw !== null && typeof raw === 'object' && typeof raw.to_display === 'string') {
        return raw.to_display;
    }
    return undefined;
}
function checkStatus(raw) {
    return raw === 'pass' || raw === 'fail' || raw === 'error' ? raw : 'unknown';
}
/**
 * False when a sensitivity marker marks nothing: `false`, or objects and lists holding only `false` (most
 * resources of most plans). Their text is asked for once, natively, instead of walking every marker alongside
 * its value in JavaScript (about 1 ms of parsing 1,000 resources). A key named "true" only sends a marker down
 * the walk, which then finds nothing.
 */
function marksSomething(marker) {
    if (marker === true)
        return true;
    return marker !== null && typeof marker === 'object' && JSON.stringify(marker).includes('true');
}
/**
 * Secrets come from four places: root variables declared sensitive, values under before/after_sensitive
 * markers, outputs that are sensitive, and sensitive output values in planned_values/prior_state.
 */
function collectSecrets(doc) {
    const secrets = new SensitiveStrings();
    const root = (doc.configuration?.root_module ?? {});
    const declared = (root.variables ?? {});
    const values = (doc.variables ?? {});
    for (const name of Object.keys(declared)) {
        if (declared[name]?.sensitive !== true)
            continue;
        secrets.add(values[name]?.value);
        secrets.add(declared[name]?.default);
    }
    for (const key of ['resource_changes', 'resource_drift']) {
        const list = doc[key];
        if (!Array.isArray(list))
            continue;
        // Index loops in the per-resource passes: unoptimised code allocates an iterator result per for-of step.
        for (let i = 0; i < list.length; i++) {
            const change = list[i]?.change;
            if (!change)
                continue;
            if (marksSomething(change.before_sensitive))
                secrets.addMarked(change.before, change.before_sensitive);
            if (marksSomething(change.after_sensitive))
                secrets.addMarked(change.after, change.after_sensitive);
        }
    }
    const configured = configuredOutputs(doc);
    const outputChanges = (doc.output_changes ?? {});
    for (const name of Object.keys(outputChanges)) {
        const change = outputChanges[name];
        if (!change)
            continue;
        if (configured[name]?.sensitive === true) {
            secrets.add(change.before);
            secrets.add(change.after);
        }
        else {
            secrets.addMarked(change.before, change.before_sensitive);
            secrets.addMarked(change.after, change.after_sensitive);
        }
    }
    for (const holder of [doc.planned_values, doc.prior_state?.values]) {
        const outputs = holder?.outputs;
        if (!outputs || typeof outputs !== 'object')
            continue;
        for (const name of Object.keys(outputs)) {
            const output = outputs[name];
            if (output?.sensitive === true || configured[name]?.sensitive === true)
                secrets.add(output?.value);
        }
    }
    return secrets;
}


/***/ })

};
