/**
 * A loopback Google Cloud Storage server speaking the JSON API the way @google-cloud/storage 7 uses it: bucket
 * get/insert; object insert (media, multipart, resumable with 308 Resume Incomplete), get (metadata, alt=media
 * with Range → 206/416, x-goog-hash), list (prefix, delimiter, pages), patch, delete, rewrite (copy);
 * generation/metageneration preconditions → 412; declared CRC32C/MD5 checked against the received bytes → 400.
 * Errors use Google's JSON error shape. Tests inject 5xx answers, dropped connections and corrupted uploads,
 * count requests, and make a bucket unreadable.
 *
 * Point the real client at it with `STORAGE_EMULATOR_HOST=<url>` through src/storage/gcs.ts.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ObjectStoreState, type ObjectRecord, type ObjectMetadataInput } from './gcs/objects.js';
import { FaultList, type Fault, type RequestInfo } from './gcs/faults.js';
import { GcsError, sendError, statusError, notFound } from './gcs/errors.js';
import { readBody, dropConnection, type Context } from './gcs/http.js';
import { Uploads } from './gcs/uploads.js';
import * as routes from './gcs/routes.js';

export type { ObjectRecord, Fault, RequestInfo };

export interface GcsServerOptions {
  /** Buckets that exist from the start. */
  buckets?: string[];
  /** Fixed port (default: any free one). */
  port?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
}

export interface GcsServer {
  /** http://127.0.0.1:<port> — the value for STORAGE_EMULATOR_HOST. */
  url: string;
  port: number;
  close(): Promise<void>;
  createBucket(name: string): void;
  putObject(bucket: string, name: string, data: Buffer | string, metadata?: ObjectMetadataInput): ObjectRecord;
  getObject(bucket: string, name: string): ObjectRecord | undefined;
  /** Grow an object in place (a new generation), as Cloud Build does with log-<id>.txt; creates it if missing. */
  appendToObject(bucket: string, name: string, data: Buffer | string): ObjectRecord;
  listObjects(bucket: string, prefix?: string): ObjectRecord[];
  deleteObject(bucket: string, name: string): boolean;
  inject(fault: Fault): void;
  /** Injected faults that have not fired yet. */
  readonly pendingFaults: number;
  /** Every request received, in order (for counting API calls). */
  requests: LoggedRequest[];
  /** Reads (get, media, list) of this bucket answer 403, like a logs bucket the caller may not read. */
  denyRead(bucket: string): void;
  /** Resumable sessions started and not yet finished or cancelled. */
  readonly openUploadSessions: number;
}

const OBJECT_PATH = /^\/(?:storage\/v1|download\/storage\/v1)\/b\/([^/]+)\/o\/(.+)$/;
const OBJECTS_PATH = /^\/storage\/v1\/b\/([^/]+)\/o\/?$/;
const REWRITE_PATH = /^\/storage\/v1\/b\/([^/]+)\/o\/([^/]+)\/rewriteTo\/b\/([^/]+)\/o\/([^/]+)$/;
const BUCKET_PATH = /^\/storage\/v1\/b\/([^/]+)\/?$/;
// gcloud (apitools) sends resumable uploads to /resumable/upload/…, which GCS serves like /upload/….
const UPLOAD_PATH = /^\/(?:resumable\/)?upload\/storage\/v1\/b\/([^/]+)\/o\/?$/;

export async function startGcsServer(options: GcsServerOptions = {}): Promise<GcsServer> {
  const state = new ObjectStoreState();
  const faults = new FaultList();
  const uploads = new Uploads();
  const requests: LoggedRequest[] = [];
  for (const b of options.buckets ?? []) state.createBucket(b);
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof GcsError) return sendError(res, error);
      if (error instanceof SyntaxError) return sendError(res, new GcsError(400, `Parse Error: ${error.message}`, 'parseError'));
      sendError(res, new GcsError(500, `Internal error in the test GCS server: ${String(error)}`, 'backendError'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const info: RequestInfo = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
    };
    requests.push({ method: info.method, path: info.path, query: info.query, headers: req.headers });
    const fault = faults.take(info);
    const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
    let dropAfter: number | undefined;
    const ctx: Context = {
      req,
      res,
      url,
      info,
      baseUrl,
      state,
      corrupt: fault?.kind === 'corrupt-upload',
      body: () => readBody(req, dropAfter),
    };
    if (fault?.kind === 'status') {
      await readBody(req);
      throw statusError(fault.status);
    }
    if (fault?.kind === 'drop-connection') {
      if (hasBody) dropAfter = fault.afterBytes ?? 0;
      else if (fault.afterBytes) ctx.dropResponseAfter = fault.afterBytes;
      else return dropConnection(ctx);
    }
    if (fault?.kind === 'drop-response') {
      // Let the route do its work, but swallow its answer.
      res.writeHead = (() => res) as typeof res.writeHead;
      res.write = (() => true) as typeof res.write;
      res.end = (() => {
        dropConnection(ctx);
        return res;
      }) as typeof res.end;
    }
    await route(ctx, method, url);
  }

  async function route(ctx: Context, method: string, url: URL): Promise<void> {
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if ((m = UPLOAD_PATH.exec(path))) {
      const bucket = decodeURIComponent(m[1] as string);
      const uploadId = url.searchParams.get('upload_id');
      if (uploadId !== null) {
        if (method === 'DELETE') return uploads.cancel(ctx, uploadId);
        if (method === 'PUT' || method === 'POST') return uploads.chunk(ctx, uploadId);
      } else if (method === 'POST') {
        return uploads.insert(ctx, bucket);
      }
    } else if ((m = REWRITE_PATH.exec(path))) {
      if (method === 'POST') {
        const [sourceBucket, sourceName, bucket, name] = m.slice(1).map((part) => decodeURIComponent(part));
        return routes.rewriteObject(ctx, { bucket: sourceBucket!, name: sourceName! }, { bucket: bucket!, name: name! });
      }
    } else if ((m = OBJECT_PATH.exec(path))) {
      const bucket = decodeURIComponent(m[1] as string);
      const name = decodeURIComponent(m[2] as string);
      const media = url.searchParams.get('alt') === 'media' || path.startsWith('/download/');
      if (method === 'GET') return routes.getObject(ctx, bucket, name, media);
      if (method === 'DELETE') return routes.deleteObject(ctx, bucket, name);
      if (method === 'PATCH' || method === 'PUT') return routes.patchObject(ctx, bucket, name);
    } else if ((m = OBJECTS_PATH.exec(path))) {
      if (method === 'GET') return routes.listObjects(ctx, decodeURIComponent(m[1] as string));
    } else if ((m = BUCKET_PATH.exec(path))) {
      if (method === 'GET') return routes.getBucket(ctx, decodeURIComponent(m[1] as string));
    } else if (path === '/storage/v1/b' && method === 'POST') {
      return routes.insertBucket(ctx);
    }
    await readBody(ctx.req);
    throw notFound(`${method} ${path} is not part of this server's API`);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    createBucket: (name) => state.createBucket(name),
    putObject: (bucket, name, data, metadata) => {
      state.createBucket(bucket);
      return state.put(bucket, name, Buffer.from(data), metadata);
    },
    getObject: (bucket, name) => state.get(bucket, name),
    appendToObject: (bucket, name, data) => {
      state.createBucket(bucket);
      return state.append(bucket, name, Buffer.from(data));
    },
    listObjects: (bucket, prefix = '') =>
      [...(state.buckets.get(bucket)?.values() ?? [])]
        .filter((o) => o.name.startsWith(prefix))
        .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name))),
    deleteObject: (bucket, name) => state.buckets.get(bucket)?.delete(name) ?? false,
    inject: (fault) => faults.add(fault),
    get pendingFaults() {
      return faults.pending;
    },
    denyRead: (bucket) => {
      state.unreadable.add(bucket);
    },
    get openUploadSessions() {
      return [...uploads.sessions.values()].filter((s) => !s.result).length;
    },
  };
}
