import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';
import { startBigQueryServer, type BigQueryServer } from '../servers/bigquery.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import { createBigQueryWarehouse } from '../../src/warehouse/bigquery.js';
import { runIngest, type IngestOptions } from '../../src/ingest/pipeline.js';
import { UserError } from '../../src/errors.js';
import type { DatasetSpec } from '../../src/ingest/dataset.js';
import { WEATHER_CSV, collectLogs, serveText, startSource, tempDir, weatherDataset, type SourceServer } from './pipeline-support.js';

let gcs: GcsServer;
let bq: BigQueryServer;
let n = 0;

beforeAll(async () => {
  gcs = await startGcsServer();
  bq = await startBigQueryServer({ gcs, projectId: 'demo-project', getsUntilDone: 1 });
});
afterAll(async () => Promise.all([gcs?.close(), bq?.close()]));

const FETCH = { allowHttp: true, allowPrivateAddresses: true, maxBytes: 50 * 1024 * 1024, timeoutMs: 10_000, retries: 3 };

/** Each test gets its own bucket, table and content (job ids are per content; the servers outlive a test). */
function scenario(overrides: Partial<DatasetSpec> = {}) {
  const id = ++n;
  const bucket = `pipeline-${id}`;
  gcs.createBucket(bucket);
  const dataset = weatherDataset({ target: { dataset: 'raw', table: `weather_${id}` }, ...overrides });
  const csv = `${WEATHER_CSV}2013-02-${String(id).padStart(2, '0')},0.0,1.0,0.0,1.0,sun\n`;
  const store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url }, retry: { maxRetries: 3, maxRetryDelaySeconds: 1 } });
  const warehouse = createBigQueryWarehouse({ projectId: 'demo-project', env: { BIGQUERY_EMULATOR_HOST: bq.url }, pollIntervalMs: 10, maxPollIntervalMs: 20 });
  const logs = collectLogs();
  const options = (source: SourceServer, extra: Partial<IngestOptions> = {}): IngestOptions => ({
    dataset,
    store,
    bucket,
    warehouse,
    projectId: 'demo-project',
    fetch: FETCH,
    sourceOverride: `${source.url}/weather.csv`,
    dryRun: false,
    log: logs.log,
    tmpDir: tempDir('pipeline'),
    clock: () => new Date('2026-03-09T10:00:00Z'),
    labels: { environment: 'test' },
    ...extra,
  });
  const objects = () => gcs.listObjects(bucket).map((o) => `${o.name}#${o.generation}`);
  const rows = () => {
    try {
      return bq.rows('raw', `weather_${id}`);
    } catch {
      return [];
    }
  };
  return { bucket, dataset, csv, logs, options, objects, rows, table: `weather_${id}` };
}

describe('runIngest', () => {
  it('fetches, validates, stages and loads, with one log line per stage', async () => {
    const s = scenario();
    const source = await startSource(serveText(s.csv));
    const report = await runIngest(s.options(source));
    await source.close();

    expect(report).toMatchObject({ dataset: 'seattle_weather', rows: 6, badRows: 0, bytes: s.csv.length, stagedNow: true, load: { outcome: 'loaded', attempt: 1 } });
    expect(report.objectUri).toMatch(new RegExp(`^gs://${s.bucket}/raw/seattle_weather/2026/03/09/${report.sha256}\\.csv$`));
    expect(s.rows().map((r) => r.date)).toEqual(['2012-01-01', '2012-01-02', '2012-01-03', '2012-01-04', '2012-01-05', expect.stringMatching(/^2013-02/)]);
    expect(s.logs.entries.map((e) => [e.event, e.stage])).toEqual([
      ['ingest_stage_completed', 'fetch'],
      ['ingest_stage_completed', 'validate'],
      ['ingest_stage_completed', 'stage'],
      ['ingest_stage_completed', 'load'],
      ['ingest_succeeded', undefined],
    ]);
    for (const entry of s.logs.entries) {
      expect(entry).toMatchObject({ dataset: 'seattle_weather', duration_ms: expect.any(Number), 'logging.googleapis.com/labels': { environment: 'test' } });
    }
    expect(Object.keys(report.durationsMs)).toEqual(['fetch', 'validate', 'stage', 'load']);
  });

  it('only fetches and validates on a dry run', async () => {
    const s = scenario();
    const requestsBefore = bq.requests.length;
    const source = await startSource(serveText(s.csv));
    const report = await runIngest(s.options(source, { dryRun: true }));
    await source.close();

    expect(report).toMatchObject({ dryRun: true, rows: 6, load: { outcome: 'skipped' } });
    expect(report.objectUri).toBeUndefined();
    expect(s.objects()).toEqual([]);
    expect(bq.requests.length).toBe(requestsBefore);
    expect(s.logs.entries.map((e) => e.stage ?? e.event)).toEqual(['fetch', 'validate', 'ingest_succeeded']);
  });

  it('stages nothing when the download is truncated', async () => {
    const s = scenario();
    const source = await startSource((_req, res) => {
      res.writeHead(200, { 'content-length': s.csv.length + 100 });
      res.write(s.csv);
      setImmediate(() => res.destroy());
    });
    await expect(runIngest(s.options(source))).rejects.toThrow();
    await source.close();

    expect(s.objects()).toEqual([]);
    expect(s.logs.entries.at(-1)).toMatchObject({ event: 'ingest_failed', severity: 'ERROR', stage: 'fetch' });
  });

  it('retries a source that answers 500 and then succeeds', async () => {
    const s = scenario();
    const ok = serveText(s.csv);
    const source = await startSource((req, res, count) => (count === 1 ? void res.writeHead(500).end('oops') : ok(req, res, count)));
    const report = await runIngest(s.options(source));
    await source.close();

    expect(source.requests).toBe(2);
    expect(report.rows).toBe(6);
    expect(s.rows()).toHaveLength(6);
  });

  it('survives a GCS 503 in the middle of the staging upload', async () => {
    const s = scenario();
    gcs.inject({ kind: 'status', status: 503, match: (r) => r.path.includes(`/b/${s.bucket}/`) && r.method === 'POST' && String(r.query.name ?? '').endsWith('.csv') });
    const source = await startSource(serveText(s.csv));
    const report = await runIngest(s.options(source));
    await source.close();

    expect(gcs.getObject(s.bucket, report.objectUri!.replace(`gs://${s.bucket}/`, ''))?.data.toString()).toBe(s.csv);
    expect(s.rows()).toHaveLength(6);
  });

  it('checks the CRC32C of the uploaded clean CSV: bytes corrupted on the way to GCS fail the ingest and nothing is staged', async () => {
    const s = scenario();
    gcs.inject({ kind: 'corrupt-upload', match: (r) => r.method === 'PUT' && r.path.includes(`/b/${s.bucket}/`) && r.query.upload_id !== undefined });
    const source = await startSource(serveText(s.csv));
    const failure = await runIngest(s.options(source)).catch((error: unknown) => error);
    expect(String(failure)).toMatch(/Failed to upload gs:\/\/pipeline-\d+\/tmp\/ingest\/seattle_weather\/[0-9a-f-]+\.csv/);
    await source.close();

    expect(gcs.pendingFaults).toBe(0);
    expect(s.objects()).toEqual([]);
    expect(s.rows()).toEqual([]);
    expect(s.logs.entries.at(-1)).toMatchObject({ event: 'ingest_failed', stage: 'stage' });
  });

  it('changes nothing when rerun after a success', async () => {
    const s = scenario();
    const source = await startSource(serveText(s.csv));
    const first = await runIngest(s.options(source));
    const objects = s.objects();
    const executed = bq.jobsExecuted;

    const second = await runIngest(s.options(source, { clock: () => new Date('2026-04-02T08:00:00Z') }));
    await source.close();

    expect(second).toMatchObject({ stagedNow: false, objectUri: first.objectUri, firstSeen: '2026-03-09', load: { outcome: 'adopted', jobId: first.load.jobId } });
    expect(s.objects()).toEqual(objects);
    expect(bq.jobsExecuted).toBe(executed);
    expect(s.rows()).toHaveLength(6);
    expect(s.logs.entries.at(-1)).toMatchObject({ event: 'ingest_succeeded', rows: 0, rows_in_file: 6, new_work: false });
  });

  it('loads on the next attempt when rerun after a failed load, reusing the staged object', async () => {
    const s = scenario();
    const source = await startSource(serveText(s.csv));
    const dry = await runIngest(s.options(source, { dryRun: true }));
    // A lasting failure (reason "invalid"): the warehouse fails the load instead of retrying within the run.
    bq.failJob(`ingest_seattle_weather_${dry.sha256.slice(0, 16)}_1`, { reason: 'invalid', message: 'Injected load failure' });

    await expect(runIngest(s.options(source))).rejects.toThrow(/Injected load failure/);
    expect(s.logs.entries.at(-1)).toMatchObject({ event: 'ingest_failed', stage: 'load' });
    const objects = s.objects();

    const report = await runIngest(s.options(source));
    await source.close();

    expect(report).toMatchObject({ stagedNow: false, load: { outcome: 'loaded', attempt: 2 } });
    expect(s.objects()).toEqual(objects);
    expect(s.rows()).toHaveLength(6);
  });

  it('quarantines bad rows within max-bad-rows and loads the good ones', async () => {
    const s = scenario({ maxBadRows: 2 });
    const source = await startSource(serveText(`${s.csv}2014-13-45,1,2,3,4,rain\n`));
    const report = await runIngest(s.options(source));
    await source.close();

    expect(report).toMatchObject({ rows: 6, badRows: 1 });
    expect(report.firstProblems[0]).toMatch(/^line 8: /);
    const quarantine = gcs.getObject(s.bucket, report.quarantineUri!.replace(`gs://${s.bucket}/`, ''));
    expect(quarantine?.data.toString()).toContain('2014-13-45');
    expect(s.rows()).toHaveLength(6);
  });

  it('stages nothing when there are more bad rows than allowed', async () => {
    const s = scenario({ maxBadRows: 0 });
    const source = await startSource(serveText(`${s.csv}not-a-date,1,2,3,4,rain\n`));
    const error = await runIngest(s.options(source)).catch((e: unknown) => e);
    await source.close();

    expect(error).toBeInstanceOf(UserError);
    expect(s.objects()).toEqual([]);
    expect(s.logs.entries.at(-1)).toMatchObject({ event: 'ingest_failed', stage: 'validate' });
  });

  it('stages only for load: none', async () => {
    const s = scenario({ load: 'none' });
    const jobsBefore = bq.count('POST', /\/jobs$/);
    const source = await startSource(serveText(s.csv));
    const report = await runIngest(s.options(source));
    await source.close();

    expect(report).toMatchObject({ stagedNow: true, load: { path: 'none', outcome: 'skipped' } });
    expect(bq.count('POST', /\/jobs$/)).toBe(jobsBefore);
    expect(s.logs.entries.map((e) => e.stage).filter(Boolean)).toEqual(['fetch', 'validate', 'stage']);
  });

  it('leaves a dataflow load to the scheduled job without a launcher, warning that the template cannot replace', async () => {
    const s = scenario({ load: 'dataflow', writeMode: 'replace' });
    const source = await startSource(serveText(s.csv));
    const report = await runIngest(s.options(source));
    await source.close();

    expect(report.load).toEqual({ path: 'dataflow', outcome: 'scheduled', table: 'demo-project:raw.' + s.table });
    expect(gcs.getObject(s.bucket, report.objectUri!.replace(`gs://${s.bucket}/`, '').replace(/\.csv$/, '.schema.json'))).toBeDefined();
    expect(s.logs.entries).toContainEqual(expect.objectContaining({ severity: 'WARNING', event: 'ingest_warning', message: expect.stringContaining('always appends') }));
  });

  it('refuses a loopback source unless private addresses are allowed', async () => {
    const s = scenario();
    const source = await startSource(serveText(s.csv));
    const error = await runIngest(s.options(source, { fetch: { ...FETCH, allowPrivateAddresses: false } })).catch((e: unknown) => e);
    await source.close();

    expect(error).toBeInstanceOf(UserError);
    expect(source.requests).toBe(0);
    expect(s.objects()).toEqual([]);
  });

  it('gives fifty concurrent ingests of the same content one object, one load and no duplicate rows', async () => {
    const s = scenario();
    const source = await startSource(serveText(s.csv));
    const executed = bq.jobsExecuted;
    const reports = await Promise.all(Array.from({ length: 50 }, () => runIngest(s.options(source))));
    await source.close();

    expect(reports.filter((r) => r.stagedNow)).toHaveLength(1);
    expect(new Set(reports.map((r) => r.objectUri)).size).toBe(1);
    expect(new Set(reports.map((r) => r.load.jobId)).size).toBe(1);
    expect(gcs.listObjects(s.bucket).filter((o) => o.name.endsWith('.csv'))).toHaveLength(1);
    expect(bq.jobsExecuted - executed).toBe(1);
    expect(s.rows()).toHaveLength(6);
  });
});
