/**
 * The warning callout (every destroy and replace) and the changes overview, each in the forms the fitting
 * ladder steps through: a table, address lists, and address lists cut with "… and N more".
 */
import type { ResourceChange } from '../terraform/plan-model.js';
import { actionLabel, changeNotes, type ChangeGroup } from './change-groups.js';
import { blockBytes } from './line-budget.js';
import { formatCount, inlineCode, plural, utf8Bytes } from './markdown.js';

export type CalloutForm = 'list' | 'inline' | 'truncated';
export type ChangesForm = 'table' | 'lists' | 'truncated';

/** Items per line in the inline forms: keeps lines short enough to read in a diff of the comment source. */
const ITEMS_PER_LINE = 8;

export interface Section {
  /** The section's lines; an entry may be a block of lines joined with newlines (the document only joins them). */
  lines: string[];
  /** True when something was left out of this section. */
  shortened: boolean;
  /** blockBytes(lines) when the section counted it already (long sections do, to spare a second pass). */
  bytes?: number;
}

/**
 * `> [!CAUTION]` listing every resource to be destroyed or replaced. `list` and `inline` are all-or-nothing
 * (undefined when over `maxBytes`); `truncated` always fits, listing as many as it can.
 */
export function calloutSection(destructive: readonly ResourceChange[], form: CalloutForm, maxBytes: number): Section | undefined {
  if (destructive.length === 0) return { lines: [], shortened: false };
  const deletes = destructive.filter((c) => c.action === 'delete');
  const replaces = destructive.filter((c) => c.action === 'replace');
  const title = [
    '> [!CAUTION]',
    `> **This plan ${[
      deletes.length > 0 ? `destroys ${plural(deletes.length, 'resource')}` : '',
      replaces.length > 0 ? `replaces ${plural(replaces.length, 'resource')}` : '',
    ]
      .filter(Boolean)
      .join(' and ')}:**`,
    '>',
  ];
  if (form === 'list') {
    const lines = [...title];
    let used = blockBytes(title) + 1;
    for (const change of destructive) {
      const line = `> - ${actionLabel(change)} ${inlineCode(change.address)}${replaceOrderNote(change)}`;
      used += utf8Bytes(line) + 1;
      if (used > maxBytes) return undefined;
      lines.push(line);
    }
    lines.push('');
    return { lines, shortened: false };
  }
  const groups: Array<[string, ResourceChange[]]> = [
    ['Destroy', deletes],
    ['Replace', replaces],
  ];
  const lines = [...title];
  let shortened = false;
  let remaining = maxBytes - blockBytes(title) - 2;
  for (const [name, changes] of groups) {
    if (changes.length === 0) continue;
    const reserve = name === 'Destroy' && replaces.length > 0 ? 120 : 0;
    const part = inlineList(
      `> **${name} (${formatCount(changes.length)}):** `,
      '> ',
      changes.map((c) => inlineCode(c.address)),
      remaining - reserve,
    );
    // The inline form is all-or-nothing: anything left out means it did not fit.
    if (part.omitted > 0 && form === 'inline') return undefined;
    if (part.omitted > 0) shortened = true;
    lines.push(...part.lines, '>');
    remaining -= blockBytes(part.lines) + 2;
  }
  lines[lines.length - 1] = '';
  if (form === 'inline' && !fits(lines, maxBytes)) return undefined;
  return { lines, shortened };
}

function replaceOrderNote(change: ResourceChange): string {
  if (change.replaceOrder === 'create-before-destroy') return ' (create before destroy)';
  if (change.replaceOrder === 'delete-before-create') return ' (destroy before create)';
  return '';
}

/**
 * The overview of every change. `table`/`lists` are all-or-nothing; `truncated` fills `maxBytes` group by group.
 * `destructiveListed` lets the list forms point to the callout instead of repeating destroys and replaces.
 */
export function changesSection(
  groups: readonly ChangeGroup[],
  form: ChangesForm,
  maxBytes: number,
  destructiveListed: boolean,
): Section | undefined {
  if (groups.length === 0) return { lines: [], shortened: false };
  const heading = ['#### Changes', ''];
  if (form === 'table') {
    const lines = [...heading, '| Action | Resource | Notes |', '| --- | --- | --- |'];
    // One more byte for the closing empty line.
    let used = blockBytes(lines) + 1;
    for (const group of groups) {
      for (let i = 0; i < group.changes.length; i++) {
        const change = group.changes[i]!;
        const row = `| ${group.label} | ${inlineCode(change.address, true)} | ${changeNotes(change, true)} |`;
        used += utf8Bytes(row) + 1;
        if (used > maxBytes) return undefined;
        lines.push(row);
      }
    }
    lines.push('');
    return { lines, shortened: false, bytes: used };
  }

  const lines = [...heading];
  let shortened = false;
  let remaining = maxBytes - blockBytes(heading);
  groups.forEach((group, i) => {
    const prefix = `**${group.label} (${formatCount(group.changes.length)}):** `;
    if (destructiveListed && (group.key === 'delete' || group.key === 'replace')) {
      const line = [`${prefix}listed in the warning above.`, ''];
      lines.push(...line);
      remaining -= blockBytes(line);
      return;
    }
    // Later groups keep room for at least their heading and a count.
    const reserve = (groups.length - i - 1) * 100;
    const part = inlineList(
      prefix,
      '',
      group.changes.map((c) => inlineCode(c.address)),
      remaining - reserve - 1,
    );
    if (part.omitted > 0) shortened = true;
    lines.push(...part.lines, '');
    remaining -= blockBytes(part.lines) + 1;
  });
  if (form === 'lists' && (shortened || !fits(lines, maxBytes))) return undefined;
  return { lines, shortened };
}

interface InlineList {
  lines: string[];
  omitted: number;
}

/** `items` joined with ` · `, ITEMS_PER_LINE per line, as many as fit in `maxBytes`, then "… and N more". */
export function inlineList(firstPrefix: string, linePrefix: string, items: readonly string[], maxBytes: number): InlineList {
  const more = (n: number): string => `… and ${formatCount(n)} more (see the job summary)`;
  const lines: string[] = [];
  let current = firstPrefix;
  let inLine = 0;
  let used = 0;
  // Room for the "… and N more" tail, which the last line may need.
  const tailRoom = utf8Bytes(more(items.length)) + 4;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const piece = inLine === 0 ? item : ` · ${item}`;
    const newLine = inLine >= ITEMS_PER_LINE;
    const cost = newLine ? utf8Bytes(linePrefix + item) + 1 : utf8Bytes(piece);
    const isLast = i === items.length - 1;
    if (used + utf8Bytes(current) + cost + (isLast ? 1 : tailRoom) > maxBytes) {
      const omitted = items.length - i;
      const tail = inLine === 0 ? more(omitted) : ` ${more(omitted)}`;
      lines.push(current + tail);
      return { lines, omitted };
    }
    if (newLine) {
      lines.push(current);
      used += utf8Bytes(current) + 1;
      current = linePrefix + item;
      inLine = 1;
    } else {
      current += piece;
      inLine++;
    }
  }
  lines.push(current);
  return { lines, omitted: 0 };
}

function fits(lines: readonly string[], maxBytes: number): boolean {
  return blockBytes(lines) <= maxBytes;
}
