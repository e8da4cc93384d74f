/**
 * The loopback BigQuery server must reject what BigQuery rejects, or the loader tests prove nothing: these
 * drive it through the real client (via the BigQuery warehouse) with typed schemas and bad files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Column } from '../../../src/ingest/dataset.js';
import { createBigQueryWarehouse } from '../../../src/warehouse/bigquery.js';
import { startGcsServer, type GcsServer } from '../gcs.js';
import { startBigQueryServer, type BigQueryServer } from '../bigquery.js';
import { convertCell } from './values.js';

const TYPED: Column[] = [
  { name: 's', type: 'STRING', mode: 'NULLABLE' },
  { name: 'i', type: 'INTEGER', mode: 'NULLABLE' },
  { name: 'f', type: 'FLOAT', mode: 'NULLABLE' },
  { name: 'n', type: 'NUMERIC', mode: 'NULLABLE' },
  { name: 'b', type: 'BOOLEAN', mode: 'NULLABLE' },
  { name: 'd', type: 'DATE', mode: 'NULLABLE' },
  { name: 'dt', type: 'DATETIME', mode: 'NULLABLE' },
  { name: 'ts', type: 'TIMESTAMP', mode: 'REQUIRED' },
];

describe('loopback BigQuery load jobs', () => {
  let gcs: GcsServer;
  let bq: BigQueryServer;
  let n = 0;
  beforeEach(async () => {
    gcs = await startGcsServer({ buckets: ['staging'] });
    bq = await startBigQueryServer({ gcs, projectId: 'p', getsUntilDone: 1 });
  });
  afterEach(async () => {
    await bq.close();
    await gcs.close();
  });

  function load(csv: string, schema: Column[] = TYPED) {
    const name = `f${++n}.csv`;
    gcs.putObject('staging', name, csv);
    const warehouse = createBigQueryWarehouse({ projectId: 'p', env: { BIGQUERY_EMULATOR_HOST: bq.url }, pollIntervalMs: 1, maxAttempts: 1 });
    return warehouse.load({
      dataset: 'typed',
      target: { dataset: 'd', table: `t${n}` },
      schema,
      sourceUri: `gs://staging/${name}`,
      writeMode: 'append',
      jobIdPrefix: `ingest_typed_${n}`,
    });
  }

  it('stores every type in canonical form, empty unquoted as NULL and "" as an empty string', async () => {
    await load('s,i,f,n,b,d,dt,ts\n"",+7,1e3,0012.50,YES,2024-2-9,2024-02-09 1:02:03.5,2024-02-09T10:00:00+02:00\n,,,,,,,2024-02-09 08:00:00 UTC\n');
    expect(bq.rows('d', `t${n}`)).toEqual([
      { s: '', i: '7', f: '1000', n: '12.5', b: 'true', d: '2024-02-09', dt: '2024-02-09T01:02:03.500000', ts: '2024-02-09T08:00:00.000000Z' },
      { s: null, i: null, f: null, n: null, b: null, d: null, dt: null, ts: '2024-02-09T08:00:00.000000Z' },
    ]);
  });

  it('reads a quoted "" as NULL in every column that is not STRING, and as an empty string filling a REQUIRED STRING', async () => {
    await load('s,i,f,n,b,d,dt,ts\n"","","","","","","",2024-02-09 08:00:00 UTC\n');
    expect(bq.rows('d', `t${n}`)).toEqual([{ s: '', i: null, f: null, n: null, b: null, d: null, dt: null, ts: '2024-02-09T08:00:00.000000Z' }]);
    await load('s\n""\n', [{ name: 's', type: 'STRING', mode: 'REQUIRED' }]);
    expect(bq.rows('d', `t${n}`)).toEqual([{ s: '' }]);
  });

  it.each([
    ['an INTEGER beyond int64', 'i\n9223372036854775808\n', [{ name: 'i', type: 'INTEGER', mode: 'NULLABLE' }], /Could not parse '9223372036854775808' as INT64 for field i/],
    ['a date that does not exist', 'd\n2023-02-29\n', [{ name: 'd', type: 'DATE', mode: 'NULLABLE' }], /Could not parse '2023-02-29' as DATE/],
    ['a quoted "" in a REQUIRED INTEGER column', 'a\n""\n', [{ name: 'a', type: 'INTEGER', mode: 'REQUIRED' }], /Required field a cannot be null/],
    ['a NULL in a REQUIRED column', 'a,b\n,1\n', [{ name: 'a', type: 'INTEGER', mode: 'REQUIRED' }, { name: 'b', type: 'INTEGER', mode: 'NULLABLE' }], /Required field a cannot be null/],
    ['a value that is not a number', 'a\nx\n', [{ name: 'a', type: 'FLOAT', mode: 'NULLABLE' }], /Could not parse 'x' as DOUBLE/],
    ['a row with too many values', 'a\n1,2\n', [{ name: 'a', type: 'STRING', mode: 'NULLABLE' }], /Too many values/],
    ['a row with too few values', 'a,b\n1\n', [{ name: 'a', type: 'STRING', mode: 'NULLABLE' }, { name: 'b', type: 'STRING', mode: 'NULLABLE' }], /Too few columns/],
    ['a NUMERIC with 10 decimals', 'n\n1.0123456789\n', [{ name: 'n', type: 'NUMERIC', mode: 'NULLABLE' }], /as NUMERIC/],
  ] as [string, string, Column[], RegExp][])('fails the job on %s and stores nothing', async (_what, csv, schema, message) => {
    const error = await load(csv, schema).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/BigQuery load job ingest_typed_\d+_1 failed: Error while reading data, error message: CSV table encountered too many errors/);
    expect((error as Error).message).toMatch(message);
    expect(bq.rows('d', `t${n}`)).toEqual([]);
  });

  it('fails a job with a quoted newline unless allowQuotedNewlines is set', async () => {
    const { BigQuery } = await import('@google-cloud/bigquery');
    const client = new BigQuery({ projectId: 'p', apiEndpoint: bq.url, authClient: { getRequestHeaders: async () => new Headers() } as never });
    gcs.putObject('staging', 'nl.csv', 'a\n"line 1\nline 2"\n');
    await client.createDataset('d');
    const run = async (jobId: string, allowQuotedNewlines: boolean) => {
      const [job] = await client.createJob({
        jobId,
        configuration: {
          load: {
            sourceUris: ['gs://staging/nl.csv'],
            skipLeadingRows: 1,
            allowQuotedNewlines,
            schema: { fields: [{ name: 'a', type: 'STRING' }] },
            destinationTable: { projectId: 'p', datasetId: 'd', tableId: 'nl' },
          },
        },
      });
      const [metadata] = await job.getMetadata();
      return metadata as { status: { state: string; errorResult?: { message: string } } };
    };
    expect((await run('strict', false)).status.errorResult?.message).toMatch(/CSV table encountered too many errors/);
    expect((await run('allowed', true)).status).toEqual({ state: 'DONE' });
    expect(bq.rows('d', 'nl')).toEqual([{ a: 'line 1\nline 2' }]);
  });

  it('converts single cells the way BigQuery reads them', () => {
    expect(convertCell('BOOLEAN', 'maybe')).toBeInstanceOf(Error);
    expect(convertCell('BOOLEAN', 'F')).toBe('false');
    expect(convertCell('TIMESTAMP', '2024-01-01T00:00:00-05:30')).toBe(String(Date.UTC(2024, 0, 1, 5, 30) * 1000));
    expect(convertCell('NUMERIC', '-0.000')).toBe('0');
  });
});
