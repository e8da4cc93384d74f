/**
 * A loopback BigQuery JSON API (v2) server that the real @google-cloud/bigquery client talks to. Load jobs
 * really execute: the source CSV is read from the loopback GCS server, parsed, type-checked against the table
 * schema and stored in memory, so tests assert on rows, not on calls. Jobs move PENDING → RUNNING → DONE one
 * step per jobs.get, which lets concurrent pollers observe a running job without any timing.
 *
 * Faults are injectable (`failRequests`, `failJob`) and every request is logged (`requests`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { executeCsvLoad, type LoadError, type LoadOptions, type SchemaField, type StoredRow } from './bigquery/load.js';
import { parseQuery } from './bigquery/sql.js';
import { microsToIso, normalizeType } from './bigquery/values.js';

/** What the server needs from the loopback GCS server (test/servers/gcs.ts satisfies it). */
export interface GcsObjectSource {
  getObject(bucket: string, name: string): { data: Buffer } | undefined;
}

export interface BigQueryServerOptions {
  gcs?: GcsObjectSource;
  projectId?: string;
  /** jobs.get calls before a job is DONE (default 2: the first shows RUNNING). */
  getsUntilDone?: number;
}

export interface LoggedRequest {
  method: string;
  /** Path without the /bigquery/v2 prefix, e.g. /projects/p/jobs. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface RequestFault {
  method?: string;
  path?: RegExp;
  status?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Handle the request first, then answer with the error: the client sees a failure although it took effect. */
  afterHandling?: boolean;
}

interface Table {
  schema: { fields: SchemaField[] };
  timePartitioning?: unknown;
  clustering?: { fields: string[] };
  labels?: Record<string, string>;
  rows: StoredRow[];
  creationTime: string;
  lastModifiedTime: string;
}

/** A job resource as tests read it. */
export interface JobView {
  jobReference: { projectId: string; jobId: string; location: string };
  configuration: { load: Record<string, unknown> & { writeDisposition?: string }; labels?: Record<string, string> };
  status: { state: string; errorResult?: LoadError; errors?: LoadError[] };
  statistics: Record<string, unknown>;
}

interface Job {
  resource: Record<string, unknown> & { status: { state: string; errorResult?: LoadError; errors?: LoadError[] } };
  gets: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

const STATUS_NAMES: Record<number, string> = { 400: 'INVALID_ARGUMENT', 404: 'NOT_FOUND', 409: 'ALREADY_EXISTS', 500: 'INTERNAL', 503: 'UNAVAILABLE' };

export async function startBigQueryServer(options: BigQueryServerOptions = {}) {
  const defaultProject = options.projectId ?? 'test-project';
  const getsUntilDone = options.getsUntilDone ?? 2;
  const datasets = new Map<string, { location: string; labels?: Record<string, string> }>();
  const tables = new Map<string, Table>();
  const jobs = new Map<string, Job>();
  const queryResults = new Map<string, Record<string, unknown>>();
  const requests: LoggedRequest[] = [];
  const requestFaults: (RequestFault & { remaining: number })[] = [];
  const jobFaults: { match: string | RegExp; error: LoadError }[] = [];
  let jobsExecuted = 0;
  // Strictly increasing milliseconds: a table written by a later job always has lastModifiedTime > the earlier
  // job's endTime, even within one millisecond (which is what BigQuery guarantees in real time).
  let lastTick = 0;
  const clock = () => (lastTick = Math.max(Date.now(), lastTick + 1));

  const tableKey = (d: string, t: string) => `${d}.${t}`;
  const getTable = (p: string, d: string, t: string): Table => {
    if (!datasets.has(d)) throw new HttpError(404, `Not found: Dataset ${p}:${d}`, 'notFound');
    const table = tables.get(tableKey(d, t));
    if (!table) throw new HttpError(404, `Not found: Table ${p}:${d}.${t}`, 'notFound');
    return table;
  };

  function tableResource(p: string, d: string, t: string, table: Table) {
    return {
      kind: 'bigquery#table',
      id: `${p}:${d}.${t}`,
      tableReference: { projectId: p, datasetId: d, tableId: t },
      type: 'TABLE',
      schema: table.schema,
      ...(table.timePartitioning ? { timePartitioning: table.timePartitioning } : {}),
      ...(table.clustering ? { clustering: table.clustering } : {}),
      ...(table.labels ? { labels: table.labels } : {}),
      numRows: String(table.rows.length),
      creationTime: table.creationTime,
      lastModifiedTime: table.lastModifiedTime,
      location: datasets.get(d)?.location,
    };
  }

  function insertJob(p: string, body: Record<string, unknown>) {
    const ref = (body.jobReference ?? {}) as { jobId?: string; location?: string };
    const jobId = ref.jobId ?? `job_${jobs.size + 1}`;
    const load = (body.configuration as { load?: Record<string, unknown> } | undefined)?.load;
    if (!load) throw new HttpError(400, 'Only load jobs are supported by this test server.', 'invalid');
    const dest = load.destinationTable as { datasetId: string; tableId: string } | undefined;
    if (!dest) throw new HttpError(400, 'Load configuration must specify destinationTable.', 'invalid');
    const location = ref.location ?? datasets.get(dest.datasetId)?.location ?? 'US';
    if (jobs.has(jobId)) {
      const msg = `Already Exists: Job ${p}:${location}.${jobId}`;
      throw new HttpError(409, msg, 'duplicate');
    }
    const now = String(Date.now());
    const resource = {
      kind: 'bigquery#job',
      id: `${p}:${location}.${jobId}`,
      selfLink: `/projects/${p}/jobs/${jobId}?location=${location}`,
      jobReference: { projectId: p, jobId, location },
      configuration: { ...(body.configuration as object), jobType: 'LOAD' },
      status: { state: 'PENDING' },
      statistics: { creationTime: now },
      user_email: 'loopback@test',
    };
    jobs.set(jobId, { resource, gets: 0 });
    return resource;
  }

  /** Advance one state per jobs.get; the load runs at the RUNNING → DONE step. */
  function advance(job: Job) {
    job.gets += 1;
    const status = job.resource.status;
    if (status.state === 'DONE') return;
    if (job.gets < getsUntilDone) {
      status.state = 'RUNNING';
      (job.resource.statistics as Record<string, unknown>).startTime = String(Date.now());
      return;
    }
    const outcome = runLoad(job);
    const stats = job.resource.statistics as Record<string, unknown>;
    stats.startTime ??= String(Date.now());
    stats.endTime = String(clock());
    if ('errors' in outcome) {
      status.errorResult = outcome.errors[0] as LoadError;
      status.errors = outcome.errors;
    } else {
      stats.load = { inputFiles: '1', inputFileBytes: String(outcome.bytes), outputRows: String(outcome.rows), badRecords: '0', outputBytes: '0' };
    }
    status.state = 'DONE';
  }

  function runLoad(job: Job): { rows: number; bytes: number } | { errors: LoadError[] } {
    jobsExecuted += 1;
    const jobId = (job.resource.jobReference as { jobId: string }).jobId;
    const fault = jobFaults.find((f) => (typeof f.match === 'string' ? f.match === jobId : f.match.test(jobId)));
    if (fault) return { errors: [fault.error] };
    const load = (job.resource.configuration as { load: Record<string, unknown> }).load;
    const dest = load.destinationTable as { projectId?: string; datasetId: string; tableId: string };
    const uris = (load.sourceUris ?? []) as string[];
    if (uris.length !== 1) return { errors: [{ reason: 'invalid', message: 'This test server loads exactly one source URI.' }] };
    const uri = uris[0] as string;
    const m = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri);
    const object = m && options.gcs?.getObject(m[1] as string, m[2] as string);
    if (!object) return { errors: [{ reason: 'notFound', location: uri, message: `Not found: URI ${uri}` }] };
    if (!datasets.has(dest.datasetId)) return { errors: [{ reason: 'notFound', message: `Not found: Dataset ${defaultProject}:${dest.datasetId}` }] };
    let table = tables.get(tableKey(dest.datasetId, dest.tableId));
    const schema = (load.schema as { fields: SchemaField[] } | undefined) ?? table?.schema;
    if (!table && load.createDisposition === 'CREATE_NEVER') {
      return { errors: [{ reason: 'notFound', message: `Not found: Table ${defaultProject}:${dest.datasetId}.${dest.tableId}` }] };
    }
    if (!schema) return { errors: [{ reason: 'invalid', message: 'No schema specified on job or table.' }] };
    const result = executeCsvLoad(object.data, schema.fields, load as LoadOptions, uri);
    if ('errors' in result) return result;
    if (!table) {
      table = { schema, rows: [], creationTime: String(Date.now()), lastModifiedTime: String(Date.now()) };
      tables.set(tableKey(dest.datasetId, dest.tableId), table);
    }
    if (load.writeDisposition === 'WRITE_TRUNCATE') {
      table.rows = [];
      table.schema = schema;
    } else if (load.writeDisposition === 'WRITE_EMPTY' && table.rows.length > 0) {
      return { errors: [{ reason: 'duplicate', message: `Already Exists: Table ${dest.datasetId}.${dest.tableId}` }] };
    } else if (!sameFields(table.schema.fields, schema.fields)) {
      return { errors: [{ reason: 'invalid', message: `Provided Schema does not match Table ${dest.datasetId}.${dest.tableId}.` }] };
    }
    table.rows.push(...result.rows);
    table.lastModifiedTime = String(clock());
    return { rows: result.rows.length, bytes: object.data.length };
  }

  function runQuery(p: string, body: { query?: string; location?: string }) {
    const q = parseQuery(body.query ?? '');
    if (!q) throw new HttpError(400, `This test server does not understand the query: ${body.query}`, 'invalidQuery');
    const table = getTable(p, q.table.datasetId, q.table.tableId);
    const jobId = `query_${queryResults.size + 1}`;
    let schema: { fields: SchemaField[] };
    let rows: StoredRow[];
    if (q.kind === 'count') {
      schema = { fields: [{ name: q.alias, type: 'INTEGER', mode: 'NULLABLE' }] };
      rows = [[String(table.rows.length)]];
    } else {
      schema = table.schema;
      rows = [...table.rows];
      if (q.orderBy) {
        const i = schema.fields.findIndex((f) => f.name.toLowerCase() === q.orderBy?.toLowerCase());
        if (i < 0) throw new HttpError(400, `Unrecognized name: ${q.orderBy}`, 'invalidQuery');
        rows.sort((a, b) => compareCells(a[i] ?? null, b[i] ?? null, schema.fields[i]?.type ?? 'STRING'));
      }
    }
    const result = {
      kind: 'bigquery#queryResponse',
      schema,
      jobReference: { projectId: p, jobId, location: body.location ?? 'US' },
      totalRows: String(rows.length),
      rows: rows.map((r) => ({ f: r.map((v) => ({ v })) })),
      jobComplete: true,
      cacheHit: false,
    };
    queryResults.set(jobId, result);
    return result;
  }

  async function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>) {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'projects' || !parts[1]) throw new HttpError(404, `Not found: ${path}`, 'notFound');
    const p = parts[1];
    const [, , kind, id, sub, subId, leaf] = parts;
    if (kind === 'datasets') {
      if (method === 'POST' && !id) {
        const ref = body.datasetReference as { datasetId: string };
        if (datasets.has(ref.datasetId)) throw new HttpError(409, `Already Exists: Dataset ${p}:${ref.datasetId}`, 'duplicate');
        datasets.set(ref.datasetId, { location: (body.location as string | undefined) ?? 'US', labels: body.labels as Record<string, string> });
        return datasetResource(p, ref.datasetId);
      }
      if (!id) throw new HttpError(404, `Not found: ${path}`, 'notFound');
      if (method === 'GET' && !sub) {
        if (!datasets.has(id)) throw new HttpError(404, `Not found: Dataset ${p}:${id}`, 'notFound');
        return datasetResource(p, id);
      }
      if (sub === 'tables' && method === 'POST' && !subId) {
        if (!datasets.has(id)) throw new HttpError(404, `Not found: Dataset ${p}:${id}`, 'notFound');
        const ref = body.tableReference as { tableId: string };
        if (tables.has(tableKey(id, ref.tableId))) throw new HttpError(409, `Already Exists: Table ${p}:${id}.${ref.tableId}`, 'duplicate');
        const table: Table = {
          schema: (body.schema as Table['schema'] | undefined) ?? { fields: [] },
          timePartitioning: body.timePartitioning,
          clustering: body.clustering as Table['clustering'],
          labels: body.labels as Record<string, string>,
          rows: [],
          creationTime: String(Date.now()),
          lastModifiedTime: String(Date.now()),
        };
        tables.set(tableKey(id, ref.tableId), table);
        return tableResource(p, id, ref.tableId, table);
      }
      if (sub === 'tables' && subId && method === 'GET' && !leaf) return tableResource(p, id, subId, getTable(p, id, subId));
      if (sub === 'tables' && subId && method === 'GET' && leaf === 'data') {
        const table = getTable(p, id, subId);
        const start = Number(query.pageToken ?? query.startIndex ?? '0');
        const max = Number(query.maxResults ?? '1000');
        const micros = query['formatOptions.useInt64Timestamp'] === 'true';
        const page = table.rows.slice(start, start + max).map((r) => ({ f: r.map((v, i) => ({ v: wireValue(v, table.schema.fields[i]?.type, micros) })) }));
        return {
          kind: 'bigquery#tableDataList',
          totalRows: String(table.rows.length),
          rows: page,
          ...(start + max < table.rows.length ? { pageToken: String(start + max) } : {}),
        };
      }
    }
    if (kind === 'jobs') {
      if (method === 'POST' && !id) return insertJob(p, body);
      if (method === 'GET' && id) {
        const job = jobs.get(id);
        const location = (job?.resource.jobReference as { location?: string } | undefined)?.location;
        if (!job || (query.location && location && query.location.toLowerCase() !== location.toLowerCase())) {
          throw new HttpError(404, `Not found: Job ${p}:${query.location ?? 'US'}.${id}`, 'notFound');
        }
        advance(job);
        return job.resource;
      }
    }
    if (kind === 'queries') {
      if (method === 'POST' && !id) return runQuery(p, body as { query?: string; location?: string });
      const result = id ? queryResults.get(id) : undefined;
      if (method === 'GET' && result) return result;
    }
    throw new HttpError(404, `Not found: ${method} ${path}`, 'notFound');
  }

  function datasetResource(p: string, d: string) {
    const ds = datasets.get(d);
    return { kind: 'bigquery#dataset', id: `${p}:${d}`, datasetReference: { projectId: p, datasetId: d }, location: ds?.location, labels: ds?.labels };
  }

  function takeFault(method: string, path: string) {
    const fault = requestFaults.find((f) => f.remaining > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)));
    if (fault) fault.remaining -= 1;
    return fault;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://loopback');
      const path = url.pathname.replace(/^\/bigquery\/v2(?=\/)/, '');
      const method = req.method ?? 'GET';
      const query = Object.fromEntries(url.searchParams);
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      const entry: LoggedRequest = { method, path, query, body: undefined, status: 0 };
      requests.push(entry);
      const send = (status: number, payload: unknown) => {
        entry.status = status;
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
        res.end(JSON.stringify(payload));
      };
      const sendError = (status: number, message: string, reason: string) =>
        send(status, { error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: STATUS_NAMES[status] ?? 'UNKNOWN' } });
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        entry.body = raw ? body : undefined;
      } catch {
        sendError(400, 'Invalid JSON payload received.', 'parseError');
        return;
      }
      const fault = takeFault(method, path);
      if (fault && !fault.afterHandling) {
        sendError(fault.status ?? 503, 'Service is temporarily unavailable (injected).', 'backendError');
        return;
      }
      route(method, path, query, body).then(
        (payload) => (fault ? sendError(fault.status ?? 503, 'Service is temporarily unavailable (injected).', 'backendError') : send(200, payload)),
        (err: unknown) => (err instanceof HttpError ? sendError(err.status, err.message, err.reason) : sendError(500, String(err), 'internalError')),
      );
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    projectId: defaultProject,
    /** Every request so far, in arrival order. */
    requests,
    /** Number of logged requests matching method and path. */
    count(method: string, path: RegExp): number {
      return requests.filter((r) => r.method === method && path.test(r.path)).length;
    },
    /** Load jobs that actually ran (reached DONE through a load, successful or not). */
    get jobsExecuted() {
      return jobsExecuted;
    },
    failRequests(fault: RequestFault) {
      requestFaults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    /** The job(s) with this id (or matching this pattern) finish DONE with this error instead of loading. */
    failJob(match: string | RegExp, error: Partial<LoadError> = {}) {
      jobFaults.push({ match, error: { reason: error.reason ?? 'backendError', message: error.message ?? 'Backend error (injected).', ...(error.location ? { location: error.location } : {}) } });
    },
    job(jobId: string): JobView | undefined {
      return jobs.get(jobId)?.resource as unknown as JobView | undefined;
    },
    jobIds(): string[] {
      return [...jobs.keys()];
    },
    dataset(datasetId: string) {
      return datasets.get(datasetId);
    },
    table(datasetId: string, tableId: string) {
      const t = tables.get(tableKey(datasetId, tableId));
      return t && { schema: t.schema, timePartitioning: t.timePartitioning, clustering: t.clustering };
    },
    /** Stored rows as objects; TIMESTAMP as ISO strings, every other value in its canonical string form. */
    rows(datasetId: string, tableId: string): Record<string, string | null>[] {
      const t = tables.get(tableKey(datasetId, tableId));
      if (!t) throw new Error(`no table ${datasetId}.${tableId} on the loopback BigQuery server`);
      return t.rows.map((r) =>
        Object.fromEntries(t.schema.fields.map((f, i) => [f.name, r[i] === null || r[i] === undefined ? null : normalizeType(f.type) === 'TIMESTAMP' ? microsToIso(r[i] as string) : (r[i] as string)])),
      );
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export type BigQueryServer = Awaited<ReturnType<typeof startBigQueryServer>>;

function sameFields(a: SchemaField[], b: SchemaField[]) {
  return a.length === b.length && a.every((f, i) => f.name.toLowerCase() === b[i]?.name.toLowerCase() && normalizeType(f.type) === normalizeType(b[i]?.type ?? ''));
}

/** tabledata.list sends TIMESTAMP as int64 micros when asked, else as float seconds; everything else as stored. */
function wireValue(v: string | null, type: string | undefined, micros: boolean): string | null {
  if (v === null || normalizeType(type ?? 'STRING') !== 'TIMESTAMP' || micros) return v;
  return String(Number(BigInt(v)) / 1e6);
}

function compareCells(a: string | null, b: string | null, type: string) {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const t = normalizeType(type);
  if (t === 'INTEGER' || t === 'TIMESTAMP') return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
  if (t === 'FLOAT' || t === 'NUMERIC') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
