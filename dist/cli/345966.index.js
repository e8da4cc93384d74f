import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 345966;
export const ids = [345966];
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

/***/ 14750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
// EXTERNAL MODULE: ./src/actions/inputs.ts + 2 modules
var actions_inputs = __webpack_require__(30763);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/ingest/dataflow.ts
var dataflow = __webpack_require__(32214);
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

// EXTERNAL MODULE: ./src/ingest/catalog.ts
var ingest_catalog = __webpack_require__(89279);
// EXTERNAL MODULE: ./src/ingest/pipeline.ts + 14 modules
var pipeline = __webpack_require__(21694);
// EXTERNAL MODULE: ./src/ingest/targets.ts
var targets = __webpack_require__(8414);
;// CONCATENATED MODULE: ./src/actions/ingest/ingest-one.ts
/**
 * One dataset from the catalog through the pipeline, for the action and the CLI (same inputs, same result):
 * catalog → dataset spec → target (store + warehouse) → runIngest → report.
 */



async function ingestOne(inputs, context) {
    const catalog = await (0,ingest_catalog/* loadCatalog */.ak)(inputs.catalog);
    const dataset = (0,ingest_catalog/* findDataset */.YQ)(catalog, inputs.dataset);
    const loadPath = inputs.load ?? dataset.load;
    const target = await (0,targets/* openTarget */.A)({
        target: inputs.target,
        bucket: inputs.bucket,
        ...(inputs.projectId ? { projectId: inputs.projectId } : {}),
        ...(inputs.location ? { location: inputs.location } : {}),
        ...(inputs.dataflowRegion ? { dataflowRegion: inputs.dataflowRegion } : {}),
        ...(inputs.dataflowServiceAccount ? { dataflowServiceAccount: inputs.dataflowServiceAccount } : {}),
        env: context.env,
        loads: [loadPath],
        dryRun: inputs.dryRun,
        names: { bucket: context.label('bucket'), projectId: context.label('project-id') },
    });
    try {
        return await (0,pipeline/* runIngest */.UI)({
            dataset,
            ...(target.store ? { store: target.store } : {}),
            ...(target.bucket ? { bucket: target.bucket } : {}),
            ...(target.warehouse ? { warehouse: target.warehouse } : {}),
            ...(target.dataflow ? { dataflow: target.dataflow } : {}),
            ...(inputs.projectId ? { projectId: inputs.projectId } : {}),
            fetch: {
                ...pipeline/* DEFAULT_FETCH */.VC,
                // The switch for local use: loopback/private hosts and plain HTTP go together.
                allowHttp: inputs.allowPrivateSources,
                allowPrivateAddresses: inputs.allowPrivateSources,
                ...(target.readGcs ? { readGcs: target.readGcs } : {}),
            },
            ...(inputs.source ? { sourceOverride: inputs.source } : {}),
            loadOverride: loadPath,
            dryRun: inputs.dryRun,
            log: context.log,
            tmpDir: context.tmpDir,
            labels: inputs.environment ? { environment: inputs.environment } : {},
            ...(context.onProgress ? { onProgress: context.onProgress } : {}),
        });
    }
    finally {
        await target.close();
    }
}

;// CONCATENATED MODULE: ./src/ingest/progress.ts
/**
 * Download progress for people watching a terminal: a redrawn bar on a TTY, and a plain line every few seconds
 * otherwise (CI logs and `kubectl logs` keep every line, so a redrawn bar there would be thousands of lines).
 */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    if (bytes < 1024 ** 3)
        return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
function describe(p) {
    const size = p.totalBytes ? `${formatBytes(p.bytes)} / ${formatBytes(p.totalBytes)}` : formatBytes(p.bytes);
    return p.rows !== undefined ? `${size}, ${p.rows.toLocaleString('en-US')} rows` : size;
}
function createProgressPrinter(options) {
    const now = options.now ?? Date.now;
    const label = options.label ?? 'fetch';
    const interval = options.tty ? (options.redrawIntervalMs ?? 100) : (options.lineIntervalMs ?? 5000);
    let last = -Infinity;
    let drawn = false;
    let latest = { bytes: 0 };
    function bar(p) {
        const text = describe(p);
        if (!p.totalBytes)
            return `${label} ${text}`;
        const fraction = Math.min(1, p.bytes / p.totalBytes);
        const width = Math.max(10, Math.min(40, (options.columns ?? 80) - text.length - label.length - 10));
        const filled = Math.round(fraction * width);
        return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${text}`;
    }
    return {
        update(progress) {
            latest = { ...latest, ...progress };
            const t = now();
            if (t - last < interval)
                return;
            last = t;
            if (options.tty) {
                options.write(`\r${bar(latest)}\x1b[K`);
                drawn = true;
            }
            else {
                const pct = latest.totalBytes ? ` (${Math.floor((latest.bytes / latest.totalBytes) * 100)}%)` : '';
                options.write(`${label}: ${describe(latest)}${pct}\n`);
            }
        },
        finish() {
            if (options.tty && drawn)
                options.write('\r\x1b[K');
            drawn = false;
        },
    };
}

// EXTERNAL MODULE: ./src/ingest/report.ts
var ingest_report = __webpack_require__(70060);
// EXTERNAL MODULE: ./src/runtime/young-generation.ts
var young_generation = __webpack_require__(47679);
;// CONCATENATED MODULE: ./src/cli/ingest.ts
/**
 * `dc-pipeline ingest <dataset>`: the ingest action's inputs as flags, a progress bar on a TTY (plain lines
 * otherwise), one line per stage and a short report. `--json` prints the report as JSON on stdout instead.
 */









const VALUES = ['target', 'catalog', 'source', 'load', 'bucket', 'project-id', 'environment', 'location', 'dataflow-region',
    'dataflow-service-account'];
const BOOLEANS = ['dry-run', 'allow-private-sources', 'json'];
const HELP = `Usage: dc-pipeline ingest <dataset> [--target local|gcp] [--catalog datasets.yaml] [--source URL]
                                    [--load bigquery|dataflow|none] [--dry-run] [--allow-private-sources]
                                    [--bucket B --project-id P --location L --environment E] [--json]
                                    [--dataflow-region R --dataflow-service-account EMAIL]

Fetches the dataset's source, validates it, stages it write-once by sha256 and loads it exactly once.
--target local (the default) stages under .dc-pipeline/gcs/local/ and loads into DuckDB at
.dc-pipeline/warehouse.duckdb; --target gcp stages in GCS (--bucket) and loads into BigQuery (--project-id).
Running it again with the same content changes nothing.
--source replaces the catalog's source with an https:// or gs:// URL; a local path or file:// URL, plain http://
and loopback/private hosts are read only with --allow-private-sources (local use).
`;
function ingest_text(report) {
    const lines = [
        `${report.dataset}: ${report.dryRun ? 'dry run, nothing staged or loaded' : (0,ingest_report/* describeOutcome */.SS)(report)}`,
        `  rows       ${report.rows.toLocaleString('en-US')} (bad rows ${report.badRows.toLocaleString('en-US')})`,
        `  bytes      ${report.bytes.toLocaleString('en-US')}  sha256 ${report.sha256}`,
    ];
    if (report.objectUri)
        lines.push(`  object     ${report.objectUri}${report.stagedNow ? '' : `  (staged before, first seen ${report.firstSeen})`}`);
    if (report.manifestUri)
        lines.push(`  manifest   ${report.manifestUri}`);
    if (report.quarantineUri)
        lines.push(`  quarantine ${report.quarantineUri}`);
    if (report.load.table)
        lines.push(`  table      ${report.load.table}`);
    if (report.load.jobId)
        lines.push(`  job        ${report.load.jobId}${report.load.outcome === 'adopted' ? ' (adopted: already loaded)' : ''}`);
    if (report.rowsLoaded !== undefined)
        lines.push(`  loaded     ${report.rowsLoaded.toLocaleString('en-US')} rows by that job`);
    lines.push(`  took       ${Object.entries(report.durationsMs).map(([s, ms]) => `${s} ${(0,ingest_report/* formatMs */._V)(ms)}`).join(', ')}`);
    for (const problem of report.firstProblems)
        lines.push(`  bad row    ${problem}`);
    return lines.join('\n') + '\n';
}
async function main(argv) {
    if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write(HELP);
        return 0;
    }
    const { flags, positionals } = (0,args/* parseArgs */.Z)(argv, { values: VALUES, booleans: BOOLEANS });
    if (positionals.length !== 1) {
        throw new errors/* UserError */.y(`expected exactly one dataset name (dc-pipeline ingest <dataset>), got ${positionals.length ? positionals.join(' ') : 'none'}.`);
    }
    flags.set('dataset', positionals[0]);
    const reader = actions_inputs/* InputReader */.i.fromFlags(flags);
    const label = (name) => (name === 'dataset' ? 'Dataset' : `Flag --${name}`);
    const inputs = parseIngestInputs(reader, label, 'local');
    const json = reader.boolean('json', false);
    (0,young_generation/* keepYoungGenerationSmall */.D)();
    const progress = createProgressPrinter({
        write: (s) => void process.stderr.write(s),
        tty: process.stderr.isTTY === true,
        columns: process.stderr.columns ?? 80,
    });
    const report = await ingestOne(inputs, {
        env: process.env,
        tmpDir: (0,external_node_os_.tmpdir)(),
        label,
        onProgress: (p) => progress.update(p),
        log: (entry) => {
            progress.finish();
            // A failure is printed once, by the dispatcher ("dc-pipeline: <message>").
            if (entry.event !== ingest_report/* EVENT_FAILED */.rf)
                process.stderr.write(`${entry.message}\n`);
        },
    }).finally(() => progress.finish());
    process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : ingest_text(report));
    return 0;
}


/***/ })

};
