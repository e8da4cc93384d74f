/**
 * The HTTP surface of the ingest service (what Cloud Run runs):
 *   POST /         a CloudEvent from Eventarc (Cloud Build finished) → the catalog's after-deploy datasets
 *   POST /ingest   {"dataset": "<name>"} from Cloud Scheduler or a person
 *   GET  /healthz  liveness
 *
 * Status codes are chosen for Pub/Sub push semantics: any non-2xx is redelivered. A failure a retry can fix
 * (network, 5xx, a lost race) answers 500; one it cannot (bad rows, a refused source) is logged as an error and
 * answered 200, so the same broken file is not fetched again every few seconds for a week.
 * Exactly-once does not depend on any of this: redeliveries find the staged content and adopt the load job.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Catalog, DatasetSpec } from '../ingest/dataset.js';
import type { IngestReport } from '../ingest/report.js';
import { UserError, messageOf } from '../errors.js';
import type { CloudEventV1 } from 'cloudevents';
import { BadEventError, decide, toCloudEvent } from './build-event.js';
import type { StructuredLog } from './log.js';


export interface ServiceDeps {
  catalog: Catalog;
  environment: string;
  ingest(dataset: DatasetSpec, labels: Record<string, string>): Promise<IngestReport>;
  log: StructuredLog;
}

export interface IngestService {
  server: Server;
  /** Stop accepting, let every in-flight ingest finish, then resolve. */
  drain(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body?: unknown, closeConnection = false): void {
  // While draining, close keep-alive connections after their last response so server.close() can finish.
  if (closeConnection) res.setHeader('connection', 'close');
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}

function reportBody(report: IngestReport): Record<string, unknown> {
  return {
    dataset: report.dataset,
    rows: report.rows,
    bad_rows: report.badRows,
    bytes: report.bytes,
    sha256: report.sha256,
    staged_now: report.stagedNow,
    object_uri: report.objectUri ?? null,
    load: report.load,
  };
}

export function createIngestService(deps: ServiceDeps): IngestService {
  const inFlight = new Set<Promise<unknown>>();
  let draining = false;

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    const done = (): void => void inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  async function ingestMany(datasets: DatasetSpec[], labels: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const results: Record<string, unknown>[] = [];
    let retryable = false;
    for (const dataset of datasets) {
      try {
        results.push({ ...reportBody(await deps.ingest(dataset, labels)), status: 'succeeded' });
      } catch (error) {
        // The pipeline already logged ingest_failed with the details.
        if (!(error instanceof UserError)) retryable = true;
        results.push({ dataset: dataset.name, status: 'failed', error: messageOf(error) });
      }
    }
    return { status: retryable ? 500 : 200, body: { results } };
  }

  async function onEvent(event: CloudEventV1<unknown>): Promise<{ status: number; body?: unknown }> {
    const decision = decide(event, deps.environment);
    if (decision.kind === 'ignore') {
      deps.log({
        severity: 'INFO',
        message: `event ${event.id} (${event.type}) ignored: ${decision.reason}`,
        event: 'event_ignored',
        ce_id: event.id,
        ce_type: event.type,
        reason: decision.reason,
      });
      return { status: 204 };
    }
    const datasets = deps.catalog.datasets.filter((d) => d.runsOn.includes('after-deploy'));
    deps.log({
      severity: 'INFO',
      message: `build ${decision.build.id ?? '?'} succeeded in ${deps.environment}: ingesting ${datasets.map((d) => d.name).join(', ') || 'nothing (no after-deploy datasets)'}`,
      event: 'event_accepted',
      ce_id: event.id,
      build_id: decision.build.id ?? null,
      datasets: datasets.map((d) => d.name),
    });
    return ingestMany(datasets, { trigger: 'after-deploy', ...(decision.build.id ? { build_id: decision.build.id } : {}) });
  }

  /**
   * Pub/Sub delivers at least once, and a redelivery can arrive while the first delivery is still ingesting.
   * Every copy of an event (same source and id) that arrives meanwhile gets the first one's answer instead of
   * running the same ingests again: the pipeline's idempotency would make them stage and load nothing, but not
   * before each had downloaded, validated and uploaded the whole source.
   */
  const eventsInFlight = new Map<string, Promise<{ status: number; body?: unknown }>>();

  function onEventOnce(req: IncomingMessage, body: string): Promise<{ status: number; body?: unknown }> {
    const event = toCloudEvent(req.headers, body);
    const key = `${event.source}\n${event.id}`;
    const running = eventsInFlight.get(key);
    if (running) {
      deps.log({ severity: 'INFO', message: `event ${event.id} is already being handled: answering with its result`, event: 'event_joined', ce_id: event.id });
      return running;
    }
    const work = onEvent(event).finally(() => eventsInFlight.delete(key));
    eventsInFlight.set(key, work);
    return work;
  }

  async function onIngest(body: string): Promise<{ status: number; body?: unknown }> {
    let name: unknown;
    try {
      name = (JSON.parse(body) as { dataset?: unknown }).dataset;
    } catch {
      throw new HttpError(400, 'expected a JSON body {"dataset": "<name>"}');
    }
    if (typeof name !== 'string' || !name) throw new HttpError(400, 'expected a JSON body {"dataset": "<name>"}');
    const dataset = deps.catalog.datasets.find((d) => d.name === name);
    if (!dataset) {
      throw new HttpError(404, `dataset "${name}" is not in ${deps.catalog.file}; known: ${deps.catalog.datasets.map((d) => d.name).join(', ')}`);
    }
    try {
      return { status: 200, body: reportBody(await deps.ingest(dataset, { trigger: 'request' })) };
    } catch (error) {
      return { status: error instanceof UserError ? 422 : 500, body: { dataset: dataset.name, error: messageOf(error) } };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return send(res, draining ? 503 : 200, { status: draining ? 'draining' : 'ok' });
    if (req.method !== 'POST' || (path !== '/' && path !== '/ingest')) return send(res, 404, { error: `no route for ${req.method} ${path}` });
    if (draining) return send(res, 503, { error: 'shutting down' });
    const result = await track(
      (async () => {
        const body = await readBody(req);
        return path === '/' ? onEventOnce(req, body) : onIngest(body);
      })(),
    );
    send(res, result.status, result.body, draining);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof BadEventError ? 400 : 500;
      deps.log({
        severity: status >= 500 ? 'ERROR' : 'WARNING',
        message: `${req.method} ${req.url}: ${messageOf(error)}`,
        event: 'request_failed',
        status,
      });
      if (!res.headersSent) send(res, status, { error: messageOf(error) }, draining);
      else res.destroy();
    });
  });

  return {
    server,
    async drain() {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      server.closeIdleConnections();
      await closed;
    },
  };
}
