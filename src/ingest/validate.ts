import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { UserError } from '../errors.js';
import type { DatasetSpec } from './dataset.js';
import { coalesce, gunzipStage, utf8Stage } from './csv/decode.js';
import { checkHeader } from './csv/header.js';
import type { RecordView } from './csv/record.js';
import { CsvScanner } from './csv/scanner.js';
import { CsvBatchWriter } from './csv/writer.js';
import type { ColumnType } from './dataset.js';
import {
  TYPE_EXPECTATIONS,
  isBoolean,
  isDate,
  isDatetime,
  isFloat,
  isInteger,
  isNumeric,
  isTimestamp,
  scanBoolean,
  scanDate,
  scanDatetime,
  scanFloat,
  scanInteger,
  scanNumeric,
  scanTimestamp,
} from './values.js';

export interface ValidationReport {
  /** Good data rows (written to `clean`). */
  rows: number;
  badRows: number;
  /** Raw bytes read from the input (before gunzip and decoding). */
  bytes: number;
  /** Hex sha256 of the raw input bytes: the content's identity for staging. */
  sha256: string;
  /** The first ten problems, in file order. */
  firstProblems: { line: number; reason: string }[];
  /** The header fields as the file spells them; empty when the dialect has no header. */
  header: string[];
}

export interface ValidationSinks {
  /** UTF-8, comma-delimited, '"'-quoted CSV with a header row of the schema's names; good rows only. */
  clean: Writable;
  /** JSON lines `{"line": …, "reason": …, "raw": …}`, one per bad row. */
  quarantine: Writable;
}

const FIRST_PROBLEMS = 10;
const PARSE_CHUNK_BYTES = 256 * 1024;
const REASONS_IN_ERROR = 5;
const LF = 10;
const COMMA = 44;

/**
 * Streams a CSV source through gunzip, decoding, parsing and type checks, writing good rows in canonical form to
 * `clean` and bad rows to `quarantine`. Both sinks are ended when validation succeeds (and must be consumed
 * concurrently: their backpressure is respected). Throws a UserError when the header does not match the schema,
 * or as soon as there are more bad rows than `dataset.maxBadRows` (nothing should be staged then).
 */
export async function validateCsv(
  input: Readable,
  dataset: DatasetSpec,
  sinks: ValidationSinks,
  options: { onProgress?: (bytes: number) => void } = {},
): Promise<ValidationReport> {
  const hash = createHash('sha256');
  let bytes = 0;
  const rows = new RowValidator(dataset, new CsvBatchWriter(sinks.clean), new CsvBatchWriter(sinks.quarantine));
  const scanner = new CsvScanner(
    {
      delimiter: dataset.csv.delimiter.charCodeAt(0),
      quote: dataset.csv.quote.charCodeAt(0),
      checkUtf8: dataset.csv.encoding === 'utf-8',
    },
    (record) => rows.check(record, scanner.invalidUtf8),
    (buf, start, end, next) => rows.checkPlainLine(buf, start, end, next),
  );

  // Async generators chained by hand: errors and early exits (a thrown UserError) travel through every stage,
  // and returning from the loop ends the input stream's iterator, which destroys it.
  async function* hashRawBytes(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      hash.update(chunk);
      bytes += chunk.length;
      options.onProgress?.(bytes);
      yield chunk;
    }
  }
  const decoded = utf8Stage(dataset.csv.encoding)(gunzipStage(dataset.source.compression)(hashRawBytes(input)));
  for await (const chunk of coalesce(decoded, PARSE_CHUNK_BYTES)) {
    scanner.push(chunk);
    await rows.drain();
  }
  scanner.end();
  rows.finishInput();
  await rows.finish();

  return {
    rows: rows.good,
    badRows: rows.bad,
    bytes,
    sha256: hash.digest('hex'),
    firstProblems: rows.problems,
    header: rows.header,
  };
}

const TYPE_CODES: ColumnType[] = ['STRING', 'INTEGER', 'FLOAT', 'NUMERIC', 'BOOLEAN', 'DATE', 'DATETIME', 'TIMESTAMP'];
const STRING = 0;

/** A switch of direct calls, not an array of checks: one call site per type lets V8 inline each of them. */
function checkValue(type: number, buf: Buffer, start: number, end: number): boolean {
  switch (type) {
    case 1:
      return isInteger(buf, start, end);
    case 2:
      return isFloat(buf, start, end);
    case 3:
      return isNumeric(buf, start, end);
    case 4:
      return isBoolean(buf, start, end);
    case 5:
      return isDate(buf, start, end);
    case 6:
      return isDatetime(buf, start, end);
    case 7:
      return isTimestamp(buf, start, end);
    default:
      return true;
  }
}

/** Where a value of the type starting at `start` stops (see ValueScan); STRING runs to the next delimiter. */
function scanValue(type: number, buf: Buffer, start: number, limit: number, delimiter: number): number {
  switch (type) {
    case 1:
      return scanInteger(buf, start, limit);
    case 2:
      return scanFloat(buf, start, limit);
    case 3:
      return scanNumeric(buf, start, limit);
    case 4:
      return scanBoolean(buf, start, limit);
    case 5:
      return scanDate(buf, start, limit);
    case 6:
      return scanDatetime(buf, start, limit);
    case 7:
      return scanTimestamp(buf, start, limit);
    default: {
      let i = start;
      while (i < limit && buf[i] !== delimiter) i++;
      return i;
    }
  }
}

/** Per-record decisions: header check, field count, types, REQUIRED; routes the record to clean or quarantine. */
class RowValidator {
  good = 0;
  bad = 0;
  readonly problems: { line: number; reason: string }[] = [];
  header: string[] = [];
  private headerPending: boolean;
  private readonly width: number;
  private readonly types: Uint8Array;
  private readonly required: boolean[];
  private readonly commaDelimited: boolean;
  private readonly doubleQuote: boolean;

  constructor(
    private readonly dataset: DatasetSpec,
    private readonly clean: CsvBatchWriter,
    private readonly quarantine: CsvBatchWriter,
  ) {
    this.headerPending = dataset.csv.header;
    this.width = dataset.schema.length;
    this.types = Uint8Array.from(dataset.schema.map((column) => TYPE_CODES.indexOf(column.type)));
    this.required = dataset.schema.map((column) => column.mode === 'REQUIRED');
    this.commaDelimited = dataset.csv.delimiter === ',';
    this.doubleQuote = dataset.csv.quote === '"';
    const headerRow = Buffer.from(`${dataset.schema.map((column) => column.name).join(',')}\n`);
    clean.raw(headerRow, 0, headerRow.length);
  }

  check(record: RecordView, invalidUtf8: boolean): void {
    if (this.headerPending) {
      this.headerPending = false;
      this.header = record.texts().map((name) => name.trim());
      checkHeader(this.header, this.dataset);
      return;
    }
    const reason = invalidUtf8 ? 'the row is not valid UTF-8' : this.problemOf(record);
    if (reason === undefined) this.writeClean(record);
    else this.reject(record, reason);
  }

  /**
   * The fused fast path for a plain line: walks the columns, letting each type's scanner find where its value
   * stops, and expects a delimiter there (the line's end after the last column). Any surprise — a bad value,
   * a wrong field count, NaN — returns false and the line takes the general path, which names the problem.
   */
  checkPlainLine(buf: Buffer, start: number, end: number, next: number): boolean {
    if (this.headerPending || !this.commaDelimited) return false;
    const last = this.width - 1;
    let p = start;
    for (let c = 0; c <= last; c++) {
      let stop: number;
      if (p === end || buf[p] === COMMA) {
        if (this.required[c]) return false;
        stop = p;
      } else {
        stop = scanValue(this.types[c] as number, buf, p, end, COMMA);
        if (stop < 0) return false;
      }
      if (c === last) {
        if (stop !== end) return false;
      } else {
        if (stop >= end || buf[stop] !== COMMA) return false;
        p = stop + 1;
      }
    }
    this.good++;
    if (next === end + 1 && buf[end] === LF) {
      this.clean.verbatim(buf, start, next);
    } else {
      this.clean.raw(buf, start, end);
      this.clean.byte(LF);
    }
    return true;
  }

  /** Called at the end of the input: an empty file has no header to check. */
  finishInput(): void {
    if (this.headerPending) {
      throw new UserError(`${this.dataset.name}: the source is empty; expected a header row.`);
    }
  }

  async drain(): Promise<void> {
    await this.clean.drain();
    await this.quarantine.drain();
  }

  async finish(): Promise<void> {
    await this.clean.finish();
    await this.quarantine.finish();
  }

  private problemOf(r: RecordView): string | undefined {
    if (r.malformed !== undefined) return r.malformed;
    if (r.count !== this.width) return `expected ${this.width} fields, found ${r.count}`;
    const buf = r.buf;
    for (let c = 0; c < this.width; c++) {
      const start = r.starts[c] as number;
      const end = r.ends[c] as number;
      const type = this.types[c] as number;
      if (start === end) {
        // A quoted "" in a STRING column is the empty string, not NULL (BigQuery loads it as ''), so it fills a
        // REQUIRED column; any other empty field is NULL.
        if (this.required[c] && !(type === STRING && r.quoted[c] === 1)) {
          return `${this.dataset.schema[c]?.name} is REQUIRED but empty`;
        }
        continue;
      }
      if (type === STRING) continue;
      if (r.irregular && r.quoted[c] === 1) {
        const value = r.bytes(c);
        if (checkValue(type, value, 0, value.length)) continue;
      } else if (checkValue(type, buf, start, end)) {
        continue;
      }
      const column = this.dataset.schema[c];
      const shown = JSON.stringify(r.text(c).slice(0, 80));
      return column === undefined ? 'bad value' : `${column.name}: ${shown} is not ${TYPE_EXPECTATIONS[column.type]}`;
    }
    return undefined;
  }

  private writeClean(r: RecordView): void {
    this.good++;
    const clean = this.clean;
    if (!r.irregular && this.commaDelimited) {
      if (r.next === r.end + 1 && r.buf[r.end] === LF) {
        clean.verbatim(r.buf, r.start, r.next);
        return;
      }
      clean.raw(r.buf, r.start, r.end);
    } else {
      for (let c = 0; c < r.count; c++) {
        if (c > 0) clean.byte(COMMA);
        const start = r.starts[c] as number;
        const end = r.ends[c] as number;
        if (start === end) {
          // The clean copy must keep NULL and '' apart, as loaders read them: an empty unquoted field is NULL, and
          // "" is the empty string only in a STRING column (in any other type it is NULL, and "" would not load).
          if (r.quoted[c] === 1 && this.types[c] === STRING) clean.emptyString();
          continue;
        }
        if (!clean.fieldRange(r.buf, start, end, r.quoted[c] === 1, this.doubleQuote)) clean.field(r.bytes(c));
      }
    }
    clean.byte(LF);
  }

  private reject(r: RecordView, reason: string): void {
    this.bad++;
    if (this.problems.length < FIRST_PROBLEMS) this.problems.push({ line: r.line, reason });
    const entry = Buffer.from(`${JSON.stringify({ line: r.line, reason, raw: r.raw() })}\n`);
    this.quarantine.raw(entry, 0, entry.length);
    if (this.bad > this.dataset.maxBadRows) {
      const shown = this.problems
        .slice(0, REASONS_IN_ERROR)
        .map((p) => `line ${p.line}: ${p.reason}`)
        .join('; ');
      throw new UserError(
        `${this.dataset.name}: more than max-bad-rows (${this.dataset.maxBadRows}) bad rows, stopped at line ` +
          `${r.line}. First problems: ${shown}.`,
      );
    }
  }
}
