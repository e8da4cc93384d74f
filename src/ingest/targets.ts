/**
 * Where an ingest stages and loads, for the entry points: `gcp` (GCS + BigQuery, emulator variables honoured
 * by the wrappers) or `local` (a folder bucket + DuckDB under .dc-pipeline/). The wrappers are imported lazily:
 * `--target local` never loads the Google clients, and a dry run loads no warehouse at all.
 */
import { join, resolve } from 'node:path';
import type { LoadPath } from './dataset.js';
import { parseGsUri, type ObjectStore } from '../storage/object-store.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { DataflowLauncher } from './dataflow.js';
import { UserError } from '../errors.js';

export type TargetKind = 'gcp' | 'local';

export interface TargetOptions {
  target: TargetKind;
  /** gcp: the staging bucket (required unless dry run). local: ignored, the bucket is "local". */
  bucket?: string;
  projectId?: string;
  /** BigQuery location (e.g. "EU", "europe-west1"). */
  location?: string;
  /** Region to launch Dataflow templates in; unset leaves dataflow loads to the scheduled job. */
  dataflowRegion?: string;
  /** Worker service account email for those launches; unset runs the workers as the Compute default SA. */
  dataflowServiceAccount?: string;
  /** Root of the local target (default .dc-pipeline in the working directory). */
  localRoot?: string;
  env: NodeJS.ProcessEnv;
  /** The load paths the ingests will use: decides which clients are opened. */
  loads: LoadPath[];
  dryRun: boolean;
  /** How the inputs are named in messages (`input \`bucket\`` / `--bucket` / `BUCKET`). */
  names: { bucket: string; projectId: string };
}

export interface OpenTarget {
  kind: TargetKind;
  store?: ObjectStore;
  bucket?: string;
  warehouse?: Warehouse;
  dataflow?: DataflowLauncher;
  projectId?: string;
  /** Reads gs://bucket/object sources (GCS target only). */
  readGcs?: (uri: string) => import('node:stream').Readable;
  close(): Promise<void>;
}

export const LOCAL_BUCKET = 'local';

export async function openTarget(options: TargetOptions): Promise<OpenTarget> {
  if (options.dryRun) return { kind: options.target, close: async () => undefined };
  const needsWarehouse = options.loads.some((l) => l === 'bigquery');

  if (options.target === 'local') {
    const root = resolve(options.localRoot ?? '.dc-pipeline');
    const { createLocalStore } = await import('../storage/local.js');
    const store = createLocalStore(join(root, 'gcs'));
    let warehouse: Warehouse | undefined;
    if (needsWarehouse) {
      // Fail before fetching anything when DuckDB is not installed (the action and service bundles leave the
      // 69 MB native package out; the npm-installed CLI has it).
      await import(/* webpackIgnore: true */ '@duckdb/node-api').catch(() => {
        throw new UserError(
          'target local loads into DuckDB, which needs the @duckdb/node-api package: use the npm-installed CLI ' +
            '(npx dc-pipeline ingest … --target local) or npm install @duckdb/node-api.',
        );
      });
      const { createDuckDbWarehouse } = await import('../warehouse/duckdb.js');
      warehouse = await createDuckDbWarehouse({ path: join(root, 'warehouse.duckdb') });
    }
    return {
      kind: 'local',
      store,
      bucket: LOCAL_BUCKET,
      ...(warehouse ? { warehouse } : {}),
      close: async () => warehouse?.close(),
    };
  }

  if (!options.bucket) throw new UserError(`${options.names.bucket} is required for target gcp (the staging bucket) and was empty.`);
  const { createGcsStore } = await import('../storage/gcs.js');
  const store = createGcsStore({ ...(options.projectId ? { projectId: options.projectId } : {}), env: options.env });
  let warehouse: Warehouse | undefined;
  if (needsWarehouse) {
    if (!options.projectId) throw new UserError(`${options.names.projectId} is required to load into BigQuery and was empty.`);
    const { createBigQueryWarehouse } = await import('../warehouse/bigquery.js');
    warehouse = createBigQueryWarehouse({
      projectId: options.projectId,
      ...(options.location ? { location: options.location } : {}),
      env: options.env,
    });
  }
  let dataflow: DataflowLauncher | undefined;
  if (options.loads.includes('dataflow') && options.dataflowRegion) {
    if (!options.projectId) throw new UserError(`${options.names.projectId} is required to launch Dataflow and was empty.`);
    const { createDataflowLauncher } = await import('./dataflow.js');
    dataflow = createDataflowLauncher({
      projectId: options.projectId,
      region: options.dataflowRegion,
      ...(options.dataflowServiceAccount ? { serviceAccountEmail: options.dataflowServiceAccount } : {}),
      env: options.env,
    });
  }
  return {
    kind: 'gcp',
    store,
    bucket: options.bucket,
    ...(warehouse ? { warehouse } : {}),
    ...(dataflow ? { dataflow } : {}),
    ...(options.projectId ? { projectId: options.projectId } : {}),
    readGcs: (uri) => {
      const { bucket, prefix } = parseGsUri(uri, 'source');
      return store.readStream(bucket, prefix);
    },
    close: async () => warehouse?.close(),
  };
}
