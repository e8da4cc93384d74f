/**
 * The runner's log: the actions' lines and workflow commands, written to file descriptor 1 with write(2).
 *
 * Node builds process.stdout on first use: for the pipe a runner gives each step, a net.Socket and the stream
 * modules under it. Measured on Node 24 in a fresh process: the first process.stdout.write took 4.5–6.4 ms to a
 * pipe (2.4–3.7 ms to /dev/null), fs.writeSync 0.1 ms. That was a tenth of what a plan-json run does on top of
 * node itself, and every action paid it before its first line.
 *
 * Each write is complete when it returns. Node makes fd 1 non-blocking once something touches process.stdout
 * on a pipe; then a full pipe takes part of a write (checked: 65,536 of 1,048,576 bytes) and refuses the next
 * one with EAGAIN until the runner reads. The loop below waits and writes the rest.
 */
import { writeSync } from 'node:fs';

/** Replaceable as a whole object method, so a test in the same process can read what an action prints. */
export const stdout = {
  write(text: string): void {
    writeAll(1, text);
  },
};

/** How long to wait for a full pipe to drain before trying again. */
const DRAIN_WAIT_MS = 2;

/** Writes all of `text` to `fd`, waiting out a full non-blocking pipe. */
export function writeAll(fd: number, text: string): void {
  // Log lines are short: encoding once keeps partial writes in bytes, where they happen.
  writeAllBytes(fd, Buffer.from(text, 'utf8'));
}

/** Writes all of `bytes` to `fd` (a file, or a pipe that may be full or closed). */
export function writeAllBytes(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        sleepSync(DRAIN_WAIT_MS);
        continue;
      }
      // Nobody reads the log any more (the runner cancelled the job): there is no one to tell.
      if (code === 'EPIPE') return;
      throw error;
    }
  }
}

let sleeper: Int32Array | undefined;

/** Blocks this thread for `ms` (the write must finish before the next line, so there is no event loop to yield to). */
function sleepSync(ms: number): void {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, ms);
}
