/**
 * The GCS object store driven through the real @google-cloud/storage client against the loopback GCS server:
 * the shared contract, then what only the cloud path has — upload protocols, retries after 503s and dropped
 * connections, checksums checked in transit, preconditions raced by another writer, a growing log, and an
 * emulator mode that never reaches for credentials.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { startGcsServer, type GcsServer, type LoggedRequest } from '../servers/gcs.js';
import { createGcsStore, RESUMABLE_CHUNK_SIZE } from '../../src/storage/gcs.js';
import { crc32cBase64 } from '../../src/storage/crc32c.js';
import { ObjectStoreError, type ObjectStore } from '../../src/storage/object-store.js';
import { objectStoreContract, expectSameBytes, readAll } from './contract.js';

const BUCKET = 'dc-staging';

objectStoreContract('GCS (real client, loopback server)', async () => {
  const server = await startGcsServer({ buckets: [BUCKET] });
  return {
    store: createGcsStore({ env: { STORAGE_EMULATOR_HOST: server.url } }),
    bucket: BUCKET,
    seed: async (name, data) => void server.putObject(BUCKET, name, data),
    corrupt: async (name) => {
      const record = server.getObject(BUCKET, name);
      if (!record) throw new Error(`no ${name} to corrupt`);
      record.data[0] = (record.data[0] as number) ^ 0xff;
    },
    close: () => server.close(),
  };
});

const isUpload = (r: { path: string }) => r.path.startsWith('/upload/');
const isChunk = (r: { method: string; query: Record<string, string> }) => r.method === 'PUT' && 'upload_id' in r.query;
const uploadTypes = (requests: LoggedRequest[]) =>
  requests.filter((r) => isUpload(r) && r.method === 'POST').map((r) => r.query.uploadType);

describe('GCS object store', () => {
  let server: GcsServer;
  let store: ObjectStore;
  beforeEach(async () => {
    server = await startGcsServer({ buckets: [BUCKET] });
    store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: server.url }, userAgent: 'dc-pipeline-test/9.9.9' });
  });
  afterEach(() => server.close());

  describe('uploads', () => {
    it('sends a small buffer as one multipart request with ifGenerationMatch=0 and its CRC32C declared', async () => {
      await store.writeOnce(BUCKET, 'plans/p.json', '{"a":1}', { contentType: 'application/json' });
      const uploads = server.requests.filter(isUpload);
      expect(uploads).toHaveLength(1);
      expect(uploads[0]?.query).toMatchObject({ uploadType: 'multipart', ifGenerationMatch: '0', name: 'plans/p.json' });
      expect(server.getObject(BUCKET, 'plans/p.json')?.contentType).toBe('application/json');
    });

    it('sends a 20 MB buffer as a chunked resumable upload and stores it byte for byte', async () => {
      const data = randomBytes(20 * 1024 * 1024);
      const result = await store.writeOnce(BUCKET, 'big/20mb.bin', data);
      expect(result).toMatchObject({ created: true, info: { size: data.length, crc32c: crc32cBase64(data) } });
      expect(uploadTypes(server.requests)).toEqual(['resumable']);
      expect(server.requests.filter(isChunk)).toHaveLength(Math.ceil(data.length / RESUMABLE_CHUNK_SIZE));
      expectSameBytes(server.getObject(BUCKET, 'big/20mb.bin')?.data as Buffer, data);
    });

    it('fails at once, uploading nothing, for a stream that broke off or was closed before the upload started', async () => {
      // A download that fails while the storage client is still loading has already emitted its 'error' and
      // 'close' by the time writeOnce looks at it: waiting for them would never settle.
      const broken = new PassThrough();
      broken.on('error', () => undefined);
      broken.destroy(new Error('the download broke off'));
      await new Promise((resolve) => setImmediate(resolve));
      await expect(store.writeOnce(BUCKET, 'broken.csv', broken)).rejects.toThrow('the download broke off');
      const closed = new PassThrough();
      closed.destroy();
      await new Promise((resolve) => setImmediate(resolve));
      await expect(store.writeOnce(BUCKET, 'closed.csv', closed)).rejects.toThrow('closed before the upload started');
      // Closed while writeOnce waits for its first bytes.
      const later = new PassThrough();
      const pending = store.writeOnce(BUCKET, 'later.csv', later);
      setImmediate(() => later.destroy());
      await expect(pending).rejects.toThrow('closed before it ended');
      expect(server.requests.filter(isUpload)).toHaveLength(0);
    });

    it('sends a stream as a resumable upload even when it is small', async () => {
      await store.writeOnce(BUCKET, 's.csv', Readable.from([Buffer.from('a,b\n'), Buffer.from('1,2\n')]));
      expect(uploadTypes(server.requests)).toEqual(['resumable']);
      expect(server.getObject(BUCKET, 's.csv')?.data.toString()).toBe('a,b\n1,2\n');
    });

    it('identifies itself with the versioned user agent it was given', async () => {
      await store.writeOnce(BUCKET, 'ua.txt', 'x');
      await store.read(BUCKET, 'ua.txt');
      for (const r of server.requests) expect(String(r.headers['user-agent'])).toContain('dc-pipeline-test/9.9.9');
    });
  });

  describe('faults during uploads', () => {
    it('recovers from a 503 in the middle of a resumable upload and stores the whole object', async () => {
      const data = randomBytes(2 * RESUMABLE_CHUNK_SIZE + 12345);
      let chunks = 0;
      server.inject({ kind: 'status', status: 503, match: (r) => r.method === 'PUT' && 'upload_id' in r.query && ++chunks === 2 });
      const result = await store.writeOnce(BUCKET, 'retry/503.bin', data);
      expect(server.pendingFaults).toBe(0);
      expect(result.created).toBe(true);
      expectSameBytes(server.getObject(BUCKET, 'retry/503.bin')?.data as Buffer, data);
    });

    it('resumes after the connection drops partway through a chunk, without resending what the server kept', async () => {
      const parts = Array.from({ length: 12 }, () => randomBytes(1024 * 1024));
      const data = Buffer.concat(parts);
      let chunks = 0;
      server.inject({
        kind: 'drop-connection',
        afterBytes: 3 * 1024 * 1024 + 100,
        match: (r) => r.method === 'PUT' && 'upload_id' in r.query && r.headers['content-range'] !== 'bytes */*' && ++chunks === 1,
      });
      const result = await store.writeOnce(BUCKET, 'retry/drop.bin', Readable.from(parts));
      expect(server.pendingFaults).toBe(0);
      expect(result.info.crc32c).toBe(crc32cBase64(data));
      expectSameBytes(server.getObject(BUCKET, 'retry/drop.bin')?.data as Buffer, data);
      // The client asked where to resume (bytes */*) instead of starting over.
      expect(server.requests.some((r) => isChunk(r) && r.headers['content-range'] === 'bytes */*')).toBe(true);
      expect(uploadTypes(server.requests)).toEqual(['resumable']);
    });

    it('retries a multipart upload whose connection dropped, and one answered 503', async () => {
      server.inject({ kind: 'drop-connection', afterBytes: 10, match: (r) => r.query.uploadType === 'multipart' });
      server.inject({ kind: 'status', status: 503, match: (r) => r.query.uploadType === 'multipart' });
      const result = await store.writeOnce(BUCKET, 'retry/multipart.txt', 'hello after two failures');
      expect(server.pendingFaults).toBe(0);
      expect(result.created).toBe(true);
      expect(uploadTypes(server.requests)).toEqual(['multipart', 'multipart', 'multipart']);
      expect(server.getObject(BUCKET, 'retry/multipart.txt')?.data.toString()).toBe('hello after two failures');
    });

    it('fails cleanly, leaving no object, when the connection keeps dropping', async () => {
      server.inject({ kind: 'drop-connection', afterBytes: 1000, times: 1000, match: isUpload });
      const store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: server.url }, retry: { maxRetries: 1 } });
      await expect(store.writeOnce(BUCKET, 'never/arrives.bin', randomBytes(64 * 1024))).rejects.toThrow(
        /^Failed to upload gs:\/\/dc-staging\/never\/arrives\.bin: /,
      );
      expect(server.getObject(BUCKET, 'never/arrives.bin')).toBeUndefined();
    });

    it('refuses bytes corrupted in transit: GCS rejects the declared CRC32C and no object is created', async () => {
      server.inject({ kind: 'corrupt-upload', match: isUpload });
      await expect(store.writeOnce(BUCKET, 'corrupt/buffer.csv', 'a,b\n1,2\n')).rejects.toThrow(
        /Failed to upload gs:\/\/dc-staging\/corrupt\/buffer\.csv: Provided CRC32C .* doesn't match calculated CRC32C .*\(HTTP 400\)/,
      );
      expect(server.getObject(BUCKET, 'corrupt/buffer.csv')).toBeUndefined();
    });

    it('detects a streamed upload corrupted in transit and deletes what GCS stored', async () => {
      server.inject({ kind: 'corrupt-upload', match: isChunk });
      await expect(
        store.writeOnce(BUCKET, 'corrupt/stream.csv', Readable.from([Buffer.from('a,b\n'), Buffer.from('1,2\n')])),
      ).rejects.toThrow(/Failed to upload gs:\/\/dc-staging\/corrupt\/stream\.csv: .*(mismatch|not match)/i);
      expect(server.pendingFaults).toBe(0);
      expect(server.getObject(BUCKET, 'corrupt/stream.csv')).toBeUndefined();
    });

    it('declares a known CRC32C with a streamed upload, so GCS refuses bytes corrupted in transit and never creates the object', async () => {
      const parts = [Buffer.from('a,b\n'), Buffer.from('1,2\n')];
      const crc32c = crc32cBase64(Buffer.concat(parts));
      server.inject({ kind: 'corrupt-upload', match: isChunk });
      await expect(store.writeOnce(BUCKET, 'corrupt/declared.csv', Readable.from(parts), { crc32c })).rejects.toThrow(
        /Failed to upload gs:\/\/dc-staging\/corrupt\/declared\.csv: Provided CRC32C .* doesn't match calculated CRC32C .*\(HTTP 400\)/,
      );
      expect(server.pendingFaults).toBe(0);
      expect(server.getObject(BUCKET, 'corrupt/declared.csv')).toBeUndefined();
      // No DELETE was needed: nothing was ever stored.
      expect(server.requests.some((r) => r.method === 'DELETE')).toBe(false);
    });

    it('deletes a corrupt streamed upload with a conditional delete, retried when it is answered 503', async () => {
      server.inject({ kind: 'corrupt-upload', match: isChunk });
      // Naming the generation makes the delete safe to repeat, so the client retries it.
      server.inject({ kind: 'status', status: 503, match: (r) => r.method === 'DELETE' && r.query.ifGenerationMatch !== undefined });
      await expect(store.writeOnce(BUCKET, 'corrupt/kept.csv', Readable.from([Buffer.from('a,b\n')]))).rejects.toThrow(
        /Failed to upload gs:\/\/dc-staging\/corrupt\/kept\.csv: the stored object's CRC32C .* does not match .* it was deleted/,
      );
      expect(server.pendingFaults).toBe(0);
      expect(server.getObject(BUCKET, 'corrupt/kept.csv')).toBeUndefined();
    });
  });

  describe('replies lost after GCS stored the object', () => {
    it('reports a multipart upload whose reply was lost as existing (its retry met ifGenerationMatch=0)', async () => {
      server.inject({ kind: 'drop-response', match: (r) => r.query.uploadType === 'multipart' });
      const result = await store.writeOnce(BUCKET, 'lost/reply.txt', 'stored before the reply was lost');
      expect(server.pendingFaults).toBe(0);
      expect(result).toMatchObject({ created: false, info: { size: 32, crc32c: crc32cBase64('stored before the reply was lost') } });
    });

    it('accepts a chunked stream upload whose final reply was lost when the stored bytes are exactly ours', async () => {
      // The client asks for the upload status, gets the finished object (200, not 308) and gives up with a
      // "data loss" RangeError although GCS has every byte.
      const parts = [randomBytes(RESUMABLE_CHUNK_SIZE), randomBytes(1000)];
      server.inject({ kind: 'drop-response', match: (r) => isChunk(r) && String(r.headers['content-range']).endsWith(`/${RESUMABLE_CHUNK_SIZE + 1000}`) });
      const result = await store.writeOnce(BUCKET, 'lost/final.bin', Readable.from(parts));
      expect(server.pendingFaults).toBe(0);
      expect(result.info).toMatchObject({ size: RESUMABLE_CHUNK_SIZE + 1000, crc32c: crc32cBase64(Buffer.concat(parts)) });
    });

    it('still fails when what is stored under the name is not what we sent', async () => {
      // Another writer's object appears after our session started; our chunks then keep failing.
      const match = (r: { method: string; query: Record<string, string> }) => {
        if (isChunk(r) && !server.getObject(BUCKET, 'lost/other.bin')) server.putObject(BUCKET, 'lost/other.bin', 'theirs');
        return isChunk(r);
      };
      server.inject({ kind: 'status', status: 500, times: 100, match });
      const store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: server.url }, retry: { maxRetries: 1 } });
      await expect(store.writeOnce(BUCKET, 'lost/other.bin', Readable.from([Buffer.from('ours')]))).rejects.toThrow(
        /^Failed to upload gs:\/\/dc-staging\/lost\/other\.bin: /,
      );
      expect(server.getObject(BUCKET, 'lost/other.bin')?.data.toString()).toBe('theirs');
    });
  });

  describe('write-once against another writer', () => {
    it('reports the other writer\'s object when it won between our check and our upload (412)', async () => {
      const theirs = server.putObject(BUCKET, 'race/plan.tfplan', 'their plan', { metadata: { by: 'them' } });
      const result = await store.writeOnce(BUCKET, 'race/plan.tfplan', 'our plan');
      expect(result).toMatchObject({ created: false, info: { generation: theirs.generation, metadata: { by: 'them' } } });
      expect(server.getObject(BUCKET, 'race/plan.tfplan')?.data.toString()).toBe('their plan');
    });

    it('reports created:false for a resumable upload refused by its precondition', async () => {
      const theirs = server.putObject(BUCKET, 'race/big.bin', 'theirs');
      const result = await store.writeOnce(BUCKET, 'race/big.bin', Readable.from([randomBytes(1000)]));
      expect(result).toMatchObject({ created: false, info: { generation: theirs.generation, size: 6 } });
    });
  });

  describe('reads', () => {
    it('follows a growing log with ranged reads from the last offset', async () => {
      server.appendToObject(BUCKET, 'log-123.txt', 'Step #0: starting\n');
      let offset = 0;
      const seen: string[] = [];
      const poll = async () => {
        const chunk = await store.read(BUCKET, 'log-123.txt', { start: offset });
        offset += chunk.length;
        seen.push(chunk.toString());
      };
      await poll();
      await poll(); // nothing new: start == size
      server.appendToObject(BUCKET, 'log-123.txt', 'Step #0: terraform apply\n');
      await poll();
      server.appendToObject(BUCKET, 'log-123.txt', 'Step #0: done\n');
      await poll();
      expect(seen).toEqual(['Step #0: starting\n', '', 'Step #0: terraform apply\n', 'Step #0: done\n']);
      const ranges = server.requests.filter((r) => r.query.alt === 'media').map((r) => r.headers.range);
      expect(ranges).toEqual(['bytes=0-', 'bytes=18-', 'bytes=18-', 'bytes=43-']);
    });

    it('retries a download that was answered 503 or cut off midway', async () => {
      // A body cut off after its headers stalls the client rather than failing it; the watchdog notices.
      const store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: server.url }, download: { idleTimeoutMs: 1500 } });
      server.putObject(BUCKET, 'flaky.bin', randomBytes(100_000));
      const expected = server.getObject(BUCKET, 'flaky.bin')?.data as Buffer;
      server.inject({ kind: 'status', status: 503, match: (r) => r.query.alt === 'media' });
      server.inject({ kind: 'drop-connection', afterBytes: 5000, match: (r) => r.query.alt === 'media' });
      expectSameBytes(await store.read(BUCKET, 'flaky.bin'), expected);
      expect(server.pendingFaults).toBe(0);
    });

    it('retries metadata reads, deletion and session start when they are answered 503', async () => {
      server.putObject(BUCKET, 'meta/a', 'a');
      server.inject({ kind: 'status', status: 503, match: (r) => r.method === 'GET' && r.path.endsWith('/o/meta%2Fa') });
      server.inject({ kind: 'status', status: 503, match: (r) => r.query.uploadType === 'resumable' && r.method === 'POST' });
      server.inject({ kind: 'status', status: 503, match: (r) => r.method === 'DELETE' });
      expect((await store.stat(BUCKET, 'meta/a'))?.size).toBe(1);
      expect((await store.writeOnce(BUCKET, 'meta/b', Readable.from([Buffer.from('b')]))).created).toBe(true);
      await store.delete(BUCKET, 'meta/a');
      expect(server.getObject(BUCKET, 'meta/a')).toBeUndefined();
      expect(server.pendingFaults).toBe(0);
    });

    it('says which object could not be read when the bucket denies reads', async () => {
      server.appendToObject('logs-bucket', 'log-1.txt', 'x');
      server.denyRead('logs-bucket');
      await expect(store.read('logs-bucket', 'log-1.txt', { start: 0 })).rejects.toThrow(
        /^Failed to download gs:\/\/logs-bucket\/log-1\.txt: .*does not have storage\.objects\.get access.*\(HTTP 403\)$/,
      );
      await expect(store.stat('logs-bucket', 'log-1.txt')).rejects.toThrow(/HTTP 403/);
      // Callers tell "not allowed" from transient trouble by status, not by parsing the message.
      const error = await store.read('logs-bucket', 'log-1.txt').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ObjectStoreError);
      expect((error as ObjectStoreError).status).toBe(403);
    });

    it('validates a whole-object read against the CRC32C GCS reports', async () => {
      server.putObject(BUCKET, 'bitrot.csv', 'a,b\n1,2\n');
      const record = server.getObject(BUCKET, 'bitrot.csv');
      if (record) record.data[2] = 0x21;
      await expect(store.read(BUCKET, 'bitrot.csv')).rejects.toThrow(/gs:\/\/dc-staging\/bitrot\.csv is corrupt/);
      await expect(readAll(store.readStream(BUCKET, 'bitrot.csv'))).rejects.toThrow(/is corrupt/);
    });

    it('pages through a listing with the pageToken the server returns', async () => {
      for (let i = 0; i < 1500; i++) server.putObject(BUCKET, `p/${String(i).padStart(4, '0')}`, '');
      const listed = await store.list(BUCKET, 'p/');
      expect(listed).toHaveLength(1500);
      const listCalls = server.requests.filter((r) => r.method === 'GET' && r.path === `/storage/v1/b/${BUCKET}/o`);
      expect(listCalls.map((r) => r.query.pageToken !== undefined)).toEqual([false, true]);
    });
  });
});
