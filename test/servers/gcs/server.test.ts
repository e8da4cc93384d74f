/**
 * The loopback GCS server on the wire, with plain fetch: the protocol details the client library hides (308
 * and Range during resumable uploads, error bodies, download headers), so a regression in the server cannot be
 * masked by a lenient client.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { startGcsServer, type GcsServer } from '../gcs.js';
import { crc32cBase64 } from '../../../src/storage/crc32c.js';

const KIB256 = 256 * 1024;

describe('loopback GCS server', () => {
  let gcs: GcsServer;
  beforeEach(async () => {
    gcs = await startGcsServer({ buckets: ['b'] });
  });
  afterEach(() => gcs.close());

  const api = (path: string, init?: RequestInit) => fetch(`${gcs.url}${path}`, init);
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: number; message: string; errors: Array<{ reason: string; domain: string }> } }).error;

  it('answers errors in Google\'s JSON shape', async () => {
    const res = await api('/storage/v1/b/b/o/missing');
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 404, errors: [{ reason: 'notFound', domain: 'global' }] });
    expect((await api('/storage/v1/b/nobucket/o')).status).toBe(404);
  });

  it('runs a resumable upload: session URI, 308 with the persisted Range, status query, final 200', async () => {
    const data = Buffer.alloc(2 * KIB256 + 10, 7);
    const init = await api('/upload/storage/v1/b/b/o?uploadType=resumable&name=r.bin&ifGenerationMatch=0', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-upload-content-type': 'text/plain' },
      body: JSON.stringify({ metadata: { k: 'v' } }),
    });
    expect(init.status).toBe(200);
    const session = init.headers.get('location') as string;
    expect(session).toMatch(/upload_id=/);

    const first = await fetch(session, { method: 'PUT', headers: { 'content-range': `bytes 0-${KIB256 - 1}/*` }, body: data.subarray(0, KIB256) });
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);

    const status = await fetch(session, { method: 'PUT', headers: { 'content-range': 'bytes */*' } });
    expect(status.status).toBe(308);
    expect(status.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);

    const last = await fetch(session, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${KIB256}-${data.length - 1}/${data.length}`, 'x-goog-hash': `crc32c=${crc32cBase64(data)}` },
      body: data.subarray(KIB256),
    });
    expect(last.status).toBe(200);
    const resource = (await last.json()) as Record<string, unknown>;
    expect(resource).toMatchObject({
      kind: 'storage#object',
      name: 'r.bin',
      bucket: 'b',
      size: String(data.length),
      crc32c: crc32cBase64(data),
      md5Hash: createHash('md5').update(data).digest('base64'),
      contentType: 'text/plain',
      metadata: { k: 'v' },
    });
    expect(resource.generation).toMatch(/^\d+$/);
    // A status query after completion (a lost final response) returns the object.
    expect((await fetch(session, { method: 'PUT', headers: { 'content-range': 'bytes */*' } })).status).toBe(200);
  });

  it('skips bytes it already has when a chunk is resent, and keeps whole 256 KiB blocks of a dropped chunk', async () => {
    const data = Buffer.from(Array.from({ length: 3 * KIB256 }, (_, i) => i % 251));
    const init = await api('/upload/storage/v1/b/b/o?uploadType=resumable&name=d.bin', { method: 'POST' });
    const session = init.headers.get('location') as string;
    gcs.inject({ kind: 'drop-connection', afterBytes: KIB256 + 5000, match: (r) => r.method === 'PUT' });
    await expect(fetch(session, { method: 'PUT', headers: { 'content-range': `bytes 0-${data.length - 1}/${data.length}` }, body: data })).rejects.toThrow();
    const status = await fetch(session, { method: 'PUT', headers: { 'content-range': 'bytes */*' } });
    expect(status.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);
    // Resending from 0 is fine: the overlap is ignored.
    const rest = await fetch(session, { method: 'PUT', headers: { 'content-range': `bytes 0-${data.length - 1}/${data.length}` }, body: data });
    expect(rest.status).toBe(200);
    expect(gcs.getObject('b', 'd.bin')?.data.equals(data)).toBe(true);
  });

  it('takes multipart bodies with bare LF line ends and a single-quoted boundary, as gcloud sends them', async () => {
    const body = [
      "--===b==",
      'Content-Type: application/json',
      '',
      JSON.stringify({ name: 'lf.txt', contentType: 'text/plain' }),
      "--===b==",
      'Content-Type: text/plain',
      'MIME-Version: 1.0',
      '',
      'line one\nline two',
      "--===b==--",
      '',
    ].join('\n');
    const res = await api('/upload/storage/v1/b/b/o?uploadType=multipart', {
      method: 'POST',
      headers: { 'content-type': "multipart/related; boundary='===b=='" },
      body,
    });
    expect(res.status).toBe(200);
    expect(gcs.getObject('b', 'lf.txt')).toMatchObject({ contentType: 'text/plain' });
    expect(gcs.getObject('b', 'lf.txt')?.data.toString()).toBe('line one\nline two');
  });

  it('refuses to create an object whose declared CRC32C or MD5 does not match the bytes', async () => {
    const wrongCrc = await api('/upload/storage/v1/b/b/o?uploadType=media&name=x', { method: 'POST', headers: { 'x-goog-hash': `crc32c=${crc32cBase64('other')}` }, body: 'data' });
    expect(wrongCrc.status).toBe(400);
    expect((await errorOf(wrongCrc)).message).toMatch(/doesn't match calculated CRC32C/);
    const wrongMd5 = await api('/upload/storage/v1/b/b/o?uploadType=media&name=x', { method: 'POST', headers: { 'x-goog-hash': 'md5=AAAAAAAAAAAAAAAAAAAAAA==' }, body: 'data' });
    expect(wrongMd5.status).toBe(400);
    expect(gcs.getObject('b', 'x')).toBeUndefined();
  });

  it('applies generation and metageneration preconditions with 412 conditionNotMet', async () => {
    const v1 = gcs.putObject('b', 'p', 'one');
    const create = await api('/upload/storage/v1/b/b/o?uploadType=media&name=p&ifGenerationMatch=0', { method: 'POST', body: 'two' });
    expect(create.status).toBe(412);
    expect((await errorOf(create)).errors[0]?.reason).toBe('conditionNotMet');
    const replace = await api(`/upload/storage/v1/b/b/o?uploadType=media&name=p&ifGenerationMatch=${v1.generation}`, { method: 'POST', body: 'two' });
    expect(replace.status).toBe(200);
    const v2 = gcs.getObject('b', 'p');
    expect(BigInt(v2?.generation ?? 0)).toBeGreaterThan(BigInt(v1.generation));
    const stale = await api('/storage/v1/b/b/o/p?ifMetagenerationMatch=7', { method: 'PATCH', body: JSON.stringify({ metadata: { a: '1' } }) });
    expect(stale.status).toBe(412);
    const patched = await api('/storage/v1/b/b/o/p?ifMetagenerationMatch=1', { method: 'PATCH', body: JSON.stringify({ metadata: { a: '1' } }) });
    expect(await patched.json()).toMatchObject({ metageneration: '2', metadata: { a: '1' } });
    expect((await api(`/storage/v1/b/b/o/p?ifGenerationNotMatch=${v2?.generation}`, { method: 'DELETE' })).status).toBe(412);
    expect((await api(`/storage/v1/b/b/o/p?ifGenerationMatch=${v2?.generation}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('serves media with x-goog-hash and generation headers, byte ranges as 206, and 416 past the end', async () => {
    const o = gcs.putObject('b', 'm.txt', '0123456789', { contentType: 'text/plain' });
    const whole = await api('/storage/v1/b/b/o/m.txt?alt=media');
    expect(whole.headers.get('x-goog-hash')).toBe(`crc32c=${o.crc32c},md5=${o.md5Hash}`);
    expect(whole.headers.get('x-goog-generation')).toBe(o.generation);
    expect(whole.headers.get('x-goog-stored-content-encoding')).toBe('identity');
    expect(await whole.text()).toBe('0123456789');
    const part = await api('/storage/v1/b/b/o/m.txt?alt=media', { headers: { range: 'bytes=3-5' } });
    expect([part.status, part.headers.get('content-range'), await part.text()]).toEqual([206, 'bytes 3-5/10', '345']);
    const suffix = await api('/download/storage/v1/b/b/o/m.txt?alt=media', { headers: { range: 'bytes=-2' } });
    expect(await suffix.text()).toBe('89');
    const past = await api('/storage/v1/b/b/o/m.txt?alt=media', { headers: { range: 'bytes=10-' } });
    expect(past.status).toBe(416);
  });

  it('lists with prefix, delimiter and pages', async () => {
    for (const n of ['d/1', 'd/2', 'd/sub/3', 'd/sub/4', 'e/5']) gcs.putObject('b', n, n);
    const grouped = (await (await api('/storage/v1/b/b/o?prefix=d/&delimiter=/')).json()) as { items: Array<{ name: string }>; prefixes: string[] };
    expect(grouped.items.map((i) => i.name)).toEqual(['d/1', 'd/2']);
    expect(grouped.prefixes).toEqual(['d/sub/']);
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = (await (await api(`/storage/v1/b/b/o?maxResults=2${token ? `&pageToken=${token}` : ''}`)).json()) as { items: Array<{ name: string }>; nextPageToken?: string };
      names.push(...page.items.map((i) => i.name));
      token = page.nextPageToken;
    } while (token);
    expect(names).toEqual(['d/1', 'd/2', 'd/sub/3', 'd/sub/4', 'e/5']);
  });

  it('injects a status a given number of times, then answers normally, and logs every request', async () => {
    gcs.putObject('b', 'f', 'x');
    gcs.inject({ kind: 'status', status: 503, times: 2, match: (r) => r.path.endsWith('/o/f') });
    expect((await api('/storage/v1/b/b/o/f')).status).toBe(503);
    expect((await api('/storage/v1/b/b/o/f')).status).toBe(503);
    expect((await api('/storage/v1/b/b/o/f')).status).toBe(200);
    expect(gcs.pendingFaults).toBe(0);
    expect(gcs.requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill('GET /storage/v1/b/b/o/f'));
  });

  it('grows an object in place with a new generation, and can deny reads of a bucket', async () => {
    const a = gcs.appendToObject('logs', 'log-1.txt', 'one\n');
    const b = gcs.appendToObject('logs', 'log-1.txt', 'two\n');
    expect(b.data.toString()).toBe('one\ntwo\n');
    expect(BigInt(b.generation)).toBeGreaterThan(BigInt(a.generation));
    gcs.denyRead('logs');
    const denied = await api('/storage/v1/b/logs/o/log-1.txt?alt=media');
    expect(denied.status).toBe(403);
    expect((await errorOf(denied)).errors[0]?.reason).toBe('forbidden');
  });
});
