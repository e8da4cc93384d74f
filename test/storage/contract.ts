/**
 * The behaviour every ObjectStore must have, run against both the GCS store (real client, loopback server) and
 * the local folder store, so the embedded default cannot drift from the cloud path.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { NotFoundError, type ObjectStore } from '../../src/storage/object-store.js';
import { crc32cBase64 } from '../../src/storage/crc32c.js';

export interface StoreHarness {
  store: ObjectStore;
  bucket: string;
  /** Put an object behind the store's back (fast seeding for listings). */
  seed(name: string, data: Buffer | string): Promise<void>;
  /** Change a stored object's bytes while keeping the checksum recorded for it. */
  corrupt(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A stream that yields `parts` then fails, as a source whose network connection broke would. */
export function failingStream(parts: Buffer[], message = 'source connection reset'): Readable {
  return Readable.from(
    (async function* () {
      for (const p of parts) yield p;
      throw new Error(message);
    })(),
  );
}

/** Byte equality without vitest's element-by-element deep compare (seconds for a few hundred KB). */
export function expectSameBytes(actual: Buffer, expected: Buffer): void {
  expect(actual.length).toBe(expected.length);
  if (!actual.equals(expected)) {
    const at = actual.findIndex((b, i) => b !== expected[i]);
    expect.fail(`bytes differ first at offset ${at}`);
  }
}

export function objectStoreContract(kind: string, setup: () => Promise<StoreHarness>): void {
  describe(`${kind} object store contract`, () => {
    let h: StoreHarness;
    let store: ObjectStore;
    let bucket: string;
    beforeEach(async () => {
      h = await setup();
      store = h.store;
      bucket = h.bucket;
    });
    afterEach(async () => {
      await h.close();
    });

    it('writes an object once and reads back the same bytes, size, CRC32C, content type and metadata', async () => {
      const data = Buffer.from('id,name\n1,Ada\n');
      const result = await store.writeOnce(bucket, 'raw/people/2026/11/25/abc.csv', data, {
        contentType: 'text/csv',
        metadata: { sha256: 'abc', rows: '1' },
      });
      expect(result.created).toBe(true);
      expect(result.info).toMatchObject({
        bucket,
        name: 'raw/people/2026/11/25/abc.csv',
        size: data.length,
        crc32c: crc32cBase64(data),
        contentType: 'text/csv',
        metadata: { sha256: 'abc', rows: '1' },
      });
      expect(result.info.generation).toMatch(/^\d+$/);
      expect(Number.isNaN(Date.parse(result.info.updated))).toBe(false);
      expect(await store.read(bucket, 'raw/people/2026/11/25/abc.csv')).toEqual(data);
      expect(await store.stat(bucket, 'raw/people/2026/11/25/abc.csv')).toEqual(result.info);
    });

    it('leaves the first content in place and reports created:false when the name is written again', async () => {
      const first = await store.writeOnce(bucket, 'plans/plan.tfplan', 'first plan');
      const second = await store.writeOnce(bucket, 'plans/plan.tfplan', 'a different plan', { metadata: { x: 'y' } });
      expect(second.created).toBe(false);
      expect(second.info.generation).toBe(first.info.generation);
      expect(second.info.crc32c).toBe(crc32cBase64('first plan'));
      expect((await store.read(bucket, 'plans/plan.tfplan')).toString()).toBe('first plan');
    });

    it('lets exactly one of several concurrent writers of a name win, with its complete content', async () => {
      const contents = Array.from({ length: 6 }, (_, i) => Buffer.from(`writer ${i} `.repeat(100 + i)));
      const results = await Promise.all(contents.map((c) => store.writeOnce(bucket, 'race/object', c)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const stored = await store.read(bucket, 'race/object');
      const winner = results.findIndex((r) => r.created);
      expectSameBytes(stored, contents[winner] as Buffer);
      for (const r of results) expect(r.info.crc32c).toBe(crc32cBase64(stored));
    });

    it('copies an object once to a new name, keeping its bytes, CRC32C, content type and metadata', async () => {
      const data = randomBytes(300_000);
      await store.writeOnce(bucket, 'tmp/ingest/incoming.csv', data, { contentType: 'text/csv', metadata: { sha256: 'abc' } });
      const copied = await store.copyOnce(bucket, 'tmp/ingest/incoming.csv', 'raw/people/abc.csv');
      expect(copied.created).toBe(true);
      expect(copied.info).toMatchObject({ name: 'raw/people/abc.csv', size: data.length, crc32c: crc32cBase64(data), contentType: 'text/csv', metadata: { sha256: 'abc' } });
      expectSameBytes(await store.read(bucket, 'raw/people/abc.csv'), data);
      // The copy outlives its source.
      await store.delete(bucket, 'tmp/ingest/incoming.csv');
      expectSameBytes(await store.read(bucket, 'raw/people/abc.csv'), data);
      expect(await store.stat(bucket, 'raw/people/abc.csv')).toEqual(copied.info);
    });

    it('gives the copy the content type and metadata asked for instead of the source\'s', async () => {
      await store.writeOnce(bucket, 'tmp/in.csv', 'a,b\n', { contentType: 'text/plain', metadata: { dataset: 'people' } });
      const copied = await store.copyOnce(bucket, 'tmp/in.csv', 'raw/out.csv', { contentType: 'text/csv', metadata: { dataset: 'people', sha256: 'f00d' } });
      expect(copied.info).toMatchObject({ contentType: 'text/csv', metadata: { dataset: 'people', sha256: 'f00d' }, crc32c: crc32cBase64('a,b\n') });
      expect(await store.stat(bucket, 'raw/out.csv')).toEqual(copied.info);
    });

    it('leaves an existing destination alone and reports created:false when copying onto it', async () => {
      const first = await store.writeOnce(bucket, 'raw/taken.csv', 'first');
      await store.writeOnce(bucket, 'tmp/other.csv', 'second');
      const copied = await store.copyOnce(bucket, 'tmp/other.csv', 'raw/taken.csv');
      expect(copied).toMatchObject({ created: false, info: { generation: first.info.generation, crc32c: crc32cBase64('first') } });
      expect((await store.read(bucket, 'raw/taken.csv')).toString()).toBe('first');
    });

    it('lets exactly one of several concurrent copies onto a name win', async () => {
      const names = Array.from({ length: 5 }, (_, i) => `tmp/copy-${i}`);
      for (const [i, name] of names.entries()) await store.writeOnce(bucket, name, `content ${i}`);
      const results = await Promise.all(names.map((name) => store.copyOnce(bucket, name, 'raw/contested.csv')));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.findIndex((r) => r.created);
      expect((await store.read(bucket, 'raw/contested.csv')).toString()).toBe(`content ${winner}`);
    });

    it('throws NotFoundError when the object to copy does not exist, creating nothing', async () => {
      await expect(store.copyOnce(bucket, 'tmp/missing.csv', 'raw/never.csv')).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.stat(bucket, 'raw/never.csv')).toBeUndefined();
    });

    it('writes a streamed source of many chunks and records its CRC32C', async () => {
      const parts = Array.from({ length: 40 }, () => randomBytes(16 * 1024));
      const whole = Buffer.concat(parts);
      const result = await store.writeOnce(bucket, 'streamed.bin', Readable.from(parts), { contentType: 'application/octet-stream' });
      expect(result.created).toBe(true);
      expect(result.info.size).toBe(whole.length);
      expect(result.info.crc32c).toBe(crc32cBase64(whole));
      expectSameBytes(await store.read(bucket, 'streamed.bin'), whole);
    });

    it('writes a streamed source with a declared CRC32C, and refuses bytes that do not match it without creating the object', async () => {
      // Larger than one resumable chunk, so the declared checksum is checked at the end of a multi-request upload.
      const whole = randomBytes(9 * 1024 * 1024);
      const parts = Array.from({ length: 9 }, (_, i) => whole.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
      const crc32c = crc32cBase64(whole);
      const written = await store.writeOnce(bucket, 'declared.bin', Readable.from(parts), { crc32c });
      expect(written).toMatchObject({ created: true, info: { size: whole.length, crc32c } });
      expectSameBytes(await store.read(bucket, 'declared.bin'), whole);

      const wrong = crc32cBase64(Buffer.from('other bytes'));
      await expect(store.writeOnce(bucket, 'declared-wrong.bin', Readable.from(parts), { crc32c: wrong })).rejects.toThrow(
        /CRC32C/,
      );
      expect(await store.stat(bucket, 'declared-wrong.bin')).toBeUndefined();
      expect((await store.writeOnce(bucket, 'declared-wrong.bin', Readable.from(parts), { crc32c })).created).toBe(true);
    });

    it('writes empty objects from an empty buffer and from an empty stream', async () => {
      const fromBuffer = await store.writeOnce(bucket, 'empty-a', Buffer.alloc(0));
      const fromStream = await store.writeOnce(bucket, 'empty-b', Readable.from([]));
      for (const r of [fromBuffer, fromStream]) {
        expect(r.created).toBe(true);
        expect(r.info.size).toBe(0);
        expect(r.info.crc32c).toBe('AAAAAA==');
      }
      expect(await store.read(bucket, 'empty-b')).toEqual(Buffer.alloc(0));
      expect(await store.read(bucket, 'empty-b', { start: 0 })).toEqual(Buffer.alloc(0));
    });

    it('leaves no object behind when the source stream fails midway, and the name stays writable', async () => {
      await expect(
        store.writeOnce(bucket, 'broken/source.csv', failingStream([randomBytes(100_000), randomBytes(100_000)])),
      ).rejects.toThrow(/source connection reset/);
      expect(await store.stat(bucket, 'broken/source.csv')).toBeUndefined();
      expect(await store.list(bucket, 'broken/')).toEqual([]);
      const retry = await store.writeOnce(bucket, 'broken/source.csv', 'complete');
      expect(retry.created).toBe(true);
    });

    it('reads byte ranges, including an empty result at and past the end (a log that has not grown)', async () => {
      const data = Buffer.from('0123456789');
      await store.writeOnce(bucket, 'log.txt', data);
      expect((await store.read(bucket, 'log.txt', { start: 2, end: 5 })).toString()).toBe('2345');
      expect((await store.read(bucket, 'log.txt', { start: 7 })).toString()).toBe('789');
      expect((await store.read(bucket, 'log.txt', { start: 0, end: 100 })).toString()).toBe('0123456789');
      expect((await store.read(bucket, 'log.txt', { start: 9, end: 9 })).toString()).toBe('9');
      expect(await store.read(bucket, 'log.txt', { start: 10 })).toEqual(Buffer.alloc(0));
      expect(await store.read(bucket, 'log.txt', { start: 25 })).toEqual(Buffer.alloc(0));
    });

    it('reports a missing object as undefined from stat and NotFoundError from read and readStream', async () => {
      expect(await store.stat(bucket, 'nothing/here')).toBeUndefined();
      await expect(store.read(bucket, 'nothing/here')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.read(bucket, 'nothing/here', { start: 0 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(readAll(store.readStream(bucket, 'nothing/here'))).rejects.toBeInstanceOf(NotFoundError);
    });

    it('streams an object back unchanged', async () => {
      const data = randomBytes(300_000);
      await store.writeOnce(bucket, 'stream/me.bin', data);
      expectSameBytes(await readAll(store.readStream(bucket, 'stream/me.bin')), data);
    });

    it('fails a streamed read whose bytes no longer match the recorded CRC32C', async () => {
      await store.writeOnce(bucket, 'tampered.csv', 'a,b\n1,2\n');
      await h.corrupt('tampered.csv');
      await expect(readAll(store.readStream(bucket, 'tampered.csv'))).rejects.toThrow(/corrupt|checksum|mismatch/i);
    });

    it('lists every object under a prefix, nested ones too, in name order', async () => {
      for (const name of ['raw/b/2.csv', 'raw/a/1.csv', 'raw/a/sub/3.csv', 'rawish.csv', 'other/4.csv']) {
        await store.writeOnce(bucket, name, name);
      }
      const names = (await store.list(bucket, 'raw/')).map((i) => i.name);
      expect(names).toEqual(['raw/a/1.csv', 'raw/a/sub/3.csv', 'raw/b/2.csv']);
      expect((await store.list(bucket, 'raw')).map((i) => i.name)).toContain('rawish.csv');
      expect((await store.list(bucket, 'raw/a/1')).map((i) => i.name)).toEqual(['raw/a/1.csv']);
      expect(await store.list(bucket, 'nope/')).toEqual([]);
      const [info] = await store.list(bucket, 'other/');
      expect(info).toMatchObject({ name: 'other/4.csv', size: 11, crc32c: crc32cBase64('other/4.csv') });
    });

    it('lists more objects than fit in one page of the JSON API', async () => {
      const names = Array.from({ length: 1005 }, (_, i) => `many/${String(i).padStart(5, '0')}.json`);
      for (const name of names) await h.seed(name, '{}');
      const listed = await store.list(bucket, 'many/');
      expect(listed.map((i) => i.name)).toEqual(names);
    });

    it('deletes objects, and deleting a missing one is not an error', async () => {
      await store.writeOnce(bucket, 'tmp/one', '1');
      await store.delete(bucket, 'tmp/one');
      expect(await store.stat(bucket, 'tmp/one')).toBeUndefined();
      await store.delete(bucket, 'tmp/one');
      expect((await store.writeOnce(bucket, 'tmp/one', '2')).created).toBe(true);
    });

    it('keeps names with spaces, unicode and URL-special characters intact', async () => {
      const name = 'odd names/ünïcode ✓/a b+c%20d?e#f&g=h.csv';
      await store.writeOnce(bucket, name, 'x');
      expect((await store.read(bucket, name)).toString()).toBe('x');
      expect((await store.list(bucket, 'odd names/')).map((i) => i.name)).toEqual([name]);
    });
  });
}
