/**
 * The clean CSV is uploaded while it is validated (src/ingest/pipeline.ts): these tests show the upload really
 * runs alongside the download, and that every way of stopping halfway leaves nothing in the bucket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGcsServer, type GcsServer, type RequestInfo } from '../servers/gcs.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import { runIngest, type IngestOptions } from '../../src/ingest/pipeline.js';
import { collectLogs, startSource, tempDir, weatherDataset, type SourceServer } from './pipeline-support.js';

let gcs: GcsServer;
let n = 0;

beforeAll(async () => {
  gcs = await startGcsServer();
});
afterAll(async () => gcs?.close());

const HEADER = 'date,precipitation,temp_max,temp_min,wind,weather\n';
/** ~21 MB: more than the client's 8 MiB upload chunk plus the 8 MiB the pipeline buffers for it. */
const ROWS = 600_000;

function bigCsv(bad = 0): Buffer {
  const good = '2012-01-01,0.0,12.8,5.0,4.7,drizzle\n'.repeat(ROWS - bad);
  return Buffer.from(HEADER + good + '2012-01-02,wet,12.8,5.0,4.7,rain\n'.repeat(bad));
}

function scenario(maxBadRows = 10) {
  const bucket = `streaming-${++n}`;
  gcs.createBucket(bucket);
  const logs = collectLogs();
  const options = (source: SourceServer): IngestOptions => ({
    dataset: weatherDataset({ load: 'none', maxBadRows }),
    store: createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url }, retry: { maxRetries: 2, maxRetryDelaySeconds: 1 } }),
    bucket,
    fetch: { allowHttp: true, allowPrivateAddresses: true, maxBytes: 100 * 1024 * 1024, timeoutMs: 30_000, retries: 0 },
    sourceOverride: `${source.url}/weather.csv`,
    dryRun: false,
    log: logs.log,
    tmpDir: tempDir('streaming'),
    clock: () => new Date('2026-03-09T10:00:00Z'),
  });
  const objects = () => gcs.listObjects(bucket).map((o) => o.name);
  const isIncomingChunk = (r: RequestInfo) => r.method === 'PUT' && r.path.includes(`/b/${bucket}/`) && r.query.upload_id !== undefined;
  return { bucket, logs, options, objects, isIncomingChunk };
}

/**
 * Resolves when the GCS server receives a request `match` accepts. (A fault whose match never fires is the
 * server's hook for watching requests as they arrive.)
 */
function requestSeen(match: (r: RequestInfo) => boolean): Promise<void> {
  return new Promise((resolve) => {
    gcs.inject({ kind: 'status', status: 500, match: (r) => (match(r) ? void resolve() : undefined) ?? false });
  });
}

describe('the clean CSV upload', () => {
  it('sends the clean CSV to GCS while the source is still being downloaded', async () => {
    const s = scenario();
    const csv = bigCsv();
    const firstChunk = requestSeen(s.isIncomingChunk);
    // The source holds back its last 2 MB until GCS has received a chunk of the upload: were the upload to
    // start only after validation, that would never happen and the ingest would time out.
    const source = await startSource(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': csv.length });
      res.write(csv.subarray(0, csv.length - 2_000_000));
      await firstChunk;
      res.end(csv.subarray(csv.length - 2_000_000));
    });
    const report = await runIngest(s.options(source));
    await source.close();

    expect(report).toMatchObject({ rows: ROWS, stagedNow: true });
    const staged = gcs.getObject(s.bucket, report.objectUri!.replace(`gs://${s.bucket}/`, ''));
    expect(staged?.data.equals(csv)).toBe(true);
    expect(s.objects().filter((name) => name.startsWith('tmp/'))).toEqual([]);
  });

  it('stops the download and stages nothing when GCS refuses the upload, failing at the stage step', async () => {
    const s = scenario();
    const csv = bigCsv();
    gcs.inject({ kind: 'status', status: 403, match: (r) => r.method === 'POST' && r.path.includes(`/b/${s.bucket}/`) && r.query.uploadType === 'resumable' });
    let sourceClosed!: () => void;
    const closed = new Promise<void>((resolve) => (sourceClosed = resolve));
    // Half the file, then nothing: only a failed upload can end this ingest.
    const source = await startSource((_req, res) => {
      res.on('close', sourceClosed);
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': csv.length });
      res.write(csv.subarray(0, csv.length / 2));
    });
    await expect(runIngest(s.options(source))).rejects.toThrow(/Failed to upload gs:\/\/streaming-\d+\/tmp\/ingest\/.*403/s);
    await closed;
    await source.close();

    expect(s.logs.entries.at(-1)).toMatchObject({ event: 'ingest_failed', stage: 'stage' });
    expect(s.objects()).toEqual([]);
  });

  it('abandons the upload when there are too many bad rows: no temporary or staged object is left', async () => {
    const s = scenario(5);
    const csv = bigCsv(6);
    const source = await startSource((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': csv.length }).end(csv);
    });
    await expect(runIngest(s.options(source))).rejects.toThrow(/more than max-bad-rows/);
    await source.close();

    // Most of the file had been sent by then; GCS creates no object for an upload that never finished.
    expect(gcs.requests.filter(s.isIncomingChunk).length).toBeGreaterThan(0);
    expect(s.objects()).toEqual([]);
    expect(s.logs.entries.at(-1)).toMatchObject({ event: 'ingest_failed', stage: 'validate' });
  });

  it('keeps the clean copy on disk when the source looks unchanged, so a rerun of staged content uploads nothing', async () => {
    const s = scenario();
    const csv = bigCsv();
    const source = await startSource((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': csv.length, etag: '"same"' }).end(csv);
    });
    const first = await runIngest(s.options(source));
    const uploadsAfterFirst = gcs.requests.filter((r) => r.path.startsWith(`/upload/storage/v1/b/${s.bucket}/`)).length;
    const second = await runIngest(s.options(source));
    await source.close();

    expect(s.logs.entries.filter((e) => e.stage === 'stage').map((e) => e.clean_copy)).toEqual(['streamed', 'spooled']);
    expect(second).toMatchObject({ stagedNow: false, objectUri: first.objectUri, sha256: first.sha256 });
    expect(gcs.requests.filter((r) => r.path.startsWith(`/upload/storage/v1/b/${s.bucket}/`)).length).toBe(uploadsAfterFirst);
    expect(s.objects().filter((name) => name.startsWith('tmp/'))).toEqual([]);
  });

  it('streams instead of spooling an unchanged-looking source larger than the spool limit, or of unknown length', async () => {
    const s = scenario();
    const csv = bigCsv();
    let chunked = false;
    const source = await startSource((_req, res) => {
      // Content-Length, or chunked transfer with no length at all.
      res.writeHead(200, { 'content-type': 'text/csv', etag: '"same"', ...(chunked ? {} : { 'content-length': csv.length }) }).end(csv);
    });
    await runIngest(s.options(source));
    const tooLarge = await runIngest({ ...s.options(source), spoolLimitBytes: csv.length - 1 });
    const fits = await runIngest({ ...s.options(source), spoolLimitBytes: csv.length });
    chunked = true;
    const unknown = await runIngest({ ...s.options(source), spoolLimitBytes: csv.length * 100 });
    await source.close();

    expect(s.logs.entries.filter((e) => e.stage === 'stage').map((e) => e.clean_copy)).toEqual(['streamed', 'streamed', 'spooled', 'streamed']);
    for (const rerun of [tooLarge, fits, unknown]) expect(rerun).toMatchObject({ stagedNow: false, rows: ROWS });
    expect(s.objects().filter((name) => name.startsWith('tmp/'))).toEqual([]);
  });

  it('judges a source that may be gzip (compression auto, a .gz name) at ten times its download against the spool limit', async () => {
    const s = scenario();
    const csv = bigCsv();
    const source = await startSource((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', etag: '"same"', 'content-length': csv.length }).end(csv);
    });
    // Named .gz, it is plain CSV all the same: compression auto reads the bytes, the spool limit only the name.
    const gz = (limit: number): IngestOptions => ({ ...s.options(source), sourceOverride: `${source.url}/weather.csv.gz`, spoolLimitBytes: limit });
    await runIngest(gz(csv.length * 10));
    const tooLarge = await runIngest(gz(csv.length * 10 - 1));
    const fits = await runIngest(gz(csv.length * 10));
    await source.close();

    expect(s.logs.entries.filter((e) => e.stage === 'stage').map((e) => e.clean_copy)).toEqual(['streamed', 'streamed', 'spooled']);
    for (const rerun of [tooLarge, fits]) expect(rerun).toMatchObject({ stagedNow: false, rows: ROWS });
  });

  it('uploads the spooled copy when a source kept its ETag but changed its bytes', async () => {
    const s = scenario();
    let body = bigCsv();
    const source = await startSource((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length, etag: '"stale"' }).end(body);
    });
    const first = await runIngest(s.options(source));
    // Same length, same ETag, one value different: only the sha256 can tell.
    body = Buffer.from(body);
    body.write('13.8', body.lastIndexOf('12.8'));
    const second = await runIngest(s.options(source));
    await source.close();

    expect(s.logs.entries.filter((e) => e.stage === 'stage').map((e) => e.clean_copy)).toEqual(['streamed', 'spooled']);
    expect(second).toMatchObject({ stagedNow: true, rows: ROWS });
    expect(second.objectUri).not.toBe(first.objectUri);
    const staged = gcs.getObject(s.bucket, second.objectUri!.replace(`gs://${s.bucket}/`, ''));
    expect(staged?.data.equals(body)).toBe(true);
    expect(s.objects().filter((name) => name.startsWith('tmp/'))).toEqual([]);
  });
});
