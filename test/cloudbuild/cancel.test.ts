import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelOnSignal } from '../../src/cloudbuild/cancel.js';
import { createCloudBuild, type CloudBuildApi } from '../../src/cloudbuild/client.js';
import { BuildFailedError, waitForBuild } from '../../src/cloudbuild/wait.js';
import { startCloudBuildServer, type CloudBuildServer } from '../servers/cloudbuild.js';

describe('cancelOnSignal', () => {
  let server: CloudBuildServer;
  let cloudBuild: CloudBuildApi;
  const steps = [{ id: 'apply', name: 'hashicorp/terraform:1.11.4', script: 'true' }];
  const fast = { initialMs: 5, maxMs: 10 };

  beforeAll(async () => {
    server = await startCloudBuildServer({ behaviour: { status: 'SUCCESS', queuedMs: Infinity, workingMs: Infinity } });
    cloudBuild = await createCloudBuild({ projectId: 'p', env: { CLOUD_BUILD_EMULATOR_HOST: server.host } });
  });
  afterAll(async () => {
    await cloudBuild?.close();
    await server?.close();
  });

  function logger() {
    const lines: string[] = [];
    return { lines, info: (m: string) => lines.push(`info: ${m}`), warning: (m: string) => lines.push(`warning: ${m}`) };
  }

  it('cancels a build that is still QUEUED, and the wait then fails with CANCELLED', async () => {
    const id = await cloudBuild.createBuild({ steps });
    const signals = new EventEmitter();
    const log = logger();
    const guard = cancelOnSignal({ cloudBuild, id, signals, log });
    signals.emit('SIGINT');
    expect(await guard.decision).toBe('cancelled');
    guard.dispose();
    expect(server.builds.get(id)?.status).toBe('CANCELLED');
    expect(log.lines).toEqual([`info: The workflow was cancelled: Cloud Build build ${id} was QUEUED and is now cancelled.`]);
    const error = await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: fast }).catch((e) => e);
    expect((error as BuildFailedError).status).toBe('CANCELLED');
  });

  it('leaves a WORKING build to finish and says why', async () => {
    const id = await cloudBuild.createBuild({ steps });
    server.start(id);
    const signals = new EventEmitter();
    const log = logger();
    const guard = cancelOnSignal({ cloudBuild, id, signals, log });
    const cancelsBefore = server.calls.CancelBuild ?? 0;
    signals.emit('SIGTERM');
    expect(await guard.decision).toBe('left-running');
    expect(server.calls.CancelBuild ?? 0).toBe(cancelsBefore);
    expect(server.builds.get(id)?.status).toBe('WORKING');
    expect(log.lines).toEqual([
      `warning: The workflow was cancelled, but Cloud Build build ${id} is WORKING: it is left to finish, because ` +
        `stopping Terraform mid-apply can corrupt the state. Follow it at https://console.cloud.google.com/cloud-build/builds;region=global/${id}?project=p`,
    ]);
    server.finish(id, 'SUCCESS');
    const result = await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: fast });
    expect(result.status).toBe('SUCCESS');
    guard.dispose();
  });

  it('handles only the first of repeated signals (SIGINT then SIGTERM from the runner)', async () => {
    const id = await cloudBuild.createBuild({ steps });
    const signals = new EventEmitter();
    const guard = cancelOnSignal({ cloudBuild, id, signals, log: logger() });
    const cancelsBefore = server.calls.CancelBuild ?? 0;
    signals.emit('SIGINT');
    signals.emit('SIGTERM');
    signals.emit('SIGINT');
    await guard.decision;
    expect(server.calls.CancelBuild).toBe(cancelsBefore + 1);
    guard.dispose();
  });

  it('does nothing once disposed', async () => {
    const id = await cloudBuild.createBuild({ steps });
    const signals = new EventEmitter();
    const guard = cancelOnSignal({ cloudBuild, id, signals, log: logger() });
    guard.dispose();
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
    signals.emit('SIGINT');
    expect(guard.decision).toBeUndefined();
    expect(server.builds.get(id)?.status).toBe('QUEUED');
  });

  it('reports a build that already ended without calling cancel', async () => {
    const id = await cloudBuild.createBuild({ steps });
    server.finish(id, 'FAILURE', 'apply');
    const signals = new EventEmitter();
    const guard = cancelOnSignal({ cloudBuild, id, signals, log: logger() });
    signals.emit('SIGTERM');
    expect(await guard.decision).toBe('already-ended');
    guard.dispose();
  });
});
