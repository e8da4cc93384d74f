import { chmod, lstat, mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as tar from 'tar';
import { packWorkspace, uploadWorkspace } from '../../src/cloudbuild/source.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';

let root: string;

async function put(rel: string, content = rel): Promise<void> {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), content);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'cb-source-'));
  await put('main.tf');
  await put('modules/net/main.tf');
  await put('.git/HEAD', 'ref: refs/heads/main');
  await put('node_modules/x/index.js');
  await put('modules/net/node_modules/y.js');
  await put('debug.log');
  await put('secret/key.pem');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('packWorkspace', () => {
  it('follows .gitignore when there is no .gcloudignore, and never sends .git or node_modules', async () => {
    await put('.gitignore', '*.log\n');
    const packed = await packWorkspace(root);
    expect(packed.ignoreFile).toBe('.gitignore');
    expect(packed.files).toEqual(['.gitignore', 'main.tf', 'modules/net/main.tf', 'secret/key.pem']);
  });

  it('prefers .gcloudignore, expanding #!include: lines', async () => {
    await put('.gitignore', '*.log\n');
    await put('.gcloudignore', '#!include:.gitignore\nsecret/\n.gcloudignore\n');
    const packed = await packWorkspace(root);
    expect(packed.ignoreFile).toBe('.gcloudignore');
    expect(packed.files).toEqual(['.gitignore', 'main.tf', 'modules/net/main.tf']);
  });

  it('sends everything but .git and node_modules when there is no ignore file', async () => {
    const packed = await packWorkspace(root);
    expect(packed.ignoreFile).toBeUndefined();
    expect(packed.files).toEqual(['debug.log', 'main.tf', 'modules/net/main.tf', 'secret/key.pem']);
  });

  it('gives the same bytes for the same tree, whatever the timestamps, and different bytes for a change', async () => {
    const first = await packWorkspace(root);
    await utimes(path.join(root, 'main.tf'), new Date('2001-01-01'), new Date('2001-01-01'));
    const second = await packWorkspace(root);
    expect(second.sha256).toBe(first.sha256);
    await put('main.tf', 'changed');
    expect((await packWorkspace(root)).sha256).not.toBe(first.sha256);
  });

  it('keeps contents, executable bits and symlinks', async () => {
    await put('scripts/run.sh', '#!/bin/sh\necho hi\n');
    await chmod(path.join(root, 'scripts/run.sh'), 0o755);
    await symlink('main.tf', path.join(root, 'link.tf'));
    const packed = await packWorkspace(root);
    const out = await mkdtemp(path.join(tmpdir(), 'cb-source-out-'));
    try {
      await pipeline(Readable.from(packed.tarball), tar.extract({ cwd: out }));
      expect((await stat(path.join(out, 'scripts/run.sh'))).mode & 0o111).not.toBe(0);
      expect((await lstat(path.join(out, 'link.tf'))).isSymbolicLink()).toBe(true);
      expect(await readFile(path.join(out, 'modules/net/main.tf'), 'utf8')).toBe('modules/net/main.tf');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('uploadWorkspace to the loopback GCS server', () => {
  let gcs: GcsServer;
  beforeAll(async () => {
    gcs = await startGcsServer({ buckets: ['src'] });
  });
  afterAll(async () => {
    await gcs?.close();
  });

  it('uploads the archive under its sha256 once, and reuses it on a re-run', async () => {
    const store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
    const first = await uploadWorkspace({ store, bucket: 'src', prefix: 'dc-pipeline/source', root });
    expect(first.created).toBe(true);
    expect(first.source).toEqual({
      bucket: 'src',
      object: `dc-pipeline/source/source-${first.packed.sha256}.tgz`,
      generation: gcs.getObject('src', first.source.object as string)?.generation,
    });
    expect(gcs.getObject('src', first.source.object as string)?.data.equals(first.packed.tarball)).toBe(true);
    const again = await uploadWorkspace({ store, bucket: 'src', prefix: 'dc-pipeline/source', root });
    expect(again.created).toBe(false);
    expect(again.source).toEqual(first.source);
  });
});
