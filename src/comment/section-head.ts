/**
 * The parts of the document that are always there: marker, header with status, the Plan line and its extra
 * counts, the shortened-notice, diagnostics of a failed plan, and the footer.
 */
import type { PlanModel } from '../terraform/plan-model.js';
import { commentMarker, STATUS_END, STATUS_START } from './marker.js';
import { fence, formatCount, inlineCode, plural, textLines, utf8Bytes } from './markdown.js';
import type { RenderContext, RenderStatus } from './render.js';

const STATUS_TEXT: Record<RenderStatus, string> = {
  'no-changes': '✅ no changes',
  changes: '🟡 changes',
  destroys: '🔴 destroys resources',
  error: '❌ error',
};

export interface HeadOptions {
  /** The PR comment carries the marker and the status block; the job summary does not need them. */
  forComment: boolean;
}

export function headLines(model: PlanModel | undefined, ctx: RenderContext, status: RenderStatus, o: HeadOptions): string[] {
  const lines: string[] = [];
  if (o.forComment) lines.push(commentMarker(ctx.environment, ctx.workingDirectory));
  lines.push(`### Terraform plan for ${inlineCode(ctx.environment)}: ${STATUS_TEXT[status]}`);
  if (o.forComment) lines.push(STATUS_START, STATUS_END);
  lines.push('');
  if (ctx.statusNote) lines.push(ctx.statusNote.replace(/\r?\n/g, ' '), '');

  if (!model) {
    lines.push('**Terraform failed before it produced a plan.**');
  } else {
    if (model.errored) {
      // As Terraform does: a failed plan with no changes gets no "No changes." line, which would read as success.
      lines.push(
        model.hasChanges
          ? '**Planning failed.** Terraform planned the actions below, but then encountered a problem; this plan cannot be applied.'
          : '**Planning failed.** Terraform encountered an error while generating this plan.',
      );
      if (model.hasChanges) lines.push('', `**${model.summary}**`);
    } else {
      lines.push(`**${model.summary}**`);
    }
    const extras = extraCounts(model);
    if (extras) lines.push('', extras);
    const failing = model.checks.filter((check) => check.status === 'fail' || check.status === 'error').length;
    if (failing > 0) lines.push('', `⚠️ **${plural(failing, 'check')} failed** (see Checks below).`);
  }
  lines.push('', `Working directory: ${inlineCode(ctx.workingDirectory)}`, '');
  return lines;
}

function extraCounts(model: PlanModel): string {
  const { counts } = model;
  const parts: string[] = [];
  if (counts.replace > 0) parts.push(`${formatCount(counts.replace)} replaced (counted in add and destroy)`);
  if (counts.import > 0) parts.push(`${formatCount(counts.import)} to import`);
  if (counts.move > 0) parts.push(`${formatCount(counts.move)} moved`);
  if (counts.forget > 0) parts.push(`${formatCount(counts.forget)} to forget (removed from state, not destroyed)`);
  if (counts.read > 0) parts.push(`${formatCount(counts.read)} to read`);
  if (counts.drift > 0) parts.push(`${formatCount(counts.drift)} changed outside of Terraform`);
  return parts.join(' · ');
}

/** Terraform's error output, cut to `maxBytes` on a line boundary; empty when there is none. */
export function diagnosticsLines(diagnostics: string | undefined, maxBytes: number): string[] {
  if (!diagnostics || diagnostics.trim() === '') return [];
  const all = textLines(diagnostics);
  const kept: string[] = [];
  let used = 200; // heading, fences, omission note
  for (const line of all) {
    const cost = utf8Bytes(line) + 1;
    if (used + cost > maxBytes) break;
    kept.push(line);
    used += cost;
  }
  const omitted = all.length - kept.length;
  const lines = ['**Terraform said:**', '', ...fence(kept, 'text')];
  if (omitted > 0) lines.push('', `_… ${plural(omitted, 'more line')} in the workflow log._`);
  lines.push('');
  return lines;
}

export function noticeLines(forComment: boolean, runUrl: string | undefined, destructiveComplete = true): string[] {
  const where = forComment
    ? `The complete plan is in the job summary of ${runLink(runUrl, 'the workflow run')}.`
    : 'Run `terraform show` on the plan file for the rest.';
  const limit = forComment ? "GitHub's comment size limit" : "GitHub's 1 MiB job summary limit";
  const destroys = destructiveComplete
    ? 'every resource to be destroyed or replaced is listed'
    : 'even the list of resources to be destroyed or replaced had to be cut';
  return ['> [!NOTE]', `> Shortened to fit ${limit}; ${destroys}. ${where}`, ''];
}

export function footerLines(ctx: RenderContext, model: PlanModel | undefined): string[] {
  const parts: string[] = [];
  if (ctx.commitSha) parts.push(`Commit ${inlineCode(ctx.commitSha)}`);
  if (ctx.runUrl && safeUrl(ctx.runUrl)) parts.push(runLink(ctx.runUrl, 'Workflow run'));
  const version = ctx.terraformVersion ?? model?.terraformVersion;
  if (version) parts.push(`Terraform ${inlineCode(version)}`);
  if (ctx.planSha256) parts.push(`Plan sha256 ${inlineCode(ctx.planSha256)}`);
  if (parts.length === 0) return [];
  return ['---', `<sub>${parts.join(' · ')}</sub>`];
}

function runLink(url: string | undefined, text: string): string {
  const safe = url ? safeUrl(url) : undefined;
  return safe ? `[${text}](<${safe}>)` : text;
}

/** Only http(s) links, written so that nothing in them can end the link destination. */
function safeUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href.replace(/[<>\s]/g, (ch) => encodeURIComponent(ch));
}
