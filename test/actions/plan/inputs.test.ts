import { describe, expect, it } from 'vitest';
import { InputReader } from '../../../src/actions/inputs.js';
import { defaultEnvironment, parseInputs, splitArgs } from '../../../src/actions/plan/inputs.js';

const reader = (values: Record<string, string>) => new InputReader((name) => values[name] ?? '');

describe('plan inputs', () => {
  it('uses the documented defaults', () => {
    const inputs = parseInputs(reader({ 'working-directory': 'terraform/envs/dev' }), '/repo');
    expect(inputs).toMatchObject({
      workingDirectory: 'terraform/envs/dev',
      environment: 'dev',
      source: { kind: 'run' },
      terraform: 'terraform',
      init: true,
      varFiles: [],
      args: [],
      comment: 'update',
      labels: false,
      failOnDestroy: false,
    });
  });

  it('refuses an unknown comment mode naming the input and the allowed values', () => {
    expect(() => parseInputs(reader({ comment: 'sometimes' }))).toThrow(
      'Input `comment` was "sometimes"; expected one of: "update", "new", "off".',
    );
  });

  it('refuses a boolean it cannot read', () => {
    expect(() => parseInputs(reader({ 'fail-on-destroy': 'yes' }))).toThrow('Input `fail-on-destroy` was "yes"; expected "true" or "false".');
  });

  it('refuses plan-json together with plan-file', () => {
    expect(() => parseInputs(reader({ 'plan-json': 'a.json', 'plan-file': 'a.tfplan' }))).toThrow(/Only one of `plan-json` or `plan-file`/);
  });

  it('refuses an environment name that could break labels and paths', () => {
    expect(() => parseInputs(reader({ environment: 'dev/../../x' }))).toThrow(/Input `environment` was "dev\/..\/..\/x"/);
  });

  it('names the environment after the last folder, also for "." and trailing slashes', () => {
    expect(defaultEnvironment('envs/prod/', '/repo')).toBe('prod');
    expect(defaultEnvironment('.', '/home/runner/work/infra')).toBe('infra');
  });

  it('reads var-files one per line and resolves plan paths', () => {
    const inputs = parseInputs(reader({ 'var-files': 'a.tfvars\n\n  b.tfvars \n', 'plan-json': 'out/plan.json' }), '/repo');
    expect(inputs.varFiles).toEqual(['a.tfvars', 'b.tfvars']);
    expect(inputs.source).toEqual({ kind: 'plan-json', path: '/repo/out/plan.json', given: 'out/plan.json' });
  });

  it('splits args on spaces but keeps quoted parts together', () => {
    expect(splitArgs(`-var="name=a b" -parallelism=4  -target='x.y'`)).toEqual(['-var=name=a b', '-parallelism=4', '-target=x.y']);
    expect(() => splitArgs('-var="open')).toThrow(/unclosed " quote/);
  });

  it('reads CLI flags through the same parser, naming the flag in errors', () => {
    expect(() => parseInputs(InputReader.fromFlags(new Map([['comment', 'loud']])))).toThrow('Flag --comment was "loud"');
  });
});
