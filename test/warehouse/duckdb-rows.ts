import type { DuckDbWarehouse } from '../../src/warehouse/duckdb.js';

/** Every column cast to VARCHAR, in insertion (rowid) order; NULL stays null. */
export async function stringRows(w: DuckDbWarehouse, dataset: string, table: string): Promise<Record<string, string | null>[]> {
  const columns = await w.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = '${dataset}' AND table_name = '${table}' ORDER BY ordinal_position`,
  );
  const select = columns.map((c) => `CAST("${String(c.column_name)}" AS VARCHAR) AS "${String(c.column_name)}"`).join(', ');
  return (await w.query(`SELECT ${select} FROM "${dataset}"."${table}" ORDER BY rowid`)) as Record<string, string | null>[];
}
