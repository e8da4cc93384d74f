/**
 * A loopback BigQuery JSON API (v2) server that the real @google-cloud/bigquery client talks to. Load jobs
 * really execute: the source CSV is read from the loopback GCS server, parsed, type-checked against the table
 * schema and stored in memory, so tests assert on rows, not on calls. Jobs move PENDING → RUNNING → DONE one
 * step per jobs.get, which lets concurrent pollers observe a running job without any timing.
 *
 * Routes: datasets get/insert; tables get/insert (schema, timePartitioning, clustering); tabledata.list;
 * jobs insert (409 on a taken id) / get; jobs.query and getQueryResults for SELECT * and COUNT(*). Paths are
 * accepted with and without the /bigquery/v2 prefix (the client drops it when it reads BIGQUERY_EMULATOR_HOST
 * itself). Faults are injectable (`failRequests`, `failJob`) and every request is logged (`requests`).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LoadJobs, type GcsObjectSource, type JobView } from './bigquery/jobs.js';
import type { LoadError } from './bigquery/load.js';
import { runQuery } from './bigquery/sql.js';
import { HttpError, ServerState, type Table } from './bigquery/state.js';
import { microsToIso, normalizeType } from './bigquery/values.js';

export type { GcsObjectSource, JobView };

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
  headers: IncomingHttpHeaders;
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

const STATUS_NAMES: Record<number, string> = { 400: 'INVALID_ARGUMENT', 404: 'NOT_FOUND', 409: 'ALREADY_EXISTS', 500: 'INTERNAL', 503: 'UNAVAILABLE' };

export async function startBigQueryServer(options: BigQueryServerOptions = {}) {
  const state = new ServerState(options.projectId ?? 'test-project');
  const jobs = new LoadJobs(state, options.gcs, options.getsUntilDone ?? 2);
  const queryResults = new Map<string, unknown>();
  const requests: LoggedRequest[] = [];
  const requestFaults: (RequestFault & { remaining: number })[] = [];

  function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>): unknown {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const [root, p, kind, id, sub, subId, leaf] = parts;
    if (root !== 'projects' || !p) throw new HttpError(404, `Not found: ${path}`, 'notFound');
    if (kind === 'datasets' && method === 'POST' && !id) {
      const { datasetId } = body.datasetReference as { datasetId: string };
      if (state.datasets.has(datasetId)) throw new HttpError(409, `Already Exists: Dataset ${p}:${datasetId}`, 'duplicate');
      state.datasets.set(datasetId, { location: (body.location as string | undefined) ?? 'US', labels: body.labels as Record<string, string> });
      return state.datasetResource(p, datasetId);
    }
    if (kind === 'datasets' && id && method === 'GET' && !sub) {
      state.requireDataset(p, id);
      return state.datasetResource(p, id);
    }
    if (kind === 'datasets' && id && sub === 'tables' && method === 'POST' && !subId) {
      state.requireDataset(p, id);
      const { tableId } = body.tableReference as { tableId: string };
      if (state.table(id, tableId)) throw new HttpError(409, `Already Exists: Table ${p}:${id}.${tableId}`, 'duplicate');
      const table = state.newTable({
        schema: (body.schema as Table['schema'] | undefined) ?? { fields: [] },
        timePartitioning: body.timePartitioning,
        clustering: body.clustering as Table['clustering'],
        labels: body.labels as Record<string, string>,
      });
      state.setTable(id, tableId, table);
      return state.tableResource(p, id, tableId, table);
    }
    if (kind === 'datasets' && id && sub === 'tables' && subId && method === 'GET') {
      const table = state.requireTable(p, id, subId);
      if (!leaf) return state.tableResource(p, id, subId, table);
      if (leaf === 'data') return state.tableData(table, query);
    }
    if (kind === 'jobs' && method === 'POST' && !id) return jobs.insert(p, body);
    if (kind === 'jobs' && method === 'GET' && id) return jobs.get(p, id, query.location);
    if (kind === 'queries' && method === 'POST' && !id) {
      const jobId = `query_${queryResults.size + 1}`;
      const result = runQuery(state, p, body as { query?: string; location?: string }, jobId);
      queryResults.set(jobId, result);
      return result;
    }
    if (kind === 'queries' && method === 'GET' && id && queryResults.has(id)) return queryResults.get(id);
    throw new HttpError(404, `Not found: ${method} ${path}`, 'notFound');
  }

  function takeFault(method: string, path: string) {
    const fault = requestFaults.find((f) => f.remaining > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)));
    if (fault) fault.remaining -= 1;
    return fault;
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', 'http://loopback');
    const path = url.pathname.replace(/^\/bigquery\/v2(?=\/)/, '');
    const method = req.method ?? 'GET';
    const query = Object.fromEntries(url.searchParams);
    const entry: LoggedRequest = { method, path, query, headers: req.headers, body: undefined, status: 0 };
    requests.push(entry);
    const send = (status: number, payload: unknown) => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify(payload));
    };
    const sendError = (status: number, message: string, reason: string) =>
      send(status, { error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: STATUS_NAMES[status] ?? 'UNKNOWN' } });
    const injected = () => sendError(fault?.status ?? 503, 'Service is temporarily unavailable (injected).', 'backendError');

    let body: Record<string, unknown>;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      entry.body = raw ? body : undefined;
    } catch {
      return sendError(400, 'Invalid JSON payload received.', 'parseError');
    }
    const fault = takeFault(method, path);
    if (fault && !fault.afterHandling) return injected();
    try {
      const payload = route(method, path, query, body);
      return fault ? injected() : send(200, payload);
    } catch (err) {
      return err instanceof HttpError ? sendError(err.status, err.message, err.reason) : sendError(500, String(err), 'internalError');
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    /** http://127.0.0.1:<port> — the value for BIGQUERY_EMULATOR_HOST. */
    url: `http://127.0.0.1:${port}`,
    port,
    projectId: state.projectId,
    /** Every request so far, in arrival order. */
    requests,
    /** Number of logged requests matching method and path. */
    count(method: string, path: RegExp): number {
      return requests.filter((r) => r.method === method && path.test(r.path)).length;
    },
    /** Load jobs that actually ran (reached DONE through a load, successful or not). */
    get jobsExecuted() {
      return jobs.executed;
    },
    /** The next matching request(s) answer with an error (503 by default), before or after taking effect. */
    failRequests(fault: RequestFault) {
      requestFaults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    /** The job(s) with this id (or matching this pattern) finish DONE with this error instead of loading. */
    failJob(match: string | RegExp, error: Partial<LoadError> = {}) {
      jobs.fail(match, { reason: error.reason ?? 'backendError', message: error.message ?? 'Backend error (injected).', ...(error.location ? { location: error.location } : {}) });
    },
    job(jobId: string): JobView | undefined {
      return jobs.jobs.get(jobId)?.resource;
    },
    jobIds(): string[] {
      return [...jobs.jobs.keys()];
    },
    dataset(datasetId: string) {
      return state.datasets.get(datasetId);
    },
    table(datasetId: string, tableId: string) {
      const t = state.table(datasetId, tableId);
      return t && { schema: t.schema, timePartitioning: t.timePartitioning, clustering: t.clustering };
    },
    /** Stored rows as objects; TIMESTAMP as ISO strings, every other value in its canonical string form. */
    rows(datasetId: string, tableId: string): Record<string, string | null>[] {
      const t = state.table(datasetId, tableId);
      if (!t) throw new Error(`no table ${datasetId}.${tableId} on the loopback BigQuery server`);
      const show = (v: string | null | undefined, type: string) => (v === null || v === undefined ? null : normalizeType(type) === 'TIMESTAMP' ? microsToIso(v) : v);
      return t.rows.map((r) => Object.fromEntries(t.schema.fields.map((f, i) => [f.name, show(r[i], f.type)])));
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
