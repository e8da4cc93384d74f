import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ActionSpec {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}
const action = parse(readFileSync('src/actions/plan/action.yml', 'utf8')) as ActionSpec;
const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('src/actions/plan/action.yml', () => {
  // Issue 2 §3 names these exactly; the reviewed-plan chain adds plan-bucket / plan-uri (issue: apply).
  it('declares exactly the public inputs and outputs, each described', () => {
    expect(Object.keys(action.inputs)).toEqual([
      'working-directory', 'environment', 'plan-json', 'plan-file', 'terraform', 'init', 'var-files', 'args',
      'github-token', 'comment', 'labels', 'fail-on-destroy', 'plan-bucket',
    ]);
    expect(Object.keys(action.outputs)).toEqual([
      'has-changes', 'add', 'change', 'destroy', 'replace', 'import', 'move', 'forget', 'drift', 'summary',
      'comment-id', 'comment-url', 'plan-json', 'plan-sha256', 'plan-uri',
    ]);
    for (const spec of [...Object.values(action.inputs), ...Object.values(action.outputs)]) expect(spec.description.length).toBeGreaterThan(10);
  });

  it('quotes every default and keeps the documented ones', () => {
    const text = readFileSync('src/actions/plan/action.yml', 'utf8');
    for (const line of text.split('\n').filter((l) => /^\s+default:/.test(l))) expect(line).toMatch(/default: '.*'$/);
    expect(action.inputs['working-directory']?.default).toBe('.');
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
    expect(action.inputs.comment?.default).toBe('update');
    expect(action.inputs.init?.default).toBe('true');
    expect(action.runs).toEqual({ using: 'node24', main: '../../../dist/plan/index.js' });
  });
});

describe('scripts/docs.js', () => {
  function copyOfRepo(withReadme: string): string {
    const root = mkdtempSync(join(tmpdir(), 'dcp-docs-'));
    scratch.push(root);
    mkdirSync(join(root, 'scripts'));
    cpSync('scripts/docs.js', join(root, 'scripts', 'docs.js'));
    mkdirSync(join(root, 'src', 'actions', 'plan'), { recursive: true });
    cpSync('src/actions/plan/action.yml', join(root, 'src', 'actions', 'plan', 'action.yml'));
    symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'README.md'), withReadme);
    return root;
  }

  it('fills the README tables between markers and writes the root action.yml, identically on a second run', () => {
    const root = copyOfRepo('# x\n<!-- inputs:plan -->\nOLD-TABLE-ROW\n<!-- /inputs:plan -->\n\n<!-- outputs:plan --><!-- /outputs:plan -->\n');
    execFileSync(process.execPath, ['scripts/docs.js'], { cwd: root });
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const rootAction = readFileSync(join(root, 'action.yml'), 'utf8');
    expect(readme).not.toContain('OLD-TABLE-ROW');
    expect(readme).toContain("| `comment` | no | `update` |");
    expect(readme).toContain('| `plan-sha256` |');
    const spec = parse(rootAction) as ActionSpec;
    expect(spec.inputs.command?.required).toBe(true);
    expect(spec.inputs['fail-on-destroy']?.default).toBe('false');
    expect(spec.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    execFileSync(process.execPath, ['scripts/docs.js'], { cwd: root });
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe(readme);
    expect(readFileSync(join(root, 'action.yml'), 'utf8')).toBe(rootAction);
  });
});
