import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBigQueryWarehouse, emulatorEndpoint } from '../../src/warehouse/bigquery.js';
import { startBigQueryServer, type BigQueryServer } from '../servers/bigquery.js';
import { request, warehouseContract } from './contract.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';

const PROJECT = 'loopback-project';

/** The loopback GCS server plus `put`, which stages an object directly and returns its gs:// URI. */
async function startStaging(): Promise<GcsServer & { put(bucket: string, name: string, data: string): Promise<string> }> {
  const gcs = await startGcsServer({ buckets: ['staging'] });
  return Object.assign(gcs, {
    put: async (bucket: string, name: string, data: string) => {
      gcs.putObject(bucket, name, data, { contentType: 'text/csv' });
      return `gs://${bucket}/${name}`;
    },
  });
}

function warehouseFor(server: BigQueryServer, extra: Partial<Parameters<typeof createBigQueryWarehouse>[0]> = {}) {
  return createBigQueryWarehouse({
    projectId: PROJECT,
    env: { BIGQUERY_EMULATOR_HOST: server.url },
    pollIntervalMs: 1,
    maxPollIntervalMs: 5,
    retry: { maxRetryDelaySeconds: 0.01 },
    ...extra,
  });
}

warehouseContract('BigQuery', async () => {
  const gcs = await startStaging();
  const server = await startBigQueryServer({ gcs, projectId: PROJECT });
  return {
    warehouse: () => warehouseFor(server),
    stage: async (name, csv) => gcs.put('staging', `raw/${name}`, csv),
    rows: async (dataset, table) => server.rows(dataset, table),
    close: async () => {
      await server.close();
      await gcs.close();
    },
  };
});

describe('BigQuery warehouse', () => {
  let gcs: Awaited<ReturnType<typeof startStaging>>;
  let server: BigQueryServer;
  beforeEach(async () => {
    gcs = await startStaging();
    server = await startBigQueryServer({ gcs, projectId: PROJECT });
  });
  afterEach(async () => {
    await server.close();
    await gcs.close();
  });

  it('creates a missing table with the catalog schema, partitioning and clustering, and labels the job', async () => {
    const uri = await gcs.put('staging', 'raw/events.csv', 'day,city,n\n2024-01-02,Bern,4\n');
    const result = await warehouseFor(server, { location: 'EU' }).load(
      request({
        dataset: 'events',
        sourceUri: uri,
        target: { dataset: 'analytics', table: 'events' },
        schema: [
          { name: 'day', type: 'DATE', mode: 'REQUIRED' },
          { name: 'city', type: 'STRING', mode: 'NULLABLE', description: 'City name' },
          { name: 'n', type: 'INTEGER', mode: 'NULLABLE' },
        ],
        partitioning: { type: 'DAY', field: 'day' },
        clustering: ['city'],
        jobIdPrefix: 'ingest_events_00ff',
        labels: { sha256_prefix: '00FF', 'Run ID': '12' },
      }),
    );
    expect(result).toEqual({ jobId: 'ingest_events_00ff_1', attempt: 1, adopted: false, rowsLoaded: 1, table: `${PROJECT}.analytics.events` });
    expect(server.dataset('analytics')?.location).toBe('EU');
    expect(server.table('analytics', 'events')).toEqual({
      schema: {
        fields: [
          { name: 'day', type: 'DATE', mode: 'REQUIRED' },
          { name: 'city', type: 'STRING', mode: 'NULLABLE', description: 'City name' },
          { name: 'n', type: 'INTEGER', mode: 'NULLABLE' },
        ],
      },
      timePartitioning: { type: 'DAY', field: 'day' },
      clustering: { fields: ['city'] },
    });
    const job = server.job('ingest_events_00ff_1');
    expect(job?.jobReference.location).toBe('EU');
    expect(job?.configuration.load).toMatchObject({
      sourceUris: [uri],
      sourceFormat: 'CSV',
      skipLeadingRows: 1,
      fieldDelimiter: ',',
      quote: '"',
      encoding: 'UTF-8',
      maxBadRecords: 0,
      writeDisposition: 'WRITE_APPEND',
      destinationTable: { projectId: PROJECT, datasetId: 'analytics', tableId: 'events' },
    });
    expect(job?.configuration.labels).toEqual({ 'dc-pipeline': 'ingest', dataset: 'events', sha256_prefix: '00ff', run_id: '12' });
    expect(server.rows('analytics', 'events')).toEqual([{ day: '2024-01-02', city: 'Bern', n: '4' }]);
  });

  it('leaves an existing table as it is and loads replace mode with WRITE_TRUNCATE', async () => {
    const w = warehouseFor(server);
    await w.load(request({ sourceUri: await gcs.put('staging', 'a.csv', 'id,name\n1,a\n'), jobIdPrefix: 'ingest_cities_1111' }));
    await w.load(request({ sourceUri: await gcs.put('staging', 'b.csv', 'id,name\n2,b\n'), jobIdPrefix: 'ingest_cities_2222', writeMode: 'replace' }));
    expect(server.count('POST', /\/datasets\/raw\/tables$/)).toBe(1);
    expect(server.job('ingest_cities_2222_1')?.configuration.load.writeDisposition).toBe('WRITE_TRUNCATE');
    expect(server.rows('raw', 'cities')).toEqual([{ id: '2', name: 'b' }]);
  });

  it('adopts a job that already exists (409) and waits for it instead of starting another', async () => {
    const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n');
    await warehouseFor(server).load(request({ sourceUri: uri }));
    const inserts = server.count('POST', /\/jobs$/);
    const rerun = await warehouseFor(server).load(request({ sourceUri: uri }));
    expect(rerun).toMatchObject({ jobId: 'ingest_cities_0123456789abcdef_1', adopted: true, rowsLoaded: 1 });
    expect(server.requests.filter((r) => r.method === 'POST' && /\/jobs$/.test(r.path)).slice(inserts).map((r) => r.status)).toEqual([409]);
    expect(server.jobsExecuted).toBe(1);
    expect(server.rows('raw', 'cities')).toHaveLength(1);
  });

  it('moves to attempt 2 when attempt 1 fails with a backend error', async () => {
    server.failJob('ingest_cities_0123456789abcdef_1', { reason: 'backendError', message: 'Backend error' });
    const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n2,b\n');
    const result = await warehouseFor(server).load(request({ sourceUri: uri }));
    expect(result).toMatchObject({ jobId: 'ingest_cities_0123456789abcdef_2', attempt: 2, adopted: false, rowsLoaded: 2 });
    expect(server.rows('raw', 'cities')).toHaveLength(2);
    // A rerun skips the failed attempt 1 and adopts attempt 2.
    const rerun = await warehouseFor(server).load(request({ sourceUri: uri }));
    expect(rerun).toMatchObject({ attempt: 2, adopted: true });
    expect(server.rows('raw', 'cities')).toHaveLength(2);
  });

  it('reports a lasting job failure with its job id and reason, and the next run starts at the next attempt', async () => {
    server.failJob('ingest_cities_0123456789abcdef_1', { reason: 'invalid', message: 'Provided Schema does not match Table raw.cities', location: 'gs://staging/a.csv' });
    const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n');
    await expect(warehouseFor(server).load(request({ sourceUri: uri }))).rejects.toThrow(
      'BigQuery load job ingest_cities_0123456789abcdef_1 failed: Provided Schema does not match Table raw.cities (at gs://staging/a.csv) [invalid]',
    );
    expect(server.jobIds()).toEqual(['ingest_cities_0123456789abcdef_1']);
    const rerun = await warehouseFor(server).load(request({ sourceUri: uri }));
    expect(rerun).toMatchObject({ attempt: 2, adopted: false, rowsLoaded: 1 });
  });

  it('gives up after the configured number of failed attempts', async () => {
    server.failJob(/^ingest_cities_/, { reason: 'backendError', message: 'Backend error' });
    const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n');
    await expect(warehouseFor(server, { maxAttempts: 3 }).load(request({ sourceUri: uri }))).rejects.toThrow(
      /gave up after 3 failed attempts; last: BigQuery load job ingest_cities_0123456789abcdef_3 failed: Backend error/,
    );
    expect(server.jobIds()).toHaveLength(3);
  });

  it('retries a 503 from jobs.insert and loads once', async () => {
    server.failRequests({ method: 'POST', path: /\/jobs$/, status: 503 });
    const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n');
    const result = await warehouseFor(server).load(request({ sourceUri: uri }));
    expect(result).toMatchObject({ attempt: 1, adopted: false, rowsLoaded: 1 });
    expect(server.requests.filter((r) => r.method === 'POST' && /\/jobs$/.test(r.path)).map((r) => r.status)).toEqual([503, 200]);
  });

  it('adopts its own job when the insert took effect but the response was a 503', async () => {
    server.failRequests({ method: 'POST', path: /\/jobs$/, status: 503, afterHandling: true });
    const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n');
    const result = await warehouseFor(server).load(request({ sourceUri: uri }));
    expect(result).toMatchObject({ jobId: 'ingest_cities_0123456789abcdef_1', attempt: 1, rowsLoaded: 1 });
    expect(server.jobsExecuted).toBe(1);
    expect(server.rows('raw', 'cities')).toHaveLength(1);
  });

  it('retries 503s on table lookup and jobs.get', async () => {
    server.failRequests({ method: 'GET', path: /\/tables\/cities$/, status: 503 });
    server.failRequests({ method: 'GET', path: /\/jobs\//, status: 503, times: 2 });
    const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n');
    expect(await warehouseFor(server).load(request({ sourceUri: uri }))).toMatchObject({ rowsLoaded: 1 });
  });

  it('polls the job through PENDING and RUNNING until DONE', async () => {
    const slow = await startBigQueryServer({ gcs, projectId: PROJECT, getsUntilDone: 4 });
    try {
      const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n');
      await warehouseFor(slow).load(request({ sourceUri: uri }));
      expect(slow.count('GET', /\/jobs\/ingest_cities_0123456789abcdef_1$/)).toBe(4);
    } finally {
      await slow.close();
    }
  });

  it('sends no credentials and asks no metadata server in emulator mode, under our user agent', async () => {
    let metadataRequests = 0;
    const metadata = createServer((_req, res) => {
      metadataRequests += 1;
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
    const saved = { host: process.env.GCE_METADATA_HOST, creds: process.env.GOOGLE_APPLICATION_CREDENTIALS };
    process.env.GCE_METADATA_HOST = `127.0.0.1:${(metadata.address() as AddressInfo).port}`;
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    try {
      const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n');
      await warehouseFor(server, { userAgent: 'dc-pipeline-actions/0.1.0' }).load(request({ sourceUri: uri }));
      expect(metadataRequests).toBe(0);
      expect(server.requests.every((r) => r.path.startsWith('/projects/'))).toBe(true);
      expect(server.requests.filter((r) => r.headers.authorization !== undefined)).toEqual([]);
      expect(server.requests[0]?.headers['user-agent']).toMatch(/^dc-pipeline-actions\/0\.1\.0 /);
    } finally {
      if (saved.host === undefined) delete process.env.GCE_METADATA_HOST;
      else process.env.GCE_METADATA_HOST = saved.host;
      if (saved.creds !== undefined) process.env.GOOGLE_APPLICATION_CREDENTIALS = saved.creds;
      await new Promise<void>((resolve) => metadata.close(() => resolve()));
    }
  });

  it('loads an object staged through the real storage client from the loopback GCS server', async () => {
    const store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
    const written = await store.writeOnce('staging', 'raw/cities/2026/01/02/abc.csv', 'id,name\n1,"a, b"\n2,c\n', { contentType: 'text/csv' });
    const result = await warehouseFor(server).load(request({ sourceUri: store.uri('staging', written.info.name) }));
    expect(result.rowsLoaded).toBe(2);
    expect(server.rows('raw', 'cities')).toEqual([{ id: '1', name: 'a, b' }, { id: '2', name: 'c' }]);
  });

  it('reads rows back through the real client (tabledata.list and jobs.query)', async () => {
    const { BigQuery } = await import('@google-cloud/bigquery');
    const uri = await gcs.put('staging', 'a.csv', 'id,name\n2,b\n1,a\n');
    await warehouseFor(server).load(request({ sourceUri: uri }));
    const reader = new BigQuery({ projectId: PROJECT, apiEndpoint: server.url, authClient: { getRequestHeaders: async () => new Headers() } as never });
    const [rows] = await reader.dataset('raw').table('cities').getRows();
    expect(rows).toEqual([{ id: 2, name: 'b' }, { id: 1, name: 'a' }]);
    const [ordered] = await reader.query(`SELECT * FROM \`${PROJECT}.raw.cities\` ORDER BY id`);
    expect(ordered).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
    const [[count]] = await reader.query('SELECT COUNT(*) AS n FROM raw.cities');
    expect(count).toEqual({ n: 2 });
  });
});

describe('BigQuery endpoint', () => {
  it('follows the env it is given, not the process environment', async () => {
    const gcs = await startStaging();
    const wanted = await startBigQueryServer({ gcs, projectId: PROJECT });
    const other = await startBigQueryServer({ gcs, projectId: PROJECT });
    const saved = process.env.BIGQUERY_EMULATOR_HOST;
    process.env.BIGQUERY_EMULATOR_HOST = other.url;
    try {
      const uri = await gcs.put('staging', 'a.csv', 'id,name\n1,a\n');
      await warehouseFor(wanted).load(request({ sourceUri: uri }));
      expect(wanted.rows('raw', 'cities')).toHaveLength(1);
      expect(other.requests).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.BIGQUERY_EMULATOR_HOST;
      else process.env.BIGQUERY_EMULATOR_HOST = saved;
      await Promise.all([wanted.close(), other.close(), gcs.close()]);
    }
  });
});

describe('emulatorEndpoint', () => {
  it('accepts host:port with or without a scheme and ignores an unset variable', () => {
    expect(emulatorEndpoint({ BIGQUERY_EMULATOR_HOST: 'http://127.0.0.1:9050/' })).toBe('http://127.0.0.1:9050');
    expect(emulatorEndpoint({ BIGQUERY_EMULATOR_HOST: 'localhost:9050' })).toBe('http://localhost:9050');
    expect(emulatorEndpoint({})).toBeUndefined();
  });
});
