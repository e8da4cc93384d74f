import type { ColumnType } from './dataset.js';

/**
 * Type checks for CSV values, on byte ranges of UTF-8 buffers so the validator never decodes a good value.
 * Written as charCode loops rather than regular expressions because they run once per cell on the hot path.
 * Each accepts what both warehouses load for the type (BigQuery's CSV reader and DuckDB's casts).
 */
export type ValueCheck = (buf: Buffer, start: number, end: number) => boolean;

/**
 * A scanner reads the longest prefix of buf[start, limit) that the type's grammar allows and returns where it
 * stops, or -1 when that prefix is already invalid (or, for rare spellings like NaN, when it cannot tell without
 * knowing the field's end). A value is valid when the scan stops exactly at its end. The validator's fused path
 * uses the stop position to find the delimiter, so each byte of a typed field is read once.
 */
export type ValueScan = (buf: Buffer, start: number, limit: number) => number;

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const COLON = 58;

const INT64_MAX = '9223372036854775807';
const INT64_MIN_ABS = '9223372036854775808';

function isDigitAt(buf: Buffer, i: number, limit: number): boolean {
  if (i >= limit) return false;
  const b = buf[i] as number;
  return b >= ZERO && b <= NINE;
}

/** Runs of digits from i; returns the index after them. */
function skipDigits(buf: Buffer, i: number, limit: number): number {
  while (i < limit) {
    const b = buf[i] as number;
    if (b < ZERO || b > NINE) break;
    i++;
  }
  return i;
}

/** Optional sign, digits (leading zeros allowed), within the signed 64-bit range. */
export const scanInteger: ValueScan = (buf, start, limit) => {
  let i = start;
  const negative = i < limit && buf[i] === MINUS;
  if (negative || (i < limit && buf[i] === PLUS)) i++;
  const digitsStart = i;
  const end = skipDigits(buf, i, limit);
  if (end === digitsStart) return -1;
  if (end - digitsStart < 19) return end;
  while (i < end - 1 && buf[i] === ZERO) i++; // leading zeros do not count towards the range
  const digits = end - i;
  if (digits < 19) return end;
  if (digits > 19) return -1;
  return buf.toString('latin1', i, end) <= (negative ? INT64_MIN_ABS : INT64_MAX) ? end : -1;
};

/** Decimal or scientific notation (NaN and Infinity are recognised by isFloat only). */
export const scanFloat: ValueScan = (buf, start, limit) => {
  let i = start;
  if (i < limit && (buf[i] === MINUS || buf[i] === PLUS)) i++;
  const intEnd = skipDigits(buf, i, limit);
  let digits = intEnd - i;
  i = intEnd;
  if (i < limit && buf[i] === DOT) {
    const fracEnd = skipDigits(buf, i + 1, limit);
    digits += fracEnd - i - 1;
    i = fracEnd;
  }
  if (digits === 0) return -1;
  if (i < limit && (buf[i] === 101 || buf[i] === 69)) {
    let k = i + 1;
    if (k < limit && (buf[k] === MINUS || buf[k] === PLUS)) k++;
    const expEnd = skipDigits(buf, k, limit);
    if (expEnd === k) return -1;
    i = expEnd;
  }
  return i;
};

const SPECIAL_FLOATS = new Set(['nan', 'inf', 'infinity', '+inf', '-inf', '+infinity', '-infinity']);

/** Decimal or scientific notation, or NaN / Infinity (any case, optional sign). */
export const isFloat: ValueCheck = (buf, start, end) =>
  scanFloat(buf, start, end) === end ||
  (end - start <= 9 && SPECIAL_FLOATS.has(buf.toString('latin1', start, end).toLowerCase()));

/** BigQuery NUMERIC: precision 38, scale 9 — at most 29 integer digits and 9 fraction digits, no exponent. */
export const scanNumeric: ValueScan = (buf, start, limit) => {
  let i = start;
  if (i < limit && (buf[i] === MINUS || buf[i] === PLUS)) i++;
  while (i < limit - 1 && buf[i] === ZERO && isDigitAt(buf, i + 1, limit)) i++;
  const intEnd = skipDigits(buf, i, limit);
  const intDigits = intEnd - i;
  i = intEnd;
  let fracDigits = 0;
  if (i < limit && buf[i] === DOT) {
    const fracEnd = skipDigits(buf, i + 1, limit);
    fracDigits = fracEnd - i - 1;
    i = fracEnd;
  }
  return intDigits + fracDigits > 0 && intDigits <= 29 && fracDigits <= 9 ? i : -1;
};

/** Whether buf[start, end) spells `word` (lower-case ASCII letters), ignoring case. */
function isWord(buf: Buffer, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) {
    if (((buf[start + k] as number) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Whether the byte at i is the lower-case ASCII letter c, in either case. */
function letterAt(buf: Buffer, i: number, c: number): boolean {
  return ((buf[i] as number) | 0x20) === c;
}

/** true/false, 1/0, yes/no in any case. */
export const scanBoolean: ValueScan = (buf, start, limit) => {
  const n = limit - start;
  if (n <= 0) return -1;
  const b0 = (buf[start] as number) | 0x20; // ASCII letters to lower case; '0' and '1' are unchanged by it
  if (b0 === 49 || b0 === ZERO) return start + 1;
  if (b0 === 116) {
    // true
    return n >= 4 && letterAt(buf, start + 1, 114) && letterAt(buf, start + 2, 117) && letterAt(buf, start + 3, 101)
      ? start + 4
      : -1;
  }
  if (b0 === 102) {
    // false
    return n >= 5 &&
      letterAt(buf, start + 1, 97) &&
      letterAt(buf, start + 2, 108) &&
      letterAt(buf, start + 3, 115) &&
      letterAt(buf, start + 4, 101)
      ? start + 5
      : -1;
  }
  if (b0 === 121) return n >= 3 && letterAt(buf, start + 1, 101) && letterAt(buf, start + 2, 115) ? start + 3 : -1; // yes
  if (b0 === 110) return n >= 2 && letterAt(buf, start + 1, 111) ? start + 2 : -1; // no
  return -1;
};

/** The digit at i as a number, or a large negative number when it is not a digit (so sums stay negative). */
function digitAt(buf: Buffer, i: number): number {
  const d = (buf[i] as number) - ZERO;
  return d >= 0 && d <= 9 ? d : -100_000; // outweighs any sum of the other digits
}

/** Two or four digits from i as a number (negative when one is not a digit); the caller checks the bounds. */
function twoDigits(buf: Buffer, i: number): number {
  return digitAt(buf, i) * 10 + digitAt(buf, i + 1);
}

function fourDigits(buf: Buffer, i: number): number {
  return twoDigits(buf, i) * 100 + twoDigits(buf, i + 2);
}

/** n (2 or 4) digits from i as a number, or -1. */
function readDigits(buf: Buffer, i: number, n: 2 | 4, limit: number): number {
  if (i + n > limit) return -1;
  const value = n === 2 ? twoDigits(buf, i) : fourDigits(buf, i);
  return value < 0 ? -1 : value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** YYYY-MM-DD, a real calendar day in 0001..9999. */
export const scanDate: ValueScan = (buf, i, limit) => {
  if (i + 10 > limit) return -1;
  const year = readDigits(buf, i, 4, limit);
  if (year < 1 || buf[i + 4] !== MINUS) return -1;
  const month = readDigits(buf, i + 5, 2, limit);
  if (month < 1 || month > 12 || buf[i + 7] !== MINUS) return -1;
  const day = readDigits(buf, i + 8, 2, limit);
  if (day < 1 || day > daysInMonth(year, month)) return -1;
  return i + 10;
};

/**
 * [T ]HH:MM[:SS[.ffffff]] starting at i (seconds required when `needSeconds`). Only an upper-case T: DuckDB
 * refuses a lower-case one, and a value must load the same into both warehouses.
 */
function scanTime(buf: Buffer, i: number, limit: number, needSeconds: boolean): number {
  if (i >= limit) return -1;
  const sep = buf[i];
  if (sep !== 84 && sep !== 32) return -1; // 'T', ' '
  const hour = readDigits(buf, i + 1, 2, limit);
  if (hour < 0 || hour > 23 || i + 3 >= limit || buf[i + 3] !== COLON) return -1;
  const minute = readDigits(buf, i + 4, 2, limit);
  if (minute < 0 || minute > 59) return -1;
  i += 6;
  if (i >= limit || buf[i] !== COLON) return needSeconds ? -1 : i;
  const second = readDigits(buf, i + 1, 2, limit);
  if (second < 0 || second > 59) return -1;
  i += 3;
  if (i >= limit || buf[i] !== DOT) return i;
  const fracEnd = skipDigits(buf, i + 1, limit);
  const fracDigits = fracEnd - i - 1;
  return fracDigits >= 1 && fracDigits <= 6 ? fracEnd : -1;
}

/**
 * Z, ±HH, ±HH:MM right after the time, or " UTC": the spellings BigQuery and DuckDB both read (DuckDB refuses
 * a space before an offset, a lower-case z and ±HHMM-style offsets without seconds).
 */
function scanZone(buf: Buffer, i: number, limit: number): number {
  if (i >= limit) return -1;
  const b = buf[i];
  if (b === 90) return i + 1; // Z
  if (b === 32 && i + 4 <= limit && isWord(buf, i + 1, i + 4, 'utc')) return i + 4;
  if (b !== PLUS && b !== MINUS) return -1;
  const hours = readDigits(buf, i + 1, 2, limit);
  if (hours < 0 || hours > 14) return -1;
  i += 3;
  if (i >= limit || buf[i] !== COLON) return i;
  const minutes = readDigits(buf, i + 1, 2, limit);
  return minutes >= 0 && minutes <= 59 ? i + 3 : -1;
}

/** A date, optionally followed by a time of day (no zone: a civil date and time). */
export const scanDatetime: ValueScan = (buf, start, limit) => {
  const dateEnd = scanDate(buf, start, limit);
  if (dateEnd < 0 || dateEnd === limit) return dateEnd;
  const sep = buf[dateEnd];
  // A date alone is a valid DATETIME (midnight); a separator followed by a digit must start a valid time.
  if ((sep === 84 || sep === 32) && isDigitAt(buf, dateEnd + 1, limit)) {
    return scanTime(buf, dateEnd, limit, false);
  }
  return dateEnd;
};

/** A date and time with an explicit zone, so the instant does not depend on a session time zone. */
export const scanTimestamp: ValueScan = (buf, start, limit) => {
  const dateEnd = scanDate(buf, start, limit);
  if (dateEnd < 0) return -1;
  const timeEnd = scanTime(buf, dateEnd, limit, true);
  if (timeEnd < 0) return -1;
  return scanZone(buf, timeEnd, limit);
};

export const isInteger: ValueCheck = (buf, start, end) => scanInteger(buf, start, end) === end;
export const isNumeric: ValueCheck = (buf, start, end) => scanNumeric(buf, start, end) === end;
export const isBoolean: ValueCheck = (buf, start, end) => scanBoolean(buf, start, end) === end;
export const isDate: ValueCheck = (buf, start, end) => scanDate(buf, start, end) === end;
export const isDatetime: ValueCheck = (buf, start, end) => scanDatetime(buf, start, end) === end;
export const isTimestamp: ValueCheck = (buf, start, end) => scanTimestamp(buf, start, end) === end;

/** The check for a column type; undefined for STRING (any text is a string). */
export function valueCheckFor(type: ColumnType): ValueCheck | undefined {
  switch (type) {
    case 'STRING':
      return undefined;
    case 'INTEGER':
      return isInteger;
    case 'FLOAT':
      return isFloat;
    case 'NUMERIC':
      return isNumeric;
    case 'BOOLEAN':
      return isBoolean;
    case 'DATE':
      return isDate;
    case 'DATETIME':
      return isDatetime;
    case 'TIMESTAMP':
      return isTimestamp;
  }
}

/** What a value of the type should look like, for bad-row reasons. */
export const TYPE_EXPECTATIONS: Record<ColumnType, string> = {
  STRING: 'text',
  INTEGER: 'a whole number within the 64-bit range',
  FLOAT: 'a number (e.g. 1.5, -2e10, NaN)',
  NUMERIC: 'a decimal with at most 29 integer and 9 fraction digits',
  BOOLEAN: 'true/false, 1/0 or yes/no',
  DATE: 'a date YYYY-MM-DD',
  DATETIME: 'a date and time YYYY-MM-DD[ T]HH:MM[:SS[.ffffff]]',
  TIMESTAMP: 'a date and time with seconds and a zone (Z, ±HH[:MM] or " UTC"), e.g. 2024-05-01T12:00:00Z',
};
