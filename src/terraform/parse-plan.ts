/**
 * `terraform show -json` output → PlanModel.
 *
 * Plans reach 30 MB (30,000 resources), so this is one JSON.parse (less planned_values.root_module, which
 * nothing here reads: see plan-json.ts) and one pass over `resource_changes`: no deep copies, and attribute diffs
 * are computed only for the resources a renderer actually shows (see LazyResourceChange). Everything the model
 * exposes is already masked.
 */
import { UserError } from '../errors.js';
import { diffAttributes, oneSidedDiffText, walkAttributes, type AttributeDiffResult, type RawChange } from './attribute-diff.js';
import { countChanges, summarize } from './plan-counts.js';
import { parsePlanJson } from './plan-json.js';
import {
  SENSITIVE,
  type AttributeDiff,
  type AttributeSink,
  type ChangeAction,
  type CheckResult,
  type DiffText,
  type OutputChange,
  type PlanModel,
  type ResourceChange,
} from './plan-model.js';
import { renderValue } from './render-value.js';
import { SensitiveStrings } from './sensitive-strings.js';

type Json = Record<string, unknown>;

export function parsePlan(json: string | Buffer, source?: string): PlanModel {
  const what = source ? `Plan JSON "${source}"` : 'The plan JSON';
  const doc = parseDocument(json, what);
  checkIsPlan(doc, what);

  const secrets = collectSecrets(doc);
  const diffs = new LastDiff();
  const all = readResourceChanges(doc.resource_changes, 'resource_changes', what, secrets, diffs);
  const changes = all.filter(isShownChange);
  const drift = readResourceChanges(doc.resource_drift, 'resource_drift', what, secrets, diffs).filter(
    (change) => change.action !== 'no-op',
  );
  const outputs = readOutputs(doc, secrets);
  const checks = readChecks(doc, secrets);
  const actionInvocations = Array.isArray(doc.action_invocations) ? doc.action_invocations.length : 0;
  const counts = countChanges(changes, drift);
  const hasChanges = changes.length > 0 || outputs.length > 0 || actionInvocations > 0;

  const model: PlanModel = {
    formatVersion: doc.format_version as string,
    changes,
    drift,
    outputs,
    checks,
    errored: doc.errored === true,
    counts,
    hasChanges,
    summary: summarize(counts, hasChanges, actionInvocations),
    sensitiveValues: secrets.maskList(),
  };
  if (typeof doc.terraform_version === 'string') model.terraformVersion = doc.terraform_version;
  if (actionInvocations > 0) model.actionInvocations = actionInvocations;
  return model;
}

function parseDocument(json: string | Buffer, what: string): Json {
  const text = typeof json === 'string' ? json : json.toString('utf8');
  if (text.trim().length === 0) throw new UserError(`${what} is empty; expected the output of \`terraform show -json <planfile>\`.`);
  let doc: unknown;
  try {
    doc = parsePlanJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `${what} is not valid JSON (${detail}); is the file truncated? Expected the output of \`terraform show -json <planfile>\`.`,
    );
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(`${what} is not a JSON object; expected the output of \`terraform show -json <planfile>\`.`);
  }
  return doc as Json;
}

function checkIsPlan(doc: Json, what: string): void {
  const expected = 'expected the output of `terraform show -json <planfile>`';
  if (doc.format_version === undefined && doc.plan_format_version !== undefined) {
    throw new UserError(
      `${what} is an HCP Terraform redacted plan (plan_format_version ${String(doc.plan_format_version)}), which this toolkit cannot read; ${expected}.`,
    );
  }
  if ('lineage' in doc && 'serial' in doc) {
    throw new UserError(`${what} is a Terraform state file, not a plan; ${expected}.`);
  }
  if (typeof doc.format_version !== 'string') {
    throw new UserError(`${what} has no format_version, so it is not a Terraform plan; ${expected}.`);
  }
  if (!/^1\.\d+$/.test(doc.format_version)) {
    throw new UserError(
      `${what} has format_version "${doc.format_version}"; this toolkit reads plan format 1.x (Terraform 0.12 and later).`,
    );
  }
  if (doc.planned_values === undefined && doc.resource_changes === undefined) {
    const state = doc.values !== undefined ? ' (it looks like `terraform show -json` of a state)' : '';
    throw new UserError(`${what} has neither planned_values nor resource_changes${state}; ${expected}.`);
  }
  for (const key of ['resource_changes', 'resource_drift'] as const) {
    if (doc[key] !== undefined && doc[key] !== null && !Array.isArray(doc[key])) {
      throw new UserError(`${what} has a ${key} that is not a list; ${expected}.`);
    }
  }
}

/** Terraform shows a no-op only when it moves or imports; it never shows a deleted data source. */
function isShownChange(change: ResourceChange): boolean {
  if (change.action === 'no-op') return change.previousAddress !== undefined || change.importing !== undefined;
  if (change.action === 'delete' && change.mode === 'data') return false;
  return true;
}

function readResourceChanges(
  raw: unknown,
  key: string,
  what: string,
  secrets: SensitiveStrings,
  diffs: LastDiff,
): ResourceChange[] {
  if (!Array.isArray(raw)) return [];
  const out: ResourceChange[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const entry = raw[i] as Json | null;
    if (entry === null || typeof entry !== 'object' || typeof entry.address !== 'string') {
      throw new UserError(`${what} has an entry without an address at ${key}[${i}]; the file is damaged.`);
    }
    const change = entry.change as RawChange | undefined;
    if (change === null || typeof change !== 'object' || !Array.isArray(change.actions)) {
      throw new UserError(`${what} has no change.actions for ${key}[${i}] (${entry.address}); the file is damaged.`);
    }
    out[i] = new LazyResourceChange(entry, change, secrets, diffs);
  }
  return out;
}

/**
 * A ResourceChange whose attribute diff is worked out when read (see LastDiff). For a 30,000-resource plan the
 * comment shows the diffs of a few hundred; computing all of them would double the parse time and memory.
 */
class LazyResourceChange implements ResourceChange {
  // Every field is assigned in the constructor, in one order, optional ones as undefined: the changes of a plan
  // then share one object shape instead of one per combination of optional fields, and the renderer's reads of
  // them stay monomorphic. The raw change stays private: it holds sensitive values in clear text.
  readonly address: string;
  previousAddress?: string;
  moduleAddress?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  index?: string | number;
  readonly action: ChangeAction;
  replaceOrder?: 'delete-before-create' | 'create-before-destroy';
  forgetsPrevious?: boolean;
  importing?: { id?: string };
  actionReason?: string;
  readonly #change: RawChange;
  readonly #secrets: SensitiveStrings;
  readonly #diffs: LastDiff;

  constructor(entry: Json, change: RawChange, secrets: SensitiveStrings, diffs: LastDiff) {
    const address = entry.address as string;
    const previous = entry.previous_address;
    const index = entry.index;
    const raw = change.actions as unknown[];
    // One plain action (most changes) folds to itself: no copy of the list, no folding object.
    const single = raw.length === 1 ? SINGLE_ACTIONS[raw[0] as string] : undefined;
    const actions = single === undefined ? raw.map(String) : undefined;
    const folded: FoldedActions = actions ? foldActions(actions) : { action: single! };
    const importing = change.importing;
    const importId = importing !== null && typeof importing === 'object' ? (importing as Json).id : undefined;
    this.address = address;
    this.previousAddress = typeof previous === 'string' && previous !== address ? previous : undefined;
    this.moduleAddress = typeof entry.module_address === 'string' ? entry.module_address : undefined;
    this.mode = entry.mode === 'data' ? 'data' : 'managed';
    this.type = typeof entry.type === 'string' ? entry.type : '';
    this.name = typeof entry.name === 'string' ? entry.name : '';
    this.index = typeof index === 'string' || typeof index === 'number' ? index : undefined;
    this.action = folded.action;
    this.replaceOrder = folded.replaceOrder;
    this.forgetsPrevious = folded.forgetsPrevious ? true : undefined;
    this.importing = importing !== null && typeof importing === 'object' ? (typeof importId === 'string' ? { id: importId } : {}) : undefined;
    this.actionReason = folded.unrecognised
      ? `unrecognised actions ${JSON.stringify(actions)}`
      : typeof entry.action_reason === 'string'
        ? entry.action_reason
        : undefined;
    this.#change = change;
    this.#secrets = secrets;
    this.#diffs = diffs;
  }

  get attributes(): AttributeDiff[] {
    return this.diff().attributes;
  }

  get unchangedAttributes(): number {
    return this.diff().unchanged;
  }

  writeAttributes(sink: AttributeSink): number {
    return walkAttributes(this.#change, this.action, this.#secrets, sink);
  }

  diffText(): DiffText | undefined {
    return oneSidedDiffText(this.#change, this.action, this.#secrets);
  }

  private diff(): AttributeDiffResult {
    return this.#diffs.get(this) ?? this.#diffs.set(this, diffAttributes(this.#change, this.action, this.#secrets));
  }
}

/**
 * The last attribute diff worked out, shared by one plan's changes. A renderer reads `attributes` and then
 * `unchangedAttributes` of one resource, then moves on, so one slot serves it; keeping every diff instead (as
 * this once did) kept a 1,000-resource summary's worth of diff objects alive through every scavenge, which cost
 * the bench plan's render ~10 ms of garbage collection. A diff read again is worked out again, the same.
 */
class LastDiff {
  #owner: object | undefined;
  #diff: AttributeDiffResult | undefined;

  get(owner: object): AttributeDiffResult | undefined {
    return this.#owner === owner ? this.#diff : undefined;
  }

  set(owner: object, diff: AttributeDiffResult): AttributeDiffResult {
    this.#owner = owner;
    this.#diff = diff;
    return diff;
  }
}

interface FoldedActions {
  action: ChangeAction;
  replaceOrder?: 'delete-before-create' | 'create-before-destroy';
  forgetsPrevious?: boolean;
  unrecognised?: boolean;
}

/** The one-action lists foldActions() maps to that action; a Map-free lookup with no prototype to hit. */
const SINGLE_ACTIONS: Record<string, ChangeAction | undefined> = Object.assign(Object.create(null) as Record<string, ChangeAction>, {
  'no-op': 'no-op',
  create: 'create',
  read: 'read',
  update: 'update',
  delete: 'delete',
  forget: 'forget',
} satisfies Record<string, ChangeAction>);

/** Terraform's action lists (jsonplan.UnmarshalActions) → one action. */
function foldActions(actions: string[]): FoldedActions {
  const joined = actions.join(',');
  switch (joined) {
    case 'no-op':
    case 'create':
    case 'read':
    case 'update':
    case 'delete':
    case 'forget':
      return { action: joined };
    case 'delete,create':
      return { action: 'replace', replaceOrder: 'delete-before-create' };
    case 'create,delete':
      return { action: 'replace', replaceOrder: 'create-before-destroy' };
    case 'create,forget':
    case 'forget,create':
      return { action: 'create', forgetsPrevious: true };
    default:
      // A later Terraform may add actions; show the resource as changing rather than refuse the plan.
      return { action: 'update', unrecognised: true };
  }
}

function readOutputs(doc: Json, secrets: SensitiveStrings): OutputChange[] {
  const raw = doc.output_changes;
  if (raw === null || typeof raw !== 'object') return [];
  const configured = configuredOutputs(doc);
  const out: OutputChange[] = [];
  for (const name of Object.keys(raw).sort()) {
    const change = (raw as Record<string, RawChange>)[name];
    if (change === null || typeof change !== 'object' || !Array.isArray(change.actions)) continue;
    const { action } = foldActions(change.actions.map(String));
    if (action === 'no-op') continue;
    const sensitive =
      change.before_sensitive === true || change.after_sensitive === true || configured[name]?.sensitive === true;
    const output: OutputChange = { name, action, sensitive };
    if (change.before !== null && change.before !== undefined) {
      output.before = sensitive ? SENSITIVE : renderValue(change.before, change.before_sensitive, undefined, secrets);
    }
    if (change.after_unknown === true || (change.after !== null && change.after !== undefined)) {
      output.after = sensitive
        ? SENSITIVE
        : renderValue(change.after, change.after_sensitive, change.after_unknown, secrets);
    }
    out.push(output);
  }
  return out;
}

function configuredOutputs(doc: Json): Record<string, { sensitive?: unknown }> {
  const root = ((doc.configuration as Json | undefined)?.root_module ?? {}) as Json;
  const outputs = root.outputs;
  return outputs !== null && typeof outputs === 'object' ? (outputs as Record<string, { sensitive?: unknown }>) : {};
}

function readChecks(doc: Json, secrets: SensitiveStrings): CheckResult[] {
  const clean = (text: string): string => secrets.redact(text, SENSITIVE);
  if (Array.isArray(doc.checks)) {
    return doc.checks.flatMap((raw: Json): CheckResult[] => {
      const address = displayAddress(raw.address);
      if (address === undefined) return [];
      const problems: string[] = [];
      for (const instance of Array.isArray(raw.instances) ? (raw.instances as Json[]) : []) {
        const where = displayAddress(instance.address);
        for (const problem of Array.isArray(instance.problems) ? (instance.problems as Json[]) : []) {
          if (typeof problem.message !== 'string') continue;
          const prefix = where !== undefined && where !== address ? `${where}: ` : '';
          problems.push(clean(prefix + problem.message));
        }
      }
      return [{ address, status: checkStatus(raw.status), problems }];
    });
  }
  // Format 1.1 (Terraform 1.2) called them condition_results, one entry per condition.
  if (Array.isArray(doc.condition_results)) {
    return doc.condition_results.flatMap((raw: Json): CheckResult[] => {
      if (typeof raw.address !== 'string') return [];
      const status = raw.unknown === true ? 'unknown' : raw.result === true ? 'pass' : 'fail';
      const problems = typeof raw.error_message === 'string' && status === 'fail' ? [clean(raw.error_message)] : [];
      const kind = typeof raw.condition_type === 'string' ? ` (${raw.condition_type})` : '';
      return [{ address: raw.address + kind, status, problems }];
    });
  }
  return [];
}

function displayAddress(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (raw !== null && typeof raw === 'object' && typeof (raw as Json).to_display === 'string') {
    return (raw as Json).to_display as string;
  }
  return undefined;
}

function checkStatus(raw: unknown): CheckResult['status'] {
  return raw === 'pass' || raw === 'fail' || raw === 'error' ? raw : 'unknown';
}

/**
 * False when a sensitivity marker marks nothing: `false`, or objects and lists holding only `false` (most
 * resources of most plans). Their text is asked for once, natively, instead of walking every marker alongside
 * its value in JavaScript (about 1 ms of parsing 1,000 resources). A key named "true" only sends a marker down
 * the walk, which then finds nothing.
 */
function marksSomething(marker: unknown): boolean {
  if (marker === true) return true;
  return marker !== null && typeof marker === 'object' && JSON.stringify(marker).includes('true');
}

/**
 * Secrets come from four places: root variables declared sensitive, values under before/after_sensitive
 * markers, outputs that are sensitive, and sensitive output values in planned_values/prior_state.
 */
function collectSecrets(doc: Json): SensitiveStrings {
  const secrets = new SensitiveStrings();
  const root = ((doc.configuration as Json | undefined)?.root_module ?? {}) as Json;
  const declared = (root.variables ?? {}) as Record<string, Json>;
  const values = (doc.variables ?? {}) as Record<string, Json>;
  for (const name of Object.keys(declared)) {
    if (declared[name]?.sensitive !== true) continue;
    secrets.add(values[name]?.value);
    secrets.add(declared[name]?.default);
  }
  for (const key of ['resource_changes', 'resource_drift'] as const) {
    const list = doc[key];
    if (!Array.isArray(list)) continue;
    // Index loops in the per-resource passes: unoptimised code allocates an iterator result per for-of step.
    for (let i = 0; i < list.length; i++) {
      const change = (list[i] as Json | null)?.change as RawChange | undefined;
      if (!change) continue;
      if (marksSomething(change.before_sensitive)) secrets.addMarked(change.before, change.before_sensitive);
      if (marksSomething(change.after_sensitive)) secrets.addMarked(change.after, change.after_sensitive);
    }
  }
  const configured = configuredOutputs(doc);
  const outputChanges = (doc.output_changes ?? {}) as Record<string, RawChange>;
  for (const name of Object.keys(outputChanges)) {
    const change = outputChanges[name];
    if (!change) continue;
    if (configured[name]?.sensitive === true) {
      secrets.add(change.before);
      secrets.add(change.after);
    } else {
      secrets.addMarked(change.before, change.before_sensitive);
      secrets.addMarked(change.after, change.after_sensitive);
    }
  }
  for (const holder of [doc.planned_values, (doc.prior_state as Json | undefined)?.values]) {
    const outputs = (holder as Json | undefined)?.outputs as Record<string, Json> | undefined;
    if (!outputs || typeof outputs !== 'object') continue;
    for (const name of Object.keys(outputs)) {
      const output = outputs[name];
      if (output?.sensitive === true || configured[name]?.sensitive === true) secrets.add(output?.value);
    }
  }
  return secrets;
}
