import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { createLocalStore } from '../../src/storage/local.js';
import { crc32cBase64 } from '../../src/storage/crc32c.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { objectStoreContract, failingStream } from './contract.js';

objectStoreContract('local folder', async () => {
  const root = mkdtempSync(join(tmpdir(), 'local-store-'));
  const store = createLocalStore(root);
  return {
    store,
    bucket: 'staging',
    // Files dropped into the folder directly, as a user might: the store checksums them on demand.
    seed: async (name, data) => {
      const path = join(root, 'staging', ...name.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    },
    corrupt: async (name) => {
      const path = join(root, 'staging', ...name.split('/'));
      const bytes = readFileSync(path);
      bytes[0] = (bytes[0] as number) ^ 0xff;
      writeFileSync(path, bytes);
    },
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
});

describe('local folder store layout', () => {
  let root: string;
  let store: ObjectStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'local-layout-'));
    store = createLocalStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores each object as a plain file at <root>/<bucket>/<name> and names it with a file:// URI', async () => {
    await store.writeOnce('staging', 'raw/cars/2026/11/25/abc.csv', 'a,b\n');
    const path = join(root, 'staging', 'raw', 'cars', '2026', '11', '25', 'abc.csv');
    expect(readFileSync(path, 'utf8')).toBe('a,b\n');
    expect(store.uri('staging', 'raw/cars/2026/11/25/abc.csv')).toBe(pathToFileURL(path).href);
    expect(store.uri('staging', 'x')).toMatch(/^file:\/\/\//);
  });

  it('keeps checksums and metadata outside the bucket folder, so they are never listed as objects', async () => {
    await store.writeOnce('staging', 'a.csv', 'x', { contentType: 'text/csv', metadata: { rows: '1' } });
    expect(readdirSync(join(root, 'staging'))).toEqual(['a.csv']);
    expect((await store.list('staging', '')).map((o) => o.name)).toEqual(['a.csv']);
    // A second store over the same folder (the next CLI run) sees the same metadata.
    expect(await createLocalStore(root).stat('staging', 'a.csv')).toMatchObject({
      contentType: 'text/csv',
      metadata: { rows: '1' },
      crc32c: crc32cBase64('x'),
    });
  });

  it('never shows a partial file while a streamed write is in progress or after it fails', async () => {
    const failure = store.writeOnce('staging', 'big/part.csv', failingStream([randomBytes(1 << 20)]));
    await expect(failure).rejects.toThrow(/Failed to write file:.*source connection reset/);
    expect(existsSync(join(root, 'staging', 'big', 'part.csv'))).toBe(false);
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
  });

  it('checksums a file that was put in the folder by hand', async () => {
    await store.writeOnce('staging', 'seed.txt', 'seed');
    writeFileSync(join(root, 'staging', 'by-hand.csv'), 'h,i\n');
    expect(await store.stat('staging', 'by-hand.csv')).toMatchObject({ size: 4, crc32c: crc32cBase64('h,i\n'), metadata: {} });
  });

  it('refuses names that would escape the bucket folder or cannot be files', async () => {
    for (const name of ['../outside', 'a/../../b', '/abs', 'trailing/', 'a//b', '']) {
      await expect(store.writeOnce('staging', name, 'x')).rejects.toThrow(/cannot be stored in the local object store/);
    }
    expect(existsSync(join(root, 'outside'))).toBe(false);
  });

  it('removes folders emptied by a delete', async () => {
    await store.writeOnce('staging', 'deep/er/file.txt', 'x');
    await store.delete('staging', 'deep/er/file.txt');
    expect(readdirSync(join(root, 'staging'))).toEqual([]);
  });
});
