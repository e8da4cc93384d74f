import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { resolveChecked, type Lookup } from './ssrf.js';

/**
 * Opens a dataset's source as a byte stream: https:// (http:// only when allowed), gs:// through the storage
 * wrapper the caller passes in, or a local path. Over HTTP it retries 5xx answers and connection resets before
 * the body starts, follows at most five redirects (each one re-checked), times out on silence, caps the size and
 * fails a body that ends short of its Content-Length — a truncated download is never passed on as complete.
 * A body that breaks off or stalls past the timeout is resumed where it stopped (a Range request conditional on
 * the ETag or Last-Modified it started with) when the server offers byte ranges; the reader sees one unbroken
 * stream.
 */

export interface FetchOptions {
  allowHttp: boolean;
  /** Loopback, private, CGNAT and unique-local addresses (tests, the local demo). Never link-local/metadata. */
  allowPrivateAddresses: boolean;
  maxBytes: number;
  /** How long the connection may stay silent (connecting, waiting for headers, between body chunks). */
  timeoutMs: number;
  /** Further attempts after a 5xx answer or a reset connection, with exponential backoff. */
  retries: number;
  /** DNS resolution, injectable for tests; the system resolver otherwise. */
  lookup?: Lookup;
  /** Reads gs://bucket/object (the storage wrapper's stream). */
  readGcs?: (uri: string) => Readable;
  onProgress?: (bytes: number, total?: number) => void;
  /** First backoff delay; doubles per attempt (default 500 ms, capped at 10 s). */
  retryDelayMs?: number;
}

export interface FetchedSource {
  stream: Readable;
  contentLength?: number;
  etag?: string;
  lastModified?: string;
  /** Where the body came from after redirects (without credentials). */
  finalUrl: string;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED']);

export async function openSource(url: string, options: FetchOptions): Promise<FetchedSource> {
  if (/^https?:\/\//i.test(url)) return openHttp(new URL(url), options);
  if (/^gs:\/\//i.test(url)) return openGcs(url, options);
  if (/^file:\/\//i.test(url)) return openLocal(fileURLToPath(url), url, options);
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(url)) {
    throw new UserError(`source ${shown(url)} has an unsupported scheme; expected https://, gs:// or a local path.`);
  }
  return openLocal(url, url, options);
}

/** A URL for messages and reports: no user info, no query (signed URLs carry their credentials there). */
function shown(url: string | URL): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return String(url).split('?')[0] ?? '';
  }
}

async function openLocal(path: string, url: string, options: FetchOptions): Promise<FetchedSource> {
  let size: number;
  let modified: Date;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserError(`source ${path} is not a file.`);
    size = info.size;
    modified = info.mtime;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`source ${path} does not exist.`);
    throw error;
  }
  if (size > options.maxBytes) throw tooLarge(url, options.maxBytes, size);
  const counter = new ByteCounter(url, options, size);
  feed(createReadStream(path), counter);
  // The file's mtime stands in for Last-Modified: with the size, it tells a rerun whether the file looks unchanged.
  return { stream: counter, contentLength: size, lastModified: modified.toUTCString(), finalUrl: url };
}

function openGcs(url: string, options: FetchOptions): FetchedSource {
  if (!options.readGcs) throw new UserError(`source ${url} is in Cloud Storage, but no storage client was given.`);
  const counter = new ByteCounter(url, options, undefined);
  feed(options.readGcs(url), counter);
  return { stream: counter, finalUrl: url };
}

async function openHttp(start: URL, options: FetchOptions): Promise<FetchedSource> {
  let url = start;
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.allowHttp)) {
      const hint = url.protocol === 'http:' ? ' (plain http is allowed only explicitly, for local use)' : '';
      throw new UserError(`refusing to fetch ${shown(url)}: only https:// sources are allowed${hint}.`);
    }
    const target = await resolveChecked(url.hostname, options);
    const response = await requestWithRetries(url, target, options);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status) && response.headers.location) {
      response.resume();
      if (redirects === MAX_REDIRECTS) throw new UserError(`${shown(start)} redirects more than ${MAX_REDIRECTS} times.`);
      const next = new URL(response.headers.location, url);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new UserError(`refusing the redirect from ${shown(url)} to a ${next.protocol} URL.`);
      }
      url = next;
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new UserError(`fetching ${shown(url)} failed: HTTP ${status} ${response.statusMessage ?? ''}`.trim() + '.');
    }
    return bodyOf(response, url, target, options);
  }
}

function bodyOf(response: http.IncomingMessage, url: URL, target: Target, options: FetchOptions): FetchedSource {
  const header = response.headers['content-length'];
  const contentLength = header === undefined ? undefined : Number(header);
  if (contentLength !== undefined && contentLength > options.maxBytes) {
    response.destroy();
    throw tooLarge(shown(url), options.maxBytes, contentLength);
  }
  const counter = new ByteCounter(shown(url), options, contentLength);
  const validator = resumeValidator(response);
  feed(response, counter, validator && contentLength !== undefined ? { url, target, options, validator } : undefined);
  return {
    stream: counter,
    ...(contentLength === undefined ? {} : { contentLength }),
    ...(typeof response.headers.etag === 'string' ? { etag: response.headers.etag } : {}),
    ...(typeof response.headers['last-modified'] === 'string' ? { lastModified: response.headers['last-modified'] } : {}),
    finalUrl: shown(url),
  };
}

type Target = { address: string; family: 4 | 6 };

/** The wait before retry number `attempt` (0-based): retryDelayMs doubling per attempt, at most 10 s. */
function backoff(options: FetchOptions, attempt: number): Promise<void> {
  return delay(Math.min((options.retryDelayMs ?? 500) * 2 ** attempt, 10_000));
}

async function requestWithRetries(url: URL, target: Target, options: FetchOptions): Promise<http.IncomingMessage> {
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= options.retries;
    try {
      const response = await request(url, target, options);
      if ((response.statusCode ?? 0) < 500 || last) return response;
      response.resume();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (error instanceof UserError || last || !RETRYABLE_CODES.has(code)) {
        if (error instanceof UserError) throw error;
        throw new UserError(`fetching ${shown(url)} failed after ${attempt + 1} attempt(s): ${(error as Error).message}`);
      }
    }
    await backoff(options, attempt);
  }
}

/** One GET to the checked address. The custom lookup pins the connection to it: no second DNS resolution. */
function request(url: URL, target: Target, options: FetchOptions, extraHeaders: Record<string, string> = {}) {
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    let response: http.IncomingMessage | undefined;
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { 'accept-encoding': 'identity', 'user-agent': 'dc-pipeline-ingest', ...extraHeaders },
        lookup: pinned,
        agent: false, // a fresh connection: a pooled socket might have been opened for another address
        timeout: options.timeoutMs,
        ...(url.username ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}),
      },
      (res) => {
        response = res;
        resolve(res);
      },
    );
    req.on('timeout', () => {
      const message = `fetching ${shown(url)} timed out: no data for ${options.timeoutMs} ms.`;
      if (!response) {
        req.destroy(new UserError(message));
        return;
      }
      // A body that stalls is resumed like one that breaks off; the stream reports the timeout, not "aborted".
      const error = new StalledBody(message);
      response.destroy(error);
      req.destroy(error);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A body that sent nothing for the timeout: resumable like a reset (a request with no answer at all is not). */
class StalledBody extends Error {}

/** How to ask for the rest of a body that broke off. */
interface Resume {
  url: URL;
  target: Target;
  options: FetchOptions;
  /** A strong ETag or the Last-Modified date: If-Range sends the rest only if the source is still the same. */
  validator: string;
}

/** The If-Range value for a response whose server offers byte ranges, if it has one (a weak ETag does not count). */
function resumeValidator(response: http.IncomingMessage): string | undefined {
  if (response.statusCode !== 200 || response.headers['accept-ranges'] !== 'bytes') return undefined;
  const etag = response.headers.etag;
  if (typeof etag === 'string' && !etag.startsWith('W/')) return etag;
  return response.headers['last-modified'];
}

/**
 * Pipes a source into its counter; a source error reaches the reader as a sentence with the byte count. With
 * `resume`, a body that breaks off is continued by up to `retries` Range requests from the first byte not yet
 * passed on, piped into the same counter: the reader, the hash and the Content-Length check see one stream.
 */
function feed(first: Readable, counter: ByteCounter, resume?: Resume): void {
  let source = first;
  let delivered = 0;
  let resumesLeft = resume?.options.retries ?? 0;
  const onData = (chunk: Buffer) => (delivered += chunk.length);
  const onError = (error: Error) => {
    source.unpipe(counter);
    source.off('data', onData);
    if (!resume || resumesLeft === 0 || counter.destroyed || error instanceof UserError) {
      counter.destroy(counter.brokeOff(error));
      return;
    }
    const attempt = resume.options.retries - resumesLeft;
    resumesLeft--;
    resumeAt(delivered, attempt, error, resume).then(attach, (failure: Error) => counter.destroy(counter.brokeOff(failure)));
  };
  const attach = (next: Readable) => {
    if (counter.destroyed) {
      next.destroy();
      return;
    }
    source = next;
    source.on('error', onError);
    source.on('data', onData);
    source.pipe(counter);
  };
  counter.on('close', () => {
    if (!source.readableEnded) source.destroy(); // the reader stopped early: release the connection
  });
  attach(first);
}

/** The rest of the body from byte `offset`, after a backoff; refuses anything but that exact range of the same content. */
async function resumeAt(offset: number, attempt: number, cause: Error, resume: Resume): Promise<Readable> {
  const { url, target, options, validator } = resume;
  await backoff(options, attempt);
  const response = await request(url, target, options, { range: `bytes=${offset}-`, 'if-range': validator });
  const start = /^bytes (\d+)-/.exec(String(response.headers['content-range'] ?? ''))?.[1];
  if (response.statusCode === 206 && Number(start) === offset) return response;
  response.resume();
  const why = response.statusCode === 200 ? 'the source changed since the download started' : `HTTP ${response.statusCode} to a range request`;
  throw new Error(`${cause.message}; resuming at byte ${offset} failed: ${why}`);
}

function tooLarge(url: string, maxBytes: number, size?: number): UserError {
  const actual = size === undefined ? 'more than that' : `${size} bytes`;
  return new UserError(`source ${url} is larger than the ${maxBytes}-byte limit (${actual}).`);
}

/** Counts the body's bytes: enforces the size cap and, at the end, that exactly Content-Length bytes arrived. */
class ByteCounter extends Transform {
  private bytes = 0;

  constructor(
    private readonly url: string,
    private readonly options: FetchOptions,
    private readonly expected: number | undefined,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.options.maxBytes) {
      callback(tooLarge(this.url, this.options.maxBytes));
      return;
    }
    this.options.onProgress?.(this.bytes, this.expected);
    callback(null, chunk);
  }

  brokeOff(error: Error): Error {
    if (error instanceof UserError) return error;
    const of = this.expected === undefined ? '' : ` of ${this.expected}`;
    return new UserError(`the download of ${this.url} broke off after ${this.bytes}${of} bytes: ${error.message}`);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expected !== undefined && this.bytes !== this.expected) {
      callback(new UserError(`the download of ${this.url} is truncated: got ${this.bytes} of ${this.expected} bytes.`));
      return;
    }
    callback();
  }
}
