/**
 * One object-store interface for the two places objects live: Google Cloud Storage (gcs.ts) and a local folder
 * laid out the same way (local.ts, the embedded default under .dc-pipeline/gcs/<bucket>/…). Reviewed plans and
 * staged ingest files go through it, so write-once, checksums and listing behave the same on both.
 */
import type { Readable } from 'node:stream';

export interface ObjectInfo {
  bucket: string;
  name: string;
  size: number;
  /** GCS generation (a decimal string); locally the file's mtime in ns. */
  generation: string;
  /** Base64 big-endian CRC32C, as GCS reports it. */
  crc32c: string;
  contentType?: string;
  metadata: Record<string, string>;
  /** RFC 3339. */
  updated: string;
}

export interface WriteOptions {
  contentType?: string;
  metadata?: Record<string, string>;
  /**
   * The CRC32C (base64) the caller already computed for exactly these bytes (ingest computes it while writing
   * the clean file). It is declared with the upload, so the backend refuses other bytes and never creates the
   * object, and the upload does not checksum the bytes a second time.
   */
  crc32c?: string;
}

/** What a copy may set instead of keeping the source's: the write options other than the checksum. */
export type CopyOptions = Pick<WriteOptions, 'contentType' | 'metadata'>;

export interface WriteResult {
  /** false when the object already existed (precondition ifGenerationMatch=0 failed): nothing was written. */
  created: boolean;
  info: ObjectInfo;
}

export interface ObjectStore {
  /** gs://bucket/name for GCS, file:///abs/path for the local folder. */
  uri(bucket: string, name: string): string;
  /**
   * Write an object only if it does not exist yet (ifGenerationMatch: 0). The upload is CRC32C-validated:
   * a corrupted upload is deleted, never left behind. Large or streamed sources use a resumable upload.
   */
  writeOnce(bucket: string, name: string, source: Buffer | string | Readable, options?: WriteOptions): Promise<WriteResult>;
  /**
   * Copy `from` to `to` inside the bucket without moving the bytes through this process (GCS objects.rewrite,
   * a hard link locally), only if `to` does not exist yet (ifGenerationMatch: 0; created false otherwise). The
   * copy has the source's checksums, and its content type and metadata unless `options` gives them (then only
   * those). Throws NotFoundError when `from` is absent.
   */
  copyOnce(bucket: string, from: string, to: string, options?: CopyOptions): Promise<WriteResult>;
  /** Metadata, or undefined when the object does not exist. */
  stat(bucket: string, name: string): Promise<ObjectInfo | undefined>;
  /** Whole object, or bytes [start, end] inclusive; throws NotFoundError when absent. */
  read(bucket: string, name: string, range?: { start: number; end?: number }): Promise<Buffer>;
  /** Streaming read (validated against the stored CRC32C where the backend offers it). */
  readStream(bucket: string, name: string): Readable;
  /** Every object whose name starts with prefix (all pages). */
  list(bucket: string, prefix: string): Promise<ObjectInfo[]>;
  delete(bucket: string, name: string): Promise<void>;
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/**
 * Any other failed store operation, its message naming the operation and the object ("Failed to download
 * gs://b/o: … (HTTP 403)"). `status` is the HTTP status when the backend answered with one — 403 means the caller
 * may not read or write there (IAM, VPC Service Controls) — and `cause` is the backend's own error.
 */
export class ObjectStoreError extends Error {
  override readonly name = 'ObjectStoreError';
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Split gs://bucket/some/prefix into its parts; throws a user-facing message naming the input otherwise. */
export function parseGsUri(uri: string, inputName: string): { bucket: string; prefix: string } {
  const m = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,220}[a-z0-9])(?:\/(.*))?$/.exec(uri.trim());
  if (!m) {
    throw new Error(`\`${inputName}\` was "${uri}"; expected gs://<bucket>[/<prefix>] with a valid bucket name.`);
  }
  return { bucket: m[1] as string, prefix: (m[2] ?? '').replace(/\/+$/, '') };
}
