import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';
import { startBigQueryServer, type BigQueryServer } from '../servers/bigquery.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import { createLocalStore } from '../../src/storage/local.js';
import { createBigQueryWarehouse } from '../../src/warehouse/bigquery.js';
import { createDuckDbWarehouse } from '../../src/warehouse/duckdb.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { stageContent, type StagedContent } from '../../src/ingest/stage.js';
import { jobIdPrefix, loadIntoWarehouse } from '../../src/ingest/load.js';
import type { DatasetSpec } from '../../src/ingest/dataset.js';
import { WEATHER_CSV, tempDir, uploadIncoming, weatherDataset } from './pipeline-support.js';

let gcs: GcsServer;
let bq: BigQueryServer;
let n = 0;
let uniqueRow = 0;

beforeAll(async () => {
  gcs = await startGcsServer();
  bq = await startBigQueryServer({ gcs, projectId: 'demo-project', getsUntilDone: 1 });
});
afterAll(async () => Promise.all([gcs?.close(), bq?.close()]));

/** The weather rows plus one row unique to the caller: job ids are per content, and the server outlives a test. */
function uniqueCsv(): string {
  return `${WEATHER_CSV}2013-01-${String(++uniqueRow).padStart(2, '0')},0.0,1.0,0.0,1.0,sun\n`;
}

async function stage(store: ObjectStore, bucket: string, dataset: DatasetSpec, content: string): Promise<{ staged: StagedContent; sha256: string }> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const staged = await stageContent({
    store,
    bucket,
    dataset,
    sha256,
    incoming: await uploadIncoming(store, bucket, dataset.name, content),
    source: { url: 'https://data.example/w.csv' },
    counts: { rows: content.trim().split('\n').length - 1, badRows: 0, bytes: content.length },
    now: new Date('2026-03-09T10:00:00Z'),
  });
  return { staged, sha256 };
}

describe('loading into BigQuery', () => {
  const bigquery = () =>
    createBigQueryWarehouse({ projectId: 'demo-project', env: { BIGQUERY_EMULATOR_HOST: bq.url }, pollIntervalMs: 10, maxPollIntervalMs: 20 });

  it('runs one load job named after the content and loads every row', async () => {
    const bucket = `load-bq-${++n}`;
    gcs.createBucket(bucket);
    const store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
    const dataset = weatherDataset({ target: { dataset: 'raw', table: `weather_${n}` } });
    const { staged, sha256 } = await stage(store, bucket, dataset, uniqueCsv());
    const warehouse = bigquery();

    const result = await loadIntoWarehouse({ warehouse, dataset, staged, sha256, labels: { environment: 'dev' } });

    expect(result).toMatchObject({ outcome: 'loaded', jobId: `${jobIdPrefix('seattle_weather', sha256)}_1`, attempt: 1, rowsLoaded: 6 });
    expect(bq.rows('raw', `weather_${n}`).map((r) => r.weather)).toEqual(['drizzle', 'rain', 'rain', 'rain', 'rain', 'sun']);
    const job = bq.job(result.jobId!)!;
    expect(job.configuration.load.sourceUris).toEqual([staged.objectUri]);
    expect(job.configuration.labels).toMatchObject({ dataset: 'seattle_weather', environment: 'dev' });
    await warehouse.close();
  });

  it('adopts the finished job on a rerun instead of appending the rows again', async () => {
    const bucket = `load-bq-${++n}`;
    gcs.createBucket(bucket);
    const store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
    const dataset = weatherDataset({ target: { dataset: 'raw', table: `weather_${n}` } });
    const { staged, sha256 } = await stage(store, bucket, dataset, uniqueCsv());
    const warehouse = bigquery();

    await loadIntoWarehouse({ warehouse, dataset, staged, sha256 });
    const again = await loadIntoWarehouse({ warehouse, dataset, staged, sha256 });

    expect(again.outcome).toBe('adopted');
    expect(bq.rows('raw', `weather_${n}`)).toHaveLength(6);
    await warehouse.close();
  });

  it('moves to the next attempt after a failed load job', async () => {
    const bucket = `load-bq-${++n}`;
    gcs.createBucket(bucket);
    const store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
    const dataset = weatherDataset({ target: { dataset: 'raw', table: `weather_${n}` } });
    const { staged, sha256 } = await stage(store, bucket, dataset, uniqueCsv());
    bq.failJob(`${jobIdPrefix('seattle_weather', sha256)}_1`);
    const warehouse = bigquery();

    const result = await loadIntoWarehouse({ warehouse, dataset, staged, sha256 });

    expect(result).toMatchObject({ outcome: 'loaded', attempt: 2, jobId: `${jobIdPrefix('seattle_weather', sha256)}_2` });
    expect(bq.rows('raw', `weather_${n}`)).toHaveLength(6);
    await warehouse.close();
  });
});

describe('loading into DuckDB (the local target)', () => {
  it('loads the staged file once, and a rerun adopts the load', async () => {
    const root = tempDir('load-duckdb');
    const store = createLocalStore(join(root, 'gcs'));
    const dataset = weatherDataset();
    const { staged, sha256 } = await stage(store, 'local', dataset, WEATHER_CSV);
    const warehouse = createDuckDbWarehouse({ path: join(root, 'warehouse.duckdb') });

    const first = await loadIntoWarehouse({ warehouse, dataset, staged, sha256 });
    const second = await loadIntoWarehouse({ warehouse, dataset, staged, sha256 });

    expect(first).toMatchObject({ outcome: 'loaded', rowsLoaded: 5 });
    expect(second).toMatchObject({ outcome: 'adopted', jobId: first.jobId });
    const rows = await warehouse.query('SELECT count(*) AS n, max(precipitation) AS wettest FROM raw.seattle_weather');
    expect(rows).toEqual([{ n: '5', wettest: 20.3 }]);
    await warehouse.close();
  });
});
