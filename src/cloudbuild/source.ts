/**
 * The build's source: the workspace packed into a .tgz the way `gcloud builds submit` would pack it — honouring
 * .gcloudignore (including its `#!include:<file>` lines), or .gitignore when there is none — and uploaded
 * write-once under its own sha256, so a re-run of the same commit reuses the same object.
 *
 * The archive is deterministic (sorted entries, fixed mtime, no owners), so the same tree always gives the same
 * bytes and the same object name. .git and node_modules are never sent.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import * as tar from 'tar';
import type { ObjectStore } from '../storage/object-store.js';
import type { StorageSource } from './build.js';

const ALWAYS_SKIPPED = ['.git/', 'node_modules/'];
// A fixed, valid timestamp for every entry: tar stores seconds since 1970; 1980 keeps zip-minded tools happy.
const FIXED_MTIME = new Date('1980-01-01T00:00:00Z');

export interface PackedSource {
  tarball: Buffer;
  /** Paths in the archive, relative, with forward slashes, sorted. */
  files: string[];
  sha256: string;
  /** Which ignore file applied: `.gcloudignore`, `.gitignore` or none. */
  ignoreFile: string | undefined;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The ignore rules for `root`: .gcloudignore (with `#!include:` expanded), else .gitignore, plus the fixed ones. */
export async function ignoreRulesFor(root: string): Promise<{ rules: Ignore; file: string | undefined }> {
  const rules = ignore().add(ALWAYS_SKIPPED);
  const gcloudignore = await readIfExists(path.join(root, '.gcloudignore'));
  if (gcloudignore !== undefined) {
    for (const line of gcloudignore.split(/\r?\n/)) {
      const include = /^#!include:(.+)$/.exec(line.trim());
      if (include) {
        const included = await readIfExists(path.join(root, (include[1] as string).trim()));
        if (included !== undefined) rules.add(included);
      } else {
        rules.add(line);
      }
    }
    return { rules, file: '.gcloudignore' };
  }
  const gitignore = await readIfExists(path.join(root, '.gitignore'));
  if (gitignore !== undefined) {
    rules.add(gitignore);
    return { rules, file: '.gitignore' };
  }
  return { rules, file: undefined };
}

async function listFiles(root: string, rules: Ignore): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true });
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!rules.ignores(`${rel}/`)) await walk(rel);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !rules.ignores(rel)) {
        out.push(rel);
      }
    }
  };
  await walk('');
  // Code-unit order, independent of locale and of the order the filesystem returns.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function packWorkspace(root: string): Promise<PackedSource> {
  const stat = await lstat(root);
  if (!stat.isDirectory()) throw new Error(`The workspace ${root} is not a directory.`);
  const { rules, file } = await ignoreRulesFor(root);
  const files = await listFiles(root, rules);
  const chunks: Buffer[] = [];
  const stream = tar.create(
    { cwd: root, gzip: { level: 9 }, portable: true, mtime: FIXED_MTIME, noDirRecurse: true, follow: false },
    files,
  );
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  const tarball = Buffer.concat(chunks);
  return { tarball, files, sha256: createHash('sha256').update(tarball).digest('hex'), ignoreFile: file };
}

export interface UploadedSource {
  source: StorageSource;
  packed: PackedSource;
  /** false when the same archive was already there (a re-run): nothing was uploaded. */
  created: boolean;
}

/** Pack `root` and upload it to gs://bucket/<prefix>/source-<sha256>.tgz; returns the build's StorageSource. */
export async function uploadWorkspace(options: {
  store: ObjectStore;
  bucket: string;
  prefix?: string;
  root: string;
}): Promise<UploadedSource> {
  const packed = await packWorkspace(options.root);
  const prefix = (options.prefix ?? 'source').replace(/^\/+|\/+$/g, '');
  const object = `${prefix ? `${prefix}/` : ''}source-${packed.sha256}.tgz`;
  const result = await options.store.writeOnce(options.bucket, object, packed.tarball, {
    contentType: 'application/gzip',
  });
  return {
    source: { bucket: options.bucket, object, generation: result.info.generation },
    packed,
    created: result.created,
  };
}
