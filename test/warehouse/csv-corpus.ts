/**
 * The CSV files the cell-by-cell tests read (test/warehouse/cells.test.ts straight into DuckDB, and
 * test/ingest/pipeline-cells.test.ts through the whole pipeline), and what csv-parse reads from them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const modules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
export const SPECTRUM = join(modules, 'csv-spectrum');
export const VEGA = join(modules, 'vega-datasets', 'data');

export const SPECTRUM_FILES = [
  'comma_in_quotes',
  'empty',
  'empty_crlf',
  'escaped_quotes',
  'json',
  'location_coordinates',
  'newlines',
  'newlines_crlf',
  'quotes_and_newlines',
  'simple',
  'simple_crlf',
  'utf8',
];
/** CRLF + headers with spaces (birdstrikes, windvectors, global-temp), leading zeros (zipcodes), empty cells (la-riots). */
export const VEGA_FILES = ['birdstrikes.csv', 'windvectors.csv', 'global-temp.csv', 'zipcodes.csv', 'la-riots.csv', 'co2-concentration.csv', 'airports.csv'];

/** What csv-parse reads: the header, and cells with NULL for an empty unquoted field ('' for a quoted ""). */
export function reference(bytes: Buffer): { header: string[]; rows: (string | null)[][] } {
  const records = parse(bytes, {
    bom: true,
    // location_coordinates.csv has bare quotes inside unquoted fields (37°36'37.8"N); read them as text, as
    // DuckDB does, rather than reject the file.
    relax_quotes: true,
    cast: (value, context) => (value === '' && !context.quoting ? null : value),
  }) as (string | null)[][];
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h ?? ''), rows };
}
