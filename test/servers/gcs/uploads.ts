// Object inserts through /upload/storage/v1: uploadType=media, multipart (multipart/related) and resumable
// (initiate → session URI → PUT with Content-Range; 308 Resume Incomplete with a Range header; `bytes */*`
// status queries). Preconditions are checked when the object would be created; declared checksums (metadata
// crc32c/md5Hash, X-Goog-Hash on the final request) are checked against the bytes actually received.
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { Crc32c } from '../../../src/storage/crc32c.js';
import {
  objectResource,
  preconditionsFrom,
  verifyDeclaredChecksums,
  parseGoogHash,
  type Checksums,
  type ObjectMetadataInput,
  type Preconditions,
} from './objects.js';
import { badRequest, GcsError, notFound } from './errors.js';
import { parseJsonBody, sendJson, dropConnection, type Context } from './http.js';
import { boundaryOf, parseMultipart } from './multipart.js';

/** GCS persists interrupted resumable data in multiples of 256 KiB. */
const PERSIST_GRANULARITY = 256 * 1024;

interface Session {
  bucket: string;
  name: string;
  metadata: ObjectMetadataInput;
  preconditions: Preconditions;
  chunks: Buffer[];
  received: number;
  /**
   * Checksums of the persisted bytes, updated per chunk (a GB-sized finalize would otherwise stall on them) and
   * just after the 308 answer, so the client sends its next chunk while this server hashes the last one.
   */
  crc32c: Crc32c;
  md5: Hash;
  unhashed: Buffer[];
  /** The created object's resource once finalized (status queries then answer 200 with it). */
  result?: Record<string, unknown>;
}

export class Uploads {
  readonly sessions = new Map<string, Session>();

  async insert(ctx: Context, bucket: string): Promise<void> {
    ctx.state.bucket(bucket);
    const uploadType = ctx.url.searchParams.get('uploadType') ?? 'media';
    if (uploadType === 'resumable') return this.#initiate(ctx, bucket);
    const body = await ctx.body();
    if (!body.complete) return dropConnection(ctx);
    let metadata: ObjectMetadataInput = {};
    let media: Buffer;
    if (uploadType === 'multipart') {
      const parts = parseMultipart(body.data, boundaryOf(ctx.req.headers['content-type']));
      if (parts.length !== 2) throw badRequest(`Invalid multipart request with ${parts.length} parts.`);
      metadata = parseJsonBody((parts[0] as { body: Buffer }).body) as ObjectMetadataInput;
      const mediaPart = parts[1] as { body: Buffer; headers: Record<string, string> };
      media = mediaPart.body;
      metadata.contentType ??= mediaPart.headers['content-type'];
    } else if (uploadType === 'media') {
      media = body.data;
      metadata.contentType = ctx.req.headers['content-type'];
    } else {
      throw badRequest(`Invalid upload type "${uploadType}".`);
    }
    const name = ctx.url.searchParams.get('name') ?? (typeof metadata.name === 'string' ? metadata.name : undefined);
    if (!name) throw badRequest('Required: object name.', 'required');
    if (ctx.corrupt) media = corrupted(media);
    const record = this.#create(ctx, bucket, name, media, metadata, preconditionsFrom(ctx.url.searchParams));
    sendJson(ctx.res, 200, record);
  }

  async #initiate(ctx: Context, bucket: string): Promise<void> {
    const body = await ctx.body();
    if (!body.complete) return dropConnection(ctx);
    const metadata = parseJsonBody(body.data) as ObjectMetadataInput;
    const name = ctx.url.searchParams.get('name') ?? (typeof metadata.name === 'string' ? metadata.name : undefined);
    if (!name) throw badRequest('Required: object name.', 'required');
    const uploadContentType = ctx.req.headers['x-upload-content-type'];
    if (typeof uploadContentType === 'string') metadata.contentType ??= uploadContentType;
    const preconditions = preconditionsFrom(ctx.url.searchParams);
    // GCS rejects a doomed upload up front (and checks again when the object is created).
    ctx.state.check(bucket, name, preconditions);
    const id = randomUUID().replaceAll('-', '');
    this.sessions.set(id, { bucket, name, metadata, preconditions, chunks: [], received: 0, crc32c: new Crc32c(), md5: createHash('md5'), unhashed: [] });
    const location = `${ctx.baseUrl}/upload/storage/v1/b/${encodeURIComponent(bucket)}/o?uploadType=resumable&name=${encodeURIComponent(name)}&upload_id=${id}`;
    ctx.res.writeHead(200, { location, 'x-guploader-uploadid': id, 'content-length': '0' }).end();
  }

  /** PUT (or POST) to a session URI. */
  async chunk(ctx: Context, uploadId: string): Promise<void> {
    const session = this.sessions.get(uploadId);
    if (!session) throw notFound(`upload session ${uploadId}`);
    const body = await ctx.body();
    const range = parseContentRange(ctx.req.headers['content-range']);

    if (session.result) {
      // Already finalized: any further request (typically a status query after a lost response) gets the object.
      sendJson(ctx.res, 200, session.result);
      return;
    }
    if (range.kind === 'query') {
      if (!body.complete) return dropConnection(ctx);
      return this.#incomplete(ctx, session);
    }
    if (range.kind === 'finalize') {
      if (!body.complete) return dropConnection(ctx);
      if (range.total !== session.received) {
        throw badRequest(`Invalid request: ${session.received} bytes were uploaded but the total given is ${range.total}.`);
      }
      return this.#finalize(ctx, uploadId, session);
    }

    if (range.start > session.received) {
      throw badRequest(
        `Invalid request: the chunk starts at byte ${range.start} but only ${session.received} bytes were persisted.`,
      );
    }
    let data = body.data;
    if (ctx.corrupt) data = corrupted(data);
    if (body.complete && range.end !== undefined && data.length !== range.end - range.start + 1) {
      throw badRequest(
        `Invalid request. There were ${data.length} byte(s) in the request body. There should have been ${range.end - range.start + 1} byte(s) (starting at offset ${range.start} and ending at offset ${range.end}) according to the Content-Range header.`,
      );
    }
    // Bytes the server already has (a client resending after a lost response) are skipped, as GCS does.
    const fresh = data.subarray(Math.min(data.length, session.received - range.start));
    if (!body.complete) {
      const keep = Math.floor((session.received + fresh.length) / PERSIST_GRANULARITY) * PERSIST_GRANULARITY - session.received;
      if (keep > 0) this.#append(session, fresh.subarray(0, keep));
      return dropConnection(ctx);
    }
    this.#append(session, fresh);
    const total = range.total ?? (range.end === undefined ? range.start + data.length : undefined);
    if (total !== undefined && session.received >= total) {
      if (session.received !== total) throw badRequest(`Invalid request: received ${session.received} bytes for an object of ${total}.`);
      return this.#finalize(ctx, uploadId, session);
    }
    this.#incomplete(ctx, session);
  }

  cancel(ctx: Context, uploadId: string): void {
    if (!this.sessions.delete(uploadId)) throw notFound(`upload session ${uploadId}`);
    ctx.res.writeHead(499, { 'content-length': '0' }).end();
  }

  #append(session: Session, data: Buffer): void {
    if (data.length === 0) return;
    const stored = Buffer.from(data);
    session.chunks.push(stored);
    session.received += data.length;
    // The stored copy, so the request body is not kept alive until it is hashed.
    session.unhashed.push(stored);
    if (session.unhashed.length === 1) setImmediate(() => hashPending(session));
  }

  #incomplete(ctx: Context, session: Session): void {
    const headers: Record<string, string> = { 'content-length': '0' };
    if (session.received > 0) headers.range = `bytes=0-${session.received - 1}`;
    ctx.res.writeHead(308, headers).end();
  }

  #finalize(ctx: Context, uploadId: string, session: Session): void {
    const data = Buffer.concat(session.chunks);
    session.chunks = [data];
    hashPending(session);
    const checksums = { crc32c: session.crc32c.base64(), md5Hash: session.md5.copy().digest('base64') };
    try {
      const record = this.#create(ctx, session.bucket, session.name, data, session.metadata, session.preconditions, checksums);
      session.result = record;
      sendJson(ctx.res, 200, record);
    } catch (error) {
      // A failed finalization (checksum mismatch, precondition) ends the session: nothing was created.
      if (error instanceof GcsError) this.sessions.delete(uploadId);
      throw error;
    }
  }

  #create(
    ctx: Context,
    bucket: string,
    name: string,
    data: Buffer,
    metadata: ObjectMetadataInput,
    preconditions: Preconditions,
    checksums?: Checksums,
  ): Record<string, unknown> {
    const declared = { ...declaredIn(metadata), ...parseGoogHash(ctx.req.headers['x-goog-hash']) };
    verifyDeclaredChecksums(data, declared, checksums);
    ctx.state.check(bucket, name, preconditions);
    const { crc32c: _c, md5Hash: _m, name: _n, bucket: _b, ...rest } = metadata;
    return objectResource(ctx.baseUrl, ctx.state.put(bucket, name, data, rest, checksums));
  }
}

function hashPending(session: Session): void {
  for (const chunk of session.unhashed) {
    session.crc32c.update(chunk);
    session.md5.update(chunk);
  }
  session.unhashed = [];
}

function declaredIn(metadata: ObjectMetadataInput): { crc32c?: string; md5Hash?: string } {
  const out: { crc32c?: string; md5Hash?: string } = {};
  if (typeof metadata.crc32c === 'string') out.crc32c = metadata.crc32c;
  if (typeof metadata.md5Hash === 'string') out.md5Hash = metadata.md5Hash;
  return out;
}

function corrupted(data: Buffer): Buffer {
  if (data.length === 0) return data;
  const copy = Buffer.from(data);
  copy[0] = (copy[0] as number) ^ 0xff;
  return copy;
}

type ContentRange =
  | { kind: 'query' }
  | { kind: 'finalize'; total: number }
  | { kind: 'data'; start: number; end?: number; total?: number };

// `bytes */*` (status query), `bytes */N` (finalize with no data), `bytes a-b/N|*`, and `bytes a-*/N|*` (what the
// Node client sends for a single-request upload: everything from a to the end of the request).
function parseContentRange(header: string | undefined): ContentRange {
  if (header === undefined) return { kind: 'data', start: 0 };
  const m = /^bytes (?:\*|(\d+)-(\d+|\*))\/(\*|\d+)$/.exec(header.trim());
  if (!m) throw badRequest(`Invalid Content-Range header "${header}".`);
  const total = m[3] === '*' ? undefined : Number(m[3]);
  if (m[1] === undefined) return total === undefined ? { kind: 'query' } : { kind: 'finalize', total };
  return { kind: 'data', start: Number(m[1]), end: m[2] === '*' ? undefined : Number(m[2]), total };
}
