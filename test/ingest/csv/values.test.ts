import { describe, expect, it } from 'vitest';
import {
  isBoolean,
  isDate,
  isDatetime,
  isFloat,
  isInteger,
  isNumeric,
  isTimestamp,
  scanInteger,
  type ValueCheck,
} from '../../../src/ingest/values.js';

function check(fn: ValueCheck, value: string): boolean {
  const buf = Buffer.from(`${value},tail`);
  return fn(buf, 0, Buffer.byteLength(value));
}

const cases: [string, ValueCheck, string[], string[]][] = [
  [
    'INTEGER',
    isInteger,
    ['0', '-1', '+42', '007', '9223372036854775807', '-9223372036854775808', '0009223372036854775807'],
    ['', '-', '1.0', '1e3', ' 1', '9223372036854775808', '-9223372036854775809', '12a', '١'],
  ],
  [
    'FLOAT',
    isFloat,
    ['0', '-1.5', '.5', '5.', '1e10', '-2.5E-3', 'NaN', '-Infinity', 'inf'],
    ['', '.', 'e5', '1e', '1.2.3', '1,5', 'nanx', '--1'],
  ],
  [
    'NUMERIC',
    isNumeric,
    ['0', '-12.345', '.5', '12345678901234567890123456789.123456789', '000123.1'],
    ['', '.', '1e5', '1.1234567890', '123456789012345678901234567890', 'abc'],
  ],
  ['BOOLEAN', isBoolean, ['true', 'FALSE', 'Yes', 'no', '1', '0'], ['', 't', 'y', '2', 'truee', 'on']],
  ['DATE', isDate, ['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'], ['2023-02-29', '1900-02-29', '202a-01-01', '2024-0a-01', '2024-01-3x', '2024-13-01', '2024-1-01', '2024-01-01T00:00', '0000-01-01']],
  [
    'DATETIME',
    isDatetime,
    ['2024-05-01', '2024-05-01 12:30', '2024-05-01T12:30:59', '2024-05-01T12:30:59.123456'],
    ['2024-05-01T', '2024-05-01t12:30', '2024-05-01T24:00', '2024-05-01 12:60', '2024-05-01T12:30:59.1234567', '2024-05-01T12:30:00Z'],
  ],
  [
    'TIMESTAMP',
    isTimestamp,
    ['2024-05-01T12:30:00Z', '2024-05-01 12:30:00.5+02:00', '2024-05-01T12:30:00-07', '2024-05-01 12:30:00 UTC', '2024-05-01T12:30:00.123456+05:30'],
    [
      '2024-05-01T12:30:00',
      '2024-05-01',
      '2024-05-01T12:30Z', // DuckDB needs the seconds when a zone follows
      '2024-05-01T12:30:00z',
      '2024-05-01 12:30:00 +02:00',
      '2024-05-01T12:30:00-0700',
      '2024-05-01T12:30:00+2',
      '2024-05-01T12:30:00Zx',
      '2024-05-01T12:30:00+15:00',
    ],
  ],
];

describe.each(cases)('%s values', (_type, fn, good, bad) => {
  it.each(good)('accepts %j', (value) => expect(check(fn, value)).toBe(true));
  it.each(bad)('rejects %j', (value) => expect(check(fn, value)).toBe(false));
});

describe('scanners', () => {
  it('stop where the value stops, so the delimiter after it can be found without a second pass', () => {
    const buf = Buffer.from('-0042,x');
    expect(scanInteger(buf, 0, buf.length)).toBe(5);
  });
});

describe('agreement with DuckDB (the local warehouse)', () => {
  const duckTypes: Record<string, string> = {
    INTEGER: 'BIGINT',
    FLOAT: 'DOUBLE',
    NUMERIC: 'DECIMAL(38,9)',
    BOOLEAN: 'BOOLEAN',
    DATE: 'DATE',
    DATETIME: 'TIMESTAMP',
    TIMESTAMP: 'TIMESTAMPTZ',
  };

  it('casts every value the checks accept', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const refused: string[] = [];
    for (const [type, , good] of cases) {
      for (const value of good) {
        const sql = `SELECT TRY_CAST('${value.replaceAll("'", "''")}' AS ${duckTypes[type]}) IS NULL`;
        const rows = (await connection.runAndReadAll(sql)).getRows();
        if (rows[0]?.[0] === true) refused.push(`${type} ${value}`);
      }
    }
    connection.closeSync();
    expect(refused).toEqual([]);
  });
});
