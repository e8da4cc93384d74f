/**
 * A hint that a source has not changed since it was last staged:
 *
 *   raw/<dataset>/by-source/<fingerprint>.json   {"sha256": …}   fingerprint = sha256(url, ETag, Last-Modified, length)
 *
 * The clean CSV is normally uploaded while it is validated, before its sha256 is known, so a rerun of content
 * that is already staged would upload it all again just to find that out. When the source answers with the
 * same validators as a run that staged content, the ingest keeps the clean copy on local disk instead and
 * uploads it only if the sha256 turns out to be new. The sha256 decides in the end: a source that changes its
 * bytes without changing its ETag costs a spooled run, never a wrong result.
 */
import { createHash } from 'node:crypto';
import type { ObjectStore } from '../storage/object-store.js';

export interface SourceValidators {
  /** The source as shown in reports (no credentials, no query). */
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  contentLength?: number | undefined;
}

/** undefined when the source gave neither an ETag nor a Last-Modified: nothing says it is unchanged. */
export function sourceFingerprint(source: SourceValidators): string | undefined {
  if (!source.etag && !source.lastModified) return undefined;
  const parts = [source.url, source.etag ?? '', source.lastModified ?? '', String(source.contentLength ?? '')];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

export function sourceIndexName(dataset: string, fingerprint: string): string {
  return `raw/${dataset}/by-source/${fingerprint}.json`;
}

/** The sha256 last staged from a source with this fingerprint; undefined when unknown or unreadable. */
export async function lastStagedFrom(store: ObjectStore, bucket: string, dataset: string, fingerprint: string): Promise<string | undefined> {
  try {
    const entry = JSON.parse((await store.read(bucket, sourceIndexName(dataset, fingerprint))).toString('utf8')) as { sha256?: unknown };
    return typeof entry.sha256 === 'string' && /^[0-9a-f]{64}$/.test(entry.sha256) ? entry.sha256 : undefined;
  } catch {
    // Absent (the usual case), unreadable or not JSON: no hint, the clean copy is uploaded while validating.
    return undefined;
  }
}

/** Remembers what this source's content was (write-once: the first sha256 seen for a fingerprint stays). */
export async function recordStagedFrom(
  store: ObjectStore,
  bucket: string,
  dataset: string,
  fingerprint: string,
  sha256: string,
): Promise<void> {
  const body = JSON.stringify({ sha256 }) + '\n';
  await store.writeOnce(bucket, sourceIndexName(dataset, fingerprint), body, { contentType: 'application/json', metadata: { dataset, sha256 } });
}
