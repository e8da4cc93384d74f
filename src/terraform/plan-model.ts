/**
 * The typed view of a Terraform plan that the comment renderer, the actions and the CLI work from.
 * Built by parsePlan() from `terraform show -json` output. Every value here is already rendered for display
 * and masked: nothing sensitive is reachable from a PlanModel except `sensitiveValues`, which exists so that
 * callers can register those strings as log masks.
 */

/** One resource's planned action, with Terraform's two-step actions folded into one word. */
export type ChangeAction = 'create' | 'update' | 'delete' | 'replace' | 'read' | 'no-op' | 'forget';

export interface ResourceChange {
  address: string;
  /** Set when a `moved` block (or an implicit move) gives the object a new address. */
  previousAddress?: string;
  moduleAddress?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  action: ChangeAction;
  /** Only for `replace`: which half happens first (`create_before_destroy` gives create-before-destroy). */
  replaceOrder?: 'delete-before-create' | 'create-before-destroy';
  /**
   * Terraform's create-then-forget: a new object replaces the old one, which is left alone (removed from
   * state, not destroyed). `action` is `create` for these, because nothing is destroyed.
   */
  forgetsPrevious?: boolean;
  importing?: { id?: string };
  /** Terraform's `action_reason`, e.g. `replace_because_cannot_update`. */
  actionReason?: string;
  /** Changed attributes only, in display order. Computed when read (most are never rendered), not kept. */
  attributes: AttributeDiff[];
  /** Top-level attributes that are set and do not change: counted, never listed. */
  unchangedAttributes: number;
  /**
   * What `attributes` lists, handed to `sink` one attribute at a time without building the list; returns
   * `unchangedAttributes`. For renderers that turn each attribute into text right away.
   */
  writeAttributes(sink: AttributeSink): number;
  /**
   * The same attributes as text, `\n<kind> <path> = <value>` each, when a fast path applies (a created or
   * destroyed object in a plan without secrets); undefined otherwise, and then writeAttributes() is the way.
   */
  diffText?(): DiffText | undefined;
}

/** The text of a diff: each changed attribute as a newline and its diff line, with the counts writeAttributes() gives. */
export interface DiffText {
  text: string;
  /** Changed attributes, one line each. */
  attributes: number;
  /** Top-level attributes set and unchanged (what writeAttributes() returns). */
  unchanged: number;
}

/** Receives changed attributes one by one, in display order (the fields of an AttributeDiff). */
export interface AttributeSink {
  attribute(kind: AttributeDiff['kind'], path: string, before: string | undefined, after: string | undefined): void;
}

export interface AttributeDiff {
  /** Terraform-style path: `tags["Name"]`, `network_interface[0].ip`. */
  path: string;
  /** `-/+` marks a change that forces the replacement of the resource. */
  kind: '+' | '-' | '~' | '-/+';
  /** Rendered values: strings quoted, `(sensitive value)`, `(known after apply)`; absent when null/unset. */
  before?: string;
  after?: string;
}

export interface OutputChange {
  name: string;
  action: ChangeAction;
  sensitive: boolean;
  before?: string;
  after?: string;
}

export interface CheckResult {
  address: string;
  status: 'pass' | 'fail' | 'error' | 'unknown';
  problems: string[];
}

/**
 * `add`/`change`/`destroy` are exactly Terraform's Plan line numbers (a replacement counts once in `add` and once
 * in `destroy`); the others are counts of changes carrying that modifier.
 */
export interface PlanCounts {
  add: number;
  change: number;
  destroy: number;
  replace: number;
  import: number;
  move: number;
  forget: number;
  read: number;
  drift: number;
}

export interface PlanModel {
  formatVersion: string;
  terraformVersion?: string;
  /** Resource changes to show: no-ops only when they move or import; deleted data sources are left out, as Terraform does. */
  changes: ResourceChange[];
  /** `resource_drift` entries that changed outside Terraform (no-ops left out). */
  drift: ResourceChange[];
  /** Root module outputs whose value changes. */
  outputs: OutputChange[];
  checks: CheckResult[];
  /** Terraform stopped planning because of an error: the plan is partial and cannot be applied. */
  errored: boolean;
  counts: PlanCounts;
  hasChanges: boolean;
  /** Terraform's sentence: `Plan: 1 to add, 0 to change, 0 to destroy.` or the `No changes.` one. */
  summary: string;
  /** Clear-text strings found under sensitive markers, sensitive variables and outputs: register them as masks. */
  sensitiveValues: string[];
  /** Terraform 1.14 actions planned with this plan (they extend the Plan line: `Actions: N to invoke.`). */
  actionInvocations?: number;
}

export const SENSITIVE = '(sensitive value)';
export const KNOWN_AFTER_APPLY = '(known after apply)';
