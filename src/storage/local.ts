/**
 * The embedded default object store: a folder laid out like the buckets it stands in for,
 * `<root>/<bucket>/<object name>` (root is normally `.dc-pipeline/gcs`), so staged files can be opened directly.
 *
 * Each object's CRC32C, content type and custom metadata live in a sidecar under `<root>/.meta/<bucket>/<name>.json`
 * (outside every bucket folder, so they are never listed as objects). Writes go to `<root>/.tmp/` first — the same
 * filesystem — and appear with `link()`, which fails if the name exists: that is the write-once precondition,
 * atomic even between processes, and a reader never sees a partial file.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, readFile, readdir, rename, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import { PassThrough, Transform, pipeline, type Readable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { Crc32c, Crc32cStream, crc32cBase64 } from './crc32c.js';
import {
  NotFoundError,
  ObjectStoreError,
  type CopyOptions,
  type ObjectInfo,
  type ObjectStore,
  type WriteOptions,
  type WriteResult,
} from './object-store.js';

interface Sidecar {
  crc32c: string;
  size: number;
  contentType?: string;
  metadata: Record<string, string>;
}

const META_DIR = '.meta';
const TMP_DIR = '.tmp';
/** How far a streamed source may run ahead of the disk (see writeTemp). */
const WRITE_BUFFER = 4 * 1024 * 1024;

export function createLocalStore(root: string): ObjectStore {
  return new LocalStore(resolve(root));
}

class LocalStore implements ObjectStore {
  constructor(private readonly root: string) {}

  uri(bucket: string, name: string): string {
    return pathToFileURL(this.#dataPath(bucket, name)).href;
  }

  #bucketDir(bucket: string): string {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(bucket)) {
      throw new Error(`"${bucket}" is not a valid bucket name for the local object store.`);
    }
    return join(this.root, bucket);
  }

  #dataPath(bucket: string, name: string): string {
    return join(this.#bucketDir(bucket), ...segmentsOf(name));
  }

  #metaPath(bucket: string, name: string): string {
    const segments = segmentsOf(name);
    segments[segments.length - 1] += '.json';
    return join(this.root, META_DIR, bucket, ...segments);
  }

  async #tempPath(): Promise<string> {
    const dir = join(this.root, TMP_DIR);
    await mkdir(dir, { recursive: true });
    return join(dir, `${process.pid}-${randomBytes(8).toString('hex')}`);
  }

  async writeOnce(
    bucket: string,
    name: string,
    source: Buffer | string | Readable,
    options: WriteOptions = {},
  ): Promise<WriteResult> {
    const existing = await this.stat(bucket, name);
    if (existing) return { created: false, info: existing };

    const temp = await this.#tempPath();
    try {
      const { crc32c, size } = await writeTemp(temp, source);
      if (options.crc32c !== undefined && options.crc32c !== crc32c) {
        // What GCS answers when the declared checksum does not match the bytes: nothing is created.
        throw new ObjectStoreError(
          `Failed to write ${this.uri(bucket, name)}: the declared CRC32C ${options.crc32c} does not match the bytes (${crc32c}).`,
          400,
        );
      }
      const sidecar: Sidecar = { crc32c, size, metadata: { ...(options.metadata ?? {}) } };
      if (options.contentType) sidecar.contentType = options.contentType;
      return await this.#publish(bucket, name, temp, sidecar, 'write');
    } catch (err) {
      throw failure('write', this.uri(bucket, name), err);
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  async copyOnce(bucket: string, from: string, to: string, options: CopyOptions = {}): Promise<WriteResult> {
    const original = await this.stat(bucket, from);
    if (!original) throw new NotFoundError(`${this.uri(bucket, from)} does not exist.`);
    const existing = await this.stat(bucket, to);
    if (existing) return { created: false, info: existing };
    const given = options.contentType !== undefined || options.metadata !== undefined;
    const sidecar: Sidecar = { crc32c: original.crc32c, size: original.size, metadata: { ...(given ? options.metadata : original.metadata) } };
    const contentType = given ? options.contentType : original.contentType;
    if (contentType) sidecar.contentType = contentType;
    // A second name for the same file: nothing is copied.
    return this.#publish(bucket, to, this.#dataPath(bucket, from), sidecar, `copy ${this.uri(bucket, from)} to`);
  }

  /**
   * Gives `file` the object name `name`, with `sidecar` as its metadata, unless the name exists. link() refuses
   * an existing name, atomically even between processes (the write-once precondition), and a reader never sees
   * a partial file. `file` keeps its own name too; a caller that wrote a temporary file removes it.
   */
  async #publish(bucket: string, name: string, file: string, sidecar: Sidecar, action: string): Promise<WriteResult> {
    const target = this.#dataPath(bucket, name);
    const metaTemp = `${await this.#tempPath()}.json`;
    try {
      await writeFile(metaTemp, JSON.stringify(sidecar));
      await mkdir(dirname(target), { recursive: true });
      try {
        await link(file, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const winner = await this.stat(bucket, name);
        if (winner) return { created: false, info: winner };
        throw err;
      }
      // The data file is visible from here on; a crash before the sidecar lands is repaired by stat().
      const metaTarget = this.#metaPath(bucket, name);
      await mkdir(dirname(metaTarget), { recursive: true });
      await rename(metaTemp, metaTarget);
    } catch (err) {
      throw failure(action, this.uri(bucket, name), err);
    } finally {
      await unlink(metaTemp).catch(() => undefined);
    }
    const info = await this.stat(bucket, name);
    if (!info) throw new Error(`${this.uri(bucket, name)} disappeared right after it was written.`);
    return { created: true, info };
  }

  async stat(bucket: string, name: string): Promise<ObjectInfo | undefined> {
    const path = this.#dataPath(bucket, name);
    let st;
    try {
      st = await stat(path, { bigint: true });
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
    if (!st.isFile()) return undefined;
    const sidecar = await this.#sidecar(bucket, name, path);
    const info: ObjectInfo = {
      bucket,
      name,
      size: Number(st.size),
      generation: st.mtimeNs.toString(),
      crc32c: sidecar.crc32c,
      metadata: { ...sidecar.metadata },
      updated: new Date(Number(st.mtimeNs / 1_000_000n)).toISOString(),
    };
    if (sidecar.contentType) info.contentType = sidecar.contentType;
    return info;
  }

  async #sidecar(bucket: string, name: string, dataPath: string): Promise<Sidecar> {
    try {
      return JSON.parse(await readFile(this.#metaPath(bucket, name), 'utf8')) as Sidecar;
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
    // Written by an interrupted writeOnce (or copied in by hand): checksum it now, as GCS would have.
    const crc = new Crc32c();
    for await (const chunk of createReadStream(dataPath)) crc.update(chunk as Buffer);
    return { crc32c: crc.base64(), size: crc.bytes, metadata: {} };
  }

  async read(bucket: string, name: string, range?: { start: number; end?: number }): Promise<Buffer> {
    const path = this.#dataPath(bucket, name);
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      if (isMissing(err)) throw new NotFoundError(`${this.uri(bucket, name)} does not exist.`);
      throw failure('read', this.uri(bucket, name), err);
    }
    try {
      const size = (await handle.stat()).size;
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? size - 1, size - 1);
      if (start >= size || end < start) return Buffer.alloc(0);
      const buffer = Buffer.alloc(end - start + 1);
      let offset = 0;
      while (offset < buffer.length) {
        const { bytesRead } = await handle.read(buffer, offset, buffer.length - offset, start + offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
      }
      return buffer.subarray(0, offset);
    } finally {
      await handle.close();
    }
  }

  readStream(bucket: string, name: string): Readable {
    const path = this.#dataPath(bucket, name);
    const uri = this.uri(bucket, name);
    const crc = new Crc32c();
    const sidecar = this.#sidecar(bucket, name, path).catch(() => undefined);
    // Checks the bytes against the CRC32C recorded at write time, like the GCS client does with x-goog-hash.
    const validate = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        crc.update(chunk);
        callback(null, chunk);
      },
      flush(callback) {
        sidecar.then((meta) => {
          if (meta && meta.crc32c !== crc.base64()) {
            callback(
              new ObjectStoreError(`${uri} is corrupt: its CRC32C is ${crc.base64()} but ${meta.crc32c} was recorded when it was written.`),
            );
          } else callback();
        }, callback);
      },
    });
    const out = new PassThrough();
    pipeline(createReadStream(path), validate, (err) => {
      if (err) out.destroy(isMissing(err) ? new NotFoundError(`${uri} does not exist.`) : failure('read', uri, err));
    }).pipe(out);
    return out;
  }

  async list(bucket: string, prefix: string): Promise<ObjectInfo[]> {
    const bucketDir = this.#bucketDir(bucket);
    // Start at the deepest folder the prefix names, rather than walking the whole bucket.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const names: string[] = [];
    await walk(folder ? join(bucketDir, ...folder.split('/')) : bucketDir, folder, names);
    const matching = names.filter((n) => n.startsWith(prefix)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const infos: Array<ObjectInfo | undefined> = [];
    // A few dozen stats in flight at once: a staging prefix can hold thousands of objects.
    for (let i = 0; i < matching.length; i += 64) {
      infos.push(...(await Promise.all(matching.slice(i, i + 64).map((name) => this.stat(bucket, name)))));
    }
    return infos.filter((info): info is ObjectInfo => info !== undefined);
  }

  async delete(bucket: string, name: string): Promise<void> {
    const path = this.#dataPath(bucket, name);
    for (const file of [path, this.#metaPath(bucket, name)]) {
      try {
        await unlink(file);
      } catch (err) {
        if (!isMissing(err)) throw failure('delete', this.uri(bucket, name), err);
      }
    }
    await pruneEmptyFolders(dirname(path), this.#bucketDir(bucket));
    await pruneEmptyFolders(dirname(this.#metaPath(bucket, name)), join(this.root, META_DIR, bucket));
  }
}

/** Object name → path segments; refuses names a folder cannot hold faithfully (GCS allows them, we do not). */
function segmentsOf(name: string): string[] {
  const segments = name.split('/');
  if (
    name.length === 0 ||
    name.includes('\0') ||
    name.includes('\\') ||
    segments.some((s) => s === '' || s === '.' || s === '..')
  ) {
    throw new Error(
      `"${name}" cannot be stored in the local object store: names must be non-empty, '/'-separated, without empty, '.' or '..' parts.`,
    );
  }
  return segments;
}

async function writeTemp(path: string, source: Buffer | string | Readable): Promise<{ crc32c: string; size: number }> {
  if (typeof source === 'string' || Buffer.isBuffer(source)) {
    const data = typeof source === 'string' ? Buffer.from(source) : source;
    await writeFile(path, data, { flag: 'wx' });
    return { crc32c: crc32cBase64(data), size: data.length };
  }
  // Room for the producer to run ahead of the disk: with the 16 KiB defaults a streamed ingest waited for a
  // write at every chunk, and validating 100 MB into the store took ~2.2 s instead of ~1.2 s.
  const checksum = new Crc32cStream({ writableHighWaterMark: WRITE_BUFFER, readableHighWaterMark: WRITE_BUFFER });
  await pipelineAsync(source, checksum, createWriteStream(path, { flags: 'wx', highWaterMark: WRITE_BUFFER }));
  return { crc32c: checksum.crc32c.base64(), size: checksum.crc32c.bytes };
}

async function walk(dir: string, relative: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw err;
  }
  for (const entry of entries) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(join(dir, entry.name), name, out);
    else if (entry.isFile()) out.push(name);
  }
}

async function pruneEmptyFolders(dir: string, stopAt: string): Promise<void> {
  let current = dir;
  while (current.startsWith(stopAt + sep)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or already gone): stop
    }
    current = dirname(current);
  }
}

/** The GCS store's error shape for local failures; permission problems carry 403 as GCS would answer. */
function failure(action: string, uri: string, err: unknown): Error {
  if (err instanceof ObjectStoreError || err instanceof NotFoundError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  const status = code === 'EACCES' || code === 'EPERM' ? 403 : undefined;
  return new ObjectStoreError(`Failed to ${action} ${uri}: ${(err as Error)?.message ?? String(err)}`, status, { cause: err });
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT';
}
