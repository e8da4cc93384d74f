/**
 * One loader interface for the two warehouses: BigQuery load jobs (bigquery.ts) and DuckDB (duckdb.ts, the
 * embedded default). Both give the same guarantee: a load identified by `jobIdPrefix` happens at most once,
 * so a rerun of the same content (or the same Pub/Sub event delivered twice) never duplicates rows.
 */
import type { Column, DatasetSpec, WriteMode } from '../ingest/dataset.js';

export interface LoadRequest {
  /** Catalog dataset name (for logs and job labels). */
  dataset: string;
  target: { dataset: string; table: string };
  schema: Column[];
  partitioning?: DatasetSpec['partitioning'];
  clustering?: string[];
  /**
   * The staged, validated file: gs://… for BigQuery, file:///… (or a plain path) for DuckDB. It is always
   * UTF-8 CSV with a header row, comma-delimited, '"' quoted, already free of bad rows.
   */
  sourceUri: string;
  writeMode: WriteMode;
  /** ingest_<dataset>_<first 16 hex of sha256>; the loader appends _<attempt>. */
  jobIdPrefix: string;
  /** Labels for the job (BigQuery) / the load log (DuckDB). */
  labels?: Record<string, string>;
}

export interface LoadResult {
  jobId: string;
  /** 1-based attempt whose job finished successfully. */
  attempt: number;
  /** true when the job already existed (a rerun or a concurrent duplicate) and was adopted, not started. */
  adopted: boolean;
  rowsLoaded: number;
  /** project.dataset.table (BigQuery) or schema.table (DuckDB). */
  table: string;
}

export interface Warehouse {
  load(request: LoadRequest): Promise<LoadResult>;
  close(): Promise<void>;
}
