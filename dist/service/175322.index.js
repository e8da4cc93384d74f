import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 175322;
export const ids = [175322];
export const modules = {

/***/ 2737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createBigQueryWarehouse: () => (/* binding */ createBigQueryWarehouse)
});

// UNUSED EXPORTS: emulatorEndpoint

;// CONCATENATED MODULE: ./src/warehouse/poll.ts
/**
 * Poll until a check says done, with exponential backoff and a deadline: the one waiting loop the warehouse
 * loaders use, so none of them can spin forever or hammer an API.
 */
async function pollUntil(check, options) {
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const now = options.now ?? Date.now;
    const deadline = now() + options.timeoutMs;
    let wait = options.initialMs;
    for (;;) {
        const result = await check();
        if (result !== undefined)
            return result;
        const left = deadline - now();
        if (left <= 0)
            throw new Error(options.timeoutMessage);
        await sleep(Math.min(wait, left));
        wait = Math.min(Math.ceil(wait * 1.5), options.maxMs);
    }
}

;// CONCATENATED MODULE: ./src/warehouse/bigquery-attempts.ts
/**
 * Exactly-once BigQuery loads through deterministic job ids. Attempt n uses job id `<prefix>_<n>`:
 * - insert it; a 409 means the job already exists (a rerun, or a concurrent duplicate) — adopt it and wait;
 * - a job that succeeded is the answer (so the same content is never loaded twice);
 * - a job found already failed, or one that failed transiently while we waited, moves on to attempt n + 1;
 * - a job that failed for a lasting reason (bad data, schema mismatch) while we waited fails the load — the
 *   next run, after the cause is fixed, starts from the next attempt number;
 * - in replace mode, a job that succeeded earlier but whose table was replaced since is skipped too;
 * - so is one that loaded this content into another table (the catalog's target changed since): adopting it
 *   would report a load into the new table that never happened.
 */

/** Reasons BigQuery documents as worth retrying (https://cloud.google.com/bigquery/docs/error-messages). */
const TRANSIENT_REASONS = new Set(['backendError', 'internalError', 'jobBackendError', 'jobInternalError', 'rateLimitExceeded', 'quotaExceeded', 'timeout']);
async function loadWithAttempts(api, options) {
    let lastFailure = '';
    let failures = 0;
    // Failures in this call are bounded by maxAttempts; jobs skipped because an earlier run left them failed or
    // superseded do not count (each is a real job, so the ids run out where the history does).
    for (let attempt = 1; failures < options.maxAttempts; attempt++) {
        const jobId = `${options.jobIdPrefix}_${attempt}`;
        let adopted = false;
        let job;
        try {
            job = await api.insert(jobId);
        }
        catch (err) {
            if (errorCode(err) !== 409)
                throw new Error(`BigQuery load job ${jobId} could not be started: ${messageOf(err)}`, { cause: err });
            adopted = true;
            job = await getJob(api, jobId);
            if (job.status?.state === 'DONE' && job.status.errorResult) {
                lastFailure = describeFailure(jobId, job.status);
                options.debug?.(`${lastFailure}; it failed before this run, trying attempt ${attempt + 1}`);
                continue;
            }
            const elsewhere = otherTable(job, options.destination);
            if (elsewhere) {
                options.debug?.(`BigQuery load job ${jobId} loaded this content into ${elsewhere}; loading it into this target as attempt ${attempt + 1}`);
                continue;
            }
            if (job.status?.state === 'DONE' && options.superseded && (await options.superseded(job))) {
                options.debug?.(`BigQuery load job ${jobId} succeeded earlier but the table was replaced since; loading again as attempt ${attempt + 1}`);
                continue;
            }
            options.debug?.(`BigQuery load job ${jobId} already exists; adopting it`);
        }
        const done = await waitForJob(api, jobId, job, options.poll);
        const status = done.status ?? {};
        if (!status.errorResult) {
            return { jobId, attempt, adopted, rowsLoaded: Number(done.statistics?.load?.outputRows ?? '0') };
        }
        failures += 1;
        lastFailure = describeFailure(jobId, status);
        if (!TRANSIENT_REASONS.has(status.errorResult.reason ?? ''))
            throw new Error(lastFailure);
        options.debug?.(`${lastFailure}; retrying as attempt ${attempt + 1}`);
    }
    throw new Error(`BigQuery load ${options.jobIdPrefix} gave up after ${options.maxAttempts} failed attempts; last: ${lastFailure}`);
}
/** The table an existing job wrote, when it is not `wanted` (a job without one is taken as ours). */
function otherTable(job, wanted) {
    const table = job.configuration?.load?.destinationTable;
    if (!wanted || !table)
        return undefined;
    const same = table.datasetId === wanted.datasetId &&
        table.tableId === wanted.tableId &&
        (!table.projectId || !wanted.projectId || table.projectId === wanted.projectId);
    return same ? undefined : `${table.projectId ? `${table.projectId}.` : ''}${table.datasetId}.${table.tableId}`;
}
async function waitForJob(api, jobId, first, poll) {
    if (first.status?.state === 'DONE')
        return first;
    return pollUntil(async () => {
        const job = await getJob(api, jobId);
        return job.status?.state === 'DONE' ? job : undefined;
    }, { ...poll, timeoutMessage: `BigQuery load job ${jobId} did not finish within ${Math.round(poll.timeoutMs / 1000)} s` });
}
async function getJob(api, jobId) {
    try {
        return await api.get(jobId);
    }
    catch (err) {
        throw new Error(`BigQuery load job ${jobId} could not be read: ${messageOf(err)}`, { cause: err });
    }
}
function describeFailure(jobId, status) {
    const main = status.errorResult ?? {};
    const details = (status.errors ?? [])
        .filter((e) => e.message && e.message !== main.message)
        .slice(0, 3)
        .map((e) => `${e.message}${e.location ? ` (at ${e.location})` : ''}`);
    const where = main.location ? ` (at ${main.location})` : '';
    return `BigQuery load job ${jobId} failed: ${main.message ?? 'unknown error'}${where} [${main.reason ?? 'no reason'}]${details.length ? `; ${details.join('; ')}` : ''}`;
}
function errorCode(err) {
    const code = err?.code;
    return typeof code === 'number' ? code : undefined;
}
function messageOf(err) {
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./src/warehouse/bigquery-config.ts
function toBigQueryFields(schema) {
    return schema.map((c) => ({ name: c.name, type: c.type, mode: c.mode, ...(c.description ? { description: c.description } : {}) }));
}
/** Partitioning and clustering exactly as the tables resource and the load configuration spell them. */
function tableLayout(request) {
    const p = request.partitioning;
    return {
        ...(p ? { timePartitioning: { type: p.type, ...(p.field ? { field: p.field } : {}) } } : {}),
        ...(request.clustering?.length ? { clustering: { fields: [...request.clustering] } } : {}),
    };
}
/**
 * The load job. The CSV options describe the staged file, which the validator always writes as UTF-8, comma,
 * '"'-quoted with a header row; quoted newlines are legal CSV, so they must be allowed. maxBadRecords is 0
 * because bad rows were already quarantined: any rejection here is a bug worth failing on.
 */
function loadJobConfiguration(request, projectId, labels) {
    return {
        load: {
            sourceUris: [request.sourceUri],
            sourceFormat: 'CSV',
            skipLeadingRows: 1,
            fieldDelimiter: ',',
            quote: '"',
            encoding: 'UTF-8',
            maxBadRecords: 0,
            allowQuotedNewlines: true,
            allowJaggedRows: false,
            ignoreUnknownValues: false,
            schema: { fields: toBigQueryFields(request.schema) },
            destinationTable: { projectId, datasetId: request.target.dataset, tableId: request.target.table },
            createDisposition: 'CREATE_IF_NEEDED',
            writeDisposition: request.writeMode === 'replace' ? 'WRITE_TRUNCATE' : 'WRITE_APPEND',
            ...tableLayout(request),
        },
        labels,
    };
}
/**
 * BigQuery labels allow lowercase letters, digits, '_' and '-', at most 63 characters, keys starting with a
 * letter. Values from the catalog (dataset names) already fit; anything else is folded rather than rejected,
 * because a label must never be the reason a load fails.
 */
function jobLabels(request) {
    const fold = (s) => s.toLowerCase().replace(/[^a-z0-9_-]/g, '_').slice(0, 63);
    const out = {};
    for (const [k, v] of Object.entries({ 'dc-pipeline': 'ingest', dataset: request.dataset, ...request.labels })) {
        let key = fold(k);
        if (!/^[a-z]/.test(key))
            key = `l_${key}`.slice(0, 63);
        out[key] = fold(v);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/warehouse/bigquery.ts


const BIGQUERY_ENDPOINT = 'https://bigquery.googleapis.com';
function createBigQueryWarehouse(options) {
    let client;
    // One table check per target per warehouse: concurrent loads into one table share it.
    const ensured = new Map();
    const getClient = () => (client ??= newClient(options));
    return {
        async load(request) {
            const bq = await getClient();
            const key = `${request.target.dataset}.${request.target.table}`;
            let ready = ensured.get(key);
            if (!ready) {
                ready = ensureTable(bq, request, options.location);
                ensured.set(key, ready);
                ready.catch(() => ensured.delete(key));
            }
            await ready;
            const configuration = loadJobConfiguration(request, options.projectId, jobLabels(request));
            const api = {
                insert: async (jobId) => {
                    try {
                        const [job] = await bq.createJob({ jobId, ...(options.location ? { location: options.location } : {}), configuration });
                        return job.metadata;
                    }
                    catch (err) {
                        // A job that failed at insert (status.errors set) comes back as an error carrying the job resource.
                        const resource = err.response;
                        if (errorCode(err) === undefined && resource?.jobReference)
                            return resource;
                        throw err;
                    }
                },
                get: async (jobId) => {
                    const [metadata] = await bq.job(jobId, options.location ? { location: options.location } : {}).getMetadata();
                    return metadata;
                },
            };
            const result = await loadWithAttempts(api, {
                jobIdPrefix: request.jobIdPrefix,
                maxAttempts: options.maxAttempts ?? 5,
                poll: { initialMs: options.pollIntervalMs ?? 1000, maxMs: options.maxPollIntervalMs ?? 10_000, timeoutMs: options.jobTimeoutMs ?? 3_600_000 },
                ...(request.writeMode === 'replace' ? { superseded: (job) => tableChangedSince(bq, request, job) } : {}),
                destination: { projectId: options.projectId, datasetId: request.target.dataset, tableId: request.target.table },
                ...(options.debug ? { debug: options.debug } : {}),
            });
            return { ...result, table: `${options.projectId}.${request.target.dataset}.${request.target.table}` };
        },
        async close() {
            // The client holds no sockets beyond the shared keep-alive agent; nothing to release.
        },
    };
}
async function newClient(options) {
    const { BigQuery } = await Promise.all(/* import() */[__webpack_require__.e(945463), __webpack_require__.e(570376), __webpack_require__.e(307819), __webpack_require__.e(657478), __webpack_require__.e(841653)]).then(__webpack_require__.bind(__webpack_require__, 676));
    const emulator = emulatorEndpoint(options.env);
    const clientOptions = {
        projectId: options.projectId,
        ...(options.location ? { location: options.location } : {}),
        ...(options.userAgent ? { userAgent: options.userAgent } : {}),
        retryOptions: {
            autoRetry: true,
            maxRetries: options.retry?.maxRetries ?? 3,
            ...(options.retry?.maxRetryDelaySeconds !== undefined ? { maxRetryDelay: options.retry.maxRetryDelaySeconds } : {}),
        },
        // Always explicit: left unset, the client would take process.env.BIGQUERY_EMULATOR_HOST, not `env`.
        apiEndpoint: emulator ?? BIGQUERY_ENDPOINT,
        ...(emulator ? { authClient: noCredentials() } : {}),
    };
    const bq = new BigQuery(clientOptions);
    // The client builds its base URL straight from process.env.BIGQUERY_EMULATOR_HOST (dropping /bigquery/v2)
    // whenever that is set; pin it to the endpoint chosen from `env`.
    bq.baseUrl = `${emulator ?? BIGQUERY_ENDPOINT}/bigquery/v2`;
    return bq;
}
/**
 * BIGQUERY_EMULATOR_HOST as an explicit endpoint. Passing it as apiEndpoint (rather than relying on the
 * client reading the variable) is what makes the endpoint follow `env` instead of the process's environment.
 */
function emulatorEndpoint(env) {
    const raw = env.BIGQUERY_EMULATOR_HOST?.trim();
    if (!raw)
        return undefined;
    const withScheme = /^https?:\/\//.test(raw) ? raw : `http://${raw}`;
    let url;
    try {
        url = new URL(withScheme);
    }
    catch {
        throw new Error(`BIGQUERY_EMULATOR_HOST was "${raw}"; expected http://host:port.`);
    }
    return `${url.protocol}//${url.host}`;
}
/**
 * An auth client that adds no headers. Without it the client asks google-auth-library for Application
 * Default Credentials, which probes the metadata server (seconds of timeouts off GCP, and a credential lookup
 * we must never do against an emulator).
 */
function noCredentials() {
    const passThrough = {
        getRequestHeaders: async () => new Headers(),
        getAccessToken: async () => ({}),
        request: () => Promise.reject(new Error('no credentials in BigQuery emulator mode')),
    };
    return passThrough;
}
async function ensureTable(bq, request, location) {
    const { dataset: datasetId, table: tableId } = request.target;
    const dataset = bq.dataset(datasetId, location ? { location } : {});
    await ensureDataset(bq, dataset, datasetId, location);
    const table = dataset.table(tableId);
    try {
        await table.get();
        return;
    }
    catch (err) {
        if (errorCode(err) !== 404)
            throw withContext(`look up BigQuery table ${datasetId}.${tableId}`, err);
    }
    try {
        await dataset.createTable(tableId, {
            schema: { fields: toBigQueryFields(request.schema) },
            ...tableLayout(request),
            labels: { 'dc-pipeline': 'ingest' },
        });
    }
    catch (err) {
        // 409: someone else (a concurrent load, Terraform) created it in between — that is the state we wanted.
        if (errorCode(err) !== 409)
            throw withContext(`create BigQuery table ${datasetId}.${tableId}`, err);
    }
}
async function ensureDataset(bq, dataset, datasetId, location) {
    try {
        await dataset.get();
        return;
    }
    catch (err) {
        if (errorCode(err) !== 404)
            throw withContext(`look up BigQuery dataset ${datasetId}`, err);
    }
    try {
        await bq.createDataset(datasetId, location ? { location } : {});
    }
    catch (err) {
        if (errorCode(err) !== 409)
            throw withContext(`create BigQuery dataset ${datasetId}`, err);
    }
}
/** Whether the target table was modified after this (successful) job ended: someone replaced it since. */
async function tableChangedSince(bq, request, job) {
    const ended = Number(job.statistics?.endTime ?? Number.NaN);
    try {
        const [metadata] = await bq.dataset(request.target.dataset).table(request.target.table).getMetadata();
        const modified = Number(metadata.lastModifiedTime ?? Number.NaN);
        return Number.isFinite(ended) && Number.isFinite(modified) && modified > ended;
    }
    catch (err) {
        // A table that no longer exists certainly no longer holds this job's rows.
        if (errorCode(err) === 404)
            return true;
        throw withContext(`look up BigQuery table ${request.target.dataset}.${request.target.table}`, err);
    }
}
function withContext(action, err) {
    return new Error(`Failed to ${action}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}


/***/ })

};
