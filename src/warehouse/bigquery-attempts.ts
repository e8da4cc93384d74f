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
import { pollUntil } from './poll.js';

export interface JobStatus {
  state?: string;
  errorResult?: { reason?: string; message?: string; location?: string };
  errors?: { reason?: string; message?: string; location?: string }[];
}

export interface TableReference {
  projectId?: string;
  datasetId: string;
  tableId: string;
}

export interface JobResource {
  status?: JobStatus;
  statistics?: { endTime?: string; load?: { outputRows?: string } };
  configuration?: { load?: { destinationTable?: TableReference } };
}

/** The two calls the attempt loop needs; bigquery.ts implements them with the real client. */
export interface JobApi {
  /** Throws an error with `code: 409` when the job id is taken. */
  insert(jobId: string): Promise<JobResource>;
  get(jobId: string): Promise<JobResource>;
}

export interface AttemptOptions {
  jobIdPrefix: string;
  maxAttempts: number;
  poll: { initialMs: number; maxMs: number; timeoutMs: number };
  /**
   * Replace mode only: whether a job that succeeded in an earlier run has since been overwritten (the table
   * changed after it). Such a job is not adopted — its content is loaded again under the next attempt id, so
   * content A → B → A leaves A in the table, not B.
   */
  superseded?: (job: JobResource) => Promise<boolean>;
  /** The table this load writes: an existing job that wrote another one is not adopted. */
  destination?: TableReference;
  debug?: (message: string) => void;
}

export interface AttemptResult {
  jobId: string;
  attempt: number;
  adopted: boolean;
  rowsLoaded: number;
}

/** Reasons BigQuery documents as worth retrying (https://cloud.google.com/bigquery/docs/error-messages). */
const TRANSIENT_REASONS = new Set(['backendError', 'internalError', 'jobBackendError', 'jobInternalError', 'rateLimitExceeded', 'quotaExceeded', 'timeout']);

export async function loadWithAttempts(api: JobApi, options: AttemptOptions): Promise<AttemptResult> {
  let lastFailure = '';
  let failures = 0;
  // Failures in this call are bounded by maxAttempts; jobs skipped because an earlier run left them failed or
  // superseded do not count (each is a real job, so the ids run out where the history does).
  for (let attempt = 1; failures < options.maxAttempts; attempt++) {
    const jobId = `${options.jobIdPrefix}_${attempt}`;
    let adopted = false;
    let job: JobResource;
    try {
      job = await api.insert(jobId);
    } catch (err) {
      if (errorCode(err) !== 409) throw new Error(`BigQuery load job ${jobId} could not be started: ${messageOf(err)}`, { cause: err });
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
    if (!TRANSIENT_REASONS.has(status.errorResult.reason ?? '')) throw new Error(lastFailure);
    options.debug?.(`${lastFailure}; retrying as attempt ${attempt + 1}`);
  }
  throw new Error(`BigQuery load ${options.jobIdPrefix} gave up after ${options.maxAttempts} failed attempts; last: ${lastFailure}`);
}

/** The table an existing job wrote, when it is not `wanted` (a job without one is taken as ours). */
function otherTable(job: JobResource, wanted: TableReference | undefined): string | undefined {
  const table = job.configuration?.load?.destinationTable;
  if (!wanted || !table) return undefined;
  const same =
    table.datasetId === wanted.datasetId &&
    table.tableId === wanted.tableId &&
    (!table.projectId || !wanted.projectId || table.projectId === wanted.projectId);
  return same ? undefined : `${table.projectId ? `${table.projectId}.` : ''}${table.datasetId}.${table.tableId}`;
}

async function waitForJob(api: JobApi, jobId: string, first: JobResource, poll: AttemptOptions['poll']): Promise<JobResource> {
  if (first.status?.state === 'DONE') return first;
  return pollUntil(
    async () => {
      const job = await getJob(api, jobId);
      return job.status?.state === 'DONE' ? job : undefined;
    },
    { ...poll, timeoutMessage: `BigQuery load job ${jobId} did not finish within ${Math.round(poll.timeoutMs / 1000)} s` },
  );
}

async function getJob(api: JobApi, jobId: string): Promise<JobResource> {
  try {
    return await api.get(jobId);
  } catch (err) {
    throw new Error(`BigQuery load job ${jobId} could not be read: ${messageOf(err)}`, { cause: err });
  }
}

function describeFailure(jobId: string, status: JobStatus): string {
  const main = status.errorResult ?? {};
  const details = (status.errors ?? [])
    .filter((e) => e.message && e.message !== main.message)
    .slice(0, 3)
    .map((e) => `${e.message}${e.location ? ` (at ${e.location})` : ''}`);
  const where = main.location ? ` (at ${main.location})` : '';
  return `BigQuery load job ${jobId} failed: ${main.message ?? 'unknown error'}${where} [${main.reason ?? 'no reason'}]${details.length ? `; ${details.join('; ')}` : ''}`;
}

export function errorCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
