/**
 * The GitHub Actions runner protocol: inputs from INPUT_* variables, file commands (GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY) and workflow commands (::add-mask::, ::group::) on stdout.
 *
 * We speak it directly instead of loading @actions/core: that package pulls in undici at import time and
 * costs ~110 ms of cold start per step, more than the whole budget (+60 ms over bare node). The protocol is
 * small and documented: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 * The bundle tests check it against what the runner reads.
 */
import { appendFileSync, closeSync, openSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { stdout, writeAllBytes } from './stdout.js';

/** os.EOL without loading node:os, which every action would otherwise pay for at start-up just for this. */
const EOL = process.platform === 'win32' ? '\r\n' : '\n';

/** GitHub refuses a step summary over 1 MiB (it shows an error instead of the summary). */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

const masks = new Set<string>();

/** The raw value of input `name` as the runner passes it (INPUT_<NAME>, spaces to underscores, upper case). */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  return value.trim();
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, message: string, properties: Record<string, string> = {}): void {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(redact(message))}${EOL}`);
}

/**
 * Masks this long or longer are also applied to step outputs and the job summary. Those hold what our code
 * computed (counts, ids, URLs, a plan's sha256) and rendered (where sensitive values are already replaced by
 * structure), so a short mask there could only strike by coincidence: a sensitive port `179` turned the
 * plan-sha256 output `…2f669179d4…` into `…2f669***d4…`, which the apply side then refused. A mask of eight
 * characters or more turns up inside a 64-digit hash about once in 10^8 plans.
 */
const MIN_OUTPUT_MASK_LENGTH = 8;

/** Replace every registered secret in `text` with ***, as the runner does for lines it prints. */
export function redact(text: string, minLength = 0): string {
  let out = text;
  // includes() first: a split and join of a 1 MiB summary per mask (the token is one) copies it for nothing.
  for (const secret of masks) if (secret.length >= minLength && out.includes(secret)) out = out.split(secret).join('***');
  return out;
}

/** Ask the runner to mask `secret` in the log, and mask it in everything this process writes through here. */
export function setSecret(secret: string): void {
  if (!secret) return;
  for (const line of secret.split(/\r?\n/)) {
    if (line.trim().length === 0 || masks.has(line)) continue;
    masks.add(line);
    stdout.write(`::add-mask::${escapeData(line)}${EOL}`);
  }
}

/** `key<<delimiter` heredoc entries for a file command, each under a fresh random delimiter (as @actions/core writes them). */
function fileCommandEntries(entries: Iterable<[string, string]>): string {
  let text = '';
  for (const [key, value] of entries) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    text += `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
  }
  return text;
}

/** Write step output `name` (read by later steps as steps.<id>.outputs.<name>). */
export function setOutput(name: string, value: string | number | boolean): void {
  setOutputs({ [name]: value });
}

/** Several step outputs in one append to GITHUB_OUTPUT (the plan action's fifteen were fifteen open/write/close rounds). */
export function setOutputs(outputs: Record<string, string | number | boolean>): void {
  const entries = Object.entries(outputs).map(([name, value]): [string, string] => [name, redact(String(value), MIN_OUTPUT_MASK_LENGTH)]);
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    // Outside a runner (local runs): print the old-style command so the value is still visible.
    for (const [name, value] of entries) stdout.write(`::set-output name=${name}::${escapeData(value)}${EOL}`);
    return;
  }
  appendFileSync(file, fileCommandEntries(entries), 'utf8');
}

export function info(message: string): void {
  stdout.write(redact(message) + EOL);
}

export function debug(message: string): void {
  command('debug', message);
}

export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

export function notice(message: string): void {
  command('notice', message);
}

export function warning(message: string): void {
  command('warning', message);
}

export function error(message: string): void {
  command('error', message);
}

export function startGroup(title: string): void {
  command('group', title);
}

export function endGroup(): void {
  stdout.write(`::endgroup::${EOL}`);
}

/** Run `fn` inside a collapsed log group, closing the group even when it throws. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  startGroup(title);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}

/** Mark the step failed with one line; the step's exit code becomes 1. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/**
 * Append markdown to the job summary, refusing to grow the file past GitHub's 1 MiB limit: callers fit
 * their text first; this is the last guard. Returns false when nothing was written (no summary file or no room).
 * `utf8` is the markdown already encoded (a plan summary is up to 1 MiB); it is written as is unless masking
 * changed the text.
 */
export function appendSummary(markdown: string, utf8?: Uint8Array): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  let used = 0;
  try {
    used = statSync(file).size;
  } catch {
    used = 0;
  }
  const text = redact(markdown, MIN_OUTPUT_MASK_LENGTH);
  const bytes = utf8 !== undefined && text === markdown ? utf8 : Buffer.from(text, 'utf8');
  if (used + bytes.length + EOL.length > STEP_SUMMARY_LIMIT_BYTES) {
    warning('The job summary is full (1 MiB per step); this step added nothing to it.');
    return false;
  }
  // The text, then the line end: no copy of up to 1 MiB into a string or buffer with EOL after it.
  const fd = openSync(file, 'a');
  try {
    writeAllBytes(fd, bytes);
    writeAllBytes(fd, Buffer.from(EOL, 'latin1'));
  } finally {
    closeSync(fd);
  }
  return true;
}
