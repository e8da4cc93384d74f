/**
 * The validator's clean output, regrouped into 1 MiB blocks for the upload. The validator hands on clean rows as
 * views of its input (a few KB each, between the rows it had to rewrite), which suits a file (one writev per
 * batch) but not the storage client: it writes every buffer it is given to the socket on its own, and 100 MB of
 * the bench file became ~61,000 socket writes of ~1.7 KB, a third of the ingest's CPU. Copying into blocks costs
 * one memcpy per byte.
 */
import { Transform, type TransformCallback } from 'node:stream';

export const UPLOAD_BLOCK_BYTES = 1024 * 1024;

export class UploadBlocks extends Transform {
  #block = Buffer.allocUnsafe(UPLOAD_BLOCK_BYTES);
  #used = 0;

  constructor(bufferBytes: number) {
    super({ writableHighWaterMark: bufferBytes, readableHighWaterMark: bufferBytes });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let from = 0;
    while (from < chunk.length) {
      const n = Math.min(chunk.length - from, UPLOAD_BLOCK_BYTES - this.#used);
      chunk.copy(this.#block, this.#used, from, from + n);
      this.#used += n;
      from += n;
      if (this.#used === UPLOAD_BLOCK_BYTES) {
        this.push(this.#block);
        this.#block = Buffer.allocUnsafe(UPLOAD_BLOCK_BYTES);
        this.#used = 0;
      }
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.#used > 0) this.push(this.#block.subarray(0, this.#used));
    callback();
  }
}
