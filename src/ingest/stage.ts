/**
 * Stage validated content, write-once and by content address:
 *
 *   raw/<dataset>/<yyyy>/<mm>/<dd>/<sha256>.csv                 the clean CSV (UTF-8, header row)
 *   raw/<dataset>/<yyyy>/<mm>/<dd>/<sha256>.quarantine.jsonl    bad rows, when there were any
 *   raw/<dataset>/<yyyy>/<mm>/<dd>/<sha256>.manifest.json       source, counts, schema
 *   raw/<dataset>/by-sha256/<sha256>.json                       the index: where that content lives
 *
 * The clean CSV arrives already uploaded, under a temporary name outside raw/ (incomingName(): it was sent
 * while it was being validated, when its sha256 was not known yet). Staging copies it into place inside the
 * bucket (objects.rewrite: no bytes travel again) and deletes the temporary object, whatever happens; the
 * bucket's lifecycle rule for tmp/ removes any a crashed run leaves behind.
 *
 * The date is the day the content was FIRST seen, so the same content must be found before a path is chosen:
 * that is what the index is for (one read instead of listing every day). The index is written LAST and
 * write-once, which makes it the commit point: whoever sees it can trust everything it names exists, and two
 * concurrent stagers of the same content agree on one winner (the loser gets 412, adopts the winner's paths,
 * and removes anything it created under a different day's path).
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { DatasetSpec } from './dataset.js';
import { NotFoundError, type CopyOptions, type ObjectStore, type WriteOptions, type WriteResult } from '../storage/object-store.js';

export const INDEX_VERSION = 1;

export interface StagedPaths {
  object: string;
  quarantine: string;
  manifest: string;
  /** yyyy-mm-dd */
  firstSeen: string;
}

export interface StagedContent {
  bucket: string;
  /** Object names (inside the bucket). */
  objectName: string;
  manifestName: string;
  quarantineName?: string;
  objectUri: string;
  manifestUri: string;
  quarantineUri?: string;
  firstSeen: string;
  /** true when this call wrote the index (and so owns the staging); false when the content was already staged. */
  created: boolean;
}

export interface StageInput {
  store: ObjectStore;
  bucket: string;
  dataset: DatasetSpec;
  sha256: string;
  /** The clean CSV produced by the validator, uploaded under incomingName(); always deleted by stageContent. */
  incoming: string;
  /** The quarantine file, when there were bad rows. */
  quarantineFile?: string;
  source: { url: string; etag?: string; lastModified?: string };
  counts: { rows: number; badRows: number; bytes: number };
  now: Date;
}

interface IndexEntry {
  version: number;
  sha256: string;
  object: string;
  manifest: string;
  quarantine: string | null;
  first_seen: string;
  staged_at: string;
}

/**
 * Where the clean CSV is uploaded while it is validated: under tmp/, which no load path reads and which the
 * bucket's lifecycle rule empties, and with a random name, so concurrent ingests never share one.
 */
export function incomingName(dataset: string): string {
  return `tmp/ingest/${dataset}/${randomUUID()}.csv`;
}

/** The content type and metadata of the clean CSV, set on the upload and kept by the copy into place. */
export function cleanObjectOptions(dataset: string): CopyOptions {
  return { contentType: 'text/csv; charset=utf-8', metadata: { dataset } };
}

export function indexName(dataset: string, sha256: string): string {
  return `raw/${dataset}/by-sha256/${sha256}.json`;
}

export function stagedPaths(dataset: string, sha256: string, day: Date): StagedPaths {
  const yyyy = String(day.getUTCFullYear());
  const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(day.getUTCDate()).padStart(2, '0');
  const base = `raw/${dataset}/${yyyy}/${mm}/${dd}/${sha256}`;
  return {
    object: `${base}.csv`,
    quarantine: `${base}.quarantine.jsonl`,
    manifest: `${base}.manifest.json`,
    firstSeen: `${yyyy}-${mm}-${dd}`,
  };
}

/** The BigQuery JSON schema form of the catalog schema (what `bq load --schema` and the manifest carry). */
export function bigQuerySchema(dataset: DatasetSpec): { name: string; type: string; mode: string; description?: string }[] {
  return dataset.schema.map((c) => ({
    name: c.name,
    type: c.type,
    mode: c.mode,
    ...(c.description ? { description: c.description } : {}),
  }));
}

function fromIndex(store: ObjectStore, bucket: string, entry: IndexEntry, created: boolean): StagedContent {
  return {
    bucket,
    objectName: entry.object,
    manifestName: entry.manifest,
    ...(entry.quarantine ? { quarantineName: entry.quarantine, quarantineUri: store.uri(bucket, entry.quarantine) } : {}),
    objectUri: store.uri(bucket, entry.object),
    manifestUri: store.uri(bucket, entry.manifest),
    firstSeen: entry.first_seen,
    created,
  };
}

async function readIndex(store: ObjectStore, bucket: string, name: string): Promise<IndexEntry | undefined> {
  let bytes: Buffer;
  try {
    bytes = await store.read(bucket, name);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
  let entry: IndexEntry;
  try {
    entry = JSON.parse(bytes.toString('utf8')) as IndexEntry;
  } catch (error) {
    throw new Error(`The staging index ${store.uri(bucket, name)} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof entry.object !== 'string' || typeof entry.manifest !== 'string') {
    throw new Error(`The staging index ${store.uri(bucket, name)} does not name an object and a manifest.`);
  }
  return entry;
}

/** Where this content was staged before, or undefined. Checks the object is still there. */
export async function findStaged(store: ObjectStore, bucket: string, dataset: string, sha256: string): Promise<StagedContent | undefined> {
  const name = indexName(dataset, sha256);
  const entry = await readIndex(store, bucket, name);
  if (!entry) return undefined;
  if (!(await store.stat(bucket, entry.object))) {
    throw new Error(
      `The staging index ${store.uri(bucket, name)} names ${store.uri(bucket, entry.object)}, which no longer exists ` +
        '(deleted by hand or by a lifecycle rule?). Delete the index object to stage this content again.',
    );
  }
  return fromIndex(store, bucket, entry, false);
}

/**
 * writeOnce, treating "it exists now" after a failed write as not created: the name is content-addressed, so
 * whoever wrote it (a concurrent stager, or our own upload whose answer was lost) wrote the same bytes.
 */
async function writeOnceOrExisting(
  store: ObjectStore,
  bucket: string,
  name: string,
  source: () => Buffer | string | Readable,
  options: WriteOptions,
): Promise<boolean> {
  try {
    return (await store.writeOnce(bucket, name, source(), options)).created;
  } catch (error) {
    if (await store.stat(bucket, name).catch(() => undefined)) return false;
    throw error;
  }
}

/** copyOnce, with the same reading of a failure as writeOnceOrExisting: content-addressed, so existing is as good. */
async function copyOnceOrExisting(
  store: ObjectStore,
  bucket: string,
  from: string,
  to: string,
  options: CopyOptions,
): Promise<WriteResult> {
  try {
    return await store.copyOnce(bucket, from, to, options);
  } catch (error) {
    const info = await store.stat(bucket, to).catch(() => undefined);
    if (info) return { created: false, info };
    throw error;
  }
}

export function manifestFor(input: StageInput, paths: StagedPaths): Record<string, unknown> {
  const { store, bucket } = input;
  return {
    version: INDEX_VERSION,
    dataset: input.dataset.name,
    sha256: input.sha256,
    source: {
      url: input.source.url,
      etag: input.source.etag ?? null,
      last_modified: input.source.lastModified ?? null,
    },
    rows: input.counts.rows,
    bad_rows: input.counts.badRows,
    bytes: input.counts.bytes,
    object: store.uri(bucket, paths.object),
    quarantine: input.quarantineFile ? store.uri(bucket, paths.quarantine) : null,
    format: { type: 'csv', encoding: 'utf-8', delimiter: ',', quote: '"', header: true },
    schema: bigQuerySchema(input.dataset),
    target: input.dataset.target,
    first_seen: paths.firstSeen,
    staged_at: input.now.toISOString(),
  };
}

/**
 * Stage the content unless it is already staged. Returns where it lives; `created` says whether this call
 * committed it. Throws (leaving no index) when any write fails: the next attempt starts over and reuses
 * whatever objects were already written (they are write-once and identical). The incoming object is deleted
 * in every case.
 */
export async function stageContent(input: StageInput): Promise<StagedContent> {
  try {
    return await stageIncoming(input);
  } finally {
    // Best effort: a failure here leaves a temporary object to the tmp/ lifecycle rule, not a staging error.
    await input.store.delete(input.bucket, input.incoming).catch(() => undefined);
  }
}

async function stageIncoming(input: StageInput): Promise<StagedContent> {
  const { store, bucket, dataset, sha256 } = input;
  const existing = await findStaged(store, bucket, dataset.name, sha256);
  if (existing) return existing;

  const paths = stagedPaths(dataset.name, sha256, input.now);
  const written: string[] = [];
  const metadata = { dataset: dataset.name, sha256 };

  const objectOptions = { ...cleanObjectOptions(dataset.name), metadata };
  if ((await copyOnceOrExisting(store, bucket, input.incoming, paths.object, objectOptions)).created) written.push(paths.object);
  const quarantineFile = input.quarantineFile;
  if (quarantineFile) {
    const options = { contentType: 'application/x-ndjson', metadata };
    if (await writeOnceOrExisting(store, bucket, paths.quarantine, () => createReadStream(quarantineFile), options)) written.push(paths.quarantine);
  }
  const manifestText = JSON.stringify(manifestFor(input, paths), null, 2) + '\n';
  if (await writeOnceOrExisting(store, bucket, paths.manifest, () => manifestText, { contentType: 'application/json', metadata })) {
    written.push(paths.manifest);
  }

  const entry: IndexEntry = {
    version: INDEX_VERSION,
    sha256,
    object: paths.object,
    manifest: paths.manifest,
    quarantine: input.quarantineFile ? paths.quarantine : null,
    first_seen: paths.firstSeen,
    staged_at: input.now.toISOString(),
  };
  const name = indexName(dataset.name, sha256);
  const indexText = JSON.stringify(entry, null, 2) + '\n';
  if (await writeOnceOrExisting(store, bucket, name, () => indexText, { contentType: 'application/json', metadata })) {
    return fromIndex(store, bucket, entry, true);
  }

  // A concurrent stager of the same content committed first. Adopt its paths; when it staged under another
  // day (a race across midnight), what this call wrote is an orphan nobody will ever read: remove it if we may.
  // The ingest's identity may not delete under raw/ (write-once staging: it can only create there), and a copy
  // of staged content no index names does no harm, so a refused delete does not fail an ingest that succeeded.
  const winner = await readIndex(store, bucket, name);
  if (!winner) throw new Error(`The staging index ${store.uri(bucket, name)} was reported as existing but cannot be read.`);
  if (winner.object !== paths.object) {
    for (const orphan of written) await store.delete(bucket, orphan).catch(() => undefined);
  }
  return fromIndex(store, bucket, winner, false);
}
