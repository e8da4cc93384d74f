/**
 * Plan JSON generated in the test (shaped like `terraform show -json` of terraform_data resources), for sizes
 * and for addresses the corpus does not have.
 */
export interface SyntheticResource {
  address: string;
  actions: string[];
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  beforeSensitive?: unknown;
  afterSensitive?: unknown;
  afterUnknown?: unknown;
  previousAddress?: string;
}

export function syntheticPlan(resources: SyntheticResource[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: {} },
    resource_changes: resources.map((r) => ({
      address: r.address,
      ...(r.previousAddress ? { previous_address: r.previousAddress } : {}),
      mode: 'managed',
      type: 'terraform_data',
      name: r.address.split('.')[1]?.split('[')[0] ?? 'x',
      provider_name: 'terraform.io/builtin/terraform',
      change: {
        actions: r.actions,
        before: r.before ?? null,
        after: r.after ?? null,
        after_unknown: r.afterUnknown ?? {},
        before_sensitive: r.beforeSensitive ?? {},
        after_sensitive: r.afterSensitive ?? {},
      },
    })),
    timestamp: '2026-11-25T19:31:19Z',
    errored: false,
    ...extra,
  });
}

/** `count` resources of one action, each with a small attribute diff. */
export function manyResources(prefix: string, count: number, actions: string[]): SyntheticResource[] {
  const out: SyntheticResource[] = [];
  for (let i = 0; i < count; i++) {
    const before = actions.includes('create') && !actions.includes('delete') ? null : { id: `id-${i}`, input: `old value ${i}`, output: `old value ${i}` };
    const after = actions.length === 1 && actions[0] === 'delete' ? null : { id: before ? `id-${i}` : undefined, input: `new value ${i}` };
    out.push({
      address: `terraform_data.${prefix}[${i}]`,
      actions,
      before,
      after,
      afterUnknown: after ? { output: true, ...(before ? {} : { id: true }) } : {},
    });
  }
  return out;
}
