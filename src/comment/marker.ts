/**
 * The hidden marker that makes a plan comment findable again (one sticky comment per environment and working
 * directory), and the status block the apply side writes into an existing comment.
 */
import { utf8Bytes } from './markdown.js';

export const MARKER_PREFIX = '<!-- dc-pipeline:plan ';
export const STATUS_START = '<!-- dc-pipeline:status:start -->';
export const STATUS_END = '<!-- dc-pipeline:status:end -->';
/** GitHub refuses an issue comment body over 65,536 characters (422). */
export const COMMENT_LIMIT = 65_536;

/**
 * `<!-- dc-pipeline:plan env=dev dir=terraform/envs/dev -->`. Names are percent-encoded outside a small safe
 * set, so no name can close the comment (`-->`, `>`), add a field (space, `=`), or spoof another key.
 * The directory is normalised first, so `./envs/dev/` and `envs/dev` share one comment.
 */
export function commentMarker(environment: string, workingDirectory: string): string {
  return `${MARKER_PREFIX}env=${encodeName(environment)} dir=${encodeName(normalizeDirectory(workingDirectory))} -->`;
}

export function normalizeDirectory(dir: string): string {
  const parts: string[] = [];
  for (const part of dir.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return dir.startsWith('/') ? `/${joined}` : joined || '.';
}

function encodeName(name: string): string {
  let out = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const ch = String.fromCharCode(byte);
    // '-' only singly: a run of dashes is harmless inside the comment but keeps `--` out of it entirely.
    out += /[A-Za-z0-9._~/]/.test(ch) || (ch === '-' && !out.endsWith('-'))
      ? ch
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Put `statusMarkdown` into the status block of a rendered plan comment (replacing what was there), right
 * after the header. Bodies from elsewhere without a block get one after their first heading. The result stays
 * within GitHub's limit: the status is shortened first, then the body is cut at a top-level block boundary.
 */
export function setStatusBlock(body: string, statusMarkdown: string, limit = COMMENT_LIMIT): string {
  // A status quoting our own delimiters would make the next update cut in the wrong place.
  const status = statusMarkdown
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/<!-- dc-pipeline:/g, '&lt;!-- dc-pipeline:');
  const start = body.indexOf(STATUS_START);
  const end = start >= 0 ? body.indexOf(STATUS_END, start) : -1;
  let before: string;
  let after: string;
  if (start >= 0 && end > start) {
    before = body.slice(0, start);
    after = body.slice(end + STATUS_END.length);
  } else {
    const cut = insertionPoint(body);
    before = body.slice(0, cut);
    after = `\n${body.slice(cut)}`;
  }
  const compose = (text: string, rest: string): string =>
    `${before}${STATUS_START}\n${text ? `${text}\n` : ''}${STATUS_END}${rest}`;

  let result = compose(status, after);
  if (utf8Bytes(result) <= limit) return result;
  const overflow = utf8Bytes(result) - limit;
  const statusBytes = utf8Bytes(status);
  // A status of a few lines should never be the problem; if it is, keep its first line.
  if (statusBytes > 1024) {
    const firstLine = status.split('\n')[0] ?? '';
    const shorter = truncateBytes(firstLine, Math.max(0, Math.min(1024, statusBytes - overflow)));
    result = compose(shorter, after);
    if (utf8Bytes(result) <= limit) return result;
    return compose(shorter, cutBody(after, utf8Bytes(after) - (utf8Bytes(result) - limit)));
  }
  return compose(status, cutBody(after, utf8Bytes(after) - overflow));
}

/** After the first heading line, else after the marker line, else at the top. */
function insertionPoint(body: string): number {
  const lines = body.split('\n');
  let offset = 0;
  let markerEnd = 0;
  for (const line of lines) {
    const next = offset + line.length + 1;
    if (/^#{1,6} /.test(line)) return Math.min(next, body.length);
    if (line.startsWith(MARKER_PREFIX)) markerEnd = Math.min(next, body.length);
    offset = next;
  }
  return markerEnd;
}

/**
 * The longest prefix of `text` within `maxBytes` that ends at a top-level blank line (outside any fence or
 * `<details>`), followed by a note. Used only when a foreign or hand-edited body is too long.
 */
function cutBody(text: string, maxBytes: number): string {
  const note = '\n_… shortened to make room for the status above; see the job summary of the run for the full plan._\n';
  const budget = maxBytes - utf8Bytes(note);
  const lines = text.split('\n');
  let used = 0;
  let safe = 0;
  let fenceMarker: string | undefined;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    used += utf8Bytes(line) + 1;
    if (used > budget) break;
    const fenceMatch = /^(`{3,}|~{3,})/.exec(line);
    if (fenceMarker) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fenceMarker) && line.trim() === fenceMatch[1]) fenceMarker = undefined;
    } else if (fenceMatch) {
      fenceMarker = fenceMatch[1];
    } else {
      depth += (line.match(/<details[\s>]/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
      if (depth < 0) depth = 0;
      if (line.trim() === '' && depth === 0) safe = i + 1;
    }
  }
  return `${lines.slice(0, safe).join('\n')}${note}`;
}

function truncateBytes(text: string, maxBytes: number): string {
  let out = text;
  while (out.length > 0 && utf8Bytes(out) > maxBytes) {
    out = out.slice(0, -Math.max(1, Math.floor((utf8Bytes(out) - maxBytes) / 4)));
  }
  return out;
}
