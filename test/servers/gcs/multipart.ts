/**
 * multipart/related, as the JSON API's `uploadType=multipart` takes it: a JSON metadata part, then the media.
 */
import { badRequest } from './errors.js';

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

export function boundaryOf(contentType: string | undefined): string {
  const m = /^multipart\/related\s*;.*boundary=("?)([^";]+)\1/i.exec(contentType ?? '');
  if (!m) throw badRequest(`Invalid multipart request: Content-Type "${contentType ?? ''}" has no boundary.`);
  return m[2] as string;
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest('Invalid multipart request: no boundary found.');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw badRequest('Invalid multipart request: missing closing boundary.');
    // The CRLF before a delimiter belongs to the delimiter, not the body.
    const end = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    const raw = body.subarray(pos, end);
    const headerEnd = raw.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw badRequest('Invalid multipart request: part without headers.');
    const headers: Record<string, string> = {};
    for (const line of raw.subarray(0, headerEnd).toString('latin1').split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    parts.push({ headers, body: raw.subarray(headerEnd + 4) });
    pos = next;
  }
  return parts;
}
