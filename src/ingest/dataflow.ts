/**
 * The `dataflow` load path: the Google-provided GCS_CSV_to_BigQuery classic template, launched through the
 * Dataflow REST API (projects.locations.templates.launch). No client library exists for v1b3 templates that is
 * worth its cold start, so this is a small fetch-based client. DATAFLOW_EMULATOR_HOST sends it to a loopback
 * server without credentials (tests); otherwise it authenticates with Application Default Credentials.
 *
 * Template reference: https://cloud.google.com/dataflow/docs/guides/templates/provided/cloud-storage-csv-to-bigquery
 */
import type { Column } from './dataset.js';
import { UserError } from '../errors.js';

export interface TemplateLaunch {
  /** Deterministic: the same content always gets the same name, so a duplicate launch while it runs is refused. */
  jobName: string;
  parameters: Record<string, string>;
  /** gs:// folder for the job's temporary files. */
  tempLocation: string;
}

export interface LaunchedJob {
  jobId: string;
  jobName: string;
  /** true when a running job with the same name already existed and was adopted. */
  adopted: boolean;
}

export interface DataflowLauncher {
  readonly projectId: string;
  readonly region: string;
  launch(request: TemplateLaunch): Promise<LaunchedJob>;
  /**
   * The job with this name in any state (running, done, failed, cancelled), newest first as Dataflow lists them;
   * undefined when there is none. Dataflow keeps terminated jobs listed for 30 days.
   */
  findJob(jobName: string): Promise<{ jobId: string; jobName: string; state: string } | undefined>;
}

/** The schema file the template reads (schemaJSONPath). */
export function dataflowSchemaJson(schema: Column[]): string {
  return JSON.stringify({ 'BigQuery Schema': schema.map((c) => ({ name: c.name, type: c.type, mode: c.mode })) }, null, 2) + '\n';
}

/** Dataflow job names: [a-z]([-a-z0-9]{0,1022}[a-z0-9])? — underscores are not allowed. */
export function dataflowJobName(dataset: string, sha256: string): string {
  return `ingest-${dataset.replace(/_/g, '-')}-${sha256.slice(0, 16)}`.replace(/-+$/, '');
}

export function templateGcsPath(region: string, version: string): string {
  return `gs://dataflow-templates-${region}/${version}/GCS_CSV_to_BigQuery`;
}

/** Template parameters for one staged object (always UTF-8, comma, header row: the stage wrote it that way). */
export function csvToBigQueryParameters(input: {
  objectUri: string;
  schemaUri: string;
  outputTable: string;
  tempDirectory: string;
  badRecordsTable: string;
}): Record<string, string> {
  return {
    inputFilePattern: input.objectUri,
    schemaJSONPath: input.schemaUri,
    outputTable: input.outputTable,
    bigQueryLoadingTemporaryDirectory: input.tempDirectory,
    badRecordsOutputTable: input.badRecordsTable,
    delimiter: ',',
    csvFormat: 'Default',
    containsHeaders: 'true',
    csvFileEncoding: 'UTF-8',
  };
}

// Dataflow takes a bare email here (not projects/-/serviceAccounts/…). User-managed accounts end in
// .iam.gserviceaccount.com, Google-managed ones in e.g. developer.gserviceaccount.com: accept any name@domain.
const SERVICE_ACCOUNT_EMAIL = /^[a-z0-9][a-z0-9._+-]*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

/**
 * The Dataflow worker service account as configured (input, flag or variable named by `name`); '' means unset.
 * Throws a UserError naming the setting and the value when it is not an email.
 */
export function parseDataflowServiceAccount(value: string, name: string): string | undefined {
  const email = value.trim();
  if (!email) return undefined;
  if (!SERVICE_ACCOUNT_EMAIL.test(email)) {
    throw new UserError(
      `${name} was "${email}"; expected a service account email such as ingest-dataflow@my-project.iam.gserviceaccount.com.`,
    );
  }
  return email;
}

export interface DataflowClientOptions {
  projectId: string;
  region: string;
  /**
   * Worker service account email (RuntimeEnvironment.serviceAccountEmail). Unset, Dataflow runs the workers as
   * the Compute Engine default service account, which usually holds far more than the load needs.
   */
  serviceAccountEmail?: string;
  /** Template version folder: "latest" or a dated release such as "2025-01-14-00_RC00". */
  templateVersion?: string;
  env: NodeJS.ProcessEnv;
  /** Attempts for 429/5xx and connection errors. */
  retries?: number;
  fetchImpl?: typeof fetch;
}

interface DataflowJob {
  id?: string;
  name?: string;
  currentState?: string;
}

const USER_AGENT = 'dc-pipeline-actions/0.1 (ingest)';

function emulatorBase(env: NodeJS.ProcessEnv): string | undefined {
  const host = env.DATAFLOW_EMULATOR_HOST?.trim();
  if (!host) return undefined;
  return (/^https?:\/\//.test(host) ? host : `http://${host}`).replace(/\/+$/, '');
}

async function accessToken(): Promise<string> {
  // Loaded only on the real-Dataflow path: google-auth-library is a dependency of the Google clients already.
  const { GoogleAuth } = await import('google-auth-library');
  const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
  const token = await auth.getAccessToken();
  if (!token) throw new Error('Application Default Credentials returned no access token for Dataflow.');
  return token;
}

export function createDataflowLauncher(options: DataflowClientOptions): DataflowLauncher {
  const emulator = emulatorBase(options.env);
  const base = emulator ?? 'https://dataflow.googleapis.com';
  const doFetch = options.fetchImpl ?? fetch;
  const retries = options.retries ?? 4;
  const version = options.templateVersion ?? 'latest';
  const location = `projects/${encodeURIComponent(options.projectId)}/locations/${encodeURIComponent(options.region)}`;

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (!emulator) headers.authorization = `Bearer ${await accessToken()}`;
    let lastError: unknown;
    for (let attempt = 1; attempt <= retries; attempt++) {
      try {
        const res = await doFetch(`${base}/v1b3/${path}`, {
          method,
          headers,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(60_000),
        });
        const text = await res.text();
        const json = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
        if ((res.status === 429 || res.status >= 500) && attempt < retries) {
          lastError = new Error(`HTTP ${res.status}`);
        } else {
          return { status: res.status, json };
        }
      } catch (error) {
        lastError = error;
        if (attempt === retries) break;
      }
      await new Promise((r) => setTimeout(r, Math.min(8000, 250 * 2 ** (attempt - 1))));
    }
    throw new Error(`Dataflow ${method} ${path} failed after ${retries} attempts: ${(lastError as Error)?.message ?? lastError}`);
  }

  function errorText(json: Record<string, unknown>): string {
    const error = json.error as { message?: string; status?: string } | undefined;
    return error?.message ?? JSON.stringify(json);
  }

  /** The first job named `jobName` among those `filter` selects (ACTIVE: running or about to; ALL: any state). */
  async function findByName(jobName: string, filter: 'ACTIVE' | 'ALL'): Promise<DataflowJob | undefined> {
    let pageToken = '';
    do {
      // `name` narrows the list on Dataflow's side; the comparison below does not rely on it.
      const query = new URLSearchParams({ filter, name: jobName, ...(pageToken ? { pageToken } : {}) });
      const { status, json } = await call('GET', `${location}/jobs?${query.toString()}`);
      if (status !== 200) throw new Error(`Failed to list Dataflow jobs in ${location}: ${errorText(json)}`);
      const hit = ((json.jobs as DataflowJob[] | undefined) ?? []).find((j) => j.name === jobName);
      if (hit) return hit;
      pageToken = (json.nextPageToken as string | undefined) ?? '';
    } while (pageToken);
    return undefined;
  }

  return {
    projectId: options.projectId,
    region: options.region,
    async launch(request) {
      const gcsPath = templateGcsPath(options.region, version);
      const { status, json } = await call('POST', `${location}/templates:launch?gcsPath=${encodeURIComponent(gcsPath)}`, {
        jobName: request.jobName,
        parameters: request.parameters,
        environment: {
          tempLocation: request.tempLocation,
          ...(options.serviceAccountEmail ? { serviceAccountEmail: options.serviceAccountEmail } : {}),
        },
      });
      if (status === 200) {
        const job = (json.job ?? {}) as DataflowJob;
        if (!job.id) throw new Error(`Dataflow launched ${request.jobName} but returned no job id.`);
        return { jobId: job.id, jobName: request.jobName, adopted: false };
      }
      // A job with this name is already running (a concurrent delivery, or a retried launch that did go through).
      if (status === 409) {
        const active = await findByName(request.jobName, 'ACTIVE');
        if (active?.id) return { jobId: active.id, jobName: request.jobName, adopted: true };
      }
      throw new Error(`Failed to launch Dataflow template ${gcsPath} as ${request.jobName}: HTTP ${status}: ${errorText(json)}`);
    },
    async findJob(jobName) {
      const job = await findByName(jobName, 'ALL');
      if (!job?.id) return undefined;
      return { jobId: job.id, jobName, state: job.currentState ?? 'JOB_STATE_UNKNOWN' };
    },
  };
}
