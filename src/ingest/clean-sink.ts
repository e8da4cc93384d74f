/**
 * Where the validator's clean CSV goes while it is produced (see src/ingest/pipeline.ts):
 *
 * - `streamed`: straight to a temporary object in the bucket, so the upload overlaps validation. The usual case.
 * - `spooled`: to a local file, uploaded after validation only if its sha256 is not staged yet. Used when the
 *   source looks unchanged since it was last staged (source-index.ts), so a rerun uploads nothing.
 * - `discarded`: a dry run stages nothing.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ObjectStore } from '../storage/object-store.js';
import { Crc32cStream } from '../storage/crc32c.js';
import { cleanObjectOptions } from './stage.js';
import { UploadBlocks } from './upload-blocks.js';

export type CleanCopy = 'streamed' | 'spooled' | 'discarded';

export interface CleanSink {
  kind: CleanCopy;
  stream: Writable;
  /** Settles when every byte is stored: in the temporary object, on disk, or discarded. */
  stored: Promise<void>;
  /** Stops the copy (validation failed); resolves once no temporary object can appear any more. */
  abort(reason: Error): Promise<void>;
  /** The upload's own error, when it failed before validation did (the validator then saw only its echo). */
  failedFirst(): Promise<unknown>;
  /** spooled: uploads the file to the temporary object `name`; the others have already put it where it goes. */
  upload(store: ObjectStore, bucket: string, name: string, dataset: string): Promise<void>;
}

/**
 * How much clean output may wait for the upload. The client sends a resumable upload in 8 MiB chunks and
 * reads nothing more while one is in flight; with as much again buffered here, validation goes on meanwhile.
 */
const UPLOAD_BUFFER = 8 * 1024 * 1024;

/** The clean CSV, uploaded to the temporary object `name` while it is produced. */
export function uploadingSink(
  store: ObjectStore,
  bucket: string,
  name: string,
  dataset: string,
  onUploadFailure: (error: Error) => void,
): CleanSink {
  const stream = new UploadBlocks(UPLOAD_BUFFER);
  const written = store.writeOnce(bucket, name, stream, cleanObjectOptions(dataset));
  let aborted = false;
  let failure: unknown;
  // An upload that fails while validation is still writing must stop the validator, or it would wait for the
  // stream to drain forever: the validator's next write fails with the upload's error.
  written.catch((error: unknown) => {
    if (aborted) return;
    failure = error;
    const reason = error instanceof Error ? error : new Error(String(error));
    stream.destroy(reason);
    onUploadFailure(reason);
  });
  return {
    kind: 'streamed',
    stream,
    stored: written.then(() => undefined),
    async failedFirst() {
      // The client destroys the stream it reads from when its upload fails, which can reach the validator
      // before the upload's own (more telling) rejection does.
      if (failure === undefined && !aborted && stream.destroyed) await written.catch(() => undefined);
      return failure;
    },
    async abort(reason) {
      aborted = true;
      stream.destroy(reason);
      // An unfinished upload creates nothing; should this one have finished after all, its object goes.
      const completed = await written.then(
        () => true,
        () => false,
      );
      if (completed) await store.delete(bucket, name).catch(() => undefined);
    },
    upload: async () => undefined,
  };
}

/**
 * How much clean output may wait for the disk. With the default 16 KiB the validator stopped at every input
 * chunk to wait for the write to finish: 100 MB took 1.65 s to validate into a file against 0.72 s with 8 MiB
 * (2, 4 and 8 MiB measured the same).
 */
const SPOOL_BUFFER = 4 * 1024 * 1024;

/** The clean CSV in a local file, its CRC32C computed on the way so the upload can declare it. */
export function spoolingSink(path: string): CleanSink {
  // The checksum is taken synchronously on the way through, so only the file needs room to fall behind.
  const stream = new Crc32cStream({ writableHighWaterMark: SPOOL_BUFFER, readableHighWaterMark: 64 * 1024 });
  const stored = pipeline(stream, createWriteStream(path, { highWaterMark: SPOOL_BUFFER }));
  return {
    kind: 'spooled',
    stream,
    stored,
    abort: async (reason) => {
      stream.destroy(reason);
      await stored.catch(() => undefined);
    },
    failedFirst: async () => undefined,
    async upload(store, bucket, name, dataset) {
      // Declared, GCS refuses bytes that differ from what was validated, and no object is created.
      const options = { ...cleanObjectOptions(dataset), crc32c: stream.crc32c.base64() };
      // Default 64 KiB reads: 1 MiB ones were no faster and left ~75 MB more of dead buffers awaiting GC on a 1 GB upload.
      await store.writeOnce(bucket, name, createReadStream(path), options);
    },
  };
}

/** A dry run stages nothing, so its clean output is only counted, never written. */
export function discardingSink(): CleanSink {
  const stream = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  return {
    kind: 'discarded',
    stream,
    stored: finished(stream),
    abort: async (reason) => void stream.destroy(reason),
    failedFirst: async () => undefined,
    upload: async () => undefined,
  };
}
