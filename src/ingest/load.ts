/**
 * Load staged content, at most once per content:
 * - bigquery / duckdb: a warehouse load with job id ingest_<dataset>_<sha256 prefix>_<attempt>; the warehouse
 *   adopts an existing successful job and moves to the next attempt after a failed one.
 * - dataflow: the GCS_CSV_to_BigQuery template, launched with a deterministic job name, or left for the
 *   scheduled Dataflow job when no launcher is configured. A marker object records the launch so a rerun of
 *   the same content does not launch (and append) it again.
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

interface LaunchMarker {
  job_id: string;
  job_name: string;
  launched_at: string;
}

async function readMarker(store: ObjectStore, bucket: string, name: string): Promise<LaunchMarker | undefined> {
  try {
    return JSON.parse((await store.read(bucket, name)).toString('utf8')) as LaunchMarker;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

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

  const markerName = sibling(staged, '.dataflow.json');
  const marker = await readMarker(store, staged.bucket, markerName);
  if (marker) return { outcome: 'adopted', jobId: marker.job_id, table, schemaUri };

  const job = await input.launcher.launch({
    jobName: dataflowJobName(dataset.name, input.sha256),
    tempLocation: `gs://${staged.bucket}/tmp/dataflow/`,
    parameters: csvToBigQueryParameters({
      objectUri: staged.objectUri,
      schemaUri,
      outputTable: table,
      tempDirectory: `gs://${staged.bucket}/tmp/dataflow/bigquery/`,
      badRecordsTable: `${table}_bad_records`,
    }),
  });
  const record: LaunchMarker = { job_id: job.jobId, job_name: job.jobName, launched_at: input.now.toISOString() };
  const written = await store.writeOnce(staged.bucket, markerName, JSON.stringify(record, null, 2) + '\n', {
    contentType: 'application/json',
  });
  if (!written.created) {
    const winner = await readMarker(store, staged.bucket, markerName);
    return { outcome: 'adopted', jobId: winner?.job_id ?? job.jobId, table, schemaUri };
  }
  return { outcome: job.adopted ? 'adopted' : 'launched', jobId: job.jobId, table, schemaUri };
}
