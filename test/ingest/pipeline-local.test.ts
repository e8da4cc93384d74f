/**
 * The embedded default end to end: a real open dataset (vega-datasets' seattle-weather.csv, gzip-compressed on
 * the wire) through runIngest into a folder bucket and DuckDB, checked cell by cell against the source file.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalStore } from '../../src/storage/local.js';
import { createDuckDbWarehouse } from '../../src/warehouse/duckdb.js';
import { runIngest } from '../../src/ingest/pipeline.js';
import { collectLogs, serveText, startSource, tempDir, weatherDataset } from './pipeline-support.js';

const SEATTLE = readFileSync(join('node_modules', 'vega-datasets', 'data', 'seattle-weather.csv'), 'utf8');

describe('runIngest on the local target', () => {
  it('loads every cell of a gzip-served real file into DuckDB, once', async () => {
    const root = tempDir('pipeline-local');
    const store = createLocalStore(join(root, 'gcs'));
    const warehouse = createDuckDbWarehouse({ path: join(root, 'warehouse.duckdb') });
    const source = await startSource(serveText(gzipSync(SEATTLE)));
    const options = {
      dataset: weatherDataset({ writeMode: 'replace' as const, target: { dataset: 'demo', table: 'seattle_weather' } }),
      store,
      bucket: 'local',
      warehouse,
      fetch: { allowHttp: true, allowPrivateAddresses: true, maxBytes: 10_000_000, timeoutMs: 10_000, retries: 1 },
      sourceOverride: `${source.url}/seattle-weather.csv.gz`,
      dryRun: false,
      log: collectLogs().log,
      tmpDir: root,
    };
    try {
      const report = await runIngest(options);
      const again = await runIngest(options);

      const lines = SEATTLE.trim().split(/\r?\n/).slice(1);
      expect(report).toMatchObject({ rows: lines.length, badRows: 0, stagedNow: true, load: { outcome: 'loaded', table: 'demo.seattle_weather' } });
      expect(again).toMatchObject({ stagedNow: false, objectUri: report.objectUri, load: { outcome: 'adopted' } });
      const staged = fileURLToPath(report.objectUri!);
      expect(existsSync(staged)).toBe(true);
      expect(readFileSync(staged, 'utf8').split('\n')[0]).toBe('date,precipitation,temp_max,temp_min,wind,weather');

      const rows = await warehouse.query(
        "SELECT strftime(date, '%Y-%m-%d') AS date, precipitation, temp_max, temp_min, wind, weather FROM demo.seattle_weather ORDER BY date",
      );
      expect(rows).toHaveLength(lines.length);
      rows.forEach((row, i) => {
        const [date, precipitation, tempMax, tempMin, wind, weather] = lines[i]!.split(',');
        expect([row.date, row.precipitation, row.temp_max, row.temp_min, row.wind, row.weather]).toEqual([
          date,
          Number(precipitation),
          Number(tempMax),
          Number(tempMin),
          Number(wind),
          weather,
        ]);
      });
    } finally {
      await source.close();
      await warehouse.close();
    }
  });
});
