/**
 * The two queries tests need to read a table back through the real client's `query()`: `SELECT * FROM t`
 * (optionally `ORDER BY col`) and `SELECT COUNT(*) [AS name] FROM t`. Anything else is rejected as invalid,
 * so a test can never silently get an answer this server did not compute.
 */

export type ParsedQuery =
  | { kind: 'select'; table: TableRef; orderBy?: string }
  | { kind: 'count'; table: TableRef; alias: string };

export interface TableRef {
  projectId?: string;
  datasetId: string;
  tableId: string;
}

export function parseQuery(sql: string): ParsedQuery | undefined {
  const text = sql.trim().replace(/;$/, '').replace(/\s+/g, ' ');
  const from = String.raw`FROM \x60?(?:([\w-]+)\.)?(\w+)\.(\w+)\x60?`;
  let m = new RegExp(String.raw`^SELECT \* ${from}(?: ORDER BY (\w+))?$`, 'i').exec(text);
  if (m) return { kind: 'select', table: ref(m), ...(m[4] ? { orderBy: m[4] } : {}) };
  m = new RegExp(String.raw`^SELECT COUNT\(\*\)(?: AS (\w+))? ${from}$`, 'i').exec(text);
  if (m) {
    const [, alias, projectId, datasetId, tableId] = m;
    return { kind: 'count', alias: alias ?? 'f0_', table: ref([m[0], projectId, datasetId, tableId] as unknown as RegExpExecArray) };
  }
  return undefined;
}

function ref(m: RegExpExecArray): TableRef {
  return { ...(m[1] ? { projectId: m[1] } : {}), datasetId: m[2] as string, tableId: m[3] as string };
}
