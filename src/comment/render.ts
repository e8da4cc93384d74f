/**
 * PlanModel → the PR comment and the job summary.
 *
 * Both must fit a hard limit (comment: 65,536 characters, else GitHub answers 422; summary: 1 MiB per step).
 * The document is assembled from whole blocks and shrinks in steps until it fits:
 *   0. everything: table, every resource's attribute diff, drift diffs, outputs, checks
 *   1. attribute diffs for as many resources as fit, in review order (destroys first)
 *   2. no attribute diffs
 *   3. address lists instead of the table; output names only; failing checks only
 *   4. the lists cut with "… and N more"
 *   5–6. the warning callout itself compacted, then cut (only when destroys alone overflow the limit)
 * The callout listing every destroy and replace is budgeted before anything else, so it is the last thing cut.
 * Nothing depends on the clock: the same plan renders to the same bytes.
 */
import type { PlanModel, ResourceChange } from '../terraform/plan-model.js';
import { groupChanges, isDestructive } from './change-groups.js';
import { blockBytes } from './line-budget.js';
import { utf8Encoded } from './markdown.js';
import { COMMENT_LIMIT } from './marker.js';
import { calloutSection, changesSection, type CalloutForm, type ChangesForm, type Section } from './section-changes.js';
import {
  checksSection,
  detailsSection,
  driftSection,
  outputsSection,
  type ChecksForm,
  type DriftForm,
  type OutputsForm,
} from './section-details.js';
import { diagnosticsLines, footerLines, headLines, noticeLines } from './section-head.js';

export interface RenderContext {
  environment: string;
  workingDirectory: string;
  commitSha?: string;
  runUrl?: string;
  terraformVersion?: string;
  planSha256?: string;
  /** Terraform's error output, shown when the plan failed. */
  diagnostics?: string;
  /** A markdown line placed under the header, e.g. "applied by Cloud Build". Trusted: written by our actions. */
  statusNote?: string;
}

export type RenderStatus = 'no-changes' | 'changes' | 'destroys' | 'error';

export interface RenderedPlan {
  comment: string;
  summary: string;
  /** The summary as UTF-8, what the job summary file gets: encoded once, while checking that it fits. */
  summaryUtf8: Buffer;
  status: RenderStatus;
  /** True when the comment had to leave something out. */
  truncated: boolean;
}

/** Room kept free in the comment for the status block the apply side adds later (setStatusBlock). */
export const COMMENT_HEADROOM = 2048;
export const COMMENT_BUDGET = COMMENT_LIMIT - COMMENT_HEADROOM;
/** 1 MiB per step, less room for whatever else the step writes to its summary. */
export const SUMMARY_BUDGET = 1024 * 1024 - 64 * 1024;

/**
 * `comment: false` skips the comment (returned empty, not truncated) for callers that will not post one
 * (`comment: off`): fitting a large plan into 65,536 characters tries several levels of detail, which at 1,000
 * resources costs as much as the whole summary.
 */
export function renderPlan(model: PlanModel | undefined, ctx: RenderContext, options: { comment?: boolean } = {}): RenderedPlan {
  const status = planStatus(model);
  const ordered = model ? orderChanges(model) : undefined;
  const comment =
    options.comment === false
      ? { text: '', shortened: false }
      : renderDocument(model, ordered, ctx, status, { forComment: true, limit: COMMENT_BUDGET });
  const summary = renderDocument(model, ordered, ctx, status, { forComment: false, limit: SUMMARY_BUDGET });
  const summaryUtf8 = summary.utf8 ?? utf8Encoded(summary.text);
  return { comment: comment.text, summary: summary.text, summaryUtf8, status, truncated: comment.shortened };
}

export function planStatus(model: PlanModel | undefined): RenderStatus {
  if (!model || model.errored) return 'error';
  if (model.counts.destroy > 0) return 'destroys';
  return model.hasChanges ? 'changes' : 'no-changes';
}

interface Level {
  callout: CalloutForm;
  changes: ChangesForm;
  details: 'all' | 'greedy' | 'none';
  drift: DriftForm;
  outputs: OutputsForm;
  checks: ChecksForm;
}

const LEVELS: Level[] = [
  { callout: 'list', changes: 'table', details: 'all', drift: 'full', outputs: 'diff', checks: 'table' },
  { callout: 'list', changes: 'table', details: 'greedy', drift: 'greedy', outputs: 'diff', checks: 'table' },
  { callout: 'list', changes: 'table', details: 'none', drift: 'list', outputs: 'diff', checks: 'table' },
  { callout: 'list', changes: 'lists', details: 'none', drift: 'list', outputs: 'names', checks: 'failed' },
  { callout: 'list', changes: 'truncated', details: 'none', drift: 'truncated', outputs: 'truncated', checks: 'truncated' },
  { callout: 'inline', changes: 'truncated', details: 'none', drift: 'truncated', outputs: 'truncated', checks: 'truncated' },
  { callout: 'truncated', changes: 'truncated', details: 'none', drift: 'truncated', outputs: 'truncated', checks: 'truncated' },
];

/** What the truncated forms of the sections after the callout need at least. */
const MIN_REST = 4096;

interface DocumentOptions {
  forComment: boolean;
  limit: number;
}

interface Document {
  text: string;
  shortened: boolean;
  /** The text as UTF-8, when the fit check encoded it (the summary's). */
  utf8?: Buffer;
}

/** The plan's changes in the orders the sections need: the same for the comment and the summary. */
interface OrderedChanges {
  destructive: ResourceChange[];
  groups: ReturnType<typeof groupChanges>;
  detailOrder: ResourceChange[];
  floor: LowerBounds;
  /** The changes table as first rendered: the comment and the summary both try it, and it is the same table. */
  table?: { section: Section | undefined; maxBytes: number };
}

function orderChanges(model: PlanModel): OrderedChanges {
  const groups = groupChanges(model.changes);
  return {
    destructive: model.changes.filter(isDestructive),
    groups,
    detailOrder: groups.flatMap((g) => g.changes),
    floor: lowerBounds(model.changes),
  };
}

function renderDocument(
  model: PlanModel | undefined,
  ordered: OrderedChanges | undefined,
  ctx: RenderContext,
  status: RenderStatus,
  o: DocumentOptions,
): Document {
  const head = headLines(model, ctx, status, { forComment: o.forComment });
  const footer = footerLines(ctx, model);
  // Budgeted at its longer wording; the one used depends on whether the callout stayed complete.
  const notice = noticeLines(o.forComment, ctx.runUrl, false);
  const showDiagnostics = status === 'error';
  // Diagnostics matter most when the plan failed; they get up to a third of the budget.
  const diagnostics = showDiagnostics ? diagnosticsLines(scrub(ctx.diagnostics, model), Math.floor(o.limit / 3)) : [];
  const fixed = blockBytes(head) + blockBytes(diagnostics) + blockBytes(footer);

  if (!model || !ordered) return { text: join([...head, ...diagnostics, ...footer]), shortened: false };

  const { destructive, floor } = ordered;

  const budget = o.limit - fixed - blockBytes(notice);
  for (const level of LEVELS) {
    // Levels that cannot fit are skipped without rendering: for 30,000 resources each attempt would cost
    // a budget's worth of work for nothing.
    if (level.details === 'all' && floor.details > budget) continue;
    if (level.changes === 'table' && floor.table > budget) continue;
    if (level.changes === 'lists' && floor.lists > budget) continue;
    // One resource's diff may take an eighth of the document: 8 KB of a comment, 120 KB of a summary.
    const attempt = tryLevel(model, level, budget, ordered, Math.floor(o.limit / 8));
    if (!attempt) continue;
    const shortened = attempt.shortened;
    const noticeUsed = shortened ? noticeLines(o.forComment, ctx.runUrl, attempt.destructiveComplete) : [];
    const lines = head.concat(noticeUsed, diagnostics, attempt.lines, footer);
    const fitted = withinLimit(join(lines), shortened, o);
    if (fitted) return fitted;
  }
  // Unreachable with sane limits (every section has a form that fits MIN_REST), kept as a guarantee: the
  // header, the cut-down callout and the footer always fit.
  const room = o.limit - fixed - blockBytes(notice) - 64;
  const callout = calloutSection(destructive, 'truncated', room)!;
  const lines = blockBytes(callout.lines) <= room ? callout.lines : [];
  return { text: join([...head, ...notice, ...diagnostics, ...lines, ...footer]), shortened: true };
}

/**
 * The document when `text` fits the limit. The comment is counted; the summary (up to 1 MiB, written to a file as
 * UTF-8 next) is encoded, and the encoding kept.
 */
function withinLimit(text: string, shortened: boolean, o: DocumentOptions): Document | undefined {
  if (o.forComment) return Buffer.byteLength(text) <= o.limit ? { text, shortened } : undefined;
  const utf8 = utf8Encoded(text);
  return utf8.length <= o.limit ? { text, shortened, utf8 } : undefined;
}

interface Attempt {
  lines: string[];
  shortened: boolean;
  /** The callout lists every destroy and replace. */
  destructiveComplete: boolean;
}

function tryLevel(
  model: PlanModel,
  level: Level,
  budget: number,
  ordered: OrderedChanges,
  perResource: number,
): Attempt | undefined {
  const { destructive, groups, detailOrder } = ordered;
  let remaining = budget;
  const take = (section: Section | undefined): Section | undefined => {
    if (section) remaining -= section.bytes ?? blockBytes(section.lines);
    return section;
  };
  const calloutBudget = level.callout === 'truncated' ? Math.max(0, remaining - MIN_REST) : remaining;
  const callout = take(calloutSection(destructive, level.callout, calloutBudget));
  if (!callout) return undefined;
  const destructiveListed = !callout.shortened;
  const truncatedRest = level.changes === 'truncated';
  // In the cut-down levels each later section keeps a little room so none vanishes entirely.
  const reserve = truncatedRest ? 1500 : 0;
  const changes = take(
    level.changes === 'table'
      ? tableSection(ordered, remaining - 3 * reserve)
      : changesSection(groups, level.changes, remaining - 3 * reserve, destructiveListed),
  );
  if (!changes) return undefined;
  const outputs = take(outputsSection(model.outputs, level.outputs, remaining - 2 * reserve));
  if (!outputs) return undefined;
  const checks = take(checksSection(model.checks, level.checks, remaining - reserve));
  if (!checks) return undefined;
  // Drift addresses come before any attribute diff; drift diffs come after the planned changes' diffs.
  const driftListed = level.drift === 'full' || level.drift === 'greedy' ? undefined : take(driftSection(model.drift, level.drift, remaining));
  if (level.drift !== 'full' && level.drift !== 'greedy' && !driftListed) return undefined;

  let details: Section = { lines: [], shortened: false };
  let detailsMissing = false;
  if (level.details !== 'none') {
    const reserveForDrift = model.drift.length > 0 ? Math.min(8192, Math.floor(remaining / 4)) : 0;
    const headingBytes = 32;
    const result = detailsSection(detailOrder, remaining - reserveForDrift - headingBytes, level.details === 'all', perResource);
    if (!result) return undefined;
    details = take(result)!;
  } else {
    detailsMissing = detailOrder.some((c) => c.action !== 'no-op' && c.action !== 'forget');
  }
  const drift = driftListed ?? take(driftSection(model.drift, level.drift, remaining));
  if (!drift) return undefined;
  if (remaining < 0) return undefined;

  const detailHeading = details.lines.length > 0 ? ['#### Attribute changes', ''] : [];
  return {
    // concat, not spread syntax: a summary's details are a few thousand entries, copied here in unoptimised code.
    lines: callout.lines.concat(changes.lines, detailHeading, details.lines, drift.lines, outputs.lines, checks.lines),
    shortened:
      callout.shortened || changes.shortened || details.shortened || detailsMissing || drift.shortened || outputs.shortened || checks.shortened,
    destructiveComplete: !callout.shortened,
  };
}

/**
 * changesSection(groups, 'table', maxBytes): all or nothing, and the same rows whatever the budget, so a table
 * that fitted fits any larger budget and one that did not fit fails any smaller one. For 1,000 resources the
 * comment and the summary both render it; this renders it once.
 */
function tableSection(ordered: OrderedChanges, maxBytes: number): Section | undefined {
  const memo = ordered.table;
  if (memo?.section && (memo.section.bytes ?? blockBytes(memo.section.lines)) <= maxBytes) return memo.section;
  if (memo && !memo.section && maxBytes <= memo.maxBytes) return undefined;
  const section = changesSection(ordered.groups, 'table', maxBytes, false);
  ordered.table = { section, maxBytes };
  return section;
}

interface LowerBounds {
  table: number;
  lists: number;
  details: number;
}

/** Bytes each form needs at least (characters never exceed bytes), to skip hopeless levels cheaply. */
function lowerBounds(changes: readonly ResourceChange[]): LowerBounds {
  let addresses = 0;
  for (let i = 0; i < changes.length; i++) addresses += changes[i]!.address.length;
  const n = changes.length;
  return { table: addresses + n * 20, lists: addresses + n * 5, details: addresses * 2 + n * 60 };
}

function scrub(text: string | undefined, model: PlanModel | undefined): string | undefined {
  if (!text || !model || model.sensitiveValues.length === 0) return text;
  let out = text;
  for (const secret of model.sensitiveValues) if (out.includes(secret)) out = out.split(secret).join('***');
  return out;
}

/**
 * The lines as one text ending in exactly one newline. Trailing newlines are trimmed off the last entries before
 * the join rather than off the joined text: a summary is up to 1 MiB, and a regex anchored at its end still tries
 * a match at every newline in it, and a concatenation after costs another copy.
 */
function join(lines: string[]): string {
  let end = lines.length;
  let last = '';
  // An entry can be empty, or a block of lines ending in a newline (a resource's <details>).
  while (end > 0) {
    const entry = lines[end - 1]!;
    let cut = entry.length;
    while (cut > 0 && entry.charCodeAt(cut - 1) === 10) cut--;
    if (cut > 0) {
      last = cut === entry.length ? entry : entry.slice(0, cut);
      break;
    }
    end--;
  }
  if (end === 0) return '\n';
  const kept = lines.slice(0, end);
  kept[end - 1] = last;
  kept.push('');
  return kept.join('\n');
}
