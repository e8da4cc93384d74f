/**
 * Downloads through @google-cloud/storage made dependable. Two behaviours of the client (7.22, node-fetch 2
 * underneath) force this:
 * - a response body cut off mid-way (connection reset after the headers) never ends and never errors: the
 *   stream just stalls. A watchdog turns silence into a retryable error.
 * - its own stream retry, after a 5xx, pipes into a stream it already destroyed and leaves an unhandled
 *   rejection behind (which ends a Node process). Downloads therefore use a client with automatic retries off,
 *   and are retried here — safe, since reading is idempotent.
 */
import { Transform, pipeline, type Readable } from 'node:stream';
import { isRetryable } from './gcs-errors.js';

export interface DownloadPolicy {
  /** Give up on a download that delivers nothing for this long (ms). */
  idleTimeoutMs: number;
  /** Attempts in all, first included. */
  attempts: number;
  /** Delay before the second attempt (ms); doubles each time. */
  firstRetryDelayMs: number;
}

export const DEFAULT_DOWNLOAD_POLICY: DownloadPolicy = { idleTimeoutMs: 60_000, attempts: 5, firstRetryDelayMs: 250 };

class StalledError extends Error {
  readonly code = 'ETIMEDOUT';
}

/**
 * The source's bytes, failing with a retryable ETIMEDOUT error if nothing arrives for `idleTimeoutMs` while the
 * consumer is waiting for more (a paused consumer never trips it).
 */
export function withWatchdog(source: Readable, idleTimeoutMs: number): Readable {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Bytes waiting for a slow consumer mean the network is not the one stalling.
      if (guard.readableLength > 0) return arm();
      const error = new StalledError(`No data for ${idleTimeoutMs} ms; the connection was probably lost.`);
      source.destroy(error);
      guard.destroy(error);
    }, idleTimeoutMs);
  };
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      arm();
      callback(null, chunk);
    },
    flush(callback) {
      clearTimeout(timer);
      callback();
    },
  });
  guard.on('close', () => clearTimeout(timer));
  arm();
  return pipeline(source, guard, () => clearTimeout(timer));
}

/** Reads a whole download into memory, reopening it from scratch after a retryable failure. */
export async function downloadWithRetries(open: () => Readable, policy: DownloadPolicy): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of withWatchdog(open(), policy.idleTimeoutMs)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    } catch (err) {
      if (!isRetryable(err) || attempt >= policy.attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, policy.firstRetryDelayMs * 2 ** (attempt - 1)));
    }
  }
}
