import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { stageContent, type StagedContent } from '../../src/ingest/stage.js';
import { loadWithDataflow } from '../../src/ingest/load.js';
import {
  createDataflowLauncher,
  dataflowJobName,
  dataflowSchemaJson,
  parseDataflowServiceAccount,
  type DataflowLauncher,
} from '../../src/ingest/dataflow.js';
import { openTarget } from '../../src/ingest/targets.js';
import { WEATHER_CSV, uploadIncoming, weatherDataset } from './pipeline-support.js';

/**
 * A loopback Dataflow v1b3 endpoint: templates:launch (409 for a running job of the same name) and jobs.list
 * (filter ACTIVE or ALL, optional name), over jobs a test can move to a terminal state.
 */
interface DataflowServer {
  url: string;
  launches: { path: string; query: URLSearchParams; body: Record<string, unknown> }[];
  lists: URLSearchParams[];
  jobs: { id: string; name: string; currentState: string }[];
  failNext: number[];
  close(): Promise<void>;
}

async function startDataflowServer(): Promise<DataflowServer> {
  const state: DataflowServer = { url: '', launches: [], lists: [], jobs: [], failNext: [], close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      const injected = state.failNext.shift();
      if (injected) return send(injected, { error: { code: injected, message: 'injected', status: 'UNAVAILABLE' } });
      const launch = /^\/v1b3\/projects\/([^/]+)\/locations\/([^/]+)\/templates:launch$/.exec(url.pathname);
      if (req.method === 'POST' && launch) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        state.launches.push({ path: url.pathname, query: url.searchParams, body });
        if (state.jobs.some((j) => j.name === body.jobName && j.currentState === 'JOB_STATE_RUNNING')) {
          return send(409, { error: { code: 409, message: `(c0ffee): The workflow could not be created. Causes: (c0ffee): There is already an active job named ${String(body.jobName)}.`, status: 'ALREADY_EXISTS' } });
        }
        const job = { id: `2026-03-09_00_00_00-${state.jobs.length + 1}`, name: String(body.jobName), currentState: 'JOB_STATE_RUNNING' };
        state.jobs.push(job);
        return send(200, { job: { ...job, projectId: launch[1], location: launch[2] } });
      }
      if (req.method === 'GET' && /\/jobs$/.test(url.pathname)) {
        state.lists.push(url.searchParams);
        const filter = url.searchParams.get('filter') ?? 'ALL';
        const name = url.searchParams.get('name');
        const jobs = state.jobs
          .filter((j) => filter !== 'ACTIVE' || j.currentState === 'JOB_STATE_RUNNING')
          .filter((j) => filter !== 'TERMINATED' || j.currentState !== 'JOB_STATE_RUNNING')
          .filter((j) => !name || j.name === name)
          .reverse(); // newest first
        return send(200, { jobs });
      }
      send(404, { error: { code: 404, message: `no route ${req.method} ${url.pathname}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

let gcs: GcsServer;
let dataflow: DataflowServer;
let store: ObjectStore;
let n = 0;

beforeAll(async () => {
  [gcs, dataflow] = await Promise.all([startGcsServer(), startDataflowServer()]);
  store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
});
afterAll(async () => Promise.all([gcs?.close(), dataflow?.close()]));

async function staged(content = WEATHER_CSV): Promise<{ staged: StagedContent; sha256: string; bucket: string }> {
  const bucket = `dataflow-test-${++n}`;
  gcs.createBucket(bucket);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const result = await stageContent({
    store,
    bucket,
    dataset: weatherDataset({ load: 'dataflow' }),
    sha256,
    incoming: await uploadIncoming(store, bucket, 'seattle_weather', content),
    source: { url: 'https://data.example/w.csv' },
    counts: { rows: 5, badRows: 0, bytes: content.length },
    now: new Date('2026-03-09T10:00:00Z'),
  });
  return { staged: result, sha256, bucket };
}

const launcher = () => createDataflowLauncher({ projectId: 'demo-project', region: 'europe-west1', env: { DATAFLOW_EMULATOR_HOST: dataflow.url } });

describe('the dataflow load path', () => {
  it('writes the schema file the template expects and launches GCS_CSV_to_BigQuery with the staged object', async () => {
    const { staged: s, sha256, bucket } = await staged();
    const result = await loadWithDataflow({ store, dataset: weatherDataset({ load: 'dataflow' }), staged: s, sha256, launcher: launcher(), now: new Date() });

    const schemaName = s.objectName.replace(/\.csv$/, '.schema.json');
    expect(JSON.parse(gcs.getObject(bucket, schemaName)!.data.toString())).toEqual({
      'BigQuery Schema': weatherDataset().schema,
    });
    const launch = dataflow.launches.at(-1)!;
    expect(launch.path).toBe('/v1b3/projects/demo-project/locations/europe-west1/templates:launch');
    expect(launch.query.get('gcsPath')).toBe('gs://dataflow-templates-europe-west1/latest/GCS_CSV_to_BigQuery');
    expect(launch.body).toEqual({
      jobName: `ingest-seattle-weather-${sha256.slice(0, 16)}`,
      parameters: {
        inputFilePattern: s.objectUri,
        schemaJSONPath: `gs://${bucket}/${schemaName}`,
        outputTable: 'demo-project:raw.seattle_weather',
        bigQueryLoadingTemporaryDirectory: `gs://${bucket}/tmp/dataflow/bigquery/`,
        badRecordsOutputTable: 'demo-project:raw.seattle_weather_bad_records',
        delimiter: ',',
        csvFormat: 'Default',
        containsHeaders: 'true',
        csvFileEncoding: 'UTF-8',
      },
      environment: { tempLocation: `gs://${bucket}/tmp/dataflow/` },
    });
    expect(result).toMatchObject({ outcome: 'launched', table: 'demo-project:raw.seattle_weather' });
    expect(result.jobId).toMatch(/^2026-03-09_/);
  });

  it('does not launch the same content twice on a rerun', async () => {
    const { staged: s, sha256 } = await staged('date,precipitation,temp_max,temp_min,wind,weather\n2012-01-01,0.0,12.8,5.0,4.7,sun\n');
    const before = dataflow.launches.length;
    const first = await loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: launcher(), now: new Date() });
    const second = await loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: launcher(), now: new Date() });

    expect(dataflow.launches.length - before).toBe(1);
    expect(second).toMatchObject({ outcome: 'adopted', jobId: first.jobId });
  });

  it('adopts the running job when a concurrent launch of the same name gets 409', async () => {
    const { staged: s, sha256 } = await staged('date,precipitation,temp_max,temp_min,wind,weather\n2012-01-02,0.0,12.8,5.0,4.7,fog\n');
    const results = await Promise.all(
      [1, 2, 3].map(() => loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: launcher(), now: new Date() })),
    );
    expect(new Set(results.map((r) => r.jobId)).size).toBe(1);
    expect(dataflow.jobs.filter((j) => j.name === dataflowJobName('seattle_weather', sha256))).toHaveLength(1);
  });

  it('does not launch again after dying between the launch and its marker, though the job has finished since', async () => {
    const { staged: s, sha256, bucket } = await staged('date,precipitation,temp_max,temp_min,wind,weather\n2012-01-07,0.0,12.8,5.0,4.7,sun\n');
    const jobName = dataflowJobName('seattle_weather', sha256);
    const real = launcher();
    // The launch reaches Dataflow, then the process dies before it can write the marker.
    const dying: DataflowLauncher = {
      ...real,
      launch: async (request) => {
        await real.launch(request);
        throw new Error('killed after the launch');
      },
    };
    const before = dataflow.launches.length;
    await expect(loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: dying, now: new Date() })).rejects.toThrow(
      'killed after the launch',
    );
    const job = dataflow.jobs.find((j) => j.name === jobName)!;
    job.currentState = 'JOB_STATE_DONE'; // no longer active: a second launch would not get 409, it would load again

    const rerun = await loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: launcher(), now: new Date() });

    expect(dataflow.launches.length - before).toBe(1);
    expect(rerun).toMatchObject({ outcome: 'adopted', jobId: job.id });
    expect(dataflow.lists.at(-1)?.get('filter')).toBe('ALL');
    expect(dataflow.lists.at(-1)?.get('name')).toBe(jobName);
    // The job found is recorded: the next rerun answers from the marker.
    const marker = JSON.parse(gcs.getObject(bucket, s.objectName.replace(/\.csv$/, '.dataflow.json'))!.data.toString()) as Record<string, unknown>;
    expect(marker).toMatchObject({ job_id: job.id, job_name: jobName });
    const lists = dataflow.lists.length;
    expect(await loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: launcher(), now: new Date() })).toMatchObject({
      outcome: 'adopted',
      jobId: job.id,
    });
    expect(dataflow.lists.length).toBe(lists);
    // The claim written before the first launch, which told the rerun to ask Dataflow.
    const claim = JSON.parse(gcs.getObject(bucket, s.objectName.replace(/\.csv$/, '.dataflow-launch.json'))!.data.toString()) as Record<string, unknown>;
    expect(claim).toMatchObject({ job_name: jobName });
  });

  it('launches on a rerun when the claimed launch never reached Dataflow', async () => {
    const { staged: s, sha256 } = await staged('date,precipitation,temp_max,temp_min,wind,weather\n2012-01-08,0.0,12.8,5.0,4.7,rain\n');
    const failing: DataflowLauncher = {
      ...launcher(),
      launch: async () => {
        throw new Error('killed before the launch');
      },
    };
    const before = dataflow.launches.length;
    await expect(loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: failing, now: new Date() })).rejects.toThrow(
      'killed before the launch',
    );
    expect(dataflow.launches.length).toBe(before);

    const rerun = await loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: launcher(), now: new Date() });

    expect(rerun.outcome).toBe('launched');
    expect(dataflow.launches.length - before).toBe(1);
    expect(dataflow.jobs.filter((j) => j.name === dataflowJobName('seattle_weather', sha256))).toHaveLength(1);
  });

  it('finds a job by name in any state, and nothing for a name never launched', async () => {
    const real = launcher();
    const launched = await real.launch({ jobName: 'ingest-find-by-name', parameters: {}, tempLocation: 'gs://b/tmp/dataflow/' });
    dataflow.jobs.find((j) => j.id === launched.jobId)!.currentState = 'JOB_STATE_FAILED';
    expect(await real.findJob('ingest-find-by-name')).toEqual({ jobId: launched.jobId, jobName: 'ingest-find-by-name', state: 'JOB_STATE_FAILED' });
    expect(await real.findJob('ingest-never-launched')).toBeUndefined();
  });

  it('launches the workers as the configured service account', async () => {
    const { staged: s, sha256, bucket } = await staged('date,precipitation,temp_max,temp_min,wind,weather\n2012-01-05,0.0,12.8,5.0,4.7,drizzle\n');
    const withWorkerSa = createDataflowLauncher({
      projectId: 'demo-project',
      region: 'europe-west1',
      serviceAccountEmail: 'ingest-dataflow@demo-project.iam.gserviceaccount.com',
      env: { DATAFLOW_EMULATOR_HOST: dataflow.url },
    });
    await loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: withWorkerSa, now: new Date() });
    expect(dataflow.launches.at(-1)!.body.environment).toEqual({
      tempLocation: `gs://${bucket}/tmp/dataflow/`,
      serviceAccountEmail: 'ingest-dataflow@demo-project.iam.gserviceaccount.com',
    });
  });

  it('threads the worker service account from the target options to the launch', async () => {
    const target = await openTarget({
      target: 'gcp',
      bucket: 'b',
      projectId: 'demo-project',
      dataflowRegion: 'europe-west1',
      dataflowServiceAccount: 'df@demo-project.iam.gserviceaccount.com',
      env: { DATAFLOW_EMULATOR_HOST: dataflow.url, STORAGE_EMULATOR_HOST: gcs.url },
      loads: ['dataflow'],
      dryRun: false,
      names: { bucket: 'BUCKET', projectId: 'PROJECT_ID' },
    });
    await target.dataflow!.launch({ jobName: 'ingest-threaded-sa', parameters: {}, tempLocation: 'gs://b/tmp/dataflow/' });
    await target.close();
    expect(dataflow.launches.at(-1)!.body).toMatchObject({
      jobName: 'ingest-threaded-sa',
      environment: { serviceAccountEmail: 'df@demo-project.iam.gserviceaccount.com' },
    });
  });

  it('sends no serviceAccountEmail when no worker service account is configured', async () => {
    const { staged: s, sha256 } = await staged('date,precipitation,temp_max,temp_min,wind,weather\n2012-01-06,0.0,12.8,5.0,4.7,sun\n');
    await loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: launcher(), now: new Date() });
    expect(dataflow.launches.at(-1)!.body.environment).not.toHaveProperty('serviceAccountEmail');
  });

  it('retries a 503 from the Dataflow API', async () => {
    const { staged: s, sha256 } = await staged('date,precipitation,temp_max,temp_min,wind,weather\n2012-01-03,0.0,12.8,5.0,4.7,snow\n');
    dataflow.failNext.push(503);
    const result = await loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, launcher: launcher(), now: new Date() });
    expect(result.outcome).toBe('launched');
    expect(dataflow.failNext).toHaveLength(0);
  });

  it('leaves the object for the scheduled job when no launcher is configured', async () => {
    const { staged: s, sha256, bucket } = await staged('date,precipitation,temp_max,temp_min,wind,weather\n2012-01-04,0.0,12.8,5.0,4.7,rain\n');
    const before = dataflow.launches.length;
    const result = await loadWithDataflow({ store, dataset: weatherDataset(), staged: s, sha256, projectId: 'p', now: new Date() });
    expect(result).toMatchObject({ outcome: 'scheduled', table: 'p:raw.seattle_weather' });
    expect(dataflow.launches.length).toBe(before);
    expect(gcs.getObject(bucket, s.objectName.replace(/\.csv$/, '.schema.json'))).toBeDefined();
  });
});

describe('the dataflow worker service account setting', () => {
  it('accepts service account emails and treats empty as unset', () => {
    expect(parseDataflowServiceAccount(' ingest-df@my-project.iam.gserviceaccount.com ', 'X')).toBe('ingest-df@my-project.iam.gserviceaccount.com');
    expect(parseDataflowServiceAccount('123456789-compute@developer.gserviceaccount.com', 'X')).toBe('123456789-compute@developer.gserviceaccount.com');
    expect(parseDataflowServiceAccount('', 'X')).toBeUndefined();
  });

  it('names the setting, the value and the expected form for something that is not an email', () => {
    for (const bad of ['ingest-df', 'projects/p/serviceAccounts/ingest-df@p.iam.gserviceaccount.com', 'a@b', 'a b@p.iam.gserviceaccount.com']) {
      expect(() => parseDataflowServiceAccount(bad, 'DATAFLOW_SERVICE_ACCOUNT')).toThrow(
        `DATAFLOW_SERVICE_ACCOUNT was "${bad}"; expected a service account email such as ingest-dataflow@my-project.iam.gserviceaccount.com.`,
      );
    }
  });
});

describe('dataflow names and schema', () => {
  it('makes job names Dataflow accepts (no underscores, lower case, deterministic)', () => {
    const name = dataflowJobName('nyc_taxi_2024', 'ab'.repeat(32));
    expect(name).toBe('ingest-nyc-taxi-2024-abababababababab');
    expect(name).toMatch(/^[a-z]([-a-z0-9]{0,1022}[a-z0-9])?$/);
  });

  it('writes the schema under the key "BigQuery Schema"', () => {
    expect(Object.keys(JSON.parse(dataflowSchemaJson(weatherDataset().schema)))).toEqual(['BigQuery Schema']);
  });
});
