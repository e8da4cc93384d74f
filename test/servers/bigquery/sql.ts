/**
 * The two queries tests need to read a table back through the real client's `query()`: `SELECT * FROM t`
 * (optionally `ORDER BY col`) and `SELECT COUNT(*) [AS name] FROM t`. Anything else is rejected as invalid,
 * so a test can never silently get an answer this server did not compute.
 */
import type { SchemaField, StoredRow } from './load.js';
import { HttpError, type ServerState } from './state.js';
import { normalizeType } from './values.js';

type ParsedQuery = { kind: 'select'; table: TableRef; orderBy?: string } | { kind: 'count'; table: TableRef; alias: string };

interface TableRef {
  datasetId: string;
  tableId: string;
}

export function parseQuery(sql: string): ParsedQuery | undefined {
  const text = sql.trim().replace(/;$/, '').replace(/\s+/g, ' ');
  const from = String.raw`FROM \x60?(?:[\w-]+\.)?(\w+)\.(\w+)\x60?`;
  let m = new RegExp(String.raw`^SELECT \* ${from}(?: ORDER BY (\w+))?$`, 'i').exec(text);
  if (m) return { kind: 'select', table: { datasetId: m[1] as string, tableId: m[2] as string }, ...(m[3] ? { orderBy: m[3] } : {}) };
  m = new RegExp(String.raw`^SELECT COUNT\(\*\)(?: AS (\w+))? ${from}$`, 'i').exec(text);
  if (m) return { kind: 'count', alias: m[1] ?? 'f0_', table: { datasetId: m[2] as string, tableId: m[3] as string } };
  return undefined;
}

/** jobs.query, answered complete in one response (jobComplete: true). */
export function runQuery(state: ServerState, p: string, body: { query?: string; location?: string }, jobId: string) {
  const q = parseQuery(body.query ?? '');
  if (!q) throw new HttpError(400, `This test server does not understand the query: ${body.query}`, 'invalidQuery');
  const table = state.requireTable(p, q.table.datasetId, q.table.tableId);
  let schema: { fields: SchemaField[] };
  let rows: StoredRow[];
  if (q.kind === 'count') {
    schema = { fields: [{ name: q.alias, type: 'INTEGER', mode: 'NULLABLE' }] };
    rows = [[String(table.rows.length)]];
  } else {
    schema = table.schema;
    rows = [...table.rows];
    if (q.orderBy) {
      const i = schema.fields.findIndex((f) => f.name.toLowerCase() === q.orderBy?.toLowerCase());
      if (i < 0) throw new HttpError(400, `Unrecognized name: ${q.orderBy}`, 'invalidQuery');
      rows.sort((a, b) => compareCells(a[i] ?? null, b[i] ?? null, schema.fields[i]?.type ?? 'STRING'));
    }
  }
  return {
    kind: 'bigquery#queryResponse',
    schema,
    jobReference: { projectId: p, jobId, location: body.location ?? 'US' },
    totalRows: String(rows.length),
    rows: rows.map((r) => ({ f: r.map((v) => ({ v })) })),
    jobComplete: true,
    cacheHit: false,
  };
}

function compareCells(a: string | null, b: string | null, type: string) {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const t = normalizeType(type);
  if (t === 'INTEGER' || t === 'TIMESTAMP') return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
  if (t === 'FLOAT' || t === 'NUMERIC') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
