import { CsvScanner } from '../../../src/ingest/csv/scanner.js';

/** Parses a whole buffer with the scanner, fed in chunks of `chunkSize` bytes; records as text arrays. */
export function parseAll(
  input: Buffer,
  options: { chunkSize?: number; delimiter?: string; quote?: string } = {},
): { fields: string[]; line: number; malformed?: string }[] {
  const records: { fields: string[]; line: number; malformed?: string }[] = [];
  const scanner = new CsvScanner(
    { delimiter: (options.delimiter ?? ',').charCodeAt(0), quote: (options.quote ?? '"').charCodeAt(0) },
    (record) =>
      records.push({
        fields: record.texts(),
        line: record.line,
        ...(record.malformed === undefined ? {} : { malformed: record.malformed }),
      }),
  );
  const size = options.chunkSize ?? input.length;
  for (let i = 0; i < input.length; i += size) scanner.push(input.subarray(i, i + size));
  scanner.end();
  return records;
}
