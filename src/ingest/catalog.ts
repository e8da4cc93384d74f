import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import { UserError } from '../errors.js';
import type { Catalog, Column, DatasetSpec } from './dataset.js';

/**
 * The dataset catalog (datasets.yaml): parsed with a zod schema of the YAML's own kebab-case shape, checked
 * across fields (unique names, partition and cluster fields that exist), and mapped onto DatasetSpec. Every
 * problem is reported at once, each with its path in the file and its line, so one run fixes the whole file.
 */

const DATASET_NAME = /^[a-z][a-z0-9_]*$/;
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
const BIGQUERY_ID = /^[A-Za-z0-9_]{1,1024}$/;
const COLUMN_TYPES = ['STRING', 'INTEGER', 'FLOAT', 'NUMERIC', 'BOOLEAN', 'DATE', 'DATETIME', 'TIMESTAMP'] as const;
const TIME_TYPES = new Set(['DATE', 'DATETIME', 'TIMESTAMP']);

/** One ASCII character other than a line break: the CSV scanner works on bytes. */
const csvCharacter = (what: string) =>
  z.string().regex(/^[\x20-\x7e\t]$/, {
    error: `${what} must be one printable ASCII character (write a tab as "\\t")`,
  });

const columnSchema = z.strictObject({
  name: z.string().regex(COLUMN_NAME, { error: 'must be a BigQuery column name ([A-Za-z_][A-Za-z0-9_]*)' }),
  type: z.enum(COLUMN_TYPES),
  mode: z.enum(['NULLABLE', 'REQUIRED']).default('NULLABLE'),
  description: z.string().optional(),
  'source-name': z.string().min(1).optional(),
});

const datasetSchema = z.strictObject({
  name: z.string().regex(DATASET_NAME, { error: 'must match [a-z][a-z0-9_]*' }),
  description: z.string().optional(),
  source: z.strictObject({
    url: z.string().min(1, { error: 'must not be empty' }),
    format: z.literal('csv').default('csv'),
    compression: z.enum(['auto', 'none', 'gzip']).default('auto'),
  }),
  csv: z
    .strictObject({
      delimiter: csvCharacter('the delimiter').default(','),
      quote: csvCharacter('the quote').default('"'),
      header: z.boolean().default(true),
      encoding: z.enum(['utf-8', 'latin1', 'utf-16le']).default('utf-8'),
    })
    .default({ delimiter: ',', quote: '"', header: true, encoding: 'utf-8' }),
  schema: z.array(columnSchema).min(1, { error: 'must list at least one column' }),
  target: z.strictObject({
    dataset: z.string().regex(BIGQUERY_ID, { error: 'must be a BigQuery dataset id ([A-Za-z0-9_]+)' }),
    table: z.string().regex(BIGQUERY_ID, { error: 'must be a BigQuery table id ([A-Za-z0-9_]+)' }).optional(),
  }),
  partitioning: z
    .strictObject({
      type: z.enum(['DAY', 'HOUR', 'MONTH', 'YEAR']),
      field: z.string().optional(),
    })
    .optional(),
  clustering: z.array(z.string()).min(1).max(4, { error: 'BigQuery clusters on at most 4 columns' }).optional(),
  'write-mode': z.enum(['append', 'replace']).default('append'),
  load: z.enum(['bigquery', 'dataflow', 'none']).default('bigquery'),
  'max-bad-rows': z.number().int().min(0).default(0),
  'runs-on': z.array(z.enum(['dispatch', 'after-deploy'])).min(1).default(['dispatch']),
});

const catalogSchema = z.strictObject({
  datasets: z.array(datasetSchema).min(1, { error: 'must declare at least one dataset' }),
});

type RawDataset = z.infer<typeof datasetSchema>;
type Path = (string | number)[];

interface Problem {
  path: Path;
  message: string;
}

/** Parses and validates catalog text; `file` names the file in messages. */
export function parseCatalog(text: string, file: string): Catalog {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => `${file}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
    throw new UserError(`${file} is not valid YAML:\n${lines.join('\n')}`);
  }
  const data: unknown = doc.toJS();
  const result = catalogSchema.safeParse(data, { reportInput: true });
  const problems: Problem[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...describeIssue(issue));
  }
  problems.push(...crossCheck(data));
  if (problems.length > 0) {
    const lineOf = (path: Path): string => {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? ` (line ${lineCounter.linePos(node.range[0]).line})` : '';
    };
    const lines = problems.map((p) => `${file}: ${formatPath(p.path)}: ${p.message}${lineOf(p.path)}`);
    throw new UserError(`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
  }
  if (!result.success) throw new Error('unreachable: a failed parse always reports a problem');
  return { file, datasets: result.data.datasets.map(toDatasetSpec) };
}

export async function loadCatalog(path: string): Promise<Catalog> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`catalog ${path} does not exist; pass the path of your datasets.yaml.`);
    }
    throw error;
  }
  return parseCatalog(text, path);
}

export function findDataset(catalog: Catalog, name: string): DatasetSpec {
  const found = catalog.datasets.find((dataset) => dataset.name === name);
  if (found) return found;
  const known = catalog.datasets.map((dataset) => dataset.name).join(', ');
  throw new UserError(`dataset "${name}" is not in ${catalog.file}; it declares: ${known}.`);
}

function formatPath(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(top level)' : out;
}

function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function describeIssue(issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const got = 'input' in issue && issue.input !== undefined ? `; got ${shown(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_value':
      return [{ path, message: `expected one of ${issue.values.map((v) => String(v)).join(', ')}${got}` }];
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) {
        return [{ path, message: `is required (${issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`})` }];
      }
      return [{ path, message: `expected ${issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}${got}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: 'is not a known setting' }));
    case 'too_small':
    case 'too_big':
      return [{ path, message: `${issue.message.replace(/^Too (small|big): /, '')}${got}` }];
    default:
      return [{ path, message: `${issue.message}${got}` }];
  }
}

/** Checks that span fields; tolerant of a malformed shape (zod reports that) so every problem shows at once. */
function crossCheck(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const datasets = asArray(asRecord(data)?.datasets);
  const firstByName = new Map<string, number>();
  datasets.forEach((raw, i) => {
    const dataset = asRecord(raw);
    if (!dataset) return;
    const name = dataset.name;
    if (typeof name === 'string') {
      const first = firstByName.get(name);
      if (first === undefined) firstByName.set(name, i);
      else problems.push({ path: ['datasets', i, 'name'], message: `"${name}" is already used by datasets[${first}]` });
    }
    const columns = new Map<string, string>();
    asArray(dataset.schema).forEach((column, k) => {
      const columnName = asRecord(column)?.name;
      if (typeof columnName !== 'string') return;
      const key = columnName.toLowerCase(); // BigQuery column names are case-insensitive
      if (columns.has(key)) {
        problems.push({ path: ['datasets', i, 'schema', k, 'name'], message: `column "${columnName}" is declared twice` });
      }
      columns.set(key, String(asRecord(column)?.type));
    });
    const field = asRecord(dataset.partitioning)?.field;
    if (typeof field === 'string') {
      const type = columns.get(field.toLowerCase());
      if (type === undefined) {
        problems.push({ path: ['datasets', i, 'partitioning', 'field'], message: `"${field}" is not a column of the schema` });
      } else if (!TIME_TYPES.has(type)) {
        problems.push({
          path: ['datasets', i, 'partitioning', 'field'],
          message: `"${field}" is ${type}; time partitioning needs a DATE, DATETIME or TIMESTAMP column`,
        });
      }
    }
    asArray(dataset.clustering).forEach((cluster, k) => {
      if (typeof cluster === 'string' && !columns.has(cluster.toLowerCase())) {
        problems.push({ path: ['datasets', i, 'clustering', k], message: `"${cluster}" is not a column of the schema` });
      }
    });
    const csv = asRecord(dataset.csv);
    if (csv && csv.delimiter !== undefined && csv.delimiter === (csv.quote ?? '"')) {
      problems.push({ path: ['datasets', i, 'csv', 'quote'], message: 'must differ from the delimiter' });
    }
  });
  return problems;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function toDatasetSpec(raw: RawDataset): DatasetSpec {
  const schema: Column[] = raw.schema.map((column) => ({
    name: column.name,
    type: column.type,
    mode: column.mode,
    ...(column.description === undefined ? {} : { description: column.description }),
    ...(column['source-name'] === undefined ? {} : { sourceName: column['source-name'] }),
  }));
  return {
    name: raw.name,
    ...(raw.description === undefined ? {} : { description: raw.description }),
    source: { url: raw.source.url, format: raw.source.format, compression: raw.source.compression },
    csv: { ...raw.csv },
    schema,
    target: { dataset: raw.target.dataset, table: raw.target.table ?? raw.name },
    ...(raw.partitioning === undefined
      ? {}
      : { partitioning: { type: raw.partitioning.type, ...(raw.partitioning.field ? { field: raw.partitioning.field } : {}) } }),
    ...(raw.clustering === undefined ? {} : { clustering: raw.clustering }),
    writeMode: raw['write-mode'],
    load: raw.load,
    maxBadRows: raw['max-bad-rows'],
    runsOn: [...new Set(raw['runs-on'])],
  };
}
