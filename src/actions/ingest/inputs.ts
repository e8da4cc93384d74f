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
/** A `scheme://` prefix as openSource (src/ingest/fetch.ts) tells URLs from local paths. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:\/\//i;

/** What openSource would read from this machine's disk: a file:// URL or anything without a scheme. */
function isLocalSource(source: string): boolean {
  return /^file:\/\//i.test(source) || !URL_SCHEME.test(source);
}

/**
 * The `source` override. A local path in the catalog is the catalog author's choice (the demo uses one); an
 * override comes from whoever dispatches the workflow or runs the command, so reading a file of the machine the
 * ingest runs on takes the same explicit switch as loopback hosts — without it, a header mismatch would print
 * the first line of, say, /etc/hostname into the log.
 */
function parseSource(reader: InputReader, label: (name: string) => string, allowPrivateSources: boolean): string {
  const source = reader.string('source');
  if (source && !allowPrivateSources && isLocalSource(source)) {
    throw new UserError(
      `${label('source')} was "${source}", a local file; expected an https:// or gs:// URL ` +
        `(a local path or file:// URL is read only with ${label('allow-private-sources')} set to true, for local use).`,
    );
  }
  return source;
}

/**
 * `label` names an input in messages the way the reader does (`Input \`x\`` for the action, `--x` for the CLI).
 * `defaultTarget`: the action targets GCS and BigQuery unless told otherwise; the CLI, run on a laptop, the
 * embedded local target.
 */
export function parseIngestInputs(
  reader: InputReader,
  label: (name: string) => string = (n) => `Input \`${n}\``,
  defaultTarget: TargetKind = 'gcp',
): IngestInputs {
  const dataset = reader.required('dataset');
  if (!DATASET_NAME.test(dataset)) {
    throw new UserError(`${label('dataset')} was "${dataset}"; expected a catalog dataset name ([a-z][a-z0-9_]*).`);
  }
  const load = reader.choice('load', ['bigquery', 'dataflow', 'none', ''] as const, '');
  const bucket = reader.string('bucket').replace(/^gs:\/\//, '').replace(/\/+$/, '');
  if (bucket && !/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/.test(bucket)) {
    throw new UserError(`${label('bucket')} was "${bucket}"; expected a bucket name such as my-project-ingest (no path).`);
  }
  const allowPrivateSources = reader.boolean('allow-private-sources', false);
  return {
    dataset,
    catalog: reader.string('catalog', 'datasets.yaml'),
    environment: reader.string('environment'),
    projectId: reader.string('project-id'),
    bucket,
    source: parseSource(reader, label, allowPrivateSources),
    ...(load ? { load } : {}),
    dryRun: reader.boolean('dry-run', false),
    allowPrivateSources,
    target: reader.choice('target', ['gcp', 'local'] as const, defaultTarget),
    location: reader.string('location'),
    dataflowRegion: reader.string('dataflow-region'),
    dataflowServiceAccount: parseDataflowServiceAccount(reader.string('dataflow-service-account'), label('dataflow-service-account')) ?? '',
  };
}
