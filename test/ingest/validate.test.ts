import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Column, DatasetSpec } from '../../src/ingest/dataset.js';
import { UserError } from '../../src/errors.js';
import { validateCsv } from '../../src/ingest/validate.js';

const vega = join(import.meta.dirname, '..', 'fixtures', 'csv', 'vega');

function dataset(schema: Partial<Column>[], overrides: Partial<DatasetSpec> = {}): DatasetSpec {
  return {
    name: 'sample',
    source: { url: 'https://example.com/sample.csv', format: 'csv', compression: 'auto' },
    csv: { delimiter: ',', quote: '"', header: true, encoding: 'utf-8' },
    schema: schema.map((c) => ({ name: 'x', type: 'STRING', mode: 'NULLABLE', ...c })),
    target: { dataset: 'demo', table: 'sample' },
    writeMode: 'append',
    load: 'none',
    maxBadRows: 10,
    runsOn: ['dispatch'],
    ...overrides,
  };
}

/** A sink that keeps what it gets; `slow` makes it ask for backpressure on every write. */
function collector(slow = false): { sink: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: slow ? 1 : 16384,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      if (slow) setImmediate(callback);
      else callback();
    },
  });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function run(input: Buffer | string, spec: DatasetSpec, chunkSize = 5, slow = false) {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const clean = collector(slow);
  const quarantine = collector();
  const report = await validateCsv(Readable.from(chunks), spec, { clean: clean.sink, quarantine: quarantine.sink });
  const bad = quarantine
    .text()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { line: number; reason: string; raw: string });
  return { report, clean: clean.text(), bad };
}

const people = dataset([
  { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
  { name: 'name' },
  { name: 'born', type: 'DATE' },
]);

describe('validateCsv', () => {
  it('writes good rows in canonical CSV under a header of the schema names, quoting only where needed', async () => {
    const { clean, report } = await run('ID,Name,Born\r\n1,"Ada",1815-12-10\r\n2,"Lovelace, Ada","1815-12-10"\r\n3,"say ""hi""",\r\n', people);
    expect(clean).toBe('id,name,born\n1,Ada,1815-12-10\n2,"Lovelace, Ada",1815-12-10\n3,"say ""hi""",\n');
    expect(report).toMatchObject({ rows: 3, badRows: 0, header: ['ID', 'Name', 'Born'] });
  });

  describe('keeps NULL and the empty string apart in the clean copy', () => {
    const mixed = dataset([{ name: 's' }, { name: 'i', type: 'INTEGER' }, { name: 'd', type: 'DATE' }, { name: 't' }]);

    it('writes a quoted empty STRING field as "" (the empty string), an unquoted empty one as nothing (NULL)', async () => {
      // Rows with a quote take the field-by-field path; the second row has none and takes the fast path.
      const { clean, report } = await run('s,i,d,t\n"",1,,x\n,2,,\n"","",,""\n', mixed);
      expect(clean).toBe('s,i,d,t\n"",1,,x\n,2,,\n"",,,""\n');
      expect(report).toMatchObject({ rows: 3, badRows: 0 });
    });

    it('writes a quoted empty INTEGER or DATE field as nothing: it is NULL, and "" would not load as a number', async () => {
      const { clean } = await run('s,i,d,t\n"a","","",b\n', mixed);
      expect(clean).toBe('s,i,d,t\na,,,b\n');
    });

    it('keeps "" in a semicolon-delimited CRLF file, and in a last field without a line end', async () => {
      const spec = dataset([{ name: 'a' }, { name: 'b' }], { csv: { delimiter: ';', quote: '"', header: true, encoding: 'utf-8' } });
      const { clean } = await run('a;b\r\n"";\r\n;""\r\nx;""', spec, 3);
      expect(clean).toBe('a,b\n"",\n,""\nx,""\n');
    });

    it('accepts "" in a REQUIRED STRING column (it is not NULL) but not in a REQUIRED INTEGER column', async () => {
      const spec = dataset([{ name: 's', mode: 'REQUIRED' }, { name: 'i', type: 'INTEGER', mode: 'REQUIRED' }]);
      const { clean, bad } = await run('s,i\n"",1\n,2\n"x",""\n', spec);
      expect(clean).toBe('s,i\n"",1\n');
      expect(bad).toEqual([
        { line: 3, reason: 's is REQUIRED but empty', raw: ',2' },
        { line: 4, reason: 'i is REQUIRED but empty', raw: '"x",""' },
      ]);
    });
  });

  it('quarantines bad rows with their physical line and reason, and keeps the good ones', async () => {
    const input = 'id,name,born\n1,a,2020-01-01\n"2","multi\nline",2020-02-30\nx,b,\n,c,\n4,d,2020-01-01,extra\n5,e,2020-01-02\n';
    const { clean, report, bad } = await run(input, people);
    expect(clean).toBe('id,name,born\n1,a,2020-01-01\n5,e,2020-01-02\n');
    expect(bad).toEqual([
      { line: 3, reason: 'born: "2020-02-30" is not a date YYYY-MM-DD', raw: '"2","multi\nline",2020-02-30' },
      { line: 5, reason: 'id: "x" is not a whole number within the 64-bit range', raw: 'x,b,' },
      { line: 6, reason: 'id is REQUIRED but empty', raw: ',c,' },
      { line: 7, reason: 'expected 3 fields, found 4', raw: '4,d,2020-01-01,extra' },
    ]);
    expect(report.rows).toBe(2);
    expect(report.badRows).toBe(4);
    expect(report.firstProblems.map((p) => p.line)).toEqual([3, 5, 6, 7]);
  });

  it('fails with the first reasons once bad rows exceed max-bad-rows', async () => {
    const strict = { ...people, maxBadRows: 1 };
    const attempt = run('id,name,born\nx,a,\n2,b,nope\n3,c,\n', strict);
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(
      /sample: more than max-bad-rows \(1\) bad rows, stopped at line 3\. First problems: line 2: id: "x" .*; line 3: born: "nope"/,
    );
  });

  it('names missing and unexpected header columns', async () => {
    await expect(run('id,fullname,born\n', people)).rejects.toThrow(
      'sample: the header row does not match the schema: missing "name"; unexpected "fullname".',
    );
  });

  it('names both orders when only the column order differs', async () => {
    await expect(run('name,id,born\n', people)).rejects.toThrow(
      /different order: expected "id", "name", "born"; found "name", "id", "born"/,
    );
  });

  it('matches header columns on source-name, ignoring case', async () => {
    const spec = dataset([{ name: 'mpg', type: 'FLOAT', sourceName: 'Miles_per_Gallon' }]);
    const { clean } = await run('MILES_PER_GALLON\n18.5\n', spec);
    expect(clean).toBe('mpg\n18.5\n');
  });

  it('refuses an empty source when a header is expected', async () => {
    await expect(run('', people)).rejects.toThrow(/the source is empty/);
  });

  it('treats the first line as data when the dialect has no header', async () => {
    const spec = { ...people, csv: { ...people.csv, header: false } };
    const { clean, report } = await run('1,a,2020-01-01\n', spec);
    expect(clean).toBe('id,name,born\n1,a,2020-01-01\n');
    expect(report.header).toEqual([]);
  });

  it('strips a UTF-8 BOM before the header', async () => {
    const { report } = await run(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name,born\n1,é,\n')]), people, 1);
    expect(report).toMatchObject({ rows: 1, header: ['id', 'name', 'born'] });
  });

  it('decodes latin1 and utf-16le sources into UTF-8', async () => {
    const text = 'id,name,born\n1,Zoë Ångström,\n';
    const latin1 = await run(Buffer.from(text, 'latin1'), { ...people, csv: { ...people.csv, encoding: 'latin1' } });
    expect(latin1.clean).toBe('id,name,born\n1,Zoë Ångström,\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const decoded = await run(utf16, { ...people, csv: { ...people.csv, encoding: 'utf-16le' } }, 3);
    expect(decoded.clean).toBe('id,name,born\n1,Zoë Ångström,\n');
  });

  it('quarantines rows that are not valid UTF-8', async () => {
    const input = Buffer.concat([Buffer.from('id,name,born\n1,'), Buffer.from([0xc3, 0x28]), Buffer.from(',\n2,ok,\n')]);
    const { report, bad } = await run(input, people);
    expect(report.rows).toBe(1);
    expect(bad[0]).toMatchObject({ line: 2, reason: 'the row is not valid UTF-8' });
  });

  it('gunzips a gzip source (detected or declared) and hashes the raw compressed bytes', async () => {
    const gz = gzipSync(Buffer.from('id,name,born\n1,a,\n2,b,\n'));
    const sha256 = createHash('sha256').update(gz).digest('hex');
    for (const compression of ['auto', 'gzip'] as const) {
      const spec = { ...people, source: { ...people.source, compression } };
      const { report, clean } = await run(gz, spec, 7);
      expect(report).toMatchObject({ rows: 2, bytes: gz.length, sha256 });
      expect(clean).toBe('id,name,born\n1,a,\n2,b,\n');
    }
  });

  it('fails on a corrupt gzip stream', async () => {
    const gz = gzipSync(Buffer.from('id,name,born\n1,a,\n'));
    await expect(run(gz.subarray(0, gz.length - 6), people)).rejects.toThrow(/unexpected end of file/);
  });

  it('re-emits a semicolon-delimited file with commas, quoting values that hold one', async () => {
    const spec = { ...people, csv: { ...people.csv, delimiter: ';' } };
    const { clean } = await run('id;name;born\n1;Smith, J.;\n', spec);
    expect(clean).toBe('id,name,born\n1,"Smith, J.",\n');
  });

  it('respects a sink that applies backpressure on every write and still delivers every row', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `${i},name ${i},2020-01-01\n`).join('');
    const { clean, report } = await run(`id,name,born\n${rows}`, people, 65536, true);
    expect(report.rows).toBe(20000);
    expect(clean).toBe(`id,name,born\n${rows}`);
  });

  it('passes every row of a real file through unchanged when the schema fits', async () => {
    const file = readFileSync(join(vega, 'seattle-weather.csv'));
    const spec = dataset([
      { name: 'date', type: 'DATE', mode: 'REQUIRED' },
      { name: 'precipitation', type: 'FLOAT' },
      { name: 'temp_max', type: 'FLOAT' },
      { name: 'temp_min', type: 'FLOAT' },
      { name: 'wind', type: 'FLOAT' },
      { name: 'weather' },
    ], { maxBadRows: 0 });
    const { clean, report } = await run(file, spec, 4096);
    expect(report.rows).toBe(1461);
    expect(report.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect(clean).toBe(file.toString('utf8'));
  });

  it('keeps leading zeros of a STRING column and normalises CRLF to LF', async () => {
    const zips = readFileSync(join(vega, 'zipcodes.csv'));
    const spec = dataset([
      { name: 'zip_code', mode: 'REQUIRED' },
      { name: 'latitude', type: 'FLOAT' },
      { name: 'longitude', type: 'FLOAT' },
      { name: 'city' },
      { name: 'state' },
      { name: 'county' },
    ], { maxBadRows: 0 });
    const { clean, report } = await run(zips, spec, 65536);
    expect(clean.split('\n')[1]).toBe('00501,40.922326,-72.637078,Holtsville,NY,Suffolk');
    expect(report.rows).toBe(zips.toString().trim().split('\n').length - 1);

    const temps = readFileSync(join(vega, 'global-temp.csv'));
    const tempSpec = dataset([{ name: 'year', type: 'INTEGER' }, { name: 'temp', type: 'FLOAT' }], { maxBadRows: 0 });
    const out = await run(temps, tempSpec, 100);
    expect(out.clean).toBe(temps.toString('utf8').replaceAll('\r\n', '\n'));
  });

  it('reports progress in raw bytes', async () => {
    const seen: number[] = [];
    const input = Buffer.from('id,name,born\n1,a,\n');
    await validateCsv(Readable.from([input.subarray(0, 4), input.subarray(4)]), people, {
      clean: collector().sink,
      quarantine: collector().sink,
    }, { onProgress: (bytes) => seen.push(bytes) });
    expect(seen).toEqual([4, input.length]);
  });
});

describe('validateCsv with a failing sink', () => {
  it('rejects with the sink error instead of crashing or hanging', async () => {
    const broken = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        callback(new Error('disk full'));
      },
    });
    const quarantine = new Writable({ write: (_c, _e, cb) => cb() });
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},n,\n`).join('');
    const spec = dataset([{ name: 'id', type: 'INTEGER' }, { name: 'name' }, { name: 'born', type: 'DATE' }]);
    const input = Readable.from([Buffer.from(`id,name,born\n${rows}`)]);
    await expect(validateCsv(input, spec, { clean: broken, quarantine })).rejects.toThrow('disk full');
  });
});
