/**
 * Runs a built bundle the way the GitHub runner does: a copy of dist/<bundle> in a folder with no node_modules,
 * inputs as INPUT_* variables, the GitHub context as GITHUB_* variables, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY
 * files that are parsed back afterwards.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requiredNodes } from './node-binaries.js';

export interface BundleRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The folder the bundle ran from (its copy of dist/<bundle> is in ./action). */
  home: string;
}

export interface BundleOptions {
  /** dist folder name: plan, apply, ingest, cli, service; or '.' for the root dispatcher (copies all of dist). */
  bundle: string;
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  args?: string[];
  cwd?: string;
  /** Node binary; defaults to the production runtime (the highest found). */
  node?: string;
  /** Kill after this many ms (the test fails on a hang instead of waiting for vitest's timeout). */
  timeoutMs?: number;
  /** Called once the process has started, e.g. to send it a signal later. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
  stdin?: string;
}

const copies = new Map<string, string>();

/** One copy of each dist folder per test file: copying a 10 MB bundle for every test is wasted time. */
export function bundleCopy(bundle: string): string {
  const existing = copies.get(bundle);
  if (existing) return existing;
  const home = mkdtempSync(join(tmpdir(), `dcp-bundle-${bundle === '.' ? 'root' : bundle}-`));
  const src = join(process.cwd(), 'dist', bundle === '.' ? '' : bundle);
  if (!existsSync(join(src, 'index.js'))) throw new Error(`${src}/index.js is missing: run npm run build first`);
  cpSync(src, join(home, 'action'), { recursive: true });
  copies.set(bundle, home);
  return home;
}

export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const [, key, delim] = m;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '');
    out[key as string] = value.join('\n');
  }
  return out;
}

export async function runBundle(options: BundleOptions): Promise<BundleRun> {
  const home = bundleCopy(options.bundle);
  const work = mkdtempSync(join(tmpdir(), 'dcp-run-'));
  const outputFile = join(work, 'github_output');
  const summaryFile = join(work, 'step_summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? work,
    RUNNER_TEMP: work,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
  };
  for (const [k, v] of Object.entries(options.inputs ?? {})) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const node = options.node ?? requiredNodes().at(-1)?.path ?? process.execPath;
  const child = spawn(node, [join(home, 'action', 'index.js'), ...(options.args ?? [])], {
    cwd: options.cwd ?? work,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(options.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    home,
  };
}
