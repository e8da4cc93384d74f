import { describe, expect, it } from 'vitest';
import { planOutputGate, progressLine } from '../../src/terraform/plan-output.js';

/** Terraform 1.11's output for a plan with state, as `terraform plan -no-color` prints it (ids shortened). */
const REFRESH = [
  'terraform_data.a[2]: Refreshing state... [id=85c97ac2-d953]',
  'terraform_data.s: Refreshing state... [id=080604db-74f4]',
  'data.google_secret_manager_secret_version.db: Reading...',
  'data.google_secret_manager_secret_version.db: Still reading... [id=projects/p/secrets/db, 10s elapsed]',
  'data.google_secret_manager_secret_version.db: Read complete after 12s [id=projects/p/secrets/db/versions/3]',
  '',
].join('\n');
const BODY = [
  'Terraform used the selected providers to generate the following execution',
  'plan. Resource actions are indicated with the following symbols:',
  '  ~ update in-place',
  '',
  'Terraform will perform the following actions:',
  '      ~ output = "hunter2-v1-S3cr3t" -> (known after apply)',
  'terraform_data.late: Refreshing state... [id=looks-like-progress]',
  'Plan: 0 to add, 1 to change, 0 to destroy.',
  '',
].join('\n');

function gate() {
  const logged: string[] = [];
  return { logged, gate: planOutputGate((text) => logged.push(text)) };
}

describe('planOutputGate', () => {
  it('logs progress lines as they come, without ids, and holds everything from the first other line', () => {
    const { logged, gate: g } = gate();
    g.write(REFRESH);
    expect(logged.join('')).toBe(
      [
        'terraform_data.a[2]: Refreshing state...',
        'terraform_data.s: Refreshing state...',
        'data.google_secret_manager_secret_version.db: Reading...',
        'data.google_secret_manager_secret_version.db: Still reading... [10s elapsed]',
        'data.google_secret_manager_secret_version.db: Read complete after 12s',
        '',
      ].join('\n'),
    );
    const before = logged.length;
    g.write(BODY);
    // Nothing of the planned actions is logged before the secrets are known, not even a progress-like line.
    expect(logged).toHaveLength(before);
    g.release((text) => text.replaceAll('hunter2-v1-S3cr3t', '***'));
    expect(logged.slice(before).join('')).toBe(BODY.replace('hunter2-v1-S3cr3t', '***'));
    expect(logged.join('')).not.toContain('85c97ac2');
  });

  it('copes with lines split anywhere across chunks', () => {
    const { logged, gate: g } = gate();
    const text = REFRESH + BODY;
    for (let i = 0; i < text.length; i += 7) g.write(text.slice(i, i + 7));
    const streamed = logged.join('');
    expect(streamed).toContain('terraform_data.s: Refreshing state...\n');
    expect(streamed).not.toContain('Terraform will perform');
    g.release((t) => t);
    expect(logged.join('')).toContain(BODY);
  });

  it('holds a first line that is not progress, and a trailing partial line until release', () => {
    const { logged, gate: g } = gate();
    g.write('Warning: something about "a-value"\nterraform_data.a: Refreshing state... [id=x]\n');
    expect(logged).toEqual([]);
    g.release((t) => t.replace('a-value', '***'));
    expect(logged).toEqual(['Warning: something about "***"\nterraform_data.a: Refreshing state... [id=x]\n']);

    const partial = gate();
    partial.gate.write('terraform_data.a: Refreshing state... [id=x]\nterraform_data.b: Refre');
    expect(partial.logged).toEqual(['terraform_data.a: Refreshing state...\n']);
    partial.gate.release((t) => t);
    expect(partial.logged).toEqual(['terraform_data.a: Refreshing state...\n', 'terraform_data.b: Refre']);
  });

  it('releases once: a second release logs nothing more', () => {
    const { logged, gate: g } = gate();
    g.write('Plan: 1 to add\n');
    g.release((t) => t);
    g.release((t) => t);
    expect(logged).toEqual(['Plan: 1 to add\n']);
  });
});

describe('progressLine', () => {
  it('recognises only the progress forms, and keeps addresses with keys', () => {
    expect(progressLine('aws_s3_bucket.b["logs"]: Refreshing state... [id=logs-123]')).toBe('aws_s3_bucket.b["logs"]: Refreshing state...');
    expect(progressLine('module.m.data.x.y: Read complete after 1m2s [id=z]')).toBe('module.m.data.x.y: Read complete after 1m2s');
    expect(progressLine('import_thing.a: Preparing import... [id=secret-looking]')).toBe('import_thing.a: Preparing import...');
    expect(progressLine('  # terraform_data.a will be created')).toBeUndefined();
    expect(progressLine('terraform_data.a: Creating...')).toBeUndefined();
    expect(progressLine('terraform_data.a: Refreshing state... extra')).toBeUndefined();
    expect(progressLine('Error: terraform_data.a: Refreshing state...')).toBeUndefined();
    expect(progressLine('aws_x.y["a: b"]: Reading...')).toBe('aws_x.y["a: b"]: Reading...');
    expect(progressLine('note "x": Reading...')).toBeUndefined();
  });
});
