/** Reading Octokit's RequestError without importing it (keeps this module free of Octokit at load time). */

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The token may not write here: a fork PR's read-only GITHUB_TOKEN, or missing `pull-requests: write`.
 * GitHub answers 403 "Resource not accessible by integration" (rate limits are also 403, but the throttling
 * plugin retries those and their message names the rate limit).
 */
export function isPermissionDenied(error: unknown): boolean {
  if (statusOf(error) !== 403) return false;
  return !/rate limit/i.test((error as Error).message ?? '');
}

/** The request may or may not have been processed: a 5xx, or the connection died before an answer. */
export function isAmbiguousFailure(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

/** "Failed to <what>: <message>" — the request context GitHub's own message lacks. */
export function withContext(what: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const wrapped = new Error(`Failed to ${what}: ${message}`, { cause: error });
  (wrapped as Error & { status?: number }).status = statusOf(error);
  return wrapped;
}
