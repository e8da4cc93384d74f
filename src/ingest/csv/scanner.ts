import { isUtf8 } from 'node:buffer';
import { UserError } from '../../errors.js';
import { RecordView } from './record.js';

/**
 * A push CSV parser over UTF-8 Buffers (RFC 4180: quoted fields with delimiters, doubled quotes and embedded
 * newlines; CRLF, LF or CR line ends). It is byte-level on purpose: the maintained parsers we measured decode
 * every field into a string, which caps them far below the ingest's throughput target. Here the common record
 * (no quote, no stray CR) is found with a native `indexOf` for the newline and one tight loop for the delimiter,
 * and nothing is decoded — the consumer gets byte ranges and decodes only what it must.
 *
 * Completely empty lines are skipped (they still count as physical lines). A quote inside an unquoted field is
 * kept as a literal character (real files write inches as 5'10"), and the record is marked `irregular`.
 */

export interface CsvScannerOptions {
  /** Single-byte delimiter and quote (the catalog only admits ASCII for both). */
  delimiter: number;
  quote: number;
  /** Check the bytes are valid UTF-8 and flag records that are not (`invalidUtf8`). */
  checkUtf8?: boolean;
  /** A record longer than this cannot be resynchronised (an unterminated quote, usually): fail the input. */
  maxRecordBytes?: number;
}

export type RecordHandler = (record: RecordView) => void;

/**
 * Offered every plain record (one line, no quote, no stray CR, valid UTF-8) before it is split into fields:
 * returns true when it has handled the line entirely, false to receive it through the record handler instead.
 * This lets the validator check a line in a single pass over its bytes.
 */
export type LineHandler = (buf: Buffer, start: number, end: number, next: number) => boolean;

const LF = 10;
const CR = 13;
const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

export class CsvScanner {
  readonly record: RecordView;
  /** Set on the current record when checkUtf8 is on and its bytes are not valid UTF-8. */
  invalidUtf8 = false;
  private leftover: Buffer | undefined;
  /** 'lf' covers LF and CRLF; 'cr' is for old Mac files; decided by the first line terminator seen. */
  private mode: 'unknown' | 'lf' | 'cr' = 'unknown';
  private line = 1;
  private quotedDirty = false;
  private batchUtf8Ok = true;
  private readonly delimiter: number;
  private readonly quote: number;
  private readonly maxRecordBytes: number;

  constructor(
    private readonly options: CsvScannerOptions,
    private readonly onRecord: RecordHandler,
    private readonly onPlainLine?: LineHandler,
  ) {
    this.delimiter = options.delimiter;
    this.quote = options.quote;
    this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
    this.record = new RecordView(options.quote);
  }

  /** The physical line the next record starts on. */
  get currentLine(): number {
    return this.line;
  }

  push(chunk: Buffer): void {
    const leftover = this.leftover;
    if (leftover !== undefined && this.mode !== 'unknown') {
      // Finish the record cut by the previous chunk from a small joined buffer, then scan the rest of the chunk
      // in place: copying every chunk behind its leftover would copy the whole input once more.
      const nl = chunk.indexOf(this.mode === 'lf' ? LF : CR);
      if (nl !== -1) {
        const joined = Buffer.concat([leftover, chunk.subarray(0, nl + 1)]);
        this.leftover = undefined;
        const consumed = this.scan(joined, false);
        if (consumed === joined.length) {
          this.keep(chunk, this.scan(chunk.subarray(nl + 1), false) + nl + 1);
          return;
        }
        // The record goes on past that line end (a quoted newline): join what is left with the whole rest.
        this.continueWith(Buffer.concat([joined.subarray(consumed), chunk.subarray(nl + 1)]));
        return;
      }
    }
    this.continueWith(leftover === undefined ? chunk : Buffer.concat([leftover, chunk]));
  }

  private continueWith(buf: Buffer): void {
    this.leftover = undefined;
    if (this.mode === 'unknown' && !this.detectMode(buf, false)) {
      this.keep(buf, 0);
      return;
    }
    this.keep(buf, this.scan(buf, false));
  }

  /** Flushes the last record (which may lack a line terminator). */
  end(): void {
    const buf = this.leftover;
    this.leftover = undefined;
    if (buf === undefined || buf.length === 0) return;
    if (this.mode === 'unknown') this.detectMode(buf, true);
    this.scan(buf, true);
  }

  private keep(buf: Buffer, pos: number): void {
    if (pos >= buf.length) return;
    if (buf.length - pos > this.maxRecordBytes) {
      throw new UserError(
        `line ${this.line}: a record is longer than ${this.maxRecordBytes} bytes; is a quoted field left open?`,
      );
    }
    this.leftover = buf.subarray(pos);
  }

  private detectMode(buf: Buffer, final: boolean): boolean {
    const lf = buf.indexOf(LF);
    const cr = buf.indexOf(CR);
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      if (cr + 1 === buf.length && !final) return false;
      this.mode = buf[cr + 1] === LF ? 'lf' : 'cr';
      return true;
    }
    if (lf !== -1 || final) {
      this.mode = 'lf';
      return true;
    }
    return false;
  }

  /** Emits every complete record in buf; returns where the first incomplete one starts. */
  private scan(buf: Buffer, final: boolean): number {
    const len = buf.length;
    const lfMode = this.mode === 'lf';
    const nlByte = lfMode ? LF : CR;
    const delim = this.delimiter;
    const r = this.record;
    r.buf = buf;
    if (this.options.checkUtf8) {
      const checkedEnd = final ? len : buf.lastIndexOf(nlByte) + 1;
      this.batchUtf8Ok = isUtf8(buf.subarray(0, checkedEnd));
    }
    let nl = -1;
    let q = -1;
    let cr = lfMode ? -1 : len; // in CR mode the CR is the terminator, never a stray byte
    let pos = 0;
    while (pos < len) {
      if (nl < pos) {
        nl = buf.indexOf(nlByte, pos);
        if (nl === -1) nl = len;
      }
      if (nl === len && !final) break;
      if (q < pos) {
        q = buf.indexOf(this.quote, pos);
        if (q === -1) q = len;
      }
      let contentEnd = nl;
      if (lfMode && contentEnd > pos && buf[contentEnd - 1] === CR) contentEnd--;
      if (cr < pos) {
        cr = buf.indexOf(CR, pos);
        if (cr === -1) cr = len;
      }
      if (q >= nl && cr >= contentEnd) {
        // Fast path: a record on one line, no quote, no stray CR.
        if (contentEnd === pos) {
          this.line++;
          pos = nl + 1;
          continue;
        }
        this.invalidUtf8 = !this.batchUtf8Ok && !isUtf8(buf.subarray(pos, contentEnd));
        if (!this.invalidUtf8 && this.onPlainLine?.(buf, pos, contentEnd, nl + 1)) {
          this.line++;
          pos = nl + 1;
          continue;
        }
        if (this.quotedDirty) {
          r.quoted.fill(0);
          this.quotedDirty = false;
        }
        let count = 0;
        let fieldStart = pos;
        let starts = r.starts;
        let ends = r.ends;
        for (let i = pos; i < contentEnd; i++) {
          if (buf[i] === delim) {
            if (count + 1 >= starts.length) {
              r.grow();
              starts = r.starts;
              ends = r.ends;
            }
            starts[count] = fieldStart;
            ends[count] = i;
            count++;
            fieldStart = i + 1;
          }
        }
        starts[count] = fieldStart;
        ends[count] = contentEnd;
        r.count = count + 1;
        r.irregular = false;
        r.malformed = undefined;
        r.start = pos;
        r.end = contentEnd;
        r.next = nl + 1;
        r.line = this.line;
        this.onRecord(r);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.slowRecord(buf, pos, final, lfMode, nlByte);
      if (next < 0) break;
      pos = next;
    }
    return pos;
  }

  /**
   * The general state machine, for records with quotes or stray CRs (possibly spanning lines).
   * Returns the position after the record, or -1 when the buffer ends before the record does.
   */
  private slowRecord(buf: Buffer, p: number, final: boolean, lfMode: boolean, nlByte: number): number {
    const len = buf.length;
    const delim = this.delimiter;
    const quote = this.quote;
    const r = this.record;
    let malformed: string | undefined;
    let newlines = 0;
    let count = 0;
    let i = p;
    let recordEnd = p;
    let next = len;
    this.quotedDirty = true;
    for (;;) {
      if (count >= r.starts.length) r.grow();
      if (i < len && buf[i] === quote) {
        const contentStart = i + 1;
        let j = contentStart;
        let close = -1;
        for (;;) {
          const k = buf.indexOf(quote, j);
          if (k === -1) {
            if (!final) return -1;
            break;
          }
          if (k + 1 === len && !final) return -1;
          if (buf[k + 1] === quote) {
            j = k + 2;
            continue;
          }
          close = k;
          break;
        }
        const contentEnd = close === -1 ? len : close;
        for (let k = buf.indexOf(nlByte, contentStart); k !== -1 && k < contentEnd; k = buf.indexOf(nlByte, k + 1)) {
          newlines++;
        }
        r.starts[count] = contentStart;
        r.ends[count] = contentEnd;
        r.quoted[count] = 1;
        count++;
        if (close === -1) {
          malformed ??= 'a quoted field is not closed before the end of the file';
          recordEnd = len;
          next = len;
          break;
        }
        i = close + 1;
        // After the closing quote only a delimiter or a line end may follow; anything else breaks the record.
        let k = i;
        for (; k < len; k++) {
          const b = buf[k];
          if (b === delim || b === nlByte) break;
          if (lfMode && b === CR) {
            if (k + 1 === len && !final) return -1;
            if (k + 1 === len || buf[k + 1] === LF) break;
          }
        }
        if (k === len && !final) return -1;
        if (k > i) malformed ??= `unexpected text after a closing quote in field ${count}`;
        i = k;
      } else {
        const fieldStart = i;
        for (; i < len; i++) {
          const b = buf[i];
          if (b === delim || b === nlByte) break;
        }
        if (i === len && !final) return -1;
        let fieldEnd = i;
        if (lfMode && fieldEnd > fieldStart && buf[fieldEnd - 1] === CR) fieldEnd--;
        r.starts[count] = fieldStart;
        r.ends[count] = fieldEnd;
        r.quoted[count] = 0;
        count++;
        if (i === len || buf[i] === nlByte) {
          recordEnd = fieldEnd;
          next = i === len ? len : i + 1;
          break;
        }
      }
      // i is at a delimiter, a line terminator (LF, CRLF or CR) or the end of the input.
      if (i < len && buf[i] === delim) {
        i++;
        continue;
      }
      recordEnd = i;
      if (i === len) next = len;
      else if (lfMode && buf[i] === CR) next = i + 2 <= len && buf[i + 1] === LF ? i + 2 : i + 1;
      else next = i + 1;
      break;
    }
    r.count = count;
    r.irregular = true;
    r.malformed = malformed;
    r.start = p;
    r.end = recordEnd;
    r.next = next;
    r.line = this.line;
    this.invalidUtf8 = !this.batchUtf8Ok && !isUtf8(buf.subarray(p, recordEnd));
    this.line += 1 + newlines;
    if (!(count === 1 && r.quoted[0] === 0 && recordEnd === p)) this.onRecord(r);
    return next;
  }
}
