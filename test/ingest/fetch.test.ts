import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { openSource, type FetchOptions } from '../../src/ingest/fetch.js';

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

/** A loopback HTTP server whose behaviour each test sets; counts the requests per path. */
let server: Server;
let base: string;
let handler: Handler;
const hits = new Map<string, number>();

beforeEach(async () => {
  hits.clear();
  handler = (_req, res) => res.end('ok');
  server = createServer((req, res) => {
    const n = (hits.get(req.url ?? '') ?? 0) + 1;
    hits.set(req.url ?? '', n);
    handler(req, res, n);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const local: FetchOptions = {
  allowHttp: true,
  allowPrivateAddresses: true,
  maxBytes: 1024 * 1024,
  timeoutMs: 2000,
  retries: 2,
  retryDelayMs: 1,
};

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('openSource over HTTP', () => {
  it('streams the body with its length, ETag and Last-Modified', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': 7, etag: '"v1"', 'last-modified': 'Wed, 01 May 2024 10:00:00 GMT' });
      res.end('a,b\n1,2');
    };
    const seen: number[] = [];
    const source = await openSource(`${base}/data.csv?token=secret`, { ...local, onProgress: (bytes) => seen.push(bytes) });
    expect(await readAll(source.stream)).toBe('a,b\n1,2');
    expect(source).toMatchObject({ contentLength: 7, etag: '"v1"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT' });
    expect(source.finalUrl).toBe(`${base}/data.csv`); // no query: signed URLs carry credentials there
    expect(seen.at(-1)).toBe(7);
  });

  it('retries a 500 and succeeds on the next attempt', async () => {
    handler = (_req, res, hit) => {
      if (hit === 1) res.writeHead(500).end('boom');
      else res.end('fine');
    };
    const source = await openSource(`${base}/flaky`, local);
    expect(await readAll(source.stream)).toBe('fine');
    expect(hits.get('/flaky')).toBe(2);
  });

  it('retries a connection reset before the headers', async () => {
    handler = (req, res, hit) => {
      if (hit === 1) req.socket.destroy();
      else res.end('after reset');
    };
    const source = await openSource(`${base}/reset`, local);
    expect(await readAll(source.stream)).toBe('after reset');
    expect(hits.get('/reset')).toBe(2);
  });

  it('gives up after the last retry with the status in the message', async () => {
    handler = (_req, res) => res.writeHead(503, 'Service Unavailable').end();
    await expect(openSource(`${base}/down`, local)).rejects.toThrow(`fetching ${base}/down failed: HTTP 503 Service Unavailable.`);
    expect(hits.get('/down')).toBe(3);
  });

  it('does not retry a 404', async () => {
    handler = (_req, res) => res.writeHead(404, 'Not Found').end();
    await expect(openSource(`${base}/missing`, local)).rejects.toThrow(/HTTP 404 Not Found/);
    expect(hits.get('/missing')).toBe(1);
  });

  it('fails a body that ends before its Content-Length (connection dropped)', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': 100 });
      res.write('x'.repeat(50), () => res.socket?.destroy());
    };
    const source = await openSource(`${base}/truncated`, local);
    await expect(readAll(source.stream)).rejects.toThrow(
      new RegExp(`the download of ${base}/truncated broke off after 50 of 100 bytes`),
    );
  });

  describe('a body that breaks off', () => {
    const body = Buffer.from(Array.from({ length: 4000 }, (_, i) => `${i},row ${i}\n`).join(''));
    /** Serves `body` with byte ranges; the first `drops` full answers are cut after `cut` bytes. */
    function rangeServer(options: { etag?: string; lastModified?: string; drops?: number; cut?: number; changeAfter?: number }) {
      const ranges: (string | undefined)[] = [];
      let full = 0;
      handler = (req, res) => {
        ranges.push(req.headers.range);
        const headers: Record<string, string | number> = { 'accept-ranges': 'bytes' };
        if (options.etag) headers.etag = options.etag;
        if (options.lastModified) headers['last-modified'] = options.lastModified;
        const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
        const validator = options.etag && !options.etag.startsWith('W/') ? options.etag : options.lastModified;
        const stillSame = req.headers['if-range'] === validator && !(options.changeAfter !== undefined && full > options.changeAfter);
        if (range && stillSame) {
          const from = Number(range[1]);
          res.writeHead(206, { ...headers, 'content-length': body.length - from, 'content-range': `bytes ${from}-${body.length - 1}/${body.length}` });
          res.end(body.subarray(from));
          return;
        }
        full++;
        res.writeHead(200, { ...headers, 'content-length': body.length });
        if (full <= (options.drops ?? 1)) res.write(body.subarray(0, options.cut ?? 1000), () => res.socket?.destroy());
        else res.end(body);
      };
      return ranges;
    }

    it('resumes it with a Range request conditional on the ETag, and passes on one unbroken body', async () => {
      const ranges = rangeServer({ etag: '"v7"' });
      const source = await openSource(`${base}/big.csv`, local);
      expect(await readAll(source.stream)).toBe(body.toString());
      expect(ranges).toEqual([undefined, 'bytes=1000-']);
    });

    it('resumes on Last-Modified when the ETag is weak (If-Range takes only a strong one)', async () => {
      const ranges = rangeServer({ etag: 'W/"weak"', lastModified: 'Wed, 01 May 2024 10:00:00 GMT' });
      const source = await openSource(`${base}/big.csv`, local);
      expect(await readAll(source.stream)).toBe(body.toString());
      expect(ranges).toEqual([undefined, 'bytes=1000-']);
    });

    it('fails with the byte count when the source changed since (the range request is answered with the whole new body)', async () => {
      rangeServer({ etag: '"v1"', changeAfter: 0 });
      const source = await openSource(`${base}/big.csv`, local);
      await expect(readAll(source.stream)).rejects.toThrow(
        new RegExp(`broke off after 1000 of ${body.length} bytes: .*resuming at byte 1000 failed: the source changed since the download started`),
      );
    });

    it('resumes a body that stalls past the timeout, as one that breaks off', async () => {
      const ranges: (string | undefined)[] = [];
      handler = (req, res) => {
        ranges.push(req.headers.range);
        const headers = { 'accept-ranges': 'bytes', etag: '"v3"' };
        const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
        if (range && req.headers['if-range'] === '"v3"') {
          const from = Number(range[1]);
          res.writeHead(206, { ...headers, 'content-length': body.length - from, 'content-range': `bytes ${from}-${body.length - 1}/${body.length}` });
          res.end(body.subarray(from));
          return;
        }
        res.writeHead(200, { ...headers, 'content-length': body.length });
        res.write(body.subarray(0, 1000)); // and then nothing: the connection stays open
      };
      const source = await openSource(`${base}/stalls.csv`, { ...local, timeoutMs: 150 });
      expect(await readAll(source.stream)).toBe(body.toString());
      expect(ranges).toEqual([undefined, 'bytes=1000-']);
    });

    it('does not resume without byte ranges or a validator, and gives up after its retries', async () => {
      rangeServer({});
      const noValidator = await openSource(`${base}/big.csv`, local);
      await expect(readAll(noValidator.stream)).rejects.toThrow(new RegExp(`broke off after 1000 of ${body.length} bytes`));
      const ranges = rangeServer({ etag: '"v1"', drops: 99 });
      handler = ((inner) => (req: IncomingMessage, res: ServerResponse, hit: number) => {
        // Every answer, ranged or not, breaks off after 10 bytes.
        if (req.headers.range) {
          const from = Number(/\d+/.exec(req.headers.range)![0]);
          res.writeHead(206, { 'accept-ranges': 'bytes', etag: '"v1"', 'content-length': body.length - from, 'content-range': `bytes ${from}-${body.length - 1}/${body.length}` });
          res.write(body.subarray(from, from + 10), () => res.socket?.destroy());
          ranges.push(req.headers.range);
          return;
        }
        inner(req, res, hit);
      })(handler);
      const flaky = await openSource(`${base}/flaky.csv`, local);
      await expect(readAll(flaky.stream)).rejects.toThrow(new RegExp(`broke off after 1020 of ${body.length} bytes`));
      expect(ranges.filter(Boolean)).toEqual(['bytes=1000-', 'bytes=1010-']); // local.retries = 2
    });
  });

  it('refuses a declared length above the size cap before reading the body', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': 5000 });
      res.end('x'.repeat(5000));
    };
    await expect(openSource(`${base}/big`, { ...local, maxBytes: 1000 })).rejects.toThrow(
      `source ${base}/big is larger than the 1000-byte limit (5000 bytes).`,
    );
  });

  it('stops a chunked body once it passes the size cap', async () => {
    handler = (_req, res) => {
      res.write('x'.repeat(800));
      res.end('x'.repeat(800));
    };
    const source = await openSource(`${base}/chunked`, { ...local, maxBytes: 1000 });
    await expect(readAll(source.stream)).rejects.toThrow(/larger than the 1000-byte limit/);
  });

  it('times out when the server does not answer', async () => {
    handler = () => undefined; // never answers
    await expect(openSource(`${base}/silent`, { ...local, timeoutMs: 150, retries: 0 })).rejects.toThrow(
      `fetching ${base}/silent timed out: no data for 150 ms.`,
    );
  });

  it('times out when the body stalls', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': 10 });
      res.write('12345');
    };
    const source = await openSource(`${base}/stall`, { ...local, timeoutMs: 150 });
    await expect(readAll(source.stream)).rejects.toThrow(/timed out: no data for 150 ms/);
  });

  it('follows redirects and reports the final URL', async () => {
    handler = (req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
      else if (req.url === '/new') res.writeHead(307, { location: `${base}/final` }).end();
      else res.end('moved');
    };
    const source = await openSource(`${base}/old`, local);
    expect(await readAll(source.stream)).toBe('moved');
    expect(source.finalUrl).toBe(`${base}/final`);
  });

  it('stops after five redirects', async () => {
    handler = (req, res) => {
      const n = Number(req.url?.slice(1));
      res.writeHead(302, { location: `/${n + 1}` }).end();
    };
    await expect(openSource(`${base}/0`, local)).rejects.toThrow(`${base}/0 redirects more than 5 times.`);
    expect(hits.has('/5')).toBe(true);
    expect(hits.has('/6')).toBe(false);
  });

  it('refuses redirects to schemes other than http(s)', async () => {
    handler = (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    await expect(openSource(`${base}/to-file`, local)).rejects.toThrow(/refusing the redirect .* to a file: URL/);
  });

  it('refuses plain http unless it is allowed', async () => {
    await expect(openSource(`${base}/x`, { ...local, allowHttp: false })).rejects.toThrow(
      /only https:\/\/ sources are allowed \(plain http is allowed only explicitly/,
    );
    expect(hits.size).toBe(0);
  });
});

describe('openSource refuses internal addresses (SSRF)', () => {
  const strict: FetchOptions = { ...local, allowPrivateAddresses: false };

  it.each([
    'http://127.0.0.1/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/computeMetadata/v1/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://[fc00::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:0:169.254.169.254]/computeMetadata/v1/',
    'http://[64:ff9b::169.254.169.254]/computeMetadata/v1/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[64:ff9b:1::a00:1]/',
    'http://[2002:a9fe:a9fe::]/computeMetadata/v1/',
    'http://[2002:a00:1::1]/',
    'http://[::]/',
    'http://[::10.0.0.1]/',
  ])('refuses %s', async (url) => {
    await expect(openSource(url, strict)).rejects.toThrow(/^refusing to fetch from /);
  });

  it('refuses the loopback test server itself unless private addresses are allowed', async () => {
    await expect(openSource(`${base}/x`, strict)).rejects.toThrow(UserError);
    expect(hits.size).toBe(0);
  });

  it('refuses metadata.google.internal even when private addresses are allowed', async () => {
    await expect(openSource('http://metadata.google.internal/computeMetadata/v1/', local)).rejects.toThrow(
      'refusing to fetch from metadata.google.internal: it is the cloud metadata server.',
    );
  });

  it('refuses a name that resolves to a private address', async () => {
    const lookup = async () => [{ address: '192.168.10.20', family: 4 }];
    await expect(openSource('https://files.example/data.csv', { ...strict, lookup })).rejects.toThrow(
      'refusing to fetch from files.example: it resolves to 192.168.10.20 is a private address',
    );
  });

  it('refuses a name that resolves to a NAT64 or 6to4 address wrapping an internal one, before connecting', async () => {
    for (const address of ['64:ff9b::a9fe:a9fe', '::ffff:0:7f00:1', '2002:a00:1::']) {
      const lookup = async () => [{ address, family: 6 }];
      await expect(openSource('https://files.example/data.csv', { ...strict, lookup })).rejects.toThrow(
        new RegExp(`^refusing to fetch from files.example: it resolves to ${address.replace(/\./g, '\\.')} is a `),
      );
    }
  });

  it('re-checks a redirect to a NAT64 address of the metadata server, even with loopback allowed', async () => {
    handler = (_req, res) => res.writeHead(302, { location: 'http://[64:ff9b::a9fe:a9fe]/computeMetadata/v1/' }).end();
    await expect(openSource(`${base}/hop`, local)).rejects.toThrow(
      'refusing to fetch from [64:ff9b::a9fe:a9fe]: 64:ff9b::a9fe:a9fe is a link-local address (NAT64 of 169.254.169.254).',
    );
  });

  it('re-checks a redirect to the metadata address, even with loopback allowed', async () => {
    handler = (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/computeMetadata/v1/' }).end();
    await expect(openSource(`${base}/hop`, local)).rejects.toThrow(
      'refusing to fetch from 169.254.169.254: 169.254.169.254 is a link-local address.',
    );
  });

  it('re-resolves and re-checks the name a redirect points to', async () => {
    const asked: string[] = [];
    const lookup = async (host: string) => {
      asked.push(host);
      return [{ address: host === 'rebind.example' ? '169.254.10.10' : '127.0.0.1', family: 4 }];
    };
    handler = (_req, res) => res.writeHead(302, { location: 'http://rebind.example/latest' }).end();
    const port = new URL(base).port;
    await expect(openSource(`http://start.invalid:${port}/hop`, { ...local, lookup })).rejects.toThrow(
      'refusing to fetch from rebind.example: it resolves to 169.254.10.10 is a link-local address.',
    );
    expect(asked).toEqual(['start.invalid', 'rebind.example']);
  });

  it('connects to the address it checked, not to a second resolution', async () => {
    let lookups = 0;
    const lookup = async () => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    let host: string | undefined;
    handler = (req, res) => {
      host = req.headers.host;
      res.end('pinned');
    };
    const port = new URL(base).port;
    // data.invalid cannot resolve through real DNS: reaching the server proves the checked address was used.
    const source = await openSource(`http://data.invalid:${port}/x`, { ...local, lookup });
    expect(await readAll(source.stream)).toBe('pinned');
    expect(host).toBe(`data.invalid:${port}`);
    expect(lookups).toBe(1);
  });
});

describe('openSource for files and Cloud Storage', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fetch-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a local path and a file:// URL', async () => {
    const path = join(dir, 'data.csv');
    await writeFile(path, 'a\n1\n');
    const byPath = await openSource(path, local);
    expect(await readAll(byPath.stream)).toBe('a\n1\n');
    expect(byPath.contentLength).toBe(4);
    // The mtime, as an HTTP date, for the manifest and the unchanged-source hint.
    expect(byPath.lastModified).toBe((await stat(path)).mtime.toUTCString());
    const byUrl = await openSource(pathToFileURL(path).href, local);
    expect(await readAll(byUrl.stream)).toBe('a\n1\n');
  });

  it('says when a local source does not exist or is too large', async () => {
    await expect(openSource(join(dir, 'nope.csv'), local)).rejects.toThrow(/nope.csv does not exist/);
    const path = join(dir, 'big.csv');
    await writeFile(path, 'x'.repeat(2000));
    await expect(openSource(path, { ...local, maxBytes: 1000 })).rejects.toThrow(/larger than the 1000-byte limit/);
  });

  it('reads gs:// through the storage reader it is given', async () => {
    const asked: string[] = [];
    const readGcs = (uri: string) => {
      asked.push(uri);
      return Readable.from([Buffer.from('a\n'), Buffer.from('2\n')]);
    };
    const source = await openSource('gs://bucket/raw/data.csv', { ...local, readGcs });
    expect(await readAll(source.stream)).toBe('a\n2\n');
    expect(asked).toEqual(['gs://bucket/raw/data.csv']);
    await expect(openSource('gs://bucket/x.csv', local)).rejects.toThrow(/no storage client was given/);
  });

  it('refuses other schemes', async () => {
    await expect(openSource('ftp://example.com/data.csv', local)).rejects.toThrow(/unsupported scheme/);
  });
});
