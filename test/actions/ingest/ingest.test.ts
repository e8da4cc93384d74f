/**
 * The ingest action as the runner runs it: dist/ingest/index.js from a copy without node_modules, inputs as
 * INPUT_* variables, on Node 20 and Node 24, against the loopback GCS and BigQuery servers and a loopback source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBundle } from '../../helpers/run-bundle.js';
import { requiredNodes } from '../../helpers/node-binaries.js';
import { startGcsServer, type GcsServer } from '../../servers/gcs.js';
import { startBigQueryServer, type BigQueryServer } from '../../servers/bigquery.js';
import { WEATHER_CSV, WEATHER_SCHEMA_YAML, serveText, startSource, tempDir, type SourceServer } from '../../ingest/pipeline-support.js';

let gcs: GcsServer;
let bq: BigQueryServer;
let source: SourceServer;
let catalog: string;
let n = 0;

const CATALOG = `datasets:
  - name: seattle_weather
    source:
      url: https://example.invalid/seattle-weather.csv
${WEATHER_SCHEMA_YAML}    target: { dataset: raw, table: seattle_weather }
    max-bad-rows: 1
`;

/** Per test: its own CSV (one extra row) served at its own path, so each run has new content. */
const files = new Map<string, string>();
function csvAt(path: string): string {
  const csv = `${WEATHER_CSV}2013-03-${String(++n).padStart(2, '0')},0.0,1.0,0.0,1.0,sun\n`;
  files.set(path, csv);
  return `${source.url}${path}`;
}

beforeAll(async () => {
  gcs = await startGcsServer({ buckets: ['staging'] });
  bq = await startBigQueryServer({ gcs, projectId: 'demo-project' });
  source = await startSource((req, res, count) => serveText(files.get(req.url ?? '') ?? 'missing')(req, res, count));
  catalog = join(tempDir('action-catalog'), 'datasets.yaml');
  writeFileSync(catalog, CATALOG);
});
afterAll(async () => Promise.all([gcs?.close(), bq?.close(), source?.close()]));

const emulators = () => ({ STORAGE_EMULATOR_HOST: gcs.url, BIGQUERY_EMULATOR_HOST: bq.url });
const inputs = (extra: Record<string, string>) => ({
  dataset: 'seattle_weather',
  catalog,
  environment: 'dev',
  'project-id': 'demo-project',
  bucket: 'staging',
  'allow-private-sources': 'true',
  ...extra,
});

describe.each(requiredNodes())('dist/ingest on Node $major', ({ path: node, major }) => {
  it('ingests into GCS and BigQuery and sets every output', async () => {
    const src = csvAt(`/node${major}/weather.csv`);
    const run = await runBundle({ bundle: 'ingest', node, inputs: inputs({ source: src }), env: emulators() });

    // Node 24 warns about deprecated APIs the Google clients' HTTP stack uses (punycode, url.parse); nothing
    // else may reach stderr.
    expect(run.stderr.split('\n').filter((l) => l && !/^\(node:\d+\) \[DEP\d+\] DeprecationWarning|^\(Use `node --trace-deprecation/.test(l))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ rows: '6', 'bad-rows': '0', bytes: String(files.get(`/node${major}/weather.csv`)!.length), table: 'demo-project.raw.seattle_weather' });
    expect(run.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.outputs['object-uri']).toMatch(new RegExp(`^gs://staging/raw/seattle_weather/\\d{4}/\\d{2}/\\d{2}/${run.outputs.sha256}\\.csv$`));
    expect(run.outputs['job-id']).toBe(`ingest_seattle_weather_${run.outputs.sha256!.slice(0, 16)}_1`);
    expect(run.summary).toContain('### Ingest `seattle_weather`: loaded into demo-project.raw.seattle_weather');
    expect(run.stdout).toContain('::group::Ingest seattle_weather');
    expect(bq.rows('raw', 'seattle_weather').filter((r) => r.date === `2013-03-${String(n).padStart(2, '0')}`)).toHaveLength(1);

    const rerun = await runBundle({ bundle: 'ingest', node, inputs: inputs({ source: src }), env: emulators() });
    expect(rerun.code).toBe(0);
    expect(rerun.outputs['object-uri']).toBe(run.outputs['object-uri']);
    expect(rerun.outputs['job-id']).toBe(run.outputs['job-id']);
    expect(rerun.summary).toContain('already loaded');
    expect(bq.rows('raw', 'seattle_weather').filter((r) => r.date === `2013-03-${String(n).padStart(2, '0')}`)).toHaveLength(1);
  });
});

describe('dist/ingest', () => {
  it('refuses a loopback source unless allow-private-sources is true, in one line without a stack', async () => {
    const src = csvAt('/ssrf/weather.csv');
    const before = source.requests;
    const objects = gcs.listObjects('staging').length;
    const run = await runBundle({ bundle: 'ingest', inputs: inputs({ source: src, 'allow-private-sources': 'false' }), env: emulators() });

    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::ingest failed with: refusing to fetch http:\/\/127\.0\.0\.1:\d+\/ssrf\/weather\.csv/);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(run.summary).toMatch(/^### Ingest `seattle_weather` failed\n\nrefusing to fetch http:\/\/127\.0\.0\.1/);
    expect(source.requests).toBe(before);
    expect(gcs.listObjects('staging')).toHaveLength(objects);
  });

  it('refuses the metadata server even when private sources are allowed', async () => {
    const run = await runBundle({ bundle: 'ingest', inputs: inputs({ source: 'http://169.254.169.254/computeMetadata/v1/' }), env: emulators() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::ingest failed with: .*169\.254\.169\.254/);
  });

  it('validates and reports on a dry run without staging or loading', async () => {
    const src = csvAt('/dry/weather.csv');
    const objects = gcs.listObjects('staging').length;
    const jobs = bq.jobIds().length;
    const run = await runBundle({ bundle: 'ingest', inputs: inputs({ source: src, 'dry-run': 'true', bucket: '', 'project-id': '' }), env: emulators() });

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ rows: '6', 'object-uri': '', 'job-id': '' });
    expect(run.summary).toContain('dry run — validated, nothing staged or loaded');
    expect(gcs.listObjects('staging')).toHaveLength(objects);
    expect(bq.jobIds()).toHaveLength(jobs);
  });

  it('names the input, the value and what was expected for a bad input', async () => {
    const run = await runBundle({ bundle: 'ingest', inputs: inputs({ load: 'bigqeury' }), env: emulators() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::ingest failed with: Input `load` was "bigqeury"; expected one of: "bigquery", "dataflow", "none", "".');
  });

  it('says how to get DuckDB when asked for target local (the action bundle leaves it out)', async () => {
    const src = csvAt('/local/weather.csv');
    const cwd = tempDir('action-local');
    const requests = source.requests;
    const run = await runBundle({ bundle: 'ingest', cwd, inputs: inputs({ source: src, target: 'local', bucket: '', 'project-id': '' }), env: {} });

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::ingest failed with: target local loads into DuckDB, which needs the @duckdb\/node-api package/);
    // It says so before fetching or staging anything.
    expect(existsSync(join(cwd, '.dc-pipeline'))).toBe(false);
    expect(source.requests).toBe(requests);
  });
});
