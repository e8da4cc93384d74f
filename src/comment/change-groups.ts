/**
 * Resource changes in review order: what destroys first, then what changes existing objects, then what only
 * adds, reads, or touches state.
 */
import type { ResourceChange } from '../terraform/plan-model.js';
import { inlineCode } from './markdown.js';

export type GroupKey = 'delete' | 'replace' | 'update' | 'create' | 'forget' | 'read' | 'import' | 'move';

export interface ChangeGroup {
  key: GroupKey;
  label: string;
  changes: ResourceChange[];
}

const LABELS: Record<GroupKey, string> = {
  delete: '🔴 destroy',
  replace: '🟣 replace',
  update: '🟡 update',
  create: '🟢 create',
  forget: '⚪ forget',
  read: '🔵 read',
  import: '📥 import',
  move: '🚚 move',
};

const ORDER: GroupKey[] = ['delete', 'replace', 'update', 'create', 'forget', 'read', 'import', 'move'];

export function groupKey(change: ResourceChange): GroupKey {
  if (change.action === 'no-op') return change.importing !== undefined ? 'import' : 'move';
  return change.action;
}

export function groupChanges(changes: readonly ResourceChange[], drift = false): ChangeGroup[] {
  const byKey = new Map<GroupKey, ResourceChange[]>();
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const key = groupKey(change);
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(change);
  }
  const labels = drift ? DRIFT_LABELS : LABELS;
  return ORDER.filter((key) => byKey.has(key)).map((key) => ({ key, label: labels[key], changes: byKey.get(key)! }));
}

/** Drift is what already happened outside Terraform, so it reads in the past tense. */
const DRIFT_LABELS: Record<GroupKey, string> = {
  delete: '🔴 deleted',
  replace: '🟣 recreated',
  update: '🟡 changed',
  create: '🟢 appeared',
  forget: '⚪ forgotten',
  read: '🔵 read',
  import: '📥 imported',
  move: '🚚 moved',
};

export function actionLabel(change: ResourceChange, drift = false): string {
  return (drift ? DRIFT_LABELS : LABELS)[groupKey(change)];
}

/** Destroyed or replaced: the resources the warning callout must always list. */
export function isDestructive(change: ResourceChange): boolean {
  return change.action === 'delete' || change.action === 'replace';
}

const REASONS: Record<string, string> = {
  replace_because_tainted: 'tainted',
  replace_because_cannot_update: 'a change forces replacement',
  replace_by_request: 'replacement requested (-replace)',
  replace_by_triggers: 'replace_triggered_by',
  delete_because_no_resource_config: 'removed from the configuration',
  delete_because_no_module: 'its module was removed',
  delete_because_wrong_repetition: 'count/for_each changed',
  delete_because_count_index: 'count index out of range',
  delete_because_each_key: 'for_each key removed',
  delete_because_no_move_target: 'moved to an address that does not exist',
  read_because_config_unknown: 'configuration known only after apply',
  read_because_dependency_pending: 'depends on pending changes',
  read_because_check_nested: 'read by a check block',
};

/** The notes column: order of a replacement, move, import, and why (for a table cell when `inTable`). */
export function changeNotes(change: ResourceChange, inTable: boolean): string {
  const notes: string[] = [];
  if (change.replaceOrder === 'create-before-destroy') notes.push('create before destroy');
  if (change.replaceOrder === 'delete-before-create') notes.push('destroy before create');
  if (change.forgetsPrevious) notes.push('the old object is forgotten, not destroyed');
  if (change.action === 'forget') notes.push('removed from state, not destroyed');
  if (change.previousAddress !== undefined) notes.push(`moved from ${inlineCode(change.previousAddress, inTable)}`);
  if (change.importing !== undefined) {
    notes.push(change.importing.id !== undefined ? `import id ${inlineCode(change.importing.id, inTable)}` : 'imported');
  }
  if (change.actionReason !== undefined && change.action !== 'forget') {
    const known = REASONS[change.actionReason];
    notes.push(known ?? inlineCode(change.actionReason, inTable));
  }
  return notes.join('; ');
}
