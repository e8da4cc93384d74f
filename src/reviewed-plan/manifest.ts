/**
 * The reviewed-plan chain: what the plan action publishes next to the binary plan so that, after the merge, the
 * apply can prove it is applying exactly the plan people reviewed in the PR comment.
 *
 * Layout: <prefix>/<owner>/<repo>/<env>/pr-<n>/<head-sha>/{plan.tfplan, plan.json, manifest.json}
 */
import { UserError } from '../errors.js';

export const MANIFEST_VERSION = 1;

export interface PlanManifest {
  version: typeof MANIFEST_VERSION;
  /** sha256 (hex) of the binary plan file: the value in the PR comment footer and the one Cloud Build re-checks. */
  planSha256: string;
  planJsonSha256: string;
  /** owner/repo */
  repository: string;
  pullRequest: number;
  headSha: string;
  environment: string;
  workingDirectory: string;
  terraformVersion: string;
  /** sha256 of .terraform.lock.hcl at plan time, when the root has one: providers must not change before apply. */
  lockFileSha256?: string;
  /** RFC 3339; informational only (the comment body carries no clock time, the manifest may). */
  createdAt: string;
  /** Object names of the plan and its JSON, relative to the bucket. */
  planObject: string;
  planJsonObject: string;
}

export interface PlanLocation {
  bucket: string;
  /** Prefix inside the bucket, no leading or trailing slash; may be empty. */
  prefix: string;
}

export interface PlanKey {
  repository: string;
  environment: string;
  pullRequest: number;
  headSha: string;
}

const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

function segment(value: string, what: string): string {
  if (!SAFE_SEGMENT.test(value) || value === '.' || value === '..') {
    throw new UserError(`The ${what} "${value}" cannot be used in an object path; expected letters, digits, ".", "_" or "-".`);
  }
  return value;
}

/** The folder (object name prefix, ending in "/") that holds one reviewed plan. */
export function planFolder(location: PlanLocation, key: PlanKey): string {
  const [owner, repo, ...rest] = key.repository.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new UserError(`The repository "${key.repository}" is not of the form owner/repo.`);
  }
  if (!/^[0-9a-f]{40}$/.test(key.headSha)) {
    throw new UserError(`The commit "${key.headSha}" is not a full 40-character SHA.`);
  }
  const parts = [
    location.prefix,
    segment(owner, 'repository owner'),
    segment(repo, 'repository name'),
    segment(key.environment, 'environment'),
    `pr-${key.pullRequest}`,
    key.headSha,
  ].filter((p) => p.length > 0);
  return `${parts.join('/')}/`;
}

/** Read a manifest back, refusing anything that is not one (wrong version, missing fields). */
export function parseManifest(text: string, where: string): PlanManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError(`The reviewed-plan manifest at ${where} is not valid JSON.`);
  }
  const m = data as Partial<PlanManifest>;
  const missing = (['planSha256', 'repository', 'headSha', 'environment', 'planObject'] as const).filter(
    (k) => typeof m[k] !== 'string' || (m[k] as string).length === 0,
  );
  if (m.version !== MANIFEST_VERSION || missing.length > 0 || typeof m.pullRequest !== 'number') {
    throw new UserError(
      `The reviewed-plan manifest at ${where} is not a version ${MANIFEST_VERSION} manifest` +
        (missing.length ? ` (missing ${missing.join(', ')})` : '') +
        '.',
    );
  }
  if (!/^[0-9a-f]{64}$/.test(m.planSha256 as string)) {
    throw new UserError(`The reviewed-plan manifest at ${where} has an invalid planSha256.`);
  }
  return m as PlanManifest;
}

/**
 * The URI of a plan folder, ending in "/". Asked of the store without the slash: a folder is not an object, and
 * the local store refuses names with an empty last segment.
 */
export function folderUri(store: { uri(bucket: string, name: string): string }, bucket: string, folder: string): string {
  return `${store.uri(bucket, folder.replace(/\/+$/, ''))}/`;
}
