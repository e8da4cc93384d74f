import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDuckDbWarehouse, localPath, type DuckDbWarehouse } from '../../src/warehouse/duckdb.js';
import { request, warehouseContract } from './contract.js';
import { stringRows } from './duckdb-rows.js';

warehouseContract('DuckDB', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dcp-duckdb-'));
  const path = join(dir, 'warehouse.duckdb');
  const reader = createDuckDbWarehouse({ path });
  return {
    warehouse: () => createDuckDbWarehouse({ path }),
    stage: async (name, csv) => {
      writeFileSync(join(dir, name), csv);
      return pathToFileURL(join(dir, name)).href;
    },
    rows: async (dataset, table) => stringRows(reader, dataset, table),
    close: async () => {
      await reader.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('DuckDB warehouse', () => {
  let dir: string;
  let opened: DuckDbWarehouse[];
  const open = () => {
    const w = createDuckDbWarehouse({ path: join(dir, '.dc-pipeline', 'warehouse.duckdb'), now: () => new Date('2026-01-02T03:04:05Z') });
    opened.push(w);
    return w;
  };
  const stage = (name: string, csv: string) => {
    writeFileSync(join(dir, name), csv);
    return join(dir, name);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dcp-duckdb-'));
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((w) => w.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps every catalog type to its DuckDB type and NOT NULL for REQUIRED', async () => {
    const w = open();
    const source = stage('typed.csv', 's,i,f,n,b,d,dt,ts\nx,-42,1.5,12.345,true,2024-02-29,2024-02-29T10:11:12,2024-02-29T10:11:12+02:00\n,,,,,,,\n');
    await w.load(
      request({
        sourceUri: source,
        target: { dataset: 'typed', table: 't' },
        schema: [
          { name: 's', type: 'STRING', mode: 'NULLABLE' },
          { name: 'i', type: 'INTEGER', mode: 'NULLABLE' },
          { name: 'f', type: 'FLOAT', mode: 'NULLABLE' },
          { name: 'n', type: 'NUMERIC', mode: 'NULLABLE' },
          { name: 'b', type: 'BOOLEAN', mode: 'NULLABLE' },
          { name: 'd', type: 'DATE', mode: 'NULLABLE' },
          { name: 'dt', type: 'DATETIME', mode: 'NULLABLE' },
          { name: 'ts', type: 'TIMESTAMP', mode: 'NULLABLE' },
        ],
      }),
    );
    expect(await w.query(`SELECT column_name AS c, data_type AS t, is_nullable AS n FROM information_schema.columns WHERE table_schema = 'typed' ORDER BY ordinal_position`)).toEqual([
      { c: 's', t: 'VARCHAR', n: 'YES' },
      { c: 'i', t: 'BIGINT', n: 'YES' },
      { c: 'f', t: 'DOUBLE', n: 'YES' },
      { c: 'n', t: 'DECIMAL(38,9)', n: 'YES' },
      { c: 'b', t: 'BOOLEAN', n: 'YES' },
      { c: 'd', t: 'DATE', n: 'YES' },
      { c: 'dt', t: 'TIMESTAMP', n: 'YES' },
      { c: 'ts', t: 'TIMESTAMP WITH TIME ZONE', n: 'YES' },
    ]);
    expect(await stringRows(w, 'typed', 't')).toEqual([
      { s: 'x', i: '-42', f: '1.5', n: '12.345000000', b: 'true', d: '2024-02-29', dt: '2024-02-29 10:11:12', ts: '2024-02-29 08:11:12+00' },
      { s: null, i: null, f: null, n: null, b: null, d: null, dt: null, ts: null },
    ]);
  });

  it('loads NUMERIC values of every width exactly, rounded to 9 decimals, and rejects text that is not a number', async () => {
    const w = open();
    const numeric = request({ sourceUri: '', target: { dataset: 'num', table: 'n' }, schema: [{ name: 'n', type: 'NUMERIC', mode: 'NULLABLE' }] });
    await w.load({ ...numeric, sourceUri: stage('n.csv', 'n\n0012.50\n12345678901234567890123456789.123456789\n-999999999.9999999995\n1.0123456789\n\n') });
    expect((await stringRows(w, 'num', 'n')).map((r) => r.n)).toEqual([
      '12.500000000',
      '12345678901234567890123456789.123456789',
      '-1000000000.000000000',
      '1.012345679',
      null,
    ]);
    await expect(w.load({ ...numeric, jobIdPrefix: 'ingest_num_bad', sourceUri: stage('bad.csv', 'n\n1\nabc\n') })).rejects.toThrow(/DuckDB load ingest_num_bad_1 into num\.n failed: .*abc/);
  });

  it('rejects a NULL in a REQUIRED column and leaves neither rows nor a ledger entry', async () => {
    const w = open();
    await expect(w.load(request({ sourceUri: stage('a.csv', 'id,name\n1,a\n,b\n') }))).rejects.toThrow(/DuckDB load ingest_cities_0123456789abcdef_1 into raw\.cities failed: .*NOT NULL/);
    expect(await w.query('SELECT count(*)::INTEGER AS n FROM _dc_pipeline.loads')).toEqual([{ n: 0 }]);
    const retried = await w.load(request({ sourceUri: stage('b.csv', 'id,name\n1,a\n2,b\n') }));
    expect(retried).toMatchObject({ attempt: 1, adopted: false, rowsLoaded: 2 });
  });

  it('records each load in the ledger with its rows, table, source and labels', async () => {
    const w = open();
    const uri = pathToFileURL(stage('a.csv', 'id,name\n1,a\n')).href;
    await w.load(request({ sourceUri: uri, labels: { sha256_prefix: '0123' } }));
    expect(await w.query('SELECT job_id, dataset, "table", rows::INTEGER AS rows, loaded_at::VARCHAR AS loaded_at, source_uri, write_mode, labels FROM _dc_pipeline.loads')).toEqual([
      {
        job_id: 'ingest_cities_0123456789abcdef_1',
        dataset: 'cities',
        table: 'raw.cities',
        rows: 1,
        loaded_at: '2026-01-02 03:04:05+00',
        source_uri: uri,
        write_mode: 'append',
        labels: '{"sha256_prefix":"0123"}',
      },
    ]);
  });

  it('keeps loads across reopening the file, so a rerun in a new process is adopted', async () => {
    const source = stage('a.csv', 'id,name\n1,a\n');
    const first = open();
    await first.load(request({ sourceUri: source }));
    await first.close();
    const second = open();
    expect(await second.load(request({ sourceUri: source }))).toMatchObject({ adopted: true, rowsLoaded: 1 });
    expect(await stringRows(second, 'raw', 'cities')).toHaveLength(1);
  });

  it('names the file when another process holds the warehouse open', async () => {
    const path = join(dir, 'locked.duckdb');
    const holder = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import { DuckDBInstance } from '@duckdb/node-api'; await DuckDBInstance.create(${JSON.stringify(path)}); console.log('ready'); setInterval(() => {}, 1000);`],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const [line] = (await once(holder.stdout, 'data')) as [Buffer];
      expect(line.toString()).toContain('ready');
      const w = createDuckDbWarehouse({ path });
      opened.push(w);
      await expect(w.load(request({ sourceUri: stage('a.csv', 'id,name\n1,a\n') }))).rejects.toThrow(`Failed to open the DuckDB warehouse ${path}`);
    } finally {
      holder.kill();
    }
  });

  it('retries a load that does not fit its memory limit once with room, loading it exactly once', async () => {
    const w = createDuckDbWarehouse({ path: join(dir, 'tight.duckdb'), memoryLimit: '256KB' });
    opened.push(w);
    const lines = Array.from({ length: 3000 }, (_, i) => `${i},city-${i}`);
    const source = stage('many.csv', `id,name\n${lines.join('\n')}\n`);
    const loaded = await w.load(request({ sourceUri: source }));
    expect(loaded).toMatchObject({ attempt: 1, adopted: false, rowsLoaded: 3000 });
    expect(await w.query('SELECT count(*)::INTEGER AS n FROM raw.cities')).toEqual([{ n: 3000 }]);
    expect(await w.query('SELECT count(*)::INTEGER AS n FROM _dc_pipeline.loads')).toEqual([{ n: 1 }]);
  });

  it('refuses a gs:// source with a sentence saying what it loads', () => {
    expect(() => localPath('gs://bucket/a.csv')).toThrow('The DuckDB warehouse loads local staged files (file:// or a path); got gs://bucket/a.csv');
  });
});
