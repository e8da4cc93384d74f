/**
 * cloudbuild.yaml → Build, strictly. Cloud Build itself ignores nothing silently either, but it only tells you at
 * build time; we refuse an unknown key (a typo like `entrypiont`, a snake_case `wait_for`) before anything is
 * uploaded, naming the key, where it is and the file. Durations ("3600s") become google.protobuf.Duration, and
 * substitutions are checked the way Cloud Build checks them (see substitutions.ts).
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, type Node } from 'yaml';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { Build, StorageSource } from './build.js';
import { substitutionProblems } from './substitutions.js';

/** A config file Cloud Build would not accept, or would read differently than its author meant. */
export class BuildConfigError extends UserError {}

const DURATION = /^(\d+)(?:\.(\d{1,9}))?s$/;
const duration = z.string().regex(DURATION, 'expected a duration in seconds like "600s"');
const strings = z.array(z.string());
const volume = z.strictObject({ name: z.string(), path: z.string() });

const step = z.strictObject({
  name: z.string().min(1),
  args: strings.optional(),
  entrypoint: z.string().optional(),
  env: strings.optional(),
  id: z.string().optional(),
  waitFor: strings.optional(),
  dir: z.string().optional(),
  secretEnv: strings.optional(),
  volumes: z.array(volume).optional(),
  timeout: duration.optional(),
  script: z.string().optional(),
  allowFailure: z.boolean().optional(),
  allowExitCodes: z.array(z.number().int()).optional(),
  automapSubstitutions: z.boolean().optional(),
});

const options = z.strictObject({
  sourceProvenanceHash: z.array(z.enum(['NONE', 'SHA256', 'MD5', 'GO_MODULE_H1', 'SHA512'])).optional(),
  requestedVerifyOption: z.enum(['NOT_VERIFIED', 'VERIFIED']).optional(),
  machineType: z.enum(['UNSPECIFIED', 'N1_HIGHCPU_8', 'N1_HIGHCPU_32', 'E2_HIGHCPU_8', 'E2_HIGHCPU_32', 'E2_MEDIUM', 'E2_STANDARD_2']).optional(),
  diskSizeGb: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).optional(),
  substitutionOption: z.enum(['MUST_MATCH', 'ALLOW_LOOSE']).optional(),
  dynamicSubstitutions: z.boolean().optional(),
  automapSubstitutions: z.boolean().optional(),
  logStreamingOption: z.enum(['STREAM_DEFAULT', 'STREAM_ON', 'STREAM_OFF']).optional(),
  pool: z.strictObject({ name: z.string() }).optional(),
  logging: z.enum(['LOGGING_UNSPECIFIED', 'LEGACY', 'GCS_ONLY', 'CLOUD_LOGGING_ONLY', 'NONE']).optional(),
  env: strings.optional(),
  secretEnv: strings.optional(),
  volumes: z.array(volume).optional(),
  defaultLogsBucketBehavior: z.enum(['REGIONAL_USER_OWNED_BUCKET', 'LEGACY_BUCKET']).optional(),
  enableStructuredLogging: z.boolean().optional(),
});

const artifacts = z.strictObject({
  images: strings.optional(),
  objects: z.strictObject({ location: z.string(), paths: strings }).optional(),
  mavenArtifacts: z
    .array(z.strictObject({ repository: z.string(), path: z.string(), artifactId: z.string(), groupId: z.string(), version: z.string() }))
    .optional(),
  pythonPackages: z.array(z.strictObject({ repository: z.string(), paths: strings })).optional(),
  npmPackages: z.array(z.strictObject({ repository: z.string(), packagePath: z.string() })).optional(),
});

const availableSecrets = z.strictObject({
  secretManager: z.array(z.strictObject({ versionName: z.string(), env: z.string() })).optional(),
  inline: z.array(z.strictObject({ kmsKeyName: z.string(), envMap: z.record(z.string(), z.string()) })).optional(),
});

/** The accepted YAML shape; exported for the test that checks every key against the Build proto. */
export const buildConfigSchema = z.strictObject({
  steps: z.array(step).min(1, 'a build needs at least one step'),
  timeout: duration.optional(),
  queueTtl: duration.optional(),
  substitutions: z.record(z.string(), z.string()).optional(),
  options: options.optional(),
  tags: strings.optional(),
  images: strings.optional(),
  artifacts: artifacts.optional(),
  availableSecrets: availableSecrets.optional(),
  serviceAccount: z.string().optional(),
  logsBucket: z.string().optional(),
});

type Config = z.infer<typeof buildConfigSchema>;

function toDuration(text: string | undefined): { seconds: number; nanos: number } | undefined {
  if (text === undefined) return undefined;
  const m = DURATION.exec(text) as RegExpExecArray;
  return { seconds: Number(m[1]), nanos: Number((m[2] ?? '').padEnd(9, '0')) };
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || 'the top level';
}

/** Parse and validate a cloudbuild YAML text. `file` is only used in messages. */
export function parseBuildConfig(text: string, file: string): Build {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const at = e ? ` (line ${lineCounter.linePos(e.pos[0]).line})` : '';
    throw new BuildConfigError(`${file} is not valid YAML${at}: ${e?.message.split('\n')[0]}`);
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>, key?: string): string => {
    const node = doc.getIn(path as unknown[], true) as Node | undefined;
    let range = node?.range;
    if (key && isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      range = (pair?.key as Node | undefined)?.range ?? range;
    }
    return range ? `, line ${lineCounter.linePos(range[0]).line}` : '';
  };

  const result = buildConfigSchema.safeParse(doc.toJS());
  if (!result.success) {
    const messages = result.error.issues.slice(0, 5).map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map((key) => {
            const hint = key.includes('_') ? ` (did you mean "${camel(key)}"? Cloud Build keys are camelCase)` : '';
            return `unknown key "${key}" at ${pathText(issue.path)}${lineOf(issue.path, key)}${hint}`;
          })
          .join('; ');
      }
      return `${pathText(issue.path)}${lineOf(issue.path)}: ${issue.message}`;
    });
    throw new BuildConfigError(`${file}: ${messages.join('; ')}`);
  }
  const problems = stepProblems(result.data);
  if (problems.length) throw new BuildConfigError(`${file}: ${problems.join('; ')}`);
  return toBuild(result.data);
}

/** Rules Cloud Build applies across fields that a schema cannot express. */
function stepProblems(cfg: Config): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  cfg.steps.forEach((s, i) => {
    if (s.script !== undefined && (s.args !== undefined || s.entrypoint !== undefined)) {
      problems.push(`steps[${i}] sets script together with args/entrypoint; Cloud Build allows one or the other`);
    }
    for (const dependency of s.waitFor ?? []) {
      if (dependency !== '-' && !ids.has(dependency)) {
        problems.push(`steps[${i}].waitFor names "${dependency}", which is not the id of an earlier step`);
      }
    }
    if (s.id !== undefined) {
      if (ids.has(s.id)) problems.push(`steps[${i}].id "${s.id}" is used by an earlier step`);
      ids.add(s.id);
    }
  });
  return problems;
}

function toBuild(cfg: Config): Build {
  const { timeout, queueTtl, steps, options: opts, ...rest } = cfg;
  return {
    ...rest,
    steps: steps.map(({ timeout: stepTimeout, ...s }) => ({ ...s, timeout: toDuration(stepTimeout) })),
    options: opts ? { ...opts, diskSizeGb: opts.diskSizeGb === undefined ? undefined : String(opts.diskSizeGb) } : undefined,
    timeout: toDuration(timeout),
    queueTtl: toDuration(queueTtl),
  } as Build;
}

export async function loadBuildConfig(file: string): Promise<Build> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BuildConfigError(`Cannot read the build config ${file}: ${(error as Error).message}`);
  }
  return parseBuildConfig(text, file);
}

export interface BuildRequest {
  /** Values for the config's substitutions (they override its defaults). */
  substitutions?: Record<string, string>;
  /** Added to the config's own tags. */
  tags?: readonly string[];
  source?: StorageSource;
  serviceAccount?: string;
  logsBucket?: string;
  /** Overrides the config's timeout. */
  timeoutSeconds?: number;
}

/**
 * The Build to send: the config with values, tags and source filled in, refused (naming `file`) when Cloud Build
 * would refuse its substitutions — a reference to an undefined one, a value nothing uses.
 */
export function prepareBuild(config: Build, request: BuildRequest, file: string): Build {
  const substitutions = { ...config.substitutions, ...request.substitutions };
  const build: Build = {
    ...config,
    substitutions,
    tags: [...new Set([...(config.tags ?? []), ...(request.tags ?? [])])],
    ...(request.source ? { source: { storageSource: request.source } } : {}),
    ...(request.serviceAccount ? { serviceAccount: request.serviceAccount } : {}),
    ...(request.logsBucket ? { logsBucket: request.logsBucket } : {}),
    ...(request.timeoutSeconds ? { timeout: { seconds: request.timeoutSeconds, nanos: 0 } } : {}),
  };
  if (build.options?.substitutionOption !== 'ALLOW_LOOSE') {
    const problems = substitutionProblems(build, substitutions);
    if (problems.length) throw new BuildConfigError(`${file}: ${problems.join('; ')}`);
  }
  return build;
}
