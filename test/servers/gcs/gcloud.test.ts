/**
 * The loopback GCS server driven by the gcloud CLI, as the Cloud Build steps in cloudbuild/*.yaml use it
 * (`gcloud storage cp`, with --if-generation-match=0 for reviewed plans). gcloud's requests differ from the Node
 * client's: multipart bodies from Python's email package (LF line ends, a single-quoted boundary) and resumable
 * sessions started at /resumable/upload/storage/v1/….
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startGcsServer, type GcsServer } from '../gcs.js';

/** On PATH and executable (cheaper than running `gcloud --version`, which takes seconds). */
function hasGcloud(): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => {
    try {
      accessSync(join(d, 'gcloud'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const available = hasGcloud();
if (!available && process.env.CI === 'true') throw new Error('gcloud is required under CI for the GCS server tests.');

describe.skipIf(!available)('loopback GCS server with the gcloud CLI', () => {
  let gcs: GcsServer;
  let dir: string;
  beforeAll(async () => {
    gcs = await startGcsServer({ buckets: ['plans'] });
    dir = mkdtempSync(join(tmpdir(), 'gcloud-gcs-'));
  });
  afterAll(async () => {
    await gcs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const gcloud = (args: string[]) =>
    new Promise<{ code: number; output: string }>((resolve) => {
      const env = {
        PATH: process.env.PATH,
        HOME: dir,
        CLOUDSDK_CONFIG: join(dir, 'gcloud-config'),
        CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE: `${gcs.url}/storage/v1/`,
        CLOUDSDK_AUTH_DISABLE_CREDENTIALS: 'true',
        CLOUDSDK_CORE_PROJECT: 'demo',
      };
      execFile('gcloud', args, { env, cwd: dir, timeout: 120_000 }, (err, stdout, stderr) =>
        resolve({ code: typeof err?.code === 'number' ? err.code : err ? 1 : 0, output: `${stdout}${stderr}` }),
      );
    });

  it('takes gcloud storage cp uploads write-once (multipart and resumable) and serves them back', async () => {
    const big = randomBytes(12 * 1024 * 1024); // above gcloud's resumable threshold
    writeFileSync(join(dir, 'plan.json'), '{"format_version":"1.2"}');
    writeFileSync(join(dir, 'plan.tfplan'), big);

    const upload = await gcloud(['storage', 'cp', '--if-generation-match=0', 'plan.json', 'plan.tfplan', 'gs://plans/pr-1/']);
    expect(upload, upload.output).toMatchObject({ code: 0 });
    expect(gcs.getObject('plans', 'pr-1/plan.json')?.data.toString()).toBe('{"format_version":"1.2"}');
    expect(gcs.getObject('plans', 'pr-1/plan.tfplan')?.data.equals(big)).toBe(true);
    expect(gcs.requests.some((r) => r.path.startsWith('/resumable/upload/'))).toBe(true);
    expect(gcs.requests.some((r) => r.query.uploadType === 'multipart')).toBe(true);

    const again = await gcloud(['storage', 'cp', '--if-generation-match=0', 'plan.json', 'gs://plans/pr-1/']);
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/412/);

    const download = await gcloud(['storage', 'cp', 'gs://plans/pr-1/plan.tfplan', join(dir, 'back.tfplan')]);
    expect(download, download.output).toMatchObject({ code: 0 });
    expect(readFileSync(join(dir, 'back.tfplan')).equals(big)).toBe(true);
  });
});
