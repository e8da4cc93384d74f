import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4808:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9200);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9200:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
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
        stdout.write(`::add-mask::${escapeData(line)}${EOL}`);
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
    stdout_stdout.write(`::endgroup::${EOL}`);
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

// EXTERNAL MODULE: ./src/ingest/dataflow.ts
var dataflow = __nccwpck_require__(2214);
;// CONCATENATED MODULE: ./src/actions/ingest/inputs.ts


const DATASET_NAME = /^[a-z][a-z0-9_]*$/;
/** A `scheme://` prefix as openSource (src/ingest/fetch.ts) tells URLs from local paths. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:\/\//i;
/** What openSource would read from this machine's disk: a file:// URL or anything without a scheme. */
function isLocalSource(source) {
    return /^file:\/\//i.test(source) || !URL_SCHEME.test(source);
}
/**
 * The `source` override. A local path in the catalog is the catalog author's choice (the demo uses one); an
 * override comes from whoever dispatches the workflow or runs the command, so reading a file of the machine the
 * ingest runs on takes the same explicit switch as loopback hosts — without it, a header mismatch would print
 * the first line of, say, /etc/hostname into the log.
 */
function parseSource(reader, label, allowPrivateSources) {
    const source = reader.string('source');
    if (source && !allowPrivateSources && isLocalSource(source)) {
        throw new errors/* UserError */.y(`${label('source')} was "${source}", a local file; expected an https:// or gs:// URL ` +
            `(a local path or file:// URL is read only with ${label('allow-private-sources')} set to true, for local use).`);
    }
    return source;
}
/**
 * `label` names an input in messages the way the reader does (`Input \`x\`` for the action, `--x` for the CLI).
 * `defaultTarget`: the action targets GCS and BigQuery unless told otherwise; the CLI, run on a laptop, the
 * embedded local target.
 */
function parseIngestInputs(reader, label = (n) => `Input \`${n}\``, defaultTarget = 'gcp') {
    const dataset = reader.required('dataset');
    if (!DATASET_NAME.test(dataset)) {
        throw new errors/* UserError */.y(`${label('dataset')} was "${dataset}"; expected a catalog dataset name ([a-z][a-z0-9_]*).`);
    }
    const load = reader.choice('load', ['bigquery', 'dataflow', 'none', ''], '');
    const bucket = reader.string('bucket').replace(/^gs:\/\//, '').replace(/\/+$/, '');
    if (bucket && !/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/.test(bucket)) {
        throw new errors/* UserError */.y(`${label('bucket')} was "${bucket}"; expected a bucket name such as my-project-ingest (no path).`);
    }
    const allowPrivateSources = reader.boolean('allow-private-sources', false);
    return {
        dataset,
        catalog: reader.string('catalog', 'datasets.yaml'),
        environment: reader.string('environment'),
        projectId: reader.string('project-id'),
        bucket,
        source: parseSource(reader, label, allowPrivateSources),
        ...(load ? { load } : {}),
        dryRun: reader.boolean('dry-run', false),
        allowPrivateSources,
        target: reader.choice('target', ['gcp', 'local'], defaultTarget),
        location: reader.string('location'),
        dataflowRegion: reader.string('dataflow-region'),
        dataflowServiceAccount: (0,dataflow/* parseDataflowServiceAccount */.Gf)(reader.string('dataflow-service-account'), label('dataflow-service-account')) ?? '',
    };
}

;// CONCATENATED MODULE: ./src/runtime/tunable-v8.ts
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

;// CONCATENATED MODULE: ./src/runtime/young-generation.ts
/**
 * Streaming ingest allocates a steady flow of short-lived objects (a Buffer wrapper per socket read, per parsed
 * chunk, per upload piece) whose memory lives outside the JS heap and is released only when a scavenge collects
 * the wrapper. V8 grows the young generation as the process runs (during a 1 GB ingest on Node 24 the heap reached
 * 75 MB, against 15 MB with this setting, for ~20 MB of live objects), so dead buffers pile up between
 * scavenges. Keeping the young generation at its initial 1 MB (growth factor 1) measured, on a 1 GB ingest
 * through loopback HTTP to loopback GCS on Node 24: peak RSS 198 → 134 MB, and a dry run 155 → 131 MB at the
 * same or better speed (best of 3: 98 → 104 MB per CPU-second).
 *
 * `--max-semi-space-size` would be the usual knob, but it only works on the command line, which an action's
 * `runs.main` cannot pass; `--semi-space-growth-factor` takes effect when set from code. Only the Node majors it
 * was measured on are tuned (see tunable-v8.ts).
 */

let applied = false;
/** Call once at the start of a process that streams data (the ingest action, `dc-pipeline ingest`, the service). */
function keepYoungGenerationSmall() {
    if (applied)
        return;
    applied = true;
    tunableV8()?.setFlagsFromString('--semi-space-growth-factor=1');
}

;// CONCATENATED MODULE: ./src/actions/ingest/main.ts
/**
 * The ingest action: parse inputs → ingest one catalog dataset → outputs and job summary.
 */







async function run() {
    keepYoungGenerationSmall();
    await runAction('ingest', async () => {
        const inputs = parseIngestInputs(InputReader.fromRunner());
        // Loaded after the inputs are checked: a typo fails in a few ms, before the catalog/CSV code is parsed.
        const [{ ingestOne }, { EVENT_FAILED, reportMarkdown, reportOutputs }] = await Promise.all([
            Promise.all(/* import() */[__nccwpck_require__.e(976751), __nccwpck_require__.e(235606)]).then(__nccwpck_require__.bind(__nccwpck_require__, 38)),
            __nccwpck_require__.e(/* import() */ 412268).then(__nccwpck_require__.bind(__nccwpck_require__, 60)),
        ]);
        const report = await group(`Ingest ${inputs.dataset}${inputs.dryRun ? ' (dry run)' : ''}`, () => ingestOne(inputs, {
            env: process.env,
            tmpDir: process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(),
            label: (name) => `Input \`${name}\``,
            log: (entry) => {
                // A failure is reported once, by runAction's "ingest failed with: …" line.
                if (entry.severity === 'WARNING')
                    warning(entry.message);
                else if (entry.event !== EVENT_FAILED)
                    info(entry.message);
                debug(JSON.stringify(entry));
            },
        })).catch((error) => {
            // The job summary is where people look first; say there what failed, then fail the step as usual.
            appendSummary(`### Ingest \`${inputs.dataset}\` failed\n\n${(0,errors/* messageOf */.b)(error).replace(/\r?\n/g, '  \n')}\n`);
            throw error;
        });
        for (const [name, value] of Object.entries(reportOutputs(report)))
            setOutput(name, value);
        appendSummary(reportMarkdown(report));
    });
}


/***/ }),

/***/ 3916:
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

/***/ 2214:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ parseDataflowServiceAccount),
/* harmony export */   RF: () => (/* binding */ dataflowJobName),
/* harmony export */   UX: () => (/* binding */ csvToBigQueryParameters),
/* harmony export */   createDataflowLauncher: () => (/* binding */ createDataflowLauncher),
/* harmony export */   gV: () => (/* binding */ dataflowSchemaJson)
/* harmony export */ });
/* unused harmony export templateGcsPath */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

/** The schema file the template reads (schemaJSONPath). */
function dataflowSchemaJson(schema) {
    return JSON.stringify({ 'BigQuery Schema': schema.map((c) => ({ name: c.name, type: c.type, mode: c.mode })) }, null, 2) + '\n';
}
/** Dataflow job names: [a-z]([-a-z0-9]{0,1022}[a-z0-9])? — underscores are not allowed. */
function dataflowJobName(dataset, sha256) {
    return `ingest-${dataset.replace(/_/g, '-')}-${sha256.slice(0, 16)}`.replace(/-+$/, '');
}
function templateGcsPath(region, version) {
    return `gs://dataflow-templates-${region}/${version}/GCS_CSV_to_BigQuery`;
}
/** Template parameters for one staged object (always UTF-8, comma, header row: the stage wrote it that way). */
function csvToBigQueryParameters(input) {
    return {
        inputFilePattern: input.objectUri,
        schemaJSONPath: input.schemaUri,
        outputTable: input.outputTable,
        bigQueryLoadingTemporaryDirectory: input.tempDirectory,
        badRecordsOutputTable: input.badRecordsTable,
        delimiter: ',',
        csvFormat: 'Default',
        containsHeaders: 'true',
        csvFileEncoding: 'UTF-8',
    };
}
// Dataflow takes a bare email here (not projects/-/serviceAccounts/…). User-managed accounts end in
// .iam.gserviceaccount.com, Google-managed ones in e.g. developer.gserviceaccount.com: accept any name@domain.
const SERVICE_ACCOUNT_EMAIL = /^[a-z0-9][a-z0-9._+-]*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
/**
 * The Dataflow worker service account as configured (input, flag or variable named by `name`); '' means unset.
 * Throws a UserError naming the setting and the value when it is not an email.
 */
function parseDataflowServiceAccount(value, name) {
    const email = value.trim();
    if (!email)
        return undefined;
    if (!SERVICE_ACCOUNT_EMAIL.test(email)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${name} was "${email}"; expected a service account email such as ingest-dataflow@my-project.iam.gserviceaccount.com.`);
    }
    return email;
}
const USER_AGENT = 'dc-pipeline-actions/0.1 (ingest)';
function emulatorBase(env) {
    const host = env.DATAFLOW_EMULATOR_HOST?.trim();
    if (!host)
        return undefined;
    return (/^https?:\/\//.test(host) ? host : `http://${host}`).replace(/\/+$/, '');
}
async function accessToken() {
    // Loaded only on the real-Dataflow path: google-auth-library is a dependency of the Google clients already.
    const { GoogleAuth } = await Promise.all(/* import() */[__nccwpck_require__.e(368641), __nccwpck_require__.e(307819)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 492, 23));
    const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
    const token = await auth.getAccessToken();
    if (!token)
        throw new Error('Application Default Credentials returned no access token for Dataflow.');
    return token;
}
function createDataflowLauncher(options) {
    const emulator = emulatorBase(options.env);
    const base = emulator ?? 'https://dataflow.googleapis.com';
    const doFetch = options.fetchImpl ?? fetch;
    const retries = options.retries ?? 4;
    const version = options.templateVersion ?? 'latest';
    const location = `projects/${encodeURIComponent(options.projectId)}/locations/${encodeURIComponent(options.region)}`;
    async function call(method, path, body) {
        const headers = { 'user-agent': USER_AGENT, accept: 'application/json' };
        if (body !== undefined)
            headers['content-type'] = 'application/json';
        if (!emulator)
            headers.authorization = `Bearer ${await accessToken()}`;
        let lastError;
        for (let attempt = 1; attempt <= retries; attempt++) {
            try {
                const res = await doFetch(`${base}/v1b3/${path}`, {
                    method,
                    headers,
                    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
                    signal: AbortSignal.timeout(60_000),
                });
                const text = await res.text();
                const json = (text ? JSON.parse(text) : {});
                if ((res.status === 429 || res.status >= 500) && attempt < retries) {
                    lastError = new Error(`HTTP ${res.status}`);
                }
                else {
                    return { status: res.status, json };
                }
            }
            catch (error) {
                lastError = error;
                if (attempt === retries)
                    break;
            }
            await new Promise((r) => setTimeout(r, Math.min(8000, 250 * 2 ** (attempt - 1))));
        }
        throw new Error(`Dataflow ${method} ${path} failed after ${retries} attempts: ${lastError?.message ?? lastError}`);
    }
    function errorText(json) {
        const error = json.error;
        return error?.message ?? JSON.stringify(json);
    }
    /** The first job named `jobName` among those `filter` selects (ACTIVE: running or about to; ALL: any state). */
    async function findByName(jobName, filter) {
        let pageToken = '';
        do {
            // `name` narrows the list on Dataflow's side; the comparison below does not rely on it.
            const query = new URLSearchParams({ filter, name: jobName, ...(pageToken ? { pageToken } : {}) });
            const { status, json } = await call('GET', `${location}/jobs?${query.toString()}`);
            if (status !== 200)
                throw new Error(`Failed to list Dataflow jobs in ${location}: ${errorText(json)}`);
            const hit = (json.jobs ?? []).find((j) => j.name === jobName);
            if (hit)
                return hit;
            pageToken = json.nextPageToken ?? '';
        } while (pageToken);
        return undefined;
    }
    return {
        projectId: options.projectId,
        region: options.region,
        async launch(request) {
            const gcsPath = templateGcsPath(options.region, version);
            const { status, json } = await call('POST', `${location}/templates:launch?gcsPath=${encodeURIComponent(gcsPath)}`, {
                jobName: request.jobName,
                parameters: request.parameters,
                environment: {
                    tempLocation: request.tempLocation,
                    ...(options.serviceAccountEmail ? { serviceAccountEmail: options.serviceAccountEmail } : {}),
                },
            });
            if (status === 200) {
                const job = (json.job ?? {});
                if (!job.id)
                    throw new Error(`Dataflow launched ${request.jobName} but returned no job id.`);
                return { jobId: job.id, jobName: request.jobName, adopted: false };
            }
            // A job with this name is already running (a concurrent delivery, or a retried launch that did go through).
            if (status === 409) {
                const active = await findByName(request.jobName, 'ACTIVE');
                if (active?.id)
                    return { jobId: active.id, jobName: request.jobName, adopted: true };
            }
            throw new Error(`Failed to launch Dataflow template ${gcsPath} as ${request.jobName}: HTTP ${status}: ${errorText(json)}`);
        },
        async findJob(jobName) {
            const job = await findByName(jobName, 'ALL');
            if (!job?.id)
                return undefined;
            return { jobId: job.id, jobName, state: job.currentState ?? 'JOB_STATE_UNKNOWN' };
        },
    };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 1553:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns/promises");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 4876:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("punycode");

/***/ }),

/***/ 3480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8167:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("worker_threads");

/***/ }),

/***/ 3106:
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
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
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
/******/ var __webpack_exports__ = __nccwpck_require__(4808);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
