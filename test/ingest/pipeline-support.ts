/**
 * Shared by the ingest stage/load/pipeline tests: a dataset spec for a small real CSV, temp folders each test
 * owns, a loopback HTTP source whose answers a test scripts, and a log collector.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetSpec } from '../../src/ingest/dataset.js';
import type { LogEntry } from '../../src/ingest/report.js';
import { cleanObjectOptions, incomingName } from '../../src/ingest/stage.js';
import type { ObjectStore } from '../../src/storage/object-store.js';

/** Five weather rows (a slice of vega-datasets' seattle-weather.csv) and their schema. */
export const WEATHER_CSV =
  'date,precipitation,temp_max,temp_min,wind,weather\n' +
  '2012-01-01,0.0,12.8,5.0,4.7,drizzle\n' +
  '2012-01-02,10.9,10.6,2.8,4.5,rain\n' +
  '2012-01-03,0.8,11.7,7.2,2.3,rain\n' +
  '2012-01-04,20.3,12.2,5.6,4.7,rain\n' +
  '2012-01-05,1.3,8.9,2.8,6.1,rain\n';

/** The same schema as a catalog (datasets.yaml) entry's `schema:` block, indented for a dataset list item. */
export const WEATHER_SCHEMA_YAML = `    schema:
      - { name: date, type: DATE, mode: REQUIRED }
      - { name: precipitation, type: FLOAT }
      - { name: temp_max, type: FLOAT }
      - { name: temp_min, type: FLOAT }
      - { name: wind, type: FLOAT }
      - { name: weather, type: STRING }
`;

export function weatherDataset(overrides: Partial<DatasetSpec> = {}): DatasetSpec {
  return {
    name: 'seattle_weather',
    source: { url: 'https://example.invalid/seattle-weather.csv', format: 'csv', compression: 'auto' },
    csv: { delimiter: ',', quote: '"', header: true, encoding: 'utf-8' },
    schema: [
      { name: 'date', type: 'DATE', mode: 'REQUIRED' },
      { name: 'precipitation', type: 'FLOAT', mode: 'NULLABLE' },
      { name: 'temp_max', type: 'FLOAT', mode: 'NULLABLE' },
      { name: 'temp_min', type: 'FLOAT', mode: 'NULLABLE' },
      { name: 'wind', type: 'FLOAT', mode: 'NULLABLE' },
      { name: 'weather', type: 'STRING', mode: 'NULLABLE' },
    ],
    target: { dataset: 'raw', table: 'seattle_weather' },
    writeMode: 'append',
    load: 'bigquery',
    maxBadRows: 10,
    runsOn: ['dispatch', 'after-deploy'],
    ...overrides,
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dcp-${prefix}-`));
}

export type SourceHandler = (req: IncomingMessage, res: ServerResponse, count: number) => void | Promise<void>;

export interface SourceServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

/** A loopback HTTP source; `handler` gets the request number (1-based) so a test can fail the first ones. */
export async function startSource(handler: SourceHandler): Promise<SourceServer> {
  const state = { requests: 0 };
  const server = createServer((req, res) => {
    state.requests++;
    void Promise.resolve(handler(req, res, state.requests)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers every request with `body` as text/csv. */
export function serveText(body: string | Buffer): SourceHandler {
  return (_req, res) => {
    const data = Buffer.from(body);
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': data.length, etag: '"v1"' }).end(data);
  };
}

export function collectLogs(): { entries: LogEntry[]; log: (entry: LogEntry) => void } {
  const entries: LogEntry[] = [];
  return { entries, log: (entry) => void entries.push(entry) };
}

/** The clean CSV as the pipeline hands it to staging: already uploaded under a temporary name. */
export async function uploadIncoming(store: ObjectStore, bucket: string, dataset: string, content: string | Buffer): Promise<string> {
  const name = incomingName(dataset);
  await store.writeOnce(bucket, name, content, cleanObjectOptions(dataset));
  return name;
}
