/**
 * Load staged content, at most once per content:
 * - bigquery / duckdb: a warehouse load with job id ingest_<dataset>_<sha256 prefix>_<attempt>; the warehouse
 *   adopts an existing successful job and moves to the next attempt after a failed one.
 * - dataflow: the GCS_CSV_to_BigQuery template, launched with a deterministic job name, or left for the
 *   scheduled Dataflow job when no launcher is configured. Exactly once per content: a write-once claim object
 *   is written before the launch and a result object after it; a rerun that finds a claim without a result
 *   (the process died in between, or another is launching right now) asks Dataflow for a job of that name
 *   before launching again. See loadWithDataflow.
 */
import type { DatasetSpec } from './dataset.js';
import type { StagedContent } from './stage.js';
import type { LoadOutcome } from './report.js';
import type { ObjectStore } from '../storage/object-store.js';
import { NotFoundError } from '../storage/object-store.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { csvToBigQueryParameters, dataflowJobName, dataflowSchemaJson, type DataflowLauncher } from './dataflow.js';

export interface LoadSummary {
  outcome: LoadOutcome;
  jobId?: string;
  attempt?: number;
  table?: string;
  rowsLoaded?: number;
  /** The schema file written for Dataflow. */
  schemaUri?: string;
}

export function jobIdPrefix(dataset: string, sha256: string): string {
  return `ingest_${dataset}_${sha256.slice(0, 16)}`;
}

export async function loadIntoWarehouse(input: {
  warehouse: Warehouse;
  dataset: DatasetSpec;
  staged: StagedContent;
  sha256: string;
  labels?: Record<string, string>;
}): Promise<LoadSummary> {
  const { dataset } = input;
  const result = await input.warehouse.load({
    dataset: dataset.name,
    target: dataset.target,
    schema: dataset.schema,
    ...(dataset.partitioning ? { partitioning: dataset.partitioning } : {}),
    ...(dataset.clustering ? { clustering: dataset.clustering } : {}),
    sourceUri: input.staged.objectUri,
    writeMode: dataset.writeMode,
    jobIdPrefix: jobIdPrefix(dataset.name, input.sha256),
    labels: { dataset: dataset.name, sha256_prefix: input.sha256.slice(0, 16), ...(input.labels ?? {}) },
  });
  return {
    outcome: result.adopted ? 'adopted' : 'loaded',
    jobId: result.jobId,
    attempt: result.attempt,
    table: result.table,
    rowsLoaded: result.rowsLoaded,
  };
}

function sibling(staged: StagedContent, suffix: string): string {
  return staged.objectName.replace(/\.csv$/, suffix);
}

/** `<object>.dataflow.json`: written after the launch; its presence means the content was handed to Dataflow. */
interface LaunchMarker {
  job_id: string;
  job_name: string;
  launched_at: string;
}

/** `<object>.dataflow-launch.json`: written (write-once) before the launch; whoever creates it launches. */
interface LaunchClaim {
  job_name: string;
  claimed_at: string;
}

/** `value` as pretty JSON, write-once (ifGenerationMatch: 0): `created` is false when the name was taken. */
function writeJsonOnce(store: ObjectStore, bucket: string, name: string, value: LaunchMarker | LaunchClaim) {
  return store.writeOnce(bucket, name, JSON.stringify(value, null, 2) + '\n', { contentType: 'application/json' });
}

async function readMarker(store: ObjectStore, bucket: string, name: string): Promise<LaunchMarker | undefined> {
  try {
    return JSON.parse((await store.read(bucket, name)).toString('utf8')) as LaunchMarker;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * Launches the template for staged content at most once, however often and however concurrently it is called:
 *
 * 1. A result marker exists: the content was launched; report that job (adopted).
 * 2. Claim the launch with a write-once object (ifGenerationMatch: 0) naming the deterministic job name. The
 *    caller that creates it launches, then writes the result marker.
 * 3. A caller that finds the claim taken and no result marker cannot tell a crash between launch and marker
 *    from a launch still in flight, so it asks Dataflow for a job of that name in any state — Dataflow's own
 *    409 covers only *active* jobs, and a finished one would be appended again. Found: adopt it and record it.
 *    Not found: the claimed launch never reached Dataflow (it failed, or the process died first) and this
 *    caller launches; if the claimant's request is still in flight after all, one of the two gets 409 and
 *    adopts the other's job.
 *
 * What stays open: Dataflow lists terminated jobs for 30 days, so a claim left without a result for longer than
 * that is launched again.
 */
export async function loadWithDataflow(input: {
  store: ObjectStore;
  dataset: DatasetSpec;
  staged: StagedContent;
  sha256: string;
  /** Undefined: leave the object for the scheduled Dataflow job. */
  launcher?: DataflowLauncher;
  /** Project of the output table (defaults to the launcher's). */
  projectId?: string;
  now: Date;
}): Promise<LoadSummary> {
  const { store, staged, dataset } = input;
  const schemaName = sibling(staged, '.schema.json');
  await store.writeOnce(staged.bucket, schemaName, dataflowSchemaJson(dataset.schema), { contentType: 'application/json' });
  const schemaUri = store.uri(staged.bucket, schemaName);
  const project = input.projectId ?? input.launcher?.projectId;
  const table = project ? `${project}:${dataset.target.dataset}.${dataset.target.table}` : `${dataset.target.dataset}.${dataset.target.table}`;
  if (!input.launcher) return { outcome: 'scheduled', table, schemaUri };
  const launcher = input.launcher;

  const jobName = dataflowJobName(dataset.name, input.sha256);
  const markerName = sibling(staged, '.dataflow.json');
  const adopted = (jobId: string): LoadSummary => ({ outcome: 'adopted', jobId, table, schemaUri });
  /** Records the job as this content's load; when another caller recorded one first, theirs stands. */
  const record = async (jobId: string): Promise<string> => {
    const marker: LaunchMarker = { job_id: jobId, job_name: jobName, launched_at: input.now.toISOString() };
    const written = await writeJsonOnce(store, staged.bucket, markerName, marker);
    if (written.created) return jobId;
    return (await readMarker(store, staged.bucket, markerName))?.job_id ?? jobId;
  };

  const marker = await readMarker(store, staged.bucket, markerName);
  if (marker) return adopted(marker.job_id);

  const claim: LaunchClaim = { job_name: jobName, claimed_at: input.now.toISOString() };
  const claimed = await writeJsonOnce(store, staged.bucket, sibling(staged, '.dataflow-launch.json'), claim);
  if (!claimed.created) {
    const finished = await readMarker(store, staged.bucket, markerName);
    if (finished) return adopted(finished.job_id);
    const existing = await launcher.findJob(jobName);
    if (existing) return adopted(await record(existing.jobId));
  }

  const job = await launcher.launch({
    jobName,
    tempLocation: `gs://${staged.bucket}/tmp/dataflow/`,
    parameters: csvToBigQueryParameters({
      objectUri: staged.objectUri,
      schemaUri,
      outputTable: table,
      tempDirectory: `gs://${staged.bucket}/tmp/dataflow/bigquery/`,
      badRecordsTable: `${table}_bad_records`,
    }),
  });
  const recorded = await record(job.jobId);
  if (recorded !== job.jobId || job.adopted) return adopted(recorded);
  return { outcome: 'launched', jobId: job.jobId, table, schemaUri };
}
