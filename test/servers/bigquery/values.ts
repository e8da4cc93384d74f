/**
 * How the loopback BigQuery server turns a CSV cell into a stored value, per column type — close enough to
 * BigQuery's CSV loader that a value BigQuery would reject is rejected here too (the load job fails), and the
 * stored form is canonical so tests compare it exactly.
 */

export type FieldType = 'STRING' | 'INTEGER' | 'FLOAT' | 'NUMERIC' | 'BOOLEAN' | 'DATE' | 'DATETIME' | 'TIMESTAMP';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const BOOLEANS: Record<string, string> = { true: 'true', t: 'true', yes: 'true', y: 'true', '1': 'true', false: 'false', f: 'false', no: 'false', n: 'false', '0': 'false' };

/** Canonical stored string, or an Error whose message reads like BigQuery's. */
export function convertCell(type: string, raw: string): string | Error {
  const fail = (bqType: string) => new Error(`Could not parse '${raw}' as ${bqType}`);
  const v = raw.trim();
  switch (normalizeType(type)) {
    case 'STRING':
      return raw;
    case 'INTEGER': {
      if (!/^[+-]?\d+$/.test(v)) return fail('INT64');
      const n = BigInt(v);
      return n < INT64_MIN || n > INT64_MAX ? fail('INT64') : n.toString();
    }
    case 'FLOAT': {
      if (/^[+-]?(inf|infinity)$/i.test(v)) return v.startsWith('-') ? '-Infinity' : 'Infinity';
      if (/^nan$/i.test(v)) return 'NaN';
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return fail('DOUBLE');
      return String(Number(v));
    }
    case 'NUMERIC': {
      const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(v);
      if (!m || (m[2] === '' && (m[3] ?? '') === '')) return fail('NUMERIC');
      const whole = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
      const frac = (m[3] ?? '').replace(/0+$/, '');
      if (whole.length > 29 || frac.length > 9) return fail('NUMERIC');
      const sign = m[1] === '-' && (whole !== '0' || frac !== '') ? '-' : '';
      return `${sign}${whole}${frac ? `.${frac}` : ''}`;
    }
    case 'BOOLEAN': {
      const b = BOOLEANS[v.toLowerCase()];
      return b ?? fail('BOOL');
    }
    case 'DATE':
      return parseDate(v) ?? fail('DATE');
    case 'DATETIME': {
      const m = /^(\d{4}-\d{1,2}-\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/.exec(v);
      const date = m ? parseDate(m[1] as string) : undefined;
      if (!m || !date) return fail('DATETIME');
      const time = formatTime(m[2], m[3], m[4], m[5]);
      return time ? `${date}T${time}` : fail('DATETIME');
    }
    case 'TIMESTAMP': {
      const micros = parseTimestampMicros(v);
      return micros === undefined ? fail('TIMESTAMP') : micros.toString();
    }
  }
}

export function normalizeType(type: string): FieldType {
  const t = type.toUpperCase();
  if (t === 'INT64') return 'INTEGER';
  if (t === 'FLOAT64') return 'FLOAT';
  if (t === 'BOOL') return 'BOOLEAN';
  if (t === 'BIGNUMERIC' || t === 'DECIMAL') return 'NUMERIC';
  return t as FieldType;
}

function parseDate(v: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function formatTime(h = '0', mi = '00', s = '00', frac = ''): string | undefined {
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const f = frac ? `.${frac.padEnd(6, '0')}` : '';
  return `${h.padStart(2, '0')}:${mi}:${s}${f}`;
}

/** Microseconds since the epoch (BigQuery's TIMESTAMP precision). */
function parseTimestampMicros(v: string): bigint | undefined {
  const m = /^(\d{4}-\d{1,2}-\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i.exec(v);
  const date = m ? parseDate(m[1] as string) : undefined;
  if (!m || !date) return undefined;
  const time = formatTime(m[2], m[3], m[4], m[5]);
  if (!time) return undefined;
  const ms = Date.parse(`${date}T${time.slice(0, 8)}Z`);
  let offsetMinutes = 0;
  const zone = m[6];
  if (zone && !/^(z|utc)$/i.test(zone)) {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (!z) return undefined;
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? '0'));
  }
  const micros = BigInt(Number((m[5] ?? '').padEnd(6, '0')));
  return BigInt(ms - offsetMinutes * 60_000) * 1000n + micros;
}

/** ISO form of stored TIMESTAMP micros, for assertions. */
export function microsToIso(micros: string): string {
  const n = BigInt(micros);
  const ms = Number(n / 1000n);
  const rest = String(((n % 1_000_000n) + 1_000_000n) % 1_000_000n).padStart(6, '0');
  return `${new Date(ms).toISOString().slice(0, 19)}.${rest}Z`;
}
