/**
 * Reading the errors @google-cloud/storage produces — ApiError, GaxiosError, plain `{code, message}` objects
 * from resumable uploads, node-fetch socket errors — into an HTTP status, a retry decision and one sentence.
 */
import { ObjectStoreError } from './object-store.js';

// Socket-level failures worth retrying. The library's default predicate misses some of the ways node-fetch and
// gaxios report a connection closed mid-request.
const RETRYABLE_CODES = new Set([
  'econnreset',
  'epipe',
  'etimedout',
  'econnrefused',
  'eai_again',
  'err_stream_premature_close',
  'und_err_socket',
]);
const RETRYABLE_MESSAGES = /socket hang up|other side closed|premature close|unexpected connection closure|ECONNRESET|EPIPE/i;
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; errors?: Array<{ reason?: unknown }> };
  if (typeof e.code === 'string' && RETRYABLE_CODES.has(e.code.toLowerCase())) return true;
  if (typeof e.message === 'string' && RETRYABLE_MESSAGES.test(e.message)) return true;
  return (e.errors ?? []).some((x) => typeof x?.reason === 'string' && RETRYABLE_CODES.has(x.reason.toLowerCase()));
}

export function isRetryable(err: unknown): boolean {
  const status = statusOf(err);
  return (status !== undefined && RETRYABLE_STATUSES.has(status)) || isConnectionError(err);
}

/** The HTTP status behind an error, wherever this particular code path put it. */
export function statusOf(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const value of [e.code, e.status, e.response?.status]) {
    if (typeof value === 'number' && value >= 100 && value < 600) return value;
    if (typeof value === 'string' && /^\d{3}$/.test(value)) return Number(value);
  }
  return undefined;
}

/** Google's own sentence for the error when there is one, else the error's message. */
export function describe(err: unknown): string {
  const e = err as { message?: unknown; response?: { data?: { error?: { message?: unknown } } } } | undefined;
  const fromBody = e?.response?.data?.error?.message;
  if (typeof fromBody === 'string') return fromBody;
  const message = e && typeof e === 'object' && typeof e.message === 'string' ? e.message : String(err);
  // Download errors carry the raw JSON error body as their message.
  if (message.startsWith('{')) {
    try {
      const parsed = JSON.parse(message) as { error?: { message?: string } };
      if (parsed.error?.message) return parsed.error.message;
    } catch {
      // not JSON after all: keep the message as it is
    }
  }
  return message;
}

/** "Failed to <action> gs://b/o: <Google's sentence> (HTTP n)", keeping the original as `cause`. */
export function withContext(action: string, uri: string, err: unknown): ObjectStoreError {
  if ((err as { code?: unknown })?.code === 'CONTENT_DOWNLOAD_MISMATCH') {
    return new ObjectStoreError(`${uri} is corrupt: the downloaded bytes do not match the CRC32C GCS recorded for it.`, undefined, {
      cause: err,
    });
  }
  const status = statusOf(err);
  return new ObjectStoreError(`Failed to ${action} ${uri}: ${describe(err)}${status ? ` (HTTP ${status})` : ''}`, status, {
    cause: err,
  });
}
