/**
 * The plan action's inputs, read and checked in one place. The CLI builds the same object from its flags
 * (InputReader.fromFlags), so `dc-pipeline plan` and the action cannot drift apart.
 */
import { basename, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import type { InputReader } from '../inputs.js';

export type CommentMode = 'update' | 'new' | 'off';
export const COMMENT_MODES: readonly CommentMode[] = ['update', 'new', 'off'];

export interface PlanInputs {
  workingDirectory: string;
  environment: string;
  /** Where the plan comes from: run Terraform, show an existing binary plan, or read an existing JSON. */
  source: { kind: 'run' } | { kind: 'plan-file'; path: string; given: string } | { kind: 'plan-json'; path: string; given: string };
  terraform: string;
  init: boolean;
  varFiles: string[];
  args: string[];
  githubToken: string;
  comment: CommentMode;
  labels: boolean;
  failOnDestroy: boolean;
  /** gs://bucket/prefix to publish the reviewed plan to (binary, JSON, manifest); empty: not published. */
  planBucket: string;
  /** How an input is named in messages (`Input \`x\`` in the action, `Flag --x` in the CLI). */
  label: (name: string) => string;
}

export function parseInputs(reader: InputReader, cwd: string = process.cwd()): PlanInputs {
  const workingDirectory = reader.string('working-directory', '.');
  const planJson = reader.string('plan-json');
  const planFile = reader.string('plan-file');
  if (planJson && planFile) {
    throw new UserError('Only one of `plan-json` or `plan-file` can be set: `plan-json` is rendered as is, `plan-file` is shown with Terraform.');
  }
  const environment = reader.string('environment') || defaultEnvironment(workingDirectory, cwd);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
    throw new UserError(
      `${reader.label('environment')} was "${environment}"; expected letters, digits, ".", "_" or "-" (it becomes part of labels and file names).`,
    );
  }
  return {
    workingDirectory,
    environment,
    source: planJson
      ? { kind: 'plan-json', path: resolve(cwd, planJson), given: planJson }
      : planFile
        ? { kind: 'plan-file', path: resolve(cwd, workingDirectory, planFile), given: planFile }
        : { kind: 'run' },
    terraform: reader.string('terraform', 'terraform'),
    init: reader.boolean('init', true),
    varFiles: reader.lines('var-files'),
    args: splitArgs(reader.string('args')),
    githubToken: reader.string('github-token'),
    comment: reader.choice('comment', COMMENT_MODES, 'update'),
    labels: reader.boolean('labels', false),
    failOnDestroy: reader.boolean('fail-on-destroy', false),
    planBucket: planBucketOf(reader.string('plan-bucket'), Boolean(planJson)),
    label: reader.label,
  };
}

function planBucketOf(value: string, planJsonGiven: boolean): string {
  if (!value) return '';
  if (!/^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](\/.*)?$/.test(value)) {
    throw new UserError(`Input \`plan-bucket\` was "${value}"; expected gs://<bucket>[/<prefix>].`);
  }
  if (planJsonGiven) {
    throw new UserError('Only one of `plan-bucket` or `plan-json` can be set: a reviewed plan needs the binary plan, and `plan-json` has none.');
  }
  return value;
}

/** `terraform/envs/dev` → `dev`; `.` → the folder's own name. */
export function defaultEnvironment(workingDirectory: string, cwd: string): string {
  const trimmed = workingDirectory.replace(/[\\/]+$/, '');
  const last = basename(trimmed);
  if (last && last !== '.' && last !== '..') return last;
  return basename(resolve(cwd, workingDirectory)) || 'default';
}

/** Split on spaces, keeping "quoted parts" and 'quoted parts' together (-var="a b") — no shell, no expansion. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current ??= '';
    } else if (/\s/.test(ch)) {
      if (current !== undefined) out.push(current);
      current = undefined;
    } else {
      current = (current ?? '') + ch;
    }
  }
  if (quote) throw new UserError(`Input \`args\` has an unclosed ${quote} quote: ${text}`);
  if (current !== undefined) out.push(current);
  return out;
}
