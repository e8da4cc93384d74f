/**
 * The faults of issue 4 §5 through the committed bundle, as the runner runs it: dist/ingest/index.js from a copy
 * without node_modules, inputs as INPUT_* variables, on the production Node, against the loopback GCS and
 * BigQuery servers and a loopback source. What each case checks is what the servers hold afterwards — staged
 * objects, temporary objects, load jobs, table rows — next to the step's exit code, outputs and error line.
 *
 * Each case has its own dataset (so its own job ids and table) and its own bucket; the servers are shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createReadStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runBundle, type BundleRun } from '../../helpers/run-bundle.js';
import { requiredNodes } from '../../helpers/node-binaries.js';
import { startGcsServer, type GcsServer } from '../../servers/gcs.js';
import { startBigQueryServer, type BigQueryServer } from '../../servers/bigquery.js';
import { WEATHER_CSV, WEATHER_SCHEMA_YAML, serveText, weatherDataset, startSource, tempDir, type SourceServer } from '../../ingest/pipeline-support.js';

let gcs: GcsServer;
let bq: BigQueryServer;
let source: SourceServer;
let n = 0;

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void | Promise<void>;
/** The loopback source: one handler per path, with the number of requests that path has had. */
const routes = new Map<string, Handler>();
const hits = new Map<string, number>();

/** Serves a request from the routes above (the loopback source and the TLS one share them). */
function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '';
  const hit = (hits.get(path) ?? 0) + 1;
  hits.set(path, hit);
  const handler = routes.get(path);
  if (handler) void Promise.resolve(handler(req, res, hit)).catch(() => res.destroy());
  else res.writeHead(404).end('no such file');
}

beforeAll(async () => {
  gcs = await startGcsServer();
  // Jobs are DONE at the first jobs.get: the bundle polls every second, and one poll per load is enough.
  bq = await startBigQueryServer({ gcs, projectId: 'demo-project', getsUntilDone: 1 });
  source = await startSource(route);
});
afterAll(async () => {
  await Promise.all([gcs?.close(), bq?.close(), source?.close()]);
  if (large) rmSync(dirname(large.path), { recursive: true, force: true });
});

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A staged clean CSV: raw/<dataset>/<yyyy>/<mm>/<dd>/<sha256>.csv. */
const STAGED_CSV = /^raw\/[a-z0-9_]+\/\d{4}\/\d{2}\/\d{2}\/[0-9a-f]{64}\.csv$/;

/** A case: its own dataset (case_<n>, table raw.case_<n>), bucket and catalog file. */
function scenario(options: { maxBadRows?: number } = {}) {
  const id = ++n;
  const name = `case_${id}`;
  const bucket = `faults-${id}`;
  gcs.createBucket(bucket);
  const dir = tempDir(`ingest-faults-${id}`);
  const catalog = join(dir, 'datasets.yaml');
  writeFileSync(
    catalog,
    `datasets:
  - name: ${name}
    source:
      url: https://example.invalid/${name}.csv
${WEATHER_SCHEMA_YAML}    target: { dataset: raw, table: ${name} }
    max-bad-rows: ${options.maxBadRows ?? 0}
`,
  );
  const path = `/${name}.csv`;
  const jobPrefix = `ingest_${name}_`;
  return {
    name,
    bucket,
    path,
    jobPrefix,
    serve(handler: Handler) {
      routes.set(path, handler);
    },
    get hits() {
      return hits.get(path) ?? 0;
    },
    hitsOf: (other: string) => hits.get(other) ?? 0,
    /** Runs the bundle on `node` (default: the production runtime). */
    run(extra: Record<string, string> = {}, env: Record<string, string> = {}, node?: string): Promise<BundleRun> {
      return runBundle({
        bundle: 'ingest',
        ...(node ? { node } : {}),
        inputs: {
          dataset: name,
          catalog,
          environment: 'test',
          'project-id': 'demo-project',
          bucket,
          source: `${source.url}${path}`,
          'allow-private-sources': 'true',
          ...extra,
        },
        env: { STORAGE_EMULATOR_HOST: gcs.url, BIGQUERY_EMULATOR_HOST: bq.url, ...env },
        // A hang shows up as a failed run with its output, before vitest's own 60 s timeout.
        timeoutMs: 45_000,
      });
    },
    /** Every object in the bucket as name#generation: a rerun that rewrote anything changes this list. */
    objects: () => gcs.listObjects(bucket).map((o) => `${o.name}#${o.generation}`),
    stagedCsvs: () => gcs.listObjects(bucket, 'raw/').filter((o) => STAGED_CSV.test(o.name)),
    temporary: () => gcs.listObjects(bucket, 'tmp/'),
    jobs: () => bq.jobIds().filter((j) => j.startsWith(jobPrefix)).sort(),
    rows: () => (bq.table('raw', name) ? bq.rows('raw', name) : []),
  };
}

/** The ::error:: lines of a run, with the workflow-command escapes undone. */
function errorsOf(run: BundleRun): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
}

/** A failed step: exit code 1, exactly one error line (returned), and no stack trace anywhere. */
function failure(run: BundleRun): string {
  expect(run.code).toBe(1);
  const errors = errorsOf(run);
  expect(errors).toHaveLength(1);
  expect(run.stdout).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return errors[0] as string;
}

/** A run that succeeded, with the outputs every successful ingest sets. */
function success(run: BundleRun, content: string | Buffer): Record<string, string> {
  expect(errorsOf(run)).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.outputs.sha256).toBe(sha256(content));
  expect(run.outputs.bytes).toBe(String(Buffer.byteLength(content)));
  return run.outputs;
}

function csvWith(extra: string): string {
  return `${WEATHER_CSV}${extra}`;
}

/**
 * The storage client sends resumable uploads in 8 MiB chunks (RESUMABLE_CHUNK_SIZE in src/storage/gcs.ts): a
 * fault "mid-upload" needs a clean CSV of more than one chunk, so that the chunk it hits is not the first.
 * Every row is valid, so the clean copy is byte for byte the source.
 */
const LARGE_BYTES = 12 * 1024 * 1024;
let large: { path: string; data: Buffer; rows: number } | undefined;
function largeCsv() {
  if (large) return large;
  const lines = ['date,precipitation,temp_max,temp_min,wind,weather'];
  const kinds = ['drizzle', 'rain', 'sun', 'snow', 'fog'];
  let bytes = lines[0]!.length + 1;
  let rows = 0;
  for (let i = 0; bytes < LARGE_BYTES; i++, rows++) {
    const day = `${1000 + (i % 9000)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const line = `${day},${i % 50}.${i % 10},${i % 40}.${i % 7},${i % 20}.${i % 3},${i % 9}.${i % 5},${kinds[i % 5]}`;
    lines.push(line);
    bytes += line.length + 1;
  }
  const data = Buffer.from(`${lines.join('\n')}\n`);
  const path = join(tempDir('ingest-faults-large'), 'large.csv');
  writeFileSync(path, data);
  return (large = { path, data, rows });
}

/** Streams the file from disk with its Content-Length and no ETag (so every run uploads while validating). */
function serveFile(path: string, size: number): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': size });
    createReadStream(path).pipe(res);
  };
}

type GcsRequest = { method: string; path: string; query: Record<string, string>; headers: Record<string, unknown> };
/** A data PUT of a resumable upload into this bucket. */
const chunkPut = (bucket: string, r: GcsRequest) =>
  r.method === 'PUT' && r.path.includes(`/b/${bucket}/`) && r.query.upload_id !== undefined && /^bytes \d+-/.test(String(r.headers['content-range']));
/** …that does not start at byte 0: a later chunk. */
const laterChunk = (bucket: string) => (r: GcsRequest) => chunkPut(bucket, r) && !String(r.headers['content-range']).startsWith('bytes 0-');

describe('dist/ingest under faults', () => {
  // On every Node: on Node 20 this once exited 13 with no error line (the download failed before the lazily
  // loaded storage client looked at the clean stream, and waiting for its first bytes never settled).
  it.each(requiredNodes().map((n) => [`Node ${n.major}`, n.path]))('fails a truncated download in one line and stages and loads nothing on %s', async (_label, node) => {
    const s = scenario();
    const csv = csvWith('');
    s.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': csv.length + 100 });
      res.write(csv);
      setImmediate(() => res.destroy());
    });
    const run = await s.run({}, {}, node);

    const message = failure(run);
    expect(message).toMatch(
      new RegExp(`^ingest failed with: the download of http://127\\.0\\.0\\.1:\\d+/${s.name}\\.csv (is truncated: got ${csv.length} of ${csv.length + 100} bytes|broke off after ${csv.length} of ${csv.length + 100} bytes)`),
    );
    expect(run.summary).toContain(`### Ingest \`${s.name}\` failed`);
    expect(run.outputs).toEqual({});
    expect(gcs.listObjects(s.bucket)).toEqual([]);
    expect(s.jobs()).toEqual([]);
  });

  it('retries a source that answers 500 once, then stages one object and loads it once', async () => {
    const s = scenario();
    const csv = csvWith('');
    const ok = serveText(csv);
    s.serve((req, res, hit) => (hit === 1 ? void res.writeHead(500).end('try again') : ok(req, res, hit)));
    const run = await s.run();

    const out = success(run, csv);
    expect(s.hits).toBe(2);
    expect(out).toMatchObject({ rows: '5', 'bad-rows': '0', table: `demo-project.raw.${s.name}`, 'job-id': `${s.jobPrefix}${out.sha256!.slice(0, 16)}_1` });
    expect(s.stagedCsvs().map((o) => `gs://${s.bucket}/${o.name}`)).toEqual([out['object-uri']]);
    expect(s.temporary()).toEqual([]);
    expect(s.jobs()).toEqual([out['job-id']]);
    expect(s.rows()).toHaveLength(5);
  });

  it('changes nothing when rerun after a success: same object, the same job adopted, no duplicate rows', async () => {
    const s = scenario();
    const csv = csvWith('');
    s.serve(serveText(csv));
    const first = success(await s.run(), csv);
    const objects = s.objects();
    const executed = bq.jobsExecuted;
    const bqBefore = bq.requests.length;
    const gcsBefore = gcs.requests.length;

    const rerun = await s.run();
    const second = success(rerun, csv);

    expect(second).toEqual(first);
    expect(rerun.summary).toContain(`already loaded (job ${first['job-id']} adopted, nothing changed)`);
    expect(s.objects()).toEqual(objects);
    // The source answered with the same ETag and length: the clean copy stayed on disk, nothing was uploaded.
    expect(gcs.requests.slice(gcsBefore).filter((r) => r.path.startsWith('/upload/'))).toEqual([]);
    // The same job id was asked for, answered 409, and adopted: no new load ran.
    const inserts = bq.requests.slice(bqBefore).filter((r) => r.method === 'POST' && /\/jobs$/.test(r.path));
    expect(inserts.map((r) => [(r.body as { jobReference?: { jobId?: string } }).jobReference?.jobId, r.status])).toEqual([[first['job-id'], 409]]);
    expect(bq.jobsExecuted).toBe(executed);
    expect(s.jobs()).toEqual([first['job-id']]);
    expect(s.rows()).toHaveLength(5);
  });

  it('loads on the next attempt when rerun after a failed load, reusing the staged object', async () => {
    const s = scenario();
    const csv = csvWith('');
    s.serve(serveText(csv));
    const prefix = `${s.jobPrefix}${sha256(csv).slice(0, 16)}`;
    // A lasting failure (reason "invalid"): the load fails this run instead of being retried within it.
    bq.failJob(`${prefix}_1`, { reason: 'invalid', message: 'Injected load failure' });

    const failed = await s.run();
    expect(failure(failed)).toMatch(new RegExp(`^ingest failed with: BigQuery load job ${prefix}_1 failed: Injected load failure`));
    expect(s.stagedCsvs()).toHaveLength(1);
    expect(s.jobs()).toEqual([`${prefix}_1`]);
    expect(s.rows()).toEqual([]);
    const objects = s.objects();

    const out = success(await s.run(), csv);
    expect(out).toMatchObject({ rows: '5', 'job-id': `${prefix}_2`, 'object-uri': `gs://${s.bucket}/${s.stagedCsvs()[0]!.name}` });
    expect(s.jobs()).toEqual([`${prefix}_1`, `${prefix}_2`]);
    expect(s.objects()).toEqual(objects);
    expect(s.rows()).toHaveLength(5);
  });

  it('quarantines bad rows within max-bad-rows next to the staged object and loads the good ones', async () => {
    const s = scenario({ maxBadRows: 3 });
    const csv = csvWith('2014-13-45,1,2,3,4,rain\n2014-01-01,lots,2,3,4,rain\n');
    s.serve(serveText(csv));
    const out = success(await s.run(), csv);

    expect(out).toMatchObject({ rows: '5', 'bad-rows': '2', table: `demo-project.raw.${s.name}` });
    const staged = s.stagedCsvs();
    expect(staged.map((o) => `gs://${s.bucket}/${o.name}`)).toEqual([out['object-uri']]);
    const quarantine = gcs.getObject(s.bucket, staged[0]!.name.replace(/\.csv$/, '.quarantine.jsonl'));
    const entries = quarantine!.data.toString().trim().split('\n').map((l) => JSON.parse(l) as { line: number; raw: string });
    expect(entries.map((e) => [e.line, e.raw])).toEqual([
      [7, '2014-13-45,1,2,3,4,rain'],
      [8, '2014-01-01,lots,2,3,4,rain'],
    ]);
    expect(s.rows()).toHaveLength(5);
    expect(s.jobs()).toEqual([out['job-id']]);
  });

  it('fails on more bad rows than max-bad-rows, naming the first ones, and stages nothing', async () => {
    const s = scenario({ maxBadRows: 1 });
    const csv = csvWith('2014-13-45,1,2,3,4,rain\n2014-01-01,lots,2,3,4,rain\n2014-01-02,1,2,3,4,rain\n');
    s.serve(serveText(csv));
    const message = failure(await s.run());

    expect(message).toMatch(new RegExp(`^ingest failed with: ${s.name}: more than max-bad-rows \\(1\\) bad rows, stopped at line 8\\. First problems: line 7: .*; line 8: `));
    expect(gcs.listObjects(s.bucket)).toEqual([]);
    expect(s.jobs()).toEqual([]);
  });

  it('stages only, with no load job, for load: none', async () => {
    const s = scenario();
    const csv = csvWith('');
    s.serve(serveText(csv));
    const inserts = bq.count('POST', /\/jobs$/);
    const run = await s.run({ load: 'none' });
    const out = success(run, csv);

    expect(out).toMatchObject({ rows: '5', 'bad-rows': '0', 'job-id': '', table: '' });
    expect(s.stagedCsvs().map((o) => `gs://${s.bucket}/${o.name}`)).toEqual([out['object-uri']]);
    expect(run.summary).toContain('staged (load: none)');
    expect(bq.count('POST', /\/jobs$/)).toBe(inserts);
    expect(bq.table('raw', s.name)).toBeUndefined();
  });

  it('leaves load: dataflow without a region to the scheduled job: the schema file next to the object, no job', async () => {
    const s = scenario();
    const csv = csvWith('');
    s.serve(serveText(csv));
    const requests = bq.requests.length;
    const run = await s.run({ load: 'dataflow' });
    const out = success(run, csv);

    expect(out).toMatchObject({ rows: '5', 'job-id': '', table: `demo-project:raw.${s.name}` });
    expect(run.summary).toContain('staged for the scheduled Dataflow job');
    const [staged] = s.stagedCsvs();
    const schema = gcs.getObject(s.bucket, staged!.name.replace(/\.csv$/, '.schema.json'));
    expect(JSON.parse(schema!.data.toString())).toEqual({
      // The key the Google-provided GCS_CSV_to_BigQuery template reads, space included.
      'BigQuery Schema': weatherDataset().schema,
    });
    expect(gcs.listObjects(s.bucket, 'raw/').some((o) => o.name.endsWith('.dataflow.json'))).toBe(false);
    expect(bq.requests.length).toBe(requests);
  });

  it('refuses a DNS name that resolves to loopback when private sources are not allowed, before connecting', async () => {
    const s = scenario();
    s.serve(serveText(csvWith('')));
    const port = new URL(source.url).port;
    const message = failure(await s.run({ source: `https://localhost:${port}${s.path}`, 'allow-private-sources': 'false' }));

    expect(message).toMatch(/^ingest failed with: refusing to fetch from localhost: it resolves to (127\.0\.0\.1|::1) is a loopback address \(allow private addresses explicitly for local use\)\.$/);
    expect(s.hits).toBe(0);
    expect(gcs.listObjects(s.bucket)).toEqual([]);
    expect(s.jobs()).toEqual([]);
  });

  // Loopback is allowed here so that the first hop is fetched at all; these targets are refused whatever is allowed.
  it.each([
    ['http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token', 'refusing to fetch from 169.254.169.254: 169.254.169.254 is a link-local address.'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'refusing to fetch from metadata.google.internal: it is the cloud metadata server.'],
    ['http://[::ffff:7f00:1]:1/', 'refusing to fetch from [::ffff:7f00:1]: ::ffff:7f00:1 is a IPv4-mapped IPv6 address.'],
  ])('re-checks a redirect: refuses one to %s', async (location, refusal) => {
    const s = scenario();
    s.serve((_req, res) => void res.writeHead(302, { location }).end());
    const message = failure(await s.run());

    expect(message).toBe(`ingest failed with: ${refusal}`);
    expect(s.hits).toBe(1);
    expect(gcs.listObjects(s.bucket)).toEqual([]);
    expect(s.jobs()).toEqual([]);
  });

  it('reports every problem of a bad catalog at once, each with its path and line, before touching anything', async () => {
    const dir = tempDir('ingest-faults-catalog');
    writeFileSync(
      join(dir, 'datasets.yaml'),
      `datasets:
  - name: Weather
    source: { url: "" }
    schema:
      - { name: day, type: INT }
    target: { dataset: "bad-id" }
    write-mode: upsert
`,
    );
    const before = { gcs: gcs.requests.length, bq: bq.requests.length, source: source.requests };
    const run = await runBundle({
      bundle: 'ingest',
      cwd: dir,
      inputs: { dataset: 'weather', catalog: 'datasets.yaml', 'project-id': 'demo-project', bucket: 'staging', 'allow-private-sources': 'true' },
      env: { STORAGE_EMULATOR_HOST: gcs.url, BIGQUERY_EMULATOR_HOST: bq.url },
    });

    expect(failure(run)).toBe(
      [
        'ingest failed with: datasets.yaml has 5 problems:',
        'datasets.yaml: datasets[0].name: must match [a-z][a-z0-9_]*; got "Weather" (line 2)',
        'datasets.yaml: datasets[0].source.url: must not be empty; got "" (line 3)',
        'datasets.yaml: datasets[0].schema[0].type: expected one of STRING, INTEGER, FLOAT, NUMERIC, BOOLEAN, DATE, DATETIME, TIMESTAMP; got "INT" (line 5)',
        'datasets.yaml: datasets[0].target.dataset: must be a BigQuery dataset id ([A-Za-z0-9_]+); got "bad-id" (line 6)',
        'datasets.yaml: datasets[0].write-mode: expected one of append, replace; got "upsert" (line 7)',
      ].join('\n'),
    );
    expect(run.summary).toContain('### Ingest `weather` failed\n\ndatasets.yaml has 5 problems:  \ndatasets.yaml: datasets[0].name: ');
    // Nothing but Node's deprecation warnings about the Google clients' HTTP stack may reach stderr.
    expect(run.stderr.split('\n').filter((l) => l && !/^\(node:\d+\) \[DEP\d+\] DeprecationWarning|^\(Use `node --trace-deprecation/.test(l))).toEqual([]);
    expect({ gcs: gcs.requests.length, bq: bq.requests.length, source: source.requests }).toEqual(before);
  });

  describe('a GCS fault in a later chunk of the resumable staging upload', () => {
    async function ingestThrough(fault: 'status' | 'drop') {
      const s = scenario();
      const { path, data, rows } = largeCsv();
      s.serve(serveFile(path, data.length));
      const pending = gcs.pendingFaults;
      if (fault === 'status') gcs.inject({ kind: 'status', status: 503, match: laterChunk(s.bucket) });
      // Some of the chunk arrives; the server keeps what fills whole 256 KiB blocks, as GCS does.
      else gcs.inject({ kind: 'drop-connection', afterBytes: 1024 * 1024 + 1000, match: laterChunk(s.bucket) });
      // Staged only: loading 12 MiB is not what this case is about (and the loopback BigQuery's `rows.push(...)`
      // overflows the stack on a load of this many rows).
      const run = await s.run({ load: 'none' });
      return { s, run, data, rows, pending };
    }

    it.each(['status', 'drop'] as const)('still stages exactly one complete object with every row (%s)', async (fault) => {
      const { s, run, data, rows, pending } = await ingestThrough(fault);
      const out = success(run, data);

      // The fault fired, on a chunk after the first.
      expect(gcs.pendingFaults).toBe(pending);
      expect(out).toMatchObject({ rows: String(rows), 'bad-rows': '0', 'job-id': '' });
      const staged = s.stagedCsvs();
      expect(staged.map((o) => `gs://${s.bucket}/${o.name}`)).toEqual([out['object-uri']]);
      expect(staged[0]!.data.length).toBe(data.length);
      expect(sha256(staged[0]!.data)).toBe(out.sha256);
      expect(s.temporary()).toEqual([]);
      expect(s.jobs()).toEqual([]);
      // Resumed, not restarted: one session, asked how much it persisted, and sent the rest from there (a 503
      // persists nothing of the chunk; a dropped connection keeps the whole 256 KiB blocks that arrived).
      const uploads = gcs.requests.filter((r) => r.path === `/upload/storage/v1/b/${s.bucket}/o` && r.query.uploadType === 'resumable');
      expect(uploads.filter((r) => r.method === 'POST' && r.query.upload_id === undefined)).toHaveLength(1);
      const ranges = uploads.filter((r) => r.method === 'PUT').map((r) => r.headers['content-range']);
      const resumedAt = fault === 'status' ? 8 * 1024 * 1024 : 9 * 1024 * 1024;
      expect(ranges).toEqual([`bytes 0-${8 * 1024 * 1024 - 1}/*`, `bytes ${8 * 1024 * 1024}-${data.length - 1}/${data.length}`, 'bytes */*', `bytes ${resumedAt}-${data.length - 1}/${data.length}`]);
    });
  });

  /**
   * With private sources NOT allowed, a redirect is only worth testing from a first hop that passes the checks:
   * an https:// host that resolves to a public address. public-dns.mjs (preloaded) gives files.example.test the
   * public answer 93.184.215.14 (not a documentation address: those are refused) and routes that address to a
   * loopback TLS server whose certificate the bundle trusts through NODE_EXTRA_CA_CERTS. The first case shows
   * that hop is really fetched; in the others it redirects to a target the same TLS server would answer too, so
   * only the re-check stands between the fetcher and it.
   */
  describe('SSRF through a redirect from a source that looks public', () => {
    const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
    let tls: HttpsServer;
    let port = 0;
    let env: Record<string, string>;

    beforeAll(async () => {
      if (!hasOpenssl && process.env.CI !== 'true') return;
      const dir = tempDir('ingest-faults-tls');
      const made = spawnSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=files.example.test',
        '-addext', 'subjectAltName=DNS:files.example.test,DNS:localhost,IP:127.0.0.1',
      ]);
      if (made.status !== 0) throw new Error(`openssl could not make the test certificate: ${String(made.stderr)}`);
      tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, route);
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      port = (tls.address() as AddressInfo).port;
      env = {
        NODE_OPTIONS: `--import ${pathToFileURL(join(process.cwd(), 'test/fixtures/ingest-faults/public-dns.mjs')).href}`,
        DCP_TEST_PUBLIC_HOST: 'files.example.test=93.184.215.14',
        NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
      };
    });
    afterAll(async () => {
      if (!tls) return;
      tls.closeAllConnections();
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    });

    const strict = (s: ReturnType<typeof scenario>) => ({ source: `https://files.example.test:${port}${s.path}`, 'allow-private-sources': 'false' });

    it.skipIf(!hasOpenssl && process.env.CI !== 'true')('fetches the public-looking https source itself', async () => {
      const s = scenario();
      const csv = csvWith('');
      s.serve(serveText(csv));
      const out = success(await s.run(strict(s), env), csv);

      expect(s.hits).toBe(1);
      expect(out).toMatchObject({ rows: '5', table: `demo-project.raw.${s.name}` });
      expect(s.stagedCsvs()).toHaveLength(1);
    });

    // The preload's DNS and socket hooks, and the refusal, on the oldest supported Node too.
    const [oldest, production] = [requiredNodes()[0]!, requiredNodes().at(-1)!];
    const LOOPBACK = /^refusing to fetch from 127\.0\.0\.1: 127\.0\.0\.1 is a loopback address \(allow private addresses explicitly for local use\)\.$/;
    it.skipIf(!hasOpenssl && process.env.CI !== 'true').each([
      { what: 'a loopback address', location: (p: number) => `https://127.0.0.1:${p}/secret`, refusal: LOOPBACK, node: production },
      { what: 'a loopback address', location: (p: number) => `https://127.0.0.1:${p}/secret`, refusal: LOOPBACK, node: oldest },
      {
        what: 'a name resolving to loopback',
        location: (p: number) => `https://localhost:${p}/secret`,
        refusal: /^refusing to fetch from localhost: it resolves to (127\.0\.0\.1|::1) is a loopback address \(allow private addresses explicitly for local use\)\.$/,
        node: production,
      },
      {
        what: 'a private address',
        location: () => 'https://10.20.30.40/secret',
        refusal: /^refusing to fetch from 10\.20\.30\.40: 10\.20\.30\.40 is a private address \(allow private addresses explicitly for local use\)\.$/,
        node: production,
      },
    ])('refuses a redirect to $what when private sources are not allowed (Node $node.major)', async ({ location, refusal, node }) => {
      const s = scenario();
      const secrets = s.hitsOf('/secret');
      routes.set('/secret', serveText(csvWith('')));
      s.serve((_req, res) => void res.writeHead(302, { location: location(port) }).end());
      const message = failure(await s.run(strict(s), env, node.path));

      expect(message.replace(/^ingest failed with: /, '')).toMatch(refusal);
      expect(s.hits).toBe(1);
      expect(s.hitsOf('/secret')).toBe(secrets);
      expect(gcs.listObjects(s.bucket)).toEqual([]);
      expect(s.jobs()).toEqual([]);
    });
  });

  describe('a large source that fails once its upload has begun', () => {
    it('stages nothing when the download is truncated once the first chunk is on its way to GCS', async () => {
      const s = scenario();
      const { data } = largeCsv();
      // Enough for a first 8 MiB chunk past what the validator and the upload blocks hold back (~2.3 MiB).
      const sent = data.length - 256 * 1024 - 123;
      // Never matches: it only tells the source when the first chunk's PUT reaches the GCS server.
      let chunkStarted!: () => void;
      const uploading = new Promise<void>((resolve) => (chunkStarted = resolve));
      gcs.inject({ kind: 'status', status: 500, match: (r) => (chunkPut(s.bucket, r) && chunkStarted(), false) });
      s.serve(async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': data.length });
        res.write(data.subarray(0, sent));
        await uploading;
        res.destroy();
      });
      const message = failure(await s.run({ load: 'none' }));

      expect(message).toMatch(new RegExp(`^ingest failed with: the download of http://127\\.0\\.0\\.1:\\d+/${s.name}\\.csv (is truncated: got|broke off after) ${sent} of ${data.length} bytes`));
      expect(gcs.requests.some((r) => chunkPut(s.bucket, r))).toBe(true);
      expect(gcs.listObjects(s.bucket)).toEqual([]);
    });

    it('fails cleanly, creating nothing, when GCS refuses a later chunk (403, not retried)', async () => {
      const s = scenario();
      const { path, data } = largeCsv();
      s.serve(serveFile(path, data.length));
      const pending = gcs.pendingFaults;
      gcs.inject({ kind: 'status', status: 403, match: laterChunk(s.bucket) });
      const message = failure(await s.run({ load: 'none' }));

      expect(gcs.pendingFaults).toBe(pending);
      expect(message).toMatch(new RegExp(`^ingest failed with: Failed to upload gs://${s.bucket}/tmp/ingest/${s.name}/[0-9a-f-]{36}\\.csv: `));
      expect(gcs.listObjects(s.bucket)).toEqual([]);
    });

    it('deletes the object and stages nothing when a later chunk is corrupted on the way (CRC32C mismatch)', async () => {
      const s = scenario();
      const { path, data } = largeCsv();
      s.serve(serveFile(path, data.length));
      const pending = gcs.pendingFaults;
      gcs.inject({ kind: 'corrupt-upload', match: laterChunk(s.bucket) });
      const message = failure(await s.run({ load: 'none' }));

      expect(gcs.pendingFaults).toBe(pending);
      expect(message).toMatch(new RegExp(`^ingest failed with: Failed to upload gs://${s.bucket}/tmp/ingest/${s.name}/[0-9a-f-]{36}\\.csv: the stored object's CRC32C \\S+ does not match the \\S+ of the bytes sent \\(corrupted in transit\\); it was deleted\\.$`));
      expect(gcs.listObjects(s.bucket)).toEqual([]);
    });
  });
});

