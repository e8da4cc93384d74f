import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createLocalStore } from '../../src/storage/local.js';
import { lastStagedFrom, recordStagedFrom, sourceFingerprint, sourceIndexName } from '../../src/ingest/source-index.js';
import { tempDir } from './pipeline-support.js';

const SHA = 'a'.repeat(64);

describe('source fingerprints', () => {
  it('needs an ETag or a Last-Modified, and changes with each validator and the length', () => {
    const base = { url: 'https://data.example/w.csv', etag: '"v1"', lastModified: 'Tue, 01 Oct 2024 00:00:00 GMT', contentLength: 10 };
    expect(sourceFingerprint({ url: base.url, contentLength: 10 })).toBeUndefined();
    const prints = [
      sourceFingerprint(base),
      sourceFingerprint({ ...base, etag: '"v2"' }),
      sourceFingerprint({ ...base, lastModified: 'Wed, 02 Oct 2024 00:00:00 GMT' }),
      sourceFingerprint({ ...base, contentLength: 11 }),
      sourceFingerprint({ ...base, url: 'https://data.example/x.csv' }),
      sourceFingerprint({ url: base.url, etag: '"v1"' }),
    ];
    expect(prints.every((p) => /^[0-9a-f]{64}$/.test(p ?? ''))).toBe(true);
    expect(new Set(prints).size).toBe(prints.length);
    expect(sourceFingerprint(base)).toBe(prints[0]);
  });
});

describe('the source index', () => {
  it('remembers the first sha256 staged from a fingerprint', async () => {
    const store = createLocalStore(join(tempDir('source-index'), 'gcs'));
    expect(await lastStagedFrom(store, 'b', 'weather', 'f'.repeat(64))).toBeUndefined();
    await recordStagedFrom(store, 'b', 'weather', 'f'.repeat(64), SHA);
    await recordStagedFrom(store, 'b', 'weather', 'f'.repeat(64), 'b'.repeat(64));
    expect(await lastStagedFrom(store, 'b', 'weather', 'f'.repeat(64))).toBe(SHA);
  });

  it('treats an unreadable entry as no hint at all', async () => {
    const store = createLocalStore(join(tempDir('source-index'), 'gcs'));
    await store.writeOnce('b', sourceIndexName('weather', '1'.repeat(64)), 'not json');
    await store.writeOnce('b', sourceIndexName('weather', '2'.repeat(64)), JSON.stringify({ sha256: '../../etc' }));
    expect(await lastStagedFrom(store, 'b', 'weather', '1'.repeat(64))).toBeUndefined();
    expect(await lastStagedFrom(store, 'b', 'weather', '2'.repeat(64))).toBeUndefined();
  });
});
