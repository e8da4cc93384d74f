/**
 * Per-resource `<details>` with the changed attributes in diff form, and the collapsed sections for drift,
 * outputs and checks. Each takes a byte budget and says whether it had to leave something out.
 */
import type { AttributeDiff, AttributeSink, CheckResult, OutputChange, ResourceChange } from '../terraform/plan-model.js';
import { actionLabel, groupChanges } from './change-groups.js';
import { blockBytes } from './line-budget.js';
import {
  fence,
  fenceLine,
  fenceMarker,
  formatCount,
  htmlCode,
  inlineCode,
  isPlainAscii,
  longestBacktickRun,
  plural,
  utf8Bytes,
} from './markdown.js';
import { inlineList, type Section } from './section-changes.js';

export function diffLine(diff: AttributeDiff): string {
  return diffText(diff.kind, diff.path, diff.before, diff.after);
}

function diffText(kind: AttributeDiff['kind'], path: string, before: string | undefined, after: string | undefined): string {
  const value = before !== undefined && after !== undefined ? `${before} -> ${after}` : (after ?? before ?? 'null');
  const forces = kind === '-/+' ? ' # forces replacement' : '';
  return `${kind} ${path} = ${value}${forces}`;
}

/** What one resource's diff may take by default: one huge resource must not crowd out all the others. */
export const DETAILS_BYTES_PER_RESOURCE = 8192;

/** One resource's `<details>`; undefined when it has no changed attribute to show (a move, a forget). */
export function resourceDetails(
  change: ResourceChange,
  maxBodyBytes = DETAILS_BYTES_PER_RESOURCE,
  drift = false,
): string[] | undefined {
  const block = detailsBlock(change, maxBodyBytes, drift);
  return block && [block.summary, ...block.rest.split('\n')];
}

interface Block {
  /** The `<details><summary>` line: its emoji makes it a two-byte string, so it is kept apart from the rest. */
  summary: string;
  /** The other lines joined with newlines: one (one-byte, mostly) string per resource instead of a dozen. */
  rest: string;
  /** blockBytes() of all the block's lines, counted while they are made. */
  bytes: number;
}

/**
 * resourceDetails as two strings, with its size. This runs for every resource of a summary (1,000 at a time,
 * mostly in code V8 has not optimised yet). The diff lines come straight from the walk (writeAttributes) into
 * one text, on the bet that they are plain ASCII (almost all are): then characters are bytes, no line
 * needs fenceLine and the fence needs no more than three backticks, so one regex test over the whole body settles
 * it. When the bet fails, or the body is over its budget, the block is made again line by line (exactBlock).
 * And it keeps two strings per resource alive until the document is joined, not a dozen, the larger one in one
 * byte per character: whatever outlives a scavenge is copied, and the garbage collector was a third of the render.
 */
function detailsBlock(change: ResourceChange, maxBodyBytes: number, drift: boolean): Block | undefined {
  // Created and destroyed objects (most of a large plan) come as one text; the rest through the walk.
  const fast = change.diffText?.();
  let text: string;
  let unchanged: number;
  if (fast) {
    if (fast.attributes === 0) return undefined;
    // PlainBody's budget rule: over once the lines pass it, unless there is only the first.
    if (fast.attributes > 1 && fast.text.length > maxBodyBytes) return exactBlock(change, maxBodyBytes, drift);
    text = fast.text;
    unchanged = fast.unchanged;
  } else {
    const body = new PlainBody(maxBodyBytes);
    unchanged = change.writeAttributes(body);
    if (body.attributes === 0) return undefined;
    if (body.over) return exactBlock(change, maxBodyBytes, drift);
    text = body.text;
  }
  if (unchanged > 0) text += `\n# (${plural(unchanged, 'unchanged attribute')} hidden)`;
  if (!isPlainAscii(text)) return exactBlock(change, maxBodyBytes, drift);
  const summary = detailsSummary(change, drift);
  // The lines '', '```diff', the body, '```', '', '</details>', '' joined with newlines.
  const rest = `\n\`\`\`diff${text}\n\`\`\`\n\n</details>\n`;
  // Each line and its newline: the summary's, then rest's lines (one more than the newlines between them).
  return { summary, rest, bytes: utf8Bytes(summary) + 1 + rest.length + 1 };
}

function detailsSummary(change: ResourceChange, drift: boolean): string {
  return `<details><summary>${actionLabel(change, drift)} ${htmlCode(change.address)}</summary>`;
}

/**
 * The diff lines of one `<details>` as one text ('\n' before each line), counted in characters, which are its
 * bytes if the text turns out to be plain ASCII. Past the budget it only notes that it is over.
 */
class PlainBody implements AttributeSink {
  text = '';
  /** Changed attributes seen. */
  attributes = 0;
  /** The lines passed the budget (the first one never does): the block must be made by exactBlock. */
  over = false;
  #chars = 0;

  constructor(private readonly maxBytes: number) {}

  attribute(kind: AttributeDiff['kind'], path: string, before: string | undefined, after: string | undefined): void {
    const i = this.attributes++;
    if (this.over) return;
    if ((before === undefined || after === undefined) && kind !== '-/+') {
      // diffText() for a one-sided line (no ` -> `, no `# forces replacement`), and its newline.
      const value = after ?? before ?? 'null';
      this.#chars += kind.length + path.length + value.length + 5;
      this.text += `\n${kind} ${path} = ${value}`;
    } else {
      const line = diffText(kind, path, before, after);
      this.#chars += line.length + 1;
      this.text += `\n${line}`;
    }
    if (this.#chars > this.maxBytes && i > 0) this.over = true;
  }
}

/** detailsBlock line by line, for bodies that are not plain ASCII or are over their budget. */
function exactBlock(change: ResourceChange, maxBodyBytes: number, drift: boolean): Block {
  // After the summary: an empty line and the opening fence (slot 1, set once the longest backtick run of the
  // body is known).
  const body = new Body(maxBodyBytes);
  const unchanged = change.writeAttributes(body);
  if (body.cutAt >= 0) {
    body.add(`# … ${plural(body.attributes - body.cutAt, 'more changed attribute')} (see the full plan)`);
  }
  if (unchanged > 0) body.add(`# (${plural(unchanged, 'unchanged attribute')} hidden)`);
  const summary = detailsSummary(change, drift);
  const marker = fenceMarker(body.longestRun);
  const lines = body.lines;
  lines[1] = `${marker}diff`;
  lines.push(marker, '', '</details>', '');
  // summary + '' + opening fence, the body, closing fence + '' + '</details>' + '' (fences are ASCII).
  const bytes = utf8Bytes(summary) + 1 + 1 + marker.length + 5 + body.bytes + marker.length + 1 + 1 + 11 + 1;
  return { summary, rest: lines.join('\n'), bytes };
}

/** The diff lines of one `<details>`, taken from the walk until they pass the byte budget, then only counted. */
class Body implements AttributeSink {
  readonly lines: string[] = ['', ''];
  /** UTF-8 bytes of the lines added, a newline each. */
  bytes = 0;
  longestRun = 0;
  /** Changed attributes seen, shown or not. */
  attributes = 0;
  /** The index of the first attribute left out for size, -1 while all fit. */
  cutAt = -1;
  #used = 0;

  constructor(private readonly maxBytes: number) {}

  attribute(kind: AttributeDiff['kind'], path: string, before: string | undefined, after: string | undefined): void {
    const i = this.attributes++;
    if (this.cutAt >= 0) return;
    const line = diffText(kind, path, before, after);
    const plain = isPlainAscii(line);
    this.#used += (plain ? line.length : utf8Bytes(line)) + 1;
    // The first attribute is always shown, however long.
    if (this.#used > this.maxBytes && i > 0) {
      this.cutAt = i;
      return;
    }
    this.add(line, plain);
  }

  add(line: string, plain = isPlainAscii(line)): void {
    if (plain) {
      this.lines.push(line);
      this.bytes += line.length + 1;
      return;
    }
    // As fence() does: control characters become visible escapes (tabs and newlines stay).
    const clean = fenceLine(line);
    this.lines.push(clean);
    this.bytes += utf8Bytes(clean) + 1;
    this.longestRun = Math.max(this.longestRun, longestBacktickRun(clean));
  }
}

export interface DetailsResult extends Section {
  /** How many resources with attribute changes were left without their `<details>`. */
  omitted: number;
  /** The resources that got a `<details>`. */
  rendered: Set<ResourceChange>;
}

/**
 * `<details>` for `changes` in order until `maxBytes`; with `all`, undefined unless every one fits. The
 * first block that does not fit ends the run: later ones are not squeezed in out of order.
 */
export function detailsSection(
  changes: readonly ResourceChange[],
  maxBytes: number,
  all: boolean,
  perResource = DETAILS_BYTES_PER_RESOURCE,
  drift = false,
): DetailsResult | undefined {
  const lines: string[] = [];
  const rendered = new Set<ResourceChange>();
  let used = 0;
  let omitted = 0;
  let stopped = false;
  // An index loop: it runs over every change, in code V8 has not optimised (for-of allocates per step).
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (stopped) {
      // Counting what is left out needs the diff only for resources that might have none; moves and
      // forgets never do, and the rest are counted without computing anything.
      if (change.action !== 'no-op' && change.action !== 'forget') omitted++;
      continue;
    }
    const block = detailsBlock(change, perResource, drift);
    if (!block) continue;
    if (used + block.bytes > maxBytes) {
      if (all) return undefined;
      stopped = true;
      omitted++;
      continue;
    }
    lines.push(block.summary, block.rest);
    rendered.add(change);
    used += block.bytes;
  }
  return { lines, shortened: omitted > 0, omitted, rendered, bytes: used };
}

export type DriftForm = 'full' | 'greedy' | 'list' | 'truncated';

/** "Changed outside of Terraform", collapsed: addresses, and the attribute diffs when they fit. */
export function driftSection(drift: readonly ResourceChange[], form: DriftForm, maxBytes: number): Section | undefined {
  if (drift.length === 0) return { lines: [], shortened: false };
  const open = [`<details><summary>🔀 Changed outside of Terraform: ${plural(drift.length, 'resource')}</summary>`, ''];
  const close = ['</details>', ''];
  const frame = blockBytes(open) + blockBytes(close);
  let shortened = false;
  const lines = [...open];
  if (form === 'full' || form === 'greedy') {
    const details = detailsSection(drift, maxBytes - frame, form === 'full', DETAILS_BYTES_PER_RESOURCE, true);
    if (!details) return undefined;
    // Resources without a <details> (nothing to show, or no room) still appear, as an address list.
    const rest = drift.filter((d) => !details.rendered.has(d));
    if (rest.length > 0) {
      const list = inlineList(
        details.lines.length > 0 ? '**Also:** ' : '',
        '',
        rest.map((d) => `${actionLabel(d, true)} ${inlineCode(d.address)}`),
        maxBytes - frame - blockBytes(details.lines) - 1,
      );
      if (list.omitted > 0 && form === 'full') return undefined;
      if (list.omitted > 0) shortened = true;
      lines.push(...details.lines, ...list.lines, '');
    } else {
      lines.push(...details.lines);
    }
    shortened ||= details.shortened;
  } else {
    for (const group of groupChanges(drift, true)) {
      const list = inlineList(
        `**${group.label} (${formatCount(group.changes.length)}):** `,
        '',
        group.changes.map((c) => inlineCode(c.address)),
        maxBytes - frame - blockBytes(lines) - 1,
      );
      if (list.omitted > 0 && form !== 'truncated') return undefined;
      if (list.omitted > 0) shortened = true;
      lines.push(...list.lines, '');
    }
  }
  lines.push(...close);
  if (blockBytes(lines) > maxBytes) return form === 'truncated' ? countOnly(`🔀 ${plural(drift.length, 'resource')} changed outside of Terraform`) : undefined;
  return { lines, shortened };
}

export type OutputsForm = 'diff' | 'names' | 'truncated';

export function outputsSection(outputs: readonly OutputChange[], form: OutputsForm, maxBytes: number): Section | undefined {
  if (outputs.length === 0) return { lines: [], shortened: false };
  const open = [`<details><summary>📤 Output changes: ${formatCount(outputs.length)}</summary>`, ''];
  const close = ['', '</details>', ''];
  let lines: string[];
  let shortened = false;
  if (form === 'diff') {
    const body = outputs.map((o) =>
      diffLine({ path: o.name, kind: o.action === 'create' ? '+' : o.action === 'delete' ? '-' : '~', before: o.before, after: o.after }),
    );
    lines = [...open, ...fence(body, 'diff'), ...close];
  } else {
    const list = inlineList(
      '',
      '',
      outputs.map((o) => inlineCode(o.name)),
      maxBytes - blockBytes(open) - blockBytes(close),
    );
    if (list.omitted > 0 && form === 'names') return undefined;
    // Names without values are a shortened form in any case.
    shortened = true;
    lines = [...open, ...list.lines, ...close];
  }
  if (blockBytes(lines) > maxBytes) return form === 'truncated' ? countOnly(`📤 ${plural(outputs.length, 'output change')}`) : undefined;
  return { lines, shortened };
}

export type ChecksForm = 'table' | 'failed' | 'truncated';

const CHECK_STATUS: Record<CheckResult['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  error: '❌ error',
  unknown: '❔ unknown',
};

export function checksSection(checks: readonly CheckResult[], form: ChecksForm, maxBytes: number): Section | undefined {
  if (checks.length === 0) return { lines: [], shortened: false };
  const failing = checks.filter((c) => c.status === 'fail' || c.status === 'error');
  const summary = [
    failing.length > 0 ? `${formatCount(failing.length)} failed` : '',
    `${formatCount(checks.filter((c) => c.status === 'pass').length)} passed`,
    checks.some((c) => c.status === 'unknown') ? `${formatCount(checks.filter((c) => c.status === 'unknown').length)} unknown` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const open = [`<details><summary>🩺 Checks: ${summary}</summary>`, '', '| Status | Check | Problems |', '| --- | --- | --- |'];
  const close = ['', '</details>', ''];
  // Failures first: they are what a reviewer needs; passes are the first thing to go.
  const ordered = form === 'table' ? [...failing, ...checks.filter((c) => !failing.includes(c))] : failing;
  const lines = [...open];
  let used = blockBytes(open) + blockBytes(close);
  let shown = 0;
  for (const check of ordered) {
    const problems = check.problems.map((p) => inlineCode(p, true)).join('<br>');
    const row = `| ${CHECK_STATUS[check.status]} | ${inlineCode(check.address, true)} | ${problems} |`;
    const cost = utf8Bytes(row) + 1;
    if (used + cost > maxBytes - 80) {
      if (form !== 'truncated') return undefined;
      break;
    }
    lines.push(row);
    used += cost;
    shown++;
  }
  const hidden = checks.length - shown;
  if (hidden > 0) lines.push('', `_… ${plural(hidden, 'more check')} (${form === 'table' ? 'left out' : 'passed or left out'}); see the job summary._`);
  lines.push(...close);
  if (blockBytes(lines) > maxBytes) return form === 'truncated' ? countOnly(`🩺 ${plural(checks.length, 'check')}`) : undefined;
  return { lines, shortened: hidden > 0 };
}

function countOnly(text: string): Section {
  return { lines: [`${text}: left out for size; see the job summary.`, ''], shortened: true };
}
