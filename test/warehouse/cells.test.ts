/**
 * Cell-by-cell: real CSV files (csv-spectrum's edge cases, byte for byte, and real-world vega-datasets files
 * with CRLF, odd headers and leading zeros) loaded into DuckDB with an all-STRING schema must hold exactly
 * what csv-parse reads from the same bytes — every cell, NULL (empty unquoted) and "" (empty quoted) apart.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reference, SPECTRUM, SPECTRUM_FILES, VEGA, VEGA_FILES } from './csv-corpus.js';
import type { Column } from '../../src/ingest/dataset.js';
import { createDuckDbWarehouse, type DuckDbWarehouse } from '../../src/warehouse/duckdb.js';
import { writeCanonicalCsv } from './canonical-csv.js';

function stringSchema(width: number): Column[] {
  return Array.from({ length: width }, (_, i) => ({ name: `c${i}`, type: 'STRING', mode: 'NULLABLE' }));
}

describe('DuckDB holds every cell csv-parse reads', () => {
  let dir: string;
  let warehouse: DuckDbWarehouse;
  let tables = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dcp-cells-'));
    warehouse = createDuckDbWarehouse({ path: join(dir, 'warehouse.duckdb') });
  });
  afterAll(async () => {
    await warehouse.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function loadAndCompare(path: string, expected: { header: string[]; rows: (string | null)[][] }) {
    const table = `t${++tables}`;
    const schema = stringSchema(expected.header.length);
    const result = await warehouse.load({
      dataset: 'cells',
      target: { dataset: 'cells', table },
      schema,
      sourceUri: path,
      writeMode: 'replace',
      jobIdPrefix: `ingest_cells_${table}`,
    });
    expect(result.rowsLoaded).toBe(expected.rows.length);
    const names = schema.map((c) => c.name);
    const stored = await warehouse.query(`SELECT ${names.join(', ')} FROM cells.${table} ORDER BY rowid`);
    const mismatches: string[] = [];
    expected.rows.forEach((row, r) => {
      names.forEach((name, c) => {
        const want = row[c] ?? null;
        const got = stored[r]?.[name] ?? null;
        if (got !== want) mismatches.push(`row ${r + 1} column ${c} (${expected.header[c]}): want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      });
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(stored).toHaveLength(expected.rows.length);
  }

  describe.each(SPECTRUM_FILES)('csv-spectrum %s', (name) => {
    const file = join(SPECTRUM, 'csvs', `${name}.csv`);

    it('csv-parse agrees with csv-spectrum’s expected JSON (the reference is right)', () => {
      const { header, rows } = reference(readFileSync(file));
      const json = [JSON.parse(readFileSync(join(SPECTRUM, 'json', `${name}.json`), 'utf8')) as Record<string, string>[]].flat();
      const read = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
      // csv-spectrum's JSON for this file carries a different phone number than its CSV (2095257564).
      if (name === 'location_coordinates') for (const o of [...json, ...read]) delete o['Contact Phone Number'];
      expect(read).toEqual(json);
    });

    it('loads the original bytes cell for cell', async () => {
      await loadAndCompare(file, reference(readFileSync(file)));
    });

    it('loads the canonical staged form cell for cell', async () => {
      const expected = reference(readFileSync(file));
      const staged = join(dir, `spectrum-${name}.csv`);
      writeFileSync(staged, writeCanonicalCsv(expected.header, expected.rows));
      await loadAndCompare(staged, expected);
    });
  });

  describe.each(VEGA_FILES)('vega-datasets %s', (name) => {
    const file = join(VEGA, name);

    it('loads the original bytes cell for cell', async () => {
      await loadAndCompare(file, reference(readFileSync(file)));
    });

    it('loads the canonical staged form cell for cell', async () => {
      const expected = reference(readFileSync(file));
      const staged = join(dir, `vega-${name}`);
      writeFileSync(staged, writeCanonicalCsv(expected.header, expected.rows));
      await loadAndCompare(staged, expected);
    });
  });

  it('keeps leading zeros, CRLF-free values and header text that is not a column name', async () => {
    const zip = reference(readFileSync(join(VEGA, 'zipcodes.csv')));
    expect(zip.rows.some((r) => r[0]?.startsWith('0'))).toBe(true);
    const birds = reference(readFileSync(join(VEGA, 'birdstrikes.csv')));
    expect(birds.header).toContain('Airport Name');
    expect(birds.rows.flat().some((v) => v?.includes('\r'))).toBe(false);
  });
});
