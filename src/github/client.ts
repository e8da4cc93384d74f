/**
 * The only place an Octokit is built. @actions/github gives the REST methods and pagination; we add
 * plugin-retry (5xx and network errors, exponential backoff) and plugin-throttling (403/429 secondary rate
 * limits, honouring `retry-after`). GITHUB_API_URL decides where requests go (GHES, or a loopback server in tests).
 *
 * POSTs that create things are NOT retried blindly by callers: see sticky-comment.ts, which re-lists before
 * posting again so a 5xx after GitHub already stored the comment never yields a duplicate.
 */
import Bottleneck from 'bottleneck';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST base URL, e.g. https://api.github.com or http://127.0.0.1:PORT. */
  apiUrl: string;
  /** How many times one request is retried on 5xx / rate limits. */
  retries?: number;
  /**
   * Milliseconds per unit of `retry-after` and of the retry plugin's backoff (1000 in production: seconds).
   * Tests lower it so a `retry-after: 1` costs milliseconds, not seconds.
   */
  retryUnitMs?: number;
  /** Where retry/throttle notices go (a warning in the action log). */
  log?: (message: string) => void;
  userAgent?: string;
}

const DEFAULT_RETRIES = 4;

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? DEFAULT_RETRIES;
  const unit = options.retryUnitMs ?? 1000;
  const log = options.log ?? (() => undefined);
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      if (retryCount >= retries) {
        log(`GitHub ${kind} rate limit on ${request.method} ${request.url}; giving up after ${retryCount} retries.`);
        return false;
      }
      log(`GitHub ${kind} rate limit on ${request.method} ${request.url}; retrying after ${retryAfter}s.`);
      return true;
    };
  const client = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      userAgent: options.userAgent ?? 'dc-pipeline-actions',
      // 429 is left to honourRetryAfterOn429 below: plugin-retry would back off without reading retry-after.
      retry: { retries, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        retryAfterBaseValue: unit,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        ...spacing(unit),
      },
      // Octokit's default logger prints request warnings to the console; route them through our log.
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    },
    retry,
    throttling,
  );
  honourRetryAfterOn429(client, retries, unit, log);
  return client;
}

/**
 * plugin-throttling spaces writes 1 s apart and notification-triggering POSTs 3 s apart, in limiter groups
 * shared by every client of the process. GitHub asks for that pacing, so production keeps it; with a shorter
 * unit (tests) the spacing shrinks with it, in groups of this client's own.
 */
function spacing(unit: number): Record<string, unknown> {
  if (unit === 1000) return {};
  const group = (minTime: number, maxConcurrent: number | null = 1) => new Bottleneck.Group({ maxConcurrent, minTime });
  return { global: group(0, 10), write: group(unit), notifications: group(3 * unit), search: group(2 * unit) };
}

/**
 * plugin-throttling 8.x only recognises secondary limits sent as 403; GitHub also sends them as 429 with a
 * `retry-after`. A 429 means the request was refused, not processed, so retrying is safe even for a POST.
 */
function honourRetryAfterOn429(client: GitHubClient, retries: number, unit: number, log: (m: string) => void): void {
  client.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status !== 429 || attempt >= retries) throw error;
        const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers;
        const after = Number(headers?.['retry-after']) || 2 ** attempt;
        log(`GitHub answered 429 to ${options.method} ${options.url}; retrying after ${after}s.`);
        await new Promise((resolve) => setTimeout(resolve, after * unit));
      }
    }
  });
}

/** The client the actions use: token from the input, endpoint from GITHUB_API_URL. */
export function createGitHubClientFromEnv(
  token: string,
  env: NodeJS.ProcessEnv,
  log?: (message: string) => void,
): GitHubClient {
  return createGitHubClient({
    token,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    retryUnitMs: retryUnitMsFromEnv(env),
    log,
  });
}

/**
 * Milliseconds per second of GitHub back-off. 1000 normally; DCP_GITHUB_RETRY_UNIT_MS shortens it so the
 * end-to-end tests can exercise `retry-after` against a loopback server without waiting whole seconds.
 */
export function retryUnitMsFromEnv(env: NodeJS.ProcessEnv): number {
  const unit = Number(env.DCP_GITHUB_RETRY_UNIT_MS);
  return Number.isFinite(unit) && unit > 0 ? unit : 1000;
}
