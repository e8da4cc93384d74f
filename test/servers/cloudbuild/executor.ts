/**
 * Runs a build's steps for real on this machine, the way a Cloud Build worker would but without Docker: the
 * builder image is ignored, each step's `script` (or `entrypoint` + `args`) runs on the host in a per-build
 * workspace where the source tarball was unpacked, with the step's env and dir, substitutions applied. Output is
 * appended to the build log as it is produced, prefixed the way Cloud Build prefixes it.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { applySubstitutions } from '../../../src/cloudbuild/substitutions.js';
import type { BuildStatus } from '../../../src/cloudbuild/build.js';

/** The step fields the executor reads, as proto-loader decodes them. */
export interface ExecStep {
  id: string;
  name: string;
  args: string[];
  entrypoint: string;
  env: string[];
  dir: string;
  script: string;
  timeout?: { seconds?: string | number; nanos?: number } | null;
}

export interface ExecutionPlan {
  buildId: string;
  steps: ExecStep[];
  /** options.env, applied to every step. */
  buildEnv: string[];
  substitutions: Record<string, string>;
  /** The unpacked source (null when the build has none). */
  sourceTarball: Buffer | undefined;
  sourceLabel: string;
  /** The per-build scratch directory; `workspace/` and `home/` go inside. */
  buildDir: string;
  /** Extra host environment for every step (e.g. endpoint overrides pointing gcloud at the loopback GCS). */
  hostEnv: Record<string, string>;
  log(text: string): void;
  onStepStatus(index: number, status: BuildStatus): void;
  signal: AbortSignal;
}

export interface ExecutionResult {
  status: BuildStatus;
  failingStep?: number;
  detail?: string;
}

// What the images we use run when a step gives neither script nor entrypoint.
const DEFAULT_ENTRYPOINTS: Array<[RegExp, string]> = [
  [/(^|\/)terraform(:|$)/, 'terraform'],
  [/cloud-sdk|cloud-builders\/gcloud/, 'gcloud'],
  [/cloud-builders\/docker|(^|\/)docker(:|$)/, 'docker'],
  [/(^|\/)bash(:|$)/, 'bash'],
];

function durationMs(d: ExecStep['timeout']): number | undefined {
  if (!d) return undefined;
  const ms = Number(d.seconds ?? 0) * 1000 + Math.floor((d.nanos ?? 0) / 1e6);
  return ms > 0 ? ms : undefined;
}

export async function executeSteps(plan: ExecutionPlan): Promise<ExecutionResult> {
  const workspace = path.join(plan.buildDir, 'workspace');
  const home = path.join(plan.buildDir, 'home');
  await mkdir(workspace, { recursive: true });
  await mkdir(home, { recursive: true });
  plan.log(`starting build "${plan.buildId}"\n\nFETCHSOURCE\n`);
  if (plan.sourceTarball) {
    plan.log(`Fetching storage object: ${plan.sourceLabel}\n`);
    await pipeline(Readable.from(plan.sourceTarball), tar.extract({ cwd: workspace }));
  }
  plan.log('BUILD\n');
  const sub = (s: string) => applySubstitutions(s, plan.substitutions);
  for (const [index, step] of plan.steps.entries()) {
    const label = `Step #${index}${step.id ? ` - "${step.id}"` : ''}`;
    plan.onStepStatus(index, 'WORKING');
    plan.log(`Starting ${label}\n`);
    const outcome = await runStep(step, index, label);
    plan.onStepStatus(index, outcome.status);
    if (outcome.status !== 'SUCCESS') {
      plan.log(`ERROR\nERROR: build step ${index} "${sub(step.name)}" failed: ${outcome.detail}\n`);
      return { status: outcome.status, failingStep: index, detail: `build step ${index} "${sub(step.name)}" failed: ${outcome.detail}` };
    }
    plan.log(`Finished ${label}\n`);
  }
  plan.log('PUSH\nDONE\n');
  return { status: 'SUCCESS' };

  async function runStep(step: ExecStep, index: number, label: string): Promise<{ status: BuildStatus; detail?: string }> {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      // Keep gcloud's state inside the build, never in the developer's ~/.config/gcloud.
      CLOUDSDK_CONFIG: path.join(plan.buildDir, 'gcloud-config'),
      BUILDER_OUTPUT: path.join(plan.buildDir, 'builder-output'),
      ...plan.hostEnv,
    };
    for (const entry of [...plan.buildEnv, ...step.env]) {
      const text = sub(entry);
      const eq = text.indexOf('=');
      if (eq > 0) env[text.slice(0, eq)] = text.slice(eq + 1);
    }
    const cwd = path.resolve(workspace, sub(step.dir || '.'));
    let command: string;
    let args: string[];
    if (step.script) {
      // Scripts are not substituted (Cloud Build passes values through env); no shebang means /bin/sh.
      const file = path.join(plan.buildDir, `step-${index}.script`);
      await writeFile(file, step.script, { mode: 0o755 });
      [command, args] = step.script.startsWith('#!') ? [file, []] : ['sh', [file]];
    } else {
      const entrypoint = sub(step.entrypoint) || DEFAULT_ENTRYPOINTS.find(([re]) => re.test(sub(step.name)))?.[1];
      if (!entrypoint) return { status: 'FAILURE', detail: `the executor knows no default entrypoint for image ${sub(step.name)}` };
      [command, args] = [entrypoint, step.args.map(sub)];
    }
    await mkdir(cwd, { recursive: true });
    if (plan.signal.aborted) return { status: 'CANCELLED', detail: 'build was cancelled' };
    return new Promise((resolve) => {
      const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const prefix = `${label}: `;
      const partial = { out: '', err: '' };
      const emit = (which: 'out' | 'err', chunk: Buffer) => {
        const text = partial[which] + chunk.toString('utf8');
        const cut = text.lastIndexOf('\n');
        partial[which] = text.slice(cut + 1);
        if (cut >= 0) {
          plan.log(text.slice(0, cut + 1).split('\n').slice(0, -1).map((l) => `${prefix}${l}\n`).join(''));
        }
      };
      child.stdout.on('data', (c: Buffer) => emit('out', c));
      child.stderr.on('data', (c: Buffer) => emit('err', c));
      let ended: { status: BuildStatus; detail: string } | undefined;
      const kill = (status: BuildStatus, detail: string) => {
        ended ??= { status, detail };
        try {
          process.kill(-(child.pid as number), 'SIGKILL');
        } catch {
          // already gone
        }
      };
      const limit = durationMs(step.timeout);
      const timer = limit ? setTimeout(() => kill('TIMEOUT', `step timed out after ${limit / 1000}s`), limit) : undefined;
      const onAbort = () => kill('CANCELLED', 'build was cancelled');
      plan.signal.addEventListener('abort', onAbort, { once: true });
      child.on('error', (error) => {
        ended ??= { status: 'FAILURE', detail: `could not start ${command}: ${error.message}` };
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        plan.signal.removeEventListener('abort', onAbort);
        for (const which of ['out', 'err'] as const) {
          if (partial[which]) plan.log(`${prefix}${partial[which]}\n`);
        }
        if (ended) resolve(ended);
        else if (code === 0) resolve({ status: 'SUCCESS' });
        else resolve({ status: 'FAILURE', detail: `step exited with non-zero status: ${code}` });
      });
    });
  }
}
