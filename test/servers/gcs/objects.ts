/**
 * The server's in-memory buckets and objects, and their JSON resource form (`storage#object`).
 */
import { createHash } from 'node:crypto';
import { crc32cBase64 } from '../../../src/storage/crc32c.js';
import { bucketNotFound, preconditionFailed, GcsError } from './errors.js';

export interface ObjectRecord {
  bucket: string;
  name: string;
  data: Buffer;
  /** Decimal string, as GCS sends it. */
  generation: string;
  metageneration: string;
  contentType: string;
  /** Resource fields other than the ones above that a client may set (cacheControl, contentEncoding, …). */
  fields: Record<string, string>;
  /** Custom metadata (`metadata` in the JSON resource). */
  metadata: Record<string, string>;
  crc32c: string;
  md5Hash: string;
  timeCreated: string;
  updated: string;
}

export interface ObjectMetadataInput {
  contentType?: string;
  metadata?: Record<string, string>;
  [field: string]: unknown;
}

/** Resource fields a client may set on insert/patch that we store verbatim. */
const SETTABLE_FIELDS = ['cacheControl', 'contentDisposition', 'contentEncoding', 'contentLanguage', 'customTime'];

export interface Preconditions {
  ifGenerationMatch?: string;
  ifGenerationNotMatch?: string;
  ifMetagenerationMatch?: string;
  ifMetagenerationNotMatch?: string;
}

export function preconditionsFrom(query: URLSearchParams): Preconditions {
  const out: Preconditions = {};
  for (const key of ['ifGenerationMatch', 'ifGenerationNotMatch', 'ifMetagenerationMatch', 'ifMetagenerationNotMatch'] as const) {
    const v = query.get(key);
    if (v !== null) out[key] = v;
  }
  return out;
}

export class ObjectStoreState {
  readonly buckets = new Map<string, Map<string, ObjectRecord>>();
  readonly unreadable = new Set<string>();
  // Real generations are microsecond timestamps; keep them monotonic even within one microsecond.
  #lastGeneration = 0n;

  nextGeneration(): string {
    const now = BigInt(Date.now()) * 1000n;
    this.#lastGeneration = now > this.#lastGeneration ? now : this.#lastGeneration + 1n;
    return this.#lastGeneration.toString();
  }

  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, new Map());
  }

  bucket(name: string): Map<string, ObjectRecord> {
    const b = this.buckets.get(name);
    if (!b) throw bucketNotFound(name);
    return b;
  }

  /** Throws 412 when a precondition does not hold for the current object (or its absence). */
  check(bucket: string, name: string, pre: Preconditions): void {
    const current = this.bucket(bucket).get(name);
    const generation = current?.generation ?? '0';
    if (pre.ifGenerationMatch !== undefined && pre.ifGenerationMatch !== generation) {
      throw preconditionFailed('If-Match');
    }
    if (pre.ifGenerationNotMatch !== undefined && pre.ifGenerationNotMatch === generation) {
      // GCS answers 304 for reads and 412 for writes; 412 is what a write-path caller needs to see.
      throw preconditionFailed('If-None-Match');
    }
    if (pre.ifMetagenerationMatch !== undefined && (!current || current.metageneration !== pre.ifMetagenerationMatch)) {
      throw preconditionFailed('If-Metageneration-Match');
    }
    if (pre.ifMetagenerationNotMatch !== undefined && current?.metageneration === pre.ifMetagenerationNotMatch) {
      throw preconditionFailed('If-Metageneration-Not-Match');
    }
  }

  /** `checksums`: already computed over `data` (resumable uploads hash each chunk as it arrives). */
  put(bucket: string, name: string, data: Buffer, input: ObjectMetadataInput = {}, checksums?: Checksums): ObjectRecord {
    const objects = this.bucket(bucket);
    const now = new Date().toISOString();
    const fields: Record<string, string> = {};
    for (const f of SETTABLE_FIELDS) {
      const v = input[f];
      if (typeof v === 'string') fields[f] = v;
    }
    const record: ObjectRecord = {
      bucket,
      name,
      data,
      generation: this.nextGeneration(),
      metageneration: '1',
      contentType: input.contentType ?? 'application/octet-stream',
      fields,
      metadata: stringRecord(input.metadata),
      crc32c: checksums?.crc32c ?? crc32cBase64(data),
      md5Hash: checksums?.md5Hash ?? createHash('md5').update(data).digest('base64'),
      timeCreated: now,
      updated: now,
    };
    objects.set(name, record);
    return record;
  }

  append(bucket: string, name: string, data: Buffer): ObjectRecord {
    const current = this.bucket(bucket).get(name);
    if (!current) return this.put(bucket, name, data);
    const next = this.put(bucket, name, Buffer.concat([current.data, data]), {
      contentType: current.contentType,
      metadata: current.metadata,
      ...current.fields,
    });
    next.timeCreated = next.updated;
    return next;
  }

  get(bucket: string, name: string): ObjectRecord | undefined {
    return this.buckets.get(bucket)?.get(name);
  }

  patch(record: ObjectRecord, body: Record<string, unknown>): ObjectRecord {
    if (typeof body.contentType === 'string') record.contentType = body.contentType;
    for (const f of SETTABLE_FIELDS) {
      const v = body[f];
      if (typeof v === 'string') record.fields[f] = v;
      else if (v === null) delete record.fields[f];
    }
    if (body.metadata === null) record.metadata = {};
    else if (body.metadata && typeof body.metadata === 'object') {
      for (const [k, v] of Object.entries(body.metadata as Record<string, unknown>)) {
        if (v === null) delete record.metadata[k];
        else record.metadata[k] = String(v);
      }
    }
    record.metageneration = String(Number(record.metageneration) + 1);
    record.updated = new Date().toISOString();
    return record;
  }
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

export function objectResource(baseUrl: string, o: ObjectRecord): Record<string, unknown> {
  const encoded = encodeURIComponent(o.name);
  return {
    kind: 'storage#object',
    id: `${o.bucket}/${o.name}/${o.generation}`,
    selfLink: `${baseUrl}/storage/v1/b/${o.bucket}/o/${encoded}`,
    mediaLink: `${baseUrl}/download/storage/v1/b/${o.bucket}/o/${encoded}?generation=${o.generation}&alt=media`,
    name: o.name,
    bucket: o.bucket,
    generation: o.generation,
    metageneration: o.metageneration,
    contentType: o.contentType,
    storageClass: 'STANDARD',
    size: String(o.data.length),
    md5Hash: o.md5Hash,
    crc32c: o.crc32c,
    etag: etagOf(o),
    timeCreated: o.timeCreated,
    updated: o.updated,
    timeStorageClassUpdated: o.timeCreated,
    ...o.fields,
    ...(Object.keys(o.metadata).length > 0 ? { metadata: { ...o.metadata } } : {}),
  };
}

export function etagOf(o: ObjectRecord): string {
  return Buffer.from(`${o.generation}/${o.metageneration}`).toString('base64');
}

export function bucketResource(baseUrl: string, name: string): Record<string, unknown> {
  return {
    kind: 'storage#bucket',
    id: name,
    selfLink: `${baseUrl}/storage/v1/b/${name}`,
    name,
    projectNumber: '123456789012',
    metageneration: '1',
    location: 'US',
    storageClass: 'STANDARD',
    etag: 'CAE=',
    timeCreated: new Date(0).toISOString(),
    updated: new Date(0).toISOString(),
    locationType: 'multi-region',
  };
}

/** Base64 CRC32C and MD5 of an object's bytes, as GCS reports them. */
export interface Checksums {
  crc32c: string;
  md5Hash: string;
}

/** Validates client-declared checksums against the bytes received; 400 like GCS when they differ. */
export function verifyDeclaredChecksums(
  data: Buffer,
  declared: { crc32c?: string; md5Hash?: string },
  computed?: Checksums,
): void {
  if (declared.crc32c !== undefined) {
    const actual = computed?.crc32c ?? crc32cBase64(data);
    if (actual !== declared.crc32c) {
      throw new GcsError(
        400,
        `Provided CRC32C "${declared.crc32c}" doesn't match calculated CRC32C "${actual}".`,
        'invalid',
      );
    }
  }
  if (declared.md5Hash !== undefined) {
    const actual = computed?.md5Hash ?? createHash('md5').update(data).digest('base64');
    if (actual !== declared.md5Hash) {
      throw new GcsError(400, `Provided MD5 hash "${declared.md5Hash}" doesn't match calculated MD5 hash "${actual}".`, 'invalid');
    }
  }
}

/** `X-Goog-Hash: crc32c=…,md5=…` → the declared checksums. */
export function parseGoogHash(header: string | string[] | undefined): { crc32c?: string; md5Hash?: string } {
  const out: { crc32c?: string; md5Hash?: string } = {};
  const values = Array.isArray(header) ? header : header ? [header] : [];
  for (const pair of values.flatMap((v) => v.split(','))) {
    const i = pair.indexOf('=');
    if (i < 0) continue;
    const key = pair.slice(0, i).trim().toLowerCase();
    const value = pair.slice(i + 1).trim();
    if (key === 'crc32c') out.crc32c = value;
    if (key === 'md5') out.md5Hash = value;
  }
  return out;
}
