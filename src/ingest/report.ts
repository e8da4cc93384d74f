/**
 * What an ingest tells the world: the report every entry point returns, the structured log lines (one per
 * stage, Cloud Logging format) the monitoring module turns into metrics, the action outputs and the job summary.
 *
 * The log field names are a contract with terraform/modules/monitoring: log-based metrics read
 * jsonPayload.event, .stage, .dataset, .rows, .bad_rows, .duration_ms. Rename nothing here without it.
 */
import type { LoadPath } from './dataset.js';

export type StageName = 'fetch' | 'validate' | 'stage' | 'load';

export const EVENT_STAGE_COMPLETED = 'ingest_stage_completed';
export const EVENT_SUCCEEDED = 'ingest_succeeded';
export const EVENT_FAILED = 'ingest_failed';

export type LoadOutcome =
  /** A load job (or DuckDB load) ran in this call. */
  | 'loaded'
  /** The job already existed (rerun / concurrent duplicate) and was adopted. */
  | 'adopted'
  /** A Dataflow template job was launched (or an identical running one adopted). */
  | 'launched'
  /** load: dataflow without a launcher: the scheduled Dataflow job picks the object up. */
  | 'scheduled'
  /** load: none, or a dry run. */
  | 'skipped';

export interface IngestReport {
  dataset: string;
  dryRun: boolean;
  /** The source as fetched (after redirects), with credentials and query string removed. */
  source: string;
  sha256: string;
  /** Valid data rows (what is staged and loaded). */
  rows: number;
  badRows: number;
  /** Raw bytes read from the source. */
  bytes: number;
  /** Rows the warehouse reports for the load job (the adopted job's count on a rerun). */
  rowsLoaded?: number;
  /** Whether this call wrote the staged object (false: the same content was already staged). */
  stagedNow: boolean;
  objectUri?: string;
  manifestUri?: string;
  quarantineUri?: string;
  /** yyyy-mm-dd the content was first staged. */
  firstSeen?: string;
  load: {
    path: LoadPath;
    outcome: LoadOutcome;
    jobId?: string;
    attempt?: number;
    table?: string;
  };
  durationsMs: Partial<Record<StageName, number>>;
  /** The first bad-row reasons, "line N: reason". */
  firstProblems: string[];
}

/** A Cloud Logging structured entry: https://cloud.google.com/logging/docs/structured-logging */
export interface LogEntry {
  severity: 'DEBUG' | 'INFO' | 'NOTICE' | 'WARNING' | 'ERROR';
  message: string;
  event: string;
  dataset: string;
  stage?: StageName;
  'logging.googleapis.com/labels': Record<string, string>;
  [field: string]: unknown;
}

export type Logger = (entry: LogEntry) => void;

function labels(dataset: string, extra: Record<string, string>, stage?: string): Record<string, string> {
  return { ...extra, dataset, ...(stage ? { stage } : {}) };
}

export function stageCompleted(
  dataset: string,
  stage: StageName,
  durationMs: number,
  fields: Record<string, unknown>,
  extraLabels: Record<string, string> = {},
): LogEntry {
  const counts = ['rows', 'bad_rows', 'bytes']
    .filter((k) => typeof fields[k] === 'number')
    .map((k) => `${k}=${fields[k] as number}`)
    .join(' ');
  return {
    severity: 'INFO',
    message: `ingest ${dataset}: ${stage} done in ${formatMs(durationMs)}${counts ? ` (${counts})` : ''}`,
    event: EVENT_STAGE_COMPLETED,
    stage,
    dataset,
    duration_ms: Math.round(durationMs),
    ...fields,
    'logging.googleapis.com/labels': labels(dataset, extraLabels, stage),
  };
}

/**
 * Whether this call ingested anything new. A rerun, or Pub/Sub's 50th delivery of one event, adopts what is
 * there; counting its rows again would make the monitoring module's "rows ingested" metric lie.
 */
export function didNewWork(report: IngestReport): boolean {
  if (report.dryRun) return false;
  return report.stagedNow || report.load.outcome === 'loaded' || report.load.outcome === 'launched';
}

export function ingestSucceeded(report: IngestReport, totalMs: number, extraLabels: Record<string, string> = {}): LogEntry {
  const what = report.dryRun ? 'dry run validated' : report.load.outcome;
  const counted = didNewWork(report);
  return {
    severity: 'INFO',
    message: `ingest ${report.dataset}: ${what}, ${report.rows} rows, ${report.badRows} bad rows, ${report.bytes} bytes in ${formatMs(totalMs)}`,
    event: EVENT_SUCCEEDED,
    dataset: report.dataset,
    // rows / bad_rows feed the metrics: only what this call newly ingested. The file's counts are always in
    // rows_in_file / bad_rows_in_file.
    rows: counted ? report.rows : 0,
    bad_rows: counted ? report.badRows : 0,
    rows_in_file: report.rows,
    bad_rows_in_file: report.badRows,
    new_work: counted,
    bytes: report.bytes,
    duration_ms: Math.round(totalMs),
    sha256: report.sha256,
    dry_run: report.dryRun,
    staged_now: report.stagedNow,
    object_uri: report.objectUri ?? null,
    load_path: report.load.path,
    load_outcome: report.load.outcome,
    job_id: report.load.jobId ?? null,
    table: report.load.table ?? null,
    'logging.googleapis.com/labels': labels(report.dataset, extraLabels),
  };
}

export function ingestFailed(
  dataset: string,
  stage: StageName,
  message: string,
  totalMs: number,
  extraLabels: Record<string, string> = {},
): LogEntry {
  return {
    severity: 'ERROR',
    message: `ingest ${dataset} failed at ${stage}: ${message}`,
    event: EVENT_FAILED,
    stage,
    dataset,
    error: message,
    duration_ms: Math.round(totalMs),
    'logging.googleapis.com/labels': labels(dataset, extraLabels, stage),
  };
}

/** The action outputs (names as in action.yml). */
export function reportOutputs(report: IngestReport): Record<string, string> {
  return {
    rows: String(report.rows),
    'bad-rows': String(report.badRows),
    bytes: String(report.bytes),
    sha256: report.sha256,
    'object-uri': report.objectUri ?? '',
    'job-id': report.load.jobId ?? '',
    table: report.load.table ?? '',
  };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The job summary: a headline, what landed where, and the first bad rows when there were any. */
export function reportMarkdown(report: IngestReport): string {
  const headline = report.dryRun
    ? `### Ingest \`${report.dataset}\`: dry run — validated, nothing staged or loaded`
    : `### Ingest \`${report.dataset}\`: ${describeOutcome(report)}`;
  const rows: [string, string][] = [
    ['Source', `\`${cell(report.source)}\``],
    ['Rows', report.rows.toLocaleString('en-US')],
    ['Bad rows', report.badRows.toLocaleString('en-US')],
    ['Bytes', report.bytes.toLocaleString('en-US')],
    ['sha256', `\`${report.sha256}\``],
  ];
  if (report.objectUri) rows.push(['Staged object', `\`${cell(report.objectUri)}\`${report.stagedNow ? '' : ` (already staged on ${report.firstSeen})`}`]);
  if (report.quarantineUri) rows.push(['Quarantine', `\`${cell(report.quarantineUri)}\``]);
  if (report.load.table) rows.push(['Table', `\`${cell(report.load.table)}\``]);
  if (report.load.jobId) rows.push(['Job', `\`${cell(report.load.jobId)}\`${report.load.outcome === 'adopted' ? ' (adopted)' : ''}`]);
  if (report.rowsLoaded !== undefined) rows.push(['Rows in load job', report.rowsLoaded.toLocaleString('en-US')]);
  const durations = (Object.entries(report.durationsMs) as [StageName, number][])
    .map(([stage, ms]) => `${stage} ${formatMs(ms)}`)
    .join(' · ');
  if (durations) rows.push(['Durations', durations]);
  const lines = [headline, '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
  if (report.firstProblems.length > 0) {
    lines.push('', `<details><summary>First bad rows (${report.badRows} in total)</summary>`, '');
    for (const problem of report.firstProblems) lines.push(`- ${cell(problem)}`);
    lines.push('', '</details>');
  }
  return lines.join('\n') + '\n';
}

export function describeOutcome(report: IngestReport): string {
  switch (report.load.outcome) {
    case 'loaded':
      return `loaded into ${report.load.table}`;
    case 'adopted':
      return `already loaded (job ${report.load.jobId} adopted, nothing changed)`;
    case 'launched':
      return `Dataflow job ${report.load.jobId} launched`;
    case 'scheduled':
      return 'staged for the scheduled Dataflow job';
    case 'skipped':
      return report.stagedNow ? 'staged (load: none)' : 'already staged (load: none)';
  }
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A URL safe to print: no user:password, no query (signed URLs carry their token there), no fragment. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return u.pathname;
    u.username = '';
    u.password = '';
    const hadQuery = u.search.length > 0;
    u.search = '';
    u.hash = '';
    return u.toString() + (hadQuery ? '?…' : '');
  } catch {
    return url;
  }
}

/** Bad-row descriptions from the validator, whatever shape it reports them in. */
export function describeProblems(problems: readonly unknown[]): string[] {
  return problems.map((p) => {
    if (typeof p === 'string') return p;
    if (p && typeof p === 'object') {
      const o = p as Record<string, unknown>;
      const line = o.line ?? o.lineNumber ?? o.row;
      const reason = o.reason ?? o.message ?? o.error;
      if (reason !== undefined) return line !== undefined ? `line ${String(line)}: ${String(reason)}` : String(reason);
    }
    return JSON.stringify(p);
  });
}
