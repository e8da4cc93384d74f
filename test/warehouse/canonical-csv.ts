/**
 * A test-local writer of the staged form (UTF-8, comma, '"' quoting with doubled quotes, LF, header row):
 * NULL is an empty unquoted field, an empty string is "", and anything with a delimiter, quote, line break or
 * edge whitespace is quoted. It lets the cell tests load files that are not already in that form.
 */
export function writeCanonicalCsv(header: string[], rows: (string | null)[][]): string {
  const field = (v: string | null) => {
    if (v === null) return '';
    if (v === '' || /[",\r\n]|^\s|\s$/.test(v)) return `"${v.replace(/"/g, '""')}"`;
    return v;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}
