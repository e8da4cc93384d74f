/**
 * What the loopback BigQuery server holds — datasets and tables with their rows — and the JSON resources it
 * answers with. Errors are HttpErrors, which the server turns into Google's error shape.
 */
import type { SchemaField, StoredRow } from './load.js';
import { normalizeType } from './values.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

export interface Table {
  schema: { fields: SchemaField[] };
  timePartitioning?: unknown;
  clustering?: { fields: string[] };
  labels?: Record<string, string>;
  rows: StoredRow[];
  creationTime: string;
  lastModifiedTime: string;
}

export class ServerState {
  readonly datasets = new Map<string, { location: string; labels?: Record<string, string> }>();
  readonly tables = new Map<string, Table>();
  private lastTick = 0;

  constructor(readonly projectId: string) {}

  /**
   * Strictly increasing milliseconds: a table written by a later job always has a lastModifiedTime greater
   * than an earlier job's endTime, even within one millisecond (as BigQuery's real clock guarantees).
   */
  clock(): number {
    this.lastTick = Math.max(Date.now(), this.lastTick + 1);
    return this.lastTick;
  }

  table(datasetId: string, tableId: string): Table | undefined {
    return this.tables.get(`${datasetId}.${tableId}`);
  }

  setTable(datasetId: string, tableId: string, table: Table): void {
    this.tables.set(`${datasetId}.${tableId}`, table);
  }

  newTable(fields: Partial<Table> = {}): Table {
    const now = String(this.clock());
    return { schema: { fields: [] }, rows: [], creationTime: now, lastModifiedTime: now, ...fields };
  }

  requireDataset(p: string, d: string): void {
    if (!this.datasets.has(d)) throw new HttpError(404, `Not found: Dataset ${p}:${d}`, 'notFound');
  }

  requireTable(p: string, d: string, t: string): Table {
    this.requireDataset(p, d);
    const table = this.table(d, t);
    if (!table) throw new HttpError(404, `Not found: Table ${p}:${d}.${t}`, 'notFound');
    return table;
  }

  datasetResource(p: string, d: string) {
    const ds = this.datasets.get(d);
    return { kind: 'bigquery#dataset', id: `${p}:${d}`, datasetReference: { projectId: p, datasetId: d }, location: ds?.location, labels: ds?.labels };
  }

  tableResource(p: string, d: string, t: string, table: Table) {
    return {
      kind: 'bigquery#table',
      id: `${p}:${d}.${t}`,
      tableReference: { projectId: p, datasetId: d, tableId: t },
      type: 'TABLE',
      schema: table.schema,
      ...(table.timePartitioning ? { timePartitioning: table.timePartitioning } : {}),
      ...(table.clustering ? { clustering: table.clustering } : {}),
      ...(table.labels ? { labels: table.labels } : {}),
      numRows: String(table.rows.length),
      creationTime: table.creationTime,
      lastModifiedTime: table.lastModifiedTime,
      location: this.datasets.get(d)?.location,
    };
  }

  /** tabledata.list: one page of rows; TIMESTAMP as int64 micros when asked, else as float seconds. */
  tableData(table: Table, query: Record<string, string>) {
    const start = Number(query.pageToken ?? query.startIndex ?? '0');
    const max = Number(query.maxResults ?? '1000');
    const micros = query['formatOptions.useInt64Timestamp'] === 'true';
    const wire = (v: string | null, type: string | undefined) =>
      v === null || micros || normalizeType(type ?? 'STRING') !== 'TIMESTAMP' ? v : String(Number(BigInt(v)) / 1e6);
    return {
      kind: 'bigquery#tableDataList',
      totalRows: String(table.rows.length),
      rows: table.rows.slice(start, start + max).map((r) => ({ f: r.map((v, i) => ({ v: wire(v, table.schema.fields[i]?.type) })) })),
      ...(start + max < table.rows.length ? { pageToken: String(start + max) } : {}),
    };
  }
}

export function sameFields(a: SchemaField[], b: SchemaField[]): boolean {
  return a.length === b.length && a.every((f, i) => f.name.toLowerCase() === b[i]?.name.toLowerCase() && normalizeType(f.type) === normalizeType(b[i]?.type ?? ''));
}
