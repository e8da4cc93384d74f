import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Encoded } from '../../src/comment/markdown.js';

describe('utf8Encoded', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'Plan: 1 to add, 0 to change, 0 to destroy.'],
    ['emoji (surrogate pairs)', '🟢 create `a` · 🔴 destroy `b` … é'],
    ['a lone surrogate', 'a\ud800b'],
    ['three-byte characters only', '→'.repeat(1000)],
  ])('gives the bytes Buffer.from gives, for %s', (_, text) => {
    const encoded = utf8Encoded(text);
    expect(Buffer.compare(encoded, Buffer.from(text, 'utf8'))).toBe(0);
    expect(encoded.length).toBe(utf8Bytes(text));
  });
});
