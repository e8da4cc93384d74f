import { UserError } from '../../errors.js';
import type { DatasetSpec } from '../dataset.js';

/**
 * Checks a file's header row against the schema: each column is matched by `sourceName ?? name`, ignoring case,
 * in schema order. The error names what is missing, what is extra and, when only the order differs, both orders.
 */
export function checkHeader(header: string[], dataset: DatasetSpec): void {
  const expected = dataset.schema.map((column) => column.sourceName ?? column.name);
  const found = header.map((name) => name.toLowerCase());
  const wanted = expected.map((name) => name.toLowerCase());
  if (found.length === wanted.length && found.every((name, i) => name === wanted[i])) return;

  const missing = expected.filter((name) => !found.includes(name.toLowerCase()));
  const extra = header.filter((name) => !wanted.includes(name.toLowerCase()));
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing ${list(missing)}`);
  if (extra.length > 0) problems.push(`unexpected ${list(extra)}`);
  if (problems.length === 0) {
    problems.push(`the columns are in a different order: expected ${list(expected)}; found ${list(header)}`);
  }
  throw new UserError(`${dataset.name}: the header row does not match the schema: ${problems.join('; ')}.`);
}

function list(names: string[]): string {
  return names.map((name) => JSON.stringify(name)).join(', ');
}
