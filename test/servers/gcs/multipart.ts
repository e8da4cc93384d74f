/**
 * multipart/related, as the JSON API's `uploadType=multipart` takes it: a JSON metadata part, then the media.
 * Lines may end in CRLF (the Node client) or bare LF (gcloud, through Python's email package); GCS takes both.
 */
import { badRequest } from './errors.js';

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

export function boundaryOf(contentType: string | undefined): string {
  // Quoted with " or ' (Python's email package, which gcloud uses, writes boundary='===…==').
  const m = /^multipart\/related\s*;.*boundary=(["']?)([^"';]+)\1/i.exec(contentType ?? '');
  if (!m) throw badRequest(`Invalid multipart request: Content-Type "${contentType ?? ''}" has no boundary.`);
  return m[2] as string;
}

const CR = 0x0d;
const LF = 0x0a;

/** Length of the line break at `pos` (2 for CRLF, 1 for LF, 0 for none). */
function lineBreakAt(body: Buffer, pos: number): number {
  if (body[pos] === CR && body[pos + 1] === LF) return 2;
  return body[pos] === LF ? 1 : 0;
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest('Invalid multipart request: no boundary found.');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    pos += lineBreakAt(body, pos);
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw badRequest('Invalid multipart request: missing closing boundary.');
    // The line break before a delimiter belongs to the delimiter, not the body.
    const end = body[next - 1] === LF ? (body[next - 2] === CR ? next - 2 : next - 1) : next;
    const raw = body.subarray(pos, Math.max(pos, end));
    const headers: Record<string, string> = {};
    let offset = 0;
    for (;;) {
      const eol = raw.indexOf(LF, offset);
      if (eol < 0) throw badRequest('Invalid multipart request: part without headers.');
      const line = raw.subarray(offset, raw[eol - 1] === CR ? eol - 1 : eol).toString('latin1');
      offset = eol + 1;
      if (line === '') break; // blank line: the body follows
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    parts.push({ headers, body: raw.subarray(offset) });
    pos = next;
  }
  return parts;
}
