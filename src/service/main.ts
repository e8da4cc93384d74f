/**
 * Start the ingest service: configuration from the environment, the catalog read once (a bad catalog fails the
 * revision at start, not at the first event), one target opened and shared by every request, and a graceful
 * SIGTERM: stop accepting, let the in-flight ingests (and their uploads) finish, exit 0.
 */
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { loadCatalog } from '../ingest/catalog.js';
import { DEFAULT_FETCH, runIngest } from '../ingest/pipeline.js';
import { openTarget } from '../ingest/targets.js';
import { readServiceConfig } from './config.js';
import { createIngestService } from './server.js';
import { jsonLineLogger } from './log.js';
import { messageOf } from '../errors.js';
import { keepYoungGenerationSmall } from '../runtime/young-generation.js';

/**
 * Cloud Run's /tmp is memory (the module's default instance has 512 MiB): a rerun of an unchanged-looking
 * source keeps its clean copy there only up to this size, and uploads larger ones while validating instead.
 */
const SPOOL_LIMIT_BYTES = 64 * 1024 * 1024;

export interface RunningService {
  port: number;
  /** Drain and close everything (what SIGTERM does). */
  stop(): Promise<void>;
}

export async function startService(env: NodeJS.ProcessEnv, write: (line: string) => void): Promise<RunningService> {
  keepYoungGenerationSmall();
  const log = jsonLineLogger(write);
  const config = readServiceConfig(env);
  const catalog = await loadCatalog(config.catalog);
  const target = await openTarget({
    target: config.target,
    bucket: config.bucket,
    ...(config.projectId ? { projectId: config.projectId } : {}),
    ...(config.location ? { location: config.location } : {}),
    ...(config.dataflowRegion ? { dataflowRegion: config.dataflowRegion } : {}),
    ...(config.dataflowServiceAccount ? { dataflowServiceAccount: config.dataflowServiceAccount } : {}),
    env,
    loads: [...new Set(catalog.datasets.map((d) => d.load))],
    dryRun: false,
    names: { bucket: 'BUCKET', projectId: 'PROJECT_ID' },
  });
  const tmpDir = tmpdir();
  const service = createIngestService({
    catalog,
    environment: config.environment,
    log,
    ingest: (dataset, labels) =>
      runIngest({
        dataset,
        ...(target.store ? { store: target.store } : {}),
        ...(target.bucket ? { bucket: target.bucket } : {}),
        ...(target.warehouse ? { warehouse: target.warehouse } : {}),
        ...(target.dataflow ? { dataflow: target.dataflow } : {}),
        ...(config.projectId ? { projectId: config.projectId } : {}),
        fetch: {
          ...DEFAULT_FETCH,
          allowHttp: config.allowPrivateSources,
          allowPrivateAddresses: config.allowPrivateSources,
          ...(target.readGcs ? { readGcs: target.readGcs } : {}),
        },
        dryRun: false,
        log,
        tmpDir,
        spoolLimitBytes: SPOOL_LIMIT_BYTES,
        labels: { environment: config.environment, ...labels },
      }),
  });
  await new Promise<void>((resolvePromise, reject) => {
    service.server.once('error', reject);
    service.server.listen(config.port, () => resolvePromise());
  });
  const port = (service.server.address() as AddressInfo).port;
  log({
    message: `ingest service listening on :${port} (environment ${config.environment}, target ${config.target}, ${catalog.datasets.length} datasets)`,
    event: 'service_started',
    port,
  });
  let stopping: Promise<void> | undefined;
  return {
    port,
    stop() {
      stopping ??= (async () => {
        log({ message: 'shutting down: no new requests, finishing in-flight ingests', event: 'service_stopping' });
        await service.drain();
        await target.close();
        log({ message: 'shut down cleanly', event: 'service_stopped' });
      })();
      return stopping;
    },
  };
}

/** Run until SIGTERM/SIGINT; resolves with the exit code. */
export async function serveUntilSignalled(env: NodeJS.ProcessEnv): Promise<number> {
  const write = (line: string): void => void process.stdout.write(line);
  const running = await startService(env, write);
  return new Promise<number>((resolveCode) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      jsonLineLogger(write)({ message: `received ${signal}`, event: 'signal', signal });
      running.stop().then(
        () => resolveCode(0),
        (error: unknown) => {
          jsonLineLogger(write)({ severity: 'ERROR', message: `shutdown failed: ${messageOf(error)}`, event: 'service_stop_failed' });
          resolveCode(1);
        },
      );
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
