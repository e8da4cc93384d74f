/**
 * Follow a Cloud Build log as it grows: Cloud Build appends to `log-<id>.txt` in the build's logs bucket, and we
 * read from where we stopped (one ranged GET per tick; nothing new costs one empty 416 answer), emitting whole
 * lines only. When the log cannot be read here — no read access, logs only in Cloud Logging, VPC Service
 * Controls — we say so once, with the console link, and stop trying.
 */
import type { ObjectStore } from '../storage/object-store.js';
import { NotFoundError } from '../storage/object-store.js';
import { type Build, logObjectOf } from './build.js';

export interface LogStreamOptions {
  store: ObjectStore;
  /** The build as getBuild returned it (logsBucket, id, options.logging, logUrl). */
  build: Build;
  /** Each complete line of the build log, without its newline. */
  onLine(line: string): void;
  /** Said once, when the log cannot be streamed here. */
  onUnavailable(message: string): void;
  /** Time between reads; default 2 s (a 10-minute build costs ~300 reads). */
  intervalMs?: number;
  /** Where to follow the build when the log cannot be read (defaults to build.logUrl). */
  consoleUrl?: string;
}

export interface LogStream {
  /** Stop following and read what is left (call once the build has ended). */
  finish(): Promise<void>;
  /** Bytes read so far. */
  readonly bytes: number;
  /** Reads made so far (for counting API calls). */
  readonly reads: number;
}

export const LOG_NOT_STREAMED_CLOUD_LOGGING =
  'The build writes its log to Cloud Logging only (options.logging), so it cannot be streamed here.';

/** The log is not readable by this identity: 403 from GCS (missing role, or VPC Service Controls). */
function isForbidden(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const x = e as { code?: unknown; status?: unknown; message?: unknown };
    if (x.code === 403 || x.status === 403 || x.code === '403') return true;
    if (typeof x.message === 'string' && /\(HTTP 403\)|VPC Service Controls|organization's policy/.test(x.message)) return true;
  }
  return false;
}

function unreadableMessage(uri: string, reason: string, consoleUrl: string): string {
  return (
    `The build log ${uri} cannot be read here (${reason}). This identity needs storage.objects.get on the logs ` +
    `bucket (the default Cloud Build logs bucket needs roles/viewer on the project), and VPC Service Controls ` +
    `must allow the read. The build is unaffected; follow it at ${consoleUrl}`
  );
}

export function startBuildLogStream(options: LogStreamOptions): LogStream {
  const { store, build } = options;
  const consoleUrl = options.consoleUrl ?? build.logUrl ?? 'the Cloud Build console';
  const logging = String(build.options?.logging ?? '');
  const target = logObjectOf(build);
  if (logging === 'CLOUD_LOGGING_ONLY' || logging === 'NONE' || logging === 'STACKDRIVER_ONLY' || !target) {
    const why = target ? LOG_NOT_STREAMED_CLOUD_LOGGING : 'The build has no logs bucket, so its log cannot be streamed here.';
    options.onUnavailable(`${why} Follow it at ${consoleUrl}`);
    return { finish: async () => undefined, bytes: 0, reads: 0 };
  }
  const uri = store.uri(target.bucket, target.name);
  const intervalMs = options.intervalMs ?? 2000;
  let offset = 0;
  let reads = 0;
  let pending = Buffer.alloc(0);
  let unreadable = false;
  let stopped = false;
  let wake: () => void = () => undefined;

  const emit = (chunk: Buffer, final: boolean) => {
    // Split on bytes, not decoded text, so a multi-byte character cut between two reads stays whole.
    let data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a)) {
      options.onLine(data.subarray(0, nl).toString('utf8').replace(/\r$/, ''));
      data = data.subarray(nl + 1);
    }
    pending = Buffer.from(data);
    if (final && pending.length) {
      options.onLine(pending.toString('utf8'));
      pending = Buffer.alloc(0);
    }
  };

  /** Read what was appended since the last read; the number of new bytes. */
  const readMore = async (): Promise<number> => {
    if (unreadable) return 0;
    try {
      reads++;
      const chunk = await store.read(target.bucket, target.name, { start: offset });
      offset += chunk.length;
      emit(chunk, false);
      return chunk.length;
    } catch (error) {
      if (error instanceof NotFoundError) return 0; // not written yet: the build is still queued
      if (isForbidden(error)) {
        unreadable = true;
        options.onUnavailable(unreadableMessage(uri, 'permission denied', consoleUrl));
        return 0;
      }
      // Anything else is transient from where we stand; the next tick tries again.
      return 0;
    }
  };

  const loop = (async () => {
    while (!stopped && !unreadable) {
      await readMore();
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    async finish() {
      stopped = true;
      wake();
      await loop;
      // Cloud Build may still be flushing the last lines as the build ends: read until nothing new comes.
      for (let i = 0; i < 3 && (await readMore()) > 0; i++);
      emit(Buffer.alloc(0), true);
    },
    get bytes() {
      return offset;
    },
    get reads() {
      return reads;
    },
  };
}
