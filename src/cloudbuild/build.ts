/**
 * The Build message as the client library types it, and what we read out of it: status names, the failing
 * step, the log location. Type-only import: the library itself is loaded lazily by client.ts.
 */
import type { protos } from '@google-cloud/cloudbuild';

export type Build = protos.google.devtools.cloudbuild.v1.IBuild;
export type BuildStep = protos.google.devtools.cloudbuild.v1.IBuildStep;
export type StorageSource = protos.google.devtools.cloudbuild.v1.IStorageSource;

export type BuildStatus =
  | 'STATUS_UNKNOWN'
  | 'PENDING'
  | 'QUEUED'
  | 'WORKING'
  | 'SUCCESS'
  | 'FAILURE'
  | 'INTERNAL_ERROR'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'EXPIRED';

// Numbers from google/devtools/cloudbuild/v1/cloudbuild.proto (Build.Status); the library may hand back either.
const STATUS_BY_NUMBER: Record<number, BuildStatus> = {
  0: 'STATUS_UNKNOWN',
  10: 'PENDING',
  1: 'QUEUED',
  2: 'WORKING',
  3: 'SUCCESS',
  4: 'FAILURE',
  5: 'INTERNAL_ERROR',
  6: 'TIMEOUT',
  7: 'CANCELLED',
  9: 'EXPIRED',
};

export const RUNNING_STATUSES: ReadonlySet<BuildStatus> = new Set(['PENDING', 'QUEUED', 'WORKING']);
/** Statuses in which the build has not started running steps: the only ones in which we cancel. */
export const NOT_STARTED_STATUSES: ReadonlySet<BuildStatus> = new Set(['PENDING', 'QUEUED']);
export const FAILED_STATUSES: ReadonlySet<BuildStatus> = new Set([
  'FAILURE',
  'INTERNAL_ERROR',
  'TIMEOUT',
  'CANCELLED',
  'EXPIRED',
]);

export function statusOf(status: Build['status'] | string | number | null | undefined): BuildStatus {
  if (typeof status === 'number') return STATUS_BY_NUMBER[status] ?? 'STATUS_UNKNOWN';
  if (typeof status === 'string' && Object.values(STATUS_BY_NUMBER).includes(status as BuildStatus)) {
    return status as BuildStatus;
  }
  return 'STATUS_UNKNOWN';
}

export function isTerminal(status: BuildStatus): boolean {
  return status === 'SUCCESS' || FAILED_STATUSES.has(status);
}

/**
 * The id of the step that failed: the first step whose own status is a failure (Cloud Build sets per-step
 * statuses), else undefined (e.g. the build expired in the queue, or failed fetching source).
 */
export function failingStepId(build: Build): string | undefined {
  const steps = build.steps ?? [];
  for (const [index, step] of steps.entries()) {
    if (FAILED_STATUSES.has(statusOf(step.status)) && statusOf(step.status) !== 'CANCELLED') {
      return step.id || `step #${index}`;
    }
  }
  return undefined;
}

/** The Cloud console page of a build (what Cloud Build puts in logUrl), for when the API did not give one. */
export function consoleUrl(projectId: string, region: string, buildId: string): string {
  return `https://console.cloud.google.com/cloud-build/builds;region=${encodeURIComponent(region)}/${encodeURIComponent(buildId)}?project=${encodeURIComponent(projectId)}`;
}

/** Where Cloud Build writes the build's log object: `<logsBucket>/log-<id>.txt`. */
export function logObjectOf(build: Build): { bucket: string; name: string } | undefined {
  const m = /^gs:\/\/([^/]+)(?:\/(.*))?$/.exec(build.logsBucket ?? '');
  if (!m || !build.id) return undefined;
  const prefix = (m[2] ?? '').replace(/\/+$/, '');
  return { bucket: m[1] as string, name: `${prefix ? `${prefix}/` : ''}log-${build.id}.txt` };
}
