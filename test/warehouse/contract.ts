/**
 * The behaviour both warehouses promise (src/warehouse/warehouse.ts), as one suite each implementation runs:
 * BigQuery through the real client against the loopback server, DuckDB on a temp file.
 */
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { Column } from '../../src/ingest/dataset.js';
import type { LoadRequest, Warehouse } from '../../src/warehouse/warehouse.js';

export interface ContractHarness {
  /** A fresh warehouse (several may be open at once, like several service instances). */
  warehouse(): Warehouse;
  /** Put a staged CSV where the warehouse can read it; returns its URI. */
  stage(name: string, csv: string): Promise<string>;
  /** Every row of the table, values as strings (NULL as null), in load order. */
  rows(dataset: string, table: string): Promise<Record<string, string | null>[]>;
  close(): Promise<void>;
}

const SCHEMA: Column[] = [
  { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
  { name: 'name', type: 'STRING', mode: 'NULLABLE' },
];

export function request(overrides: Partial<LoadRequest> & { sourceUri: string }): LoadRequest {
  return {
    dataset: 'cities',
    target: { dataset: 'raw', table: 'cities' },
    schema: SCHEMA,
    writeMode: 'append',
    jobIdPrefix: 'ingest_cities_0123456789abcdef',
    ...overrides,
  };
}

export function warehouseContract(name: string, open: () => Promise<ContractHarness>) {
  describe(`${name} warehouse contract`, () => {
    let h: ContractHarness;
    const opened: Warehouse[] = [];
    const warehouse = () => {
      const w = h.warehouse();
      opened.push(w);
      return w;
    };
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((w) => w.close()));
      await h.close();
    });

    it('creates the table and loads every row of the staged file, quotes and newlines included', async () => {
      const uri = await h.stage('a.csv', 'id,name\r\n1,"Zürich, CH"\r\n2,"say ""hi""\nthere"\r\n3,\r\n');
      const result = await warehouse().load(request({ sourceUri: uri }));
      expect(result).toMatchObject({ jobId: 'ingest_cities_0123456789abcdef_1', attempt: 1, adopted: false, rowsLoaded: 3 });
      expect(result.table).toMatch(/raw\.cities$/);
      expect(await h.rows('raw', 'cities')).toEqual([
        { id: '1', name: 'Zürich, CH' },
        { id: '2', name: 'say "hi"\nthere' },
        { id: '3', name: null },
      ]);
    });

    it('appends a second file in append mode and keeps only the new file in replace mode', async () => {
      const w = warehouse();
      await w.load(request({ sourceUri: await h.stage('a.csv', 'id,name\n1,a\n2,b\n'), jobIdPrefix: 'ingest_cities_aaaa' }));
      await w.load(request({ sourceUri: await h.stage('b.csv', 'id,name\n3,c\n'), jobIdPrefix: 'ingest_cities_bbbb' }));
      expect((await h.rows('raw', 'cities')).map((r) => r.id)).toEqual(['1', '2', '3']);
      const replaced = await w.load(request({ sourceUri: await h.stage('c.csv', 'id,name\n9,z\n'), jobIdPrefix: 'ingest_cities_cccc', writeMode: 'replace' }));
      expect(replaced.rowsLoaded).toBe(1);
      expect(await h.rows('raw', 'cities')).toEqual([{ id: '9', name: 'z' }]);
    });

    it('adopts the earlier load when the same content is loaded again, without duplicating rows', async () => {
      const uri = await h.stage('a.csv', 'id,name\n1,a\n2,b\n');
      const first = await warehouse().load(request({ sourceUri: uri }));
      const again = await warehouse().load(request({ sourceUri: uri }));
      expect(again).toEqual({ ...first, adopted: true });
      expect(await h.rows('raw', 'cities')).toHaveLength(2);
    });

    it('adopts an earlier append of the same content even after other loads, so rows are never duplicated', async () => {
      const w = warehouse();
      const a = request({ sourceUri: await h.stage('a.csv', 'id,name\n1,a\n'), jobIdPrefix: 'ingest_cities_aaaa' });
      await w.load(a);
      await w.load(request({ sourceUri: await h.stage('b.csv', 'id,name\n2,b\n'), jobIdPrefix: 'ingest_cities_bbbb' }));
      expect(await w.load(a)).toMatchObject({ jobId: 'ingest_cities_aaaa_1', adopted: true });
      expect((await h.rows('raw', 'cities')).map((r) => r.id)).toEqual(['1', '2']);
    });

    it('loads content again when the catalog points it at another table, and adopts each load on its own table', async () => {
      const uri = await h.stage('a.csv', 'id,name\n1,a\n2,b\n');
      const first = await warehouse().load(request({ sourceUri: uri }));
      const elsewhere = { dataset: 'raw', table: 'cities_v2' };
      const moved = await warehouse().load(request({ sourceUri: uri, target: elsewhere }));
      expect(moved).toMatchObject({ jobId: 'ingest_cities_0123456789abcdef_2', attempt: 2, adopted: false, rowsLoaded: 2 });
      expect(moved.table).toMatch(/raw\.cities_v2$/);
      expect(await h.rows('raw', 'cities_v2')).toHaveLength(2);
      // Reruns against either target adopt the load into that target: no duplicates anywhere.
      expect(await warehouse().load(request({ sourceUri: uri }))).toEqual({ ...first, adopted: true });
      expect(await warehouse().load(request({ sourceUri: uri, target: elsewhere }))).toEqual({ ...moved, adopted: true });
      expect(await h.rows('raw', 'cities')).toHaveLength(2);
      expect(await h.rows('raw', 'cities_v2')).toHaveLength(2);
    });

    it('loads replaced content again when the table was replaced by other content since (A → B → A leaves A)', async () => {
      const w = warehouse();
      const a = request({ sourceUri: await h.stage('a.csv', 'id,name\n1,a\n'), jobIdPrefix: 'ingest_cities_aaaa', writeMode: 'replace' });
      const b = request({ sourceUri: await h.stage('b.csv', 'id,name\n2,b\n'), jobIdPrefix: 'ingest_cities_bbbb', writeMode: 'replace' });
      await w.load(a);
      await w.load(b);
      expect(await w.load(a)).toMatchObject({ jobId: 'ingest_cities_aaaa_2', attempt: 2, adopted: false, rowsLoaded: 1 });
      expect(await h.rows('raw', 'cities')).toEqual([{ id: '1', name: 'a' }]);
      expect(await warehouse().load(a)).toMatchObject({ jobId: 'ingest_cities_aaaa_2', adopted: true });
      expect(await h.rows('raw', 'cities')).toEqual([{ id: '1', name: 'a' }]);
    });

    it('loads once when 50 identical loads run concurrently', async () => {
      const uri = await h.stage('a.csv', 'id,name\n1,a\n2,b\n3,c\n');
      const results = await Promise.all(Array.from({ length: 50 }, () => warehouse().load(request({ sourceUri: uri }))));
      expect(new Set(results.map((r) => r.jobId))).toEqual(new Set(['ingest_cities_0123456789abcdef_1']));
      expect(results.filter((r) => !r.adopted)).toHaveLength(1);
      expect(results.every((r) => r.rowsLoaded === 3)).toBe(true);
      expect(await h.rows('raw', 'cities')).toHaveLength(3);
    });

    it('takes the new schema on replace, so a changed catalog loads, while an append with it fails', async () => {
      const w = warehouse();
      await w.load(request({ sourceUri: await h.stage('a.csv', 'id,name\n1,a\n'), jobIdPrefix: 'ingest_cities_aaaa' }));
      const wider: Column[] = [...SCHEMA, { name: 'pop', type: 'INTEGER', mode: 'NULLABLE' }];
      const b = await h.stage('b.csv', 'id,name,pop\n2,b,30\n');
      await expect(w.load(request({ sourceUri: b, jobIdPrefix: 'ingest_cities_bbbb', schema: wider }))).rejects.toThrow(/ingest_cities_bbbb_1/);
      await w.load(request({ sourceUri: b, jobIdPrefix: 'ingest_cities_bbbb', schema: wider, writeMode: 'replace' }));
      expect(await h.rows('raw', 'cities')).toEqual([{ id: '2', name: 'b', pop: '30' }]);
    });

    it('loads a file with only a header as zero rows, creating the table, and adopts it on rerun', async () => {
      const uri = await h.stage('empty.csv', 'id,name\n');
      expect(await warehouse().load(request({ sourceUri: uri }))).toMatchObject({ rowsLoaded: 0, adopted: false });
      expect(await h.rows('raw', 'cities')).toEqual([]);
      expect(await warehouse().load(request({ sourceUri: uri }))).toMatchObject({ rowsLoaded: 0, adopted: true });
    });

    it('fails a load whose values do not match the schema, names the job and loads nothing', async () => {
      const uri = await h.stage('bad.csv', 'id,name\n1,a\nnot-a-number,b\n');
      await expect(warehouse().load(request({ sourceUri: uri }))).rejects.toThrow(/ingest_cities_0123456789abcdef_1/);
      const good = await h.stage('good.csv', 'id,name\n1,a\n');
      await warehouse().load(request({ sourceUri: good, jobIdPrefix: 'ingest_cities_ffff' }));
      expect(await h.rows('raw', 'cities')).toEqual([{ id: '1', name: 'a' }]);
    });
  });
}
