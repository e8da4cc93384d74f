import { describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, commentMarker, normalizeDirectory, setStatusBlock, STATUS_END, STATUS_START } from '../../src/comment/marker.js';
import { renderPlan } from '../../src/comment/render.js';
import { parsePlan } from '../../src/terraform/parse-plan.js';
import { expectBalancedStructure, tokens } from './markdown-check.js';
import { manyResources, syntheticPlan } from './synthetic-plan.js';

describe('commentMarker', () => {
  it('names the toolkit, the environment and the working directory', () => {
    expect(commentMarker('dev', 'terraform/envs/dev')).toBe('<!-- dc-pipeline:plan env=dev dir=terraform/envs/dev -->');
  });

  it('gives equivalent spellings of a directory the same marker', () => {
    const expected = commentMarker('dev', 'terraform/envs/dev');
    for (const dir of ['./terraform/envs/dev/', 'terraform//envs/./dev', 'terraform/envs/x/../dev']) {
      expect(commentMarker('dev', dir)).toBe(expected);
    }
    expect(normalizeDirectory('.')).toBe('.');
    expect(normalizeDirectory('./')).toBe('.');
  });

  it('keeps different keys apart', () => {
    expect(commentMarker('dev', 'a')).not.toBe(commentMarker('prod', 'a'));
    expect(commentMarker('dev', 'a b')).not.toBe(commentMarker('dev a', 'b'));
    expect(commentMarker('dev dir=x', 'y')).not.toBe(commentMarker('dev', 'x'));
  });

  it('cannot be closed or extended by an untrusted name', () => {
    const marker = commentMarker('x --> <script>alert(1)</script>', 'a-->b\n<img src=x>');
    expect(marker).toMatch(/^<!-- dc-pipeline:plan env=\S+ dir=\S+ -->$/);
    expect(marker.slice(4, -3)).not.toMatch(/--|>|</);
    const parsed = tokens(`${marker}\n`);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.type).toBe('html_block');
  });
});

describe('setStatusBlock', () => {
  const model = parsePlan(syntheticPlan(manyResources('x', 3, ['create'])));
  const body = renderPlan(model, { environment: 'dev', workingDirectory: '.' }).comment;

  it('puts the status right after the header of a rendered comment', () => {
    const updated = setStatusBlock(body, '✅ **Applied** by Cloud Build.');
    const lines = updated.split('\n');
    expect(lines[1]).toMatch(/^### Terraform plan/);
    expect(lines.slice(2, 5)).toEqual([STATUS_START, '✅ **Applied** by Cloud Build.', STATUS_END]);
    expect(updated.replace(/\n✅ \*\*Applied\*\* by Cloud Build\./, '')).toBe(body);
  });

  it('replaces an earlier status instead of adding a second one', () => {
    const once = setStatusBlock(setStatusBlock(body, 'first'), 'second');
    expect(once).not.toContain('first');
    expect(once.split(STATUS_START)).toHaveLength(2);
    expect(setStatusBlock(once, 'second')).toBe(once);
  });

  it('adds a block after the first heading of a body that has none', () => {
    const updated = setStatusBlock('<!-- other -->\n## Title\n\ntext\n', 'stale');
    expect(updated).toBe(`<!-- other -->\n## Title\n${STATUS_START}\nstale\n${STATUS_END}\n\ntext\n`);
  });

  it('cannot be confused by a status quoting the delimiters', () => {
    const updated = setStatusBlock(body, `x ${STATUS_END} y`);
    expect(setStatusBlock(updated, 'clean')).not.toContain('x ');
  });

  it('keeps a full body within the limit, cutting only between blocks', () => {
    const full = renderPlan(parsePlan(syntheticPlan(manyResources('big', 2000, ['update']))), { environment: 'dev', workingDirectory: '.' }).comment;
    const status = `❌ **Apply failed**: ${'details '.repeat(400)}`;
    const updated = setStatusBlock(full, status, Buffer.byteLength(full) + 100);
    expect(Buffer.byteLength(updated)).toBeLessThanOrEqual(Buffer.byteLength(full) + 100);
    expect(updated).toContain('❌ **Apply failed**');
    expectBalancedStructure(updated);
  });

  it('keeps the rendered comment under GitHub limit with a typical status', () => {
    const full = renderPlan(parsePlan(syntheticPlan(manyResources('big', 5000, ['update']))), { environment: 'dev', workingDirectory: '.' }).comment;
    const updated = setStatusBlock(full, '⚠️ **Stale**: a newer commit was pushed; this plan was not applied.');
    expect(Buffer.byteLength(updated)).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(updated.length).toBe(full.length + '⚠️ **Stale**: a newer commit was pushed; this plan was not applied.'.length + 1);
  });
});
