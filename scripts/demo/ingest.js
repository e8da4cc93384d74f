#!/usr/bin/env node
// The ingest demo: the production pipeline on a laptop, no cloud account.
// 1. serve the bundled open dataset (examples/data/, declared in datasets.yaml) over loopback HTTP;
// 2. run the CLI bundle `dc-pipeline ingest seattle_weather --target local` against it: fetch, validate, stage
//    write-once under .dc-pipeline/gcs/local/raw/… and load into DuckDB (.dc-pipeline/warehouse.duckdb);
// 3. run it a second time and show that nothing changed: same object, the load job adopted, same row count;
// 4. print the counts, a sample query and where everything landed.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const datasetName = process.env.DEMO_DATASET ?? 'seattle_weather';
const cli = join(root, 'dist', 'cli', 'index.js');
const rel = (p) => relative(process.cwd(), p) || '.';

if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.js'), 'cli'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building dist/cli failed');
}

// The catalog names the public URL; the demo serves the same bytes from examples/data/ instead.
const catalog = parse(readFileSync(join(root, 'datasets.yaml'), 'utf8'));
const entry = catalog.datasets.find((d) => d.name === datasetName);
if (!entry) throw new Error(`datasets.yaml has no dataset "${datasetName}"`);
const fileName = basename(new URL(entry.source.url).pathname);
const file = join(root, 'examples', 'data', fileName);
if (!existsSync(file)) throw new Error(`examples/data/${fileName} is missing (the demo copy of ${entry.source.url})`);

const server = createServer((req, res) => {
  if (req.url !== `/${fileName}`) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/csv', 'content-length': statSync(file).size, etag: '"demo"' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const source = `http://127.0.0.1:${server.address().port}/${fileName}`;

function ingest() {
  return new Promise((resolve, reject) => {
    const args = [cli, 'ingest', datasetName, '--target', 'local', '--allow-private-sources', '--source', source, '--json'];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      process.stdout.write(`  ${String(d).replace(/\n(?=.)/g, '\n  ')}`);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`dc-pipeline ingest failed (exit ${code}):\n${stderr}`));
      resolve(JSON.parse(stdout));
    });
  });
}

async function query(dbFile, sql) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const localPath = (uri) => fileURLToPath(uri);
const dbFile = join(root, '.dc-pipeline', 'warehouse.duckdb');

try {
  process.stdout.write(`Serving examples/data/${fileName} at ${source}\n\nRun 1: dc-pipeline ingest ${datasetName} --target local\n`);
  const first = await ingest();
  const table = first.load.table;
  const [{ n: rowsAfterFirst }] = await query(dbFile, `SELECT count(*)::INTEGER AS n FROM ${table}`);
  const objectMtime = statSync(localPath(first.objectUri)).mtimeMs;
  process.stdout.write(
    first.stagedNow
      ? `  → staged ${first.rows} rows (${first.bytes} bytes) and loaded them: ${first.load.outcome}, job ${first.load.jobId}\n`
      : `  → this content was already staged by an earlier run on ${first.firstSeen}; load ${first.load.outcome}\n`,
  );

  process.stdout.write(`\nRun 2: the same command again\n`);
  const second = await ingest();
  const [{ n: rowsAfterSecond }] = await query(dbFile, `SELECT count(*)::INTEGER AS n FROM ${table}`);
  const unchanged =
    second.objectUri === first.objectUri &&
    !second.stagedNow &&
    second.load.outcome === 'adopted' &&
    second.load.jobId === first.load.jobId &&
    rowsAfterSecond === rowsAfterFirst &&
    statSync(localPath(second.objectUri)).mtimeMs === objectMtime;
  process.stdout.write(
    `  → same object: ${second.objectUri === first.objectUri}, staged again: ${second.stagedNow}, load: ${second.load.outcome} ` +
      `(job ${second.load.jobId}), rows in ${table}: ${rowsAfterFirst} before, ${rowsAfterSecond} after\n`,
  );
  if (!unchanged) throw new Error('the second run changed something: the ingest is not idempotent');
  process.stdout.write('  → the second run changed nothing.\n');

  process.stdout.write(`\nCounts: ${first.rows} rows, ${first.badRows} bad rows, ${first.bytes} bytes, sha256 ${first.sha256}\n`);
  const sample = await query(
    dbFile,
    `SELECT weather, count(*)::INTEGER AS days, round(avg(temp_max), 1) AS avg_max_c, round(sum(precipitation), 1) AS total_mm
       FROM ${table} GROUP BY weather ORDER BY days DESC`,
  );
  process.stdout.write(`\nSample query (DuckDB): days per kind of weather in ${table}\n`);
  console.table(sample);

  const folder = dirname(localPath(first.objectUri));
  process.stdout.write('\nWhere everything landed:\n');
  process.stdout.write(`  staged object  ${rel(localPath(first.objectUri))}\n`);
  process.stdout.write(`  manifest       ${rel(localPath(first.manifestUri))}\n`);
  for (const name of readdirSync(folder).filter((n) => n.startsWith(first.sha256) && !n.endsWith('.csv') && !n.endsWith('.manifest.json'))) {
    process.stdout.write(`  also           ${rel(join(folder, name))}\n`);
  }
  const indexFile = join(root, '.dc-pipeline', 'gcs', 'local', 'raw', datasetName, 'by-sha256', `${first.sha256}.json`);
  if (existsSync(indexFile)) process.stdout.write(`  sha256 index   ${rel(indexFile)}\n`);
  process.stdout.write(`  warehouse      ${rel(dbFile)} (table ${table})\n`);
  process.stdout.write(`\nQuery it yourself: duckdb ${rel(dbFile)} "SELECT * FROM ${table} LIMIT 5"\n`);
} finally {
  server.close();
}
