/**
 * The object store on Google Cloud Storage: the only place @google-cloud/storage is constructed, and the only
 * code that knows about STORAGE_EMULATOR_HOST, credentials and retries for it.
 *
 * The client is imported lazily (`import()` becomes its own chunk in the bundle), so commands that never touch
 * GCS do not pay for loading it.
 */
import { PassThrough, Readable, Transform, pipeline, type TransformCallback } from 'node:stream';
import type { File, FileMetadata, SaveOptions, Storage, StorageOptions } from '@google-cloud/storage';
import {
  NotFoundError,
  ObjectStoreError,
  type CopyOptions,
  type ObjectInfo,
  type ObjectStore,
  type WriteOptions,
  type WriteResult,
} from './object-store.js';
import { crc32cBase64, Crc32c } from './crc32c.js';
import { isConnectionError, statusOf, withContext } from './gcs-errors.js';
import { DEFAULT_DOWNLOAD_POLICY, downloadWithRetries, withWatchdog, type DownloadPolicy } from './gcs-download.js';

export interface GcsStoreOptions {
  /** Project for requests that need one; in emulator mode a placeholder is used so nothing asks ADC for it. */
  projectId?: string;
  /** Where STORAGE_EMULATOR_HOST is read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Product token prepended to the client's own user agent, e.g. `dc-pipeline-actions/0.1.0`. */
  userAgent?: string;
  /** Retry tuning; defaults suit Actions runners (5 retries, exponential backoff, 10 min budget). */
  retry?: { maxRetries?: number; totalTimeoutSeconds?: number; maxRetryDelaySeconds?: number };
  /** Download retries and stall detection (see gcs-download.ts); tests shorten the idle timeout. */
  download?: Partial<DownloadPolicy>;
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

export function createGcsStore(options: GcsStoreOptions = {}): ObjectStore {
  let clients: Promise<Clients> | undefined;
  const policy = { ...DEFAULT_DOWNLOAD_POLICY, ...options.download };
  return new GcsStore(() => (clients ??= loadClients(options)), policy);
}

/** http://host:port from STORAGE_EMULATOR_HOST (which may omit the scheme), or undefined when unset. */
export function emulatorEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.STORAGE_EMULATOR_HOST?.trim();
  if (!raw) return undefined;
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `http://${raw}`;
  return withScheme.replace(/\/+$/, '').replace(/\/storage\/v1$/, '');
}

interface Clients {
  storage: Storage;
  /** Same endpoint and credentials, automatic retries off: downloads are retried by gcs-download.ts. */
  downloads: Storage;
}

async function loadClients(options: GcsStoreOptions): Promise<Clients> {
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
  const downloads = new Storage({
    ...storageOptions,
    // Share the first client's auth, so ADC is resolved (and tokens fetched) once.
    ...(endpoint ? {} : { authClient: storage.authClient as StorageOptions['authClient'] }),
    retryOptions: { ...storageOptions.retryOptions, autoRetry: false, maxRetries: 0 },
  });
  if (endpoint) {
    // When STORAGE_EMULATOR_HOST is in process.env the client uses it verbatim as the JSON API base, dropping
    // the /storage/v1 path every real endpoint (and our loopback server) serves. Set the base the API defines.
    storage.baseUrl = `${endpoint}/storage/v1`;
    downloads.baseUrl = `${endpoint}/storage/v1`;
  }
  return { storage, downloads };
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
  constructor(
    private readonly clients: () => Promise<Clients>,
    private readonly policy: DownloadPolicy,
  ) {}

  uri(bucket: string, name: string): string {
    return `gs://${bucket}/${name}`;
  }

  async #file(bucket: string, name: string, use: keyof Clients = 'storage'): Promise<File> {
    return (await this.clients())[use].bucket(bucket).file(name);
  }

  async writeOnce(
    bucket: string,
    name: string,
    source: Buffer | string | Readable,
    options: WriteOptions = {},
  ): Promise<WriteResult> {
    const uri = this.uri(bucket, name);
    const file = await this.#file(bucket, name);
    const prepared = typeof source === 'string' ? Buffer.from(source) : await emptyAsBuffer(source);
    // What we sent, to recognise our own object after a failure whose cause came after GCS had stored it.
    const sent = Buffer.isBuffer(prepared) ? sentBuffer(prepared) : sentStream(prepared, options.crc32c);
    const data = sent.data;
    const resumable = !Buffer.isBuffer(data) || data.length > SIMPLE_UPLOAD_LIMIT;
    const metadata: FileMetadata = {};
    if (options.metadata) metadata.metadata = { ...options.metadata };
    if (options.contentType) metadata.contentType = options.contentType;
    // With the checksum declared up front, GCS itself refuses corrupted bytes and never creates the object.
    // A stream's checksum is only known at the end unless the caller knows it: it is computed while sending
    // (SentTally) and compared with what GCS stored, and the object deleted on a mismatch, as the client's own
    // `validation: 'crc32c'` would do — but that would be a second CRC pass over every byte.
    const declared = Buffer.isBuffer(data) ? sent.crc32c() : options.crc32c;
    if (declared) metadata.crc32c = declared;
    const saveOptions: SaveOptions = {
      resumable,
      validation: false,
      preconditionOpts: { ifGenerationMatch: 0 },
      metadata,
      ...(options.contentType ? { contentType: options.contentType } : {}),
      ...(resumable ? { chunkSize: RESUMABLE_CHUNK_SIZE } : {}),
    };
    try {
      await file.save(data, saveOptions);
    } catch (err) {
      // 412: the name was taken — by another writer, or by our own earlier attempt whose reply was lost.
      // Otherwise the upload may still have landed (a lost final reply makes the client give up on a
      // resumable session GCS had already completed): byte-identical content at the name is as good as written.
      const existing = await this.stat(bucket, name).catch(() => undefined);
      if (existing && (statusOf(err) === 412 || sent.matches(existing))) return { created: false, info: existing };
      throw withContext('upload', uri, err);
    }
    const info = toObjectInfo(bucket, file.metadata);
    if (!declared && info.crc32c !== sent.crc32c()) {
      await file.delete({ ifGenerationMatch: info.generation }).catch(() => undefined);
      throw new ObjectStoreError(
        `Failed to upload ${uri}: the stored object's CRC32C ${info.crc32c} does not match the ${sent.crc32c()} of the bytes sent ` +
          '(corrupted in transit); it was deleted.',
      );
    }
    return { created: true, info };
  }

  async copyOnce(bucket: string, from: string, to: string, options: CopyOptions = {}): Promise<WriteResult> {
    const source = await this.#file(bucket, from);
    const target = await this.#file(bucket, to);
    // The client sends what is left of its options as the request body: the destination's resource, if any.
    const destination = {
      ...(options.contentType ? { contentType: options.contentType } : {}),
      ...(options.metadata ? { metadata: { ...options.metadata } } : {}),
    };
    try {
      // Conditional on the destination not existing, so the client may retry it (RetryConditional).
      const [, response] = await source.copy(target, { preconditionOpts: { ifGenerationMatch: 0 }, ...destination });
      const resource = (response as { resource?: FileMetadata } | undefined)?.resource;
      const info = resource ? toObjectInfo(bucket, resource) : await this.stat(bucket, to);
      if (!info) throw new Error(`${this.uri(bucket, to)} is missing right after it was copied.`);
      return { created: true, info };
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) throw new NotFoundError(`${this.uri(bucket, from)} does not exist.`);
      if (status === 412) {
        const existing = await this.stat(bucket, to);
        if (existing) return { created: false, info: existing };
      }
      throw withContext(`copy ${this.uri(bucket, from)} to`, this.uri(bucket, to), err);
    }
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
    const file = await this.#file(bucket, name, 'downloads');
    if (range && range.end !== undefined && range.end < range.start) return Buffer.alloc(0);
    // Ranged reads cannot be checked against the object's CRC32C (the client refuses to try); whole ones are.
    const options = range
      ? { start: range.start, ...(range.end !== undefined ? { end: range.end } : {}) }
      : { validation: 'crc32c' as const };
    try {
      return await downloadWithRetries(() => file.createReadStream(options), this.policy);
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) throw new NotFoundError(`${uri} does not exist.`);
      // Reading at or past the end (a growing log that has not grown yet) is not an error: there is nothing new.
      if (status === 416 && range) return Buffer.alloc(0);
      throw withContext('download', uri, err);
    }
  }

  /** Validated against the stored CRC32C; not retried once bytes have flowed (the consumer has them). */
  readStream(bucket: string, name: string): Readable {
    const uri = this.uri(bucket, name);
    const out = new PassThrough();
    const fail = (err: unknown) =>
      out.destroy(statusOf(err) === 404 ? new NotFoundError(`${uri} does not exist.`) : withContext('download', uri, err));
    this.#file(bucket, name, 'downloads').then((file) => {
      const source = withWatchdog(file.createReadStream({ validation: 'crc32c' }), this.policy.idleTimeoutMs);
      source.on('error', fail);
      source.pipe(out);
    }, fail);
    return out;
  }

  async list(bucket: string, prefix: string): Promise<ObjectInfo[]> {
    const { storage } = await this.clients();
    try {
      const [files] = await storage.bucket(bucket).getFiles({ prefix, autoPaginate: true });
      return files.map((f) => toObjectInfo(bucket, f.metadata));
    } catch (err) {
      throw withContext('list', this.uri(bucket, prefix), err);
    }
  }

  async delete(bucket: string, name: string): Promise<void> {
    // Deleting the generation we looked at makes the call conditional, which the client then retries
    // safely: a retry can never remove a newer object written under the same name in between.
    const info = await this.stat(bucket, name);
    if (!info) return;
    const file = await this.#file(bucket, name);
    try {
      await file.delete({ ignoreNotFound: true, ifGenerationMatch: info.generation });
    } catch (err) {
      throw withContext('delete', this.uri(bucket, name), err);
    }
  }

}

interface Sent {
  data: Buffer | Readable;
  crc32c(): string;
  /** True when the whole source was sent and `info` describes exactly those bytes. */
  matches(info: ObjectInfo): boolean;
}

function sentBuffer(data: Buffer): Sent {
  const crc32c = crc32cBase64(data);
  return { data, crc32c: () => crc32c, matches: (info) => info.size === data.length && info.crc32c === crc32c };
}

function sentStream(source: Readable, declaredCrc32c: string | undefined): Sent {
  // A declared checksum is the caller's (and GCS enforces it): then the bytes are only counted.
  const tally = new SentTally(declaredCrc32c === undefined);
  const data = pipeline(source, tally, () => undefined);
  const crc32c = () => declaredCrc32c ?? tally.crc32c.base64();
  return { data, crc32c, matches: (info) => tally.complete && info.size === tally.bytes && info.crc32c === crc32c() };
}

/** What passed through on its way to the upload: its size, whether it all did, and (when asked) its CRC32C. */
class SentTally extends Transform {
  readonly crc32c = new Crc32c();
  bytes = 0;
  complete = false;

  constructor(private readonly checksum: boolean) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.checksum) this.crc32c.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.complete = true;
    callback();
  }
}

/**
 * An empty stream becomes an empty Buffer: the client's chunked resumable upload would describe zero bytes as
 * `Content-Range: bytes 0--1/0`, which is not a valid range. A non-empty stream is returned as it is, its first
 * bytes still buffered in it: looked at through 'readable', not wrapped in another stream (an async-generator
 * wrapper cost a promise round trip per chunk, ~5% of a streamed ingest's CPU in a profile).
 */
async function emptyAsBuffer(source: Buffer | Readable): Promise<Buffer | Readable> {
  if (Buffer.isBuffer(source)) return source;
  // A stream that failed or was destroyed before the upload started (a download that broke off while the
  // storage client was still loading) has already emitted everything it ever will: waiting for an event would
  // never settle, and the process would exit with its work unsettled and no message.
  if (source.destroyed) throw source.errored ?? new Error('the stream to upload was closed before the upload started');
  if (source.readableEnded) return Buffer.alloc(0);
  const hasData = await new Promise<boolean>((resolve, reject) => {
    const settle = (result: boolean | Error) => {
      source.off('readable', onReadable);
      source.off('end', onEnd);
      source.off('error', onError);
      source.off('close', onClose);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    // 'readable' comes with data, or at the end with none; read() then lets 'end' fire.
    const onReadable = () => (source.readableLength > 0 ? settle(true) : source.read());
    const onEnd = () => settle(false);
    const onError = (error: Error) => settle(error);
    // Destroyed without an error: no 'end' or 'error' follows, only 'close'.
    const onClose = () => settle(source.errored ?? new Error('the stream to upload was closed before it ended'));
    source.on('readable', onReadable);
    source.once('end', onEnd);
    source.once('error', onError);
    source.once('close', onClose);
  });
  return hasData ? source : Buffer.alloc(0);
}
