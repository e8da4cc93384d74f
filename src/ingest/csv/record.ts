/**
 * One parsed CSV record as byte ranges into the scanner's buffer. The scanner reuses a single instance for every
 * record (no per-record allocation on the hot path), so a consumer must copy what it keeps before returning.
 */
export class RecordView {
  buf: Buffer = Buffer.alloc(0);
  /** Number of fields in this record. */
  count = 0;
  /** Content of field i is buf[starts[i], ends[i]); for a quoted field that excludes the quotes. */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1 when field i was quoted (its content may contain doubled quotes, delimiters and newlines). */
  quoted = new Uint8Array(64);
  /** Whether any field was quoted or holds a literal quote or a bare CR: such records need field-by-field output. */
  irregular = false;
  /** The record's raw bytes, without its line terminator (for the quarantine file). */
  start = 0;
  end = 0;
  /** Where the next record starts (after this one's line terminator). */
  next = 0;
  /** Physical line (1-based) where the record starts. */
  line = 0;
  /** Set when the quoting is broken (text after a closing quote, an unterminated quote at the end of the input). */
  malformed: string | undefined = undefined;

  constructor(readonly quoteByte: number) {}

  /** Grows the field arrays; called by the scanner before writing field `count` when it would not fit. */
  grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const quoted = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    quoted.set(this.quoted);
    this.starts = starts;
    this.ends = ends;
    this.quoted = quoted;
  }

  /** Field i as bytes with doubled quotes undone (a fresh Buffer only when there was something to undo). */
  bytes(i: number): Buffer {
    const s = this.starts[i] ?? 0;
    const e = this.ends[i] ?? 0;
    const slice = this.buf.subarray(s, e);
    if (this.quoted[i] !== 1 || slice.indexOf(this.quoteByte) === -1) return slice;
    const out = Buffer.allocUnsafe(e - s);
    let n = 0;
    for (let k = s; k < e; k++) {
      const b = this.buf[k] as number;
      out[n++] = b;
      if (b === this.quoteByte) k++; // the second quote of a doubled pair
    }
    return out.subarray(0, n);
  }

  /** Field i decoded as UTF-8 text. */
  text(i: number): string {
    return this.bytes(i).toString('utf8');
  }

  /** All fields as text (tests, header checks; not for the hot path). */
  texts(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.text(i));
    return out;
  }

  /** The raw record text, as it appeared in the (decoded) input. */
  raw(): string {
    return this.buf.toString('utf8', this.start, this.end);
  }
}
