import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { findDataset, loadCatalog, parseCatalog } from '../../src/ingest/catalog.js';

const root = join(import.meta.dirname, '..', '..');

function problemsOf(text: string): string[] {
  try {
    parseCatalog(text, 'datasets.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message.split('\n').slice(1);
  }
  throw new Error('expected the catalog to be refused');
}

const minimal = `
datasets:
  - name: weather
    source: { url: https://example.com/w.csv }
    schema:
      - { name: day, type: DATE }
    target: { dataset: demo }
`;

describe('parseCatalog', () => {
  it('fills every default the issue names', () => {
    const catalog = parseCatalog(minimal, 'datasets.yaml');
    expect(catalog).toEqual({
      file: 'datasets.yaml',
      datasets: [
        {
          name: 'weather',
          source: { url: 'https://example.com/w.csv', format: 'csv', compression: 'auto' },
          csv: { delimiter: ',', quote: '"', header: true, encoding: 'utf-8' },
          schema: [{ name: 'day', type: 'DATE', mode: 'NULLABLE' }],
          target: { dataset: 'demo', table: 'weather' },
          writeMode: 'append',
          load: 'bigquery',
          maxBadRows: 0,
          runsOn: ['dispatch'],
        },
      ],
    });
  });

  it('maps the kebab-case YAML onto the spec', () => {
    const [dataset] = parseCatalog(
      `
datasets:
  - name: cars
    description: Cars
    source: { url: gs://bucket/cars.csv.gz, compression: gzip }
    csv: { delimiter: "\\t", quote: "'", header: false, encoding: latin1 }
    schema:
      - { name: mpg, type: FLOAT, mode: REQUIRED, description: Miles, source-name: Miles_per_Gallon }
      - { name: built, type: TIMESTAMP }
    target: { dataset: demo, table: cars_v1 }
    partitioning: { type: DAY, field: built }
    clustering: [mpg]
    write-mode: replace
    load: dataflow
    max-bad-rows: 5
    runs-on: [after-deploy, dispatch]
`,
      'c.yaml',
    ).datasets;
    expect(dataset).toMatchObject({
      csv: { delimiter: '\t', quote: "'", header: false, encoding: 'latin1' },
      source: { compression: 'gzip' },
      schema: [
        { name: 'mpg', type: 'FLOAT', mode: 'REQUIRED', description: 'Miles', sourceName: 'Miles_per_Gallon' },
        { name: 'built', type: 'TIMESTAMP', mode: 'NULLABLE' },
      ],
      target: { dataset: 'demo', table: 'cars_v1' },
      partitioning: { type: 'DAY', field: 'built' },
      clustering: ['mpg'],
      writeMode: 'replace',
      load: 'dataflow',
      maxBadRows: 5,
      runsOn: ['after-deploy', 'dispatch'],
    });
  });

  it('reports every problem at once, each with its path and line', () => {
    const problems = problemsOf(`
datasets:
  - name: Weather
    source: { url: "" }
    schema:
      - { name: day, type: INT }
      - { name: day, type: DATE, mode: OPTIONAL }
    target: { dataset: demo }
    partitioning: { type: DAY, field: when }
    clustering: [nope]
    write-mode: upsert
    max-bad-rows: -1
    colour: blue
  - name: ok
    schema: []
    target: { dataset: "bad-id" }
  - name: ok
    source: { url: x }
    schema: [{ name: a, type: STRING }]
    target: { dataset: d }
    csv: { delimiter: ";;", quote: ";" }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'datasets.yaml: datasets[0].name: must match [a-z][a-z0-9_]*; got "Weather" (line 3)',
        'datasets.yaml: datasets[0].source.url: must not be empty; got "" (line 4)',
        'datasets.yaml: datasets[0].schema[0].type: expected one of STRING, INTEGER, FLOAT, NUMERIC, BOOLEAN, DATE, DATETIME, TIMESTAMP; got "INT" (line 6)',
        'datasets.yaml: datasets[0].schema[1].mode: expected one of NULLABLE, REQUIRED; got "OPTIONAL" (line 7)',
        'datasets.yaml: datasets[0].schema[1].name: column "day" is declared twice (line 7)',
        'datasets.yaml: datasets[0].partitioning.field: "when" is not a column of the schema (line 9)',
        'datasets.yaml: datasets[0].clustering[0]: "nope" is not a column of the schema (line 10)',
        'datasets.yaml: datasets[0].write-mode: expected one of append, replace; got "upsert" (line 11)',
        'datasets.yaml: datasets[0].colour: is not a known setting (line 13)',
        'datasets.yaml: datasets[1].source: is required (a mapping)',
        'datasets.yaml: datasets[1].schema: must list at least one column; got [] (line 15)',
        'datasets.yaml: datasets[1].target.dataset: must be a BigQuery dataset id ([A-Za-z0-9_]+); got "bad-id" (line 16)',
        'datasets.yaml: datasets[2].name: "ok" is already used by datasets[1] (line 17)',
        'datasets.yaml: datasets[2].csv.delimiter: the delimiter must be one printable ASCII character (write a tab as "\\t"); got ";;" (line 21)',
      ]),
    );
    expect(problems.some((p) => p.startsWith('datasets.yaml: datasets[0].max-bad-rows: '))).toBe(true);
    expect(problems).toHaveLength(15);
  });

  it('refuses a partition column that is not a date or time', () => {
    expect(problemsOf(minimal.replace('type: DATE', 'type: STRING') + '    partitioning: { type: DAY, field: day }\n')).toEqual([
      'datasets.yaml: datasets[0].partitioning.field: "day" is STRING; time partitioning needs a DATE, DATETIME or TIMESTAMP column (line 8)',
    ]);
  });

  it('refuses a quote equal to the delimiter', () => {
    expect(problemsOf(minimal + '    csv: { delimiter: "|", quote: "|" }\n')).toEqual([
      'datasets.yaml: datasets[0].csv.quote: must differ from the delimiter (line 8)',
    ]);
  });

  it('names the line of a YAML syntax error', () => {
    expect(() => parseCatalog('datasets:\n  - name: [unclosed\n', 'cat.yaml')).toThrow(/cat.yaml is not valid YAML:\ncat.yaml:\d+: /);
  });

  it('refuses a file without datasets', () => {
    expect(problemsOf('')).toEqual(['datasets.yaml: (top level): expected a mapping; got null']);
    expect(problemsOf('datasets: []')).toEqual([
      'datasets.yaml: datasets: must declare at least one dataset; got [] (line 1)',
    ]);
  });
});

describe('the example catalog at the repository root', () => {
  it('parses, and declares the bundled demo dataset for dispatch and after-deploy into the demo dataset', async () => {
    const catalog = await loadCatalog(join(root, 'datasets.yaml'));
    const weather = findDataset(catalog, 'seattle_weather');
    expect(weather.runsOn).toEqual(['dispatch', 'after-deploy']);
    expect(weather.target.dataset).toBe('demo');
    expect(weather.schema.map((c) => c.name)).toEqual(['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather']);
  });
});

describe('loadCatalog and findDataset', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads a catalog file and names it in messages', async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-'));
    const path = join(dir, 'datasets.yaml');
    await writeFile(path, minimal);
    const catalog = await loadCatalog(path);
    expect(catalog.file).toBe(path);
    expect(() => findDataset(catalog, 'rain')).toThrow(`dataset "rain" is not in ${path}; it declares: weather.`);
  });

  it('says when the catalog file does not exist', async () => {
    await expect(loadCatalog('/nonexistent/datasets.yaml')).rejects.toThrow(
      'catalog /nonexistent/datasets.yaml does not exist',
    );
  });
});
