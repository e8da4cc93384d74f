/**
 * One resource change's `before`/`after` → the changed attributes only, in a diff-like form, with sensitive
 * and unknown markers applied. Objects are walked down to their leaves; a list of plain values is shown whole
 * (index-by-index output for `["a","b"] → ["x","a","b"]` would claim that every element changed).
 */
import { KNOWN_AFTER_APPLY, SENSITIVE, type AttributeDiff, type ChangeAction } from './plan-model.js';
import { childMarker, hasTrue, keyName, renderValue } from './render-value.js';
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
  out: AttributeDiff[];
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
  // A forgotten object is left as it is: there is nothing to compare.
  if (action === 'forget') return { attributes: [], unchanged: 0 };
  const before = isRecord(change.before) ? change.before : undefined;
  const after = isRecord(change.after) ? change.after : undefined;
  const walk: Walk = {
    secrets,
    out: [],
    replacePaths: action === 'replace' ? replacePathKeys(change.replace_paths) : undefined,
  };
  // Attributes that become known only after apply are absent from `after` and present in `after_unknown`.
  const keys = sortedUnion(before, after, after === undefined ? undefined : change.after_unknown);
  let unchanged = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const start = walk.out.length;
    const b = before?.[key];
    const a = after === undefined ? undefined : after[key];
    visit(
      walk,
      walk.replacePaths ? [key] : undefined,
      pathKey(key, secrets),
      b,
      a,
      childMarker(change.before_sensitive, key),
      childMarker(change.after_sensitive, key),
      after === undefined ? undefined : childMarker(change.after_unknown, key),
    );
    if (walk.out.length === start && !isAbsent(b ?? a)) unchanged++;
  }
  return { attributes: walk.out, unchanged };
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
    if (beforeAbsent) return emit(walk, segments, { path, kind: '+', after: KNOWN_AFTER_APPLY });
    return emit(walk, segments, {
      path,
      kind: '~',
      before: renderValue(before, beforeSensitive, undefined, secrets),
      after: KNOWN_AFTER_APPLY,
    });
  }
  if (beforeSensitive === true || afterSensitive === true) {
    if (beforeAbsent && afterAbsent) return;
    if (beforeSensitive === afterSensitive && sameJson(before, after)) return;
    // When either side is secret, both are shown masked: the other side is usually the same secret's old value.
    return emit(walk, segments, {
      path,
      kind: beforeAbsent ? '+' : afterAbsent ? '-' : '~',
      ...(beforeAbsent ? {} : { before: SENSITIVE }),
      ...(afterAbsent ? {} : { after: SENSITIVE }),
    });
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
    const name = pathKey(key, secrets);
    const first = name.charCodeAt(0);
    visit(
      walk,
      childSegments(walk, segments, key),
      // A quoted key goes in brackets, a masked one (`[(sensitive value)]`) already is; the rest after a dot.
      first === QUOTE ? `${path}[${name}]` : first === BRACKET ? `${path}${name}` : `${path}.${name}`,
      b[key],
      a[key],
      childMarker(beforeSensitive, key),
      childMarker(afterSensitive, key),
      childMarker(afterUnknown, key),
    );
  }
}

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
  const diff: AttributeDiff = { path, kind: beforeAbsent ? '+' : afterAbsent ? '-' : '~' };
  if (!beforeAbsent) diff.before = renderValue(before, beforeSensitive, undefined, walk.secrets);
  if (!afterAbsent) diff.after = renderValue(after, afterSensitive, afterUnknown, walk.secrets);
  emit(walk, segments, diff);
}

function emit(walk: Walk, segments: Segment[] | undefined, diff: AttributeDiff): void {
  if (walk.replacePaths && segments && forcesReplacement(walk.replacePaths, segments)) diff.kind = '-/+';
  walk.out.push(diff);
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
