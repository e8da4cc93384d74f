/**
 * The BigQuery warehouse: the only place @google-cloud/bigquery is constructed. It knows the emulator
 * variable, credentials and retries; what a load does (deterministic job ids, adoption, attempts) lives in
 * bigquery-attempts.ts and the exact job configuration in bigquery-config.ts.
 *
 * The client is imported lazily (a separate ncc chunk), so entry points that never load into BigQuery do not
 * pay for it at cold start.
 */
import type { BigQuery, BigQueryOptions, Dataset } from '@google-cloud/bigquery';
import { errorCode, loadWithAttempts, type JobApi, type JobResource } from './bigquery-attempts.js';
import { jobLabels, loadJobConfiguration, tableLayout, toBigQueryFields } from './bigquery-config.js';
import type { LoadRequest, LoadResult, Warehouse } from './warehouse.js';

export interface BigQueryWarehouseOptions {
  projectId: string;
  /** Dataset and job location (e.g. "EU"); BigQuery's default when omitted. */
  location?: string;
  /** Read for BIGQUERY_EMULATOR_HOST only; pass process.env from the entry point. */
  env: Readonly<Record<string, string | undefined>>;
  userAgent?: string;
  /** First wait between jobs.get polls (grows ×1.5 up to maxPollIntervalMs). Default 1000. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  /** Deadline for one load job to finish. Default 1 hour. */
  jobTimeoutMs?: number;
  /** Load-job attempts before giving up. Default 5. */
  maxAttempts?: number;
  /** Request retries of the client on 429/5xx (its defaults: 3 retries, delays from 2 s up to 64 s). */
  retry?: { maxRetries?: number; maxRetryDelaySeconds?: number };
  debug?: (message: string) => void;
}

const BIGQUERY_ENDPOINT = 'https://bigquery.googleapis.com';

export function createBigQueryWarehouse(options: BigQueryWarehouseOptions): Warehouse {
  let client: Promise<BigQuery> | undefined;
  // One table check per target per warehouse: concurrent loads into one table share it.
  const ensured = new Map<string, Promise<void>>();
  const getClient = () => (client ??= newClient(options));

  return {
    async load(request: LoadRequest): Promise<LoadResult> {
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
      const api: JobApi = {
        insert: async (jobId) => {
          try {
            const [job] = await bq.createJob({ jobId, ...(options.location ? { location: options.location } : {}), configuration });
            return job.metadata as JobResource;
          } catch (err) {
            // A job that failed at insert (status.errors set) comes back as an error carrying the job resource.
            const resource = (err as { response?: JobResource & { jobReference?: unknown } }).response;
            if (errorCode(err) === undefined && resource?.jobReference) return resource;
            throw err;
          }
        },
        get: async (jobId) => {
          const [metadata] = await bq.job(jobId, options.location ? { location: options.location } : {}).getMetadata();
          return metadata as JobResource;
        },
      };
      const result = await loadWithAttempts(api, {
        jobIdPrefix: request.jobIdPrefix,
        maxAttempts: options.maxAttempts ?? 5,
        poll: { initialMs: options.pollIntervalMs ?? 1000, maxMs: options.maxPollIntervalMs ?? 10_000, timeoutMs: options.jobTimeoutMs ?? 3_600_000 },
        ...(request.writeMode === 'replace' ? { superseded: (job: JobResource) => tableChangedSince(bq, request, job) } : {}),
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

async function newClient(options: BigQueryWarehouseOptions): Promise<BigQuery> {
  const { BigQuery } = await import('@google-cloud/bigquery');
  const emulator = emulatorEndpoint(options.env);
  const clientOptions: BigQueryOptions = {
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
export function emulatorEndpoint(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = env.BIGQUERY_EMULATOR_HOST?.trim();
  if (!raw) return undefined;
  const withScheme = /^https?:\/\//.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`BIGQUERY_EMULATOR_HOST was "${raw}"; expected http://host:port.`);
  }
  return `${url.protocol}//${url.host}`;
}

/**
 * An auth client that adds no headers. Without it the client asks google-auth-library for Application
 * Default Credentials, which probes the metadata server (seconds of timeouts off GCP, and a credential lookup
 * we must never do against an emulator).
 */
function noCredentials(): BigQueryOptions['authClient'] {
  const passThrough = {
    getRequestHeaders: async () => new Headers(),
    getAccessToken: async () => ({}),
    request: () => Promise.reject(new Error('no credentials in BigQuery emulator mode')),
  };
  return passThrough as unknown as BigQueryOptions['authClient'];
}

async function ensureTable(bq: BigQuery, request: LoadRequest, location: string | undefined): Promise<void> {
  const { dataset: datasetId, table: tableId } = request.target;
  const dataset = bq.dataset(datasetId, location ? { location } : {});
  await ensureDataset(bq, dataset, datasetId, location);
  const table = dataset.table(tableId);
  try {
    await table.get();
    return;
  } catch (err) {
    if (errorCode(err) !== 404) throw withContext(`look up BigQuery table ${datasetId}.${tableId}`, err);
  }
  try {
    await dataset.createTable(tableId, {
      schema: { fields: toBigQueryFields(request.schema) },
      ...tableLayout(request),
      labels: { 'dc-pipeline': 'ingest' },
    });
  } catch (err) {
    // 409: someone else (a concurrent load, Terraform) created it in between — that is the state we wanted.
    if (errorCode(err) !== 409) throw withContext(`create BigQuery table ${datasetId}.${tableId}`, err);
  }
}

async function ensureDataset(bq: BigQuery, dataset: Dataset, datasetId: string, location: string | undefined) {
  try {
    await dataset.get();
    return;
  } catch (err) {
    if (errorCode(err) !== 404) throw withContext(`look up BigQuery dataset ${datasetId}`, err);
  }
  try {
    await bq.createDataset(datasetId, location ? { location } : {});
  } catch (err) {
    if (errorCode(err) !== 409) throw withContext(`create BigQuery dataset ${datasetId}`, err);
  }
}

/** Whether the target table was modified after this (successful) job ended: someone replaced it since. */
async function tableChangedSince(bq: BigQuery, request: LoadRequest, job: JobResource): Promise<boolean> {
  const ended = Number(job.statistics?.endTime ?? Number.NaN);
  try {
    const [metadata] = await bq.dataset(request.target.dataset).table(request.target.table).getMetadata();
    const modified = Number((metadata as { lastModifiedTime?: string }).lastModifiedTime ?? Number.NaN);
    return Number.isFinite(ended) && Number.isFinite(modified) && modified > ended;
  } catch (err) {
    // A table that no longer exists certainly no longer holds this job's rows.
    if (errorCode(err) === 404) return true;
    throw withContext(`look up BigQuery table ${request.target.dataset}.${request.target.table}`, err);
  }
}

function withContext(action: string, err: unknown): Error {
  return new Error(`Failed to ${action}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}
