/**
 * The ingest inputs, parsed once into one typed object. Shared by the action (INPUT_* variables) and the CLI
 * (flags) through InputReader, so both reject the same mistakes with the same sentence.
 */
import type { InputReader } from '../inputs.js';
import type { LoadPath } from '../../ingest/dataset.js';
import type { TargetKind } from '../../ingest/targets.js';
import { UserError } from '../../errors.js';
import { parseDataflowServiceAccount } from '../../ingest/dataflow.js';

export interface IngestInputs {
  dataset: string;
  catalog: string;
  environment: string;
  projectId: string;
  bucket: string;
  /** Override of the catalog's source URL; '' keeps the catalog's. */
  source: string;
  load?: LoadPath;
  dryRun: boolean;
  allowPrivateSources: boolean;
  target: TargetKind;
  location: string;
  dataflowRegion: string;
  /** Worker service account email for Dataflow launches; '' leaves Dataflow's default (the Compute default SA). */
  dataflowServiceAccount: string;
}

const DATASET_NAME = /^[a-z][a-z0-9_]*$/;

/** `label` names an input in messages the way the reader does (`Input \`x\`` for the action, `--x` for the CLI). */
export function parseIngestInputs(reader: InputReader, label: (name: string) => string = (n) => `Input \`${n}\``): IngestInputs {
  const dataset = reader.required('dataset');
  if (!DATASET_NAME.test(dataset)) {
    throw new UserError(`${label('dataset')} was "${dataset}"; expected a catalog dataset name ([a-z][a-z0-9_]*).`);
  }
  const load = reader.choice('load', ['bigquery', 'dataflow', 'none', ''] as const, '');
  const bucket = reader.string('bucket').replace(/^gs:\/\//, '').replace(/\/+$/, '');
  if (bucket && !/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/.test(bucket)) {
    throw new UserError(`${label('bucket')} was "${bucket}"; expected a bucket name such as my-project-ingest (no path).`);
  }
  return {
    dataset,
    catalog: reader.string('catalog', 'datasets.yaml'),
    environment: reader.string('environment'),
    projectId: reader.string('project-id'),
    bucket,
    source: reader.string('source'),
    ...(load ? { load } : {}),
    dryRun: reader.boolean('dry-run', false),
    allowPrivateSources: reader.boolean('allow-private-sources', false),
    target: reader.choice('target', ['gcp', 'local'] as const, 'gcp'),
    location: reader.string('location'),
    dataflowRegion: reader.string('dataflow-region'),
    dataflowServiceAccount: parseDataflowServiceAccount(reader.string('dataflow-service-account'), label('dataflow-service-account')) ?? '',
  };
}
