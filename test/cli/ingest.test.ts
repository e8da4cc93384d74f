/**
 * `dc-pipeline ingest` from the CLI bundle (dist/cli/index.js, run in place), on the local target: a folder bucket and DuckDB
 * in the working directory, a loopback source, run twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { requiredNodes } from '../helpers/node-binaries.js';
import { WEATHER_CSV, WEATHER_SCHEMA_YAML, serveText, startSource, tempDir, type SourceServer } from '../ingest/pipeline-support.js';

let source: SourceServer;
let catalog: string;

beforeAll(async () => {
  source = await startSource(serveText(WEATHER_CSV));
  catalog = join(tempDir('cli-catalog'), 'datasets.yaml');
  writeFileSync(
    catalog,
    `datasets:
  - name: seattle_weather
    source: { url: ${source.url}/seattle-weather.csv }
${WEATHER_SCHEMA_YAML}    target: { dataset: demo, table: seattle_weather }
    write-mode: replace
`,
  );
});
afterAll(async () => source?.close());

/**
 * The CLI runs from the package, as npm installs it: dist/cli in place, so @duckdb/node-api (external to the
 * bundle) resolves from node_modules.
 */
function cli(cwd: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(requiredNodes().at(-1)!.path, [join(process.cwd(), 'dist', 'cli', 'index.js'), 'ingest', ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('dc-pipeline ingest --target local', () => {
  it('loads into DuckDB, and a second run changes nothing', async () => {
    const cwd = tempDir('cli-local');
    const first = await cli(cwd, 'seattle_weather', '--target', 'local', '--catalog', catalog, '--allow-private-sources');

    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^seattle_weather: loaded into demo\.seattle_weather\n/);
    expect(first.stdout).toMatch(/ {2}rows {7}5 \(bad rows 0\)/);
    expect(first.stdout).toMatch(/ {2}object {5}file:\/\/.*\/\.dc-pipeline\/gcs\/local\/raw\/seattle_weather\/\d{4}\/\d{2}\/\d{2}\/[0-9a-f]{64}\.csv\n/);
    expect(first.stderr).toMatch(/ingest seattle_weather: fetch done in/);
    expect(first.stderr).toMatch(/ingest seattle_weather: load done in/);
    expect(existsSync(join(cwd, '.dc-pipeline', 'warehouse.duckdb'))).toBe(true);

    const second = await cli(cwd, 'seattle_weather', '--target', 'local', '--catalog', catalog, '--allow-private-sources', '--json');
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as { stagedNow: boolean; rows: number; load: { outcome: string } };
    expect(report).toMatchObject({ stagedNow: false, rows: 5, load: { outcome: 'adopted' } });
  });

  // util-linux `script` runs the CLI on a pseudo-terminal, as a person's shell would: stderr is then a TTY.
  const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!hasScript && process.env.CI !== 'true')('draws a progress bar in place on a terminal, and plain lines when piped', async () => {
    const cwd = tempDir('cli-tty');
    const command = [requiredNodes().at(-1)!.path, join(process.cwd(), 'dist', 'cli', 'index.js'), 'ingest', 'seattle_weather', '--target', 'local', '--catalog', catalog, '--allow-private-sources']
      .map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`)
      .join(' ');
    const tty = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, TERM: 'xterm' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(tty.code).toBe(0);
    // The bar is redrawn on its own line (carriage return, erase to end of line), then cleared for the report.
    expect(tty.output).toMatch(/\rfetch \[[#.]+\] +\d+% /);
    expect(tty.output).toContain('\r\u001b[K');
    expect(tty.output).toMatch(/seattle_weather: loaded into demo\.seattle_weather/);

    const piped = await cli(tempDir('cli-piped'), 'seattle_weather', '--target', 'local', '--catalog', catalog, '--allow-private-sources');
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr).not.toContain('\u001b[');
  });

  it('validates without writing anything on --dry-run', async () => {
    const cwd = tempDir('cli-dry');
    const run = await cli(cwd, 'seattle_weather', '--target', 'local', '--catalog', catalog, '--allow-private-sources', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^seattle_weather: dry run, nothing staged or loaded\n/);
    expect(existsSync(join(cwd, '.dc-pipeline'))).toBe(false);
  });

  it('refuses a loopback source without --allow-private-sources', async () => {
    const cwd = tempDir('cli-ssrf');
    const requests = source.requests;
    const run = await cli(cwd, 'seattle_weather', '--target', 'local', '--catalog', catalog);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^dc-pipeline: refusing to fetch http:\/\/127\.0\.0\.1:\d+\/seattle-weather\.csv/);
    expect(source.requests).toBe(requests);
  });

  it('names the known datasets for an unknown one, and the flag for a bad value', async () => {
    const cwd = tempDir('cli-bad');
    const unknown = await cli(cwd, 'nope', '--target', 'local', '--catalog', catalog);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('dataset "nope" is not in');
    expect(unknown.stderr).toContain('seattle_weather');

    const badTarget = await cli(cwd, 'seattle_weather', '--target', 'cloud', '--catalog', catalog);
    expect(badTarget.stderr).toBe('dc-pipeline: Flag --target was "cloud"; expected one of: "gcp", "local".\n');
  });
});
