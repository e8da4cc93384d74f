/**
 * Load jobs of the loopback BigQuery server: insert (409 on a taken job id), and a lifecycle that moves one
 * step per jobs.get — PENDING → RUNNING → DONE — running the load at the last step, so pollers see a job in
 * flight without any timing. Injected job faults make a chosen job finish with an error instead.
 */
import { executeCsvLoad, type LoadError, type LoadOptions, type SchemaField } from './load.js';
import { HttpError, sameFields, type ServerState } from './state.js';

/** What the server needs from the loopback GCS server (test/servers/gcs.ts satisfies it). */
export interface GcsObjectSource {
  getObject(bucket: string, name: string): { data: Buffer } | undefined;
}

/** A job resource as tests read it. */
export interface JobView {
  jobReference: { projectId: string; jobId: string; location: string };
  configuration: { load: Record<string, unknown> & { writeDisposition?: string }; labels?: Record<string, string> };
  status: { state: string; errorResult?: LoadError; errors?: LoadError[] };
  statistics: Record<string, unknown>;
}

interface Job {
  resource: JobView & Record<string, unknown>;
  gets: number;
}

type LoadConfig = Record<string, unknown> & LoadOptions & {
  destinationTable?: { projectId?: string; datasetId: string; tableId: string };
  sourceUris?: string[];
  schema?: { fields: SchemaField[] };
  createDisposition?: string;
  writeDisposition?: string;
};

export class LoadJobs {
  readonly jobs = new Map<string, Job>();
  private readonly faults: { match: string | RegExp; error: LoadError }[] = [];
  /** Loads that actually ran (reached DONE through a load, successful or not). */
  executed = 0;

  constructor(
    private readonly state: ServerState,
    private readonly gcs: GcsObjectSource | undefined,
    private readonly getsUntilDone: number,
  ) {}

  fail(match: string | RegExp, error: LoadError): void {
    this.faults.push({ match, error });
  }

  insert(p: string, body: Record<string, unknown>): JobView {
    const ref = (body.jobReference ?? {}) as { jobId?: string; location?: string };
    const jobId = ref.jobId ?? `job_${this.jobs.size + 1}`;
    const load = (body.configuration as { load?: LoadConfig } | undefined)?.load;
    if (!load) throw new HttpError(400, 'Only load jobs are supported by this test server.', 'invalid');
    if (!load.destinationTable) throw new HttpError(400, 'Load configuration must specify destinationTable.', 'invalid');
    const location = ref.location ?? this.state.datasets.get(load.destinationTable.datasetId)?.location ?? 'US';
    if (this.jobs.has(jobId)) throw new HttpError(409, `Already Exists: Job ${p}:${location}.${jobId}`, 'duplicate');
    const resource = {
      kind: 'bigquery#job',
      id: `${p}:${location}.${jobId}`,
      selfLink: `/projects/${p}/jobs/${jobId}?location=${location}`,
      jobReference: { projectId: p, jobId, location },
      configuration: { ...(body.configuration as JobView['configuration']), jobType: 'LOAD' },
      status: { state: 'PENDING' },
      statistics: { creationTime: String(Date.now()) },
      user_email: 'loopback@test',
    };
    this.jobs.set(jobId, { resource, gets: 0 });
    return resource;
  }

  /** jobs.get: a job is found only in its own location (when the caller names one), as in BigQuery. */
  get(p: string, jobId: string, location: string | undefined): JobView {
    const job = this.jobs.get(jobId);
    const actual = job?.resource.jobReference.location;
    if (!job || (location && actual && location.toLowerCase() !== actual.toLowerCase())) {
      throw new HttpError(404, `Not found: Job ${p}:${location ?? 'US'}.${jobId}`, 'notFound');
    }
    this.advance(job);
    return job.resource;
  }

  private advance(job: Job): void {
    job.gets += 1;
    const { status, statistics } = job.resource;
    if (status.state === 'DONE') return;
    if (job.gets < this.getsUntilDone) {
      status.state = 'RUNNING';
      statistics.startTime = String(Date.now());
      return;
    }
    const outcome = this.run(job);
    statistics.startTime ??= String(Date.now());
    statistics.endTime = String(this.state.clock());
    if ('errors' in outcome) {
      status.errorResult = outcome.errors[0] as LoadError;
      status.errors = outcome.errors;
    } else {
      statistics.load = { inputFiles: '1', inputFileBytes: String(outcome.bytes), outputRows: String(outcome.rows), badRecords: '0', outputBytes: '0' };
    }
    status.state = 'DONE';
  }

  private run(job: Job): { rows: number; bytes: number } | { errors: LoadError[] } {
    this.executed += 1;
    const jobId = job.resource.jobReference.jobId;
    const fault = this.faults.find((f) => (typeof f.match === 'string' ? f.match === jobId : f.match.test(jobId)));
    if (fault) return { errors: [fault.error] };
    const p = this.state.projectId;
    const load = job.resource.configuration.load as LoadConfig;
    const dest = load.destinationTable as NonNullable<LoadConfig['destinationTable']>;
    const uris = load.sourceUris ?? [];
    if (uris.length !== 1) return { errors: [{ reason: 'invalid', message: 'This test server loads exactly one source URI.' }] };
    const uri = uris[0] as string;
    const m = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri);
    const object = m && this.gcs?.getObject(m[1] as string, m[2] as string);
    if (!object) return { errors: [{ reason: 'notFound', location: uri, message: `Not found: URI ${uri}` }] };
    if (!this.state.datasets.has(dest.datasetId)) return { errors: [{ reason: 'notFound', message: `Not found: Dataset ${p}:${dest.datasetId}` }] };
    let table = this.state.table(dest.datasetId, dest.tableId);
    const schema = load.schema ?? table?.schema;
    if (!table && load.createDisposition === 'CREATE_NEVER') {
      return { errors: [{ reason: 'notFound', message: `Not found: Table ${p}:${dest.datasetId}.${dest.tableId}` }] };
    }
    if (!schema) return { errors: [{ reason: 'invalid', message: 'No schema specified on job or table.' }] };
    const result = executeCsvLoad(object.data, schema.fields, load, uri);
    if ('errors' in result) return result;
    if (!table) {
      table = this.state.newTable({ schema });
      this.state.setTable(dest.datasetId, dest.tableId, table);
    }
    if (load.writeDisposition === 'WRITE_TRUNCATE') {
      table.rows = [];
      table.schema = schema;
    } else if (load.writeDisposition === 'WRITE_EMPTY' && table.rows.length > 0) {
      return { errors: [{ reason: 'duplicate', message: `Already Exists: Table ${dest.datasetId}.${dest.tableId}` }] };
    } else if (!sameFields(table.schema.fields, schema.fields)) {
      return { errors: [{ reason: 'invalid', message: `Provided Schema does not match Table ${dest.datasetId}.${dest.tableId}.` }] };
    }
    for (const row of result.rows) table.rows.push(row); // not push(...rows): a 300k-row load overflowed the stack
    table.lastModifiedTime = String(this.state.clock());
    return { rows: result.rows.length, bytes: object.data.length };
  }
}
