import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { InputReader } from '../../../src/actions/inputs.js';
import { parseIngestInputs } from '../../../src/actions/ingest/inputs.js';
import { reportOutputs } from '../../../src/ingest/report.js';

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync('src/actions/ingest/action.yml', 'utf8')) as ActionYml;

describe('src/actions/ingest/action.yml', () => {
  it('declares exactly the inputs the action reads, each described, defaults quoted strings', () => {
    const read = new Set<string>();
    parseIngestInputs(new InputReader((name) => (read.add(name), name === 'dataset' ? 'seattle_weather' : '')));
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toMatch(/\S/);
      if (!input.required) expect(typeof input.default, name).toBe('string');
    }
    expect(action.inputs.catalog?.default).toBe('datasets.yaml');
    expect(action.inputs['allow-private-sources']?.default).toBe('false');
    expect(action.inputs.target?.default).toBe('gcp');
  });

  it('passes the Dataflow worker service account through and names the input when it is not an email', () => {
    const reader = (sa: string) => new InputReader((name) => ({ dataset: 'seattle_weather', 'dataflow-service-account': sa })[name] ?? '');
    expect(parseIngestInputs(reader('df@p.iam.gserviceaccount.com')).dataflowServiceAccount).toBe('df@p.iam.gserviceaccount.com');
    expect(parseIngestInputs(reader('')).dataflowServiceAccount).toBe('');
    expect(() => parseIngestInputs(reader('df-worker'))).toThrow(
      'Input `dataflow-service-account` was "df-worker"; expected a service account email such as ingest-dataflow@my-project.iam.gserviceaccount.com.',
    );
    expect(() => parseIngestInputs(reader('df-worker'), (n) => `Flag --${n}`)).toThrow('Flag --dataflow-service-account was "df-worker"');
  });

  it('declares exactly the outputs the action sets', () => {
    const outputs = reportOutputs({
      dataset: 'd',
      dryRun: true,
      source: 's',
      sha256: '',
      rows: 0,
      badRows: 0,
      bytes: 0,
      stagedNow: false,
      load: { path: 'none', outcome: 'skipped' },
      durationsMs: {},
      firstProblems: [],
    });
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(outputs).sort());
  });

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../../../dist/ingest/index.js' });
  });
});
