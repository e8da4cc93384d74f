/**
 * oneSidedDiffText is a second implementation of what walkAttributes hands a sink for created and destroyed
 * objects, written for speed. These tests hold the two to the same text, line for line, on every resource of the
 * plan corpus (as a create and as a destroy) and on generated values and markers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneSidedDiffText, walkAttributes, type RawChange } from '../../src/terraform/attribute-diff.js';
import { SensitiveStrings } from '../../src/terraform/sensitive-strings.js';
import type { ChangeAction } from '../../src/terraform/plan-model.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** What the walk gives, as the text oneSidedDiffText builds. */
function walked(change: RawChange, action: ChangeAction, secrets = new SensitiveStrings()) {
  let text = '';
  let attributes = 0;
  const unchanged = walkAttributes(change, action, secrets, {
    attribute(kind, path, before, after) {
      attributes++;
      text += before !== undefined && after !== undefined ? `\n${kind} ${path} = ${before} -> ${after}` : `\n${kind} ${path} = ${after ?? before ?? 'null'}`;
    },
  });
  return { text, attributes, unchanged };
}

function asCreate(change: RawChange): RawChange {
  return { actions: ['create'], before: null, before_sensitive: false, after: change.after ?? change.before, after_unknown: change.after_unknown ?? {}, after_sensitive: change.after_sensitive ?? change.before_sensitive };
}

function asDestroy(change: RawChange): RawChange {
  return { actions: ['delete'], before: change.before ?? change.after, before_sensitive: change.before_sensitive ?? change.after_sensitive, after: null, after_unknown: {}, after_sensitive: false };
}

function planFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return planFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

describe('oneSidedDiffText', () => {
  it('gives the walk\'s lines and counts for every resource of the plan corpus, created and destroyed', () => {
    let compared = 0;
    for (const file of [...planFiles(join(FIXTURES, 'plans')), ...planFiles(join(FIXTURES, 'terraform'))]) {
      let doc: { resource_changes?: Array<{ change?: RawChange }> };
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      for (const entry of Array.isArray(doc.resource_changes) ? doc.resource_changes : []) {
        if (!entry.change || (entry.change.before == null && entry.change.after == null)) continue;
        for (const [change, action] of [[asCreate(entry.change), 'create'], [asDestroy(entry.change), 'delete']] as const) {
          const fast = oneSidedDiffText(change, action, new SensitiveStrings());
          expect(fast, `${file}: ${JSON.stringify(change).slice(0, 200)}`).toBeDefined();
          expect(fast).toEqual(walked(change, action));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(250);
  });

  it('gives the walk\'s lines for generated values, markers and awkward keys', () => {
    const random = seeded(20261126);
    let compared = 0;
    for (let n = 0; n < 400; n++) {
      const value = randomMap(random, 0);
      const change: RawChange = {
        after: value,
        after_unknown: randomMarker(random, value, 0.15, true),
        after_sensitive: randomMarker(random, value, 0.1, false),
        before_sensitive: false,
      };
      const created = { ...change, actions: ['create'], before: null };
      const destroyed = { actions: ['delete'], before: value, before_sensitive: change.after_sensitive, after: null, after_unknown: {}, after_sensitive: false };
      for (const [c, action] of [[created, 'create'], [destroyed, 'delete']] as const) {
        const fast = oneSidedDiffText(c, action, new SensitiveStrings());
        // Below the top level a key Object.prototype also has takes the general walk.
        if (fast === undefined) continue;
        expect(fast, JSON.stringify(c)).toEqual(walked(c, action));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(600);
  });

  it('gives the walk\'s lines past the number of paths it keeps (map keys are user data that need not repeat)', () => {
    // 20,000 distinct keys, twice the paths the walk keeps; the second round finds every one of them again.
    const after = { labels: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`key-${i}`, `value-${i}`])), items: [{ a: 1 }, { b: [2, 3] }] };
    for (let round = 0; round < 2; round++) {
      for (const [change, action] of [
        [{ actions: ['create'], before: null, after, after_unknown: { id: true }, before_sensitive: false, after_sensitive: {} }, 'create'],
        [{ actions: ['delete'], before: after, after: null, after_unknown: {}, before_sensitive: {}, after_sensitive: false }, 'delete'],
      ] as const) {
        const fast = oneSidedDiffText(change, action, new SensitiveStrings());
        expect(fast?.attributes).toBe(action === 'create' ? 20_003 : 20_002);
        expect(fast).toEqual(walked(change, action));
      }
    }
  });

  it('leaves to the walk what it does not cover: updates, replacements, forgets, secrets, inherited keys below the top', () => {
    const secrets = new SensitiveStrings();
    secrets.add('hunter2-secret');
    const created: RawChange = { actions: ['create'], before: null, after: { a: 'x' }, after_unknown: {}, before_sensitive: false, after_sensitive: {} };
    expect(oneSidedDiffText(created, 'create', new SensitiveStrings())).toEqual({ text: '\n+ a = "x"', attributes: 1, unchanged: 0 });
    expect(oneSidedDiffText(created, 'create', secrets)).toBeUndefined();
    expect(oneSidedDiffText({ ...created, before: { a: 'y' } }, 'update', new SensitiveStrings())).toBeUndefined();
    expect(oneSidedDiffText(created, 'replace', new SensitiveStrings())).toBeUndefined();
    expect(oneSidedDiffText(created, 'forget', new SensitiveStrings())).toBeUndefined();
    expect(oneSidedDiffText({ ...created, after: { tags: { constructor: 'x' } } }, 'create', new SensitiveStrings())).toBeUndefined();
    // At the top level such a key is an attribute like any other, as in the walk.
    const top = { ...created, after: { constructor: 'x' } };
    expect(oneSidedDiffText(top, 'create', new SensitiveStrings())).toEqual(walked(top, 'create'));
  });
});

/** A small deterministic generator (mulberry32): the same cases on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['id', 'name', 'tags', 'Name', 'team-a/b', 'with space', 'quo"te', '0', 'ünï', 'size', 'constructor', 'toString', 'a.b', '[x]'];

function randomLeaf(random: () => number): unknown {
  const r = random();
  if (r < 0.15) return null;
  if (r < 0.35) return Math.floor(random() * 1000) - 100;
  if (r < 0.45) return random() < 0.5;
  if (r < 0.5) return 'x'.repeat(990 + Math.floor(random() * 30)); // around the value length cut
  if (r < 0.55) return 'line\nbreak `tick` <b>';
  return `v${Math.floor(random() * 100)}`;
}

function randomValue(random: () => number, depth: number): unknown {
  const r = random();
  if (depth > 3 || r < 0.55) return randomLeaf(random);
  if (r < 0.7) return randomMap(random, depth + 1);
  if (r < 0.8) return Array.from({ length: Math.floor(random() * 3) }, () => randomLeaf(random));
  return Array.from({ length: Math.floor(random() * 3) }, () => (random() < 0.5 ? randomMap(random, depth + 1) : []));
}

function randomMap(random: () => number, depth: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  const n = Math.floor(random() * 5);
  for (let i = 0; i < n; i++) map[KEYS[Math.floor(random() * KEYS.length)]!] = randomValue(random, depth);
  return map;
}

/** A marker mirroring `value` with `true` here and there; unknown markers may also name keys the value lacks. */
function randomMarker(random: () => number, value: unknown, p: number, extraKeys: boolean): unknown {
  if (random() < p) return true;
  if (Array.isArray(value)) return value.map((item) => randomMarker(random, item, p, extraKeys));
  if (value === null || typeof value !== 'object') return random() < 0.5 ? false : {};
  const marker: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (random() < 0.7) marker[key] = randomMarker(random, child, p, extraKeys);
  }
  if (extraKeys && random() < 0.3) marker[KEYS[Math.floor(random() * KEYS.length)]!] = true;
  return marker;
}
