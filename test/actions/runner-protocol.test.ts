/**
 * The runner protocol as this process writes it: masks, step outputs and the job summary (src/actions/runner.ts),
 * checked in-process against real GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseOutputFile } from '../helpers/run-bundle.js';
import { appendSummary, info, setOutput, setOutputs, setSecret, STEP_SUMMARY_LIMIT_BYTES } from '../../src/actions/runner.js';
import { stdout as runnerLog } from '../../src/actions/stdout.js';

let dir: string;
let stdout: string[];
const saved = { output: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcp-runner-'));
  process.env.GITHUB_OUTPUT = join(dir, 'output');
  process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary');
  writeFileSync(process.env.GITHUB_OUTPUT, '');
  writeFileSync(process.env.GITHUB_STEP_SUMMARY, '');
  stdout = [];
  vi.spyOn(runnerLog, 'write').mockImplementation((text: string) => {
    stdout.push(text);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env.GITHUB_OUTPUT = saved.output;
  process.env.GITHUB_STEP_SUMMARY = saved.summary;
  rmSync(dir, { recursive: true, force: true });
});

const outputs = () => parseOutputFile(readFileSync(join(dir, 'output'), 'utf8'));
const summary = () => readFileSync(join(dir, 'summary'), 'utf8');

describe('masks', () => {
  const sha = '9f2c0e4d2f669179d404748bf8c43a0e5b1d2c3f4a5b6c7d8e9f0a1b2c3d4e5f';

  it('leave a computed hash intact in outputs and the summary when a short secret occurs inside it', () => {
    setSecret('179'); // e.g. a sensitive port number
    setOutput('plan-sha256', sha);
    appendSummary(`Plan sha256: \`${sha}\``);
    expect(outputs()['plan-sha256']).toBe(sha);
    expect(summary()).toContain(sha);
    // The log still masks it: there the runner would anyway.
    info(`port 179 and ${sha}`);
    expect(stdout.join('')).not.toContain('port 179');
  });

  it('still redact a long secret from outputs, the summary and the log', () => {
    const secret = 'hunter2-Sup3r-Secret';
    setSecret(secret);
    expect(stdout.join('')).toContain(`::add-mask::${secret}`);
    setOutput('note', `token=${secret};`);
    appendSummary(`value: ${secret}`);
    info(`value: ${secret}`);
    expect(outputs().note).toBe('token=***;');
    expect(summary()).not.toContain(secret);
    expect(stdout.filter((line) => !line.startsWith('::add-mask::')).join('')).not.toContain(secret);
  });
});

describe('the job summary', () => {
  it('refuses to grow the file past 1 MiB, leaves it as it was and warns', () => {
    const file = join(dir, 'summary');
    const almostFull = 'x'.repeat(STEP_SUMMARY_LIMIT_BYTES - 10);
    writeFileSync(file, almostFull);
    expect(appendSummary('a'.repeat(100))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(almostFull);
    expect(stdout.join('')).toMatch(/::warning::The job summary is full \(1 MiB per step\)/);
  });

  it('appends up to the limit exactly', () => {
    const file = join(dir, 'summary');
    writeFileSync(file, 'x'.repeat(STEP_SUMMARY_LIMIT_BYTES - 101));
    expect(appendSummary('a'.repeat(100))).toBe(true); // 100 bytes and a line end
    expect(readFileSync(file).length).toBe(STEP_SUMMARY_LIMIT_BYTES);
  });

  it('writes the encoding it is given when nothing is masked, and encodes the masked text itself', () => {
    const file = join(dir, 'summary');
    writeFileSync(file, '');
    // A stand-in encoding that differs from the text's shows which one reached the file.
    expect(appendSummary('🟢 plain', Buffer.from('given bytes'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('given bytes\n');
    const secret = 'hunter2-Sup3r-Secret';
    setSecret(secret);
    writeFileSync(file, '');
    expect(appendSummary(`🟢 ${secret}`, Buffer.from(`🟢 ${secret}`))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('🟢 ***\n');
  });

  it('counts the limit by the encoding it is given', () => {
    const file = join(dir, 'summary');
    writeFileSync(file, 'x'.repeat(STEP_SUMMARY_LIMIT_BYTES - 9));
    expect(appendSummary('🟢🔴x', Buffer.from('🟢🔴x'))).toBe(false);
    expect(appendSummary('🟢🔴', Buffer.from('🟢🔴'))).toBe(true);
    expect(readFileSync(file).length).toBe(STEP_SUMMARY_LIMIT_BYTES);
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    const file = join(dir, 'summary');
    writeFileSync(file, 'x'.repeat(STEP_SUMMARY_LIMIT_BYTES - 9));
    // Two emoji are 4 characters and 8 bytes; with the line end, 9 bytes fit exactly and 10 do not.
    expect(appendSummary('🟢🔴x')).toBe(false);
    expect(appendSummary('🟢🔴')).toBe(true);
    expect(readFileSync(file).length).toBe(STEP_SUMMARY_LIMIT_BYTES);
    expect(readFileSync(file, 'utf8').endsWith('🟢🔴\n')).toBe(true);
  });
});

describe('step outputs', () => {
  it('writes several outputs in one append, each under its own delimiter, values intact', () => {
    setOutput('first', 'before');
    setOutputs({ count: 3, flag: false, multi: 'line one\nline two', empty: '', tricky: 'ghadelimiter_x\n<<EOF' });
    expect(outputs()).toEqual({ first: 'before', count: '3', flag: 'false', multi: 'line one\nline two', empty: '', tricky: 'ghadelimiter_x\n<<EOF' });
    const delimiters = [...readFileSync(join(dir, 'output'), 'utf8').matchAll(/<<(ghadelimiter_[0-9a-f-]+)\n/g)].map((m) => m[1]);
    expect(new Set(delimiters).size).toBe(6);
  });

  it('redacts long secrets in every output of a batch', () => {
    const secret = 'hunter2-Sup3r-Secret';
    setSecret(secret);
    setOutputs({ a: `x${secret}`, b: 'clean' });
    expect(outputs()).toEqual({ a: 'x***', b: 'clean' });
  });

  it('prints old-style set-output commands outside a runner', () => {
    delete process.env.GITHUB_OUTPUT;
    setOutputs({ a: '1', b: 'two\nlines' });
    expect(stdout.join('')).toContain('::set-output name=a::1\n');
    expect(stdout.join('')).toContain('::set-output name=b::two%0Alines\n');
  });
});
