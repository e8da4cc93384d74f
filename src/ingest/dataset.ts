/**
 * What the catalog (datasets.yaml) declares about one dataset, after validation. Shared by every ingest stage,
 * the BigQuery and DuckDB loaders and the Terraform-facing docs; the YAML spelling (kebab-case) is mapped to
 * these camelCase fields by catalog.ts.
 */

export type ColumnType =
  | 'STRING'
  | 'INTEGER'
  | 'FLOAT'
  | 'NUMERIC'
  | 'BOOLEAN'
  | 'DATE'
  | 'DATETIME'
  | 'TIMESTAMP';

export type ColumnMode = 'NULLABLE' | 'REQUIRED';

export interface Column {
  /** BigQuery column name: [A-Za-z_][A-Za-z0-9_]{0,299}. */
  name: string;
  type: ColumnType;
  mode: ColumnMode;
  description?: string;
  /** Header text in the source file when it differs from `name` (e.g. "Miles_per_Gallon" → miles_per_gallon). */
  sourceName?: string;
}

export interface CsvDialect {
  /** One character (or "\t"). */
  delimiter: string;
  /** One character; quotes inside quoted fields are doubled (RFC 4180). */
  quote: string;
  /** Whether the first record is a header (checked against the schema) rather than data. */
  header: boolean;
  /** Source encoding; the staged object is always UTF-8. */
  encoding: 'utf-8' | 'latin1' | 'utf-16le';
}

export type WriteMode = 'append' | 'replace';
export type LoadPath = 'bigquery' | 'dataflow' | 'none';
export type Trigger = 'dispatch' | 'after-deploy';

export interface DatasetSpec {
  /** [a-z][a-z0-9_]*: also the folder under raw/ and part of every job id. */
  name: string;
  description?: string;
  source: {
    /** https://…, http://… (only when allowed), gs://bucket/object or a local path. */
    url: string;
    format: 'csv';
    /** gzip is detected from the magic bytes when 'auto'. */
    compression: 'auto' | 'none' | 'gzip';
  };
  csv: CsvDialect;
  schema: Column[];
  target: {
    /** BigQuery dataset id (DuckDB schema locally). */
    dataset: string;
    table: string;
  };
  partitioning?: {
    type: 'DAY' | 'HOUR' | 'MONTH' | 'YEAR';
    /** Omitted: ingestion-time partitioning. */
    field?: string;
  };
  clustering?: string[];
  writeMode: WriteMode;
  load: LoadPath;
  /** More bad rows than this fails the ingest (nothing is staged or loaded). */
  maxBadRows: number;
  runsOn: Trigger[];
}

export interface Catalog {
  /** Path of the catalog file, for error messages. */
  file: string;
  datasets: DatasetSpec[];
}
