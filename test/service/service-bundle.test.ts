/**
 * The service bundle (dist/service/index.js, what the container runs) spawned for real, configured only through
 * its environment, against loopback GCS + BigQuery and a loopback source: CloudEvents in binary and structured
 * mode, a non-matching event, 50 concurrent deliveries of one event, and SIGTERM in the middle of an ingest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCopy } from '../helpers/run-bundle.js';
import { requiredNodes } from '../helpers/node-binaries.js';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';
import { startBigQueryServer, type BigQueryServer } from '../servers/bigquery.js';
import { WEATHER_CSV, WEATHER_SCHEMA_YAML, startSource, tempDir, type SourceServer } from '../ingest/pipeline-support.js';
import { binaryMode, build, messagePublished, structuredMode } from './events.js';

let gcs: GcsServer;
let bq: BigQueryServer;
let source: SourceServer;
let catalog: string;
/** What the source serves right now; a test swaps it to get new content (a new sha256). */
let body = WEATHER_CSV;
/** When set, the source sends half the body and waits for this promise before sending the rest. */
let holdSecondHalf: Promise<void> | undefined;
let sourceStarted: () => void = () => undefined;

const CATALOG = `datasets:
  - name: seattle_weather
    source: { url: SOURCE/weather.csv }
${WEATHER_SCHEMA_YAML}    target: { dataset: svc, table: weather }
    runs-on: [after-deploy]
  - name: manual_only
    source: { url: SOURCE/weather.csv }
    schema: [{ name: date, type: DATE }]
    target: { dataset: svc, table: manual }
`;

beforeAll(async () => {
  gcs = await startGcsServer({ buckets: ['svc-staging'] });
  bq = await startBigQueryServer({ gcs, projectId: 'demo-project', getsUntilDone: 1 });
  source = await startSource(async (_req, res) => {
    const data = Buffer.from(body);
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': data.length });
    if (!holdSecondHalf) return void res.end(data);
    const half = Math.floor(data.length / 2);
    res.write(data.subarray(0, half));
    sourceStarted();
    await holdSecondHalf;
    res.end(data.subarray(half));
  });
  catalog = join(tempDir('svc-catalog'), 'datasets.yaml');
  writeFileSync(catalog, CATALOG.replaceAll('SOURCE', source.url));
}, 120_000);
afterAll(async () => Promise.all([gcs?.close(), bq?.close(), source?.close()]));

interface Service {
  url: string;
  child: ChildProcess;
  lines: Record<string, unknown>[];
  waitFor(predicate: (line: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

async function startService(): Promise<Service> {
  const home = bundleCopy('service');
  const node = requiredNodes().at(-1)!.path;
  const child = spawn(node, [join(home, 'action', 'index.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      CATALOG: catalog,
      BUCKET: 'svc-staging',
      PROJECT_ID: 'demo-project',
      ENVIRONMENT: 'dev',
      TARGET: 'gcp',
      ALLOW_PRIVATE_SOURCES: 'true',
      STORAGE_EMULATOR_HOST: gcs.url,
      BIGQUERY_EMULATOR_HOST: bq.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { predicate: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buffer += d;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const line = JSON.parse(text) as Record<string, unknown>; // every stdout line must be one JSON object
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.predicate(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const waitFor = (predicate: (l: Record<string, unknown>) => boolean, what: string) => {
    const hit = lines.find(predicate);
    if (hit) return Promise.resolve(hit);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line ${what} within 30 s; stderr: ${stderr}; lines: ${JSON.stringify(lines)}`)), 30_000);
      waiters.push({ predicate, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      void exited.then(() => reject(new Error(`service exited before ${what}; stderr: ${stderr}; lines: ${JSON.stringify(lines)}`)));
    });
  };
  const started = await waitFor((l) => l.event === 'service_started', 'service_started');
  return { url: `http://127.0.0.1:${String(started.port)}`, child, lines, waitFor, exited };
}

const matching = (id: string) => messagePublished(build('SUCCESS', ['dc-pipeline', 'apply', 'env-dev']), id);
const send = (url: string, parts: { headers: Record<string, string>; body: string }) => fetch(url, { method: 'POST', headers: parts.headers, body: parts.body });
const weatherRows = () => {
  try {
    return bq.rows('svc', 'weather');
  } catch {
    return [];
  }
};

describe('dist/service', () => {
  let service: Service;
  beforeAll(async () => {
    service = await startService();
  }, 60_000);
  afterAll(async () => {
    service?.child.kill('SIGTERM');
    await service?.exited;
  });

  it('answers health checks', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });

  it('ingests the after-deploy datasets for a binary-mode build event, then adopts on a structured-mode redelivery', async () => {
    body = `${WEATHER_CSV}2013-04-01,0.0,1.0,0.0,1.0,sun\n`;
    const res = await send(service.url, binaryMode(matching('m-1'), 'evt-binary'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ results: [{ dataset: 'seattle_weather', status: 'succeeded', rows: 6, staged_now: true }] });
    expect(weatherRows()).toHaveLength(6);

    const again = await send(service.url, structuredMode(matching('m-1'), 'evt-structured'));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ results: [{ status: 'succeeded', staged_now: false, load: { outcome: 'adopted' } }] });
    expect(weatherRows()).toHaveLength(6);

    const succeeded = service.lines.filter((l) => l.event === 'ingest_succeeded');
    expect(succeeded[0]).toMatchObject({ severity: 'INFO', dataset: 'seattle_weather', rows: 6, 'logging.googleapis.com/labels': { environment: 'dev', trigger: 'after-deploy' } });
    expect(service.lines.filter((l) => l.event === 'ingest_stage_completed').map((l) => l.stage)).toEqual(
      expect.arrayContaining(['fetch', 'validate', 'stage', 'load']),
    );
  });

  it('ignores a build event that does not match, with a log line saying why', async () => {
    const requests = source.requests;
    const res = await send(service.url, binaryMode(messagePublished(build('SUCCESS', ['dc-pipeline', 'apply', 'env-prod'])), 'evt-prod'));
    expect(res.status).toBe(204);
    expect(await service.waitFor((l) => l.event === 'event_ignored' && l.ce_id === 'evt-prod', 'event_ignored')).toMatchObject({ reason: 'build is not tagged env-dev' });
    expect(source.requests).toBe(requests);
  });

  it('stages one object and runs one load when the same event arrives 50 times at once, fetching it far fewer times', async () => {
    body = `${WEATHER_CSV}2013-04-02,0.0,1.0,0.0,1.0,sun\n2013-04-03,0.0,1.0,0.0,1.0,sun\n`;
    const before = weatherRows().length;
    const executed = bq.jobsExecuted;
    const csvObjects = () => gcs.listObjects('svc-staging').filter((o) => o.name.endsWith('.csv')).length;
    const objectsBefore = csvObjects();
    const fetchesBefore = source.requests;

    const responses = await Promise.all(Array.from({ length: 50 }, () => send(service.url, binaryMode(matching('m-2'), 'evt-50'))));

    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    // Copies that arrive while the first is being handled share its ingest; late ones find it staged and loaded.
    // (One, in every run here; a little room for a machine slow enough to finish the first before the last arrives.)
    expect(source.requests - fetchesBefore).toBeLessThanOrEqual(3);
    expect(gcs.listObjects('svc-staging', 'tmp/')).toEqual([]);
    expect(csvObjects() - objectsBefore).toBe(1);
    expect(bq.jobsExecuted - executed).toBe(1);
    expect(weatherRows().length - before).toBe(7);
  });

  it('runs POST /ingest for a scheduler', async () => {
    const res = await fetch(`${service.url}/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dataset: 'seattle_weather' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dataset: 'seattle_weather', staged_now: false, load: { outcome: 'adopted' } });
  });
});

describe('dist/service on SIGTERM', () => {
  it('finishes the ingest in flight (its download and upload) and exits 0', async () => {
    const service = await startService();
    body = `${WEATHER_CSV}2013-05-01,0.0,1.0,0.0,1.0,sun\n`;
    let release!: () => void;
    holdSecondHalf = new Promise<void>((resolve) => (release = resolve));
    const downloading = new Promise<void>((resolve) => (sourceStarted = resolve));
    try {
      const response = send(service.url, binaryMode(matching('m-3'), 'evt-sigterm'));
      await downloading;
      service.child.kill('SIGTERM');
      await service.waitFor((l) => l.event === 'service_stopping', 'service_stopping');
      release();

      const res = await response;
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ results: [{ status: 'succeeded', staged_now: true, rows: 6 }] });
      expect(await service.exited).toBe(0);
      expect(service.lines.at(-1)).toMatchObject({ event: 'service_stopped' });
      expect(weatherRows().filter((r) => r.date === '2013-05-01')).toHaveLength(1);
    } finally {
      holdSecondHalf = undefined;
      release?.();
      service.child.kill('SIGKILL');
    }
  });
});
