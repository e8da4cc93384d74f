/**
 * Executes a load job's configuration against a CSV object the way BigQuery's CSV loader does: skip leading
 * rows, RFC 4180 quoting, quoted newlines only when allowed, every cell type-checked against the schema,
 * `maxBadRecords` bad rows tolerated. Returns the rows to store, or the errors BigQuery would report.
 */
import { parse } from 'csv-parse/sync';
import { convertCell } from './values.js';

export interface SchemaField {
  name: string;
  type: string;
  mode?: string;
}

export interface LoadOptions {
  skipLeadingRows?: number;
  fieldDelimiter?: string;
  quote?: string;
  encoding?: string;
  maxBadRecords?: number;
  allowQuotedNewlines?: boolean;
  allowJaggedRows?: boolean;
}

export interface LoadError {
  reason: string;
  location?: string;
  message: string;
}

export type StoredRow = (string | null)[];

interface Cell {
  value: string;
  quoted: boolean;
}

export function executeCsvLoad(
  data: Buffer,
  fields: SchemaField[],
  options: LoadOptions,
  uri: string,
): { rows: StoredRow[] } | { errors: LoadError[] } {
  const text = /^iso-8859-1$/i.test(options.encoding ?? '') ? data.toString('latin1') : data.toString('utf8');
  let records: Cell[][];
  let lines: number[];
  try {
    const parsed = parse(text, {
      bom: true,
      delimiter: options.fieldDelimiter ?? ',',
      quote: options.quote ?? '"',
      escape: options.quote ?? '"',
      relax_column_count: true,
      from_line: (options.skipLeadingRows ?? 0) + 1,
      info: true,
      cast: (value, context) => ({ value, quoted: context.quoting }),
    }) as unknown as { record: Cell[]; info: { lines: number } }[];
    records = parsed.map((p) => p.record);
    lines = parsed.map((p) => p.info.lines);
  } catch (err) {
    return { errors: [{ reason: 'invalid', location: uri, message: `Error while reading data, error message: ${(err as Error).message}` }] };
  }

  const rows: StoredRow[] = [];
  const errors: LoadError[] = [];
  records.forEach((record, i) => {
    const problem = checkRecord(record, fields, options);
    if (typeof problem === 'string') {
      errors.push({ reason: 'invalid', location: `${uri} line ${lines[i]}`, message: `Error while reading data, error message: ${problem}` });
    } else {
      rows.push(problem);
    }
  });
  if (errors.length > (options.maxBadRecords ?? 0)) {
    return {
      errors: [
        {
          reason: 'invalid',
          location: uri,
          message: `Error while reading data, error message: CSV table encountered too many errors, giving up. Rows: ${records.length}; errors: ${errors.length}. Please look into the errors[] collection for more details.`,
        },
        ...errors.slice(0, 5),
      ],
    };
  }
  return { rows };
}

function checkRecord(record: Cell[], fields: SchemaField[], options: LoadOptions): StoredRow | string {
  if (record.length > fields.length) return `Too many values in row starting at position: expected ${fields.length}, got ${record.length}`;
  if (record.length < fields.length && !options.allowJaggedRows) return `Too few columns: expected ${fields.length} column(s) but got ${record.length} column(s)`;
  const row: StoredRow = [];
  for (const [i, field] of fields.entries()) {
    const cell = record[i];
    // An empty unquoted cell is NULL; a quoted empty string stays '' for STRING columns.
    const isNull = cell === undefined || (cell.value === '' && (!cell.quoted || field.type.toUpperCase() !== 'STRING'));
    if (cell?.quoted && !options.allowQuotedNewlines && /[\r\n]/.test(cell.value)) {
      return `Error detected while parsing row: quoted newline in field ${field.name} and allowQuotedNewlines is false`;
    }
    if (isNull) {
      if ((field.mode ?? 'NULLABLE').toUpperCase() === 'REQUIRED') return `Required field ${field.name} cannot be null`;
      row.push(null);
      continue;
    }
    const converted = convertCell(field.type, cell.value);
    if (converted instanceof Error) return `${converted.message} for field ${field.name} (position ${i})`;
    row.push(converted);
  }
  return row;
}
