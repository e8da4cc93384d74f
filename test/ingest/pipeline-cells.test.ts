/**
 * Cell by cell through the whole local pipeline: every csv-spectrum file (byte for byte) and the vega-datasets
 * files of test/warehouse/cells.test.ts are served over loopback HTTP and go through runIngest — fetch, validate
 * (the clean copy is what gets staged), stage into a folder bucket, load into DuckDB — with an all-STRING schema.
 * The table must hold exactly what csv-parse reads from the source bytes: NULL for an empty unquoted field and
 * '' for a quoted "" (the clean copy once dropped those quotes, turning "" into NULL).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reference, SPECTRUM, SPECTRUM_FILES, VEGA, VEGA_FILES } from '../warehouse/csv-corpus.js';
import type { Column, DatasetSpec } from '../../src/ingest/dataset.js';
import { runIngest } from '../../src/ingest/pipeline.js';
import { createLocalStore } from '../../src/storage/local.js';
import { createDuckDbWarehouse, type DuckDbWarehouse } from '../../src/warehouse/duckdb.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { stringRows } from '../warehouse/duckdb-rows.js';
import { collectLogs, startSource, tempDir, type SourceServer } from './pipeline-support.js';

interface Expected {
  header: string[];
  rows: (string | null)[][];
}

/** csv-spectrum's own expectation: one object per row keyed by header, '' for every empty field. */
function spectrumJson(name: string): Record<string, string>[] {
  return [JSON.parse(readFileSync(join(SPECTRUM, 'json', `${name}.json`), 'utf8')) as Record<string, string>[]].flat();
}

/** STRING columns c0…cN matched to the file's header by sourceName (the header text is rarely a column name). */
function stringSchema(header: string[]): Column[] {
  return header.map((h, i) => ({ name: `c${i}`, sourceName: h.trim(), type: 'STRING', mode: 'NULLABLE' }));
}

function datasetFor(table: string, header: string[]): DatasetSpec {
  return {
    name: table,
    source: { url: 'https://example.invalid/unused.csv', format: 'csv', compression: 'auto' },
    csv: { delimiter: ',', quote: '"', header: true, encoding: 'utf-8' },
    schema: stringSchema(header),
    target: { dataset: 'cells', table },
    writeMode: 'replace',
    load: 'bigquery',
    maxBadRows: 0,
    runsOn: ['dispatch'],
  };
}

describe('runIngest on the local target keeps every cell of real CSV files', () => {
  let root: string;
  let store: ObjectStore;
  let warehouse: DuckDbWarehouse;
  let source: SourceServer;
  const files = new Map<string, string>();

  beforeAll(async () => {
    root = tempDir('pipeline-cells');
    store = createLocalStore(join(root, 'gcs'));
    warehouse = createDuckDbWarehouse({ path: join(root, 'warehouse.duckdb') });
    // Serves each registered file's bytes untouched under /<name>.
    source = await startSource((req, res) => {
      const path = files.get((req.url ?? '').slice(1));
      if (path === undefined) {
        res.writeHead(404).end();
        return;
      }
      const data = readFileSync(path);
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': data.length }).end(data);
    });
  });
  afterAll(async () => {
    await source?.close();
    await warehouse?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Ingests `path` into cells.<table> and returns the table's rows as cells in schema order. */
  async function ingest(table: string, path: string, expected: Expected): Promise<(string | null)[][]> {
    files.set(table, path);
    const dataset = datasetFor(table, expected.header);
    const report = await runIngest({
      dataset,
      store,
      bucket: 'local',
      warehouse,
      fetch: { allowHttp: true, allowPrivateAddresses: true, maxBytes: 10_000_000, timeoutMs: 10_000, retries: 0 },
      sourceOverride: `${source.url}/${table}`,
      dryRun: false,
      log: collectLogs().log,
      tmpDir: root,
    });
    expect(report).toMatchObject({ rows: expected.rows.length, badRows: 0, load: { outcome: 'loaded' } });
    const stored = await stringRows(warehouse, 'cells', table);
    return stored.map((row) => dataset.schema.map((column) => row[column.name] ?? null));
  }

  function mismatches(expected: Expected, stored: (string | null)[][]): string[] {
    const found: string[] = [];
    expected.rows.forEach((row, r) => {
      expected.header.forEach((name, c) => {
        const want = row[c] ?? null;
        const got = stored[r]?.[c] ?? null;
        if (got !== want) found.push(`row ${r + 1} column ${c} (${name}): want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      });
    });
    return found.slice(0, 10);
  }

  describe.each(SPECTRUM_FILES)('csv-spectrum %s', (name) => {
    it('loads every cell as the source has it: "" as an empty string, an empty unquoted field as NULL', async () => {
      const bytes = readFileSync(join(SPECTRUM, 'csvs', `${name}.csv`));
      const expected = reference(bytes);
      const stored = await ingest(`spectrum_${name}`, join(SPECTRUM, 'csvs', `${name}.csv`), expected);

      expect(mismatches(expected, stored)).toEqual([]);
      expect(stored).toHaveLength(expected.rows.length);
      // And against csv-spectrum's JSON, which spells NULL and "" alike as "".
      const json = spectrumJson(name);
      const loaded = stored.map((row) => Object.fromEntries(expected.header.map((h, i) => [h, row[i] ?? ''])));
      // csv-spectrum's JSON for this file carries a different phone number than its CSV (2095257564).
      if (name === 'location_coordinates') for (const o of [...json, ...loaded]) delete o['Contact Phone Number'];
      expect(loaded).toEqual(json);
    });
  });

  it('loads a quoted "" as an empty string and an empty unquoted field as NULL (csv-spectrum empty.csv)', async () => {
    const path = join(SPECTRUM, 'csvs', 'empty.csv');
    const stored = await ingest('spectrum_empty_again', path, reference(readFileSync(path)));
    expect(stored).toEqual([
      ['1', '', ''],
      ['2', '3', '4'],
    ]);
  });

  describe.each(VEGA_FILES)('vega-datasets %s', (name) => {
    it('loads every cell as csv-parse reads it from the source bytes', async () => {
      const path = join(VEGA, name);
      const expected = reference(readFileSync(path));
      const stored = await ingest(`vega_${name.replace(/\W/g, '_')}`, path, expected);
      expect(mismatches(expected, stored)).toEqual([]);
      expect(stored).toHaveLength(expected.rows.length);
    });
  });
});
