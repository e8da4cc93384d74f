/**
 * Emulator mode (STORAGE_EMULATOR_HOST): the real client reaches the loopback server, on the JSON API paths
 * real GCS serves, without any credential lookup — no ADC file, no metadata server, no MetadataLookupWarning.
 * These tests change process.env, so they live in their own file (vitest runs each file in its own process).
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Storage } from '@google-cloud/storage';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';
import { createGcsStore, emulatorEndpoint } from '../../src/storage/gcs.js';
import type { ObjectStore } from '../../src/storage/object-store.js';

const BUCKET = 'emulated';
const SAVED_ENV = { ...process.env };

/** Answers like the GCE metadata server, and counts who asked. */
async function startMetadataTrap(): Promise<{ server: Server; host: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('Metadata-Flavor', 'Google');
    if (req.url?.includes('/token')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: 'trap-token', expires_in: 3600, token_type: 'Bearer' }));
    } else if (req.url?.includes('project-id')) {
      res.end('trap-project');
    } else {
      res.end('');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

async function exercise(store: ObjectStore): Promise<void> {
  await store.writeOnce(BUCKET, 'a/multipart.txt', 'small');
  await store.writeOnce(BUCKET, 'a/resumable.txt', Readable.from([Buffer.from('streamed')]));
  await store.writeOnce(BUCKET, 'a/multipart.txt', 'again');
  expect((await store.read(BUCKET, 'a/multipart.txt')).toString()).toBe('small');
  expect((await store.read(BUCKET, 'a/resumable.txt', { start: 3 })).toString()).toBe('eamed');
  expect((await store.list(BUCKET, 'a/')).map((o) => o.name)).toEqual(['a/multipart.txt', 'a/resumable.txt']);
  expect(await store.stat(BUCKET, 'missing')).toBeUndefined();
  await store.delete(BUCKET, 'a/multipart.txt');
}

describe('GCS store in emulator mode', () => {
  let gcs: GcsServer;
  let trap: Awaited<ReturnType<typeof startMetadataTrap>>;
  let gcloudConfig: string;
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);

  beforeEach(async () => {
    gcs = await startGcsServer({ buckets: [BUCKET] });
    trap = await startMetadataTrap();
    gcloudConfig = mkdtempSync(join(tmpdir(), 'gcloud-'));
    // Every way google-auth-library could find credentials leads to the trap or to nothing.
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    delete process.env.GCE_METADATA_IP;
    delete process.env.STORAGE_EMULATOR_HOST;
    process.env.CLOUDSDK_CONFIG = gcloudConfig;
    process.env.GCE_METADATA_HOST = trap.host;
    warnings.length = 0;
    process.on('warning', onWarning);
  });

  afterEach(async () => {
    process.off('warning', onWarning);
    process.env = { ...SAVED_ENV };
    rmSync(gcloudConfig, { recursive: true, force: true });
    await gcs.close();
    await new Promise((resolve) => trap.server.close(resolve));
  });

  it('never asks the metadata server or ADC for credentials or a project', async () => {
    await exercise(createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } }));
    expect(trap.hits).toEqual([]);
    expect(warnings.filter((w) => w.name === 'MetadataLookupWarning')).toEqual([]);
    for (const r of gcs.requests) expect(r.headers.authorization).toBeUndefined();
  });

  it('(control) the trap does see a client that authenticates against a custom endpoint', async () => {
    // Constructed directly on purpose: this is the configuration the wrapper must avoid.
    const authenticating = new Storage({ apiEndpoint: gcs.url, useAuthWithCustomEndpoint: true });
    authenticating.baseUrl = `${gcs.url}/storage/v1`;
    await authenticating.bucket(BUCKET).file('x').exists();
    expect(trap.hits.length).toBeGreaterThan(0);
    expect(gcs.requests.at(-1)?.headers.authorization).toBe('Bearer trap-token');
  });

  it('uses the /storage/v1 API paths even when STORAGE_EMULATOR_HOST is in process.env', async () => {
    // The client alone would then send JSON API calls to <host>/b/… instead of <host>/storage/v1/b/….
    process.env.STORAGE_EMULATOR_HOST = gcs.url;
    await exercise(createGcsStore());
    expect(gcs.requests.length).toBeGreaterThan(0);
    for (const r of gcs.requests) expect(r.path).toMatch(/^\/(upload\/)?storage\/v1\/b\//);
    expect(trap.hits).toEqual([]);
  });

  it('accepts the emulator host without a scheme, as other Google emulators are given', async () => {
    await exercise(createGcsStore({ env: { STORAGE_EMULATOR_HOST: `127.0.0.1:${gcs.port}` } }));
    expect(gcs.getObject(BUCKET, 'a/resumable.txt')?.data.toString()).toBe('streamed');
  });
});

describe('emulatorEndpoint', () => {
  it('normalises the variable to scheme://host:port and is undefined when it is unset or blank', () => {
    expect(emulatorEndpoint({ STORAGE_EMULATOR_HOST: 'http://127.0.0.1:4443/' })).toBe('http://127.0.0.1:4443');
    expect(emulatorEndpoint({ STORAGE_EMULATOR_HOST: 'localhost:9023/storage/v1' })).toBe('http://localhost:9023');
    expect(emulatorEndpoint({ STORAGE_EMULATOR_HOST: 'https://gcs.example:443' })).toBe('https://gcs.example:443');
    expect(emulatorEndpoint({ STORAGE_EMULATOR_HOST: '  ' })).toBeUndefined();
    expect(emulatorEndpoint({})).toBeUndefined();
  });
});
