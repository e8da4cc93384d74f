import { once } from 'node:events';
import type { Writable } from 'node:stream';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const BATCH_BYTES = 1024 * 1024;
const SMALL_COPY = 48;
const MIN_BATCH_BYTES = 64 * 1024;
const ZERO_COPY_BYTES = 512;

/**
 * Writes canonical CSV (comma, '"', LF, minimal quoting) into large batches, because one `write()` per row costs
 * more than parsing the row. The producer is synchronous (the scanner calls back per record); `drain()` hands
 * the full batches to the sink and waits for backpressure between input chunks, so memory stays bounded by
 * roughly one input chunk of output.
 */
export class CsvBatchWriter {
  private batch = Buffer.allocUnsafe(BATCH_BYTES);
  private used = 0;
  private readonly full: Buffer[] = [];
  /** A run of consecutive input bytes that is already canonical: copied (or passed on) in one go. */
  private runBuf: Buffer | undefined;
  private runStart = 0;
  private runEnd = 0;

  /** A sink error seen while we were not waiting on the sink (kept, or it would be an uncaught 'error'). */
  private failure: Error | undefined;

  constructor(private readonly sink: Writable) {
    sink.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /**
   * Bytes already in canonical form, typically a whole record with its LF. Consecutive ranges of the same
   * buffer are merged, so a clean file costs a few large copies instead of one per row.
   */
  verbatim(src: Buffer, start: number, end: number): void {
    if (src === this.runBuf && start === this.runEnd) {
      this.runEnd = end;
      return;
    }
    if (this.runBuf !== undefined) this.flushRun();
    this.runBuf = src;
    this.runStart = start;
    this.runEnd = end;
  }

  /** Copies bytes verbatim. */
  raw(src: Buffer, start: number, end: number): void {
    if (this.runBuf !== undefined) this.flushRun();
    const n = end - start;
    if (this.used + n > this.batch.length) this.rotate(n);
    if (n <= SMALL_COPY) {
      // Buffer#copy costs more in argument checks than a short loop costs in total.
      const batch = this.batch;
      let used = this.used;
      for (let i = start; i < end; i++) batch[used++] = src[i] as number;
      this.used = used;
      return;
    }
    src.copy(this.batch, this.used, start, end);
    this.used += n;
  }

  byte(b: number): void {
    if (this.runBuf !== undefined) this.flushRun();
    if (this.used === this.batch.length) this.rotate(1);
    this.batch[this.used++] = b;
  }

  /**
   * A field straight from the input range, without unescaping it first. Works when the content is already in
   * canonical form: a field quoted with '"' keeps its doubled quotes whether or not it is re-quoted. Returns false
   * when the caller must unescape and use field() (another quote character, or a bare quote in an unquoted field).
   */
  fieldRange(src: Buffer, start: number, end: number, quoted: boolean, quoteIsDoubleQuote: boolean): boolean {
    let special = false;
    let hasQuote = false;
    for (let i = start; i < end; i++) {
      const b = src[i];
      if (b === COMMA || b === LF || b === CR) special = true;
      else if (b === QUOTE) hasQuote = true;
    }
    if (hasQuote && !(quoted && quoteIsDoubleQuote)) return false;
    if (!special && !hasQuote) {
      this.raw(src, start, end);
      return true;
    }
    this.byte(QUOTE);
    this.raw(src, start, end);
    this.byte(QUOTE);
    return true;
  }

  /**
   * An empty string as opposed to NULL: `""`. Loaders (BigQuery, DuckDB read_csv) read an empty unquoted field as
   * NULL, so field() and fieldRange() of nothing write NULL.
   */
  emptyString(): void {
    this.byte(QUOTE);
    this.byte(QUOTE);
  }

  /** One field's value, quoted only when it holds a comma, a quote or a line break (nothing at all is NULL). */
  field(value: Buffer): void {
    if (this.runBuf !== undefined) this.flushRun();
    if (!needsQuotes(value)) {
      this.raw(value, 0, value.length);
      return;
    }
    this.byte(QUOTE);
    let from = 0;
    for (let q = value.indexOf(QUOTE); q !== -1; q = value.indexOf(QUOTE, q + 1)) {
      this.raw(value, from, q + 1);
      this.byte(QUOTE);
      from = q + 1;
    }
    this.raw(value, from, value.length);
    this.byte(QUOTE);
  }

  /** Hands every filled batch to the sink, waiting whenever the sink asks for it. */
  async drain(): Promise<void> {
    if (this.runBuf !== undefined) this.flushRun();
    while (this.full.length > 0) {
      if (this.failure) throw this.failure;
      // Corked, the sink receives the queued pieces as one writev where it supports it (files, sockets).
      this.sink.cork();
      let ok = true;
      let written = 0;
      for (; written < this.full.length && ok; written++) ok = this.sink.write(this.full[written]);
      this.full.splice(0, written);
      this.sink.uncork();
      if (!ok) await once(this.sink, 'drain');
    }
    if (this.failure) throw this.failure;
  }

  /** Writes what is left and ends the sink, waiting until it has finished. */
  async finish(): Promise<void> {
    if (this.runBuf !== undefined) this.flushRun();
    if (this.used > 0) this.rotate(0);
    await this.drain();
    if (this.sink.writableFinished) return;
    const finished = once(this.sink, 'finish');
    this.sink.end();
    await finished;
  }

  private flushRun(): void {
    const src = this.runBuf as Buffer;
    this.runBuf = undefined;
    const n = this.runEnd - this.runStart;
    if (n < ZERO_COPY_BYTES) {
      this.raw(src, this.runStart, this.runEnd);
      return;
    }
    // Runs go to the sink as views of the input chunk (never written to), so clean rows are not copied at all:
    // fresh output memory would cost page faults and garbage collection on every megabyte.
    if (this.used > 0) this.rotate(0);
    this.full.push(src.subarray(this.runStart, this.runEnd));
  }

  /** Hands the filled part to the sink queue and continues in the rest of the block (or a fresh one). */
  private rotate(needed: number): void {
    if (this.used > 0) this.full.push(this.batch.subarray(0, this.used));
    const left = this.batch.length - this.used;
    this.batch =
      left >= Math.max(needed, MIN_BATCH_BYTES)
        ? this.batch.subarray(this.used)
        : Buffer.allocUnsafe(Math.max(BATCH_BYTES, needed));
    this.used = 0;
  }
}

function needsQuotes(value: Buffer): boolean {
  for (let i = 0; i < value.length; i++) {
    const b = value[i];
    if (b === COMMA || b === QUOTE || b === LF || b === CR) return true;
  }
  return false;
}
