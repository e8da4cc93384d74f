import { describe, expect, it } from 'vitest';
import { InputReader } from '../../../src/actions/inputs.js';
import { parseIngestInputs } from '../../../src/actions/ingest/inputs.js';
import { UserError } from '../../../src/errors.js';

/** The action's reader over a fixed set of INPUT_* values, and the CLI's over flags. */
const actionInputs = (values: Record<string, string>) =>
  parseIngestInputs(new InputReader((name) => values[name] ?? ''));
const cliInputs = (values: Record<string, string>) =>
  parseIngestInputs(InputReader.fromFlags(new Map(Object.entries(values))), (name) => `Flag --${name}`);

describe('the source override', () => {
  it.each(['/etc/hostname', './data.csv', 'data.csv', 'file:///etc/hostname', 'FILE:///etc/passwd'])(
    'refuses the local file %s unless allow-private-sources is true',
    (source) => {
      const parse = () => actionInputs({ dataset: 'weather', source });
      expect(parse).toThrow(UserError);
      expect(parse).toThrow(
        `Input \`source\` was "${source}", a local file; expected an https:// or gs:// URL ` +
          '(a local path or file:// URL is read only with Input `allow-private-sources` set to true, for local use).',
      );
      expect(() => actionInputs({ dataset: 'weather', source, 'allow-private-sources': 'false' })).toThrow(UserError);
    },
  );

  it('names the flags on the command line', () => {
    expect(() => cliInputs({ dataset: 'weather', source: '/etc/hostname' })).toThrow(
      'Flag --source was "/etc/hostname", a local file; expected an https:// or gs:// URL ' +
        '(a local path or file:// URL is read only with Flag --allow-private-sources set to true, for local use).',
    );
  });

  it('reads a local file when allow-private-sources is true', () => {
    expect(actionInputs({ dataset: 'weather', source: '/tmp/data.csv', 'allow-private-sources': 'true' })).toMatchObject({
      source: '/tmp/data.csv',
      allowPrivateSources: true,
    });
    expect(cliInputs({ dataset: 'weather', source: 'file:///tmp/data.csv', 'allow-private-sources': 'true' }).source).toBe(
      'file:///tmp/data.csv',
    );
  });

  it('accepts https:// and gs:// overrides without the switch (their hosts are checked when fetched)', () => {
    for (const source of ['https://data.example/w.csv', 'gs://bucket/raw/w.csv', 'http://data.example/w.csv']) {
      expect(actionInputs({ dataset: 'weather', source }).source).toBe(source);
    }
  });

  it('keeps the catalog source when no override is given', () => {
    expect(actionInputs({ dataset: 'weather' })).toMatchObject({ source: '', allowPrivateSources: false });
  });
});

describe('the target', () => {
  it('is gcp for the action and the embedded local target for the CLI unless given', () => {
    expect(actionInputs({ dataset: 'weather' }).target).toBe('gcp');
    const cli = (values: Record<string, string>) =>
      parseIngestInputs(InputReader.fromFlags(new Map(Object.entries(values))), (name) => `Flag --${name}`, 'local');
    expect(cli({ dataset: 'weather' }).target).toBe('local');
    expect(cli({ dataset: 'weather', target: 'gcp' }).target).toBe('gcp');
    expect(() => cli({ dataset: 'weather', target: 'aws' })).toThrow(UserError);
  });
});
