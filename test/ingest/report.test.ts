import { describe, expect, it } from 'vitest';
import {
  describeProblems,
  displayUrl,
  ingestFailed,
  ingestSucceeded,
  reportMarkdown,
  reportOutputs,
  stageCompleted,
  type IngestReport,
} from '../../src/ingest/report.js';

const report: IngestReport = {
  dataset: 'seattle_weather',
  dryRun: false,
  source: 'https://data.example/seattle-weather.csv',
  sha256: 'a'.repeat(64),
  rows: 1461,
  badRows: 2,
  bytes: 48219,
  rowsLoaded: 1461,
  stagedNow: true,
  objectUri: `gs://b/raw/seattle_weather/2026/03/09/${'a'.repeat(64)}.csv`,
  manifestUri: 'gs://b/m.json',
  quarantineUri: 'gs://b/q.jsonl',
  firstSeen: '2026-03-09',
  load: { path: 'bigquery', outcome: 'loaded', jobId: 'ingest_seattle_weather_aaaaaaaaaaaaaaaa_1', attempt: 1, table: 'p.raw.seattle_weather' },
  durationsMs: { fetch: 120, validate: 130, stage: 40, load: 2100 },
  firstProblems: ['line 7: precipitation: "n/a" is not a FLOAT', 'line 9: date: "2012-02-30" is not a DATE'],
};

describe('log lines', () => {
  it('use the field names the monitoring module builds its metrics from', () => {
    const entry = stageCompleted('seattle_weather', 'validate', 130.4, { rows: 1461, bad_rows: 2, bytes: 48219 }, { environment: 'dev' });
    expect(entry).toMatchObject({
      severity: 'INFO',
      event: 'ingest_stage_completed',
      stage: 'validate',
      dataset: 'seattle_weather',
      rows: 1461,
      bad_rows: 2,
      bytes: 48219,
      duration_ms: 130,
      'logging.googleapis.com/labels': { environment: 'dev', dataset: 'seattle_weather', stage: 'validate' },
    });
    expect(entry.message).toBe('ingest seattle_weather: validate done in 130 ms (rows=1461 bad_rows=2 bytes=48219)');
  });

  it('mark success and failure with their own events, counting rows only when something new was ingested', () => {
    expect(ingestSucceeded(report, 2500)).toMatchObject({ severity: 'INFO', event: 'ingest_succeeded', rows: 1461, bad_rows: 2, duration_ms: 2500, job_id: report.load.jobId });
    const rerun = ingestSucceeded({ ...report, stagedNow: false, load: { ...report.load, outcome: 'adopted' } }, 90);
    expect(rerun).toMatchObject({ rows: 0, bad_rows: 0, rows_in_file: 1461, bad_rows_in_file: 2, new_work: false });
    const failed = ingestFailed('seattle_weather', 'fetch', 'HTTP 500 from source', 900);
    expect(failed).toMatchObject({ severity: 'ERROR', event: 'ingest_failed', stage: 'fetch', error: 'HTTP 500 from source' });
    expect(JSON.parse(JSON.stringify(failed))).toEqual(failed);
  });
});

describe('outputs and summary', () => {
  it('name every output as action.yml declares it', () => {
    expect(reportOutputs(report)).toEqual({
      rows: '1461',
      'bad-rows': '2',
      bytes: '48219',
      sha256: 'a'.repeat(64),
      'object-uri': report.objectUri,
      'job-id': 'ingest_seattle_weather_aaaaaaaaaaaaaaaa_1',
      table: 'p.raw.seattle_weather',
    });
  });

  it('leave the staging outputs empty on a dry run', () => {
    const dry: IngestReport = { ...report, dryRun: true, objectUri: undefined, load: { path: 'bigquery', outcome: 'skipped' } };
    expect(reportOutputs(dry)).toMatchObject({ 'object-uri': '', 'job-id': '', table: '' });
    expect(reportMarkdown(dry)).toContain('dry run — validated, nothing staged or loaded');
  });

  it('summarise where the data landed, the durations and the first bad rows', () => {
    const md = reportMarkdown(report);
    expect(md).toContain('### Ingest `seattle_weather`: loaded into p.raw.seattle_weather');
    expect(md).toContain(`| Staged object | \`${report.objectUri}\` |`);
    expect(md).toContain('| Rows | 1,461 |');
    expect(md).toContain('fetch 120 ms · validate 130 ms · stage 40 ms · load 2.1 s');
    expect(md).toContain('- line 7: precipitation: "n/a" is not a FLOAT');
  });

  it('say when a rerun changed nothing', () => {
    const md = reportMarkdown({ ...report, stagedNow: false, load: { ...report.load, outcome: 'adopted' } });
    expect(md).toContain('already loaded (job ingest_seattle_weather_aaaaaaaaaaaaaaaa_1 adopted, nothing changed)');
    expect(md).toContain('(already staged on 2026-03-09)');
  });

  it('escape pipes so a hostile bad-row reason cannot break the table', () => {
    const md = reportMarkdown({ ...report, firstProblems: ['line 2: a|b'] });
    expect(md).toContain('- line 2: a\\|b');
  });
});

describe('displayUrl', () => {
  it('drops credentials and query strings (signed URLs carry tokens there)', () => {
    expect(displayUrl('https://user:secret@data.example/x.csv?X-Goog-Signature=abc#f')).toBe('https://data.example/x.csv?…');
    expect(displayUrl('gs://bucket/raw/x.csv')).toBe('gs://bucket/raw/x.csv');
  });
});

describe('describeProblems', () => {
  it('formats the validator problems as "line N: reason"', () => {
    expect(describeProblems([{ line: 3, reason: 'too few fields' }, 'plain'])).toEqual(['line 3: too few fields', 'plain']);
  });
});
