import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 966751;
export const ids = [966751];
export const modules = {

/***/ 88551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/ingest/catalog.ts
var ingest_catalog = __webpack_require__(89279);
// EXTERNAL MODULE: ./src/ingest/pipeline.ts + 14 modules
var pipeline = __webpack_require__(21694);
// EXTERNAL MODULE: ./src/ingest/targets.ts
var targets = __webpack_require__(8414);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/ingest/dataflow.ts
var dataflow = __webpack_require__(32214);
;// CONCATENATED MODULE: ./src/service/config.ts
/**
 * The service's configuration, from its environment (set by the Terraform cloud-run module). Every problem is
 * named by its variable, so a misconfigured revision fails at start with one line instead of at the first event.
 */


function readServiceConfig(env) {
    const port = Number(env.PORT ?? '8080');
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new errors/* UserError */.y(`PORT was "${env.PORT}"; expected a TCP port number.`);
    const target = (env.TARGET ?? 'gcp').trim() || 'gcp';
    if (target !== 'gcp' && target !== 'local')
        throw new errors/* UserError */.y(`TARGET was "${target}"; expected "gcp" or "local".`);
    const environment = (env.ENVIRONMENT ?? '').trim();
    if (!environment)
        throw new errors/* UserError */.y('ENVIRONMENT is required (the env-<ENVIRONMENT> build tag this service reacts to) and was empty.');
    const bucket = (env.BUCKET ?? '').trim();
    if (target === 'gcp' && !bucket)
        throw new errors/* UserError */.y('BUCKET is required for TARGET=gcp (the staging bucket) and was empty.');
    const allow = (env.ALLOW_PRIVATE_SOURCES ?? 'false').trim();
    if (allow !== 'true' && allow !== 'false')
        throw new errors/* UserError */.y(`ALLOW_PRIVATE_SOURCES was "${allow}"; expected "true" or "false".`);
    const dataflowServiceAccount = (0,dataflow/* parseDataflowServiceAccount */.Gf)(env.DATAFLOW_SERVICE_ACCOUNT ?? '', 'DATAFLOW_SERVICE_ACCOUNT');
    return {
        port,
        catalog: (env.CATALOG ?? '').trim() || 'datasets.yaml',
        bucket,
        projectId: (env.PROJECT_ID ?? env.GOOGLE_CLOUD_PROJECT ?? '').trim(),
        environment,
        target,
        ...(env.LOCATION?.trim() ? { location: env.LOCATION.trim() } : {}),
        ...(env.DATAFLOW_REGION?.trim() ? { dataflowRegion: env.DATAFLOW_REGION.trim() } : {}),
        ...(dataflowServiceAccount ? { dataflowServiceAccount } : {}),
        allowPrivateSources: allow === 'true',
    };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: ./node_modules/cloudevents/dist/index.js
var dist = __webpack_require__(62973);
;// CONCATENATED MODULE: ./src/service/build-event.ts
/**
 * Which CloudEvents start an ingest. Eventarc delivers Cloud Build status changes from the `cloud-builds`
 * Pub/Sub topic as google.cloud.pubsub.topic.v1.messagePublished, the Build resource base64-encoded in
 * message.data. We ingest the `after-deploy` datasets when a deploy build of this environment succeeded:
 * status SUCCESS and tags that include the toolkit's tag, env-<environment> and the tag of a build that applies
 * (cloudbuild/apply.yaml, cloudbuild/plan-apply.yaml) — plan builds carry the first two as well.
 */

const PUBSUB_MESSAGE_PUBLISHED = 'google.cloud.pubsub.topic.v1.messagePublished';
const BUILD_STATUS_CHANGED = 'google.cloud.cloudbuild.build.v1.statusChanged';
/** Every build the toolkit's Cloud Build configs start carries this tag (plus env-<environment>). */
const PIPELINE_TAG = 'dc-pipeline';
/**
 * The tags of the configs that change the environment: `apply` (cloudbuild/apply.yaml, the reviewed plan) and
 * `plan-apply` (cloudbuild/plan-apply.yaml). cloudbuild/plan.yaml builds are tagged `plan` and deploy nothing.
 */
const DEPLOY_TAGS = ['apply', 'plan-apply'];
class BadEventError extends Error {
    name = 'BadEventError';
}
/** Parse an HTTP request into one CloudEvent (binary or structured content mode). */
function toCloudEvent(headers, body) {
    let parsed;
    try {
        parsed = dist.HTTP.toEvent({ headers, body });
    }
    catch (error) {
        throw new BadEventError(`not a CloudEvent: ${error.message}`);
    }
    if (Array.isArray(parsed)) {
        if (parsed.length !== 1)
            throw new BadEventError(`expected one CloudEvent, got a batch of ${parsed.length}`);
        return parsed[0];
    }
    return parsed;
}
function asObject(data) {
    if (data === undefined || data === null)
        return undefined;
    if (Buffer.isBuffer(data) || data instanceof Uint8Array)
        return asObject(Buffer.from(data).toString('utf8'));
    if (typeof data === 'string') {
        try {
            return asObject(JSON.parse(data));
        }
        catch {
            return undefined;
        }
    }
    return typeof data === 'object' ? data : undefined;
}
function buildFrom(value) {
    const tags = Array.isArray(value.tags) ? value.tags.filter((t) => typeof t === 'string') : [];
    return {
        ...(typeof value.id === 'string' ? { id: value.id } : {}),
        ...(typeof value.status === 'string' ? { status: value.status } : {}),
        tags,
    };
}
/** The Build inside the event, or a reason why there is none. */
function buildOf(event) {
    const data = asObject(event.data ?? event.data_base64);
    if (!data)
        return 'the event has no JSON data';
    if (event.type === BUILD_STATUS_CHANGED)
        return buildFrom(data);
    if (event.type !== PUBSUB_MESSAGE_PUBLISHED)
        return `event type ${event.type} is not handled`;
    const message = asObject(data.message);
    if (!message || typeof message.data !== 'string')
        return 'the Pub/Sub message has no data';
    const build = asObject(Buffer.from(message.data, 'base64').toString('utf8'));
    if (!build)
        return 'the Pub/Sub message data is not a JSON Build';
    return buildFrom(build);
}
function decide(event, environment) {
    const eventId = event.id;
    const build = buildOf(event);
    if (typeof build === 'string')
        return { kind: 'ignore', eventId, reason: build };
    const envTag = `env-${environment}`;
    if (build.status !== 'SUCCESS')
        return { kind: 'ignore', eventId, reason: `build status is ${build.status ?? 'missing'}, not SUCCESS` };
    if (!build.tags.includes(PIPELINE_TAG))
        return { kind: 'ignore', eventId, reason: `build is not tagged ${PIPELINE_TAG}` };
    if (!build.tags.includes(envTag))
        return { kind: 'ignore', eventId, reason: `build is not tagged ${envTag}` };
    if (!DEPLOY_TAGS.some((tag) => build.tags.includes(tag))) {
        return { kind: 'ignore', eventId, reason: `build is not a deploy (tagged neither ${DEPLOY_TAGS.join(' nor ')})` };
    }
    return { kind: 'ingest', eventId, build };
}

;// CONCATENATED MODULE: ./src/service/server.ts
/**
 * The HTTP surface of the ingest service (what Cloud Run runs):
 *   POST /         a CloudEvent from Eventarc (Cloud Build finished) → the catalog's after-deploy datasets
 *   POST /ingest   {"dataset": "<name>"} from Cloud Scheduler or a person
 *   GET  /healthz  liveness
 *
 * Status codes are chosen for Pub/Sub push semantics: any non-2xx is redelivered. A failure a retry can fix
 * (network, 5xx, a lost race) answers 500; one it cannot (bad rows, a refused source) is logged as an error and
 * answered 200, so the same broken file is not fetched again every few seconds for a week.
 * Exactly-once does not depend on any of this: redeliveries find the staged content and adopt the load job.
 */



const MAX_BODY_BYTES = 1024 * 1024;
class HttpError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
async function readBody(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES)
            throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function send(res, status, body, closeConnection = false) {
    // While draining, close keep-alive connections after their last response so server.close() can finish.
    if (closeConnection)
        res.setHeader('connection', 'close');
    if (body === undefined) {
        res.writeHead(status).end();
        return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}
function reportBody(report) {
    return {
        dataset: report.dataset,
        rows: report.rows,
        bad_rows: report.badRows,
        bytes: report.bytes,
        sha256: report.sha256,
        staged_now: report.stagedNow,
        object_uri: report.objectUri ?? null,
        load: report.load,
    };
}
function createIngestService(deps) {
    const inFlight = new Set();
    let draining = false;
    function track(work) {
        inFlight.add(work);
        const done = () => void inFlight.delete(work);
        work.then(done, done);
        return work;
    }
    async function ingestMany(datasets, labels) {
        const results = [];
        let retryable = false;
        for (const dataset of datasets) {
            try {
                results.push({ ...reportBody(await deps.ingest(dataset, labels)), status: 'succeeded' });
            }
            catch (error) {
                // The pipeline already logged ingest_failed with the details.
                if (!(error instanceof errors/* UserError */.y))
                    retryable = true;
                results.push({ dataset: dataset.name, status: 'failed', error: (0,errors/* messageOf */.b)(error) });
            }
        }
        return { status: retryable ? 500 : 200, body: { results } };
    }
    async function onEvent(event) {
        const decision = decide(event, deps.environment);
        if (decision.kind === 'ignore') {
            deps.log({
                severity: 'INFO',
                message: `event ${event.id} (${event.type}) ignored: ${decision.reason}`,
                event: 'event_ignored',
                ce_id: event.id,
                ce_type: event.type,
                reason: decision.reason,
            });
            return { status: 204 };
        }
        const datasets = deps.catalog.datasets.filter((d) => d.runsOn.includes('after-deploy'));
        deps.log({
            severity: 'INFO',
            message: `build ${decision.build.id ?? '?'} succeeded in ${deps.environment}: ingesting ${datasets.map((d) => d.name).join(', ') || 'nothing (no after-deploy datasets)'}`,
            event: 'event_accepted',
            ce_id: event.id,
            build_id: decision.build.id ?? null,
            datasets: datasets.map((d) => d.name),
        });
        return ingestMany(datasets, { trigger: 'after-deploy', ...(decision.build.id ? { build_id: decision.build.id } : {}) });
    }
    /**
     * Pub/Sub delivers at least once, and a redelivery can arrive while the first delivery is still ingesting.
     * Every copy of an event (same source and id) that arrives meanwhile gets the first one's answer instead of
     * running the same ingests again: the pipeline's idempotency would make them stage and load nothing, but not
     * before each had downloaded, validated and uploaded the whole source.
     */
    const eventsInFlight = new Map();
    function onEventOnce(req, body) {
        const event = toCloudEvent(req.headers, body);
        const key = `${event.source}\n${event.id}`;
        const running = eventsInFlight.get(key);
        if (running) {
            deps.log({ severity: 'INFO', message: `event ${event.id} is already being handled: answering with its result`, event: 'event_joined', ce_id: event.id });
            return running;
        }
        const work = onEvent(event).finally(() => eventsInFlight.delete(key));
        eventsInFlight.set(key, work);
        return work;
    }
    async function onIngest(body) {
        let name;
        try {
            name = JSON.parse(body).dataset;
        }
        catch {
            throw new HttpError(400, 'expected a JSON body {"dataset": "<name>"}');
        }
        if (typeof name !== 'string' || !name)
            throw new HttpError(400, 'expected a JSON body {"dataset": "<name>"}');
        const dataset = deps.catalog.datasets.find((d) => d.name === name);
        if (!dataset) {
            throw new HttpError(404, `dataset "${name}" is not in ${deps.catalog.file}; known: ${deps.catalog.datasets.map((d) => d.name).join(', ')}`);
        }
        try {
            return { status: 200, body: reportBody(await deps.ingest(dataset, { trigger: 'request' })) };
        }
        catch (error) {
            return { status: error instanceof errors/* UserError */.y ? 422 : 500, body: { dataset: dataset.name, error: (0,errors/* messageOf */.b)(error) } };
        }
    }
    async function handle(req, res) {
        const path = (req.url ?? '/').split('?')[0];
        if (req.method === 'GET' && path === '/healthz')
            return send(res, draining ? 503 : 200, { status: draining ? 'draining' : 'ok' });
        if (req.method !== 'POST' || (path !== '/' && path !== '/ingest'))
            return send(res, 404, { error: `no route for ${req.method} ${path}` });
        if (draining)
            return send(res, 503, { error: 'shutting down' });
        const result = await track((async () => {
            const body = await readBody(req);
            return path === '/' ? onEventOnce(req, body) : onIngest(body);
        })());
        send(res, result.status, result.body, draining);
    }
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res).catch((error) => {
            const status = error instanceof HttpError ? error.status : error instanceof BadEventError ? 400 : 500;
            deps.log({
                severity: status >= 500 ? 'ERROR' : 'WARNING',
                message: `${req.method} ${req.url}: ${(0,errors/* messageOf */.b)(error)}`,
                event: 'request_failed',
                status,
            });
            if (!res.headersSent)
                send(res, status, { error: (0,errors/* messageOf */.b)(error) }, draining);
            else
                res.destroy();
        });
    });
    return {
        server,
        async drain() {
            draining = true;
            const closed = new Promise((resolve) => server.close(() => resolve()));
            server.closeIdleConnections();
            while (inFlight.size > 0)
                await Promise.allSettled([...inFlight]);
            server.closeIdleConnections();
            await closed;
        },
    };
}

;// CONCATENATED MODULE: ./src/service/log.ts
function jsonLineLogger(write, base = {}) {
    return (entry) => {
        write(JSON.stringify({ severity: 'INFO', time: new Date().toISOString(), ...base, ...entry }) + '\n');
    };
}

// EXTERNAL MODULE: ./src/runtime/young-generation.ts
var young_generation = __webpack_require__(47679);
;// CONCATENATED MODULE: ./src/service/main.ts
/**
 * Start the ingest service: configuration from the environment, the catalog read once (a bad catalog fails the
 * revision at start, not at the first event), one target opened and shared by every request, and a graceful
 * SIGTERM: stop accepting, let the in-flight ingests (and their uploads) finish, exit 0.
 */









/**
 * Cloud Run's /tmp is memory (the module's default instance has 512 MiB): a rerun of an unchanged-looking
 * source keeps its clean copy there only up to this size, and uploads larger ones while validating instead.
 */
const SPOOL_LIMIT_BYTES = 64 * 1024 * 1024;
async function startService(env, write) {
    (0,young_generation/* keepYoungGenerationSmall */.D)();
    const log = jsonLineLogger(write);
    const config = readServiceConfig(env);
    const catalog = await (0,ingest_catalog/* loadCatalog */.ak)(config.catalog);
    const target = await (0,targets/* openTarget */.A)({
        target: config.target,
        bucket: config.bucket,
        ...(config.projectId ? { projectId: config.projectId } : {}),
        ...(config.location ? { location: config.location } : {}),
        ...(config.dataflowRegion ? { dataflowRegion: config.dataflowRegion } : {}),
        ...(config.dataflowServiceAccount ? { dataflowServiceAccount: config.dataflowServiceAccount } : {}),
        env,
        loads: [...new Set(catalog.datasets.map((d) => d.load))],
        dryRun: false,
        names: { bucket: 'BUCKET', projectId: 'PROJECT_ID' },
    });
    const tmpDir = (0,external_node_os_.tmpdir)();
    const service = createIngestService({
        catalog,
        environment: config.environment,
        log,
        ingest: (dataset, labels) => (0,pipeline/* runIngest */.UI)({
            dataset,
            ...(target.store ? { store: target.store } : {}),
            ...(target.bucket ? { bucket: target.bucket } : {}),
            ...(target.warehouse ? { warehouse: target.warehouse } : {}),
            ...(target.dataflow ? { dataflow: target.dataflow } : {}),
            ...(config.projectId ? { projectId: config.projectId } : {}),
            fetch: {
                ...pipeline/* DEFAULT_FETCH */.VC,
                allowHttp: config.allowPrivateSources,
                allowPrivateAddresses: config.allowPrivateSources,
                ...(target.readGcs ? { readGcs: target.readGcs } : {}),
            },
            dryRun: false,
            log,
            tmpDir,
            spoolLimitBytes: SPOOL_LIMIT_BYTES,
            labels: { environment: config.environment, ...labels },
        }),
    });
    await new Promise((resolvePromise, reject) => {
        service.server.once('error', reject);
        service.server.listen(config.port, () => resolvePromise());
    });
    const port = service.server.address().port;
    log({
        message: `ingest service listening on :${port} (environment ${config.environment}, target ${config.target}, ${catalog.datasets.length} datasets)`,
        event: 'service_started',
        port,
    });
    let stopping;
    return {
        port,
        stop() {
            stopping ??= (async () => {
                log({ message: 'shutting down: no new requests, finishing in-flight ingests', event: 'service_stopping' });
                await service.drain();
                await target.close();
                log({ message: 'shut down cleanly', event: 'service_stopped' });
            })();
            return stopping;
        },
    };
}
/** Run until SIGTERM/SIGINT; resolves with the exit code. */
async function serveUntilSignalled(env) {
    const write = (line) => void process.stdout.write(line);
    const running = await startService(env, write);
    return new Promise((resolveCode) => {
        const onSignal = (signal) => {
            process.off('SIGTERM', onSignal);
            process.off('SIGINT', onSignal);
            jsonLineLogger(write)({ message: `received ${signal}`, event: 'signal', signal });
            running.stop().then(() => resolveCode(0), (error) => {
                jsonLineLogger(write)({ severity: 'ERROR', message: `shutdown failed: ${(0,errors/* messageOf */.b)(error)}`, event: 'service_stop_failed' });
                resolveCode(1);
            });
        };
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
    });
}

;// CONCATENATED MODULE: ./src/cli/serve.ts
/**
 * `dc-pipeline serve`: the ingest service in the foreground, configured like the container (PORT, CATALOG,
 * BUCKET, PROJECT_ID, ENVIRONMENT, TARGET); flags override the variables.
 */


const FLAGS = {
    port: 'PORT',
    catalog: 'CATALOG',
    bucket: 'BUCKET',
    'project-id': 'PROJECT_ID',
    environment: 'ENVIRONMENT',
    target: 'TARGET',
    location: 'LOCATION',
    'dataflow-region': 'DATAFLOW_REGION',
    'dataflow-service-account': 'DATAFLOW_SERVICE_ACCOUNT',
};
const HELP = `Usage: dc-pipeline serve [--port 8080] [--catalog datasets.yaml] [--environment dev] [--target local|gcp]
                         [--bucket b] [--project-id p] [--location l] [--dataflow-region r]
                         [--dataflow-service-account email] [--allow-private-sources]

Runs the ingest HTTP service: POST / (CloudEvents from Eventarc), POST /ingest {"dataset": …}, GET /healthz.
Each flag overrides the environment variable of the same name (PORT, CATALOG, …). Stops cleanly on Ctrl-C.
`;
async function main(argv) {
    if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write(HELP);
        return 0;
    }
    const { flags, positionals } = (0,args/* parseArgs */.Z)(argv, { values: Object.keys(FLAGS), booleans: ['allow-private-sources'] });
    if (positionals.length > 0) {
        process.stderr.write(`dc-pipeline serve takes no arguments (got ${positionals.join(' ')}).\n${HELP}`);
        return 2;
    }
    const env = { ...process.env };
    for (const [flag, variable] of Object.entries(FLAGS)) {
        const value = flags.get(flag);
        if (value !== undefined)
            env[variable] = value;
    }
    if (flags.has('allow-private-sources'))
        env.ALLOW_PRIVATE_SOURCES = flags.get('allow-private-sources');
    // Exit once drained: keep-alive sockets in the clients' agents would otherwise keep the process alive.
    process.exit(await serveUntilSignalled(env));
}


/***/ })

};
