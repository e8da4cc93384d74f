/**
 * The apply action's inputs, read and checked in one place (the CLI reads the same names from its flags).
 */
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { parseGsUri } from '../../storage/object-store.js';
import type { PlanLocation } from '../../reviewed-plan/manifest.js';
import type { InputReader } from '../inputs.js';
import { defaultEnvironment } from '../plan/inputs.js';

export const DEFAULT_BUILD_CONFIG = 'cloudbuild/apply.yaml';
export const PLAN_APPLY_BUILD_CONFIG = 'cloudbuild/plan-apply.yaml';

export interface ApplyInputs {
  projectId: string;
  region: string;
  environment: string;
  workingDirectory: string;
  planLocation?: PlanLocation;
  requireReviewedPlan: boolean;
  handoff:
    | { kind: 'build-config'; file: string; sourceBucket: string; serviceAccount?: string; logsBucket?: string }
    | { kind: 'trigger'; triggerId: string };
  substitutions: Record<string, string>;
  timeoutSeconds: number;
  githubToken: string;
}

function userError(fn: () => PlanLocation): PlanLocation {
  try {
    return fn();
  } catch (error) {
    // parseGsUri words it as "`name` was …"; inputs are named "Input `name`" everywhere else.
    throw new UserError(`Input ${(error as Error).message}`);
  }
}

function gsUri(location: PlanLocation): string {
  return `gs://${location.bucket}${location.prefix ? `/${location.prefix}` : ''}`;
}

export function parseInputs(reader: InputReader, workspace: string = process.cwd()): ApplyInputs {
  const projectId = reader.required('project-id');
  if (!/^[a-z][a-z0-9-:.]{4,61}[a-z0-9]$/.test(projectId)) {
    throw new UserError(`Input \`project-id\` was "${projectId}"; expected a Google Cloud project ID such as my-project-123.`);
  }
  const region = reader.string('region', 'global');
  const workingDirectory = reader.string('working-directory', '.');
  const environment = reader.string('environment') || defaultEnvironment(workingDirectory, workspace);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(environment)) {
    throw new UserError(`Input \`environment\` was "${environment}"; expected letters, digits, ".", "_" or "-".`);
  }
  const requireReviewedPlan = reader.boolean('require-reviewed-plan', true);
  const planBucket = reader.string('plan-bucket');
  const planLocation = planBucket ? userError(() => parseGsUri(planBucket, 'plan-bucket')) : undefined;
  if (requireReviewedPlan && !planLocation) {
    throw new UserError('Input `plan-bucket` is empty, but `require-reviewed-plan` is true: set it to where the plan action publishes (gs://bucket/prefix).');
  }

  const triggerId = reader.string('trigger-id');
  const buildConfigInput = reader.string('build-config', DEFAULT_BUILD_CONFIG);
  const serviceAccount = reader.string('service-account') || undefined;
  const logsBucketInput = reader.string('logs-bucket');
  // Cloud Build wants gs://bucket[/prefix] and writes log-<id>.txt under it; normalised without a trailing slash.
  const logsBucket = logsBucketInput ? gsUri(userError(() => parseGsUri(logsBucketInput, 'logs-bucket'))) : undefined;
  let handoff: ApplyInputs['handoff'];
  if (triggerId) {
    if (buildConfigInput !== DEFAULT_BUILD_CONFIG) {
      throw new UserError('Only one of `build-config` or `trigger-id` can be set: the trigger brings its own build config.');
    }
    if (logsBucket) {
      throw new UserError('Only one of `logs-bucket` or `trigger-id` can be set: a trigger runs its own build config, whose logsBucket the action cannot override.');
    }
    handoff = { kind: 'trigger', triggerId };
  } else {
    const sourceBucketInput = reader.string('source-bucket');
    if (!sourceBucketInput) {
      throw new UserError('Input `source-bucket` is empty; with `build-config` the workspace is uploaded there as the build source.');
    }
    const sourceBucket = sourceBucketInput.startsWith('gs://')
      ? userError(() => parseGsUri(sourceBucketInput, 'source-bucket')).bucket
      : userError(() => parseGsUri(`gs://${sourceBucketInput}`, 'source-bucket')).bucket;
    // Without a reviewed plan there is nothing to download: the default config becomes the plan-and-apply one.
    const config = !requireReviewedPlan && buildConfigInput === DEFAULT_BUILD_CONFIG ? PLAN_APPLY_BUILD_CONFIG : buildConfigInput;
    handoff = {
      kind: 'build-config',
      file: isAbsolute(config) ? config : resolve(workspace, config),
      sourceBucket,
      ...(serviceAccount ? { serviceAccount } : {}),
      ...(logsBucket ? { logsBucket } : {}),
    };
  }
  const substitutions = reader.keyValues('substitutions');
  for (const key of Object.keys(substitutions)) {
    if (!/^_[A-Z0-9_]+$/.test(key)) {
      throw new UserError(`Input \`substitutions\` has the key "${key}"; user substitutions must look like _UPPER_CASE.`);
    }
  }
  const timeoutSeconds = reader.duration('timeout', 3600);
  if (timeoutSeconds < 1) throw new UserError('Input `timeout` was "0"; expected a positive duration such as "60m".');
  return {
    projectId,
    region,
    environment,
    workingDirectory,
    planLocation,
    requireReviewedPlan,
    handoff,
    substitutions,
    timeoutSeconds,
    githubToken: reader.string('github-token'),
  };
}
