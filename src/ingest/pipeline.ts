/**
 * One ingest, the same for every entry point (action, CLI, service):
 *
 *   fetch (stream) → validate (stream; sha256 of the raw bytes) ─┬→ clean CSV uploaded as it is produced, to a
 *                                                                │  temporary object (tmp/ingest/…)
 *                                                                └→ quarantine to a temp file
 *     → stage (copy into place, write-once, content-addressed) → load (deterministic job id) → report
 *
 * The upload runs alongside validation rather than after it, so an ingest takes about as long as the slower
 * of the two instead of their sum, and needs no local disk for the clean copy. The exception is a source that
 * answers with the validators of a run that staged content: a rerun would upload it all again only to find it
 * staged, so the copy goes to disk and is uploaded only if its sha256 is new (clean-sink.ts, source-index.ts).
 *
 * Nothing is staged until the whole source has been read and validated: a truncated download, a source error
 * or too many bad rows abort the upload before it completes (GCS creates no object for an unfinished resumable
 * upload), and the temporary object of a finished one never becomes a staged object (stage deletes it).
 * Everything after that is idempotent: a rerun or a concurrent duplicate finds the staged content by sha256 and
 * adopts the existing load job.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { DatasetSpec, LoadPath } from './dataset.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { DataflowLauncher } from './dataflow.js';
import type { IngestProgress } from './progress.js';
import { openSource, type FetchOptions } from './fetch.js';
import { validateCsv } from './validate.js';
import { findStaged, incomingName, stageContent } from './stage.js';
import { discardingSink, spoolingSink, uploadingSink } from './clean-sink.js';
import { lastStagedFrom, recordStagedFrom, sourceFingerprint } from './source-index.js';
import { loadIntoWarehouse, loadWithDataflow, type LoadSummary } from './load.js';
import {
  describeProblems,
  displayUrl,
  ingestFailed,
  ingestSucceeded,
  stageCompleted,
  type IngestReport,
  type Logger,
  type StageName,
} from './report.js';
import { UserError } from '../errors.js';

export const DEFAULT_FETCH: FetchOptions = {
  allowHttp: false,
  allowPrivateAddresses: false,
  maxBytes: 10 * 1024 ** 3,
  timeoutMs: 5 * 60_000,
  retries: 4,
};

export interface IngestOptions {
  dataset: DatasetSpec;
  /** Required unless dryRun. */
  store?: ObjectStore;
  bucket?: string;
  /** Required for load: bigquery (BigQuery) — and for the local target (DuckDB). */
  warehouse?: Warehouse;
  /** For load: dataflow. Undefined leaves the staged object to the scheduled Dataflow job. */
  dataflow?: DataflowLauncher;
  projectId?: string;
  fetch: FetchOptions;
  /** Replaces the catalog's source URL (the `source` input). */
  sourceOverride?: string;
  /** Replaces the catalog's load path (the `load` input). */
  loadOverride?: LoadPath;
  dryRun: boolean;
  clock?: () => Date;
  log: Logger;
  /** Folder for the clean and quarantine temp files (removed afterwards). */
  tmpDir: string;
  /** Added to every log line's labels (environment, trigger). */
  labels?: Record<string, string>;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * The largest clean copy kept in tmpDir for a source that looks unchanged (see below); larger ones are
   * uploaded while validating, as new content is. Unlimited by default; the Cloud Run service sets one, since
   * its /tmp is memory.
   */
  spoolLimitBytes?: number;
}

/** A gzip source's clean copy is taken as up to this many times its download, when judged against spoolLimitBytes. */
const GZIP_EXPANSION_ESTIMATE = 10;

/**
 * Whether the clean copy of a source of `contentLength` bytes fits the spool limit (unknown length: no). A gzip
 * source (declared, or `auto` with a .gz name) is judged by an estimate of what it expands to.
 */
function fitsSpool(contentLength: number | undefined, dataset: DatasetSpec, url: string, limit: number | undefined): boolean {
  if (limit === undefined) return true;
  if (contentLength === undefined) return false;
  const { compression } = dataset.source;
  const gzip = compression === 'gzip' || (compression === 'auto' && /\.gz(ip)?(\?|#|$)/i.test(url));
  return contentLength * (gzip ? GZIP_EXPANSION_ESTIMATE : 1) <= limit;
}

async function closeFile(stream: Writable): Promise<void> {
  if (!stream.writableEnded) stream.end();
  await finished(stream);
}

export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const { dataset, log } = options;
  const clock = options.clock ?? (() => new Date());
  const extraLabels = options.labels ?? {};
  const loadPath = options.loadOverride ?? dataset.load;
  const started = performance.now();
  const durations: Partial<Record<StageName, number>> = {};
  let current: StageName = 'fetch';
  let sourceFailed = false;

  if (!options.dryRun) {
    if (!options.store || !options.bucket) throw new Error('runIngest needs a store and a bucket unless it is a dry run.');
    if (loadPath === 'bigquery' && !options.warehouse) throw new Error('runIngest needs a warehouse for load: bigquery.');
  }

  const work = await mkdtemp(join(options.tmpDir, `ingest-${dataset.name}-`));
  try {
    // fetch + validate: one stream, two timings.
    const url = options.sourceOverride ?? dataset.source.url;
    const opened = await openSource(url, options.fetch);
    // Listening for 'end'/'error' does not change the stream's flow: they mark when the last source byte
    // arrived, and whether a failure was the download's (truncated, reset) rather than the validator's.
    let fetchEnded = 0;
    opened.stream.once('end', () => (fetchEnded = performance.now()));
    opened.stream.once('error', () => (sourceFailed = true));
    const totalBytes = opened.contentLength;

    const quarantineFile = join(work, 'quarantine.jsonl');
    const store = options.store as ObjectStore;
    const bucket = options.bucket as string;
    const incoming = incomingName(dataset.name);
    const fingerprint = options.dryRun
      ? undefined
      : sourceFingerprint({ url: displayUrl(url), etag: opened.etag, lastModified: opened.lastModified, contentLength: totalBytes });
    const stagedBefore = fingerprint ? await lastStagedFrom(store, bucket, dataset.name, fingerprint) : undefined;
    const cleanSink = options.dryRun
      ? discardingSink()
      : stagedBefore && fitsSpool(totalBytes, dataset, opened.finalUrl ?? url, options.spoolLimitBytes)
        ? spoolingSink(join(work, 'clean.csv'))
        : // A failed upload ends the download too: the validator may be waiting for the source rather than
          // writing, and would only notice at its next write.
          uploadingSink(store, bucket, incoming, dataset.name, (error) => opened.stream.destroy(error));
    // Awaited below once validation is over; until then a failed upload must not count as unhandled.
    cleanSink.stored.catch(() => undefined);
    const quarantine = createWriteStream(quarantineFile);
    let validated: Awaited<ReturnType<typeof validateCsv>>;
    try {
      current = 'validate';
      validated = await validateCsv(opened.stream, dataset, { clean: cleanSink.stream, quarantine }, {
        ...(options.onProgress ? { onProgress: (bytes: number) => options.onProgress?.({ bytes, ...(totalBytes ? { totalBytes } : {}) }) } : {}),
      });
    } catch (error) {
      const uploadError = await cleanSink.failedFirst();
      await Promise.allSettled([cleanSink.abort(error instanceof Error ? error : new Error(String(error))), closeFile(quarantine)]);
      if (uploadError === undefined) throw error;
      current = 'stage';
      throw uploadError;
    }
    await closeFile(quarantine);
    const validatedAt = performance.now();
    durations.fetch = (fetchEnded || validatedAt) - started;
    durations.validate = validatedAt - started;
    const source = displayUrl(opened.finalUrl ?? url);
    log(stageCompleted(dataset.name, 'fetch', durations.fetch, { bytes: validated.bytes, source }, extraLabels));
    log(
      stageCompleted(
        dataset.name,
        'validate',
        durations.validate,
        { rows: validated.rows, bad_rows: validated.badRows, bytes: validated.bytes, sha256: validated.sha256 },
        extraLabels,
      ),
    );

    const report: IngestReport = {
      dataset: dataset.name,
      dryRun: options.dryRun,
      source,
      sha256: validated.sha256,
      rows: validated.rows,
      badRows: validated.badRows,
      bytes: validated.bytes,
      stagedNow: false,
      load: { path: loadPath, outcome: 'skipped' },
      durationsMs: durations,
      firstProblems: describeProblems(validated.firstProblems ?? []),
    };
    if (options.dryRun) {
      log(ingestSucceeded(report, performance.now() - started, extraLabels));
      return report;
    }
    current = 'stage';
    // A streamed upload ran alongside validation: the stage's time is what staging adds after validation ends
    // (the rest of the upload, the copy into place, manifest and index).
    const stageStarted = validatedAt;
    await cleanSink.stored;
    // A spooled copy is uploaded only when its content is new (the source's hint was wrong).
    const alreadyStaged = cleanSink.kind === 'spooled' ? await findStaged(store, bucket, dataset.name, validated.sha256) : undefined;
    if (!alreadyStaged) await cleanSink.upload(store, bucket, incoming, dataset.name);
    const hasQuarantine = validated.badRows > 0 && (await stat(quarantineFile)).size > 0;
    const staged = alreadyStaged ?? await stageContent({
      store,
      bucket,
      dataset,
      sha256: validated.sha256,
      incoming,
      ...(hasQuarantine ? { quarantineFile } : {}),
      source: {
        url: source,
        ...(opened.etag ? { etag: opened.etag } : {}),
        ...(opened.lastModified ? { lastModified: opened.lastModified } : {}),
      },
      counts: { rows: validated.rows, badRows: validated.badRows, bytes: validated.bytes },
      now: clock(),
    });
    if (fingerprint && stagedBefore !== validated.sha256) {
      // Best effort: without it the next run of this source uploads while validating, as this one did.
      await recordStagedFrom(store, bucket, dataset.name, fingerprint, validated.sha256).catch(() => undefined);
    }
    durations.stage = performance.now() - stageStarted;
    Object.assign(report, {
      stagedNow: staged.created,
      objectUri: staged.objectUri,
      manifestUri: staged.manifestUri,
      firstSeen: staged.firstSeen,
      ...(staged.quarantineUri ? { quarantineUri: staged.quarantineUri } : {}),
    });
    log(
      stageCompleted(
        dataset.name,
        'stage',
        durations.stage,
        {
          bytes: validated.bytes,
          object_uri: staged.objectUri,
          created: staged.created,
          first_seen: staged.firstSeen,
          // How the clean copy travelled: uploaded while validating, or kept on disk (an unchanged-looking source).
          clean_copy: cleanSink.kind,
        },
        extraLabels,
      ),
    );

    if (loadPath !== 'none') {
      current = 'load';
      const loadStarted = performance.now();
      let loaded: LoadSummary;
      if (loadPath === 'dataflow') {
        if (dataset.writeMode === 'replace') {
          log({
            severity: 'WARNING',
            message: `ingest ${dataset.name}: the GCS_CSV_to_BigQuery template always appends; write-mode replace is not applied on the dataflow path`,
            event: 'ingest_warning',
            stage: 'load',
            dataset: dataset.name,
            'logging.googleapis.com/labels': { ...extraLabels, dataset: dataset.name, stage: 'load' },
          });
        }
        loaded = await loadWithDataflow({
          store,
          dataset,
          staged,
          sha256: validated.sha256,
          ...(options.dataflow ? { launcher: options.dataflow } : {}),
          ...(options.projectId ? { projectId: options.projectId } : {}),
          now: clock(),
        });
      } else {
        loaded = await loadIntoWarehouse({
          warehouse: options.warehouse as Warehouse,
          dataset,
          staged,
          sha256: validated.sha256,
          labels: extraLabels,
        });
      }
      durations.load = performance.now() - loadStarted;
      report.load = {
        path: loadPath,
        outcome: loaded.outcome,
        ...(loaded.jobId ? { jobId: loaded.jobId } : {}),
        ...(loaded.attempt ? { attempt: loaded.attempt } : {}),
        ...(loaded.table ? { table: loaded.table } : {}),
      };
      if (loaded.rowsLoaded !== undefined) report.rowsLoaded = loaded.rowsLoaded;
      log(
        stageCompleted(
          dataset.name,
          'load',
          durations.load,
          {
            rows: validated.rows,
            bad_rows: validated.badRows,
            load_path: loadPath,
            outcome: loaded.outcome,
            job_id: loaded.jobId ?? null,
            table: loaded.table ?? null,
            rows_loaded: loaded.rowsLoaded ?? null,
          },
          extraLabels,
        ),
      );
    }
    log(ingestSucceeded(report, performance.now() - started, extraLabels));
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (current === 'validate' && sourceFailed) current = 'fetch';
    log(ingestFailed(dataset.name, current, message, performance.now() - started, extraLabels));
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The error an entry point shows when a dataset is missing a collaborator it needs. */
export function missingFor(what: string, dataset: string, hint: string): UserError {
  return new UserError(`Dataset "${dataset}" needs ${what}: ${hint}`);
}
