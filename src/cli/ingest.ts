/**
 * `dc-pipeline ingest <dataset>`: the ingest action's inputs as flags, a progress bar on a TTY (plain lines
 * otherwise), one line per stage and a short report. `--json` prints the report as JSON on stdout instead.
 */
import { tmpdir } from 'node:os';
import { parseArgs } from './args.js';
import { InputReader } from '../actions/inputs.js';
import { parseIngestInputs } from '../actions/ingest/inputs.js';
import { ingestOne } from '../actions/ingest/ingest-one.js';
import { createProgressPrinter } from '../ingest/progress.js';
import { EVENT_FAILED, describeOutcome, formatMs, type IngestReport } from '../ingest/report.js';
import { UserError } from '../errors.js';
import { keepYoungGenerationSmall } from '../runtime/young-generation.js';

const VALUES = ['target', 'catalog', 'source', 'load', 'bucket', 'project-id', 'environment', 'location', 'dataflow-region',
  'dataflow-service-account'];
const BOOLEANS = ['dry-run', 'allow-private-sources', 'json'];

const HELP = `Usage: dc-pipeline ingest <dataset> [--target local|gcp] [--catalog datasets.yaml] [--source URL]
                                    [--load bigquery|dataflow|none] [--dry-run] [--allow-private-sources]
                                    [--bucket B --project-id P --location L --environment E] [--json]
                                    [--dataflow-region R --dataflow-service-account EMAIL]

Fetches the dataset's source, validates it, stages it write-once by sha256 and loads it exactly once.
--target local (the default) stages under .dc-pipeline/gcs/local/ and loads into DuckDB at
.dc-pipeline/warehouse.duckdb; --target gcp stages in GCS (--bucket) and loads into BigQuery (--project-id).
Running it again with the same content changes nothing.
--source replaces the catalog's source with an https:// or gs:// URL; a local path or file:// URL, plain http://
and loopback/private hosts are read only with --allow-private-sources (local use).
`;

function text(report: IngestReport): string {
  const lines = [
    `${report.dataset}: ${report.dryRun ? 'dry run, nothing staged or loaded' : describeOutcome(report)}`,
    `  rows       ${report.rows.toLocaleString('en-US')} (bad rows ${report.badRows.toLocaleString('en-US')})`,
    `  bytes      ${report.bytes.toLocaleString('en-US')}  sha256 ${report.sha256}`,
  ];
  if (report.objectUri) lines.push(`  object     ${report.objectUri}${report.stagedNow ? '' : `  (staged before, first seen ${report.firstSeen})`}`);
  if (report.manifestUri) lines.push(`  manifest   ${report.manifestUri}`);
  if (report.quarantineUri) lines.push(`  quarantine ${report.quarantineUri}`);
  if (report.load.table) lines.push(`  table      ${report.load.table}`);
  if (report.load.jobId) lines.push(`  job        ${report.load.jobId}${report.load.outcome === 'adopted' ? ' (adopted: already loaded)' : ''}`);
  if (report.rowsLoaded !== undefined) lines.push(`  loaded     ${report.rowsLoaded.toLocaleString('en-US')} rows by that job`);
  lines.push(`  took       ${Object.entries(report.durationsMs).map(([s, ms]) => `${s} ${formatMs(ms)}`).join(', ')}`);
  for (const problem of report.firstProblems) lines.push(`  bad row    ${problem}`);
  return lines.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  const { flags, positionals } = parseArgs(argv, { values: VALUES, booleans: BOOLEANS });
  if (positionals.length !== 1) {
    throw new UserError(`expected exactly one dataset name (dc-pipeline ingest <dataset>), got ${positionals.length ? positionals.join(' ') : 'none'}.`);
  }
  flags.set('dataset', positionals[0] as string);
  const reader = InputReader.fromFlags(flags);
  const label = (name: string): string => (name === 'dataset' ? 'Dataset' : `Flag --${name}`);
  const inputs = parseIngestInputs(reader, label, 'local');
  const json = reader.boolean('json', false);
  keepYoungGenerationSmall();

  const progress = createProgressPrinter({
    write: (s) => void process.stderr.write(s),
    tty: process.stderr.isTTY === true,
    columns: process.stderr.columns ?? 80,
  });
  const report = await ingestOne(inputs, {
    env: process.env,
    tmpDir: tmpdir(),
    label,
    onProgress: (p) => progress.update(p),
    log: (entry) => {
      progress.finish();
      // A failure is printed once, by the dispatcher ("dc-pipeline: <message>").
      if (entry.event !== EVENT_FAILED) process.stderr.write(`${entry.message}\n`);
    },
  }).finally(() => progress.finish());
  process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : text(report));
  return 0;
}
