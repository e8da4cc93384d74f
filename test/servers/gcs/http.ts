/** Request plumbing shared by the GCS server's routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectStoreState } from './objects.js';
import type { RequestInfo } from './faults.js';

export interface Body {
  data: Buffer;
  /** false when the connection is to be dropped after `data` (an injected fault): the route should give up. */
  complete: boolean;
}

export interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  info: RequestInfo;
  baseUrl: string;
  state: ObjectStoreState;
  /** Reads the request body, honouring an injected drop-connection fault. */
  body(): Promise<Body>;
  /** Set by a drop-connection fault on a download: bytes of the response to send before dropping. */
  dropResponseAfter?: number;
  /** Set by a corrupt-upload fault. */
  corrupt: boolean;
}

export function readBody(req: IncomingMessage, dropAfter?: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const finish = (complete: boolean) => {
      if (done) return;
      done = true;
      const data = Buffer.concat(chunks);
      resolve({ data: dropAfter !== undefined ? data.subarray(0, dropAfter) : data, complete });
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      chunks.push(chunk);
      length += chunk.length;
      if (dropAfter !== undefined && length >= dropAfter) {
        req.pause();
        finish(false);
      }
    });
    req.on('end', () => finish(dropAfter === undefined));
    req.on('error', (err) => (done ? undefined : reject(err)));
    req.on('aborted', () => finish(false));
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function parseJsonBody(data: Buffer): Record<string, unknown> {
  if (data.length === 0) return {};
  const value: unknown = JSON.parse(data.toString('utf8'));
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** Drops the TCP connection without an HTTP response, as a reset or a crashed proxy would. */
export function dropConnection(ctx: Context): void {
  ctx.req.socket.destroy();
}
