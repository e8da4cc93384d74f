/**
 * The runner's log written straight to fd 1 (src/actions/stdout.ts), checked in a child process on a real pipe:
 * the module is loaded as TypeScript by Node's own type stripping, so only a Node with it (23.6 and later) runs these.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requiredNodes } from '../helpers/node-binaries.js';

const module = fileURLToPath(new URL('../../src/actions/stdout.ts', import.meta.url));
const node = requiredNodes().find((n) => n.major >= 24)?.path;

interface Result {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs `body` after `import { writeAll } from stdout.ts`; `closeStdout` closes our end of its stdout first. */
function runChild(body: string, options: { closeStdout?: boolean } = {}): Promise<Result> {
  const script = `import { writeAll } from ${JSON.stringify(module)};\n${body}`;
  const child = spawn(node!, ['--no-warnings', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  if (options.closeStdout) child.stdout.destroy();
  else child.stdout.on('data', (d: Buffer) => out.push(d));
  // A child that never reads stdin may be gone before this arrives.
  child.stdin.on('error', () => undefined);
  child.stdin.end('go\n');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });
}

/** 200,000 numbered lines, ~2.5 MB: far more than a pipe holds (64 KiB on Linux). */
const LINES = 200_000;
const expected = Array.from({ length: LINES }, (_, i) => `line ${i}\n`).join('');

describe.skipIf(!node)('writing the log to fd 1', () => {
  it('delivers every byte in order through a full pipe that Node made non-blocking', async () => {
    // Touching process.stdout is what makes a pipe non-blocking; a single write(2) then takes only what fits.
    const run = await runChild(`
      process.stdout;
      const lines = [];
      for (let i = 0; i < ${LINES}; i++) lines.push('line ' + i + '\\n');
      writeAll(1, lines.join(''));
    `);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.length).toBe(expected.length);
    expect(run.stdout.toString('utf8') === expected).toBe(true);
  });

  it('keeps multi-byte characters whole when a write is split', async () => {
    const text = 'é🟢'.repeat(100_000);
    const run = await runChild(`process.stdout; writeAll(1, ${JSON.stringify('é🟢')}.repeat(100000));`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.toString('utf8') === text).toBe(true);
  });

  it('returns quietly when nobody reads the log any more', async () => {
    // The child waits for our "go" on stdin, which is sent after its stdout's only reader is closed.
    const run = await runChild(
      `
      import { readSync, writeSync } from 'node:fs';
      readSync(0, Buffer.alloc(3));
      writeAll(1, 'x'.repeat(1 << 20));
      writeSync(2, 'after the write');
    `,
      { closeStdout: true },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('after the write');
  });
});
