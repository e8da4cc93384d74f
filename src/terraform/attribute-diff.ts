/**
 * One resource change's `before`/`after` → the changed attributes only, in a diff-like form, with sensitive
 * and unknown markers applied. Objects are walked down to their leaves; a list of plain values is shown whole
 * (index-by-index output for `["a","b"] → ["x","a","b"]` would claim that every element changed).
 */
import { KNOWN_AFTER_APPLY, SENSITIVE, type AttributeDiff, type AttributeSink, type ChangeAction, type DiffText } from './plan-model.js';
import { childMarker, hasTrue, keyName, MAX_VALUE_CHARS, renderValue } from './render-value.js';
import type { SensitiveStrings } from './sensitive-strings.js';

/** The `change` object of a `resource_changes` / `resource_drift` entry, as Terraform writes it. */
export interface RawChange {
  actions?: unknown;
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: unknown;
  importing?: unknown;
}

export interface AttributeDiffResult {
  attributes: AttributeDiff[];
  unchanged: number;
}

type Segment = string | number;

interface Walk {
  secrets: SensitiveStrings;
  /** The plan has no secrets: values and keys need no masking check (most plans). */
  noSecrets: boolean;
  sink: AttributeSink;
  /** Attributes handed to the sink so far. */
  emitted: number;
  /** JSON of each replace path, only when the change is a replacement. */
  replacePaths: string[][] | undefined;
}

/**
 * The path as segments, needed only to match replace paths: built only for replacements (for everything else
 * an array per visited node was the largest allocation of the walk, and the walk runs for every rendered resource).
 */
function childSegments(walk: Walk, segments: Segment[] | undefined, key: Segment): Segment[] | undefined {
  return walk.replacePaths && segments ? [...segments, key] : undefined;
}

export function diffAttributes(change: RawChange, action: ChangeAction, secrets: SensitiveStrings): AttributeDiffResult {
  const attributes: AttributeDiff[] = [];
  const unchanged = walkAttributes(change, action, secrets, {
    attribute(kind, path, before, after) {
      const diff: AttributeDiff = { path, kind };
      if (before !== undefined) diff.before = before;
      if (after !== undefined) diff.after = after;
      attributes.push(diff);
    },
  });
  return { attributes, unchanged };
}

/**
 * diffAttributes without the list: each changed attribute goes to `sink` as it is found, in display order, and
 * the count of unchanged attributes is returned. The renderer writes diff lines straight from here; an object
 * and an array slot per attribute of every rendered resource were garbage it had to collect.
 */
export function walkAttributes(change: RawChange, action: ChangeAction, secrets: SensitiveStrings, sink: AttributeSink): number {
  // A forgotten object is left as it is: there is nothing to compare.
  if (action === 'forget') return 0;
  const before = isRecord(change.before) ? change.before : undefined;
  const after = isRecord(change.after) ? change.after : undefined;
  const walk: Walk = {
    secrets,
    noSecrets: secrets.empty,
    sink,
    emitted: 0,
    replacePaths: action === 'replace' ? replacePathKeys(change.replace_paths) : undefined,
  };
  // Attributes that become known only after apply are absent from `after` and present in `after_unknown`.
  const keys = sortedUnion(before, after, after === undefined ? undefined : change.after_unknown);
  // A create (no `before`) or a destroy (no `after`) is walked on its one side: every attribute is `+` or `-`,
  // and the comparisons of the general walk all have one answer. Replace paths need the general walk.
  const oneSided = walk.replacePaths === undefined && (before === undefined || after === undefined);
  let unchanged = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const start = walk.emitted;
    const b = before?.[key];
    const a = after === undefined ? undefined : after[key];
    const path = pathKey(key, secrets);
    const beforeSensitive = childMarker(change.before_sensitive, key);
    const afterSensitive = childMarker(change.after_sensitive, key);
    if (oneSided && before === undefined) {
      visitCreated(walk, path, a, beforeSensitive, afterSensitive, childMarker(change.after_unknown, key));
    } else if (oneSided) {
      visitDestroyed(walk, path, b, beforeSensitive, afterSensitive);
    } else {
      visit(
        walk,
        walk.replacePaths ? [key] : undefined,
        path,
        b,
        a,
        beforeSensitive,
        afterSensitive,
        after === undefined ? undefined : childMarker(change.after_unknown, key),
      );
    }
    if (walk.emitted === start && !isAbsent(b ?? a)) unchanged++;
  }
  return unchanged;
}

function visit(
  walk: Walk,
  segments: Segment[] | undefined,
  path: string,
  before: unknown,
  after: unknown,
  beforeSensitive: unknown,
  afterSensitive: unknown,
  afterUnknown: unknown,
): void {
  const { secrets } = walk;
  // Absence and container tests written out, not called: this runs for every attribute of every rendered
  // resource, mostly in code V8 has not optimised, where each call costs.
  const beforeAbsent = before === null || before === undefined;
  const afterAbsent = after === null || after === undefined;
  if (afterUnknown === true) {
    if (beforeAbsent) return emit(walk, segments, '+', path, undefined, KNOWN_AFTER_APPLY);
    return emit(walk, segments, '~', path, renderValue(before, beforeSensitive, undefined, secrets), KNOWN_AFTER_APPLY);
  }
  if (beforeSensitive === true || afterSensitive === true) {
    if (beforeAbsent && afterAbsent) return;
    if (beforeSensitive === afterSensitive && sameJson(before, after)) return;
    // When either side is secret, both are shown masked: the other side is usually the same secret's old value.
    return emit(
      walk,
      segments,
      beforeAbsent ? '+' : afterAbsent ? '-' : '~',
      path,
      beforeAbsent ? undefined : SENSITIVE,
      afterAbsent ? undefined : SENSITIVE,
    );
  }
  if (beforeAbsent && afterAbsent) return;
  // A leaf on both sides (no list or map): compare and show.
  if ((beforeAbsent || typeof before !== 'object') && (afterAbsent || typeof after !== 'object')) {
    if (before === after) return;
    return emitWhole(walk, segments, path, before, after, beforeSensitive, afterSensitive, afterUnknown);
  }

  // A list or a map on at least one side.
  const beforeIsArray = Array.isArray(before);
  const afterIsArray = Array.isArray(after);
  const beforeIsObject = isRecord(before);
  const afterIsObject = isRecord(after);
  const sameKind = (beforeIsArray && afterIsArray) || (beforeIsObject && afterIsObject) || beforeAbsent || afterAbsent;
  const plain = (beforeAbsent || isPlainList(before)) && (afterAbsent || isPlainList(after));
  const empty = isEmptyContainer(before ?? after) && (beforeAbsent || afterAbsent);
  // An empty list or map appearing with a new object, or going with a deleted one, says nothing.
  if (empty) return;
  if (!sameKind || plain) {
    if (sameKind && !hasTrue(afterUnknown) && sameJson(before, after) && !hasTrue(beforeSensitive) && !hasTrue(afterSensitive)) {
      return;
    }
    return emitWhole(walk, segments, path, before, after, beforeSensitive, afterSensitive, afterUnknown);
  }
  if (beforeIsArray || afterIsArray) {
    const b = (before ?? NO_ITEMS) as unknown[];
    const a = (after ?? NO_ITEMS) as unknown[];
    const length = Math.max(b.length, a.length);
    for (let i = 0; i < length; i++) {
      visit(
        walk,
        childSegments(walk, segments, i),
        `${path}[${i}]`,
        b[i],
        a[i],
        childMarker(beforeSensitive, i),
        childMarker(afterSensitive, i),
        childMarker(afterUnknown, i),
      );
    }
    return;
  }
  const b = (before ?? NO_KEYS) as Record<string, unknown>;
  const a = (after ?? NO_KEYS) as Record<string, unknown>;
  const keys = sortedUnion(b, a, afterUnknown);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const childBefore = b[key];
    const childAfter = a[key];
    const childBeforeSensitive = childMarker(beforeSensitive, key);
    const childAfterSensitive = childMarker(afterSensitive, key);
    const childUnknown = childMarker(afterUnknown, key);
    // The same leaf under the same markers, known: what visit() returns without a word, decided before its path
    // is built (most attributes of an updated object are unchanged). A plan updating 1,000 resources: about −4 ms
    // for the whole action (paired A/Bs of 60 in both orders).
    if (childBefore === childAfter && (childBefore === null || typeof childBefore !== 'object') && childUnknown !== true && childBeforeSensitive === childAfterSensitive) {
      continue;
    }
    visit(
      walk,
      childSegments(walk, segments, key),
      childPath(walk, path, key),
      childBefore,
      childAfter,
      childBeforeSensitive,
      childAfterSensitive,
      childUnknown,
    );
  }
}

/**
 * visit() for an attribute of a created object: `before` is absent all the way down, so every change is a `+`.
 * Each step gives the answer visit() gives when `before` is absent, in the same order of tests; only what
 * cannot be decided without `before` is still asked. (This and visitDestroyed() carry most rendered resources:
 * plans mostly add or destroy.)
 */
function visitCreated(
  walk: Walk,
  path: string,
  after: unknown,
  beforeSensitive: unknown,
  afterSensitive: unknown,
  afterUnknown: unknown,
): void {
  if (afterUnknown === true) return emitOneSided(walk, '+', path, undefined, KNOWN_AFTER_APPLY);
  const afterAbsent = after === null || after === undefined;
  if (beforeSensitive === true || afterSensitive === true) {
    if (afterAbsent) return;
    return emitOneSided(walk, '+', path, undefined, SENSITIVE);
  }
  if (afterAbsent) return;
  if (typeof after !== 'object') return emitOneSided(walk, '+', path, undefined, valueText(walk, after, afterSensitive, afterUnknown));
  // An empty list or map appearing with a new object says nothing; a list of plain values is shown whole.
  if (Array.isArray(after)) {
    if (after.length === 0) return;
    if (isPlainList(after)) {
      return emitOneSided(walk, '+', path, undefined, renderValue(after, afterSensitive, afterUnknown, walk.secrets));
    }
    for (let i = 0; i < after.length; i++) {
      visitCreated(
        walk,
        `${path}[${i}]`,
        after[i],
        childMarker(beforeSensitive, i),
        childMarker(afterSensitive, i),
        childMarker(afterUnknown, i),
      );
    }
    return;
  }
  const a = after as Record<string, unknown>;
  const own = Object.keys(a);
  if (own.length === 0) return;
  const keys = withUnknownKeys(own, a, afterUnknown);
  // childMarker() written out for the three markers: this loop runs for every attribute of a created object.
  const bsAll = beforeSensitive === true;
  const bsMap = markerMap(beforeSensitive);
  const asAll = afterSensitive === true;
  const asMap = markerMap(afterSensitive);
  const auAll = afterUnknown === true;
  const auMap = markerMap(afterUnknown);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = a[key];
    const bs = bsAll ? true : bsMap?.[key];
    const as = asAll ? true : asMap?.[key];
    const au = auAll ? true : auMap?.[key];
    const inherited = NO_KEYS[key];
    if (inherited !== undefined) {
      // visit() compares with NO_KEYS[key], which for `constructor` and the like is Object.prototype's: ask it.
      visit(walk, undefined, childPath(walk, path, key), inherited, value, bs, as, au);
    } else if (au !== true && bs !== true && as !== true && value !== null && value !== undefined && typeof value !== 'object') {
      // A plain value, as visitCreated() shows it, without the call (most attributes are one).
      emitOneSided(walk, '+', childPath(walk, path, key), undefined, valueText(walk, value, as, au));
    } else {
      visitCreated(walk, childPath(walk, path, key), value, bs, as, au);
    }
  }
}

/** visit() for an attribute of a destroyed object: `after` (and so `after_unknown`) is absent, every change is a `-`. */
function visitDestroyed(walk: Walk, path: string, before: unknown, beforeSensitive: unknown, afterSensitive: unknown): void {
  const beforeAbsent = before === null || before === undefined;
  if (beforeSensitive === true || afterSensitive === true) {
    if (beforeAbsent) return;
    return emitOneSided(walk, '-', path, SENSITIVE, undefined);
  }
  if (beforeAbsent) return;
  if (typeof before !== 'object') return emitOneSided(walk, '-', path, valueText(walk, before, beforeSensitive, undefined), undefined);
  // An empty list or map going with a deleted object says nothing; a list of plain values is shown whole.
  if (Array.isArray(before)) {
    if (before.length === 0) return;
    if (isPlainList(before)) {
      return emitOneSided(walk, '-', path, renderValue(before, beforeSensitive, undefined, walk.secrets), undefined);
    }
    for (let i = 0; i < before.length; i++) {
      visitDestroyed(walk, `${path}[${i}]`, before[i], childMarker(beforeSensitive, i), childMarker(afterSensitive, i));
    }
    return;
  }
  const b = before as Record<string, unknown>;
  const keys = Object.keys(b);
  if (keys.length === 0) return;
  sortKeys(keys);
  const bsAll = beforeSensitive === true;
  const bsMap = markerMap(beforeSensitive);
  const asAll = afterSensitive === true;
  const asMap = markerMap(afterSensitive);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = b[key];
    const bs = bsAll ? true : bsMap?.[key];
    const as = asAll ? true : asMap?.[key];
    const inherited = NO_KEYS[key];
    if (inherited !== undefined) {
      visit(walk, undefined, childPath(walk, path, key), value, inherited, bs, as, undefined);
    } else if (bs !== true && as !== true && value !== null && value !== undefined && typeof value !== 'object') {
      emitOneSided(walk, '-', childPath(walk, path, key), valueText(walk, value, bs, undefined), undefined);
    } else {
      visitDestroyed(walk, childPath(walk, path, key), value, bs, as);
    }
  }
}

/**
 * walkAttributes() for a created or destroyed object, as text: `\n+ path = value` (or `-`) for each attribute the
 * walk would hand a sink, in the same order with the same values. One function with the sink's work written in,
 * instead of a walk, a sink call and a line builder per attribute: rendering the job summary of 1,000 created
 * resources is mostly this loop, run once, in code V8 has not optimised, where every call counts (the `<details>`
 * of the bench plan's 1,000 resources: 25.7 → about 20 ms, medians of 40–60 cold runs). The tests hold it to the
 * walk on every plan of the corpus and on generated cases.
 *
 * Undefined when the change needs the general walk: an update or a replacement, a plan with secrets (values
 * and keys must be checked against them), or a key that Object.prototype also has (see visitCreated()).
 */
export function oneSidedDiffText(change: RawChange, action: ChangeAction, secrets: SensitiveStrings): DiffText | undefined {
  if (!secrets.empty || action === 'replace' || action === 'forget') return undefined;
  const before = isRecord(change.before) ? change.before : undefined;
  const after = isRecord(change.after) ? change.after : undefined;
  if ((before === undefined) === (after === undefined)) return undefined;
  const out: OneSided = { text: '', attributes: 0, unchanged: 0, secrets };
  const ok = after !== undefined
    ? oneSidedMap(out, CREATED, after, change.before_sensitive, change.after_sensitive, change.after_unknown, true)
    : oneSidedMap(out, DESTROYED, before!, change.before_sensitive, change.after_sensitive, undefined, true);
  return ok ? { text: out.text, attributes: out.attributes, unchanged: out.unchanged } : undefined;
}

/** The text being built, and the plan's (empty) secrets for renderValue(). */
interface OneSided extends DiffText {
  secrets: SensitiveStrings;
}

/**
 * One attribute path of the one-sided walk, with what each of its lines starts with (`\n+ path = `). The paths
 * form a tree from the object itself (the root, path ''). Resources of a plan repeat the same paths (every
 * instance of a count or for_each, every resource of a type), so after the first, a line is one lookup by key
 * and one concatenation, not a path and a line built again piece by piece (the line that built them was this
 * loop's hottest in a profile; keeping them saved about 1 ms of the 1,000-resource bench plan's 10–15). Bounded
 * like KEY_STEPS (map keys are user data that need not repeat): past PATH_NODES_MAX, new paths are made for the
 * line at hand and not kept.
 */
class PathNode {
  readonly children = new Map<string | number, PathNode>();
  /** `\n+ path = ` or `\n- path = `: a line of this path is this and the value. */
  readonly line: string;

  constructor(
    readonly kind: '+' | '-',
    readonly path: string,
  ) {
    this.line = `\n${kind} ${path} = `;
  }

  /** The path of map key `key` below this one; a top-level attribute's path is its bare name. */
  key(key: string): PathNode {
    const known = this.children.get(key);
    if (known !== undefined) return known;
    return this.#keep(key, new PathNode(this.kind, this.path === '' ? keyName(key) : this.path + keyStep(keyName(key))));
  }

  /** The path of list element `index` below this one. */
  index(index: number): PathNode {
    const known = this.children.get(index);
    if (known !== undefined) return known;
    return this.#keep(index, new PathNode(this.kind, `${this.path}[${index}]`));
  }

  #keep(step: string | number, node: PathNode): PathNode {
    if (pathNodes < PATH_NODES_MAX) {
      pathNodes++;
      this.children.set(step, node);
    }
    return node;
  }
}

const PATH_NODES_MAX = 8192;
let pathNodes = 0;
const CREATED = new PathNode('+', '');
const DESTROYED = new PathNode('-', '');

/**
 * visitCreated() (kind `+`) or visitDestroyed() (kind `-`) over a map at `at`, appending to `out`; `top` is the
 * object itself, where walkAttributes() also counts the unchanged attributes. False when the general walk is needed.
 * Marker lookups, markerMap() and the path tree's lookup of a known key are written out rather than called: this
 * runs for every attribute of the summary, uncompiled, where a call costs more than the work (with withUnknownKeys'
 * for-in, about 1.5–2.8 ms of the 1,000-resource bench plan's 9–16 ms walk, medians of 41 fresh runs).
 */
function oneSidedMap(
  out: OneSided,
  at: PathNode,
  value: Record<string, unknown>,
  beforeSensitive: unknown,
  afterSensitive: unknown,
  afterUnknown: unknown,
  top: boolean,
): boolean {
  const keys = Object.keys(value);
  // An empty map appearing or going says nothing (the object itself may still have unknown attributes).
  if (keys.length === 0 && !top) return true;
  const created = at.kind === '+';
  // A created object also lists the attributes known only after apply, as the walk does.
  if (created) withUnknownKeys(keys, value, afterUnknown);
  else sortKeys(keys);
  const bsAll = beforeSensitive === true;
  const bsMap = beforeSensitive !== null && typeof beforeSensitive === 'object' ? (beforeSensitive as Record<string, unknown>) : undefined;
  const asAll = afterSensitive === true;
  const asMap = afterSensitive !== null && typeof afterSensitive === 'object' ? (afterSensitive as Record<string, unknown>) : undefined;
  const auAll = created && afterUnknown === true;
  const auMap = created && afterUnknown !== null && typeof afterUnknown === 'object' ? (afterUnknown as Record<string, unknown>) : undefined;
  const children = at.children;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    // Below the top level visitCreated() compares these with Object.prototype's members: the general walk.
    if (!top && NO_KEYS[key] !== undefined) return false;
    const child = value[key];
    const bs = bsAll ? true : bsMap === undefined ? undefined : bsMap[key];
    const as = asAll ? true : asMap === undefined ? undefined : asMap[key];
    const au = auAll ? true : auMap === undefined ? undefined : auMap[key];
    const start = out.attributes;
    if (!oneSidedChild(out, children.get(key) ?? at.key(key), child, bs, as, au)) return false;
    // As walkAttributes() counts: a top-level attribute that is set and showed nothing (an empty list or map).
    if (top && out.attributes === start && child !== null && child !== undefined) out.unchanged++;
  }
  return true;
}

/**
 * One attribute of a one-sided object, as visitCreated() / visitDestroyed() show it: known after apply, hidden,
 * a value, or the attributes of a list or map below it. False when the general walk is needed.
 */
function oneSidedChild(out: OneSided, at: PathNode, child: unknown, bs: unknown, as: unknown, au: unknown): boolean {
  if (au === true) {
    // Only a created object has unknown markers, so the line is `+`.
    out.text += at.line + KNOWN_AFTER_APPLY;
    out.attributes++;
  } else if (child === null || child === undefined) {
    return true;
  } else if (bs === true || as === true) {
    out.text += at.line + SENSITIVE;
    out.attributes++;
  } else if (typeof child !== 'object') {
    const created = at.kind === '+';
    // valueText() without secrets: a string is its JSON unless long enough to be cut.
    let text: string;
    if (typeof child === 'string') {
      text = JSON.stringify(child);
      if (text.length > MAX_VALUE_CHARS) text = renderValue(child, created ? as : bs, au, out.secrets);
    } else if (typeof child === 'number' || typeof child === 'boolean') {
      text = String(child);
    } else {
      text = renderValue(child, created ? as : bs, au, out.secrets);
    }
    out.text += at.line + text;
    out.attributes++;
  } else {
    return Array.isArray(child)
      ? oneSidedList(out, at, child, bs, as, au)
      : oneSidedMap(out, at, child as Record<string, unknown>, bs, as, au, false);
  }
  return true;
}

/** A list below a one-sided attribute, as visitCreated() / visitDestroyed() show it. */
function oneSidedList(
  out: OneSided,
  at: PathNode,
  value: unknown[],
  beforeSensitive: unknown,
  afterSensitive: unknown,
  afterUnknown: unknown,
): boolean {
  if (value.length === 0) return true;
  const created = at.kind === '+';
  if (isPlainList(value)) {
    const text = created ? renderValue(value, afterSensitive, afterUnknown, out.secrets) : renderValue(value, beforeSensitive, undefined, out.secrets);
    out.text += at.line + text;
    out.attributes++;
    return true;
  }
  for (let i = 0; i < value.length; i++) {
    const au = created ? childMarker(afterUnknown, i) : undefined;
    if (!oneSidedChild(out, at.index(i), value[i], childMarker(beforeSensitive, i), childMarker(afterSensitive, i), au)) return false;
  }
  return true;
}

/** A marker's children by key, or undefined when it has none (childMarker() then gives undefined, unless it is `true`). */
function markerMap(marker: unknown): Record<string, unknown> | undefined {
  return marker !== null && typeof marker === 'object' ? (marker as Record<string, unknown>) : undefined;
}

/**
 * renderValue() of a value that is not a list or a map, under markers that are not `true`. Without secrets to
 * look for, a string is its JSON (unless long enough to be cut) and a number or a boolean its text, with no
 * renderValue() → leafText() → matches() calls on the way (this runs for most attributes of most plans).
 */
function valueText(walk: Walk, value: unknown, sensitive: unknown, unknown: unknown): string {
  if (walk.noSecrets) {
    if (typeof value === 'string') {
      const text = JSON.stringify(value);
      if (text.length <= MAX_VALUE_CHARS) return text;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
  }
  return renderValue(value, sensitive, unknown, walk.secrets);
}

function emitOneSided(walk: Walk, kind: '+' | '-', path: string, before: string | undefined, after: string | undefined): void {
  walk.emitted++;
  walk.sink.attribute(kind, path, before, after);
}

/** The path of map key `key` under `path`: a quoted key goes in brackets, a masked one already is; the rest after a dot. */
function childPath(walk: Walk, path: string, key: string): string {
  if (!walk.noSecrets) return path + keyStep(pathKey(key, walk.secrets));
  // Without secrets a key's step depends on the key alone, and every resource of a type repeats the same keys.
  let step = KEY_STEPS.get(key);
  if (step === undefined) {
    step = keyStep(keyName(key));
    if (KEY_STEPS.size < KEY_STEPS_MAX) KEY_STEPS.set(key, step);
  }
  return path + step;
}

function keyStep(name: string): string {
  const first = name.charCodeAt(0);
  return first === QUOTE ? `[${name}]` : first === BRACKET ? name : `.${name}`;
}

/** `.name` / `["key"]` by key, bounded: map keys are user data that need not repeat (as in keyName()). */
const KEY_STEPS = new Map<string, string>();
const KEY_STEPS_MAX = 4096;

/** A map key as it appears in a path; a key that is a known secret is masked like a value. */
const QUOTE = 34; // "
const BRACKET = 91; // [

function pathKey(key: string, secrets: SensitiveStrings): string {
  return secrets.matches(key) ? `[${SENSITIVE}]` : keyName(key);
}

function emitWhole(
  walk: Walk,
  segments: Segment[] | undefined,
  path: string,
  before: unknown,
  after: unknown,
  beforeSensitive: unknown,
  afterSensitive: unknown,
  afterUnknown: unknown,
): void {
  const beforeAbsent = isAbsent(before);
  const afterAbsent = isAbsent(after);
  emit(
    walk,
    segments,
    beforeAbsent ? '+' : afterAbsent ? '-' : '~',
    path,
    beforeAbsent ? undefined : renderValue(before, beforeSensitive, undefined, walk.secrets),
    afterAbsent ? undefined : renderValue(after, afterSensitive, afterUnknown, walk.secrets),
  );
}

function emit(
  walk: Walk,
  segments: Segment[] | undefined,
  kind: AttributeDiff['kind'],
  path: string,
  before: string | undefined,
  after: string | undefined,
): void {
  const forced = walk.replacePaths !== undefined && segments !== undefined && forcesReplacement(walk.replacePaths, segments);
  walk.emitted++;
  walk.sink.attribute(forced ? '-/+' : kind, path, before, after);
}

/** True when `segments` lies on a replace path: equal to it, inside it, or containing it. */
function forcesReplacement(replacePaths: string[][], segments: Segment[]): boolean {
  const mine = segments.map(String);
  return replacePaths.some((forcing) => {
    const n = Math.min(forcing.length, mine.length);
    for (let i = 0; i < n; i++) if (forcing[i] !== mine[i]) return false;
    return true;
  });
}

function replacePathKeys(raw: unknown): string[][] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const paths = raw.filter(Array.isArray).map((path: unknown[]) => path.map(String));
  return paths.length > 0 ? paths : undefined;
}

function sortedUnion(
  a: Record<string, unknown> | undefined,
  b: Record<string, unknown> | undefined,
  unknownMarker?: unknown,
): string[] {
  // Object.keys gives a fresh array of distinct keys; the other sources only add what it lacks. Most objects
  // come from one side (a create or a delete), so usually one Object.keys is the whole union. Index loops, not
  // for-of: unoptimised code allocates an iterator result per step.
  const aKeys = a ? Object.keys(a) : undefined;
  const bKeys = b ? Object.keys(b) : undefined;
  let keys: string[];
  if (aKeys === undefined || aKeys.length === 0) {
    keys = bKeys ?? [];
  } else {
    keys = aKeys;
    if (bKeys) for (let i = 0; i < bKeys.length; i++) if (!hasOwn(a!, bKeys[i]!)) keys.push(bKeys[i]!);
  }
  if (isRecord(unknownMarker)) {
    const unknownKeys = Object.keys(unknownMarker);
    for (let i = 0; i < unknownKeys.length; i++) {
      const key = unknownKeys[i]!;
      if (unknownMarker[key] === true && !(a && hasOwn(a, key)) && !(b && hasOwn(b, key))) keys.push(key);
    }
  }
  return sortKeys(keys);
}

/**
 * sortedUnion(undefined, record, unknownMarker) for a record whose own keys (`own`, fresh from Object.keys) are
 * already at hand: they and the keys the marker marks `true` that the record lacks, sorted.
 */
function withUnknownKeys(own: string[], record: Record<string, unknown>, unknownMarker: unknown): string[] {
  if (isRecord(unknownMarker)) {
    // for-in, not Object.keys: no array per marker (one per map of every created resource). Own keys come in the
    // same order; inherited ones (none, unless a prototype was polluted) are skipped.
    for (const key in unknownMarker) {
      if (unknownMarker[key] === true && !hasOwn(record, key) && hasOwn(unknownMarker, key)) own.push(key);
    }
  }
  return sortKeys(own);
}

/**
 * keys.sort(), by insertion for short lists: the builtin sort costs about a microsecond per call before it
 * compares anything, and this runs for every object of every rendered resource (4,000 calls for 1,000
 * terraform_data). Terraform writes object keys sorted, so the insertion pass is usually one comparison per key.
 * `<` on strings compares UTF-16 code units, the order of the default sort.
 */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 32) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

function hasOwn(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * Stand-ins for an absent side while walking the other one, shared instead of a new `{}` / `[]` per object.
 * Lookups behave as on a fresh literal (inherited names such as `constructor` included), so output is unchanged.
 */
const NO_KEYS: Record<string, unknown> = Object.freeze({});
const NO_ITEMS: readonly unknown[] = Object.freeze([]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isAbsent(value: unknown): boolean {
  return value === null || value === undefined;
}

function isPlainList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}

function isEmptyContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (!isRecord(value)) return false;
  // Object.keys(value).length === 0 without allocating the keys (asked for every object walked).
  for (const key in value) if (hasOwn(value, key)) return false;
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isAbsent(a) || isAbsent(b)) return isAbsent(a) && isAbsent(b);
  return JSON.stringify(a) === JSON.stringify(b);
}
