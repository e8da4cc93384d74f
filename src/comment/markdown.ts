/**
 * Putting untrusted text (addresses, for_each keys, values, messages) into GitHub markdown without letting it
 * become markup. Three containers, each safe by construction rather than by blacklist:
 *
 * - `inlineCode`: a code span whose backtick delimiter is longer than any backtick run inside. Nothing in a
 *   code span is parsed (no HTML, links, emphasis, autolinks), and GitHub never turns `@name` inside code into
 *   a mention. In table cells `|` is written `\|`: GFM splits cells before parsing code spans, and both
 *   cmark-gfm and markdown-it treat every `\|` as an escaped pipe (even after another backslash).
 * - `htmlCode`: `<code>` with HTML escaping, for lines that are raw HTML (a `<summary>`), where markdown is
 *   not parsed at all.
 * - `fence`: a fenced block whose fence is longer than any backtick run in the content.
 *
 * All three turn line breaks and other control characters into visible escapes first: a raw newline would end
 * the container (and a table row, and an HTML block).
 */

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function visibleEscape(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

/** `text` on one line, control characters shown as escapes. */
export function oneLine(text: string): string {
  return text.replace(CONTROL_OR_NEWLINE, visibleEscape);
}

export function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) {
      run++;
      if (run > longest) longest = run;
    } else {
      run = 0;
    }
  }
  return longest;
}

/** What inlineCode has to handle beyond wrapping: control characters, line breaks, backticks, pipes. */
const NEEDS_CARE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029`|]/;

/** A code span holding `text` literally. `inTable` escapes pipes for a GFM table cell. */
export function inlineCode(text: string, inTable = false): string {
  // Most addresses are plain (`module.x.aws_s3_bucket.this["logs"]`): one test instead of two replaces and a
  // scan, for every row of a 30,000-resource table. Same result as the general path below, which also handles
  // empty text and the space padding.
  if (text !== '' && text.charCodeAt(0) !== 32 && !NEEDS_CARE.test(text)) {
    return `\`${text}\``;
  }
  let content = oneLine(text);
  if (inTable) content = content.replace(/\|/g, '\\|');
  if (content === '') return '` `';
  const delimiter = '`'.repeat(longestBacktickRun(content) + 1);
  // CommonMark strips one space from each side when both are there; padding keeps a leading or trailing
  // backtick apart from the delimiter and keeps such spaces in the content.
  const pad =
    content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '');
  return pad ? `${delimiter} ${content} ${delimiter}` : `${delimiter}${content}${delimiter}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** What htmlCode has to change: control characters, line breaks and the HTML-special characters. */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029&<>"']/;

/** `<code>` for raw-HTML lines such as a `<summary>`. */
export function htmlCode(text: string): string {
  // One test for the addresses that need nothing changed (one per resource of a summary) instead of two replaces.
  if (!NEEDS_ESCAPE.test(text)) return `<code>${text}</code>`;
  return `<code>${escapeHtml(oneLine(text))}</code>`;
}

/**
 * A fenced code block of `lines` (each already one line; tabs kept). Returns the block's lines, fences
 * included.
 */
export function fence(lines: string[], info = ''): string[] {
  const clean = lines.map(fenceLine);
  let longest = 0;
  for (const line of clean) longest = Math.max(longest, longestBacktickRun(line));
  const marker = fenceMarker(longest);
  return [`${marker}${info}`, ...clean, marker];
}

/** One line as it goes inside a fence: control characters as visible escapes, tabs kept. */
export function fenceLine(line: string): string {
  return line.replace(CONTROL, visibleEscape);
}

/** The fence for content whose longest backtick run is `longestRun`. */
export function fenceMarker(longestRun: number): string {
  return '`'.repeat(Math.max(3, longestRun + 1));
}

/** Free text from outside (diagnostics) split into lines for a fence; CRLF tolerated, tabs kept. */
export function textLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines;
}

/** Anything but tab, newline and printable ASCII other than the backtick. */
const NOT_PLAIN_ASCII = /[^\t\n\u0020-\u005f\u0061-\u007e]/;

/**
 * True when `text` is tab, newline and printable ASCII without backticks: its UTF-8 size is its length, it
 * holds nothing fenceLine changes and no backtick run. One native test instead of three passes per line.
 */
export function isPlainAscii(text: string): boolean {
  return !NOT_PLAIN_ASCII.test(text);
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * `text` as UTF-8, encoded once into a buffer of the most it can take (3 bytes per UTF-16 unit; pages never
 * written cost nothing), so the size comes from the write itself instead of a Buffer.byteLength pass before it
 * (about 1 ms for a 440 KB job summary).
 */
export function utf8Encoded(text: string): Buffer {
  const buffer = Buffer.allocUnsafe(text.length * 3);
  return buffer.subarray(0, buffer.write(text, 0, 'utf8'));
}

/** A number with thousands separators, locale-independent (the body must be byte-for-byte reproducible). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
