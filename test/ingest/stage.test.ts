import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { findStaged, indexName, stageContent, stagedPaths, type StageInput } from '../../src/ingest/stage.js';
import { WEATHER_CSV, tempDir, uploadIncoming, weatherDataset } from './pipeline-support.js';

let gcs: GcsServer;
let store: ObjectStore;
let bucketNo = 0;

beforeAll(async () => {
  gcs = await startGcsServer();
  store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url }, retry: { maxRetries: 3, maxRetryDelaySeconds: 1 } });
});
afterAll(async () => gcs?.close());

function newBucket(): string {
  const name = `stage-test-${++bucketNo}`;
  gcs.createBucket(name);
  return name;
}

async function input(bucket: string, content: string, now: Date, extra: Partial<StageInput> = {}): Promise<StageInput> {
  return {
    store,
    bucket,
    dataset: weatherDataset(),
    sha256: createHash('sha256').update(content).digest('hex'),
    incoming: await uploadIncoming(store, bucket, 'seattle_weather', content),
    source: { url: 'https://data.example/seattle-weather.csv', etag: '"abc"', lastModified: 'Tue, 01 Oct 2024 00:00:00 GMT' },
    counts: { rows: 5, badRows: 0, bytes: Buffer.byteLength(content) },
    now,
    ...extra,
  };
}

const DAY1 = new Date('2026-03-09T23:59:59Z');
const DAY2 = new Date('2026-03-10T00:00:01Z');

describe('stageContent', () => {
  it('writes the object under the day it was first seen, then the manifest, then the index', async () => {
    const bucket = newBucket();
    const req = await input(bucket, WEATHER_CSV, DAY1);
    const staged = await stageContent(req);
    const paths = stagedPaths('seattle_weather', req.sha256, DAY1);

    expect(paths.object).toBe(`raw/seattle_weather/2026/03/09/${req.sha256}.csv`);
    expect(staged).toMatchObject({ created: true, objectName: paths.object, objectUri: `gs://${bucket}/${paths.object}`, firstSeen: '2026-03-09' });
    expect(gcs.getObject(bucket, paths.object)).toMatchObject({
      contentType: 'text/csv; charset=utf-8',
      metadata: { dataset: 'seattle_weather', sha256: req.sha256 },
    });
    expect(gcs.getObject(bucket, paths.object)?.data.toString()).toBe(WEATHER_CSV);
    // Copied into place inside GCS, not uploaded again; the temporary object is gone.
    expect(gcs.requests.filter((r) => r.path.includes('/rewriteTo/'))).toHaveLength(1);
    expect(gcs.listObjects(bucket, 'tmp/')).toEqual([]);
    const manifest = JSON.parse(gcs.getObject(bucket, paths.manifest)!.data.toString());
    expect(manifest).toMatchObject({
      dataset: 'seattle_weather',
      sha256: req.sha256,
      rows: 5,
      bad_rows: 0,
      bytes: Buffer.byteLength(WEATHER_CSV),
      source: { url: 'https://data.example/seattle-weather.csv', etag: '"abc"', last_modified: 'Tue, 01 Oct 2024 00:00:00 GMT' },
      staged_at: DAY1.toISOString(),
      quarantine: null,
    });
    expect(manifest.schema[0]).toEqual({ name: 'date', type: 'DATE', mode: 'REQUIRED' });
    const index = JSON.parse(gcs.getObject(bucket, indexName('seattle_weather', req.sha256))!.data.toString());
    expect(index).toMatchObject({ object: paths.object, manifest: paths.manifest, first_seen: '2026-03-09' });
    // The index is the commit point: it must be the last write.
    const uploads = gcs.requests.filter((r) => r.path.startsWith(`/upload/storage/v1/b/${bucket}/`) && r.query.name);
    expect(uploads.at(-1)?.query.name).toBe(indexName('seattle_weather', req.sha256));
  });

  it('finds content staged on an earlier day and writes nothing new', async () => {
    const bucket = newBucket();
    const first = await stageContent(await input(bucket, WEATHER_CSV, DAY1));
    const before = gcs.listObjects(bucket).map((o) => `${o.name}#${o.generation}`);

    const again = await stageContent(await input(bucket, WEATHER_CSV, new Date('2026-04-01T12:00:00Z')));

    expect(again).toMatchObject({ created: false, objectUri: first.objectUri, firstSeen: '2026-03-09' });
    expect(gcs.listObjects(bucket).map((o) => `${o.name}#${o.generation}`)).toEqual(before);
  });

  it('stages the quarantine file next to the object when there were bad rows', async () => {
    const bucket = newBucket();
    const dir = tempDir('stage-q');
    const quarantineFile = join(dir, 'q.jsonl');
    writeFileSync(quarantineFile, '{"line":3,"reason":"not a FLOAT","raw":"x"}\n');
    const staged = await stageContent(await input(bucket, WEATHER_CSV, DAY1, { quarantineFile, counts: { rows: 4, badRows: 1, bytes: 10 } }));

    expect(staged.quarantineName).toMatch(/\/2026\/03\/09\/[0-9a-f]{64}\.quarantine\.jsonl$/);
    expect(gcs.getObject(bucket, staged.quarantineName!)?.data.toString()).toContain('not a FLOAT');
    const manifest = JSON.parse(gcs.getObject(bucket, staged.manifestName)!.data.toString());
    expect(manifest.quarantine).toBe(staged.quarantineUri);
  });

  it('gives twenty concurrent stagers of the same content one object and one committer', async () => {
    const bucket = newBucket();
    const inputs = await Promise.all(Array.from({ length: 20 }, () => input(bucket, WEATHER_CSV, DAY1)));
    const results = await Promise.all(inputs.map((req) => stageContent(req)));

    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.objectUri)).size).toBe(1);
    expect(gcs.listObjects(bucket).filter((o) => o.name.endsWith('.csv'))).toHaveLength(1);
    expect(gcs.listObjects(bucket, 'tmp/')).toEqual([]);
  });

  it('removes what the loser of a race across midnight wrote under its own day', async () => {
    const bucket = newBucket();
    const [before, after] = [await input(bucket, WEATHER_CSV, DAY1), await input(bucket, WEATHER_CSV, DAY2)];
    const results = await Promise.all([stageContent(before), stageContent(after)]);

    expect(results[0].objectUri).toBe(results[1].objectUri);
    const names = gcs.listObjects(bucket).map((o) => o.name);
    expect(names.filter((n) => n.endsWith('.csv'))).toEqual([results[0].objectName]);
    expect(names.filter((n) => n.endsWith('.manifest.json'))).toEqual([results[0].manifestName]);
  });

  it('still adopts the winner of a race across midnight when it may not delete what it wrote under raw/', async () => {
    // A server of its own: the refusals below stay pending when there is nothing to delete.
    const own = await startGcsServer({ buckets: ['no-delete'] });
    try {
      const ownStore = createGcsStore({ env: { STORAGE_EMULATOR_HOST: own.url }, retry: { maxRetries: 1, maxRetryDelaySeconds: 1 } });
      // The ingest's service account can create and read under raw/, not delete (ingest_service module).
      own.inject({ kind: 'status', status: 403, times: 100, match: (r) => r.method === 'DELETE' && r.path.includes('/o/raw') });
      const stage = async (now: Date): Promise<StageInput> => ({
        store: ownStore,
        bucket: 'no-delete',
        dataset: weatherDataset(),
        sha256: createHash('sha256').update(WEATHER_CSV).digest('hex'),
        incoming: await uploadIncoming(ownStore, 'no-delete', 'seattle_weather', WEATHER_CSV),
        source: { url: 'https://data.example/seattle-weather.csv' },
        counts: { rows: 5, badRows: 0, bytes: Buffer.byteLength(WEATHER_CSV) },
        now,
      });
      const [before, after] = [await stage(DAY1), await stage(DAY2)];
      const results = await Promise.all([stageContent(before), stageContent(after)]);

      expect(results[0].objectUri).toBe(results[1].objectUri);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    } finally {
      await own.close();
    }
  });

  it('survives a 503 answering the copy into place and stages the exact bytes', async () => {
    const bucket = newBucket();
    const big = 'date,precipitation,temp_max,temp_min,wind,weather\n' + '2012-01-01,0.0,12.8,5.0,4.7,drizzle\n'.repeat(300_000);
    gcs.inject({ kind: 'status', status: 503, match: (r) => r.path.includes(`/b/${bucket}/`) && r.path.includes('/rewriteTo/') });
    const staged = await stageContent(await input(bucket, big, DAY1));

    expect(gcs.pendingFaults).toBe(0);
    expect(gcs.getObject(bucket, staged.objectName)?.data.equals(Buffer.from(big))).toBe(true);
  });

  it('deletes the incoming object when the content was staged already, and when staging fails', async () => {
    const bucket = newBucket();
    await stageContent(await input(bucket, WEATHER_CSV, DAY1));
    const again = await input(bucket, WEATHER_CSV, DAY2);
    expect(gcs.getObject(bucket, again.incoming)).toBeDefined();
    await stageContent(again);
    expect(gcs.listObjects(bucket, 'tmp/')).toEqual([]);

    const other = await input(bucket, `${WEATHER_CSV}2012-01-06,0.0,1.0,0.0,1.0,sun\n`, DAY1);
    gcs.inject({ kind: 'status', status: 403, match: (r) => r.path.includes(`/b/${bucket}/`) && String(r.query.name ?? '').endsWith('.manifest.json') });
    await expect(stageContent(other)).rejects.toThrow(/manifest\.json/);
    expect(gcs.listObjects(bucket, 'tmp/')).toEqual([]);
    expect(await findStaged(store, bucket, 'seattle_weather', other.sha256)).toBeUndefined();
  });

  it('leaves no index when a write fails, and the next attempt completes the staging', async () => {
    const bucket = newBucket();
    let failing = true;
    gcs.inject({ kind: 'status', status: 500, times: 1000, match: (r) => failing && r.path.includes(`/b/${bucket}/`) && String(r.query.name ?? '').endsWith('.manifest.json') });
    const req = await input(bucket, WEATHER_CSV, DAY1);
    await expect(stageContent(req)).rejects.toThrow(/manifest\.json/);
    expect(gcs.getObject(bucket, indexName('seattle_weather', req.sha256))).toBeUndefined();
    expect(await findStaged(store, bucket, 'seattle_weather', req.sha256)).toBeUndefined();

    failing = false;
    const staged = await stageContent(req);
    expect(staged).toMatchObject({ created: true, objectName: stagedPaths('seattle_weather', req.sha256, DAY1).object });
    expect(gcs.getObject(bucket, indexName('seattle_weather', req.sha256))).toBeDefined();
  });

  it('refuses an index whose object was deleted, saying how to recover', async () => {
    const bucket = newBucket();
    const staged = await stageContent(await input(bucket, WEATHER_CSV, DAY1));
    gcs.deleteObject(bucket, staged.objectName);
    await expect(stageContent(await input(bucket, WEATHER_CSV, DAY2))).rejects.toThrow(/no longer exists.*Delete the index object/);
  });
});
