import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAttributes, type RawChange } from '../../src/terraform/attribute-diff.js';
import { SensitiveStrings } from '../../src/terraform/sensitive-strings.js';
import type { ChangeAction } from '../../src/terraform/plan-model.js';

function diff(change: RawChange, action: ChangeAction = 'update', secrets = new SensitiveStrings()) {
  return diffAttributes({ after_unknown: {}, before_sensitive: {}, after_sensitive: {}, ...change }, action, secrets);
}

describe('diffAttributes', () => {
  it('lists only changed attributes and counts the unchanged ones', () => {
    const result = diff({ before: { id: 'i-1', name: 'a', size: 1, gone: null }, after: { id: 'i-1', name: 'b', size: 1, gone: null } });
    expect(result.attributes).toEqual([{ path: 'name', kind: '~', before: '"a"', after: '"b"' }]);
    expect(result.unchanged).toBe(2);
  });

  it('walks nested objects down to the changed leaves with Terraform-style paths', () => {
    const result = diff({
      before: { tags: { Name: 'x', 'team-a/b': 'y' }, block: [{ port: 80 }] },
      after: { tags: { Name: 'x', 'team-a/b': 'z', New: 'n' }, block: [{ port: 81 }] },
    });
    expect(result.attributes).toEqual([
      { path: 'block[0].port', kind: '~', before: '80', after: '81' },
      { path: 'tags.New', kind: '+', after: '"n"' },
      { path: 'tags["team-a/b"]', kind: '~', before: '"y"', after: '"z"' },
    ]);
  });

  it('shows a list of plain values whole instead of element by element', () => {
    const result = diff({ before: { cidrs: ['a', 'b'] }, after: { cidrs: ['x', 'a', 'b'] } });
    expect(result.attributes).toEqual([{ path: 'cidrs', kind: '~', before: '["a", "b"]', after: '["x", "a", "b"]' }]);
  });

  it('marks values known only after apply, including attributes absent from after', () => {
    const result = diff({ before: null, after: { name: 'a' }, after_unknown: { id: true, name: false } }, 'create');
    expect(result.attributes).toEqual([
      { path: 'id', kind: '+', after: '(known after apply)' },
      { path: 'name', kind: '+', after: '"a"' },
    ]);
  });

  it('masks sensitive attributes on both sides, whole or nested', () => {
    const result = diff({
      before: { password: 'old-secret', conn: { user: 'u', pass: 'p1-secret' } },
      after: { password: 'new-secret', conn: { user: 'u', pass: 'p2-secret' } },
      before_sensitive: { password: true, conn: { pass: true } },
      after_sensitive: { password: true, conn: { pass: true } },
    });
    expect(result.attributes).toEqual([
      { path: 'conn.pass', kind: '~', before: '(sensitive value)', after: '(sensitive value)' },
      { path: 'password', kind: '~', before: '(sensitive value)', after: '(sensitive value)' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/secret/);
  });

  it('masks a value that contains a known secret even without a sensitive marker', () => {
    const secrets = new SensitiveStrings();
    secrets.add('hunter2-S3cr3t');
    const result = diff({ before: { output: 'prefix-hunter2-S3cr3t' }, after: {}, after_unknown: { output: true } }, 'update', secrets);
    expect(result.attributes).toEqual([{ path: 'output', kind: '~', before: '(sensitive value)', after: '(known after apply)' }]);
  });

  it('masks a map key that is a known secret', () => {
    const secrets = new SensitiveStrings();
    secrets.add('hunter2-S3cr3t');
    const result = diff({ before: { users: { 'hunter2-S3cr3t': 'a' } }, after: { users: { 'hunter2-S3cr3t': 'b' } } }, 'update', secrets);
    expect(result.attributes).toEqual([{ path: 'users[(sensitive value)]', kind: '~', before: '"a"', after: '"b"' }]);
  });

  it('marks the attributes that force a replacement', () => {
    const result = diff(
      { before: { zone: 'a', labels: { x: '1' } }, after: { zone: 'b', labels: { x: '2' } }, replace_paths: [['zone']] },
      'replace',
    );
    expect(result.attributes).toEqual([
      { path: 'labels.x', kind: '~', before: '"1"', after: '"2"' },
      { path: 'zone', kind: '-/+', before: '"a"', after: '"b"' },
    ]);
  });

  it('lists what a destroy removes', () => {
    const result = diff({ before: { id: 'x', empty: null }, after: null }, 'delete');
    expect(result.attributes).toEqual([{ path: 'id', kind: '-', before: '"x"' }]);
  });

  it('shows nothing for a forget', () => {
    expect(diff({ before: { id: 'x' }, after: null }, 'forget')).toEqual({ attributes: [], unchanged: 0 });
  });

  it('cuts very long values', () => {
    const result = diff({ before: { policy: 'a' }, after: { policy: 'b'.repeat(5000) } });
    expect(result.attributes[0]!.after!.length).toBeLessThan(1100);
    expect(result.attributes[0]!.after).toMatch(/… \(\d+ more characters\)$/);
  });

  it('shows a type change whole', () => {
    const result = diff({ before: { v: 'x' }, after: { v: { a: 1 } } });
    expect(result.attributes).toEqual([{ path: 'v', kind: '~', before: '"x"', after: '{ a = 1 }' }]);
  });
});

/**
 * Creates and destroys take a one-sided walk; a replace with a replace path takes the general one. A replace path
 * that matches no attribute marks nothing, so both walks must list the same attributes for the same change.
 */
describe('the one-sided walk of creates and destroys', () => {
  const generalWalk = (change: RawChange) =>
    diffAttributes({ ...change, replace_paths: [['no such attribute']] }, 'replace', new SensitiveStrings());
  const oneSidedWalk = (change: RawChange, action: ChangeAction) => diffAttributes(change, action, new SensitiveStrings());

  const corpus = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? corpus(path) : path.endsWith('.json') ? [path] : [];
    });
  const changes = corpus('test/fixtures/plans').flatMap((path) => {
    const doc = JSON.parse(readFileSync(path, 'utf8')) as { resource_changes?: { change?: RawChange }[] };
    return (doc.resource_changes ?? []).flatMap((entry) => (entry.change ? [entry.change] : []));
  });

  it('lists what the general walk lists for every corpus change made a create or a destroy', () => {
    expect(changes.length).toBeGreaterThan(100);
    for (const change of changes) {
      const created: RawChange = { ...change, before: null, before_sensitive: false };
      expect(oneSidedWalk(created, 'create')).toEqual(generalWalk(created));
      const destroyed: RawChange = { ...change, after: null, after_unknown: {}, after_sensitive: false };
      expect(oneSidedWalk(destroyed, 'delete')).toEqual(generalWalk(destroyed));
    }
  });

  it('agrees on markers, empty containers, lists of objects and keys Object.prototype has', () => {
    const value = {
      constructor: 'c',
      toString: { inner: 1 },
      empty: {},
      none: [],
      plain: ['a', 1, null],
      blocks: [{ port: 80, tags: {} }, { port: 81, secret: 's' }],
      nested: { 'my key': 'x', deep: { hidden: 'h', shown: true }, constructor: 'c', toString: { inner: 2 } },
      gone: null,
    };
    const markers = { blocks: [{}, { secret: true }], nested: { deep: { hidden: true } }, toString: true };
    const created: RawChange = { before: null, after: value, after_unknown: { id: true, plain: [false, true], blocks: [{ port: true }] }, before_sensitive: false, after_sensitive: markers };
    const destroyed: RawChange = { before: value, after: null, after_unknown: {}, before_sensitive: markers, after_sensitive: false };
    expect(oneSidedWalk(created, 'create')).toEqual(generalWalk(created));
    expect(oneSidedWalk(destroyed, 'delete')).toEqual(generalWalk(destroyed));
    expect(oneSidedWalk(created, 'create').attributes.map((a) => a.path)).toContain('constructor');
  });
});
