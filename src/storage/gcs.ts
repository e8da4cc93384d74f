/**
 * The object store on Google Cloud Storage: the only place @google-cloud/storage is constructed, and the only
 * code that knows about STORAGE_EMULATOR_HOST, credentials and retries for it.
 *
 * The client is imported lazily (`import()` becomes its own chunk in the bundle), so commands that never touch
 * GCS do not pay for loading it.
 */
import { PassThrough, Readable, pipeline } from 'node:stream';
import type { File, FileMetadata, SaveOptions, Storage, StorageOptions } from '@google-cloud/storage';
import { NotFoundError, type ObjectInfo, type ObjectStore, type WriteOptions, type WriteResult } from './object-store.js';
import { crc32cBase64, Crc32c } from './crc32c.js';

export interface GcsStoreOptions {
  /** Project for requests that need one; in emulator mode a placeholder is used so nothing asks ADC for it. */
  projectId?: string;
  /** Where STORAGE_EMULATOR_HOST is read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Product token prepended to the client's own user agent, e.g. `dc-pipeline-actions/0.1.0`. */
  userAgent?: string;
  /** Retry tuning; defaults suit Actions runners (5 retries, exponential backoff, 10 min budget). */
  retry?: { maxRetries?: number; totalTimeoutSeconds?: number; maxRetryDelaySeconds?: number };
}

/** Buffers up to this size go in one multipart request; larger ones and every stream use a resumable upload. */
export const SIMPLE_UPLOAD_LIMIT = 8 * 1024 * 1024;
/**
 * Resumable uploads are sent in chunks of this size (a multiple of 256 KiB, as GCS requires). Chunking is what
 * makes a dropped connection recoverable: the client keeps the chunk in flight and resends it after asking the
 * server how much it persisted; in single-request mode it cannot and gives up with "data loss" RangeError.
 */
export const RESUMABLE_CHUNK_SIZE = 8 * 1024 * 1024;

const DEFAULT_USER_AGENT = 'dc-pipeline-actions/0.1.0';
const EMULATOR_PROJECT = 'dc-pipeline-emulator';
// Socket-level failures worth retrying. The library's default predicate misses a few that node-fetch reports
// for a connection closed mid-request.
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

export function createGcsStore(options: GcsStoreOptions = {}): ObjectStore {
  let client: Promise<Storage> | undefined;
  return new GcsStore(() => (client ??= loadClient(options)));
}

/** http://host:port from STORAGE_EMULATOR_HOST (which may omit the scheme), or undefined when unset. */
export function emulatorEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.STORAGE_EMULATOR_HOST?.trim();
  if (!raw) return undefined;
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `http://${raw}`;
  return withScheme.replace(/\/+$/, '').replace(/\/storage\/v1$/, '');
}

async function loadClient(options: GcsStoreOptions): Promise<Storage> {
  const { Storage, IdempotencyStrategy, RETRYABLE_ERR_FN_DEFAULT } = await import('@google-cloud/storage');
  const endpoint = emulatorEndpoint(options.env ?? process.env);
  const retry = options.retry ?? {};
  const storageOptions: StorageOptions = {
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    // The library's own CRC32C runs at ~50 MB/s; ours at ~500 MB/s, which matters for GB-sized staging.
    crc32cGenerator: () => {
      const crc = new Crc32c();
      return {
        update: (data: Buffer) => void crc.update(data),
        toString: () => crc.base64(),
        validate: (value: string) => value === crc.base64(),
      };
    },
    retryOptions: {
      autoRetry: true,
      maxRetries: retry.maxRetries ?? 5,
      retryDelayMultiplier: 2,
      maxRetryDelay: retry.maxRetryDelaySeconds ?? 32,
      totalTimeout: retry.totalTimeoutSeconds ?? 600,
      // Conditional writes (ifGenerationMatch) are safe to repeat, so they are retried; unconditional ones not.
      idempotencyStrategy: IdempotencyStrategy.RetryConditional,
      retryableErrorFn: (err) => RETRYABLE_ERR_FN_DEFAULT(err) || isConnectionError(err),
    },
  };
  if (options.projectId) storageOptions.projectId = options.projectId;
  if (endpoint) {
    // A custom endpoint makes the client skip google-auth-library entirely (no ADC lookup, no metadata-server
    // probe), and a fixed project means nothing asks ADC for one either.
    storageOptions.apiEndpoint = endpoint;
    storageOptions.useAuthWithCustomEndpoint = false;
    storageOptions.projectId = options.projectId ?? EMULATOR_PROJECT;
  }
  const storage = new Storage(storageOptions);
  if (endpoint) {
    // When STORAGE_EMULATOR_HOST is in process.env the client uses it verbatim as the JSON API base, dropping
    // the /storage/v1 path every real endpoint (and our loopback server) serves. Set the base the API defines.
    storage.baseUrl = `${endpoint}/storage/v1`;
  }
  return storage;
}

function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; errors?: Array<{ reason?: unknown }> };
  if (typeof e.code === 'string' && RETRYABLE_CODES.has(e.code.toLowerCase())) return true;
  if (typeof e.message === 'string' && RETRYABLE_MESSAGES.test(e.message)) return true;
  return (e.errors ?? []).some((x) => typeof x?.reason === 'string' && RETRYABLE_CODES.has(x.reason.toLowerCase()));
}

function statusOf(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'number') return code;
  if (typeof code === 'string' && /^\d{3}$/.test(code)) return Number(code);
  return undefined;
}

function describe(err: unknown): string {
  // Resumable-upload failures arrive as Google's plain `{code, message, errors}` object, not an Error.
  const message =
    err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string'
      ? (err as { message: string }).message
      : String(err);
  // Download errors carry the raw JSON error body as their message; show Google's sentence instead.
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

function withContext(action: string, uri: string, err: unknown): Error {
  const status = statusOf(err);
  const wrapped = new Error(`Failed to ${action} ${uri}: ${describe(err)}${status ? ` (HTTP ${status})` : ''}`, {
    cause: err,
  });
  return wrapped;
}

export function toObjectInfo(bucket: string, metadata: FileMetadata): ObjectInfo {
  const custom: Record<string, string> = {};
  for (const [k, v] of Object.entries(metadata.metadata ?? {})) if (v !== null && v !== undefined) custom[k] = String(v);
  const info: ObjectInfo = {
    bucket: metadata.bucket ?? bucket,
    name: metadata.name ?? '',
    size: Number(metadata.size ?? 0),
    generation: String(metadata.generation ?? ''),
    crc32c: metadata.crc32c ?? '',
    metadata: custom,
    updated: metadata.updated ?? '',
  };
  if (metadata.contentType) info.contentType = metadata.contentType;
  return info;
}

class GcsStore implements ObjectStore {
  constructor(private readonly client: () => Promise<Storage>) {}

  uri(bucket: string, name: string): string {
    return `gs://${bucket}/${name}`;
  }

  async #file(bucket: string, name: string): Promise<File> {
    return (await this.client()).bucket(bucket).file(name);
  }

  async writeOnce(
    bucket: string,
    name: string,
    source: Buffer | string | Readable,
    options: WriteOptions = {},
  ): Promise<WriteResult> {
    const uri = this.uri(bucket, name);
    const file = await this.#file(bucket, name);
    const data = typeof source === 'string' ? Buffer.from(source) : await emptyAsBuffer(source);
    const resumable = !Buffer.isBuffer(data) || data.length > SIMPLE_UPLOAD_LIMIT;
    const metadata: FileMetadata = {};
    if (options.metadata) metadata.metadata = { ...options.metadata };
    if (options.contentType) metadata.contentType = options.contentType;
    // With the checksum declared up front, GCS itself refuses corrupted bytes and never creates the object.
    // A stream's checksum is only known at the end; the client then compares it with what GCS stored and
    // deletes the object on a mismatch.
    if (Buffer.isBuffer(data)) metadata.crc32c = crc32cBase64(data);
    const saveOptions: SaveOptions = {
      resumable,
      validation: 'crc32c',
      preconditionOpts: { ifGenerationMatch: 0 },
      metadata,
      ...(options.contentType ? { contentType: options.contentType } : {}),
      ...(resumable ? { chunkSize: RESUMABLE_CHUNK_SIZE } : {}),
    };
    try {
      await file.save(data, saveOptions);
    } catch (err) {
      if (statusOf(err) === 412) {
        const existing = await this.stat(bucket, name);
        if (existing) return { created: false, info: existing };
      }
      throw withContext('upload', uri, err);
    }
    return { created: true, info: toObjectInfo(bucket, file.metadata) };
  }

  async stat(bucket: string, name: string): Promise<ObjectInfo | undefined> {
    const file = await this.#file(bucket, name);
    try {
      const [metadata] = await file.getMetadata();
      return toObjectInfo(bucket, metadata);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw withContext('read the metadata of', this.uri(bucket, name), err);
    }
  }

  async read(bucket: string, name: string, range?: { start: number; end?: number }): Promise<Buffer> {
    const uri = this.uri(bucket, name);
    const file = await this.#file(bucket, name);
    if (range && range.end !== undefined && range.end < range.start) return Buffer.alloc(0);
    const options = range ? { start: range.start, ...(range.end !== undefined ? { end: range.end } : {}) } : { validation: 'crc32c' as const };
    try {
      return await readWithRetries(() => file.createReadStream(options));
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) throw new NotFoundError(`${uri} does not exist.`);
      // Reading at or past the end (a growing log that has not grown yet) is not an error: there is nothing new.
      if (status === 416 && range) return Buffer.alloc(0);
      throw withContext('download', uri, err);
    }
  }

  readStream(bucket: string, name: string): Readable {
    const uri = this.uri(bucket, name);
    const out = new PassThrough();
    this.#file(bucket, name).then(
      (file) =>
        pipeline(file.createReadStream({ validation: 'crc32c' }), out, (err) => {
          if (!err) return;
          out.destroy(statusOf(err) === 404 ? new NotFoundError(`${uri} does not exist.`) : withContext('download', uri, err));
        }),
      (err: unknown) => out.destroy(withContext('download', uri, err)),
    );
    return out;
  }

  async list(bucket: string, prefix: string): Promise<ObjectInfo[]> {
    const storage = await this.client();
    try {
      const [files] = await storage.bucket(bucket).getFiles({ prefix, autoPaginate: true });
      return files.map((f) => toObjectInfo(bucket, f.metadata));
    } catch (err) {
      throw withContext('list', this.uri(bucket, prefix), err);
    }
  }

  async delete(bucket: string, name: string): Promise<void> {
    const file = await this.#file(bucket, name);
    try {
      await file.delete({ ignoreNotFound: true });
    } catch (err) {
      throw withContext('delete', this.uri(bucket, name), err);
    }
  }
}

/**
 * An empty stream becomes an empty Buffer: the client's chunked resumable upload would describe zero bytes as
 * `Content-Range: bytes 0--1/0`, which is not a valid range. Non-empty streams are passed on untouched.
 */
async function emptyAsBuffer(source: Buffer | Readable): Promise<Buffer | Readable> {
  if (Buffer.isBuffer(source)) return source;
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await iterator.next();
  if (first.done) return Buffer.alloc(0);
  return Readable.from(
    (async function* () {
      yield Buffer.from(first.value);
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield Buffer.from(next.value);
    })(),
  );
}

/** Downloads are idempotent, but the client does not retry a stream that fails mid-body; this does. */
async function readWithRetries(open: () => Readable, attempts = 4): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of open()) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    } catch (err) {
      const status = statusOf(err);
      const retryable = (status !== undefined && [408, 429, 500, 502, 503, 504].includes(status)) || isConnectionError(err);
      if (!retryable || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
