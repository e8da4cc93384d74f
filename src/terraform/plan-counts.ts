/**
 * The numbers of Terraform's Plan line, counted as Terraform counts them (internal/command/jsonformat/plan.go):
 * a replacement is one add and one destroy, create-then-forget is one add, imports prefix the line, and
 * move-only or import-only no-ops add nothing to add/change/destroy.
 */
import type { PlanCounts, ResourceChange } from './plan-model.js';

export const NO_CHANGES = 'No changes. Your infrastructure matches the configuration.';

/** `changes` must already be the shown changes (no plain no-ops, no deleted data sources). */
export function countChanges(changes: ResourceChange[], drift: ResourceChange[]): PlanCounts {
  const counts: PlanCounts = { add: 0, change: 0, destroy: 0, replace: 0, import: 0, move: 0, forget: 0, read: 0, drift: drift.length };
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    switch (change.action) {
      case 'create':
        counts.add++;
        if (change.forgetsPrevious) counts.forget++;
        break;
      case 'update':
        counts.change++;
        break;
      case 'delete':
        counts.destroy++;
        break;
      case 'replace':
        counts.add++;
        counts.destroy++;
        counts.replace++;
        break;
      case 'forget':
        counts.forget++;
        break;
      case 'read':
        counts.read++;
        break;
      case 'no-op':
        break;
    }
    if (change.importing !== undefined) counts.import++;
    if (change.previousAddress !== undefined) counts.move++;
  }
  return counts;
}

/** Terraform's sentence for the plan. Outputs-only and actions-only plans still get a Plan line (all zeros). */
export function summarize(counts: PlanCounts, hasChanges: boolean, actionInvocations = 0): string {
  if (!hasChanges) return NO_CHANGES;
  const imports = counts.import > 0 ? `${counts.import} to import, ` : '';
  const actions = actionInvocations > 0 ? ` Actions: ${actionInvocations} to invoke.` : '';
  return `Plan: ${imports}${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy.${actions}`;
}
