/**
 * The JSON API's bucket and object routes other than uploads: buckets get/insert; objects get (metadata and
 * alt=media with ranges), list, patch, delete, rewrite (copy).
 */
import { bucketResource, objectResource, preconditionsFrom, etagOf, type ObjectMetadataInput, type ObjectRecord } from './objects.js';
import { GcsError, badRequest, forbidden, notFound, preconditionFailed } from './errors.js';
import { parseJsonBody, sendJson, dropConnection, type Context } from './http.js';

export async function insertBucket(ctx: Context): Promise<void> {
  const { data } = await ctx.body();
  const body = parseJsonBody(data);
  if (typeof body.name !== 'string') throw badRequest('Required: bucket name.', 'required');
  if (ctx.state.buckets.has(body.name)) {
    throw new GcsError(409, 'Your previous request to create the named bucket succeeded and you already own it.', 'conflict');
  }
  ctx.state.createBucket(body.name);
  sendJson(ctx.res, 200, bucketResource(ctx.baseUrl, body.name));
}

export function getBucket(ctx: Context, bucket: string): void {
  ctx.state.bucket(bucket);
  sendJson(ctx.res, 200, bucketResource(ctx.baseUrl, bucket));
}

function existing(ctx: Context, bucket: string, name: string): ObjectRecord {
  const record = ctx.state.bucket(bucket).get(name);
  if (!record) throw notFound(`${bucket}/${name}`);
  const generation = ctx.url.searchParams.get('generation');
  if (generation !== null && generation !== record.generation) throw notFound(`${bucket}/${name}#${generation}`);
  return record;
}

function checkRead(ctx: Context, bucket: string): void {
  if (ctx.state.unreadable.has(bucket)) throw forbidden(bucket);
}

export function getObject(ctx: Context, bucket: string, name: string, media: boolean): void {
  checkRead(ctx, bucket);
  ctx.state.bucket(bucket);
  const pre = preconditionsFrom(ctx.url.searchParams);
  ctx.state.check(bucket, name, pre);
  const record = existing(ctx, bucket, name);
  if (!media) {
    sendJson(ctx.res, 200, objectResource(ctx.baseUrl, record));
    return;
  }
  sendMedia(ctx, record);
}

function sendMedia(ctx: Context, o: ObjectRecord): void {
  const size = o.data.length;
  const headers: Record<string, string> = {
    'content-type': o.contentType,
    'x-goog-generation': o.generation,
    'x-goog-metageneration': o.metageneration,
    'x-goog-hash': `crc32c=${o.crc32c},md5=${o.md5Hash}`,
    'x-goog-stored-content-encoding': o.fields.contentEncoding ?? 'identity',
    'x-goog-stored-content-length': String(size),
    'x-goog-storage-class': 'STANDARD',
    etag: etagOf(o),
    'last-modified': new Date(o.updated).toUTCString(),
    'accept-ranges': 'bytes',
  };
  let status = 200;
  let body = o.data;
  const range = ctx.req.headers.range;
  if (range) {
    const parsed = parseRange(range, size);
    if (parsed === 'unsatisfiable') {
      throw new GcsError(416, 'Request range not satisfiable', 'requestedRangeNotSatisfiable');
    }
    if (parsed) {
      status = 206;
      body = o.data.subarray(parsed.start, parsed.end + 1);
      headers['content-range'] = `bytes ${parsed.start}-${parsed.end}/${size}`;
    }
  }
  headers['content-length'] = String(body.length);
  ctx.res.writeHead(status, headers);
  if (ctx.dropResponseAfter !== undefined) {
    ctx.res.write(body.subarray(0, ctx.dropResponseAfter), () => dropConnection(ctx));
    return;
  }
  ctx.res.end(body);
}

/** RFC 9110 single byte range; undefined when the header is not a byte range we understand (served whole). */
function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  if (start >= size) return 'unsatisfiable';
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (end < start) return undefined;
  return { start, end };
}

export function listObjects(ctx: Context, bucket: string): void {
  checkRead(ctx, bucket);
  const objects = ctx.state.bucket(bucket);
  const q = ctx.url.searchParams;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const startOffset = q.get('startOffset') ?? '';
  const endOffset = q.get('endOffset');
  const maxResults = Math.min(1000, Math.max(1, Number(q.get('maxResults') ?? 1000) || 1000));
  const after = q.get('pageToken') ? Buffer.from(q.get('pageToken') as string, 'base64url').toString('utf8') : undefined;

  // One sorted sequence of entries (objects and, with a delimiter, the prefixes they roll up into), paged together.
  const entries = new Map<string, ObjectRecord | 'prefix'>();
  for (const name of [...objects.keys()].sort(compareNames)) {
    if (!name.startsWith(prefix) || name < startOffset || (endOffset !== null && name >= endOffset)) continue;
    if (delimiter) {
      const i = name.indexOf(delimiter, prefix.length);
      if (i >= 0) {
        entries.set(name.slice(0, i + delimiter.length), 'prefix');
        continue;
      }
    }
    entries.set(name, objects.get(name) as ObjectRecord);
  }
  const keys = [...entries.keys()].sort(compareNames).filter((k) => after === undefined || compareNames(k, after) > 0);
  const page = keys.slice(0, maxResults);
  const items = page.flatMap((k) => {
    const e = entries.get(k);
    return e && e !== 'prefix' ? [objectResource(ctx.baseUrl, e)] : [];
  });
  const prefixes = page.filter((k) => entries.get(k) === 'prefix');
  const body: Record<string, unknown> = { kind: 'storage#objects' };
  if (items.length > 0) body.items = items;
  if (prefixes.length > 0) body.prefixes = prefixes;
  if (keys.length > maxResults) body.nextPageToken = Buffer.from(page[page.length - 1] as string).toString('base64url');
  sendJson(ctx.res, 200, body);
}

function compareNames(a: string, b: string): number {
  // GCS lists in UTF-8 byte order.
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export function deleteObject(ctx: Context, bucket: string, name: string): void {
  const pre = preconditionsFrom(ctx.url.searchParams);
  ctx.state.check(bucket, name, pre);
  existing(ctx, bucket, name);
  ctx.state.bucket(bucket).delete(name);
  ctx.res.writeHead(204).end();
}

export async function patchObject(ctx: Context, bucket: string, name: string): Promise<void> {
  const { data } = await ctx.body();
  const pre = preconditionsFrom(ctx.url.searchParams);
  ctx.state.check(bucket, name, pre);
  const record = existing(ctx, bucket, name);
  if (pre.ifMetagenerationMatch !== undefined && pre.ifMetagenerationMatch !== record.metageneration) {
    throw preconditionFailed('If-Metageneration-Match');
  }
  sendJson(ctx.res, 200, objectResource(ctx.baseUrl, ctx.state.patch(record, parseJsonBody(data))));
}

/**
 * objects.rewrite, which the client's `file.copy()` calls: preconditions (ifGenerationMatch: 0 for write-once)
 * apply to the destination, ifSourceGenerationMatch / sourceGeneration to the source. Without a resource in the
 * body the copy keeps the source's content type and metadata. Same-bucket copies finish in one call, as GCS
 * does for objects in the same location and storage class, so no rewriteToken is ever returned.
 */
export async function rewriteObject(
  ctx: Context,
  source: { bucket: string; name: string },
  destination: { bucket: string; name: string },
): Promise<void> {
  const { data } = await ctx.body();
  const body = parseJsonBody(data);
  checkRead(ctx, source.bucket);
  const record = ctx.state.bucket(source.bucket).get(source.name);
  const q = ctx.url.searchParams;
  const wanted = q.get('sourceGeneration');
  if (!record || (wanted !== null && wanted !== record.generation)) throw notFound(`${source.bucket}/${source.name}`);
  const ifSource = q.get('ifSourceGenerationMatch');
  if (ifSource !== null && ifSource !== record.generation) throw preconditionFailed('If-Source-Generation-Match');
  ctx.state.check(destination.bucket, destination.name, preconditionsFrom(q));
  const fromBody = Object.keys(body).length > 0;
  const copy = ctx.state.put(
    destination.bucket,
    destination.name,
    record.data,
    fromBody ? (body as ObjectMetadataInput) : { contentType: record.contentType, metadata: record.metadata, ...record.fields },
    { crc32c: record.crc32c, md5Hash: record.md5Hash },
  );
  const size = String(record.data.length);
  sendJson(ctx.res, 200, {
    kind: 'storage#rewriteResponse',
    totalBytesRewritten: size,
    objectSize: size,
    done: true,
    resource: objectResource(ctx.baseUrl, copy),
  });
}
