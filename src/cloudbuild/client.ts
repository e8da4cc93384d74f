/**
 * The one place a CloudBuildClient is constructed. It knows the regional resource names, the emulator variable
 * (CLOUD_BUILD_EMULATOR_HOST=host:port → plaintext gRPC, no credentials), the retry policy and how to word
 * errors; callers get five methods that take and return plain Build messages.
 *
 * The library (and google-gax with it) is imported lazily: the apply bundle only pays its ~200 ms load when it
 * actually talks to Cloud Build.
 */
import type { CloudBuildClient } from '@google-cloud/cloudbuild';
import { UserError } from '../errors.js';
import { type Build, RUNNING_STATUSES, statusOf } from './build.js';

export interface CloudBuildOptions {
  projectId: string;
  /** Cloud Build region; `global` is the default pool. */
  region?: string;
  /** Where CLOUD_BUILD_EMULATOR_HOST is read from (the action passes process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Appended to the gRPC user agent and x-goog-api-client, e.g. `dc-pipeline-actions/0.1.0`. */
  userAgent?: string;
  /** Retry timing; the defaults suit production, tests shorten them. */
  retry?: Partial<RetryTiming>;
}

export interface RetryTiming {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Give up retrying a call after this long. */
  totalTimeoutMs: number;
}

const DEFAULT_RETRY: RetryTiming = { initialDelayMs: 250, maxDelayMs: 4000, totalTimeoutMs: 60_000 };

export interface TriggerRun {
  commitSha: string;
  substitutions?: Record<string, string>;
}

export interface CloudBuildApi {
  readonly projectId: string;
  readonly region: string;
  /** Start a build and return its id as soon as Cloud Build has accepted it (the operation is not awaited). */
  createBuild(build: Build): Promise<string>;
  getBuild(id: string): Promise<Build>;
  /** Builds carrying every one of `tags`, newest first. */
  listBuilds(query: { tags: readonly string[] }): Promise<Build[]>;
  cancelBuild(id: string): Promise<Build>;
  /** Run a trigger at `commitSha`; returns the id of the build it started. */
  runBuildTrigger(triggerId: string, run: TriggerRun): Promise<string>;
  close(): Promise<void>;
}

/** An API failure with the resource it concerned; `code` is the gRPC status code when there was one. */
export class CloudBuildError extends Error {
  override readonly name = 'CloudBuildError';
  constructor(
    message: string,
    readonly code: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// gRPC status codes (google.rpc.Code).
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

const SERVICE = 'google.devtools.cloudbuild.v1.CloudBuild';
/** Cloud Build's own limit on tag syntax; checking it here keeps the list filter free of quoting problems. */
const TAG = /^[\w][\w.-]{0,127}$/;

export function parseEmulatorHost(value: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:/\s]+):(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) {
    throw new UserError(`CLOUD_BUILD_EMULATOR_HOST was "${value}"; expected host:port, e.g. 127.0.0.1:8090.`);
  }
  return { host: (m[1] as string).replace(/^\[|\]$/g, ''), port };
}

/** The list filter Cloud Build understands for "has all of these tags". */
export function tagsFilter(tags: readonly string[]): string {
  for (const tag of tags) {
    if (!TAG.test(tag)) throw new UserError(`Build tag "${tag}" is not valid; tags must match ${TAG.source}.`);
  }
  return tags.map((tag) => `tags="${tag}"`).join(' AND ');
}

function retryConfig(timing: RetryTiming): object {
  const retried = { retry_codes_name: 'retried', retry_params_name: 'polling' };
  return {
    interfaces: {
      [SERVICE]: {
        retry_codes: { retried: ['UNAVAILABLE', 'DEADLINE_EXCEEDED'], not_retried: [] },
        retry_params: {
          polling: {
            initial_retry_delay_millis: timing.initialDelayMs,
            retry_delay_multiplier: 2,
            max_retry_delay_millis: timing.maxDelayMs,
            initial_rpc_timeout_millis: 30_000,
            rpc_timeout_multiplier: 1,
            max_rpc_timeout_millis: 30_000,
            total_timeout_millis: timing.totalTimeoutMs,
          },
        },
        methods: {
          // Reads and cancel are safe to repeat. Create and trigger are not (a retried request that did reach
          // the server would start a second apply); createBuild recovers by tag lookup instead, see below.
          GetBuild: retried,
          ListBuilds: retried,
          CancelBuild: retried,
          CreateBuild: { retry_codes_name: 'not_retried', retry_params_name: 'polling' },
          RunBuildTrigger: { retry_codes_name: 'not_retried', retry_params_name: 'polling' },
        },
      },
    },
  };
}

function codeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function rethrow(what: string, error: unknown): never {
  const detail = (error as { details?: string; message?: string } | null)?.details || (error as Error)?.message;
  throw new CloudBuildError(`Failed to ${what}: ${detail ?? String(error)}`, codeOf(error), { cause: error });
}

function buildIdOfOperation(operation: unknown, what: string): string {
  // The operation's metadata is a BuildOperationMetadata carrying the whole new Build.
  const id = (operation as { metadata?: { build?: { id?: string } } } | undefined)?.metadata?.build?.id;
  if (!id) throw new CloudBuildError(`Failed to ${what}: the operation carried no build id.`, undefined);
  return id;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function createCloudBuild(options: CloudBuildOptions): Promise<CloudBuildApi> {
  const projectId = options.projectId;
  const region = options.region || 'global';
  const timing = { ...DEFAULT_RETRY, ...options.retry };
  const emulator = options.env?.CLOUD_BUILD_EMULATOR_HOST;
  const [{ CloudBuildClient: Client }, gax] = await Promise.all([
    import('@google-cloud/cloudbuild'),
    import('google-gax'),
  ]);

  const clientOptions: ConstructorParameters<typeof Client>[0] & Record<string, unknown> = {
    clientConfig: retryConfig(timing),
    libName: options.userAgent?.split('/')[0],
    libVersion: options.userAgent?.split('/')[1],
    ...(options.userAgent ? { 'grpc.primary_user_agent': options.userAgent } : {}),
  };
  if (emulator) {
    const { host, port } = parseEmulatorHost(emulator);
    // sslCreds replaces the whole channel credential, so google-auth-library is never asked for a token; an
    // explicit universe domain stops gax asking it for one either (that probe goes to the metadata server).
    Object.assign(clientOptions, {
      apiEndpoint: host,
      port,
      sslCreds: gax.grpc.credentials.createInsecure(),
      universeDomain: 'googleapis.com',
    });
  }
  const client: CloudBuildClient = new Client(clientOptions, gax);

  const location = `projects/${projectId}/locations/${region}`;
  const buildName = (id: string) => `${location}/builds/${id}`;

  const api: CloudBuildApi = {
    projectId,
    region,

    async createBuild(build) {
      const what = `create a build in ${location}`;
      const startedAt = Date.now();
      let delay = timing.initialDelayMs;
      for (;;) {
        try {
          const [operation] = await client.createBuild({ parent: location, projectId, build });
          return buildIdOfOperation(operation, what);
        } catch (error) {
          const code = codeOf(error);
          const transient = code === UNAVAILABLE || code === DEADLINE_EXCEEDED;
          // Without tags we could not tell whether the lost request started a build: never guess.
          const tags = build.tags ?? [];
          if (!transient || tags.length === 0 || Date.now() - startedAt + delay > timing.totalTimeoutMs) {
            rethrow(what, error);
          }
          await sleep(delay);
          delay = Math.min(delay * 2, timing.maxDelayMs);
          // The request may have reached Cloud Build before the connection broke: look for it by its tags.
          const existing = await api.listBuilds({ tags });
          // Ours is young (allowing for clock skew between here and Google) and cannot have failed yet; an
          // older or failed build with the same tags is an earlier attempt, not this request.
          const ours = existing.find((b) => {
            const status = statusOf(b.status);
            return createdAtMs(b) >= startedAt - 10_000 && (RUNNING_STATUSES.has(status) || status === 'SUCCESS');
          });
          if (ours?.id) return ours.id;
        }
      }
    },

    async getBuild(id) {
      try {
        const [build] = await client.getBuild({ name: buildName(id), projectId, id });
        return build;
      } catch (error) {
        rethrow(`get build ${buildName(id)}`, error);
      }
    },

    async listBuilds({ tags }) {
      const filter = tagsFilter(tags);
      try {
        const [builds] = await client.listBuilds({ parent: location, projectId, filter });
        return builds;
      } catch (error) {
        rethrow(`list builds in ${location} with ${filter}`, error);
      }
    },

    async cancelBuild(id) {
      try {
        const [build] = await client.cancelBuild({ name: buildName(id), projectId, id });
        return build;
      } catch (error) {
        rethrow(`cancel build ${buildName(id)}`, error);
      }
    },

    async runBuildTrigger(triggerId, run) {
      const name = `${location}/triggers/${triggerId}`;
      const what = `run trigger ${name} at ${run.commitSha}`;
      try {
        const [operation] = await client.runBuildTrigger({
          name,
          projectId,
          triggerId,
          source: { projectId, commitSha: run.commitSha, substitutions: run.substitutions ?? {} },
        });
        return buildIdOfOperation(operation, what);
      } catch (error) {
        rethrow(what, error);
      }
    },

    async close() {
      await client.close();
    },
  };
  return api;
}

function createdAtMs(build: Build): number {
  const seconds = Number(build.createTime?.seconds ?? 0);
  return seconds * 1000 + Math.floor((build.createTime?.nanos ?? 0) / 1e6);
}
