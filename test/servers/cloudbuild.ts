/**
 * A loopback Cloud Build v1 gRPC server, built from the .proto files the client library ships, for driving the
 * real CloudBuildClient over the wire. Builds move QUEUED → WORKING → an end status, either scripted (chosen
 * status, timings, failing step, log lines) or by an executor that runs the steps for real on this machine with
 * the source tarball and log object living in the loopback GCS server.
 *
 *   const gcs = await startGcsServer();
 *   const cb = await startCloudBuildServer({ gcs });
 *   env.CLOUD_BUILD_EMULATOR_HOST = cb.host;
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { cloudBuildService, packAny } from './cloudbuild/protos.js';
import { parseBuildFilter } from './cloudbuild/filter.js';
import { executeSteps, type ExecStep } from './cloudbuild/executor.js';
import { substitutionProblems } from '../../src/cloudbuild/substitutions.js';
import { isTerminal, type BuildStatus } from '../../src/cloudbuild/build.js';

/** What the server needs from the loopback GCS server (test/servers/gcs.ts provides all of it). */
export interface GcsBackend {
  createBucket(name: string): unknown;
  getObject(bucket: string, name: string): { data: Buffer } | undefined;
  appendToObject(bucket: string, name: string, data: Buffer | string): unknown;
}

/** A scripted build: how long it queues and works, how it ends, what it logs. */
export interface ScriptedOutcome {
  status: BuildStatus;
  /** ms in QUEUED before WORKING; Infinity holds it there until start(id) or finish(id). Default 5. */
  queuedMs?: number;
  /** ms in WORKING before the end status; Infinity holds it until finish(id). Default 5. */
  workingMs?: number;
  /** The step (by id) that failed; steps before it succeeded. Default: the last step, for step failures. */
  failingStepId?: string;
  /** Lines appended to the log while WORKING, one every logIntervalMs (default: all at once). */
  logLines?: string[];
  logIntervalMs?: number;
}

/** `execute` runs the steps for real; a ScriptedOutcome plays one out. */
export type BuildBehaviour = ScriptedOutcome | 'execute';

export interface TriggerConfig {
  steps: Array<{ id?: string; name: string; args?: string[]; script?: string; env?: string[]; entrypoint?: string }>;
  substitutions?: Record<string, string>;
  tags?: string[];
}

export interface CloudBuildServerOptions {
  gcs?: GcsBackend;
  /** Bucket for logs when the build names none (created in the GCS server). Default `cloudbuild-logs`. */
  logsBucket?: string;
  /** Behaviour of builds not given one with script(); default a 5 ms queue, 5 ms work, SUCCESS. */
  behaviour?: BuildBehaviour | ((build: ServerBuild) => BuildBehaviour);
  /** Extra host environment for executed steps (e.g. gcloud endpoint overrides). */
  hostEnv?: Record<string, string>;
  /** Triggers RunBuildTrigger can run, by id. */
  triggers?: Record<string, TriggerConfig>;
}

export type MethodName = 'CreateBuild' | 'GetBuild' | 'ListBuilds' | 'CancelBuild' | 'RunBuildTrigger';

export interface InjectedError {
  method: MethodName;
  code?: grpc.status;
  /** How many calls fail before the method works again. Default 1. */
  times?: number;
  message?: string;
  /** For CreateBuild/RunBuildTrigger: create the build anyway, then fail the call (a lost response). */
  afterCommit?: boolean;
}

/** The build as stored: the proto-loader object form, camelCase, timestamps as { seconds, nanos }. */
export type ServerBuild = Record<string, unknown> & {
  id: string;
  name: string;
  projectId: string;
  status: BuildStatus;
  steps: Array<ExecStep & { status: BuildStatus }>;
  tags: string[];
  substitutions: Record<string, string>;
  buildTriggerId: string;
  logsBucket: string;
  logUrl: string;
  createTime: Timestamp;
  startTime: Timestamp | null;
  finishTime: Timestamp | null;
};

interface Timestamp {
  seconds: string;
  nanos: number;
}

interface Control {
  behaviour: BuildBehaviour;
  timers: NodeJS.Timeout[];
  abort: AbortController;
  /** Pending log appends, so the log is complete before the build reports its end status. */
  logDone: Promise<void>;
  finishedAtMs?: number;
}

export interface CloudBuildServer {
  /** host:port, the value for CLOUD_BUILD_EMULATOR_HOST. */
  host: string;
  port: number;
  /** Calls received per method, injected failures included. */
  calls: Record<string, number>;
  builds: Map<string, ServerBuild>;
  /** Emits 'status' (build) on every status change. */
  events: EventEmitter;
  /** The behaviour of the next created build (queue: each call scripts one more build). */
  script(behaviour: BuildBehaviour): void;
  inject(error: InjectedError): void;
  /** Move a held QUEUED build to WORKING now. */
  start(id: string): void;
  /** End a build now with `status` (and the failing step, for step failures). */
  finish(id: string, status: BuildStatus, failingStepId?: string): void;
  /** Resolve once build `id` reaches `status` (or any terminal status when status is 'terminal'). */
  waitFor(id: string, status: BuildStatus | 'terminal'): Promise<ServerBuild>;
  /** Date.now() when the build reached its end status. */
  finishedAt(id: string): number | undefined;
  close(): Promise<void>;
}

function timestamp(ms = Date.now()): Timestamp {
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 };
}

function rpcError(code: grpc.status, details: string): grpc.ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
}

export async function startCloudBuildServer(options: CloudBuildServerOptions = {}): Promise<CloudBuildServer> {
  const gcs = options.gcs;
  const defaultLogsBucket = options.logsBucket ?? 'cloudbuild-logs';
  if (gcs) await gcs.createBucket(defaultLogsBucket);
  const builds = new Map<string, ServerBuild>();
  const controls = new Map<string, Control>();
  const calls: Record<string, number> = {};
  const injected: InjectedError[] = [];
  const scripted: BuildBehaviour[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const scratch = await mkdtemp(path.join(tmpdir(), 'cloudbuild-server-'));

  function takeInjected(method: MethodName): InjectedError | undefined {
    const i = injected.findIndex((e) => e.method === method);
    if (i < 0) return undefined;
    const error = injected[i] as InjectedError;
    error.times = (error.times ?? 1) - 1;
    if (error.times <= 0) injected.splice(i, 1);
    return error;
  }

  function setStatus(build: ServerBuild, status: BuildStatus): void {
    build.status = status;
    if (status === 'WORKING') build.startTime = timestamp();
    if (isTerminal(status)) {
      build.finishTime = timestamp();
      const control = controls.get(build.id);
      if (control) control.finishedAtMs = Date.now();
    }
    events.emit('status', build);
  }

  function logObject(build: ServerBuild): { bucket: string; name: string } {
    const m = /^gs:\/\/([^/]+)(?:\/(.*))?$/.exec(build.logsBucket) as RegExpExecArray;
    const prefix = (m[2] ?? '').replace(/\/+$/, '');
    return { bucket: m[1] as string, name: `${prefix ? `${prefix}/` : ''}log-${build.id}.txt` };
  }

  function appendLog(build: ServerBuild, text: string): void {
    const control = controls.get(build.id) as Control;
    if (!gcs) return;
    const { bucket, name } = logObject(build);
    control.logDone = control.logDone.then(async () => {
      await gcs.appendToObject(bucket, name, text);
    });
  }

  async function endBuild(build: ServerBuild, status: BuildStatus, failing?: { index: number; detail: string }) {
    const control = controls.get(build.id) as Control;
    control.timers.forEach(clearTimeout);
    if (failing) {
      const step = build.steps[failing.index];
      build.failureInfo = { type: 'USER_BUILD_STEP', detail: `Build step failure: ${failing.detail}` };
      build.statusDetail = `Build step failure: ${failing.detail}`;
      if (step && !isTerminal(step.status)) step.status = status === 'TIMEOUT' ? 'TIMEOUT' : 'FAILURE';
    }
    await control.logDone.catch(() => undefined);
    setStatus(build, status);
  }

  function playScript(build: ServerBuild, outcome: ScriptedOutcome, control: Control): void {
    const queuedMs = outcome.queuedMs ?? 5;
    if (Number.isFinite(queuedMs)) control.timers.push(setTimeout(() => beginWork(build), queuedMs));
  }

  function beginWork(build: ServerBuild): void {
    const control = controls.get(build.id) as Control;
    if (build.status !== 'QUEUED') return;
    setStatus(build, 'WORKING');
    if (control.behaviour === 'execute') {
      void execute(build, control);
      return;
    }
    const outcome = control.behaviour;
    appendLog(build, `starting build "${build.id}"\n\nFETCHSOURCE\nBUILD\n`);
    const lines = outcome.logLines ?? [];
    const every = outcome.logIntervalMs ?? 0;
    lines.forEach((line, i) => {
      if (every === 0) appendLog(build, `${line}\n`);
      else control.timers.push(setTimeout(() => appendLog(build, `${line}\n`), every * (i + 1)));
    });
    const workingMs = Math.max(outcome.workingMs ?? 5, every * lines.length);
    if (Number.isFinite(workingMs)) {
      control.timers.push(setTimeout(() => finishScripted(build, outcome.status, outcome.failingStepId), workingMs));
    }
  }

  function finishScripted(build: ServerBuild, status: BuildStatus, failingStepId?: string): void {
    if (isTerminal(build.status)) return;
    const stepFailure = status === 'FAILURE' || status === 'TIMEOUT';
    let index = build.steps.length;
    if (stepFailure && build.steps.length > 0) {
      const found = build.steps.findIndex((s) => s.id === failingStepId);
      index = found >= 0 ? found : build.steps.length - 1;
    }
    build.steps.forEach((step, i) => {
      if (i < index) step.status = 'SUCCESS';
      else if (status === 'CANCELLED' || status === 'EXPIRED') step.status = 'CANCELLED';
    });
    const step = build.steps[index];
    const failing = stepFailure && step ? { index, detail: `build step ${index} "${step.name}" failed: step exited with non-zero status: 1` } : undefined;
    if (status !== 'SUCCESS') appendLog(build, `ERROR\n${failing ? `ERROR: ${failing.detail}\n` : ''}`);
    else appendLog(build, 'PUSH\nDONE\n');
    void endBuild(build, status, failing);
  }

  async function execute(build: ServerBuild, control: Control): Promise<void> {
    const buildDir = path.join(scratch, build.id);
    const storage = (build.source as { storageSource?: { bucket: string; object: string } } | null)?.storageSource;
    let tarball: Buffer | undefined;
    if (storage?.bucket && gcs) {
      tarball = gcs.getObject(storage.bucket, storage.object)?.data;
      if (!tarball) {
        appendLog(build, `starting build "${build.id}"\n\nFETCHSOURCE\nERROR: gs://${storage.bucket}/${storage.object} not found\n`);
        build.failureInfo = { type: 'FETCH_SOURCE_FAILED', detail: `gs://${storage.bucket}/${storage.object} not found` };
        await endBuild(build, 'FAILURE');
        return;
      }
    }
    const substitutions = {
      ...build.substitutions,
      PROJECT_ID: build.projectId,
      BUILD_ID: build.id,
      LOCATION: String(build.name).split('/')[3] ?? 'global',
    };
    try {
      const result = await executeSteps({
        buildId: build.id,
        steps: build.steps,
        buildEnv: ((build.options as { env?: string[] } | null)?.env ?? []) as string[],
        substitutions,
        sourceTarball: tarball,
        sourceLabel: storage ? `gs://${storage.bucket}/${storage.object}` : '',
        buildDir,
        hostEnv: options.hostEnv ?? {},
        log: (text) => appendLog(build, text),
        onStepStatus: (i, status) => {
          const step = build.steps[i];
          if (step) step.status = status;
        },
        signal: control.abort.signal,
      });
      if (isTerminal(build.status)) return; // cancelled meanwhile
      const failing = result.failingStep !== undefined ? { index: result.failingStep, detail: result.detail ?? '' } : undefined;
      await endBuild(build, result.status, failing);
    } catch (error) {
      appendLog(build, `ERROR: executor: ${(error as Error).message}\n`);
      await endBuild(build, 'INTERNAL_ERROR');
    } finally {
      await rm(buildDir, { recursive: true, force: true });
    }
  }

  function createBuild(projectId: string, location: string, input: Record<string, unknown>, triggerId = ''): ServerBuild {
    const id = randomUUID();
    const build = {
      ...input,
      id,
      name: `projects/${projectId}/locations/${location}/builds/${id}`,
      projectId,
      status: 'QUEUED',
      buildTriggerId: triggerId,
      steps: ((input.steps as ExecStep[] | undefined) ?? []).map((s) => ({ ...s, status: 'QUEUED' as BuildStatus })),
      tags: (input.tags as string[] | undefined) ?? [],
      substitutions: (input.substitutions as Record<string, string> | undefined) ?? {},
      logsBucket: (input.logsBucket as string | undefined) || `gs://${defaultLogsBucket}`,
      logUrl: `https://console.cloud.google.com/cloud-build/builds;region=${location}/${id}?project=${projectId}`,
      createTime: timestamp(),
      startTime: null,
      finishTime: null,
    } as ServerBuild;
    const chosen: BuildBehaviour =
      scripted.shift() ??
      (typeof options.behaviour === 'function' ? options.behaviour(build) : options.behaviour) ??
      { status: 'SUCCESS' };
    builds.set(id, build);
    controls.set(id, { behaviour: chosen, timers: [], abort: new AbortController(), logDone: Promise.resolve() });
    events.emit('status', build);
    if (chosen === 'execute') control(id).timers.push(setTimeout(() => beginWork(build), 5));
    else playScript(build, chosen, control(id));
    return build;
  }

  const control = (id: string) => controls.get(id) as Control;

  function operationFor(build: ServerBuild, location: string): object {
    return {
      name: `projects/${build.projectId}/locations/${location}/operations/${randomUUID()}`,
      metadata: packAny('google.devtools.cloudbuild.v1.BuildOperationMetadata', { build }),
      done: false,
    };
  }

  /** The location of a parent/name (projects/p/locations/l/...), `global` when the request used projectId only. */
  function locationOf(resource: string): string {
    return /^projects\/[^/]+\/locations\/([^/]+)/.exec(resource)?.[1] ?? 'global';
  }

  function lookup(name: string, projectId: string, id: string): ServerBuild | undefined {
    const buildId = name ? name.split('/').pop() ?? '' : id;
    const build = builds.get(buildId);
    const project = name ? name.split('/')[1] : projectId;
    return build && build.projectId === project ? build : undefined;
  }

  type Call = grpc.ServerUnaryCall<Record<string, unknown>, unknown>;
  type Callback = grpc.sendUnaryData<unknown>;

  function handler(method: MethodName, body: (request: Record<string, unknown>) => unknown) {
    return (call: Call, callback: Callback) => {
      calls[method] = (calls[method] ?? 0) + 1;
      const fault = takeInjected(method);
      if (fault && !fault.afterCommit) {
        callback(rpcError(fault.code ?? grpc.status.UNAVAILABLE, fault.message ?? 'injected: service unavailable'));
        return;
      }
      try {
        const response = body(call.request);
        if (fault) callback(rpcError(fault.code ?? grpc.status.UNAVAILABLE, fault.message ?? 'injected: connection lost'));
        else callback(null, response);
      } catch (error) {
        const e = error as Partial<grpc.ServiceError>;
        callback(typeof e.code === 'number' ? (e as grpc.ServiceError) : rpcError(grpc.status.INTERNAL, String(error)));
      }
    };
  }

  const implementation: grpc.UntypedServiceImplementation = {
    CreateBuild: handler('CreateBuild', (req) => {
      const parent = String(req.parent ?? '');
      const projectId = String(req.projectId || parent.split('/')[1] || '');
      if (!projectId) throw rpcError(grpc.status.INVALID_ARGUMENT, 'project_id or parent is required');
      const input = req.build as Record<string, unknown>;
      const steps = (input.steps as ExecStep[]) ?? [];
      if (steps.length === 0) throw rpcError(grpc.status.INVALID_ARGUMENT, 'invalid build: no build steps');
      for (const [i, step] of steps.entries()) {
        if (!step.name) throw rpcError(grpc.status.INVALID_ARGUMENT, `invalid build: steps[${i}].name is required`);
        if (step.script && (step.args.length || step.entrypoint)) {
          throw rpcError(grpc.status.INVALID_ARGUMENT, `invalid build: steps[${i}] sets script and args/entrypoint`);
        }
      }
      const loose = (input.options as { substitutionOption?: string } | null)?.substitutionOption === 'ALLOW_LOOSE';
      const problems = substitutionProblems(input as never, (input.substitutions as Record<string, string>) ?? {});
      if (!loose && problems.length) {
        throw rpcError(grpc.status.INVALID_ARGUMENT, `invalid value for 'build.substitutions': ${problems.join('; ')}`);
      }
      const location = locationOf(parent);
      return operationFor(createBuild(projectId, location, input), location);
    }),

    GetBuild: handler('GetBuild', (req) => {
      const build = lookup(String(req.name ?? ''), String(req.projectId ?? ''), String(req.id ?? ''));
      if (!build) throw rpcError(grpc.status.NOT_FOUND, `build ${String(req.name || req.id)} not found`);
      return build;
    }),

    ListBuilds: handler('ListBuilds', (req) => {
      const parent = String(req.parent ?? '');
      const projectId = String(req.projectId || parent.split('/')[1] || '');
      let matches: ReturnType<typeof parseBuildFilter>;
      try {
        matches = parseBuildFilter(String(req.filter ?? ''));
      } catch (error) {
        throw rpcError(grpc.status.INVALID_ARGUMENT, (error as Error).message);
      }
      const all = [...builds.values()]
        .filter((b) => b.projectId === projectId && matches(b))
        .reverse(); // newest first, as Cloud Build lists them
      const pageSize = Number(req.pageSize) || 50;
      const start = Number(req.pageToken || 0);
      const page = all.slice(start, start + pageSize);
      const next = start + pageSize < all.length ? String(start + pageSize) : '';
      return { builds: page, nextPageToken: next };
    }),

    CancelBuild: handler('CancelBuild', (req) => {
      const build = lookup(String(req.name ?? ''), String(req.projectId ?? ''), String(req.id ?? ''));
      if (!build) throw rpcError(grpc.status.NOT_FOUND, `build ${String(req.name || req.id)} not found`);
      if (isTerminal(build.status)) {
        throw rpcError(grpc.status.FAILED_PRECONDITION, `build ${build.id} is not running (status ${build.status})`);
      }
      const c = control(build.id);
      c.timers.forEach(clearTimeout);
      c.abort.abort();
      build.steps.forEach((s) => {
        if (!isTerminal(s.status)) s.status = 'CANCELLED';
      });
      setStatus(build, 'CANCELLED');
      return build;
    }),

    RunBuildTrigger: handler('RunBuildTrigger', (req) => {
      const name = String(req.name ?? '');
      const triggerId = String(req.triggerId || name.split('/').pop() || '');
      const projectId = String(req.projectId || name.split('/')[1] || '');
      const trigger = options.triggers?.[triggerId];
      if (!trigger) throw rpcError(grpc.status.NOT_FOUND, `trigger ${triggerId} not found`);
      const source = (req.source ?? {}) as { commitSha?: string; substitutions?: Record<string, string> };
      const commitSha = source.commitSha ?? '';
      const input = {
        steps: trigger.steps.map((s) => ({ id: '', args: [], env: [], entrypoint: '', dir: '', script: '', ...s })),
        tags: trigger.tags ?? [],
        substitutions: {
          ...trigger.substitutions,
          ...source.substitutions,
          COMMIT_SHA: commitSha,
          SHORT_SHA: commitSha.slice(0, 7),
        },
        source: { repoSource: { commitSha, projectId } },
      };
      const location = locationOf(name);
      return operationFor(createBuild(projectId, location, input, triggerId), location);
    }),
  };

  const server = new grpc.Server();
  server.addService(cloudBuildService, implementation);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });

  return {
    host: `127.0.0.1:${port}`,
    port,
    calls,
    builds,
    events,
    script: (behaviour) => void scripted.push(behaviour),
    inject: (error) => void injected.push({ ...error }),
    start(id) {
      const build = builds.get(id);
      if (build) beginWork(build);
    },
    finish(id, status, failingStepId) {
      const build = builds.get(id);
      if (!build) return;
      if (build.status === 'QUEUED' && status !== 'EXPIRED' && status !== 'CANCELLED') setStatus(build, 'WORKING');
      finishScripted(build, status, failingStepId);
    },
    waitFor(id, status) {
      const reached = (b: ServerBuild) => (status === 'terminal' ? isTerminal(b.status) : b.status === status);
      const now = builds.get(id);
      if (now && reached(now)) return Promise.resolve(now);
      return new Promise((resolve) => {
        const listener = (b: ServerBuild) => {
          if (b.id === id && reached(b)) {
            events.off('status', listener);
            resolve(b);
          }
        };
        events.on('status', listener);
      });
    },
    finishedAt: (id) => controls.get(id)?.finishedAtMs,
    async close() {
      for (const c of controls.values()) {
        c.timers.forEach(clearTimeout);
        c.abort.abort();
      }
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
