/**
 * One dataset from the catalog through the pipeline, for the action and the CLI (same inputs, same result):
 * catalog → dataset spec → target (store + warehouse) → runIngest → report.
 */
import { loadCatalog, findDataset } from '../../ingest/catalog.js';
import { DEFAULT_FETCH, runIngest } from '../../ingest/pipeline.js';
import { openTarget } from '../../ingest/targets.js';
import type { IngestReport, Logger } from '../../ingest/report.js';
import type { IngestProgress } from '../../ingest/progress.js';
import type { IngestInputs } from './inputs.js';

export interface IngestContext {
  env: NodeJS.ProcessEnv;
  log: Logger;
  tmpDir: string;
  /** How inputs are named in messages. */
  label: (name: string) => string;
  onProgress?: (progress: IngestProgress) => void;
}

export async function ingestOne(inputs: IngestInputs, context: IngestContext): Promise<IngestReport> {
  const catalog = await loadCatalog(inputs.catalog);
  const dataset = findDataset(catalog, inputs.dataset);
  const loadPath = inputs.load ?? dataset.load;
  const target = await openTarget({
    target: inputs.target,
    bucket: inputs.bucket,
    ...(inputs.projectId ? { projectId: inputs.projectId } : {}),
    ...(inputs.location ? { location: inputs.location } : {}),
    ...(inputs.dataflowRegion ? { dataflowRegion: inputs.dataflowRegion } : {}),
    ...(inputs.dataflowServiceAccount ? { dataflowServiceAccount: inputs.dataflowServiceAccount } : {}),
    env: context.env,
    loads: [loadPath],
    dryRun: inputs.dryRun,
    names: { bucket: context.label('bucket'), projectId: context.label('project-id') },
  });
  try {
    return await runIngest({
      dataset,
      ...(target.store ? { store: target.store } : {}),
      ...(target.bucket ? { bucket: target.bucket } : {}),
      ...(target.warehouse ? { warehouse: target.warehouse } : {}),
      ...(target.dataflow ? { dataflow: target.dataflow } : {}),
      ...(inputs.projectId ? { projectId: inputs.projectId } : {}),
      fetch: {
        ...DEFAULT_FETCH,
        // The switch for local use: loopback/private hosts and plain HTTP go together.
        allowHttp: inputs.allowPrivateSources,
        allowPrivateAddresses: inputs.allowPrivateSources,
        ...(target.readGcs ? { readGcs: target.readGcs } : {}),
      },
      ...(inputs.source ? { sourceOverride: inputs.source } : {}),
      loadOverride: loadPath,
      dryRun: inputs.dryRun,
      log: context.log,
      tmpDir: context.tmpDir,
      labels: inputs.environment ? { environment: inputs.environment } : {},
      ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    });
  } finally {
    await target.close();
  }
}
